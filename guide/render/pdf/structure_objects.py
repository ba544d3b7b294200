"""A structure element's dictionary, written straight from the tree in the very bytes reportlab writes it in.

A tagged sheet has a few hundred elements, each a dictionary of a role, a parent, a page and
kids; made as dictionaries of reportlab's objects, each value was made, dispatched on its type
and escaped on its own, most of the time of writing the tree. Here an element keeps its
parts as names of objects and numbers, and formats itself when the document is written, when
every object it refers to has its number. tests/test_structure_objects.py compares the bytes
with reportlab's dictionary of the same entries.
"""

from __future__ import annotations

from typing import NamedTuple

from reportlab.pdfbase.pdfdoc import PDFDocument, PDFObject, PDFString

from guide.render.pdf.internals import object_numbers
from guide.render.pdf.plain_objects import ARRAY_ROW, DICTIONARY_ROW, name_bytes, rows


class ContentKid(NamedTuple):
    """A marked-content sequence, by its MCID: on another page than the element's (``page``, an object's name) it says which."""

    mcid: int
    page: str | None = None


class ElementKid(NamedTuple):
    """An element under this one, by its object's name."""

    name: str


class ObjectKid(NamedTuple):
    """An annotation that belongs to the element: its object's name and its page's."""

    name: str
    page: str


Kid = ContentKid | ElementKid | ObjectKid


class ElementObject(PDFObject):
    """A ``/StructElem`` dictionary: its role, parent, first page, kids and own attributes, formatted as reportlab's ``PDFDictionary``."""

    def __init__(
        self,
        role: str,
        parent: str,
        page: str | None,
        kids: list[Kid],
        *,
        alt: str | None = None,
        lang: str | None = None,
        scope: str | None = None,
    ) -> None:
        self.role = role
        self.parent = parent
        """The parent element's (or the tree root's) object name."""
        self.page = page
        """The object name of the page its first content is on, if any."""
        self.kids = kids
        self.alt = alt
        self.lang = lang
        self.scope = scope

    def format(self, document: PDFDocument) -> bytes:
        numbers = object_numbers(document)
        parts: list[bytes] = []
        if self.scope is not None:
            parts.append(b"/A <<\n/O /Table /Scope " + name_bytes(self.scope) + b"\n>>")
        if self.alt is not None:
            parts.append(b"/Alt " + PDFString(self.alt).format(document))
        kids = self.kids
        if len(kids) == 1:
            parts.append(b"/K " + _kid(kids[0], numbers))
        else:
            parts.append(b"/K [ " + rows([_kid(kid, numbers) for kid in kids], ARRAY_ROW) + b" ]")
        if self.lang is not None:
            parts.append(b"/Lang " + PDFString(self.lang).format(document))
        parts.append(b"/P %d %d R" % numbers[self.parent])
        if self.page is not None:
            parts.append(b"/Pg %d %d R" % numbers[self.page])
        parts += (b"/S " + name_bytes(self.role), b"/Type /StructElem")
        return b"<<\n" + rows(parts, DICTIONARY_ROW) + b"\n>>"


def _kid(kid: Kid, numbers: dict[str, tuple[int, int]]) -> bytes:
    if isinstance(kid, ContentKid):
        if kid.page is None:
            return b"%d" % kid.mcid
        return b"<<\n/MCID %d /Pg %d %d R /Type /MCR\n>>" % (kid.mcid, *numbers[kid.page])
    if isinstance(kid, ElementKid):
        return b"%d %d R" % numbers[kid.name]
    return b"<<\n/Obj %d %d R /Pg %d %d R /Type /OBJR\n>>" % (*numbers[kid.name], *numbers[kid.page])
