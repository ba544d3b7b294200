"""A topic's questions as Moodle XML, the format of Moodle's question bank import.

The questions go into a category named after the course and the topic (``$course$/top/HIST
201 Europe Between the Wars/The Treaty of Berlin (1926)``), so importing several topics
keeps them apart. Each type becomes Moodle's own: an open question an essay (the model answer
is the grader's information, which students never see; the lines to write on size the answer
box), multiple choice a multichoice (one answer, or several sharing the mark, wrong ones
taking as much away), true/false a truefalse, a matching a matching, an ordering an ordering
(a standard question type since Moodle 4.4) and a cloze an embedded-answers (cloze)
question: each blank a short answer, or with a word bank a menu of the bank's words.
Moodle shuffles options itself. Text is HTML, escaped by the XML writer like every other
character of the user's text.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ElementTree

from guide import model
from guide.labels import Labels, labels_for
from guide.quiz import blank_answer, blanks, default_prompt, printed_numbers, worth
from guide.render.exports.text import escaped, inline_html, paragraph_html, plain
from guide.session import BuildSession
from guide.theme import Theme

DEFAULT_LINES = 5
"""An open question's answer box when the topic says no number of lines."""
LINE_STEPS = 5
"""Moodle offers answer boxes of 5, 10, … 40 lines."""
MAX_BOX_LINES = 40
NAME_LENGTH = 60
"""How much of a question a question's name in the bank shows."""


CLOZE_SPECIAL = re.compile(r"([}#~/\"\\])")
"""Characters an embedded answer of a cloze question must escape with a backslash."""


def render_moodle_xml(topic: model.Topic, theme: Theme, course: model.Course | None = None, session: BuildSession | None = None) -> bytes:
    """The category, then one question of Moodle's matching type per question."""
    labels = labels_for(topic.language_code)
    quiz = ElementTree.Element("quiz")
    category = ElementTree.SubElement(quiz, "question", type="category")
    _text(category, "category", category_path(topic, course))
    for question, (number, on_quiz) in zip(topic.questions, printed_numbers(topic, theme.quiz_print == "paper"), strict=True):
        quiz.append(moodle_question(number, question, labels, on_quiz))
    ElementTree.indent(quiz)
    return ElementTree.tostring(quiz, encoding="utf-8", xml_declaration=True) + b"\n"


def category_path(topic: model.Topic, course: model.Course | None) -> str:
    """Where the questions go in the course's question bank; a ``/`` in a name is doubled, as Moodle reads it."""
    names = [f"{course.code} {course.title}", topic.title] if course else [topic.title]
    return "/".join(["$course$", "top", *(name.replace("/", "//") for name in names)])


def moodle_question(number: int, question: model.Question, labels: Labels, on_quiz: bool = False) -> ElementTree.Element:
    """One question as the Moodle type that asks it the same way, named by its number on the sheet or (``on_quiz``) the quiz paper."""
    name = question_name(number, question, labels, on_quiz)
    if isinstance(question, model.OpenQuestion):
        return essay(name, question, labels)
    if isinstance(question, model.ChoiceQuestion):
        return multichoice(name, question, labels)
    if isinstance(question, model.TrueFalseQuestion):
        return truefalse(name, question, labels)
    if isinstance(question, model.MatchingQuestion):
        return matching(name, question, labels)
    if isinstance(question, model.OrderingQuestion):
        return ordering(name, question, labels)
    return cloze(name, question, labels)


def _common(kind: str, name: str, question: model.Question, text_html: str) -> ElementTree.Element:
    """A question element with what every type has: its name, text, general feedback, mark and penalty."""
    element = ElementTree.Element("question", type=kind)
    _text(element, "name", name)
    _text(element, "questiontext", text_html, format="html")
    _text(element, "generalfeedback", "", format="html")
    for field, value in (("defaultgrade", str(worth(question))), ("penalty", "0"), ("hidden", "0")):
        ElementTree.SubElement(element, field).text = value
    return element


def _prompt(question: model.Question, labels: Labels) -> str:
    """The question's own text, or for a type whose text is optional the instruction in the topic's language."""
    return paragraph_html(question.question) if question.question else f"<p>{escaped(default_prompt(question, labels))}</p>"


def essay(name: str, question: model.OpenQuestion, labels: Labels) -> ElementTree.Element:
    """An open question as a Moodle essay question, graded by hand."""
    element = _common("essay", name, question, paragraph_html(question.question))
    for field, value in (
        ("responseformat", "editor"),
        ("responserequired", "1"),
        ("responsefieldlines", str(box_lines(question.lines))),
        ("attachments", "0"),
        ("attachmentsrequired", "0"),
    ):
        ElementTree.SubElement(element, field).text = value
    _text(element, "graderinfo", paragraph_html(question.answer), format="html")
    _text(element, "responsetemplate", "", format="html")
    return element


def multichoice(name: str, question: model.ChoiceQuestion, labels: Labels) -> ElementTree.Element:
    """Radio buttons for one correct option; tick boxes for several, each correct one a share of the mark."""
    element = _common("multichoice", name, question, paragraph_html(question.question))
    correct = sum(option.correct for option in question.options)
    share = _fraction(100 / correct)
    for field, value in (
        ("single", "true" if correct == 1 else "false"),
        ("shuffleanswers", "1" if question.shuffle else "0"),
        ("answernumbering", "ABCD"),
    ):
        ElementTree.SubElement(element, field).text = value
    for option in question.options:
        wrong = "0" if correct == 1 else f"-{share}"
        answer = _answer(element, share if option.correct else wrong, inline_html(option.text))
        _text(answer, "feedback", inline_html(option.feedback) if option.feedback else "", format="html")
    return element


def truefalse(name: str, question: model.TrueFalseQuestion, labels: Labels) -> ElementTree.Element:
    """The statement with its two answers, the feedback under both."""
    element = _common("truefalse", name, question, paragraph_html(question.question))
    for value in (True, False):
        answer = _answer(element, "100" if value is question.answer else "0", "true" if value else "false", format="moodle_auto_format")
        _text(answer, "feedback", inline_html(question.feedback) if question.feedback else "", format="html")
    return element


def matching(name: str, question: model.MatchingQuestion, labels: Labels) -> ElementTree.Element:
    """Each left item with its match; Moodle offers every match in a menu beside each item, shuffled."""
    element = _common("matching", name, question, _prompt(question, labels))
    ElementTree.SubElement(element, "shuffleanswers").text = "true"
    for pair in question.pairs:
        sub = ElementTree.SubElement(element, "subquestion", format="html")
        ElementTree.SubElement(sub, "text").text = escaped(pair.left)
        _text(sub, "answer", plain(pair.right))
    return element


def ordering(name: str, question: model.OrderingQuestion, labels: Labels) -> ElementTree.Element:
    """The items in their right order (Moodle shows them shuffled), each scored by its place."""
    element = _common("ordering", name, question, _prompt(question, labels))
    for field, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", "0"),
        ("gradingtype", "ABSOLUTE_POSITION"),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        ElementTree.SubElement(element, field).text = value
    for place, item in enumerate(question.items, start=1):
        _answer(element, f"{place}.0000000", inline_html(item), format="html")
    return element


def cloze(name: str, question: model.ClozeQuestion, labels: Labels) -> ElementTree.Element:
    """The text with each blank an embedded answer: ``{1:SHORTANSWER:=Berlin~=berlin}``, or a menu of the word bank."""
    bank = sorted({blank_answer(blank) for blank in blanks(question)}, key=str.casefold)
    pieces = []
    for part in model.cloze_parts(question.text):
        if isinstance(part, model.Blank):
            pieces.append(_embedded(part, bank if question.word_bank else None))
        else:
            pieces.append(inline_html(part))
    text_html = (f"{_prompt(question, labels)}" if question.question else "") + f"<p>{''.join(pieces)}</p>"
    return _common("cloze", name, question, text_html)


def _embedded(blank: model.Blank, bank: list[str] | None) -> str:
    """One blank as Moodle's embedded-answer syntax, its answers escaped as that syntax requires."""
    if bank is None:
        accepted = "~".join(f"={_cloze_escaped(plain(answer))}" for answer in blank.answers)
        return f"{{1:SHORTANSWER:{accepted}}}"
    right = blank_answer(blank)
    choices = "~".join(f"{'=' if word == right else ''}{_cloze_escaped(word)}" for word in bank)
    return f"{{1:MULTICHOICE:{choices}}}"


def _cloze_escaped(answer: str) -> str:
    return escaped(CLOZE_SPECIAL.sub(r"\\\1", answer))


def _fraction(value: float) -> str:
    """A grade as Moodle lists its allowed ones: 100, 50, 33.33333 …"""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _answer(parent: ElementTree.Element, fraction: str, text_html: str, format: str = "html") -> ElementTree.Element:
    answer = ElementTree.SubElement(parent, "answer", fraction=fraction, format=format)
    ElementTree.SubElement(answer, "text").text = text_html
    return answer


def question_name(number: int, question: model.Question, labels: Labels, on_quiz: bool = False) -> str:
    """``Q01 What did Germany…``, numbered as the sheet prints it; ``Quiz Q01 …`` as the quiz paper does.

    The bank sorts by name: the sheet's questions in their order, then the quiz paper's.
    """
    shown = plain(question.question) if question.question else default_prompt(question, labels)
    if len(shown) > NAME_LENGTH:
        shown = shown[: NAME_LENGTH - 1].rstrip() + "…"
    return f"{labels['quiz'] + ' ' if on_quiz else ''}Q{number:02d} {shown}"


def box_lines(lines: int | None) -> int:
    """The answer box Moodle offers that holds the topic's lines: the next multiple of five."""
    wanted = DEFAULT_LINES if lines is None else lines
    return min(MAX_BOX_LINES, max(LINE_STEPS, math.ceil(wanted / LINE_STEPS) * LINE_STEPS))


def _text(parent: ElementTree.Element, tag: str, value: str, **attributes: str) -> ElementTree.Element:
    """``<tag><text>value</text></tag>``: how Moodle XML holds every piece of text."""
    element = ElementTree.SubElement(parent, tag, attributes)
    ElementTree.SubElement(element, "text").text = value
    return element
