"""The PowerPoint renderer: a topic's slide deck, planned by measurement, then written."""

from __future__ import annotations

from guide.model import Course, Topic
from guide.render.common import metadata
from guide.render.pptx.plan import DeckPlan, plan_deck
from guide.render.pptx.writer import DeckWriter
from guide.theme import Theme

__all__ = ["DeckPlan", "plan_deck", "render_deck"]


def render_deck(topic: Topic, theme: Theme, course: Course | None = None) -> bytes:
    """The editable slide deck of ``topic`` as .pptx bytes, in the theme's aspect ratio."""
    plan = plan_deck(topic, theme, course)
    return DeckWriter(plan, theme, metadata(topic, topic.title, course)).write()
