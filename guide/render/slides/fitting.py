"""Fitting text into a box: shrink to a floor, then continue on further slides.

Pure functions over measured heights; nothing here knows python-pptx.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from guide.markup import Span
from guide.render.slides.measure import Measurer, sentences

BULLET_INDENT_PT = 24.0
INSET_X_PT = 7.2
INSET_Y_PT = 3.6
PARAGRAPH_GAP = 0.45
"""Space after a paragraph, as a multiple of the font size."""
SAFETY = 0.96
"""Measured lines get 4 % of the width spare, for renderers that set text a hair wider."""


@dataclass(frozen=True)
class Item:
    """One paragraph of a text box: a bullet point, a numbered question, a plain paragraph."""

    spans: tuple[Span, ...]
    bullet: bool = True

    @property
    def text(self) -> str:
        """The item's text without styling."""
        return "".join(span.text for span in self.spans)


def bold_line(text: str) -> Item:
    """A single bold, unbulleted paragraph: a title or a timeline date."""
    return Item((Span(text, bold=True),), bullet=False)


@dataclass(frozen=True)
class Fitted:
    """Items that fit one box at one size."""

    items: tuple[Item, ...]
    size_pt: float


def text_width(item: Item, box_width_pt: float) -> float:
    """Width available to an item's text inside a box of ``box_width_pt``."""
    return (box_width_pt - 2 * INSET_X_PT - (BULLET_INDENT_PT if item.bullet else 0)) * SAFETY


def items_height(items: Sequence[Item], box_width_pt: float, size_pt: float, measurer: Measurer) -> float:
    """Height of the items set one after another, with paragraph spacing between them."""
    height = 2 * INSET_Y_PT
    for index, item in enumerate(items):
        height += measurer.height_pt(item.spans, text_width(item, box_width_pt), size_pt)
        if index < len(items) - 1:
            height += size_pt * PARAGRAPH_GAP
    return height


def fit(items: Sequence[Item], width_pt: float, height_pt: float, sizes: tuple[float, float], measurer: Measurer) -> list[Fitted]:
    """The items on as few boxes as possible, at the largest size (from ``sizes``, largest first) that fits.

    Text shrinks down to the floor ``sizes[1]``; what still does not fit continues on the next box,
    and an item taller than a whole box is split at sentence ends (or, failing that, between words).
    All boxes of one run of items share one size, so continued slides look alike.
    """
    largest, floor = sizes

    def fits(group: Sequence[Item], size: float) -> bool:
        return items_height(group, width_pt, size, measurer) <= height_pt

    size = largest
    while size > floor and not fits(items, size):
        size -= 1
    if fits(items, size):
        return [Fitted(tuple(items), size)]
    pages: list[list[Item]] = [[]]
    for item in items:
        for piece in pieces_that_fit(item, lambda group: fits(group, floor)):
            if fits([*pages[-1], piece], floor):
                pages[-1].append(piece)
            else:
                pages.append([piece])
    return [Fitted(tuple(page), floor) for page in pages if page]


def pieces_that_fit(item: Item, fits: Callable[[Sequence[Item]], bool]) -> list[Item]:
    """An item split into pieces that each fit a box; a split piece keeps the text, not its styling."""
    if fits([item]):
        return [item]
    text = item.text
    for splitter in (sentences, str.split):
        parts = splitter(text)
        if len(parts) > 1:
            break
    else:
        return [item]  # one unbreakable word: the measurer breaks it between characters
    pieces: list[Item] = []
    current = ""
    for part in parts:
        candidate = f"{current} {part}".strip()
        if current and not fits([Item((Span(candidate),), item.bullet)]):
            pieces.append(Item((Span(current),), item.bullet if not pieces else False))
            current = part
        else:
            current = candidate
    pieces.append(Item((Span(current),), item.bullet if not pieces else False))
    return [result for piece in pieces for result in ([piece] if fits([piece]) else pieces_that_fit(piece, fits))]
