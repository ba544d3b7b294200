"""The questions of a topic on the study sheet and in the answer key, each type printed the way teachers print it.

Open questions get lines to write on (counted from the expected answer, or the question's
``lines``); multiple choice and true/false boxes to tick; a matching two columns, a box before
each left item for the letter of its match; an ordering a box before each item for its place;
a cloze its text with numbered gaps and, if asked, a word bank. The key prints the very same
layout (the order comes from ``guide.quiz``, shared by both) with the boxes filled in, the
gaps completed, the points, any feedback, and in text what the boxes hold; an open answer with
the marking points written for it ("Look for"). The sheet and the key take their questions from here and know
nothing of how a question is set, so a new kind of question changes this module only; only the
key's methods are handed answers, so the sheet never prints one.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Spacer

from guide import markup
from guide.model import (
    Blank,
    ChoiceQuestion,
    ClozeQuestion,
    MatchingQuestion,
    OpenQuestion,
    Option,
    OrderingQuestion,
    TrueFalseQuestion,
    cloze_parts,
)
from guide.quiz import Arranged, blank_answer, blanks, letter, matching_key, shown
from guide.render.pdf.blocks import Blocks, new_item, numbered
from guide.render.pdf.columns import MAX_PT, Kept
from guide.render.pdf.flowables import RuledLines
from guide.render.pdf.inline import literal
from guide.render.pdf.internals import Paragraph
from guide.render.pdf.marks import ROW_GAP_PT, Mark, MarkedRows, OptionRows, Row
from guide.render.pdf.structure import Element
from guide.render.pdf.tagged import Tagged, tag
from guide.typography import unbroken

HANDWRITING_PT_PER_CHARACTER = 6.0
"""Width a student's handwriting takes per character, to give an answer the lines it needs."""
ANSWER_LINE_SPACING_PT = 20.0
"""Wide ruling (7 mm), for handwriting of any size."""
TIGHT_ANSWER_LINE_SPACING_PT = 18.0
"""Narrow ruling (6.35 mm), for a sheet that would otherwise run onto a page of its own."""
MIN_ANSWER_LINES = 2
MAX_ANSWER_LINES = 8
INDENT_PT = 17.0
"""Where a question's text starts after its number; its boxes and lines start there too."""
QUESTION_GAP_PT = 5.0
ANSWER_GAP_PT = 8.0
TIGHT_ANSWER_GAP_PT = 4.0


def answer_lines(answer: str, line_width: float) -> int:
    """Lines a student needs to write ``answer`` by hand."""
    per_line = max(1.0, line_width / HANDWRITING_PT_PER_CHARACTER)
    needed = -(-len(markup.plain_text(answer)) // int(per_line))
    return max(MIN_ANSWER_LINES, min(MAX_ANSWER_LINES, needed))


MATCHING_SHARES = (0.38, 0.62)
"""A matching's columns: short terms on the left, their longer matches on the right."""
GAP_CHARACTERS = 14
"""Width of a cloze gap, in underscores: room for a word or two written by hand."""


def section_title(label: str, version_label: str, seed: int) -> str:
    """The questions' heading, naming the quiz version when it is not the default one."""
    return f"{label} · {version_label} {seed}" if seed else label


class Questions:
    """The flowables of a topic's questions, on a sheet or in its key, with one document's styles and labels."""

    def __init__(self, blocks: Blocks, row_gap_pt: float = ROW_GAP_PT) -> None:
        self.blocks = blocks
        self.styles = blocks.styles
        self.labels = blocks.labels
        self.row_gap_pt = row_gap_pt
        """Between the rows of boxes (options, items, pairs): a quiz paper with room to spare sets them further apart."""

    # shared parts

    def _points(self, points: int | None) -> str:
        if not points:
            return ""
        muted = self.styles.palette.muted.hexval()[2:]
        return f' <font color="#{muted}">({points}&nbsp;{literal(self.labels["points"])})</font>'

    def _stem(self, item: Arranged, text: str | None, fallback: str) -> Paragraph:
        """The question's number and text (or the instruction its type prints when it has none), with its points."""
        shown_text = self.blocks.inline(text) if text else literal(self.labels[fallback])
        return numbered(item.number, f"{shown_text}{self._points(item.question.points)}", self.styles.question)

    def _instruction(self, label: str) -> Paragraph:
        return Paragraph(f"<i>{literal(self.labels[label])}</i>", self.styles.answer)

    def _rows(self, columns: Sequence[Sequence[Row]], shares: Sequence[float] = ()) -> MarkedRows:
        return MarkedRows(columns, self.styles.palette.text, self.styles.heading_fonts.bold, INDENT_PT, shares, self.row_gap_pt)

    def widest_option(self, item: Arranged) -> float:
        """How wide a choice's widest option is set on one line, after its letter, in bold as the key sets a correct one: what
        the paper and its key both measure, so they set the options alike (0 for a question of another type)."""
        question = item.question
        if not isinstance(question, ChoiceQuestion):
            return 0.0
        return max(
            _one_line_width(Paragraph(f"<b>{letter(place)}.&nbsp;{self.blocks.inline(question.options[index].text)}</b>", self.styles.body))
            for place, index in enumerate(item.order)
        )

    def _widest_feedback(self, question: ChoiceQuestion) -> float:
        """How wide the widest feedback under a choice's options is set on one line, as the key sets it: the paper and its key
        both give the options as many columns as keep it on one line too (0 without feedback)."""
        feedback = [option.feedback for option in question.options if option.feedback]
        lines = (Paragraph(self._feedback(said).removeprefix("<br/>"), self.styles.body) for said in feedback)
        return max((_one_line_width(line) for line in lines), default=0.0)

    def widest_row(self, item: Arranged) -> float:
        """How wide the widest row of boxes' text is set on one line: a choice's widest option (see ``widest_option``), an
        ordering's widest item; 0 for a question of another type. What a quiz paper sets the question's width by."""
        question = item.question
        if not isinstance(question, OrderingQuestion):
            return self.widest_option(item)
        return max(_one_line_width(self._text(text)) for text in question.items)

    def _text(self, prose: str, bold: bool = False) -> Paragraph:
        shown_text = self.blocks.inline(prose)
        return Paragraph(f"<b>{shown_text}</b>" if bold else shown_text, self.styles.body)

    def _feedback(self, prose: str) -> str:
        muted = self.styles.palette.muted.hexval()[2:]
        return f'<br/><font color="#{muted}"><i>{self.blocks.inline(prose)}</i></font>'

    # the student's sheet

    def sheet(self, items: Sequence[Arranged], extra_lines: int = 0, tight: bool = False) -> list[Flowable]:
        """Each question kept with its room to answer: lines, boxes, columns or gaps; no answer anywhere."""
        listed = Element("L")
        return [Kept([*_tagged(self._asked(item, extra_lines, tight), listed), Spacer(0, QUESTION_GAP_PT)]) for item in items]

    def _asked(self, item: Arranged, extra_lines: int, tight: bool) -> list[Flowable]:
        question = item.question
        if isinstance(question, OpenQuestion):
            count = question.lines or answer_lines(question.answer, self.blocks.grid.main_width) + extra_lines
            spacing = TIGHT_ANSWER_LINE_SPACING_PT if tight else ANSWER_LINE_SPACING_PT
            return [
                self._stem(item, question.question, "question"),
                RuledLines(count, spacing, INDENT_PT, self.styles.palette.writing_rule),
            ]
        return self._boxes(item, answered=False)

    def _boxes(self, item: Arranged, answered: bool) -> list[Flowable]:
        """A question of a type with boxes or gaps, the boxes filled and gaps completed when ``answered``."""
        question = item.question
        if isinstance(question, ChoiceQuestion):
            correct = [option.correct for option in question.options]
            instruction = "tick_all" if sum(correct) > 1 else "tick_one"
            rows = [
                (Mark(ticked=answered and correct[index]), self._option(place, question.options[index], answered))
                for place, index in enumerate(item.order)
            ]
            widest = max(self.widest_option(item), self._widest_feedback(question))
            options = OptionRows(rows, widest, self.styles.palette.text, self.styles.heading_fonts.bold, INDENT_PT, self.row_gap_pt)
            return [self._stem(item, question.question, "question"), self._instruction(instruction), options]
        if isinstance(question, TrueFalseQuestion):
            columns = [
                [(Mark(ticked=answered and question.answer is value), self._label(name, answered and question.answer is value))]
                for name, value in (("true", True), ("false", False))
            ]
            parts: list[Flowable] = [self._stem(item, question.question, "question"), self._instruction("true_false_instruction")]
            parts.append(self._rows(columns))
            if answered and question.feedback:
                parts.append(Paragraph(self._feedback(question.feedback).removeprefix("<br/>"), self.styles.answer))
            return parts
        if isinstance(question, MatchingQuestion):
            lefts = [
                (Mark(letter(item.shown_position(index)) if answered else ""), self._text(pair.left, bold=True))
                for index, pair in enumerate(question.pairs)
            ]
            matches = shown([pair.right for pair in question.pairs], item)
            rights = [(Mark(letter(place), boxed=False), self._text(text)) for place, text in enumerate(matches)]
            return [self._stem(item, question.question, "match_instruction"), self._rows([lefts, rights], MATCHING_SHARES)]
        if isinstance(question, OrderingQuestion):
            rows = [(Mark(str(index + 1) if answered else ""), self._text(question.items[index])) for index in item.order]
            return [self._stem(item, question.question, "order_instruction"), self._rows([rows])]
        assert isinstance(question, ClozeQuestion)
        parts = [self._stem(item, question.question, "cloze_instruction"), Paragraph(self._cloze(question, answered), self.styles.answer)]
        if question.word_bank:
            bank = shown([blank_answer(blank) for blank in blanks(question)], item)
            words = "&nbsp;&nbsp;·&nbsp;&nbsp; ".join(literal(word) for word in bank)
            parts.append(Paragraph(f"<b>{literal(self.labels['word_bank'])}:</b> {words}", self.styles.answer))
        return parts

    def _option(self, place: int, option: Option, answered: bool) -> Paragraph:
        """An option after its letter; in the key the correct ones bold, each with its feedback under it."""
        shown_text = self.blocks.inline(option.text)
        if answered and option.correct:
            shown_text = f"<b>{shown_text}</b>"
        if answered and option.feedback:
            shown_text += self._feedback(option.feedback)
        return Paragraph(f"<b>{letter(place)}.</b>&nbsp;{shown_text}", self.styles.body)

    def _label(self, name: str, bold: bool) -> Paragraph:
        text = literal(self.labels[name])
        return Paragraph(f"<b>{text}</b>" if bold else text, self.styles.body)

    def _cloze(self, question: ClozeQuestion, answered: bool) -> str:
        """The text with each blank a numbered gap, or in the key the gap's answer, underlined."""
        pieces, number = [], 0
        for part in cloze_parts(question.text):
            if isinstance(part, Blank):
                number += 1
                if answered:
                    pieces.append(f"<u><b>{literal(blank_answer(part))}</b></u>")
                else:
                    pieces.append(f"({number})&nbsp;{'_' * GAP_CHARACTERS}")
            else:
                pieces.append(self.blocks.inline(part))
        return "".join(pieces)

    # the teacher's key

    def key(self, items: Sequence[Arranged], tight: bool = False) -> list[Flowable]:
        """Each question as the sheet prints it, its boxes filled and gaps completed; open answers with the points to look for.

        ``tight`` sets the questions closer together, and the points to look for run in after their label.
        """
        listed = Element("L")
        gap = TIGHT_ANSWER_GAP_PT if tight else ANSWER_GAP_PT
        return [Kept([*_tagged(self._answered(item, tight), listed), Spacer(0, gap)]) for item in items]

    def _answered(self, item: Arranged, run_in: bool = False) -> list[Flowable]:
        question = item.question
        if not isinstance(question, OpenQuestion):
            parts = self._boxes(item, answered=True)
            parts.append(self._answer_line(self._short_answer(item)))
            return parts
        parts = [
            self._stem(item, question.question, "question"),
            Paragraph(f"<b>{literal(self.labels['answer'])}:</b> {self.blocks.inline(question.answer)}", self.styles.key_answer),
        ]
        points = question.key_points
        if points and run_in:  # a line or two, not a line each: what keeps a long key to fewer pages
            listed_points = "".join(f"&nbsp;&nbsp;▪&nbsp;{self.blocks.inline(point)}" for point in points)
            parts.append(Paragraph(f"<b>{literal(self.labels['key_points'])}:</b>{listed_points}", self.styles.point_label))
        elif points:
            parts.append(Paragraph(f"<b>{literal(self.labels['key_points'])}</b>", self.styles.point_label))
            looked_for = Element("L")
            parts += [self.blocks.list_item(looked_for, self.blocks.inline(point), self.styles.point) for point in points]
        return parts

    def _short_answer(self, item: Arranged) -> str:
        """What the boxes hold, as text a screen reader reads (the boxes are drawn): the letters ticked, each match's letter,
        each item's place, each gap's answers."""
        question = item.question
        if isinstance(question, ChoiceQuestion):
            return ", ".join(letter(place) for place, index in enumerate(item.order) if question.options[index].correct)
        if isinstance(question, TrueFalseQuestion):
            return self.labels["true" if question.answer else "false"]
        if isinstance(question, MatchingQuestion):
            return ", ".join(matching_key(item))
        if isinstance(question, OrderingQuestion):
            return ", ".join(str(index + 1) for index in item.order)
        assert isinstance(question, ClozeQuestion)
        return "; ".join(_enumerated(number, blank.answers) for number, blank in enumerate(blanks(question), start=1))

    def _answer_line(self, answer: str) -> Paragraph:
        return Paragraph(f"<b>{literal(self.labels['answer'])}:</b> {literal(answer)}", self.styles.key_answer)


def _one_line_width(paragraph: Paragraph) -> float:
    """How wide ``paragraph`` is set on one line of unbounded width."""
    paragraph.wrap(MAX_PT, MAX_PT)
    return float(max(paragraph.getActualLineWidths0()))


def _enumerated(number: int, answers: Sequence[str]) -> str:
    """A gap's number with its answers, "(4) five / 5": the number kept with the first word, the alternatives with each other,
    so a line never ends in a lone "(4)" nor starts with "/ 5"."""
    return unbroken(f"({number}) ") + unbroken(" / ").join(answers)


def _tagged(parts: list[Flowable], listed: Element) -> list[Flowable]:
    """A question's parts as an item of the numbered list ``listed``: its paragraphs in order, a box's rows as a list in it.

    Boxes and lines to write on are drawn outside tagged content: artifacts, which a screen
    reader skips (the key says in text what its boxes hold).
    """
    label, body = new_item(listed)
    tagged: list[Flowable] = []
    for part in parts:
        if isinstance(part, Tagged):  # an item of a list of its own (the points to look for): the list placed in the item, once
            root = part.element
            while root.parent is not None and root.parent is not body:
                root = root.parent
            body.adopt(root)
        elif isinstance(part, Paragraph):
            tagged.append(tag(part, body.child("P"), None if tagged else label))  # the question's number its item's label
            continue
        if isinstance(part, MarkedRows):
            rows = body.child("L")
            count = max(len(column) for column in part.columns)
            places = {(row, column): rows.child("LI").child("LBody") for row in range(count) for column in range(len(part.columns))}
            part.columns = [
                [(mark, tag(text, places[(row, column)])) for row, (mark, text) in enumerate(entries)]
                for column, entries in enumerate(part.columns)
            ]
        tagged.append(part)
    return tagged
