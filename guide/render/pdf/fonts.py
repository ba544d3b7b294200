"""Font families registered with reportlab, once per build session, under stable names.

Embedding a face's subset in a document (cutting the subset out of the font, compressing it,
writing its widths and its ToUnicode map) was over a third of a PDF's time, repeated for every
document though the subsets come out the same: reportlab puts all of ASCII in a face's first
subset and adds other characters in order of first use, so documents of one kind mostly use
the same subsets. Each face here keeps the finished streams of the subsets it embedded last.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from functools import partial
from typing import Literal, cast

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFDocument, PDFName, PDFObject, PDFStream, PDFTrueTypeFont, PDFZCompress
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont, makeToUnicodeCMap

from guide.fonts import FontFamily
from guide.render.pdf.internals import register_when_used, registered_digest
from guide.render.pdf.plain_objects import Formatted
from guide.session import BuildSession

KEPT_SUBSETS = 16
"""Subsets whose streams each face keeps (each some 20 kB): enough for the few that recur."""


@dataclass(frozen=True)
class RegisteredFamily:
    """The reportlab font names of a family's faces; ``family`` is the name ``<b>``/``<i>`` map within."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str


def register(family: FontFamily, session: BuildSession) -> RegisteredFamily:
    """Register the four faces of ``family`` (each read when a document first uses it), replacing those from other bytes.

    Names depend only on the family name, so PDFs are reproducible; a face registered from
    other bytes (a font file edited since an earlier build in this process) is registered
    afresh, so no build draws with a font file's older contents.
    """
    stem = family.name.replace(" ", "")
    names = RegisteredFamily(stem, f"{stem}-Regular", f"{stem}-Bold", f"{stem}-Italic", f"{stem}-BoldItalic")
    faces = zip((names.regular, names.bold, names.italic, names.bold_italic), family.faces, strict=True)
    for name, path in faces:
        digest = session.digest(path)
        if registered_digest(name) != digest:
            register_when_used(name, digest, partial(SubsetKeepingFont, name, str(path), digest))
    styles: tuple[tuple[Literal[0, 1], Literal[0, 1], str], ...] = (
        (0, 0, names.regular),
        (1, 0, names.bold),
        (0, 1, names.italic),
        (1, 1, names.bold_italic),
    )
    for bold, italic, name in styles:
        addMapping(names.family, bold, italic, name)
    # Paragraph markup looks fonts up by the face name too (e.g. <b> inside a bold style).
    for name in (names.regular, names.bold, names.italic, names.bold_italic):
        addMapping(name, 0, 0, names.regular)
        addMapping(name, 1, 0, names.bold)
        addMapping(name, 0, 1, names.italic)
        addMapping(name, 1, 1, names.bold_italic)
    return names


@dataclass(frozen=True)
class _SubsetStreams:
    """What embedding one subset writes that does not depend on the document, already formatted."""

    base_name: str
    widths: bytes
    to_unicode: bytes
    font_file: bytes


class _SubsetFontObject(PDFTrueTypeFont):
    """reportlab's font dictionary, which writes the entries set on it; declared here since its type stubs leave them out."""

    Name: str
    BaseFont: str
    FirstChar: int
    LastChar: int
    Widths: PDFObject
    ToUnicode: PDFObject
    FontDescriptor: PDFObject


class SubsetKeepingFont(TTFont):
    """A TrueType font embedded as reportlab embeds it, each distinct subset's streams made once.

    The objects and their order are reportlab's own, so documents are the same bytes as
    without the kept streams. Streams are kept as formatted for an unencrypted document, the
    only kind this tool writes.
    """

    def __init__(self, name: str, path: str, digest: str) -> None:
        super().__init__(name, path)
        self.digest = digest
        """The SHA-256 of the font file this face was read from."""
        self._kept: OrderedDict[tuple[int, tuple[int, ...]], _SubsetStreams] = OrderedDict()

    def addObjects(self, doc: PDFDocument) -> None:  # noqa: N802 - reportlab calls it so
        """Add each subset of this font used in ``doc``: font, widths, ToUnicode map, descriptor and font file."""
        state = self.state[doc]
        state.frozen = 1
        fonts = cast(PDFDictionary, doc.idToObject["BasicFonts"]).dict  # reportlab files its font dictionary there
        face = self.face
        for number, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(number, doc)[1:]
            streams = self._streams(number, tuple(subset), doc)
            font = _SubsetFontObject()
            font.Name, font.BaseFont = internal_name, streams.base_name
            font.FirstChar, font.LastChar = 0, len(subset) - 1
            font.Widths = Formatted(streams.widths)
            font.ToUnicode = doc.Reference(Formatted(streams.to_unicode), f"toUnicodeCMap:{streams.base_name}")
            font_file = doc.Reference(Formatted(streams.font_file), f"fontFile:{face.filename}({streams.base_name})")
            descriptor = PDFDictionary(
                {
                    "Type": "/FontDescriptor",
                    "Ascent": face.ascent,
                    "CapHeight": face.capHeight,
                    "Descent": face.descent,
                    "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                    "FontBBox": PDFArray(face.bbox),
                    "FontName": PDFName(streams.base_name),
                    "ItalicAngle": face.italicAngle,
                    "StemV": face.stemV,
                    "FontFile2": font_file,
                    "MissingWidth": face.defaultWidth,
                }
            )
            font.FontDescriptor = doc.Reference(descriptor, f"fontDescriptor:{streams.base_name}")
            doc.Reference(font, internal_name)
            fonts[internal_name] = font
        del self.state[doc]

    def _streams(self, number: int, subset: tuple[int, ...], doc: PDFDocument) -> _SubsetStreams:
        """The streams of subset ``number`` holding ``subset``: kept, or made and kept, dropping the least recently used."""
        key = (number, subset)
        streams = self._kept.get(key)
        if streams is None:
            face = self.face
            base_name = b"".join((SUBSETN(number), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            widths = PDFArray([face.getCharWidth(code) for code in subset])
            to_unicode = PDFStream(content=makeToUnicodeCMap(base_name, subset), filters=[PDFZCompress])
            font_file = PDFStream(content=face.makeSubset(subset), filters=[PDFZCompress])
            font_file.dictionary["Length1"] = len(font_file.content)
            streams = _SubsetStreams(base_name, widths.format(doc), to_unicode.format(doc), font_file.format(doc))
            self._kept[key] = streams
            if len(self._kept) > KEPT_SUBSETS:
                self._kept.popitem(last=False)
        self._kept.move_to_end(key)
        return streams
