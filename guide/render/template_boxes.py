"""The boxes of an institution's template: where its layouts put the placeholders our slide roles use.

A deck made on a template is fitted inside the template's own placeholders where they can hold
what goes there. Where they cannot (a title box too low for two lines at the floor size, a
body one line tall, a role no layout suits), the box is our own, inside the master's safe area
(the span of its title and body placeholders), so the slide keeps the template's margins.
"""

from __future__ import annotations

from guide.render.slides.geometry import STAGE_GAP_PT, Box, Geometry
from guide.template import Layout, Placeholder, Template
from guide.template_roles import BASE_HEIGHT_PT, BODY_FLOOR_PT, NARROW_SHARE, TITLE_FLOOR_PT, lines_height

BACKDROP_SHARE = 0.3
"""A decoration covering more than this share of the slide (or most of its height) is a backdrop that text goes over."""
COVER_TITLE_FLOOR_PT = 32.0
COVER_SUBTITLE_FLOOR_PT = 18.0


def template_geometry(template: Template) -> Geometry:
    """The boxes of the template's layouts for our roles; boxes of our own where a layout's cannot serve."""
    scale = template.height_pt / BASE_HEIGHT_PT

    def safe(layout: Layout) -> Box:
        return Box(*template.master_of(layout).safe)

    def title_box(role: str, floor_pt: float) -> Box:
        """The layout's title box, made as tall as two lines at the floor where it is lower (grown down, or up at the foot)."""
        layout = _served(template, role)
        area = safe(layout)
        least = lines_height(2, floor_pt * scale)
        box = _own(layout.first("title")) or Box(area.left, area.top, area.width, least)
        if box.height < least:
            top = min(box.top, max(0.0, template.height_pt - least - (template.height_pt - area.bottom)))
            box = Box(box.left, top, box.width, least)
        return box

    def below(layout: Layout, title: Box) -> Box:
        """The free area of the slide under ``title``, within the master's safe area, clear of the layout's decorations."""
        area = safe(layout)
        top = title.bottom + STAGE_GAP_PT * scale
        return clear_of(layout, Box(area.left, top, area.width, max(area.bottom - top, lines_height(2, BODY_FLOOR_PT * scale))))

    def clear_of(layout: Layout, box: Box) -> Box:
        return _clear_of(template, layout, box)

    content = _served(template, "content")
    title = title_box("content", TITLE_FLOOR_PT)
    body = None if "content" in template.fallbacks else _own(content.main_body)
    usable = body is not None and body.height >= lines_height(2, BODY_FLOOR_PT * scale) and body.width >= safe(content).width * NARROW_SHARE
    if body is not None and usable:
        top = max(body.top, title.bottom + STAGE_GAP_PT * scale)
        body = clear_of(content, Box(body.left, top, body.width, body.bottom - top))
    if body is None or not usable or body.height < lines_height(2, BODY_FLOOR_PT * scale):
        body = below(content, title)
    stage_title = title_box("title_only", TITLE_FLOOR_PT)
    cover = _served(template, "title")
    cover_title = title_box("title", COVER_TITLE_FLOOR_PT)
    return Geometry(
        width_pt=template.width_pt,
        height_pt=template.height_pt,
        cover_title=cover_title,
        cover_subtitle=_cover_subtitle(template, cover, cover_title, scale),
        title=title,
        body=body,
        stage_title=stage_title,
        stage=below(_served(template, "title_only"), stage_title),
        section=_section(template),
    )


def _in_the_way(template: Template, layout: Layout, box: Box) -> list[Box]:
    """The layout's decorations (a logo, a button, not a backdrop) that reach into ``box``'s lower half."""
    found = []
    for left, top, width, height in layout.decorations:
        backdrop = width * height > template.width_pt * template.height_pt * BACKDROP_SHARE or height > template.height_pt * 0.6
        overlaps = left < box.right and left + width > box.left and top < box.bottom and top + height > box.top
        if overlaps and not backdrop and top > box.top + box.height / 2:
            found.append(Box(left, top, width, height))
    return found


def _clear_of(template: Template, layout: Layout, box: Box) -> Box:
    """``box`` ending above the decorations (a logo, a button) that reach into its lower half, while two lines still fit."""
    gap = STAGE_GAP_PT * template.height_pt / BASE_HEIGHT_PT
    bottom = min([box.bottom, *(shape.top - gap for shape in _in_the_way(template, layout, box))])
    least = lines_height(2, BODY_FLOOR_PT * template.height_pt / BASE_HEIGHT_PT)
    return Box(box.left, box.top, box.width, bottom - box.top) if bottom - box.top >= least else box


def _beside(template: Template, layout: Layout, box: Box) -> Box:
    """``box`` at its full height, ending left of (or starting right of) the decorations in its lower half, where that
    leaves at least half its width; else ``box``."""
    gap = STAGE_GAP_PT * template.height_pt / BASE_HEIGHT_PT
    left, right = box.left, box.right
    for shape in _in_the_way(template, layout, box):
        if shape.left > box.left + box.width / 2:
            right = min(right, shape.left - gap)
        elif shape.right < box.left + box.width / 2:
            left = max(left, shape.right + gap)
        else:
            return box
    return Box(left, box.top, right - left, box.height) if right - left >= box.width / 2 else box


def _roomiest(template: Template, layout: Layout, box: Box) -> Box:
    """``box`` clear of the decorations in its lower half: above them, or beside them, whichever leaves more room.

    A section header's text box with a button in its corner keeps its height beside the button, where
    ending above it would leave one line: room for the deck's parts, one a line."""
    above, beside = _clear_of(template, layout, box), _beside(template, layout, box)
    return beside if _in_the_way(template, layout, above) or beside.width * beside.height > above.width * above.height else above


def _section(template: Template) -> tuple[Box, Box] | None:
    """The (title, text) boxes of the template's section header layout, where it has one with both, clear of its
    decorations (a button, a logo in the corner); else None."""
    layout = template.roles.get("section")
    if layout is None or "section" in template.fallbacks:
        return None
    title, text = _own(layout.first("title")), _own(layout.main_body)
    return (_clear_of(template, layout, title), _roomiest(template, layout, text)) if title is not None and text is not None else None


def _own(placeholder: Placeholder | None) -> Box | None:
    """The placeholder's box, if it has a real one and its text runs across."""
    if placeholder is None or placeholder.box is None or placeholder.vertical:
        return None
    box = Box(*placeholder.box)
    return box if box.width > 0 and box.height > 0 else None


def _served(template: Template, role: str) -> Layout:
    """The layout drawn on for a deck role (the reader gives every deck role one)."""
    layout = template.roles[role]
    return layout if layout is not None else template.layouts[0]


def _cover_subtitle(template: Template, layout: Layout, title: Box, scale: float) -> Box:
    """The title slide's subtitle box: its subtitle (or second line), if it holds a line; else the room under (or over) the title."""
    least = lines_height(2, COVER_SUBTITLE_FLOOR_PT * scale)
    area = Box(*template.master_of(layout).safe)
    if "title" not in template.fallbacks:
        for placeholder in (layout.first("subtitle"), *sorted(layout.all("body"), key=lambda body: -body.area)):
            box = _own(placeholder)
            if box is not None and box.height >= least and box.top >= title.bottom - 1:
                return box
    bottom = max(area.bottom, min(template.height_pt * 0.92, title.bottom + least * 3))
    gap = STAGE_GAP_PT * scale
    if bottom - title.bottom - gap >= least:
        return Box(title.left, title.bottom + gap, title.width, bottom - title.bottom - gap)
    top = area.top
    return Box(title.left, top, title.width, max(least, title.top - gap - top))
