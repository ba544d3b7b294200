"""Where things go on a slide: our designed boxes, or the placeholder boxes of a template.

The planner fits text into these boxes and the writer draws into them, so a deck made on an
institution's template is fitted inside that template's own placeholders.
"""

from __future__ import annotations

from dataclasses import dataclass

from guide.template import Layout, Template

SLIDE_HEIGHT_PT = 540.0
SLIDE_WIDTHS_PT = {"16:9": 960.0, "4:3": 720.0}
MARGIN_PT = 40.0
TITLE_TOP_PT = 24.0
TITLE_HEIGHT_PT = 84.0
BODY_TOP_PT = 120.0
FOOTER_HEIGHT_PT = 30.0
STAGE_GAP_PT = 12.0
"""Between a template's title and the drawings of a title-only slide."""


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


def designed_geometry(aspect: str) -> Geometry:
    """Our own layout: a title band at the top, a body below it, a footer line at the bottom."""
    width = SLIDE_WIDTHS_PT[aspect]
    content_width = width - 2 * MARGIN_PT
    title = Box(MARGIN_PT, TITLE_TOP_PT, content_width, TITLE_HEIGHT_PT)
    body = Box(MARGIN_PT, BODY_TOP_PT, content_width, SLIDE_HEIGHT_PT - BODY_TOP_PT - FOOTER_HEIGHT_PT - 14)
    return Geometry(
        width_pt=width,
        height_pt=SLIDE_HEIGHT_PT,
        cover_title=Box(MARGIN_PT, 140, content_width, 140),
        cover_subtitle=Box(MARGIN_PT, 306, content_width, 150),
        title=title,
        body=body,
        stage_title=title,
        stage=body,
    )


def template_geometry(template: Template) -> Geometry:
    """The boxes of the template's layouts for our roles; a box a template leaves open falls back to ours, scaled."""
    ours = designed_geometry("16:9")
    scale_x, scale_y = template.width_pt / ours.width_pt, template.height_pt / ours.height_pt

    def box(layout: Layout | None, kinds: tuple[str, ...], fallback: Box) -> Box:
        for kind in kinds:
            placeholder = layout.first(kind) if layout else None
            if placeholder and placeholder.box and placeholder.box[2] > 0 and placeholder.box[3] > 0:
                return Box(*placeholder.box)
        return Box(fallback.left * scale_x, fallback.top * scale_y, fallback.width * scale_x, fallback.height * scale_y)

    roles = template.roles
    title = box(roles["content"], ("title",), ours.title)
    body = box(roles["content"], ("body",), ours.body)
    stage_title = box(roles["title_only"], ("title",), ours.title)
    stage_top = stage_title.bottom + STAGE_GAP_PT
    return Geometry(
        width_pt=template.width_pt,
        height_pt=template.height_pt,
        cover_title=box(roles["title"], ("title",), ours.cover_title),
        cover_subtitle=box(roles["title"], ("subtitle", "body"), ours.cover_subtitle),
        title=title,
        body=body,
        stage_title=stage_title,
        stage=Box(body.left, stage_top, body.width, max(body.bottom - stage_top, body.height / 2)),
    )
