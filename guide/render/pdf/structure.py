"""The logical structure of a tagged PDF: elements with standard roles, and what marks each on the pages.

An element is made where its content is made, before layout, so that a paragraph split over
two pages, or a box continued on the next, stays one element. Children made under a parent
(``child``) keep the order they were made in, which is the order they are read in; an element
made on its own is placed when its content is first drawn, under the section that adopted it
or else under the document, so the document's sections follow in the order of the pages
(on each page, the main column before the sidebar). Nothing here knows how PDF spells it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANGUAGE_MARK = "language"
"""The inline mark (reportlab's ``<onDraw name=… label=…/>``) that begins a passage in another language, or ends it."""


@dataclass(frozen=True)
class Mark:
    """A marked-content sequence of one page, by its MCID."""

    page: int
    mcid: int


@dataclass(frozen=True)
class Annotation:
    """An annotation (a link) that belongs to an element: its key in the parent tree and its object."""

    page: int
    key: int
    name: str
    """The annotation object's name in the PDF document."""


@dataclass(eq=False)
class Element:
    """A structure element: a standard role, its own attributes, and its kids in reading order."""

    role: str
    alt: str | None = None
    """Alternative text, for a figure: what a screen reader says instead of its content."""
    scope: str | None = None
    """For a header cell (TH): ``Row`` or ``Column``."""
    description: str | None = None
    """For a link: where it goes, said to whoever cannot see it."""
    lang: str | None = None
    """The language of its text, where it is not the document's (a quotation, a native name)."""
    parent: Element | None = None
    kids: list[Element | Mark | Annotation] = field(default_factory=list)

    def child(
        self, role: str, *, alt: str | None = None, scope: str | None = None, description: str | None = None, lang: str | None = None
    ) -> Element:
        """A new element under this one, read after the kids made before it."""
        element = Element(role, alt=alt, scope=scope, description=description, lang=lang, parent=self)
        self.kids.append(element)
        return element

    def adopt(self, element: Element) -> None:
        """Place an element made on its own (and not yet placed) under this one, after its other kids."""
        if element.parent is None and element is not self:
            element.parent = self
            self.kids.append(element)

    def top(self) -> Element:
        """The outermost element this one is placed under, itself if it is not placed."""
        element = self
        while element.parent is not None:
            element = element.parent
        return element

    def text_elements(self) -> list[Element]:
        """This element and every one under it that marks content, in reading order."""
        found = [self]
        for kid in self.kids:
            if isinstance(kid, Element):
                kid._gather(found)
        return found

    def _gather(self, found: list[Element]) -> bool:
        """Add this element and those under it to ``found`` if it marks content, in one walk of the tree: whether it does."""
        start = len(found)
        found.append(self)
        marks = False
        for kid in self.kids:
            marks = (kid._gather(found) if isinstance(kid, Element) else True) or marks
        if not marks:
            del found[start:]
        return marks


@dataclass
class Structure:
    """The document's element, and the keys of the parent tree handed out so far."""

    root: Element = field(default_factory=lambda: Element("Document"))
    keys: int = 0

    def place(self, element: Element) -> None:
        """Make sure ``element`` is in the tree: what it is under, if placed nowhere yet, goes last under the document."""
        top = element.top()
        if top is not self.root:
            self.root.adopt(top)

    def next_key(self) -> int:
        """A new key of the parent tree, for a page or an annotation."""
        self.keys += 1
        return self.keys - 1
