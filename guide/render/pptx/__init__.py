"""The PowerPoint renderer: a topic's slide deck, planned by measurement, then written."""

from __future__ import annotations

from guide.labels import Labels
from guide.model import Topic
from guide.render.common import metadata
from guide.render.pptx.plan import DeckPlan, plan_deck
from guide.render.pptx.writer import DeckWriter
from guide.theme import Theme

__all__ = ["DeckPlan", "plan_deck", "render_deck"]


def render_deck(topic: Topic, theme: Theme, labels: Labels) -> bytes:
    """The editable slide deck of ``topic`` as .pptx bytes, in the theme's aspect ratio."""
    return DeckWriter(plan_deck(topic, theme, labels), theme, metadata(topic, topic.title)).write()
