"""Font families registered with reportlab, once per build session, under stable names.

Embedding a face's subset in a document (cutting the subset out of the font, compressing it,
writing its widths and its ToUnicode map) was over a third of a PDF's time, repeated for every
document though the subsets come out the same: reportlab puts all of ASCII in a face's first
subset and adds other characters in order of first use, so documents of one kind mostly use
the same subsets. Each face here keeps the finished streams of the subsets it embedded last.
"""

from __future__ import annotations

from codecs import charmap_encode
from collections import OrderedDict
from dataclasses import dataclass
from functools import partial
from typing import Literal

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDocument,
    PDFName,
    PDFObjectReference,
    PDFStream,
    PDFTrueTypeFont,
    PDFZCompress,
    pdfdocEnc,
)
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont, makeToUnicodeCMap

from guide.fonts import FontFamily
from guide.render.pdf.internals import (
    assigned_codes,
    closed_subsets,
    font_resources,
    forget_subsets,
    object_numbers,
    register_when_used,
    registered_digest,
)
from guide.render.pdf.plain_objects import Formatted, WithReferences, around_references, number_array
from guide.render.pdf.subset import SubsetWriter
from guide.session import BuildSession

NO_BREAK_SPACE = "\xa0"
"""reportlab draws it with the code of a space, and assigns it none of its own."""
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
    """A subset's font dictionary, written as reportlab writes its own (``PDFTrueTypeFont``) with these entries."""

    def __init__(self, name: str, base_name: str, last_char: int, widths: bytes, to_unicode: str, descriptor: str) -> None:
        self.name = name
        """The document's name for the subset, ``F1+0`` say."""
        self.base_name = base_name
        self.last_char = last_char
        self.widths = widths
        """The ``Widths`` array, formatted."""
        self.to_unicode = to_unicode
        """The object names of its ToUnicode map and its descriptor."""
        self.descriptor = descriptor

    def format(self, document: PDFDocument) -> bytes:
        numbers = object_numbers(document)
        return b"".join(
            (
                b"<<\n/BaseFont ",
                pdfdocEnc(PDFName(self.base_name)),
                b" /FirstChar 0 /FontDescriptor %d %d R" % numbers[self.descriptor],
                b" /LastChar %d /Name " % self.last_char,
                pdfdocEnc(PDFName(self.name)),
                b" /Subtype /TrueType \n  /ToUnicode %d %d R" % numbers[self.to_unicode],
                b" /Type /Font /Widths ",
                self.widths,
                b"\n>>",
            )
        )


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
        self._descriptors: dict[int, tuple[bytes | str, ...]] = {}
        self._writer: SubsetWriter | None = None

    def splitString(self, text: str | bytes, doc: PDFDocument, encoding: str = "utf-8") -> list[tuple[int, bytes]]:  # noqa: N802 - reportlab calls it so
        """The codes of ``text`` in this document's subsets, as reportlab's ``splitString`` gives them: ``(subset, codes)`` runs.

        Drawing a paragraph asks for every run of text; most are made of characters the document
        has used before, all in its first subset. Those are encoded at once through the codes
        reportlab assigned them (a no-break space as a space, as reportlab draws it); any other
        text (a character new to the document, one in a later subset) goes to reportlab.
        """
        assignments = assigned_codes(self, doc)
        if assignments is not None and isinstance(text, str):
            try:
                codes = charmap_encode(text.replace(NO_BREAK_SPACE, " "), "strict", assignments)[0]
            except (UnicodeEncodeError, TypeError):  # a character not assigned yet, or one in a later subset (a code past 255)
                pass
            else:
                return [(0, codes)] if codes else []
        split: list[tuple[int, bytes]] = super().splitString(text, doc, encoding)
        return split

    def addObjects(self, doc: PDFDocument) -> None:  # noqa: N802 - reportlab calls it so
        """Add each subset of this font used in ``doc``: font, widths, ToUnicode map, descriptor and font file."""
        fonts = font_resources(doc)
        for number, subset in enumerate(closed_subsets(self, doc)):
            internal_name = self.getSubsetInternalName(number, doc)[1:]
            streams = self._streams(number, tuple(subset), doc)
            to_unicode, descriptor = f"toUnicodeCMap:{streams.base_name}", f"fontDescriptor:{streams.base_name}"
            doc.Reference(Formatted(streams.to_unicode), to_unicode)
            doc.Reference(Formatted(streams.font_file), self._font_file_name(streams.base_name))
            doc.Reference(WithReferences(self._descriptor(number, streams.base_name, doc)), descriptor)
            font = _SubsetFontObject(internal_name, streams.base_name, len(subset) - 1, streams.widths, to_unicode, descriptor)
            doc.Reference(font, internal_name)
            fonts[internal_name] = font
        forget_subsets(self, doc)

    def _font_file_name(self, base_name: str) -> str:
        """The name reportlab gives the object of a subset's font file."""
        return f"fontFile:{self.face.filename}({base_name})"

    def _descriptor(self, number: int, base_name: str, doc: PDFDocument) -> tuple[bytes | str, ...]:
        """The descriptor of subset ``number``, formatted once: the same in every document but for its font file's number."""
        descriptor = self._descriptors.get(number)
        if descriptor is None:
            face = self.face
            entries = {
                "Type": "/FontDescriptor",
                "Ascent": face.ascent,
                "CapHeight": face.capHeight,
                "Descent": face.descent,
                "Flags": (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC,
                "FontBBox": PDFArray(face.bbox),
                "FontName": PDFName(base_name),
                "ItalicAngle": face.italicAngle,
                "StemV": face.stemV,
                "FontFile2": PDFObjectReference(self._font_file_name(base_name)),
                "MissingWidth": face.defaultWidth,
            }
            descriptor = self._descriptors[number] = around_references(entries, doc)
        return descriptor

    def _subset_writer(self) -> SubsetWriter:
        """The writer of this face's subsets, made when the face first embeds one."""
        if self._writer is None:
            self._writer = SubsetWriter(self.face)
        return self._writer

    def _streams(self, number: int, subset: tuple[int, ...], doc: PDFDocument) -> _SubsetStreams:
        """The streams of subset ``number`` holding ``subset``: kept, or made and kept, dropping the least recently used."""
        key = (number, subset)
        streams = self._kept.get(key)
        if streams is None:
            face = self.face
            base_name = b"".join((SUBSETN(number), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
            widths = number_array([face.getCharWidth(code) for code in subset], doc)
            to_unicode = PDFStream(content=makeToUnicodeCMap(base_name, subset), filters=[PDFZCompress])
            font_file = PDFStream(content=self._subset_writer().subset(subset), filters=[PDFZCompress])
            font_file.dictionary["Length1"] = len(font_file.content)
            streams = _SubsetStreams(base_name, widths, to_unicode.format(doc), font_file.format(doc))
            self._kept[key] = streams
            if len(self._kept) > KEPT_SUBSETS:
                self._kept.popitem(last=False)
        self._kept.move_to_end(key)
        return streams
