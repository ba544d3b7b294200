"""What a slide's design draws besides its title and body: text blocks, shapes, lines, pictures.

Positions and sizes are in points from the slide's top left corner. Colours are named by the
role they play (``primary``, ``accent``, ``text``, ``muted``, ``background``, ``tint``,
``on_fill`` for text over a primary fill): a renderer maps roles onto the theme's colours, or
onto a template's colour scheme, so the plan stays the same whatever draws it.
"""

from __future__ import annotations

from dataclasses import dataclass

from guide.markup import Span
from guide.render.slides.fitting import Item
from guide.render.slides.geometry import Box

Lines = tuple[tuple[Span, ...], ...]
"""Text broken into lines as measured, each line its styled runs."""

INK_ROLES = ("primary", "accent", "text", "muted", "background", "tint", "on_fill", "on_fill_muted")


@dataclass(frozen=True)
class TextBlock:
    """Fitted items in a box, all at one size; ``role`` is its place in the deck's type scale."""

    box: Box
    items: tuple[Item, ...]
    size_pt: float
    role: str
    ink: str = "text"
    align: str = "l"
    """l, ctr or r, as DrawingML spells it."""
    anchor: str = "t"
    """t, ctr or b: where the lines sit in the box."""
    name: str = "Text"
    lines: tuple[Lines, ...] = ()
    """Each item's lines, broken where a slide wraps them (the plan fills them in last): a renderer
    that wraps nothing itself draws these, so it breaks where PowerPoint and the plan do."""


@dataclass(frozen=True)
class Shape:
    """A filled or outlined shape: ``rect``, ``roundRect`` or ``ellipse``."""

    kind: str
    box: Box
    fill: str | None
    outline: str | None = None
    outline_pt: float = 0.0
    name: str = "Shape"


@dataclass(frozen=True)
class Line:
    """A straight line from (left, top) to (right, bottom) of ``box``, or (``rising``) from (left, bottom) to (right, top).

    Width and height are not negative: a line that rises to the right is said so, as
    PowerPoint says it (a vertically flipped connector).
    """

    box: Box
    ink: str
    width_pt: float
    name: str = "Line"
    rising: bool = False


@dataclass(frozen=True)
class Picture:
    """A picture scaled to ``box`` (its proportions kept), with its alt text; ``frame`` outlines it.

    ``grey`` shows it in shades of grey, as a deck meant for printing in black shows its pictures.
    """

    file: str
    alt: str
    box: Box
    frame: str | None = None
    name: str = "Picture"
    grey: bool = False


Drawing = TextBlock | Shape | Line | Picture
