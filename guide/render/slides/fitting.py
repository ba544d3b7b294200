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
FLOW_SHARE = 0.5
"""A box filled less than this far takes the head of the next item, split, rather than leaving room empty."""
FILLED_SHARE = 0.8
"""In a list that flows (a section's key facts), a box filled less than this far takes the head of the next item, split
at a sentence end: facts too long to share a slide whole still fill their slides as one list, and a reader moves on
to the next slide only where a sentence ends, as a speaker would."""
LEAST_LINES = 2
"""An item of a flowing list split between boxes keeps at least this many lines on each: no line of it alone at a box's
foot or head."""
SAFETY = 0.96
"""Measured lines get 4 % of the width spare, for renderers that set text a hair wider."""


@dataclass(frozen=True)
class Item:
    """One paragraph of a text box: a bullet point, a numbered question, a plain paragraph.

    A bulleted or numbered item hangs: its marker sits in the indent, its lines align after it.
    """

    spans: tuple[Span, ...]
    bullet: bool = True
    number: int = 0
    """The item's number in a numbered list (drawn as "1." in the indent); 0 for none."""
    continued: bool = False
    """A piece of a list item carried on from the box before: it stands in the item's indent, without its marker."""

    @property
    def hangs(self) -> bool:
        """Whether a marker (a bullet or the number) hangs in the indent before the item's first line."""
        return self.bullet or self.number > 0

    @property
    def indented(self) -> bool:
        """Whether the item's lines align after the indent: a marked item's, and a piece carried on from one."""
        return self.hangs or self.continued

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


def line_width(item: Item, box_width_pt: float) -> float:
    """Width an item's lines take inside a box of ``box_width_pt``: where a slide's text wraps."""
    return box_width_pt - 2 * INSET_X_PT - (BULLET_INDENT_PT if item.indented else 0)


def text_width(item: Item, box_width_pt: float) -> float:
    """Width an item's text is fitted to inside a box of ``box_width_pt``: its line width with a little spare."""
    return line_width(item, box_width_pt) * SAFETY


def items_height(items: Sequence[Item], box_width_pt: float, size_pt: float, measurer: Measurer) -> float:
    """Height of the items set one after another, with paragraph spacing between them."""
    height = 2 * INSET_Y_PT
    for index, item in enumerate(items):
        height += measurer.height_pt(item.spans, text_width(item, box_width_pt), size_pt)
        if index < len(items) - 1:
            height += size_pt * PARAGRAPH_GAP
    return height


def words_fit(items: Sequence[Item], box_width_pt: float, size_pt: float, measurer: Measurer) -> bool:
    """Whether every word of the items fits its line in a box of ``box_width_pt``, whatever face a viewer sets it in."""
    return not any(measurer.splits_a_word(item.spans, text_width(item, box_width_pt), size_pt) for item in items)


def unsplit(size_pt: float, floor: float, words_fit_at: Callable[[float], bool]) -> float:
    """``size_pt``, or the largest smaller size down to ``floor`` at which no word breaks between characters;
    ``size_pt`` itself where even the floor would break one (a word longer than any line)."""
    size = size_pt
    while size > floor and not words_fit_at(size):
        size -= 1
    return size if words_fit_at(size) else size_pt


def largest_size(items: Sequence[Item], width_pt: float, height_pt: float, sizes: tuple[float, float], measurer: Measurer) -> float | None:
    """The largest whole size from ``sizes`` (largest, floor) at which the items fit the box, and no word breaks
    between characters where a size allows; None if not even the floor fits."""
    largest, floor = sizes
    size = largest
    while size >= floor:
        if items_height(items, width_pt, size, measurer) <= height_pt:
            return unsplit(size, floor, lambda smaller: words_fit(items, width_pt, smaller, measurer))
        size -= 1
    return None


def fit(
    items: Sequence[Item], width_pt: float, height_pt: float, sizes: tuple[float, float], measurer: Measurer, flow: bool = False
) -> list[Fitted]:
    """The items on as few boxes as possible, at the largest size (from ``sizes``, largest first) that fits.

    Text shrinks until it fits (down to the floor ``sizes[1]``), and on where that keeps a word from breaking
    between characters (see :func:`unsplit`); what still does not fit continues on the next box,
    and an item taller than a whole box is split at sentence ends (or, failing that, between words).
    Items of a list that ``flow`` continue from box to box as running text does: a box that whole items
    leave less than ``FILLED_SHARE`` full takes the head of the next one, cut at a sentence end that keeps ``LEAST_LINES``
    of it on each; an item with no such sentence end moves to the next box whole.
    All boxes of one run of items share one size, so continued slides look alike.
    """
    largest, floor = sizes

    def fits(group: Sequence[Item], size: float) -> bool:
        return items_height(group, width_pt, size, measurer) <= height_pt

    size = largest
    while size > floor and not fits(items, size):
        size -= 1
    if fits(items, size):
        return [Fitted(tuple(items), unsplit(size, floor, lambda smaller: words_fit(items, width_pt, smaller, measurer)))]

    def lines(item: Item) -> int:
        return measurer.line_count(item.spans, text_width(item, width_pt), floor)

    pages: list[list[Item]] = [[]]
    share = FILLED_SHARE if flow else FLOW_SHARE
    for item in items:
        alone = fits([item], floor)
        for piece in pieces_that_fit(item, lambda group: fits(group, floor)):
            if fits([*pages[-1], piece], floor):
                pages[-1].append(piece)
                continue
            if items_height(pages[-1], width_pt, floor, measurer) < height_pt * share:
                head, piece = _filling(pages[-1], piece, lambda group: fits(group, floor), not alone, lines if flow else None)
                pages[-1] += head
            pages.append([piece])
    return [Fitted(tuple(page), floor) for page in pages if page]


def _filling(
    page: Sequence[Item], item: Item, fits: Callable[[Sequence[Item]], bool], words: bool, lines: Callable[[Item], int] | None = None
) -> tuple[list[Item], Item]:
    """([the longest head of ``item`` that still fits below ``page``], the rest), split at sentence ends; between words
    too when ``words`` (a piece of an item too long for a slide of its own, which is split so anyway): otherwise a
    sentence that fits one slide is never cut to fill another, leaving its tail alone at the top of the next. Where
    ``lines`` counts an item's lines (an item of a list that flows), a cut leaves ``LEAST_LINES`` on either side."""
    text = item.text
    for splitter in (sentences, str.split) if words else (sentences,):
        parts = splitter(text)
        for cut in range(len(parts) - 1, 0, -1):
            head, tail = _piece(item, " ".join(parts[:cut]), first=True), _piece(item, " ".join(parts[cut:]), first=False)
            if fits([*page, head]) and (lines is None or min(lines(head), lines(tail)) >= LEAST_LINES):
                return [head], tail
    return [], item


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
        if current and not fits([_piece(item, candidate, first=not pieces)]):
            pieces.append(_piece(item, current, first=not pieces))
            current = part
        else:
            current = candidate
    pieces.append(_piece(item, current, first=not pieces))
    return [result for piece in pieces for result in ([piece] if fits([piece]) else pieces_that_fit(piece, fits))]


def _piece(item: Item, text: str, first: bool) -> Item:
    """A piece of a split item, in the item's language: the first keeps its bullet or number, the rest continue it without
    one, in its indent."""
    languages = {span.lang for span in item.spans}
    span = Span(text, lang=languages.pop() if len(languages) == 1 else None)
    if first:
        return Item((span,), item.bullet, item.number, item.continued)
    return Item((span,), bullet=False, continued=item.indented)
