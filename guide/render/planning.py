"""A topic's slide plan in its setting: our design, or an institution's template with its boxes and fonts.

Every renderer that draws slides (the editable deck, the slides PDF and its handouts) starts
from this one plan, so they agree on every slide's text, sizes and places. Reading a template
needs python-pptx, imported only when a theme names one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guide.errors import RenderError
from guide.fonts import family_named
from guide.model import Course, Topic
from guide.render.slides.geometry import STAGE_GAP_PT, Box, Geometry, designed_geometry
from guide.render.slides.measure import FaceAdvances, Measurers
from guide.render.slides.plan import DeckFonts, DeckPlan, plan_deck
from guide.render.slides.style import deck_style
from guide.session import BuildSession
from guide.template import Layout, Template, default_template_path, read_template
from guide.theme import Theme
from guide.typography import typeset_topic


@dataclass(frozen=True)
class Setting:
    """What a deck is drawn on: a template, its boxes and fonts, and whether the design is ours."""

    template: Template
    geometry: Geometry
    fonts: DeckFonts
    designed: bool


def deck_setting(theme: Theme, session: BuildSession) -> Setting:
    """Our design on the default template, or the theme's template; RenderError if it cannot hold a deck."""
    if theme.template is None:
        template = session_template(session, default_template_path())
        return Setting(template, designed_geometry(theme.slide_aspect), deck_fonts(theme, None), True)
    template = session_template(session, theme.template, tuple(sorted(theme.layouts.items())))
    if template.errors:
        raise RenderError(f"the template cannot hold this deck: {template.errors[0]}")
    return Setting(template, template_geometry(template), deck_fonts(theme, template), False)


def session_template(session: BuildSession, path: Path, names: tuple[tuple[str, str], ...] = ()) -> Template:
    """The template at ``path`` as read in this session, once per contents and layout names."""
    return session.made("template", (session.digest(path), names), lambda: read_template(path, names))


def session_measurers(session: BuildSession) -> Measurers:
    """Measurers whose faces' widths the session keeps, once per face's contents, never once per path."""
    return Measurers(lambda path: session.made("face-widths", session.digest(path), lambda: FaceAdvances(path)))


def planned(topic: Topic, theme: Theme, course: Course | None, session: BuildSession) -> tuple[Setting, DeckPlan]:
    """The setting of ``topic``'s slides and their plan: what each slide holds, measured in the boxes it will have."""
    setting = deck_setting(theme, session)
    topic = typeset_topic(topic, theme.typography)
    labels = theme.labels_for(topic.language_code)
    style = deck_style(theme)
    plan = plan_deck(topic, labels, setting.geometry, setting.fonts, course, session_measurers(session), style, setting.designed)
    return setting, plan


def deck_fonts(theme: Theme, template: Template | None) -> DeckFonts:
    """Our design sets every slide in the heading family; a template's theme fonts stand for themselves.

    A template font that is neither bundled nor one of the theme's is measured with the
    theme's heading family, as our own design sets slides (the build warns about it).
    """
    if template is None:
        return DeckFonts(theme.heading_font, theme.heading_font)
    own = (theme.heading_font, theme.body_font)
    heading, body = template.fonts
    return DeckFonts(family_named(heading, own) or theme.heading_font, family_named(body, own) or theme.heading_font, named=False)


def template_geometry(template: Template) -> Geometry:
    """The boxes of the template's layouts for our roles; a box a template leaves open falls back to ours, scaled.

    A deck made on a template is fitted inside the template's own placeholders, so its plan is made in these boxes.
    """
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
