"""The PDF renderer: a topic's study sheet and its teacher's answer key, with reportlab."""

from __future__ import annotations

from guide.labels import Labels
from guide.model import Topic
from guide.render.common import metadata
from guide.render.pdf.blocks import Blocks
from guide.render.pdf.document import render_story, text_width
from guide.render.pdf.sheet import answer_key_story, furniture, study_sheet_story
from guide.render.pdf.styles import build_styles
from guide.theme import Theme

__all__ = ["render_answer_key", "render_study_sheet"]


def render_study_sheet(topic: Topic, theme: Theme, labels: Labels) -> bytes:
    """The printable study sheet of ``topic`` as PDF bytes."""
    styles = build_styles(theme)
    blocks = Blocks(styles, labels, text_width(theme))
    story = study_sheet_story(topic, blocks)
    return render_story(story, theme, styles, labels, furniture(topic, labels, labels["study_sheet"]), metadata(topic, topic.title))


def render_answer_key(topic: Topic, theme: Theme, labels: Labels) -> bytes:
    """The teacher's copy: every question with its answer, as PDF bytes."""
    styles = build_styles(theme)
    blocks = Blocks(styles, labels, text_width(theme))
    title = f"{topic.title} — {labels['answer_key']}"
    return render_story(
        answer_key_story(topic, blocks),
        theme,
        styles,
        labels,
        furniture(topic, labels, labels["teachers_copy"], marked_footer=True),
        metadata(topic, title),
    )
