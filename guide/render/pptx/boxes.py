"""The boxes of an institution's template: where its layouts put the placeholders our slide roles use.

A deck made on a template is fitted inside the template's own placeholders, so its plan is made
in these boxes; a box the template leaves open falls back to ours, scaled to its slide.
"""

from __future__ import annotations

from guide.render.slides.geometry import STAGE_GAP_PT, Box, Geometry, designed_geometry
from guide.template import Layout, Template


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
    section = roles["section"]
    section_title, section_text = (section.first("title"), section.first("body")) if section else (None, None)
    return Geometry(
        width_pt=template.width_pt,
        height_pt=template.height_pt,
        cover_title=box(roles["title"], ("title",), ours.cover_title),
        cover_subtitle=box(roles["title"], ("subtitle", "body"), ours.cover_subtitle),
        title=title,
        body=body,
        stage_title=stage_title,
        stage=Box(body.left, stage_top, body.width, max(body.bottom - stage_top, body.height / 2)),
        section=(Box(*section_title.box), Box(*section_text.box))
        if section_title and section_text and section_title.box and section_text.box
        else None,
    )
