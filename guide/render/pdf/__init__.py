"""The PDF renderer: a topic's study sheet and its teacher's answer key, with reportlab."""

from __future__ import annotations

from guide.model import Course, Topic
from guide.render.common import metadata
from guide.render.pdf.blocks import Blocks
from guide.render.pdf.document import render_story, text_width
from guide.render.pdf.sheet import answer_key_story, furniture, study_sheet_story
from guide.render.pdf.styles import build_styles
from guide.session import BuildSession
from guide.theme import Theme
from guide.typography import typeset_topic

__all__ = ["render_answer_key", "render_study_sheet"]


def render_study_sheet(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The printable study sheet of ``topic`` as PDF bytes."""
    topic = typeset_topic(topic, theme.typography)
    labels = theme.labels_for(topic.language_code)
    styles = build_styles(theme, session or BuildSession())
    story = study_sheet_story(topic, Blocks(styles, labels, text_width(theme)), course, theme.logo)
    marker = labels["study_sheet"]
    return render_story(story, theme, styles, labels, furniture(topic, course, labels, marker), metadata(topic, topic.title, course))


def render_answer_key(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The teacher's copy: every question with its answer, as PDF bytes."""
    topic = typeset_topic(topic, theme.typography)
    labels = theme.labels_for(topic.language_code)
    styles = build_styles(theme, session or BuildSession())
    story = answer_key_story(topic, Blocks(styles, labels, text_width(theme)), course, theme.logo)
    title = f"{topic.title} — {labels['answer_key']}"
    marks = furniture(topic, course, labels, labels["teachers_copy"], marked_footer=True)
    return render_story(story, theme, styles, labels, marks, metadata(topic, title, course))
