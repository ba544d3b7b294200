"""The HTML renderer: a topic's study sheet as one self-contained, accessible web page.

The page is semantic HTML5 (headings, lists, a term list, figures with alt text, quotations
with their sources) styled by the theme in one ``<style>`` element, with its pictures
embedded, so it can be opened anywhere, read on a phone or pasted into a learning platform.
Only the standard library writes it.
"""

from __future__ import annotations

from guide.model import Course, Topic
from guide.render.common import metadata, typeset
from guide.render.html.images import data_uri
from guide.render.html.inline import attribute, text
from guide.render.html.page import Page
from guide.render.html.style import stylesheet
from guide.session import BuildSession
from guide.theme import Theme

__all__ = ["render_html", "render_html_answers"]


def render_html(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The student's page: everything on the study sheet, questions without their answers."""
    return _render(topic, theme, course, session or BuildSession(), answers=False)


def render_html_answers(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The teacher's copy: the same page with each question's answer under it."""
    return _render(topic, theme, course, session or BuildSession(), answers=True)


def _render(topic: Topic, theme: Theme, course: Course | None, session: BuildSession, answers: bool) -> bytes:
    topic = typeset(topic, theme.typography, session)
    labels = theme.labels_for(topic.language_code)
    page = Page(topic, labels, course, session, answers, theme.quiz_seed, theme.quiz_print == "paper")
    title = f"{topic.title} — {labels['answer_key' if answers else 'study_sheet']}"
    about = metadata(topic, title, course)
    logo = None
    if theme.logo is not None:
        # Named by the institution when there is one; else decorative, skipped by screen readers.
        alt = course.institution if course and course.institution else ""
        logo = f'<img class="logo" src="{data_uri(theme.logo, session)}" alt={attribute(alt)}>'
    head = [
        "<!DOCTYPE html>",
        f"<html lang={attribute(topic.language)}>",
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{text(title)}</title>",
        *([f'<meta name="author" content={attribute(about.author)}>'] if about.author else []),
        f'<meta name="description" content={attribute(about.subject)}>',
        *([f'<meta name="keywords" content={attribute(", ".join(about.keywords))}>'] if about.keywords else []),
        f"<style>\n{stylesheet(theme)}\n</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *page.body(logo), "</body>", "</html>", ""]).encode("utf-8")
