"""The PowerPoint renderer: a topic's slide deck, planned by measurement, then written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from guide.errors import RenderError
from guide.fonts import family_named
from guide.model import Course, Topic
from guide.render.common import metadata
from guide.render.pptx.boxes import template_geometry
from guide.render.pptx.writer import DeckWriter
from guide.render.slides.geometry import Geometry, designed_geometry
from guide.render.slides.measure import FaceAdvances, Measurers
from guide.render.slides.plan import DeckFonts, DeckPlan, plan_deck
from guide.render.slides.style import deck_style
from guide.session import BuildSession
from guide.template import Template, default_template_path, read_template
from guide.theme import Theme
from guide.typography import typeset_topic

__all__ = ["DeckPlan", "deck_fonts", "deck_plan", "render_deck"]


@dataclass(frozen=True)
class _Setting:
    """What a deck is drawn on: a template, its boxes and fonts, and whether the design is ours."""

    template: Template
    geometry: Geometry
    fonts: DeckFonts
    designed: bool


def _setting(theme: Theme, session: BuildSession) -> _Setting:
    if theme.template is None:
        template = session_template(session, default_template_path())
        return _Setting(template, designed_geometry(theme.slide_aspect), deck_fonts(theme, None), True)
    template = session_template(session, theme.template, tuple(sorted(theme.layouts.items())))
    if template.errors:
        raise RenderError(f"the template cannot hold this deck: {template.errors[0]}")
    return _Setting(template, template_geometry(template), deck_fonts(theme, template), False)


def session_template(session: BuildSession, path: Path, names: tuple[tuple[str, str], ...] = ()) -> Template:
    """The template at ``path`` as read in this session, once per contents and layout names."""
    return session.made("template", (session.digest(path), names), lambda: read_template(path, names))


def session_measurers(session: BuildSession) -> Measurers:
    """Measurers whose faces' widths the session keeps, once per face's contents, never once per path."""
    return Measurers(lambda path: session.made("face-widths", session.digest(path), lambda: FaceAdvances(path)))


def deck_plan(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> DeckPlan:
    """The slide plan of ``topic``: what each slide holds, measured in the boxes it will have."""
    return _planned(topic, theme, course, session or BuildSession())[1]


def render_deck(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The editable slide deck of ``topic`` as .pptx bytes: our design, or on the theme's template.

    Raises RenderError when the theme's template cannot hold the deck (the loader reports why
    to the user before anything is rendered; this is the renderer's own check).
    """
    session = session or BuildSession()
    setting, plan = _planned(topic, theme, course, session)
    logo_alt = course.institution if course and course.institution else ""  # as the web page names it
    writer = DeckWriter(plan, theme, metadata(topic, topic.title, course), setting.fonts, setting.template, setting.designed, logo_alt)
    return writer.write(session)


def _planned(topic: Topic, theme: Theme, course: Course | None, session: BuildSession) -> tuple[_Setting, DeckPlan]:
    setting = _setting(theme, session)
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
