"""The PowerPoint renderer: a topic's slide deck, planned by measurement, then written."""

from __future__ import annotations

from guide.model import Course, Topic
from guide.render.common import metadata
from guide.render.planning import deck_fonts, lined_plan, planned
from guide.render.pptx.writer import DeckWriter
from guide.render.slides.plan import DeckPlan
from guide.session import BuildSession
from guide.theme import Theme

__all__ = ["DeckPlan", "deck_fonts", "deck_plan", "render_deck"]


def deck_plan(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> DeckPlan:
    """The slide plan of ``topic``: what each slide holds, measured in the boxes it will have, its texts' lines broken."""
    return lined_plan(topic, theme, course, session or BuildSession())[1]


def render_deck(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The editable slide deck of ``topic`` as .pptx bytes: our design, or on the theme's template.

    Raises RenderError when the theme's template cannot hold the deck (the loader reports why
    to the user before anything is rendered; this is the renderer's own check).
    """
    session = session or BuildSession()
    setting, plan = planned(topic, theme, course, session)
    logo_alt = course.institution if course and course.institution else ""  # as the web page names it
    writer = DeckWriter(plan, theme, metadata(topic, topic.title, course), setting.fonts, setting.template, setting.designed, logo_alt)
    return writer.write(session)
