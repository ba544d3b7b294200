"""The drawn slide designs: cards, name and term grids, a panel, a statement, a picture.

Each design lays its content out in a region (the slide below its title), measured at one size
of its role, and returns what to draw; or None when the content does not fit that design even
at its role's floor, so the planner can choose another.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from PIL import Image

from guide.markup import Span
from guide.render.slides.fitting import INSET_X_PT, INSET_Y_PT, Item
from guide.render.slides.geometry import Box
from guide.render.slides.shapes import Drawing, Line, Picture, Shape
from guide.render.slides.style import DeckStyle
from guide.render.slides.typeset import Typesetter

GAP_PT = 16.0
PAD_PT = 12.0
BADGE_PT = 44.0
"""Diameter of a card's number or a person's initials."""
MIN_COLUMN_PT = 180.0
"""Narrowest text column a card may have; narrower cards are set as rows."""
MAX_COLUMNS = 4
CHECKLIST_ROWS = 4
"""A checklist of fewer objectives spaces them as if there were this many."""
MIN_GRID_SHARE = 0.45
"""The least share of the region a grid's cards take, however little they hold."""
ACCENT_BAR_PT = 6.0
CAPTION_GAP_PT = 6.0
MIN_CREDIT_PT = 120.0
"""The narrowest column a picture's credit is set in beside it; with less room across, the credit goes under the picture."""


@dataclass(frozen=True)
class GridEntry:
    """A card of a grid: a heading (a name, a term), its text, and a badge (a person's initials) or none."""

    head: Item
    body: Item | None
    badge: str = ""
    portrait: str = ""
    """A picture file shown in the badge's place."""


def cards(region: Box, items: Sequence[Item], set_: Typesetter, style: DeckStyle, numbered: bool) -> list[Drawing] | None:
    """Two to four short points as cards side by side, or as numbered rows when columns are too narrow."""
    return _card_columns(region, items, set_, style, numbered) or card_rows(region, items, set_, style, numbered)


def _card_columns(region: Box, items: Sequence[Item], set_: Typesetter, style: DeckStyle, numbered: bool) -> list[Drawing] | None:
    count = len(items)
    width = (region.width - (count - 1) * set_.pt(GAP_PT)) / count
    if count > MAX_COLUMNS or width - 2 * set_.pt(PAD_PT) < set_.pt(MIN_COLUMN_PT):
        return None
    head = set_.pt(BADGE_PT) + set_.pt(PAD_PT) if numbered else 0.0
    text_width = width - 2 * set_.pt(PAD_PT)
    size = set_.largest([([item], text_width, region.height - head - 2 * set_.pt(PAD_PT)) for item in items], "card")
    if size is None:
        return None
    height = max(set_.height([item], text_width, size, "card") for item in items) + head + 2 * set_.pt(PAD_PT)
    top = _centred(region, height)
    drawings: list[Drawing] = []
    for index, item in enumerate(items):
        card = Box(region.left + index * (width + set_.pt(GAP_PT)), top, width, height)
        drawings.append(_card(card, style, set_))
        if numbered:
            drawings += _badge(_badge_box(card, set_), str(index + 1), set_, style)
        else:
            drawings.append(Shape("rect", Box(card.left, card.top, card.width, set_.pt(ACCENT_BAR_PT)), "accent", name="Accent bar"))
        text = Box(card.left + set_.pt(PAD_PT), card.top + set_.pt(PAD_PT) + head, text_width, height - head - 2 * set_.pt(PAD_PT))
        drawings.append(set_.block(text, [item], size, "card", name="Card"))
    return drawings


def card_rows(
    region: Box, items: Sequence[Item], set_: Typesetter, style: DeckStyle, numbered: bool, role: str = "card"
) -> list[Drawing] | None:
    """Points as full-width cards, one under another, numbered or not, their text set in ``role``."""
    lead = set_.pt(BADGE_PT) + set_.pt(PAD_PT) if numbered else 0.0
    text_width = region.width - 2 * set_.pt(PAD_PT) - lead

    def heights(size: float) -> list[float]:
        return [
            max(set_.height([item], text_width, size, role), set_.pt(BADGE_PT) if numbered else 0.0) + 2 * set_.pt(PAD_PT) for item in items
        ]

    stacked = _stacked(region, heights, len(items), set_, role)
    if stacked is None:
        return None
    size, gap, top = stacked
    drawings: list[Drawing] = []
    for index, (item, height) in enumerate(zip(items, heights(size), strict=True)):
        card = Box(region.left, top, region.width, height)
        drawings.append(_card(card, style, set_))
        if numbered:
            drawings += _badge(_badge_box(card, set_), str(index + 1), set_, style)
        text = Box(card.left + set_.pt(PAD_PT) + lead, card.top + set_.pt(PAD_PT), text_width, height - 2 * set_.pt(PAD_PT))
        drawings.append(set_.block(text, [item], size, role, name="Card", anchor="ctr"))
        top += height + gap
    return drawings


def grid(
    region: Box, entries: Sequence[GridEntry], set_: Typesetter, style: DeckStyle, columns: int = 2, role: str = "grid"
) -> list[Drawing] | None:
    """Cards in ``columns`` columns (fewer on a narrow slide), rows as tall as their tallest card, in the middle of the region.

    ``role`` sets their text: a few name cards are set larger than a glossary's many term cards.
    """
    columns = min(columns, len(entries))
    while columns > 1 and region.width < columns * set_.pt(MIN_COLUMN_PT + 2 * PAD_PT + BADGE_PT) + (columns - 1) * set_.pt(GAP_PT):
        columns -= 1
    width = (region.width - (columns - 1) * set_.pt(GAP_PT)) / columns
    lead = set_.pt(BADGE_PT) + set_.pt(PAD_PT) if any(entry.badge for entry in entries) else set_.pt(ACCENT_BAR_PT) + set_.pt(PAD_PT)
    text_width = width - 2 * set_.pt(PAD_PT) - lead
    rows = [entries[start : start + columns] for start in range(0, len(entries), columns)]

    def parts(entry: GridEntry, size: float) -> tuple[float, float]:
        """(the heading's height, what the text under it adds): the two boxes share the inset between them, so a heading
        stands as close over its text as one paragraph over the next."""
        head = set_.height([entry.head], text_width, size, role)
        return head, set_.height([entry.body], text_width, size, role) - INSET_Y_PT if entry.body else 0.0

    def row_heights(size: float) -> list[float]:
        return [max(max(sum(parts(entry, size)), set_.pt(BADGE_PT)) + 2 * set_.pt(PAD_PT) for entry in row) for row in rows]

    spaced = _spaced(region, lambda size: sum(row_heights(size)), len(rows), set_, role)
    if spaced is None:
        return None
    size, gap = spaced
    heights = row_heights(size)
    total = sum(heights) + gap * (len(rows) - 1)
    if total < region.height * MIN_GRID_SHARE:  # a few short cards grow, so the slide does not look empty
        heights = [height + (region.height * MIN_GRID_SHARE - total) / len(rows) for height in heights]
        total = region.height * MIN_GRID_SHARE
    top = _centred(region, total)
    drawings: list[Drawing] = []
    for row, height in zip(rows, heights, strict=True):
        for column, entry in enumerate(row):
            card = Box(region.left + column * (width + set_.pt(GAP_PT)), top, width, height)
            drawings.append(_card(card, style, set_))
            badge = _badge_box(card, set_)
            if entry.portrait:
                box = fitted(entry.portrait, badge)
                drawings.append(Picture(entry.portrait, entry.head.text, box, "muted", "Portrait", grey=style.grey_pictures))
            elif entry.badge:
                drawings += _badge(badge, entry.badge, set_, style)
            else:
                drawings.append(Shape("rect", Box(card.left, card.top, set_.pt(ACCENT_BAR_PT), height), "accent", name="Accent bar"))
            head_height, body_height = parts(entry, size)
            left = card.left + set_.pt(PAD_PT) + lead
            drawings.append(
                set_.block(
                    Box(left, card.top + set_.pt(PAD_PT), text_width, head_height),
                    [entry.head],
                    size,
                    role,
                    ink="primary",
                    anchor="b",
                    name="Heading",
                )
            )
            if entry.body:
                body = Box(left, card.top + set_.pt(PAD_PT) + head_height - INSET_Y_PT, text_width, body_height + INSET_Y_PT)
                drawings.append(set_.block(body, [entry.body], size, role, name="Card"))
        top += height + gap
    return drawings


def panel(region: Box, item: Item, set_: Typesetter, style: DeckStyle) -> list[Drawing] | None:
    """One paragraph in a tinted (or outlined) panel with an accent bar down its left edge, in the middle of the region."""
    lead = set_.pt(ACCENT_BAR_PT) + set_.pt(PAD_PT)
    text_width = region.width - lead - 2 * set_.pt(PAD_PT)
    size = set_.largest([([item], text_width, region.height - 2 * set_.pt(PAD_PT))], "body")
    if size is None:
        return None
    height = set_.height([item], text_width, size, "body") + 2 * set_.pt(PAD_PT)
    box = Box(region.left, _centred(region, height), region.width, height)
    return [
        Shape("rect", box, style.card_fill, style.card_outline, set_.pt(1.0), "Panel"),
        Shape("rect", Box(box.left, box.top, set_.pt(ACCENT_BAR_PT), height), "accent", name="Accent bar"),
        set_.block(
            Box(box.left + lead + set_.pt(PAD_PT), box.top + set_.pt(PAD_PT), text_width, height - 2 * set_.pt(PAD_PT)),
            [item],
            size,
            "body",
            name="Panel text",
        ),
    ]


def statement(region: Box, item: Item, set_: Typesetter) -> list[Drawing] | None:
    """One short text set large, a short accent bar above it, in the upper middle of the slide."""
    bar = set_.pt(ACCENT_BAR_PT) + set_.pt(GAP_PT)
    width = region.width * 0.85
    size = set_.largest([([item], width, region.height - bar)], "statement")
    if size is None:
        return None
    height = set_.height([item], width, size, "statement")
    top = region.top + (region.height - height - bar) / 3
    return [
        Shape("rect", Box(region.left + INSET_X_PT, top, set_.pt(96), set_.pt(ACCENT_BAR_PT)), "accent", name="Accent bar"),
        set_.block(Box(region.left, top + bar, width, height), [item], size, "statement", ink="primary", name="Statement"),
    ]


def spotlight(region: Box, item: Item, set_: Typesetter) -> list[Drawing] | None:
    """One long text alone on its slide, set larger than a list in the primary colour beside an accent bar down its left
    edge, as a pull quote is, in the middle of the region: a key fact too long to share a slide fills it on purpose."""
    width = region.width - _bar_lead(set_)
    size = set_.largest([([item], width, region.height)], "spotlight")
    if size is None:
        return None
    height = set_.height([item], width, size, "spotlight")
    return _barred(region, item, _centred(region, height), height, size, "spotlight", "primary", "Spotlight", set_)


def figured_spotlight(region: Box, figure: Item, item: Item, set_: Typesetter) -> list[Drawing] | None:
    """The spotlight of a fact that has a figure ("5 years"): the figure set big on one line above the fact; the fact as
    large as leaves the figure room at its floor, then the figure as large as the fact leaves it. None where that does
    not fit."""
    width = region.width - _bar_lead(set_)

    def figure_height(number: float) -> float:
        return set_.height([figure], width, number, "number")

    def fits(number: float, size: float) -> bool:
        room = region.height - figure_height(number) - set_.pt(GAP_PT)
        return set_.on_one_line(figure, width, number, "number") and set_.height([item], width, size, "spotlight") <= room

    size = set_.largest_where(lambda size: fits(set_.sizes("number")[1], size), "spotlight")
    number = set_.largest_where(lambda number: fits(number, size), "number") if size is not None else None
    if number is None or size is None:
        return None
    height = set_.height([item], width, size, "spotlight")
    top = _centred(region, figure_height(number) + set_.pt(GAP_PT) + height)
    left = region.left + _bar_lead(set_)
    return [
        set_.block(Box(left, top, width, figure_height(number)), [figure], number, "number", ink="primary", name="Figure"),
        *_barred(region, item, top + figure_height(number) + set_.pt(GAP_PT), height, size, "spotlight", "primary", "Spotlight", set_),
    ]


def barred_rows(region: Box, items: Sequence[Item], set_: Typesetter, role: str) -> list[Drawing] | None:
    """Texts one under another, each beside an accent bar down its left edge as the spotlight's, without the padding of
    cards: two long facts that would not fit as two cards at ``role``'s floor may fit so."""
    width = region.width - _bar_lead(set_)

    def heights(size: float) -> list[float]:
        return [set_.height([item], width, size, role) for item in items]

    stacked = _stacked(region, heights, len(items), set_, role)
    if stacked is None:
        return None
    size, gap, top = stacked
    drawings: list[Drawing] = []
    for item, height in zip(items, heights(size), strict=True):
        drawings += _barred(region, item, top, height, size, role, "text", "Fact", set_)
        top += height + gap
    return drawings


def _bar_lead(set_: Typesetter) -> float:
    """How far a text beside an accent bar stands from the region's left edge."""
    return set_.pt(ACCENT_BAR_PT) + set_.pt(GAP_PT)


def _barred(
    region: Box, item: Item, top: float, height: float, size: float, role: str, ink: str, name: str, set_: Typesetter
) -> list[Drawing]:
    """``item`` at ``top`` across the region, beside an accent bar as tall as its lines, down its left edge."""
    lead = _bar_lead(set_)
    return [
        Shape("rect", Box(region.left, top + INSET_Y_PT, set_.pt(ACCENT_BAR_PT), height - 2 * INSET_Y_PT), "accent", name="Accent bar"),
        set_.block(Box(region.left + lead, top, region.width - lead, height), [item], size, role, ink=ink, anchor="ctr", name=name),
    ]


def quotation(region: Box, passages: Sequence[tuple[Item, str]], set_: Typesetter, least: float = 0.0) -> list[Drawing] | None:
    """Passages set large in italics, one under another, each with its attribution, a large quotation mark before them.

    None if they do not fit at ``least`` points or more.
    """
    mark_size = set_.sizes("kicker")[1]
    mark = Item((Span("\u201c", bold=True),), bullet=False)
    sources = [Item((Span(f"\u2014\u00a0{attribution}"),), bullet=False) for _, attribution in passages]
    indent = mark_size * 0.75
    drop = mark_size * 0.25
    """The first passage starts a little below the mark's top, level with the mark's glyph."""
    width = region.width - indent
    caption = set_.sizes("caption")[1]
    source_heights = [set_.height([source], width, caption, "caption") for source in sources]
    between = 2 * set_.pt(GAP_PT)

    def total(size: float) -> float:
        quotes = sum(set_.height([quote], width, size, "quote") for quote, _ in passages)
        return drop + quotes + sum(source_heights) + set_.pt(GAP_PT) * len(passages) + between * (len(passages) - 1)

    size = set_.largest_where(lambda size: total(size) <= region.height, "quote", least)
    if size is None:
        return None
    top = _centred(region, total(size))
    mark_height = min(set_.height([mark], indent, mark_size, "kicker"), region.bottom - top)
    drawings: list[Drawing] = [
        set_.block(Box(region.left, top, indent, mark_height), [mark], mark_size, "kicker", ink="accent", name="Quotation mark")
    ]
    top += drop
    for (quote, _), source, source_height in zip(passages, sources, source_heights, strict=True):
        height = set_.height([quote], width, size, "quote")
        drawings.append(set_.block(Box(region.left + indent, top, width, height), [quote], size, "quote", ink="primary", name="Quotation"))
        top += height + set_.pt(GAP_PT)
        drawings.append(
            set_.block(Box(region.left + indent, top, width, source_height), [source], caption, "caption", ink="muted", name="Attribution")
        )
        top += source_height + between
    return drawings


def parallel(region: Box, original: Item, translation: Item, attributions: tuple[str, str], set_: Typesetter) -> list[Drawing] | None:
    """A passage and its translation side by side at one size, a rule between them, each with whose words they are
    (the original's and the translation's attribution) under it."""
    width = (region.width - 2 * set_.pt(GAP_PT)) / 2
    caption = set_.sizes("caption")[1]
    sources = [Item((Span(f"\u2014\u00a0{attribution}"),), bullet=False) for attribution in attributions]
    source_height = max(set_.height([source], width, caption, "caption") for source in sources)

    def tallest(size: float) -> float:
        return max(set_.height([item], width, size, "parallel") for item in (original, translation))

    size = set_.largest_where(lambda size: tallest(size) + set_.pt(GAP_PT) + source_height <= region.height, "parallel")
    if size is None:
        return None
    height = tallest(size)
    top = _centred(region, height + set_.pt(GAP_PT) + source_height)
    right = region.left + width + 2 * set_.pt(GAP_PT)
    below = top + height + set_.pt(GAP_PT)
    return [
        set_.block(Box(region.left, top, width, height), [original], size, "parallel", ink="primary", name="Quotation"),
        set_.block(Box(region.left, below, width, source_height), [sources[0]], caption, "caption", ink="muted", name="Attribution"),
        Line(Box(region.left + width + set_.pt(GAP_PT), top, 0, height), "accent", set_.pt(2.0), "Rule"),
        set_.block(Box(right, top, width, height), [translation], size, "parallel", ink="primary", name="Translation"),
        set_.block(Box(right, below, width, source_height), [sources[1]], caption, "caption", ink="muted", name="Attribution"),
    ]


def numbers(region: Box, figures: Sequence[tuple[str, Item]], set_: Typesetter, style: DeckStyle) -> list[Drawing] | None:
    """Two to four facts, each with its figure set big ("5 years") on one line, in the middle of the region:
    side by side under their figures where every figure fits its column at the role's largest size, else in rows
    beside them (so a long figure is not set small to fit a column)."""
    count = len(figures)
    if not 1 < count <= MAX_COLUMNS:
        return None
    big = [Item((Span(figure, bold=True),), bullet=False) for figure, _ in figures]
    inner = (region.width - (count - 1) * set_.pt(GAP_PT)) / count - 2 * set_.pt(PAD_PT)
    short = all(set_.on_one_line(item, inner, set_.sizes("number")[0], "number") for item in big)
    columns = partial(_figure_columns, region, big, figures, set_, style)
    rows = partial(_figure_rows, region, big, figures, set_)
    return next((drawings for layout in ((columns, rows) if short else (rows, columns)) if (drawings := layout())), None)


def _figure_columns(
    region: Box, big: Sequence[Item], figures: Sequence[tuple[str, Item]], set_: Typesetter, style: DeckStyle
) -> list[Drawing] | None:
    count = len(figures)
    width = (region.width - (count - 1) * set_.pt(GAP_PT)) / count
    if width - 2 * set_.pt(PAD_PT) < set_.pt(MIN_COLUMN_PT):
        return None
    inner = width - 2 * set_.pt(PAD_PT)
    number_size = set_.largest_where(lambda size: all(set_.on_one_line(item, inner, size, "number") for item in big), "number")
    if number_size is None:
        return None
    number_height = set_.height(big[:1], inner, number_size, "number")
    room = region.height - number_height - set_.pt(ACCENT_BAR_PT) - 2 * set_.pt(PAD_PT) - set_.pt(GAP_PT)
    size = set_.largest([([fact], inner, room) for _, fact in figures], "card")
    if size is None:
        return None
    height = (
        number_height
        + set_.pt(ACCENT_BAR_PT)
        + set_.pt(GAP_PT)
        + max(set_.height([fact], inner, size, "card") for _, fact in figures)
        + 2 * set_.pt(PAD_PT)
    )
    top = _centred(region, height)
    drawings: list[Drawing] = []
    for index, (item, (_, fact)) in enumerate(zip(big, figures, strict=True)):
        left = region.left + index * (width + set_.pt(GAP_PT))
        drawings.append(
            set_.block(
                Box(left + set_.pt(PAD_PT), top + set_.pt(PAD_PT), inner, number_height),
                [item],
                number_size,
                "number",
                ink="primary",
                name="Figure",
            )
        )
        rule_top = top + set_.pt(PAD_PT) + number_height + set_.pt(GAP_PT) / 2
        drawings.append(
            Shape(
                "rect", Box(left + set_.pt(PAD_PT) + INSET_X_PT, rule_top, set_.pt(48), set_.pt(ACCENT_BAR_PT)), "accent", name="Accent bar"
            )
        )
        fact_top = rule_top + set_.pt(ACCENT_BAR_PT) + set_.pt(GAP_PT) / 2
        drawings.append(
            set_.block(
                Box(left + set_.pt(PAD_PT), fact_top, inner, top + height - set_.pt(PAD_PT) - fact_top), [fact], size, "card", name="Fact"
            )
        )
    if style.family == "print":  # rules between the columns instead of colour
        drawings += [
            Line(Box(region.left + index * (width + set_.pt(GAP_PT)) - set_.pt(GAP_PT) / 2, top, 0, height), "muted", set_.pt(1.0), "Rule")
            for index in range(1, count)
        ]
    return drawings


def _figure_rows(region: Box, big: Sequence[Item], figures: Sequence[tuple[str, Item]], set_: Typesetter) -> list[Drawing] | None:
    """The figures one under another in a column as wide as the widest, each fact beside its figure, an accent bar between;
    the figures as large as leaves the facts their largest size where a size does, and no word of a fact wider than its line."""
    lead = 2 * set_.pt(GAP_PT) + set_.pt(ACCENT_BAR_PT)

    def column(size: float) -> float:
        return max(set_.one_line_width(item, size, "number") for item in big)

    def rows(size: float, card: float) -> list[float]:
        fact_width = region.width - column(size) - lead
        number = set_.height(big[:1], column(size), size, "number")
        return [max(number, set_.height([fact], fact_width, card, "card")) for _, fact in figures]

    def fits(size: float, card: float) -> bool:
        fact_width = region.width - column(size) - lead
        return (
            fact_width >= set_.pt(MIN_COLUMN_PT)
            and sum(rows(size, card)) + set_.pt(GAP_PT) * (len(big) - 1) <= region.height
            and all(set_.words_fit([fact], fact_width, card, "card") for _, fact in figures)
        )

    largest_card, least_card = set_.sizes("card")
    number_size = set_.largest_where(lambda size: fits(size, largest_card), "number") or set_.largest_where(
        lambda size: fits(size, least_card), "number"
    )
    if number_size is None:
        return None
    size = set_.largest_where(lambda card: fits(number_size, card), "card")
    if size is None:
        return None
    width = column(number_size)
    heights = rows(number_size, size)
    top = _centred(region, sum(heights) + set_.pt(GAP_PT) * (len(big) - 1))
    fact_left = region.left + width + lead
    drawings: list[Drawing] = []
    for item, (_, fact), height in zip(big, figures, heights, strict=True):
        figure = Box(region.left, top, width, height)
        drawings.append(set_.block(figure, [item], number_size, "number", ink="primary", align="r", anchor="ctr", name="Figure"))
        drawings.append(
            Shape(
                "rect",
                Box(figure.right + set_.pt(GAP_PT), top + height * 0.2, set_.pt(ACCENT_BAR_PT), height * 0.6),
                "accent",
                name="Accent bar",
            )
        )
        drawings.append(set_.block(Box(fact_left, top, region.right - fact_left, height), [fact], size, "card", anchor="ctr", name="Fact"))
        top += height + set_.pt(GAP_PT)
    return drawings


def checklist(region: Box, items: Sequence[Item], set_: Typesetter) -> list[Drawing] | None:
    """Objectives as a checklist: an empty box before each, to tick off by the end of the lesson; a few spread out,
    the group in the middle of the region."""
    box_size = set_.pt(18.0)
    lead = box_size + set_.pt(PAD_PT)
    width = region.width - lead

    def heights(size: float) -> list[float]:
        return [set_.height([item], width, size, "body") for item in items]

    size = set_.largest_where(lambda size: sum(heights(size)) + set_.pt(PAD_PT) * (len(items) - 1) <= region.height, "body")
    if size is None:
        return None
    natural = heights(size)
    shown = [set_.drawn_height(item, width, size, "body") for item in items]  # a line measured spare looks like a gap

    def spacing(steps: Sequence[float]) -> float:  # a few objectives spread out, as if there were CHECKLIST_ROWS
        gap = max(PAD_PT, (region.height / CHECKLIST_ROWS * len(items) - sum(steps)) / len(items))
        return min(gap, (region.height - sum(steps)) / max(len(items) - 1, 1))

    gap = spacing(shown)
    total = sum(shown) + gap * (len(items) - 1)
    if any(safe > looks + gap for safe, looks in zip(natural, shown, strict=True)) or natural[-1] - shown[-1] > (region.height - total) / 2:
        shown, gap = natural, spacing(natural)  # too little room to space them by their looks: by what they may take
        total = sum(shown) + gap * (len(items) - 1)
    drawings: list[Drawing] = []
    top = _centred(region, total)
    for item, height, looks in zip(items, natural, shown, strict=True):
        first_line = size * 1.2
        drawings.append(
            Shape(
                "rect",
                Box(region.left + INSET_X_PT, top + INSET_Y_PT + (first_line - box_size) / 2, box_size, box_size),
                None,
                "accent",
                set_.pt(2.0),
                "Check box",
            )
        )
        drawings.append(set_.block(Box(region.left + lead, top, width, height), [item], size, "body", name="Objective"))
        top += looks + gap
    return drawings


def picture(
    region: Box, file: str, alt: str, credit: str, set_: Typesetter, style: DeckStyle, middle: bool = False, credit_ink: str = "muted"
) -> list[Drawing]:
    """The picture as large as the region allows with its credit line, framed as the design frames: the credit beside
    the picture's foot where the picture, at the region's full height, leaves room for it across, else under it.
    Centred across (and down, if ``middle``)."""
    line = Item((Span(credit),), bullet=False)
    size = set_.sizes("caption")[1]
    frame = "muted" if style.family == "classic" else None  # a plate on classic; modern and print set pictures free
    gap = set_.pt(CAPTION_GAP_PT)
    tall = fitted(file, region)
    beside = region.width - tall.width - 2 * gap
    if credit and not middle and beside >= set_.pt(MIN_CREDIT_PT):
        width = min(set_.one_line_width(line, size, "caption"), beside)
        height = set_.height([line], width, size, "caption")
        left = region.left + (region.width - tall.width - 2 * gap - width) / 2
        box = replace(tall, left=left)
        credit_box = Box(box.right + 2 * gap, box.bottom - height, width, height)
        return [
            Picture(file, alt, box, frame, grey=style.grey_pictures),
            set_.block(credit_box, [line], size, "caption", ink=credit_ink, anchor="b", name="Credit"),
        ]
    room = region.height
    credit_height = set_.height([line], region.width, size, "caption") if credit else 0.0
    if credit:
        room -= credit_height + gap
    box = fitted(file, replace(region, height=room))
    if middle:
        box = replace(box, top=region.top + (room - box.height) / 2)
    drawings: list[Drawing] = [Picture(file, alt, box, frame, grey=style.grey_pictures)]
    if credit:
        width = max(box.width, region.width / 2)
        credit_box = Box(min(box.left, region.right - width), box.bottom + gap, width, credit_height)
        drawings.append(set_.block(credit_box, [line], size, "caption", ink=credit_ink, name="Credit"))
    return drawings


def fitted(file: str, region: Box) -> Box:
    """The box of a picture as large as fits ``region``, its proportions kept, centred across and at the top."""
    width_px, height_px = picture_size(file)
    scale = min(region.width / width_px, region.height / height_px)
    width, height = width_px * scale, height_px * scale
    return Box(region.left + (region.width - width) / 2, region.top, width, height)


def picture_size(file: str | Path) -> tuple[int, int]:
    """(width, height) of a picture in pixels: all its proportions the slides need."""
    with Image.open(Path(file)) as image:
        return image.size


def title_accent(title: Box, style: DeckStyle, set_: Typesetter) -> list[Drawing]:
    """What marks a content slide's title: a full rule (classic, print) or a short bar (modern)."""
    if style.family == "modern":
        return [
            Shape("rect", Box(title.left + INSET_X_PT, title.bottom + set_.pt(6), set_.pt(56), set_.pt(5)), "accent", name="Accent bar")
        ]
    ink, weight = ("text", set_.pt(1.0)) if style.family == "print" else ("accent", set_.pt(2.0))
    return [Line(Box(title.left, title.bottom + set_.pt(4), title.width, 0), ink, weight, "Rule")]


def _spaced(region: Box, height: Callable[[float], float], count: int, set_: Typesetter, role: str) -> tuple[float, float] | None:
    """(size, gap) for ``count`` rows of cards ``height(size)`` tall in all, one under another: the largest size at which
    they fit ``GAP_PT`` apart, or else closer, down to half that, where only that keeps the last row on the slide (rather
    than a slide of its own); None where not even that fits."""
    for least in (set_.pt(GAP_PT), set_.pt(GAP_PT) / 2):

        def fits(size: float, least: float = least) -> bool:
            return height(size) + least * (count - 1) <= region.height

        size = set_.largest_where(fits, role)
        if size is not None:
            return size, min(set_.pt(GAP_PT), (region.height - height(size)) / max(count - 1, 1))
    return None


def _stacked(
    region: Box, heights: Callable[[float], list[float]], count: int, set_: Typesetter, role: str
) -> tuple[float, float, float] | None:
    """(size, gap, top) of ``count`` rows ``heights(size)`` tall, one under another in the middle of the region, spaced as
    :func:`_spaced` spaces them; None where they do not fit, found at once where not even the role's floor fits."""
    if sum(heights(set_.range(role)[1])) + set_.pt(GAP_PT) / 2 * (count - 1) > region.height:
        return None  # no size need be tried
    spaced = _spaced(region, lambda size: sum(heights(size)), count, set_, role)
    if spaced is None:
        return None
    size, gap = spaced
    return size, gap, _centred(region, sum(heights(size)) + gap * (count - 1))


def _centred(region: Box, height: float) -> float:
    """The top of content ``height`` tall set in the middle of ``region``, so a short group does not hang from its top."""
    return region.top + (region.height - height) / 2


def _card(box: Box, style: DeckStyle, set_: Typesetter) -> Shape:
    return Shape("roundRect" if style.family == "modern" else "rect", box, style.card_fill, style.card_outline, set_.pt(1.0), "Card")


def _badge_box(card: Box, set_: Typesetter) -> Box:
    """Where a card's badge goes: in its top left corner, inside its padding."""
    return Box(card.left + set_.pt(PAD_PT), card.top + set_.pt(PAD_PT), set_.pt(BADGE_PT), set_.pt(BADGE_PT))


def _badge(box: Box, text: str, set_: Typesetter, style: DeckStyle) -> list[Drawing]:
    """A round badge holding a number or initials: filled with the primary colour, or outlined in print."""
    fill, outline, ink = ("primary", None, "on_fill") if style.fills else ("background", "text", "text")
    size = set_.sizes("badge")[1]
    label = Item((Span(text, bold=True),), bullet=False)
    if set_.height([label], box.width, size, "badge") > box.height:  # wider initials than the badge: the first alone
        label = Item((Span(text[0], bold=True),), bullet=False)
    return [
        Shape("ellipse", box, fill, outline, set_.pt(1.5), "Badge"),
        set_.block(box, [label], size, "badge", ink=ink, align="ctr", anchor="ctr", name="Badge text"),
    ]
