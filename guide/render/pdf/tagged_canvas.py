"""A reportlab canvas that writes a tagged PDF: marked content, the structure tree and what PDF/UA asks of a document.

Open-source reportlab writes no tags. This canvas marks what the tagged flowables draw (see
``guide.render.pdf.tagged``) as marked-content sequences with MCIDs, marks everything drawn
between them (running header and footer, rules, bars, fills, lines to write on) as artifacts,
and at ``save`` writes the structure tree, the parent tree, ``/MarkInfo``, ``/StructParents``
and ``/Tabs /S`` on each page, link annotations' descriptions and the XMP metadata that
declares PDF/UA-1. What it needs of reportlab's internals (the page's content as drawn, its
annotations, the document's pages, the text object's line writer) it takes from
``guide.render.pdf.internals``; tests/test_tagged_pdf.py guards it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any, Literal

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObjectReference, PDFStream, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from guide.render.common import Metadata
from guide.render.pdf.internals import (
    DocumentObjects,
    InlineSpan,
    SpacedLines,
    current_text_object,
    last_annotation,
    page_code,
    write_objects_directly,
)
from guide.render.pdf.plain_objects import PlainDictionary
from guide.render.pdf.structure import LANGUAGE_MARK, Annotation, Element, Mark, Structure
from guide.render.pdf.structure_objects import ContentKid, ElementKid, ElementObject, Kid, ObjectKid

ARTIFACT = "Artifact"
TREE_ROOT = "StructTreeRoot"
ARTIFACT_BEGIN = "/Artifact BMC"
END = "EMC"
LINK = "Link"
STATE_OPERATORS = frozenset(
    ("q", "Q", "cm", "w", "J", "j", "M", "d", "ri", "i", "gs", "g", "G", "rg", "RG", "k", "K", "cs", "CS", "sc", "SC", "scn", "SCN")
)
"""Operators that draw nothing (they save, restore or set the graphics state): a sequence of only these is not worth an MCID."""
TEXT_SHOWING = (" Tj", " TJ")


@dataclass(frozen=True)
class UnplacedLink:
    """A link annotation made before the text it is on is drawn: where it goes and the element it was made in."""

    holder: Element
    url: str
    annotation: Annotation


def draws_nothing(lines: list[str]) -> bool:
    """Whether a page's code only saves, restores or sets the graphics state: each operator in it (a bare word) one of those.

    Each line's last word is looked at first: a text object (``BT`` … ``ET``) or a path ends in
    an operator that draws, which settles it without reading the rest of the line.
    """
    for line in lines:
        words = line.rsplit(None, 1)
        if words and words[-1].isalpha() and words[-1] not in STATE_OPERATORS:
            return False
    return all(token in STATE_OPERATORS for line in lines for token in line.split() if token.isalpha())


def shows_text(lines: list[str]) -> bool:
    """Whether some of a text object's lines show text (rather than only move, or set the font or colour)."""
    return any(operator in line for line in lines for operator in TEXT_SHOWING)


def _language_mark(canvas: Canvas, kind: str | None, lang: str) -> None:
    """A paragraph's inline mark, which reportlab hands the canvas: a passage in ``lang`` begins here, or (with no language) ends."""
    text = current_text_object(canvas)
    if isinstance(text, SpacedLines):
        if lang:
            text.begin_language(lang)
        else:
            text.end_language()


class TaggingCanvas(Canvas):
    """A canvas whose drawing is either marked content of a structure element or an artifact."""

    def __init__(self, *args: Any, metadata: Metadata, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.structure = Structure()
        self._metadata = metadata
        self._open: list[Element] = []
        """Elements being drawn, innermost last: only the innermost one's sequence is open."""
        self._after_label: list[Element | None] = []
        """Per element being drawn: the element its text belongs to once its label (a bullet) is drawn."""
        self._artifacts_from = 0
        """Where in the page's code the drawing not yet marked as anything began."""
        self._mcids = 0
        self._sequence: Mark | None = None
        """The open sequence's mark."""
        self._unplaced: list[UnplacedLink] = []
        self._page_keys: list[int] = []
        self._font_selections: dict[tuple[Any, ...], str] = {}
        """What selects each font subset, size and leading this document's text uses (see ``SpacedLines``)."""
        self.setNamedCB(LANGUAGE_MARK, _language_mark)  # a function, not a method: the canvas holding its own method is a reference cycle

    # Marked content

    def begin_marked(self, element: Element, label: Element | None = None) -> None:
        """Mark what is drawn from here on as ``element``'s; with a ``label``, the first text drawn is the label's."""
        self.structure.place(element)
        if label is not None:
            self.structure.place(label)
        self._place_links()
        self._close_sequence()
        self._open.append(label or element)
        self._after_label.append(element if label is not None else None)
        self._open_sequence()

    def end_marked(self) -> None:
        """Close the innermost element; what is drawn next belongs to the one around it, if any."""
        self._place_links()
        self._close_sequence()
        self._open.pop()
        self._after_label.pop()
        if self._open:
            self._open_sequence()

    def begin_artifact(self) -> None:
        """Mark what is drawn from here on as an artifact, even inside an element (a rule under a heading)."""
        self._place_links()
        self._close_sequence()
        self._open.append(Element(ARTIFACT))
        self._after_label.append(None)

    def end_artifact(self) -> None:
        self._open.pop()
        self._after_label.pop()
        if self._open:
            self._open_sequence()

    def _open_sequence(self) -> None:
        """Open the innermost element's sequence, after marking what was drawn since the last one as an artifact.

        Inside an artifact nothing is opened: what is drawn there is marked with the rest of the artifacts.
        """
        element = self._open[-1]
        if element.role == ARTIFACT:
            return
        self._mark_artifacts()
        code = page_code(self)
        self._sequence, begin = self._new_mark(element)
        code.append(begin)
        self._artifacts_from = len(code)

    def _new_mark(self, element: Element) -> tuple[Mark, str]:
        """The next marked-content sequence of the page, as ``element``'s kid, and the line that begins it."""
        mark = Mark(self.getPageNumber() - 1, self._mcids)
        self._mcids += 1
        element.kids.append(mark)
        return mark, f"/{element.role} <</MCID {mark.mcid}>> BDC"

    def _close_sequence(self) -> None:
        """Close the open sequence; one in which nothing was drawn (at most a graphics state saved or restored) is taken back."""
        if not self._open or self._open[-1].role == ARTIFACT or self._sequence is None:
            return
        code = page_code(self)
        if draws_nothing(code[self._artifacts_from :]):
            del code[self._artifacts_from - 1]
            element = self._open[-1]
            element.kids = [kid for kid in element.kids if kid is not self._sequence]
            self._mcids -= 1
        else:
            code.append(END)
        self._artifacts_from = len(code)
        self._sequence = None

    def _mark_artifacts(self) -> None:
        """Mark what was drawn since the last sequence closed, if anything, as an artifact."""
        code = page_code(self)
        if len(code) > self._artifacts_from:
            code.insert(self._artifacts_from, ARTIFACT_BEGIN)
            code.append(END)

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:  # noqa: N802 - reportlab's name
        return SpacedLines(self, x, y, direction=direction, selections=self._font_selections)

    def drawText(self, aTextObject: PDFTextObject) -> None:  # noqa: N802, N803 - reportlab's names
        """Draw a text object; the first one of an element with a label (a bullet, a term) is the label's.

        The text of a link in it is its Link element's (which holds its annotations too); a passage
        in another language is a Span element with its language.
        """
        spans = isinstance(aTextObject, SpacedLines) and bool(aTextObject.spans) and self._in_element()
        if isinstance(aTextObject, SpacedLines) and spans:
            self._mark_spans(aTextObject)
        super().drawText(aTextObject)
        if spans:
            self._artifacts_from = len(page_code(self))
            self._open_sequence()
        self._place_links()
        if self._after_label and self._after_label[-1] is not None:
            element = self._after_label[-1]
            self._close_sequence()
            self._open[-1] = element
            self._after_label[-1] = None
            self._open_sequence()

    def _in_element(self) -> bool:
        return bool(self._open) and self._open[-1].role != ARTIFACT

    def _mark_spans(self, text: SpacedLines) -> None:
        """Mark each link's text in a text object as its Link element's content, each passage in another language as a Span's.

        The text around them is the open element's.
        """
        element = self._open[-1]
        self._close_sequence()
        code = text.code()
        pieces: list[tuple[int, int, InlineSpan | None]] = []
        position = 1  # after BT
        for span in sorted(text.spans, key=lambda span: span.start):
            pieces += [(position, span.start, None), (span.start, span.end, span)]
            position = span.end
        pieces.append((position, len(code), None))
        inserted: dict[int, list[str]] = {}
        for start, end, inline in pieces:
            if not shows_text(code[start:end]):
                continue
            if inline is None:
                owner = element
            elif inline.url is not None:
                owner = link_in(element, inline.url)
            else:
                owner = element.child("Span", lang=inline.lang)
            inserted.setdefault(start, []).append(self._new_mark(owner)[1])
            inserted.setdefault(end, []).append(END)
            if inline is not None and inline.url is not None:
                self._place_annotation(owner, inline.url)
        text.mark(inserted)

    def _place_annotation(self, link: Element, url: str) -> None:
        """Put the annotation made for the piece of a link's text just marked, on its line, after that text."""
        unplaced = next((unplaced for unplaced in self._unplaced if unplaced.url == url), None)
        if unplaced is not None:
            self._unplaced.remove(unplaced)
            link.kids.append(unplaced.annotation)

    def _place_links(self) -> None:
        """Link annotations whose text was not marked (drawn otherwise than by a paragraph): each in a Link element of its own."""
        for unplaced in self._unplaced:
            link_in(unplaced.holder, unplaced.url).kids.append(unplaced.annotation)
        self._unplaced = []

    def inline_element(self, role: str, *, description: str | None = None, lang: str | None = None) -> Element | None:
        """The element for a link or a passage drawn straight on the canvas, in the element being drawn; None in an artifact.

        A piece that goes on from the line before (the element being drawn ends with one alike) is that one's.
        """
        if not self._in_element():
            return None
        self._close_sequence()  # taken back if nothing was drawn since the last piece
        holder = self._open[-1]
        last = holder.kids[-1] if holder.kids else None
        if isinstance(last, Element) and (last.role, last.description, last.lang) == (role, description, lang):
            return last
        return holder.child(role, description=description, lang=lang)

    # Pages

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        """End the page: what was drawn after the last sequence is an artifact; the page gets its parent tree key."""
        if self._open:
            raise RuntimeError("a page ended inside marked content")
        self._place_links()
        self._mark_artifacts()
        self._page_keys.append(self.structure.next_key())
        super().showPage()
        self._mcids = 0
        self._artifacts_from = 0

    # Links

    def linkURL(  # noqa: N802 - reportlab's name
        self,
        url: str,
        rect: Any,
        relative: bool | Literal[0, 1] = 0,
        thickness: int = 0,
        color: Any = None,
        dashArray: Any = None,  # noqa: N803 - reportlab's name
        kind: str = "URI",
        **kw: Any,
    ) -> None:
        """A link annotation that says where it goes, in the Link element that holds its text.

        Drawn inside its Link element (``inline_element``), it goes there; a paragraph makes its
        links' annotations before it draws its text, so theirs wait for the text (``drawText``).
        A link broken over lines has an annotation per line, all in one Link element.
        """
        key = self.structure.next_key()
        super().linkURL(url, rect, relative, thickness, color, dashArray, kind, Contents=PDFString(url), StructParent=key, **kw)
        annotation = Annotation(self.getPageNumber() - 1, key, last_annotation(self).name)
        innermost = self._open[-1] if self._in_element() else self.structure.root
        if innermost.role == LINK and innermost.description == url:
            innermost.kids.append(annotation)
        else:
            self._unplaced.append(UnplacedLink(innermost, url, annotation))

    # The document

    def save(self) -> None:
        """Write the structure tree and what PDF/UA asks of the catalog and the pages, then the document."""
        if page_code(self):
            self.showPage()
        write_structure(self, self.structure, self._page_keys)
        self.setCatalogEntry("MarkInfo", PDFDictionary({"Marked": "true"}))
        self.setViewerPreference("DisplayDocTitle", "true")
        self.setCatalogEntry("Metadata", xmp_stream(self._metadata))
        write_objects_directly(self)
        super().save()


def link_in(holder: Element, url: str) -> Element:
    """The Link element to ``url`` that ``holder`` ends with (a link going on from the line before), or a new one."""
    last = holder.kids[-1] if holder.kids else None
    if isinstance(last, Element) and last.role == LINK and last.description == url:
        return last
    return holder.child(LINK, description=url)


def write_structure(canvas: Canvas, structure: Structure, page_keys: list[int]) -> None:
    """The structure tree as PDF objects, the parent tree that leads from content back to it, and each page's key."""
    document = DocumentObjects(canvas)
    elements = structure.root.text_elements()
    names = {id(element): f"StructElem{index}" for index, element in enumerate(elements)}
    page_names = [document.page(index).name for index in range(document.page_count())]
    by_page: dict[int, dict[int, PDFObjectReference]] = {}
    numbers: dict[int, Any] = {}
    for element in elements:
        name = names[id(element)]
        reference = PDFObjectReference(name)
        first_page: int | None = None  # the page of its first marked content or annotation
        has_text = False
        kids: list[Kid] = []
        for kid in element.kids:
            if isinstance(kid, Element):
                kid_name = names.get(id(kid))
                if kid_name is not None:  # it marks content
                    kids.append(ElementKid(kid_name))
                continue
            if first_page is None:
                first_page = kid.page
            if isinstance(kid, Mark):
                has_text = True
                by_page.setdefault(kid.page, {})[kid.mcid] = reference
                kids.append(ContentKid(kid.mcid, None if kid.page == first_page else page_names[kid.page]))
            else:
                numbers[kid.key] = reference
                kids.append(ObjectKid(kid.name, page_names[kid.page]))
        alt = element.alt
        if element.description is not None and not has_text:
            alt = element.description  # a link without text of its own says where it goes
        parent = names[id(element.parent)] if element.parent is not None else TREE_ROOT
        page = page_names[first_page] if first_page is not None else None
        document.add(ElementObject(element.role, parent, page, kids, alt=alt, lang=element.lang, scope=element.scope), name)
    for page_index, key in enumerate(page_keys):
        marked = by_page.get(page_index, {})
        numbers[key] = PDFArray([marked[mcid] for mcid in range(len(marked))])
        document.set_page_entries(page_index, {"StructParents": key, "Tabs": PDFName("S")})
    parent_tree = PlainDictionary({"Nums": PDFArray([item for key in sorted(numbers) for item in (key, numbers[key])])})
    root = PlainDictionary(
        {
            "Type": PDFName("StructTreeRoot"),
            "K": PDFObjectReference(names[id(structure.root)]),
            "ParentTree": document.add(parent_tree, "ParentTree"),
            "ParentTreeNextKey": structure.keys,
        }
    )
    canvas.setCatalogEntry("StructTreeRoot", document.add(root, TREE_ROOT))


def xmp_stream(metadata: Metadata) -> PDFStream:
    """The XMP metadata packet: title, author, subject, keywords and language, and the PDF/UA-1 identifier."""
    creator = f"<dc:creator><rdf:Seq><rdf:li>{escape(metadata.author)}</rdf:li></rdf:Seq></dc:creator>" if metadata.author else ""
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(metadata.title)}</rdf:li></rdf:Alt></dc:title>\n'
        f"{creator}"
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(metadata.subject)}</rdf:li></rdf:Alt></dc:description>\n'
        f"<dc:language><rdf:Bag><rdf:li>{escape(metadata.language)}</rdf:li></rdf:Bag></dc:language>\n"
        f"<pdf:Keywords>{escape(', '.join(metadata.keywords))}</pdf:Keywords>\n"
        "<xmp:CreatorTool>make_materials</xmp:CreatorTool>\n"
        "<pdfuaid:part>1</pdfuaid:part>\n"
        "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    dictionary = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
    return PDFStream(dictionary, packet.encode("utf-8"), filters=[])
