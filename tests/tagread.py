"""Reading a tagged PDF back: its structure tree with the text of each element, and what its pages mark."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

PAINTING = frozenset(("Tj", "TJ", "'", '"', "Do", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "INLINE IMAGE"))
"""Operators that put something on the page: text, pictures and forms, painted paths, shadings."""
STANDARD_ROLES = frozenset(
    (
        *("Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index", "NonStruct", "Private"),
        *("P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot"),
        *("Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "Warichu", "Figure", "Formula", "Form"),
    )
)
"""The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4)."""


def have_pdfinfo() -> bool:
    return shutil.which("pdfinfo") is not None


@dataclass
class Node:
    """An element of the structure tree as poppler prints it: its role, its own text and its kids."""

    role: str
    text: str = ""
    kids: list[Node] = field(default_factory=list)
    parts: list[str | Node] = field(default_factory=list)
    """Its own text and its kids, in the order poppler printed them (a span inside a paragraph's text)."""
    inline: bool = False
    """Whether poppler reads it as part of the text around it (a link, a span), rather than a block of its own."""

    def walk(self) -> list[Node]:
        return [self, *(node for kid in self.kids for node in kid.walk())]

    def all_text(self) -> str:
        """Its text and its kids', in order, each block apart from the next (an inline element's text runs on, as poppler read it)."""
        text = ""
        previous: str | Node = ""
        for part in self.parts:
            piece = part if isinstance(part, str) else part.all_text()
            runs_on = any(isinstance(neighbour, Node) and neighbour.inline for neighbour in (previous, part))
            text += piece if not text or not piece or runs_on else f" {piece}"
            previous = part
        return text

    def find(self, role: str) -> list[Node]:
        return [node for node in self.walk() if node.role == role]


def structure_tree(path: Path) -> Node:
    """The structure tree with the text of each element, read by poppler (``pdfinfo -struct-text``)."""
    output = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True).stdout
    root = Node("")
    stack: list[tuple[int, Node]] = [(-1, root)]
    for line in output.splitlines():
        stripped = line.strip()
        depth = len(line) - len(line.lstrip(" "))
        if not stripped or stripped.startswith("/") or stripped.startswith("Object "):
            continue  # an attribute (/Scope /Row) or an annotation's object
        while stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1]
        if stripped.startswith('"'):
            parent.text += stripped[1:-1]
            if parent.parts and isinstance(parent.parts[-1], str):
                parent.parts[-1] += stripped[1:-1]
            else:
                parent.parts.append(stripped[1:-1])
            continue
        node = Node(stripped.split()[0].rstrip(":"), inline="(inline)" in stripped)
        parent.kids.append(node)
        parent.parts.append(node)
        stack.append((depth, node))
    (document,) = root.kids
    return document


@dataclass(frozen=True)
class Element:
    """A structure element read with pikepdf: role, alternative text, the MCIDs it marks (by page index), its objects."""

    role: str
    alt: str | None
    marks: tuple[tuple[int, int], ...]
    objects: int = 0
    """How many objects (annotations) it holds."""
    lang: str | None = None


def elements(pdf: pikepdf.Pdf, top: pikepdf.Dictionary | None = None) -> list[Element]:
    """Every structure element in reading order (of the tree, or of the branch from ``top``), with the content it marks."""
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    found: list[Element] = []

    def visit(element: pikepdf.Dictionary) -> None:
        page = pages.get(element.Pg.objgen) if "/Pg" in element else None
        marks: list[tuple[int, int]] = []
        kids = element.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        for kid in kids:
            if isinstance(kid, int):
                assert page is not None
                marks.append((page, kid))
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                marks.append((pages[kid.Pg.objgen], int(kid.MCID)))
        objects = sum(1 for kid in kids if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR")
        lang = str(element.Lang) if "/Lang" in element else None
        found.append(Element(str(element.S)[1:], str(element.Alt) if "/Alt" in element else None, tuple(marks), objects, lang))
        for kid in kids:
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                visit(kid)

    visit(pdf.Root.StructTreeRoot.K if top is None else top)
    return found


def parent_tree(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    """The parent tree's entries by key (a flat number tree, as written here)."""
    numbers = pdf.Root.StructTreeRoot.ParentTree.Nums
    return {int(numbers[index]): numbers[index + 1] for index in range(0, len(numbers), 2)}


def unmarked_painting(pdf: pikepdf.Pdf) -> list[str]:
    """Every painting operator that is neither in an element's marked content (by an MCID the parent tree knows) nor an artifact.

    Also reports marked content nested wrongly: an MCID inside an artifact or inside another MCID.
    """
    entries = parent_tree(pdf)
    problems: list[str] = []
    for index, page in enumerate(pdf.pages, start=1):
        known = entries[int(page.obj.StructParents)]
        stack: list[tuple[str, int | None]] = []
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if name in ("BMC", "BDC"):
                properties = operands[1] if name == "BDC" else None
                mcid = int(properties.MCID) if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties else None
                if mcid is not None and any(tag == "/Artifact" or outer is not None for tag, outer in stack):
                    problems.append(f"page {index}: MCID {mcid} nested in other marked content")
                stack.append((str(operands[0]), mcid))
            elif name == "EMC":
                stack.pop()
            elif name in PAINTING:
                if any(tag == "/Artifact" for tag, _ in stack):
                    continue
                mcids = [mcid for _, mcid in stack if mcid is not None]
                if not mcids or mcids[-1] >= len(known) or not isinstance(known[mcids[-1]], pikepdf.Dictionary):
                    problems.append(f"page {index}: {name} outside marked content")
        if stack:
            problems.append(f"page {index}: marked content left open")
    return problems
