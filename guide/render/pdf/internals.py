"""The one module that relies on reportlab's internals: font registries, line breaks, images, page content, tagging.

Each use is something reportlab has no public way to do: forget a font registered from other
bytes, keep the lines a paragraph was broken into, draw a picture from an image object made
once, and, for a tagged PDF, reach a page's content as it is drawn, its annotations, the
document's objects and pages, and the text object's line writer. A reportlab upgrade that
changes these internals is caught by the tests that guard them (tests/test_session.py,
tests/test_determinism.py, tests/test_tagged_pdf.py and the PDF tests, which compare bytes);
tests/test_architecture.py keeps every other module off them.
"""

from __future__ import annotations

import copy
import io
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader, _digester  # type: ignore[attr-defined]  # private, not in its stubs
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import (
    NoEncryption,
    PDFCrossReferenceTable,
    PDFDocument,
    PDFFile,
    PDFImageXObject,
    PDFObject,
    PDFObjectReference,
    PDFTrailer,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format
from reportlab.pdfbase.ttfonts import ShapedStr, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import BaseDocTemplate, Flowable
from reportlab.platypus import Paragraph as PlainParagraph
from reportlab.platypus.paragraph import _FUZZ  # type: ignore[attr-defined]  # private, not in its stubs

from guide.render.pdf.image_stream import image_stream, picture_name

DIGEST = "digest"
"""The attribute a registered font keeps the SHA-256 of its file's bytes in."""


def registered_digest(name: str) -> str | None:
    """The SHA-256 of the bytes the font registered (or to be registered, see ``register_when_used``) as ``name`` is read from."""
    fonts = pdfmetrics._fonts  # type: ignore[attr-defined]  # private, not in its stubs
    if isinstance(fonts, _FontsWhenUsed) and name in fonts.announced:
        return fonts.announced[name][0]
    return getattr(fonts.get(name), DIGEST, None)


def register_when_used(name: str, digest: str, make: Callable[[], TTFont]) -> None:
    """Have reportlab register the font ``make`` reads (from bytes of SHA-256 ``digest``) as ``name`` when a document first uses it.

    Reading a face (reportlab parses all its tables) took 6 ms, and a sheet uses five of its
    two families' eight faces: a bold italic, say, is read only for the text that asks for it.
    What was registered under ``name`` before, from other bytes, is forgotten now.
    """
    fonts = pdfmetrics._fonts  # type: ignore[attr-defined]  # private, not in its stubs
    if not isinstance(fonts, _FontsWhenUsed):
        fonts = pdfmetrics._fonts = _FontsWhenUsed(fonts)  # type: ignore[attr-defined]
    fonts.pop(name, None)
    fonts.announced[name] = (digest, make)


class _FontsWhenUsed(dict[str, Any]):
    """reportlab's registry of fonts by name, which registers an announced font on its first lookup.

    reportlab's functions look a font up as ``_fonts[name]`` (``getFont``, and through it
    ``stringWidth``, the canvas and paragraphs), so a name missing from the registry comes
    here before reportlab's own fallback.
    """

    def __init__(self, registered: dict[str, Any]) -> None:
        super().__init__(registered)
        self.announced: dict[str, tuple[str, Callable[[], TTFont]]] = {}

    def __missing__(self, name: str) -> Any:
        announced = self.announced.pop(name, None)
        if announced is None:
            raise KeyError(name)
        font = announced[1]()
        forget_other_bytes(name, font)
        # As ``pdfmetrics.registerFont`` registers a TrueType face (one font object per face
        # name, shared by the names registered for it), but for the family mappings it adds:
        # ``fonts.register`` made them already, and these would undo them (a bold run in a
        # regular paragraph drawn regular).
        faces = pdfmetrics._dynFaceNames  # type: ignore[attr-defined]  # private, not in its stubs
        shared = faces.setdefault(font.face.name, font)
        self[name] = shared
        return shared


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


def build_unwritten(document: BaseDocTemplate, story: list[Flowable], canvasmaker: Any) -> None:
    """Lay out and draw ``story`` as ``document.build`` does, but leave the document unwritten: its canvas not saved.

    Of several layouts tried only the one chosen is written; its canvas's ``save()`` then
    writes it, as ``build`` would have. reportlab's own multi-pass builds skip the save with
    this flag.
    """
    document._doSave = 0  # type: ignore[attr-defined]  # reportlab's private flag, not in its stubs
    document.build(story, canvasmaker=canvasmaker)


WRAP_STATE = ("width", "height", "blPara", "frags", "_wrapWidths", "_width_max", "_splitLongWordCount", "_hyphenations")
"""Everything reportlab's ``Paragraph.wrap`` sets: the lines it broke the text into and what it measured of them."""
SPLIT_STATE = ("blPara", "frags")
"""What of it reportlab's ``Paragraph.split`` changes."""


PARSED_TEXTS = "parsed_texts"
"""The attribute of a paragraph style holding the ``ParsedTexts`` its paragraphs share (see ``share_parsing``)."""

KEPT_PARSES = 2_000
"""Texts a look keeps parsed before it starts afresh: a few topics' sheets and keys, some megabytes at most."""
KEPT_WRAPS = 400
"""Texts a look keeps broken into lines, at one width each, the latest kept: a topic's documents wrap some 150."""


class ParsedTexts:
    """What paragraphs' texts parsed into (reportlab's fragments), per text, style and bullet, and the lines they broke into.

    reportlab parses a paragraph's markup anew for every paragraph made, a quarter of laying out an
    answer key: the study sheet and the key of a topic, and every layout tried of each, make
    paragraphs of the same texts in the same styles, and break them into lines at the same
    widths (the key's sources, the quiz paper's questions in its teacher's copy). Kept by the
    styles of one look, which the build session keeps.
    """

    def __init__(self) -> None:
        self._parsed: dict[tuple[Any, ...], tuple[Any, ...]] = {}
        self._wraps: OrderedDict[tuple[Any, ...], dict[str, Any]] = OrderedDict()

    def get(self, key: tuple[Any, ...]) -> tuple[Any, ...] | None:
        return self._parsed.get(key)

    def keep(self, key: tuple[Any, ...], parsed: tuple[Any, ...]) -> None:
        if len(self._parsed) >= KEPT_PARSES:
            self._parsed.clear()
        self._parsed[key] = parsed

    def wrapped(self, key: tuple[Any, ...]) -> dict[str, Any] | None:
        """What a wrap set on a paragraph of this parse key, type and width, as its first wrap; None if none was kept."""
        return self._wraps.get(key)

    def keep_wrapped(self, key: tuple[Any, ...], wrapped: dict[str, Any]) -> None:
        if len(self._wraps) >= KEPT_WRAPS:
            self._wraps.popitem(last=False)  # the first kept: the topics before are done
        self._wraps[key] = wrapped


def share_parsing(styles: Iterable[ParagraphStyle]) -> None:
    """Paragraphs in ``styles`` (and in styles made from them) share one ``ParsedTexts``."""
    parsed = ParsedTexts()
    for style in styles:
        setattr(style, PARSED_TEXTS, parsed)


def _own(fragments: Any) -> Any:
    """Copies of parsed fragments for one paragraph: reportlab changes a fragment's class where it splits a paragraph."""
    return [copy.copy(fragment) for fragment in fragments] if isinstance(fragments, list) else fragments


class Paragraph(PlainParagraph):
    """reportlab's paragraph, broken into lines once for each width it is wrapped to.

    Laying out a sheet asks a paragraph's height several times at one width (to balance the
    columns, to keep a heading with what follows, to split at a page end, to draw), and
    reportlab breaks the text into lines again each time: most of a sheet's time. What a wrap
    sets is kept per width and set back when that width is asked again, so what is drawn is
    always what the last wrap measured, as without the kept lines.

    A paragraph's first wrap is shared with the paragraphs of the same text and style first
    wrapped to the same width (``ParsedTexts``): the same lines, which drawing only reads. A
    split changes them (reportlab marks the words it breaks at, and spaces a line's last word),
    so a paragraph about to split first takes copies of its own.
    """

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:  # noqa: N803 - reportlab's names
        """reportlab's parse of the text into fragments, or the fragments the same text parsed into before in this style.

        The same attributes are set, as reportlab's own ``_setup`` sets them, each paragraph with fragments of its own.
        """
        parsed: ParsedTexts | None = getattr(style, PARSED_TEXTS, None)
        if frags is not None or parsed is None or not isinstance(bulletText, str | None):
            super()._setup(text, style, bulletText, frags, cleaner)  # type: ignore[misc]  # private to reportlab, not in its stubs
            return
        key = (text, style, bulletText, self.caseSensitive)
        kept = parsed.get(key)
        if kept is None:
            super()._setup(text, style, bulletText, frags, cleaner)  # type: ignore[misc]  # private to reportlab, not in its stubs
            kept = (self.text, self.frags, self.style, self.bulletText)
            parsed.keep(key, kept)
        self.text, fragments, self.style, bullet = kept
        self.frags, self.bulletText = _own(fragments), _own(bullet)
        self.debug = 0
        self._shared_by = (parsed, (type(self), *key))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab's names
        state: dict[str, Any] = vars(self)
        kept: dict[float, dict[str, Any]] = state.setdefault("_kept_wraps", {})
        wrapped = kept.get(availWidth)
        shared: tuple[ParsedTexts, tuple[Any, ...]] | None = state.get("_shared_by") if not kept else None
        if wrapped is None and shared is not None:  # a first wrap, of the fragments as parsed: another's is the same
            wrapped = shared[0].wrapped((*shared[1], availWidth))
            if wrapped is not None:
                kept[availWidth] = wrapped
                state["_shares_lines"] = True
        if wrapped is not None:
            state.update(wrapped)
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        if availWidth >= _FUZZ:  # narrower, reportlab sets nothing
            kept[availWidth] = {name: state[name] for name in WRAP_STATE if name in state}
            if shared is not None:
                shared[0].keep_wrapped((*shared[1], availWidth), kept[availWidth])
                state["_shares_lines"] = True
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 - reportlab's names
        """reportlab's split, with lines moved on until the part on this page ends in a whole word.

        A word broken at a line end is read on across the line; broken across a page (or a
        column) its halves are a page turn apart.
        """
        self._own_lines()
        room = availHeight
        parts: list[Any] = super().split(availWidth, room)
        while len(parts) == 2 and _ends_broken(parts[0]):
            room -= self.style.leading
            parts = super().split(availWidth, room) if room > 0 else []
        return parts

    def _own_lines(self) -> None:
        """Copies of the lines and fragments this paragraph shares with others, in place of theirs, before a split changes them.

        Everything a wrap kept is copied together, so what its widths share among themselves they share still.
        """
        state: dict[str, Any] = vars(self)
        if not state.pop("_shares_lines", False):
            return
        memo: dict[int, Any] = {}
        kept: dict[float, dict[str, Any]] = state["_kept_wraps"]
        for width, wrapped in list(kept.items()):
            kept[width] = {name: copy.deepcopy(value, memo) if name in SPLIT_STATE else value for name, value in wrapped.items()}
        for name in SPLIT_STATE:
            if name in state:
                state[name] = copy.deepcopy(state[name], memo)


def _ends_broken(paragraph: PlainParagraph) -> bool:
    """Whether the last line of ``paragraph`` ends in a word broken at a hyphen."""
    lines = getattr(paragraph, "blPara", None)
    if lines is None or not lines.lines:
        return False
    last = lines.lines[-1]
    text = " ".join(last[1]) if isinstance(last, tuple) else "".join(word.text for word in last.words)
    return text.rstrip().endswith(("-", "\u00ad"))


IMAGE_MASK = "auto"
"""reportlab's default for a picture: its alpha channel, if it has one, becomes a soft mask."""


@dataclass(frozen=True)
class PictureObject:
    """The image object a PDF draws a picture from, made once per content."""

    name: str
    """The image's name: a digest of its file's bytes or of its pixels, so equal pictures are embedded once."""
    width_px: int
    height_px: int
    xobject: PDFObject
    """Never registered itself: each document gets a copy, as reportlab registers what it embeds."""


def picture_object(data: bytes) -> PictureObject:
    """The image object of a PNG or JPEG file's bytes: its pixels as they are in the file where a PDF can hold them so
    (``guide.render.pdf.image_stream``), else decoded and compressed as reportlab's ``Canvas.drawImage`` does, in the same bytes.
    """
    passed = image_stream(data)
    if passed is not None:
        xobject, width, height = passed
        return PictureObject(picture_name(data), width, height, xobject)
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


# Tagging: what a tagged PDF needs of the canvas, the document and the text object


def page_code(canvas: Canvas) -> list[str]:
    """The current page's content as drawn so far, one operator line an item: the list itself, to mark content in place."""
    code: list[str] = canvas._code  # type: ignore[attr-defined]  # reportlab's page content, not in its stubs
    return code


def current_text_object(canvas: Canvas) -> PDFTextObject | None:
    """The text object a paragraph is writing while it calls an inline mark's callback (``<onDraw>``)."""
    info = getattr(canvas, "_curr_tx_info", None)
    return info.get("tx") if isinstance(info, dict) else None


def last_annotation(canvas: Canvas) -> PDFObjectReference:
    """The reference to the annotation drawn last on the current page (by ``linkURL``, say)."""
    reference: PDFObjectReference = canvas._annotationrefs[-1]  # type: ignore[attr-defined]  # not in its stubs
    return reference


class DocumentObjects:
    """The PDF document a canvas writes into, as far as a structure tree needs it: its pages and named objects."""

    def __init__(self, canvas: Canvas) -> None:
        self.document = canvas._doc  # type: ignore[attr-defined]  # reportlab's document, not in its stubs

    def page_count(self) -> int:
        return len(self.document.Pages.pages)

    def page(self, index: int) -> PDFObjectReference:
        """A reference to the page at ``index``."""
        reference: PDFObjectReference = self.document.Reference(self.document.Pages.pages[index])
        return reference

    def add(self, value: Any, name: str | None = None) -> PDFObjectReference:
        """``value`` written as an object of its own (under ``name``, to be referred to before it is added)."""
        reference: PDFObjectReference = self.document.Reference(value, name)
        return reference

    def set_page_entries(self, index: int, entries: dict[str, Any]) -> None:
        """Add ``entries`` to the dictionary of the page at ``index``; reportlab writes only the keys its page names."""
        page = self.document.Pages.pages[index]
        page.__NoDefault__ = [*page.__NoDefault__, *entries]
        for key, value in entries.items():
            setattr(page, key, value)


def write_objects_directly(canvas: Canvas) -> None:
    """Have the document the canvas writes into write its objects' headers and cross-references directly when it is saved.

    reportlab wraps each object in an indirect object, dispatched and encoded on its own: a
    millisecond of a tagged sheet's few hundred objects. The bytes are the same; an encrypted,
    commented or signed document is left to reportlab.
    """
    document = canvas._doc  # type: ignore[attr-defined]  # reportlab's document, not in its stubs
    document.format = partial(_formatted_document, document)


def _formatted_document(document: PDFDocument) -> bytes:
    """What ``PDFDocument.format`` writes: the header, every object numbered in turn, the cross-reference table and the trailer."""
    signed = getattr(document, "_digiSigs", None)
    encrypted = type(document.encrypt) is not NoEncryption
    if encrypted or (rl_config.pdfComments and not rl_config.invariant) or signed:
        formatted: bytes = PDFDocument.format(document)
        return formatted
    catalog, info = document.Catalog, document.info  # type: ignore[attr-defined]  # set by reportlab, not in its stubs
    document.Reference(catalog)
    document.Reference(info)
    numbers, named, objects, offsets = document.idToObjectNumberAndVersion, document.numberToId, document.idToObject, document.idToOffset
    file = PDFFile(document._pdfVersion)  # type: ignore[attr-defined]  # reportlab's private, not in its stubs
    order: list[str] = []
    number = 1
    while number in named:  # objects referred to for the first time as others are written are numbered after them
        name = named[number]
        content = pdf_format(objects[name], document, toplevel=1)
        ending = b"endobj\n" if content.endswith(b"\n") else b"\nendobj\n"
        offsets[name] = file.add(b"%d %d obj\n" % numbers[name] + content + ending)
        order.append(name)
        number += 1
    if number - 1 != len(named):
        raise ValueError(f"counter {number} doesn't match number to id dictionary {len(named)}")
    table = PDFCrossReferenceTable()
    table.addsection(0, order)
    start = file.add(table.format(document))
    trailer = PDFTrailer(
        startxref=start, Size=len(named) + 1, Root=document.Reference(catalog), Info=document.Reference(info), ID=document.ID()
    )
    file.add(trailer.format(document))
    written: bytes = file.format(document)
    return written


SOFT_ENDS = "-\u00ad"
"""A line ending in a hyphen or a soft hyphen was broken in a word."""


@dataclass(frozen=True)
class InlineSpan:
    """Where a link's text (``url``), or a passage in another language (``lang``), is in a text object's code: ``start`` to ``end``."""

    start: int
    end: int
    url: str | None = None
    lang: str | None = None


class SpacedLines(PDFTextObject):
    """A text object that ends each line broken between words with a space, and knows where its links' text is.

    reportlab moves to the next line with nothing between the last word of one line and the
    first of the next, so what reads the text in order (a screen reader, poppler, a copy and
    paste) ran them together. The space is drawn after the line's last glyph, where it shows
    nothing. A line broken in a word, after a hyphen, gets none. (The hyphen itself is left as
    it is: marking it as read as nothing nests marked content, after which poppler reads no more
    of the element's text.) The spans of a paragraph's links, one per line a link is on, and of
    its passages in another language are kept, so that they can be marked as their own (``mark``).
    """

    def __init__(self, canvas: Canvas, x: float = 0, y: float = 0, direction: Any = None) -> None:
        super().__init__(canvas, x, y, direction=direction)
        self.line_end = ""
        """The last character drawn on the current line."""
        self.spans: list[InlineSpan] = []
        self.link_start: int | None = None
        """Where the text of the link being written on this line began."""
        self.language: tuple[str, int] | None = None
        """The language of the passage being written, and where it began."""

    def _textOut(self, text: str, TStar: int = 0) -> None:  # noqa: N802, N803 - reportlab's names
        """Text at the current point, then (``TStar``) the next line: reportlab's own line writer, which paragraphs use."""
        if text:
            self.line_end = text[-1]
        if TStar and self.line_end and not self.line_end.isspace() and self.line_end not in SOFT_ENDS:
            text += " "
        if TStar:
            self.line_end = ""
        code: list[str] = self._code  # type: ignore[attr-defined]  # reportlab's, not in its stubs
        code.append(f"{self._formatText(text)} T*" if TStar else self._formatText(text))

    def _formatText(self, text: str) -> str:  # noqa: N802 - reportlab's name
        """The operators that show ``text``: reportlab's own, written directly for a TrueType font's text as it stands.

        A paragraph writes each run of text through here; reportlab's general writer set its
        code aside and back for each. Shaped text and other fonts are left to it.
        """
        state: dict[str, Any] = vars(self)  # reportlab's text state: font, size, leading, subset; not in its stubs
        font: Any = pdfmetrics.getFont(state["_fontname"])
        if not getattr(font, "_dynamicFont", False) or (font.shapable and isinstance(text, ShapedStr)):
            formatted: str = super()._formatText(text)  # type: ignore[misc]  # private to reportlab, not in its stubs
            return formatted
        canvas = state["_canvas"]
        document = canvas._doc
        code = []
        for subset, codes in font.splitString(text, document):
            if subset != state["_curSubset"]:
                name = font.getSubsetInternalName(subset, document)
                code.append(f"{name} {fp_str(state['_fontsize'])} Tf {fp_str(state['_leading'])} TL")
                state["_curSubset"] = subset
            code.append(f"({canvas._escape(codes)}) Tj")
        return " ".join(code)

    def _linkRecord(self, link: tuple[int, str], state: str) -> None:  # noqa: N802 - reportlab's name
        """reportlab's paragraph says so right after writing the first text of a link on a line, and where the link ends."""
        code = self.code()
        if state == "start":
            self.link_start = len(code) - 1
        elif self.link_start is not None:
            self.spans.append(InlineSpan(self.link_start, len(code), url=link[1]))
            self.link_start = None

    def begin_language(self, lang: str) -> None:
        """What is written from here on is in ``lang``."""
        self.language = (lang, len(self.code()))

    def end_language(self) -> None:
        if self.language is not None:
            lang, start = self.language
            self.spans.append(InlineSpan(start, len(self.code()), lang=lang))
            self.language = None

    def code(self) -> list[str]:
        """The text object's code so far, ``BT`` first, one operator line an item."""
        code: list[str] = self._code  # type: ignore[attr-defined]  # reportlab's, not in its stubs
        return code

    def mark(self, inserted: dict[int, list[str]]) -> None:
        """Insert lines (marked-content operators) into the code: ``inserted[index]`` before the line at ``index``."""
        code = self.code()
        code[:] = [*(line for index, kept in enumerate(code) for line in (*inserted.get(index, ()), kept)), *inserted.get(len(code), ())]
