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

from html import escape
from typing import Any, Literal

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObjectReference, PDFStream, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from guide.render.common import Metadata
from guide.render.pdf.internals import DocumentObjects, SpacedLines, last_annotation, page_code
from guide.render.pdf.structure import Annotation, Element, Mark, Structure

ARTIFACT = "Artifact"
TREE_ROOT = "StructTreeRoot"
ARTIFACT_BEGIN = "/Artifact BMC"
END = "EMC"
STATE_ONLY = frozenset(("q", "Q"))
"""Code that draws nothing: a sequence holding only these is not worth an element's MCID."""


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
        self._page_keys: list[int] = []

    # Marked content

    def begin_marked(self, element: Element, label: Element | None = None) -> None:
        """Mark what is drawn from here on as ``element``'s; with a ``label``, the first text drawn is the label's."""
        self.structure.place(element)
        if label is not None:
            self.structure.place(label)
        self._close_sequence()
        self._open.append(label or element)
        self._after_label.append(element if label is not None else None)
        self._open_sequence()

    def end_marked(self) -> None:
        """Close the innermost element; what is drawn next belongs to the one around it, if any."""
        self._close_sequence()
        self._open.pop()
        self._after_label.pop()
        if self._open:
            self._open_sequence()

    def begin_artifact(self) -> None:
        """Mark what is drawn from here on as an artifact, even inside an element (a rule under a heading)."""
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
        mark = Mark(self.getPageNumber() - 1, self._mcids)
        self._mcids += 1
        element.kids.append(mark)
        code.append(f"/{element.role} <</MCID {mark.mcid}>> BDC")
        self._artifacts_from = len(code)

    def _close_sequence(self) -> None:
        """Close the open sequence; one in which nothing was drawn (at most a graphics state saved or restored) is taken back."""
        if not self._open or self._open[-1].role == ARTIFACT:
            return
        code = page_code(self)
        if all(line in STATE_ONLY for line in code[self._artifacts_from :]):
            del code[self._artifacts_from - 1]
            self._open[-1].kids.pop()
            self._mcids -= 1
        else:
            code.append(END)
        self._artifacts_from = len(code)

    def _mark_artifacts(self) -> None:
        """Mark what was drawn since the last sequence closed, if anything, as an artifact."""
        code = page_code(self)
        if len(code) > self._artifacts_from:
            code.insert(self._artifacts_from, ARTIFACT_BEGIN)
            code.append(END)

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:  # noqa: N802 - reportlab's name
        return SpacedLines(self, x, y, direction=direction)

    def drawText(self, aTextObject: PDFTextObject) -> None:  # noqa: N802, N803 - reportlab's names
        """Draw a text object; the first one of an element with a label (a bullet, a term) is the label's."""
        super().drawText(aTextObject)
        if self._after_label and self._after_label[-1] is not None:
            element = self._after_label[-1]
            self._close_sequence()
            self._open[-1] = element
            self._after_label[-1] = None
            self._open_sequence()

    # Pages

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        """End the page: what was drawn after the last sequence is an artifact; the page gets its parent tree key."""
        if self._open:
            raise RuntimeError("a page ended inside marked content")
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
        """A link annotation that says where it goes, in a Link element of what is being drawn.

        A link broken over lines has an annotation per line, all in one Link element.
        """
        key = self.structure.next_key()
        super().linkURL(url, rect, relative, thickness, color, dashArray, kind, Contents=PDFString(url), StructParent=key, **kw)
        reference = last_annotation(self)
        holder = self._open[-1] if self._open and self._open[-1].role != ARTIFACT else self.structure.root
        last = holder.kids[-1] if holder.kids else None
        same = isinstance(last, Element) and last.role == "Link" and last.description == url
        link = last if same and isinstance(last, Element) else holder.child("Link", description=url)
        link.kids.append(Annotation(self.getPageNumber() - 1, key, reference))

    # The document

    def save(self) -> None:
        """Write the structure tree and what PDF/UA asks of the catalog and the pages, then the document."""
        if page_code(self):
            self.showPage()
        write_structure(self, self.structure, self._page_keys)
        self.setCatalogEntry("MarkInfo", PDFDictionary({"Marked": "true"}))
        self.setViewerPreference("DisplayDocTitle", "true")
        self.setCatalogEntry("Metadata", xmp_stream(self._metadata))
        super().save()


def write_structure(canvas: Canvas, structure: Structure, page_keys: list[int]) -> None:
    """The structure tree as PDF objects, the parent tree that leads from content back to it, and each page's key."""
    document = DocumentObjects(canvas)
    elements = structure.root.text_elements()
    names = {id(element): f"StructElem{index}" for index, element in enumerate(elements)}
    page_names = [document.page(index) for index in range(document.page_count())]
    by_page: dict[int, dict[int, PDFObjectReference]] = {}
    numbers: dict[int, Any] = {}
    for element in elements:
        reference = PDFObjectReference(names[id(element)])
        entries: dict[str, Any] = {"Type": PDFName("StructElem"), "S": PDFName(element.role)}
        entries["P"] = PDFObjectReference(names[id(element.parent)] if element.parent is not None else TREE_ROOT)
        first_page = next((kid.page for kid in element.kids if isinstance(kid, (Mark, Annotation))), None)
        if first_page is not None:
            entries["Pg"] = page_names[first_page]
        kids: list[Any] = []
        for kid in element.kids:
            if isinstance(kid, Element):
                if kid.marks_content():
                    kids.append(PDFObjectReference(names[id(kid)]))
            elif isinstance(kid, Mark):
                by_page.setdefault(kid.page, {})[kid.mcid] = reference
                if kid.page == first_page:
                    kids.append(kid.mcid)
                else:
                    kids.append(PDFDictionary({"Type": PDFName("MCR"), "Pg": page_names[kid.page], "MCID": kid.mcid}))
            else:
                numbers[kid.key] = reference
                kids.append(PDFDictionary({"Type": PDFName("OBJR"), "Obj": kid.reference, "Pg": page_names[kid.page]}))
        entries["K"] = kids[0] if len(kids) == 1 else PDFArray(kids)  # a lone kid stands alone, as most readers expect
        if element.alt is not None:
            entries["Alt"] = PDFString(element.alt)
        if element.description is not None:
            entries["Alt"] = PDFString(element.description)
        if element.scope is not None:
            entries["A"] = PDFDictionary({"O": PDFName("Table"), "Scope": PDFName(element.scope)})
        document.add(PDFDictionary(entries), names[id(element)])
    for page_index, key in enumerate(page_keys):
        marked = by_page.get(page_index, {})
        numbers[key] = PDFArray([marked[mcid] for mcid in range(len(marked))])
        document.set_page_entries(page_index, {"StructParents": key, "Tabs": PDFName("S")})
    parent_tree = PDFDictionary({"Nums": PDFArray([item for key in sorted(numbers) for item in (key, numbers[key])])})
    root = PDFDictionary(
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
