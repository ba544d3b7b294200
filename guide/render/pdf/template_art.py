"""A template's look for drawn slides: its colour scheme, and each slide role's backdrop and footer boxes."""

from __future__ import annotations

import io
from dataclasses import replace

from reportlab.lib.utils import ImageReader

from guide import template_art
from guide.render.pdf.fonts import RegisteredFamily
from guide.render.pdf.slide_art import Backdrop, SlideLook
from guide.render.slides.geometry import Box
from guide.render.slides.shapes import Line, Shape
from guide.render.slides.style import TEMPLATE_SCHEME
from guide.session import BuildSession
from guide.template import Layout, Placeholder, Template

SLIDE_ROLES = ("title", "section", "content", "title_only")


def template_look(template: Template, title_fonts: RegisteredFamily, body_fonts: RegisteredFamily, session: BuildSession) -> SlideLook:
    """How slides on ``template`` are drawn: its scheme's colours for the plan's roles, its layouts' backdrops and footers."""
    art = session_template_art(template, session)
    chosen = {**TEMPLATE_SCHEME, **dict(template.inks)}  # with the colours chosen to read on the template's backgrounds
    inks = {role: value if value.startswith("#") else art.color(value) for role, value in chosen.items()}
    backdrops = {}
    footers = {}
    anchors = {}
    role_inks = {}
    titles = {}
    aligns = {}
    for role in SLIDE_ROLES:
        layout = template.roles.get(role)
        if layout is None:
            continue
        role_inks[role] = {
            name: value if value.startswith("#") else art.layout_color(layout.index, value) for name, value in chosen.items()
        }
        if role in template.text_colors:  # placeholders' text as its layout sets it; text we draw on title-only slides as chosen
            title, text = template.text_colors[role]
            carried = template.branding.title_colors.get(role)  # a sample's background came with its title's colour
            role_inks[role] |= {"title": carried or title} | ({} if role == "title_only" else {"text": carried or text})
        backdrops[role] = _backdrop(_carried(art, template, role, art.backdrops[layout.index]), template)
        titles[role] = _title_style(template, layout)
        aligns[role] = _text_aligns(template, layout, titles[role][0], role in template.fallbacks)
        boxes = [template.furniture(layout, kind) for kind in ("footer", "slide_number")]
        footers[role] = (_placed(boxes[0]), _placed(boxes[1]))
        anchors[role] = art.anchors.get(layout.index, {})
    return SlideLook(
        inks,
        title_fonts,
        body_fonts,
        designed=False,
        backdrops=backdrops,
        footers=footers,
        anchors=anchors,
        role_inks=role_inks,
        titles=titles,
        aligns=aligns,
    )


def _text_aligns(template: Template, layout: Layout, title_align: str, own_boxes: bool) -> dict[str, str]:
    """How ``layout`` aligns a subtitle and a body (its placeholder's style, else its master's text style); a subtitle
    in a box of our own (``own_boxes``, or where the layout has no place for it) lines up with the title, as the deck sets it."""
    master = template.master_of(layout).body if template.masters else None
    aligns = {}
    subtitle = None if own_boxes else layout.first("subtitle") or layout.main_body
    for kind, placeholder in (("subtitle", subtitle), ("body", None if own_boxes else layout.main_body)):
        own = placeholder.look.align if placeholder and placeholder.look else None
        said = own or (master.align if master else None) or "l"
        aligns[kind] = {"ctr": "ctr", "r": "r"}.get(said, "l") if placeholder else title_align
    return aligns


def _title_style(template: Template, layout: Layout) -> tuple[str, bool]:
    """How ``layout`` sets its title (its own placeholder's style, else its master's): alignment (l, ctr, r) and weight."""
    title = layout.first("title")
    own = title.look if title else None
    master = template.master_of(layout).title if template.masters else None
    align = (own.align if own else None) or (master.align if master else None) or "l"
    bold = own.bold if own and own.bold is not None else bool(master and master.bold)
    return {"ctr": "ctr", "r": "r"}.get(align, "l"), bold


def session_template_art(template: Template, session: BuildSession) -> template_art.TemplateArt:
    """The template's drawable art, read once per template contents in this session."""
    return session.made("template-art", session.digest(template.path), lambda: template_art.read_template_art(template.path))


def _carried(art: template_art.TemplateArt, template: Template, role: str, backdrop: template_art.Backdrop) -> template_art.Backdrop:
    """``backdrop`` with the branding the deck carries onto slides of ``role`` from the sample slides: their background, their
    elements (behind the slide's text), as far as they can be drawn."""
    branding = template.branding
    sample = branding.backgrounds.get(role)
    background = art.samples[sample].background if sample is not None and sample < len(art.samples) else None
    carried = [art.samples[index].carried(element)[0] for index, element in branding.elements.get(role, ()) if index < len(art.samples)]
    elements = [drawn for drawn in carried if drawn is not None]
    if background is not None:
        backdrop = replace(backdrop, color=background.color, image=background.image, stops=background.stops)
    return replace(backdrop, elements=(*backdrop.elements, *elements))


def _backdrop(backdrop: template_art.Backdrop, template: Template) -> Backdrop:
    pictures: list[tuple[ImageReader, Box]] = []
    if backdrop.image:
        pictures.append((ImageReader(io.BytesIO(backdrop.image)), Box(0, 0, template.width_pt, template.height_pt)))
    shapes: list[Shape | Line] = []
    for element in backdrop.elements:
        box = Box(*element.box)
        if element.kind == "picture":
            pictures.append((ImageReader(io.BytesIO(element.image)), box))
        elif element.kind == "line":
            if element.outline:
                shapes.append(Line(box, element.outline, element.outline_pt))
        else:
            shapes.append(Shape(element.kind, box, element.fill, element.outline, element.outline_pt if element.outline else 0.0))
    return Backdrop(backdrop.color, tuple(pictures), tuple(shapes))


def _placed(placeholder: Placeholder | None) -> Box | None:
    return Box(*placeholder.box) if placeholder and placeholder.box else None
