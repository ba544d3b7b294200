"""The questions of a topic: on the study sheet each with its lines to write on, in the answer key
each with its answer and the points to look for.

The sheet and the key take their questions from here and know nothing of how a question is
set, so a new kind of question changes this module only. Lines to write on are counted from
the expected answer (or the question's ``lines``), and a question always stays with its lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.platypus import Flowable, Spacer

from guide import markup
from guide.model import Question
from guide.render.pdf.blocks import Blocks, new_item, numbered
from guide.render.pdf.columns import Kept
from guide.render.pdf.flowables import RuledLines
from guide.render.pdf.inline import literal
from guide.render.pdf.internals import Paragraph
from guide.render.pdf.structure import Element
from guide.render.pdf.tagged import tag

HANDWRITING_PT_PER_CHARACTER = 6.0
"""Width a student's handwriting takes per character, to give an answer the lines it needs."""
ANSWER_LINE_SPACING_PT = 20.0
"""Wide ruling (7 mm), for handwriting of any size."""
TIGHT_ANSWER_LINE_SPACING_PT = 18.0
"""Narrow ruling (6.35 mm), for a sheet that would otherwise run onto a page of its own."""
MIN_ANSWER_LINES = 2
MAX_ANSWER_LINES = 8
NUMBER_INDENT_PT = 17.0
"""Where a question's text and its lines start, after its number."""
QUESTION_GAP_PT = 5.0
ANSWER_GAP_PT = 8.0
TIGHT_ANSWER_GAP_PT = 4.0
LEAST_CLAUSE_WORDS = 4
"""Words on each side of a comma for an answer's key points to part there."""


def answer_lines(answer: str, line_width: float) -> int:
    """Lines a student needs to write ``answer`` by hand."""
    per_line = max(1.0, line_width / HANDWRITING_PT_PER_CHARACTER)
    needed = -(-len(markup.plain_text(answer)) // int(per_line))
    return max(MIN_ANSWER_LINES, min(MAX_ANSWER_LINES, needed))


def key_points(answer: str) -> list[str]:
    """The parts of an answer a teacher looks for: its sentences and clauses, when it has more than one.

    An answer splits at the end of each sentence, at semicolons and at commas between clauses
    (both sides of four words or more, so a list such as "Britain, France, Belgium" stays whole).
    """
    sentences = [part.strip().rstrip(".;!?") for part in re.split(r"(?<=[.;!?])\s+", markup.plain_text(answer))]
    points = [_capitalised(clause) for sentence in sentences if sentence for clause in _clauses(sentence)]
    return points if len(points) > 1 else []


def _clauses(sentence: str) -> list[str]:
    """A sentence cut at each comma with a clause of its own on either side."""
    clauses: list[str] = []
    for piece in sentence.split(", "):
        if clauses and min(len(piece.split()), len(clauses[-1].split())) < LEAST_CLAUSE_WORDS:
            clauses[-1] += ", " + piece
        else:
            clauses.append(piece)
    return clauses


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class Questions:
    """The flowables of a topic's questions, with one document's styles, labels and grid."""

    def __init__(self, blocks: Blocks) -> None:
        self.blocks = blocks
        self.styles = blocks.styles
        self.labels = blocks.labels

    def _question(self, number: int, question: Question, element: Element, label: Element) -> Paragraph:
        """The question, its number the label of its item."""
        return tag(numbered(number, self.blocks.inline(question.question), self.styles.question), element, label)

    def sheet(self, questions: Sequence[Question], extra_lines: int = 0, tight: bool = False) -> list[Flowable]:
        """Each question kept with its lines to write on: as many as its expected answer needs.

        A numbered list in the structure tree; the lines to write on are artifacts.
        """
        width = self.blocks.grid.main_width
        rule = self.styles.palette.writing_rule
        spacing = TIGHT_ANSWER_LINE_SPACING_PT if tight else ANSWER_LINE_SPACING_PT
        listed = Element("L")
        items: list[Flowable] = []
        for number, question in enumerate(questions, start=1):
            count = question.lines or answer_lines(question.answer, width) + extra_lines
            label, body = new_item(listed)
            lines = RuledLines(count, spacing, NUMBER_INDENT_PT, rule)
            items.append(Kept([self._question(number, question, body, label), lines, Spacer(0, QUESTION_GAP_PT)]))
        return items

    def key(self, questions: Sequence[Question], tight: bool = False) -> list[Flowable]:
        """Each question with its answer and, for an answer of several parts, the points to look for.

        A question stays with its answer; its points may follow on the next page or column rather
        than leave the foot of this one empty. ``tight`` sets the questions closer together.
        """
        listed = Element("L")
        gap = TIGHT_ANSWER_GAP_PT if tight else ANSWER_GAP_PT
        items: list[Flowable] = []
        for number, question in enumerate(questions, start=1):
            label, body = new_item(listed)
            answer = f"<b>{literal(self.labels['answer'])}:</b> {self.blocks.inline(question.answer)}"
            asked: list[Flowable] = [
                self._question(number, question, body.child("P"), label),
                tag(Paragraph(answer, self.styles.answer), body.child("P")),
            ]
            points = key_points(question.answer)
            if not points:
                items.append(Kept([*asked, Spacer(0, gap)]))
                continue
            looked_for = body.child("L")
            heading = tag(Paragraph(f"<b>{literal(self.labels['key_points'])}</b>", self.styles.point), body.child("P"))
            listed_points = [self.blocks.list_item(looked_for, literal(point), self.styles.point) for point in points]
            items += [Kept(asked), Kept([heading, *listed_points, Spacer(0, gap)])]
        return items
