"""Flowables that say what they are: the tagging layer any reportlab renderer of this package wraps its content in.

``tag(flowable, element)`` draws a flowable as the content of a structure element, pieces
of a split included; whatever is drawn outside tagged flowables (rules, fills, bars, lines
to write on, running headers) is an artifact, so only real content needs wrapping. Draw
tagged flowables on a ``TaggingCanvas``. ``adopt`` places the elements of flowables made
before their section under it; ``artifact`` marks decoration drawn inside tagged content,
``marked`` tags what is drawn straight on the canvas (a slide's shapes) rather than as flowables,
``linked`` a link's text drawn so and ``spoken_in`` a passage in another language. (A paragraph's
links are tagged by the canvas itself, and its passages marked with ``language_markup``.)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from html import escape
from typing import Any, TypeVar, cast

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from guide.render.pdf.structure import LANGUAGE_MARK, Element
from guide.render.pdf.tagged_canvas import LINK, TaggingCanvas

FlowableT = TypeVar("FlowableT", bound=Flowable)


class Tagged(Flowable):
    """A flowable drawn as the content of ``element``; a ``label`` element takes the first text it draws (its bullet).

    It lays out exactly as the flowable it wraps and answers for it everything else a layout asks
    (keep with next, floats, styles), so it can stand wherever that flowable stood.
    """

    def __init__(self, inner: Flowable, element: Element, label: Element | None = None) -> None:
        super().__init__()
        self.inner = inner
        self.element = element
        self.label = label
        self.hAlign = getattr(inner, "hAlign", "LEFT")
        self.width = getattr(inner, "width", 0)
        self.height = getattr(inner, "height", 0)

    def __getattr__(self, name: str) -> Any:
        if name == "inner":  # not set yet: while copied or unpickled
            raise AttributeError(name)
        return getattr(self.inner, name)

    def _piece(self, inner: Flowable) -> Tagged:
        """A part of a split, the same element's; a label only where the part still draws it."""
        has_label = getattr(inner, "bulletText", None) is not None
        return Tagged(inner, self.element, self.label if has_label else None)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(available_width, available_height)
        return self.width, self.height

    def wrapOn(self, canv: Canvas, aW: float, aH: float) -> tuple[float, float]:  # noqa: N802, N803 - reportlab's names
        self.width, self.height = self.inner.wrapOn(canv, aW, aH)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return [self._piece(piece) for piece in self.inner.split(available_width, available_height)]

    def splitOn(self, canv: Canvas, aW: float, aH: float) -> list[Flowable]:  # noqa: N802, N803 - reportlab's names
        return [self._piece(piece) for piece in self.inner.splitOn(canv, aW, aH)]

    def force_split(self, available_width: float, available_height: float) -> list[Flowable]:
        force = getattr(self.inner, "force_split", None)
        return [self._piece(piece) for piece in force(available_width, available_height)] if force else []

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.inner.getSpaceAfter())

    def getKeepWithNext(self) -> bool:  # noqa: N802 - reportlab's name
        return bool(self.inner.getKeepWithNext())

    def minWidth(self) -> float:  # noqa: N802 - reportlab's name
        return float(self.inner.minWidth())

    def identity(self, maxLen: int | None = None) -> str:  # noqa: N803 - reportlab's name
        return f"Tagged[{self.element.role}]({self.inner.identity(maxLen)})"

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - reportlab's names
        with marked(canvas, self.element, self.label):
            self.inner.drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]  # reportlab takes _sW; its stubs leave it out


def tag(flowable: FlowableT, element: Element, label: Element | None = None) -> FlowableT:
    """``flowable`` drawn as ``element``'s content (``label``'s, for its bullet).

    Typed as the flowable it wraps, which it stands in for: it lays out as that flowable does and
    answers every question asked of it, so the containers made for it take it unchanged.
    """
    return cast(FlowableT, Tagged(flowable, element, label))


@contextmanager
def marked(canvas: Canvas, element: Element, label: Element | None = None) -> Iterator[None]:
    """What is drawn inside, straight on the canvas, as ``element``'s content (the first text ``label``'s)."""
    if not isinstance(canvas, TaggingCanvas):
        raise TypeError("tagged content is drawn on a TaggingCanvas")
    canvas.begin_marked(element, label)
    try:
        yield
    finally:
        canvas.end_marked()


@contextmanager
def artifact(canvas: Canvas) -> Iterator[None]:
    """Decoration drawn inside tagged content (a rule under a heading), marked as an artifact."""
    if not isinstance(canvas, TaggingCanvas):
        yield
        return
    canvas.begin_artifact()
    try:
        yield
    finally:
        canvas.end_artifact()


@contextmanager
def linked(canvas: Canvas, url: str) -> Iterator[None]:
    """A link's text and its annotation drawn inside, straight on the canvas, as a Link element of what is being drawn."""
    with _inline(canvas, LINK, description=url):
        yield


@contextmanager
def spoken_in(canvas: Canvas, lang: str | None) -> Iterator[None]:
    """Text drawn inside, straight on the canvas, as a Span element in ``lang`` (nothing of its own without one)."""
    if lang is None:
        yield
        return
    with _inline(canvas, "Span", lang=lang):
        yield


@contextmanager
def _inline(canvas: Canvas, role: str, *, description: str | None = None, lang: str | None = None) -> Iterator[None]:
    element = canvas.inline_element(role, description=description, lang=lang) if isinstance(canvas, TaggingCanvas) else None
    if element is None:
        yield
        return
    with marked(canvas, element):
        yield


def language_markup(markup: str, lang: str | None) -> str:
    """A paragraph's markup for a passage in ``lang``: marks around it that the tagging canvas makes a Span element of."""
    if lang is None:
        return markup
    return f'<onDraw name="{LANGUAGE_MARK}" label="{escape(lang)}"/>{markup}<onDraw name="{LANGUAGE_MARK}" label=""/>'


def adopt(parent: Element, flowables: Iterable[Flowable]) -> None:
    """Place the elements of ``flowables`` that are placed nowhere yet under ``parent``, in order.

    Sections are made after their bodies; this puts a body's paragraphs, lists, figures and
    quotations into the section they were made for.
    """
    for element in elements_in(flowables):
        parent.adopt(element.top())


def elements_in(flowables: Iterable[Any]) -> list[Element]:
    """The elements drawn by ``flowables`` and by the flowables inside them, in the order they hold them."""
    found: list[Element] = []
    for item in flowables:
        if isinstance(item, Tagged):
            found.append(item.element)
        elif isinstance(item, (list, tuple)):
            found += elements_in(item)
        elif isinstance(item, Flowable):
            found += elements_in(value for value in vars(item).values() if isinstance(value, (Flowable, list, tuple)))
    return found
