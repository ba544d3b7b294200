"""The one module that relies on reportlab's internals: its font registries, a paragraph's line breaks, a canvas's images.

Each use is something reportlab has no public way to do: forget a font registered from other
bytes, keep the lines a paragraph was broken into, draw a picture from an image object made
once. A reportlab upgrade that changes these internals is caught by the tests that guard them
(tests/test_session.py, tests/test_determinism.py and the PDF tests, which compare bytes).
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from typing import Any

from reportlab.lib.utils import ImageReader, _digester  # type: ignore[attr-defined]  # private, not in its stubs
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFImageXObject, PDFObjectReference
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as PlainParagraph
from reportlab.platypus.paragraph import _FUZZ  # type: ignore[attr-defined]  # private, not in its stubs

DIGEST = "digest"
"""The attribute a registered font keeps the SHA-256 of its file's bytes in."""


def registered_digest(name: str) -> str | None:
    """The SHA-256 of the bytes the font registered as ``name`` was read from, or None."""
    return getattr(pdfmetrics._fonts.get(name), DIGEST, None)  # type: ignore[attr-defined]  # private, not in its stubs


def forget_other_bytes(name: str, font: TTFont) -> None:
    """Take fonts made from other bytes out of reportlab's registry, which keeps the first under a name or face name.

    reportlab shares one font object among names whose faces are named alike (so a document
    embeds each face once); one made from other bytes of that face must go, or a font file
    edited between two builds in one process would be drawn with its old contents. reportlab
    has no public way to do it; tests/test_session.py guards this.
    """
    # reportlab's private registries are not in its type stubs
    pdfmetrics._fonts.pop(name, None)  # type: ignore[attr-defined]
    shared = pdfmetrics._dynFaceNames.get(font.face.name)  # type: ignore[attr-defined]
    if shared is not None and getattr(shared, DIGEST, None) != getattr(font, DIGEST, None):
        del pdfmetrics._dynFaceNames[font.face.name]  # type: ignore[attr-defined]


WRAP_STATE = ("width", "height", "blPara", "frags", "_wrapWidths", "_width_max", "_splitLongWordCount", "_hyphenations")
"""Everything reportlab's ``Paragraph.wrap`` sets: the lines it broke the text into and what it measured of them."""


class Paragraph(PlainParagraph):
    """reportlab's paragraph, broken into lines once for each width it is wrapped to.

    Laying out a sheet asks a paragraph's height several times at one width (to balance the
    columns, to keep a heading with what follows, to split at a page end, to draw), and
    reportlab breaks the text into lines again each time: most of a sheet's time. What a wrap
    sets is kept per width and set back when that width is asked again, so what is drawn is
    always what the last wrap measured, as without the kept lines.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        state: dict[str, Any] = vars(self)
        kept: dict[float, dict[str, Any]] = state.setdefault("_kept_wraps", {})
        wrapped = kept.get(availWidth)
        if wrapped is not None:
            state.update(wrapped)
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        if availWidth >= _FUZZ:  # narrower, reportlab sets nothing
            kept[availWidth] = {name: state[name] for name in WRAP_STATE if name in state}
        return size


IMAGE_MASK = "auto"
"""reportlab's default for a picture: its alpha channel, if it has one, becomes a soft mask."""


@dataclass(frozen=True)
class PictureObject:
    """A picture decoded and compressed into the image object a PDF draws it from, once per content."""

    name: str
    """reportlab's name for the image: the digest of its pixels, so equal pictures are embedded once."""
    width_px: int
    height_px: int
    xobject: PDFImageXObject
    """Never registered itself: each document gets a copy, as reportlab registers what it embeds."""


def picture_object(data: bytes) -> PictureObject:
    """The image object reportlab's ``Canvas.drawImage`` makes of a PNG or JPEG file's bytes, in the same bytes."""
    reader = ImageReader(io.BytesIO(data))
    pixels = reader.getRGBData()
    alpha = reader._dataA  # type: ignore[attr-defined]  # set by getRGBData for a picture with an alpha channel
    mask_data = alpha.getRGBData() if alpha else IMAGE_MASK.encode("utf-8")
    name = _digester(pixels + mask_data)
    xobject = PDFImageXObject(name, reader, mask=IMAGE_MASK)
    xobject.name = name
    width, height = reader.getSize()
    return PictureObject(name, width, height, xobject)


class Picture(Flowable):
    """A picture drawn ``drawWidth`` x ``drawHeight`` points from its image object, as reportlab's ``Image`` draws it."""

    def __init__(self, picture: PictureObject, width: float, height: float) -> None:
        super().__init__()
        self.picture = picture
        self.drawWidth = width
        self.drawHeight = height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        return self.drawWidth, self.drawHeight

    def draw(self) -> None:
        draw_picture(self.canv, self.picture, self.drawWidth, self.drawHeight)


def draw_picture(canvas: Canvas, picture: PictureObject, width: float, height: float) -> None:
    """What ``Canvas.drawImage`` does for a picture at the origin, with the image object made beforehand.

    The picture is embedded in the document the first time it is drawn there, from a copy of
    its image object, under reportlab's own name for it: the same bytes as ``drawImage`` writes.
    """
    # A canvas's document and its page's resources are reportlab's private state.
    canvas._currentPageHasImages = 1  # type: ignore[attr-defined]
    document = canvas._doc  # type: ignore[attr-defined]
    registered = document.getXObjectName(picture.name)
    if not document.idToObject.get(registered):
        xobject = copy.copy(picture.xobject)
        canvas._setXObjects(xobject)  # type: ignore[attr-defined]
        document.Reference(xobject, registered)
        document.addForm(picture.name, xobject)
        mask = getattr(xobject, "_smask", None)
        if mask:
            mask = copy.copy(mask)
            mask_registered = document.getXObjectName(mask.name)
            if not document.idToObject.get(mask_registered):
                canvas._setXObjects(mask)  # type: ignore[attr-defined]
                xobject.smask = document.Reference(mask, mask_registered)  # type: ignore[attr-defined]
            else:
                xobject.smask = PDFObjectReference(mask_registered)  # type: ignore[attr-defined]
            del xobject._smask  # type: ignore[attr-defined]
    canvas.saveState()
    canvas.translate(0, 0)
    canvas.scale(width, height)
    canvas.addLiteral(f"/{registered} Do")
    canvas.restoreState()
    canvas._formsinuse.append(picture.name)  # type: ignore[attr-defined]
