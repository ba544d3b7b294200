"""A template's look for drawn slides: its colour scheme, and each slide role's backdrop and footer boxes."""

from __future__ import annotations

import io

from reportlab.lib.utils import ImageReader

from guide import template_art
from guide.render.pdf.fonts import RegisteredFamily
from guide.render.pdf.slide_art import Backdrop, SlideLook
from guide.render.slides.geometry import Box
from guide.render.slides.shapes import Line, Shape
from guide.render.slides.style import TEMPLATE_SCHEME
from guide.session import BuildSession
from guide.template import Placeholder, Template

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
    for role in SLIDE_ROLES:
        layout = template.roles.get(role)
        if layout is None:
            continue
        role_inks[role] = {
            name: value if value.startswith("#") else art.layout_color(layout.index, value) for name, value in chosen.items()
        }
        if role in template.text_colors:  # placeholders' text as its layout sets it; text we draw on title-only slides as chosen
            title, text = template.text_colors[role]
            role_inks[role] |= {"title": template.branding.title_colors.get(role, title)} | ({} if role == "title_only" else {"text": text})
        backdrops[role] = _backdrop(art.backdrops[layout.index], template)
        boxes = [template.furniture(layout, kind) for kind in ("footer", "slide_number")]
        footers[role] = (_placed(boxes[0]), _placed(boxes[1]))
        anchors[role] = art.anchors.get(layout.index, {})
    return SlideLook(
        inks, title_fonts, body_fonts, designed=False, backdrops=backdrops, footers=footers, anchors=anchors, role_inks=role_inks
    )


def session_template_art(template: Template, session: BuildSession) -> template_art.TemplateArt:
    """The template's drawable art, read once per template contents in this session."""
    return session.made("template-art", session.digest(template.path), lambda: template_art.read_template_art(template.path))


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
