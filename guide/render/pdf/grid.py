"""The sheet's grid, measured: a main column some 70 characters wide, the sidebar takes the rest.

Readers keep their place best in lines of 60 to 80 characters; a full A4 or Letter width of
10.5 pt text holds about 115. The main column is therefore sized from the body font's real
average character width, and the sidebar (key facts, people, terms, small figures) fills
what remains beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

TARGET_CHARACTERS = 72
LEAST_CHARACTERS = 58
GAP_PT = 18.0
LEAST_SIDEBAR_PT = 140.0
SAMPLE = (
    "After the war the two states signed a treaty of friendship, which restored their relations "
    "and expanded the trade between them; each promised to stay neutral if the other was attacked."
)
"""Ordinary prose, to measure the average width of a character of a font."""


@dataclass(frozen=True)
class Grid:
    """Widths in points of the text area, the main column, the sidebar (0: none) and the gap between them."""

    width: float
    main_width: float
    side_width: float
    gap: float
    sidebar_left: bool
    page_height: float
    """Height of a later page's text area, for what may never be taller than a page."""

    @property
    def has_sidebar(self) -> bool:
        return self.side_width > 0


def measured_grid(width: float, page_height: float, font: str, size: float, sidebar_left: bool) -> Grid:
    """The grid of a text area ``width`` wide for text in ``font`` at ``size`` points."""
    per_character = stringWidth(SAMPLE, font, size) / len(SAMPLE)
    main = max(min(TARGET_CHARACTERS * per_character, width - GAP_PT - LEAST_SIDEBAR_PT), LEAST_CHARACTERS * per_character)
    side = width - GAP_PT - main
    if side < LEAST_SIDEBAR_PT:
        return Grid(width, width, 0.0, 0.0, sidebar_left, page_height)
    return Grid(width, main, side, GAP_PT, sidebar_left, page_height)
