"""Where things go on a slide: the boxes of each kind of slide, in points.

The planner fits text into these boxes and the writer draws into them; our own design makes
them here, and a deck made on an institution's template takes them from its placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass

SLIDE_HEIGHT_PT = 540.0
SLIDE_WIDTHS_PT = {"16:9": 960.0, "4:3": 720.0}
MARGIN_PT = 40.0
TITLE_TOP_PT = 24.0
TITLE_HEIGHT_PT = 84.0
BODY_TOP_PT = 124.0
"""Some 10 pt clear below the title's rule (a list's first line sits lower still, by its inset and leading)."""
FOOTER_HEIGHT_PT = 30.0
BODY_FOOT_GAP_PT = 18.0
"""Between the body's foot and the footer line's box: some 14 pt clear above the footer text."""
STAGE_INSET_PT = 4.0
"""The stage keeps this much more clear than the body above and below: cards and pictures fill it to its edges."""
STAGE_GAP_PT = 12.0
"""Between a template's title and the drawings of a title-only slide, on a 540 pt tall slide (in proportion on others)."""
FOOTER_SIZE_PT = 12.0
FOOTER_RAISE_PT = 34.0
"""From the slide's foot up to the top of our design's footer line."""
SLIDE_NUMBER_WIDTH_PT = 80.0
LOGO_MAX_WIDTH_PT = 180.0
LOGO_MAX_HEIGHT_PT = 56.0
LOGO_CARD_PAD_PT = 8.0
"""Around the logo on a filled title slide: a card of the background colour under it."""


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in points from the top left corner."""

    left: float
    top: float
    width: float
    height: float

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def right(self) -> float:
        return self.left + self.width


@dataclass(frozen=True)
class Geometry:
    """The boxes of each kind of slide, in points."""

    width_pt: float
    height_pt: float
    cover_title: Box
    """The title slide's title."""
    cover_subtitle: Box
    title: Box
    """The title of content slides."""
    body: Box
    stage_title: Box
    """The title of title-only slides (timeline, pictures)."""
    stage: Box
    """Where a title-only slide draws its timeline or picture."""
    section: tuple[Box, Box] | None = None
    """A template's section header: its (title, text) boxes; None draws dividers on the stage instead."""


def designed_geometry(aspect: str) -> Geometry:
    """Our own layout: a title band at the top, a body below it, a footer line at the bottom."""
    width = SLIDE_WIDTHS_PT[aspect]
    content_width = width - 2 * MARGIN_PT
    title = Box(MARGIN_PT, TITLE_TOP_PT, content_width, TITLE_HEIGHT_PT)
    body = Box(MARGIN_PT, BODY_TOP_PT, content_width, SLIDE_HEIGHT_PT - BODY_TOP_PT - FOOTER_HEIGHT_PT - BODY_FOOT_GAP_PT)
    return Geometry(
        width_pt=width,
        height_pt=SLIDE_HEIGHT_PT,
        cover_title=Box(MARGIN_PT, 140, content_width, 140),
        cover_subtitle=Box(MARGIN_PT, 306, content_width, 150),
        title=title,
        body=body,
        stage_title=title,
        stage=Box(body.left, body.top + STAGE_INSET_PT, body.width, body.height - 2 * STAGE_INSET_PT),
    )


def footer_boxes(width_pt: float, height_pt: float) -> tuple[Box, Box]:
    """Our design's footer line: (the deck's footer text, the slide number at its right end)."""
    top = height_pt - FOOTER_RAISE_PT
    width = width_pt - 2 * MARGIN_PT
    text = Box(MARGIN_PT, top, width - SLIDE_NUMBER_WIDTH_PT, 24)
    return text, Box(MARGIN_PT + width - SLIDE_NUMBER_WIDTH_PT, top, SLIDE_NUMBER_WIDTH_PT, 24)


def logo_box(picture_width: float, picture_height: float, width_pt: float, height_pt: float) -> Box:
    """Where the title slide shows a logo of the given proportions: as large as fits its corner, at the bottom right."""
    scale = min(LOGO_MAX_WIDTH_PT / picture_width, LOGO_MAX_HEIGHT_PT / picture_height)
    width, height = picture_width * scale, picture_height * scale
    return Box(width_pt - MARGIN_PT - width, height_pt - MARGIN_PT - height, width, height)
