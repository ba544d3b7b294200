"""A topic's questions as Moodle XML, the format of Moodle's question bank import.

The questions go into a category named after the course and the topic (``$course$/top/HIST
201 Europe Between the Wars/The Treaty of Berlin (1926)``), so importing several topics
keeps them apart. An open question becomes an essay: the model answer is the grader's
information, which students never see, and the lines to write on size the answer box.
Text is HTML, escaped by the XML writer like every other character of the user's text.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ElementTree

from guide.model import Course, Question, Topic
from guide.render.exports.text import paragraph_html, plain
from guide.session import BuildSession
from guide.theme import Theme

DEFAULT_LINES = 5
"""An open question's answer box when the topic says no number of lines."""
LINE_STEPS = 5
"""Moodle offers answer boxes of 5, 10, … 40 lines."""
MAX_BOX_LINES = 40
NAME_LENGTH = 60
"""How much of a question a question's name in the bank shows."""


def render_moodle_xml(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The category, then one essay question per open question."""
    quiz = ElementTree.Element("quiz")
    category = ElementTree.SubElement(quiz, "question", type="category")
    _text(category, "category", category_path(topic, course))
    for number, question in enumerate(topic.questions, start=1):
        quiz.append(essay(number, question))
    ElementTree.indent(quiz)
    return ElementTree.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"


def category_path(topic: Topic, course: Course | None) -> str:
    """Where the questions go in the course's question bank; a ``/`` in a name is doubled, as Moodle reads it."""
    names = [f"{course.code} {course.title}", topic.title] if course else [topic.title]
    return "/".join(["$course$", "top", *(name.replace("/", "//") for name in names)])


def essay(number: int, question: Question) -> ElementTree.Element:
    """An open question as a Moodle essay question, graded by hand out of one mark."""
    element = ElementTree.Element("question", type="essay")
    _text(element, "name", question_name(number, question))
    _text(element, "questiontext", paragraph_html(question.question), format="html")
    _text(element, "generalfeedback", "", format="html")
    for name, value in (("defaultgrade", "1"), ("penalty", "0"), ("hidden", "0")):
        ElementTree.SubElement(element, name).text = value
    for name, value in (
        ("responseformat", "editor"),
        ("responserequired", "1"),
        ("responsefieldlines", str(box_lines(question.lines))),
        ("attachments", "0"),
        ("attachmentsrequired", "0"),
    ):
        ElementTree.SubElement(element, name).text = value
    _text(element, "graderinfo", paragraph_html(question.answer), format="html")
    _text(element, "responsetemplate", "", format="html")
    return element


def question_name(number: int, question: Question) -> str:
    """``Q1 What did Germany…``: the number keeps the topic's order in the bank, which sorts by name."""
    shown = plain(question.question)
    if len(shown) > NAME_LENGTH:
        shown = shown[: NAME_LENGTH - 1].rstrip() + "…"
    return f"Q{number:02d} {shown}"


def box_lines(lines: int | None) -> int:
    """The answer box Moodle offers that holds the topic's lines: the next multiple of five."""
    wanted = DEFAULT_LINES if lines is None else lines
    return min(MAX_BOX_LINES, max(LINE_STEPS, math.ceil(wanted / LINE_STEPS) * LINE_STEPS))


def _text(parent: ElementTree.Element, tag: str, value: str, **attributes: str) -> None:
    """``<tag><text>value</text></tag>``: how Moodle XML holds every piece of text."""
    ElementTree.SubElement(ElementTree.SubElement(parent, tag, attributes), "text").text = value
