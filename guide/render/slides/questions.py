"""A question as the deck shows it: what a question slide says, what its answer slide says, and the answer in plain words.

A question slide never holds an answer: a matching shows both columns with the right one
shuffled, an ordering its items shuffled, a cloze its text with numbered gaps. The answer goes
on a slide of its own after it or into the speaker notes, as the theme says (``quiz.answers``);
PowerPoint has no click-to-reveal without animation, which editing tools drop.
A matching sets its items and its options in two columns, side by side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from guide import markup, model
from guide.labels import Labels
from guide.markup import Span
from guide.quiz import Arranged, blank_answer, blanks, default_prompt, letter, matching_key, shown
from guide.render.slides.designs import ACCENT_BAR_PT, GAP_PT
from guide.render.slides.fitting import INSET_X_PT, Item
from guide.render.slides.geometry import Box
from guide.render.slides.shapes import Drawing, Line, Shape
from guide.render.slides.typeset import Typesetter

GAP = "_____"


@dataclass(frozen=True)
class ShownQuestion:
    """A question's two faces on slides, and its answer as speaker notes say it."""

    asked: tuple[Item, ...]
    answered: tuple[Item, ...]
    notes: str
    columns: tuple[tuple[Item, ...], tuple[Item, ...]] = ((), ())
    """A matching's two columns as a slide sets them side by side: the items numbered, the options lettered."""


def _line(text: str, bold_head: str = "") -> Item:
    """A plain paragraph, after a bold head ("A.") when given."""
    return Item(((Span(bold_head, bold=True),) if bold_head else ()) + markup.parse(text), bullet=False)


def _stem(prose: str) -> Item:
    """The question above its options, columns or gaps: in bold, so it reads apart from them."""
    return Item(tuple(replace(span, bold=True) for span in markup.parse(prose)), bullet=False)


def _plain(prose: str) -> str:
    return markup.plain_text(prose)


def shown_question(item: Arranged, labels: Labels) -> ShownQuestion:
    """The question slide's paragraphs, the answer slide's, and the answer in plain text for the notes (an open
    question's with its marking points, "Look for: ...", as the answer key gives them)."""
    question = item.question
    if isinstance(question, model.OpenQuestion):
        points = "; ".join(_plain(point) for point in question.key_points)
        said = f"{_plain(question.answer)}\n{labels['key_points']}: {points}" if points else _plain(question.answer)
        return ShownQuestion((_line(question.question),), (_line(question.answer),), said)
    if isinstance(question, model.ChoiceQuestion):
        options = [(letter(place), question.options[index]) for place, index in enumerate(item.order)]
        asked = (_stem(question.question), *(_line(option.text, f"{mark}. ") for mark, option in options))
        right = [(mark, option) for mark, option in options if option.correct]
        answered = tuple(_line(option.text + (f" — {option.feedback}" if option.feedback else ""), f"{mark}. ") for mark, option in right)
        return ShownQuestion(asked, answered, "; ".join(f"{mark}. {_plain(option.text)}" for mark, option in right))
    if isinstance(question, model.TrueFalseQuestion):
        verdict = labels["true" if question.answer else "false"]
        said = verdict + (f": {_plain(question.feedback)}" if question.feedback else "")
        answer = _line(question.feedback or "", f"{verdict}. ") if question.feedback else _line(verdict)
        statement = Item((*markup.parse(question.question), Span(f" — {labels['true']} / {labels['false']}?", italic=True)), bullet=False)
        return ShownQuestion((statement,), (answer,), said)
    if isinstance(question, model.MatchingQuestion):
        lefts = tuple(_line(pair.left, f"{number}. ") for number, pair in enumerate(question.pairs, start=1))
        rights = tuple(_line(text, f"{letter(place)}. ") for place, text in enumerate(shown([pair.right for pair in question.pairs], item)))
        key = matching_key(item)
        answered = tuple(
            _line(f"{pair.left} — {mark}", f"{number}. ") for number, (pair, mark) in enumerate(zip(question.pairs, key, strict=True), 1)
        )
        notes = "; ".join(f"{number}. {pair.left} — {mark}" for number, (pair, mark) in enumerate(zip(question.pairs, key, strict=True), 1))
        stem = _stem(question.question or default_prompt(question, labels))
        return ShownQuestion((stem, *lefts, *rights), answered, notes, (lefts, rights))
    if isinstance(question, model.OrderingQuestion):
        asked = (
            _stem(question.question or default_prompt(question, labels)),
            *(_line(question.items[index], f"{letter(place)}. ") for place, index in enumerate(item.order)),
        )
        marks = matching_key(item)  # the letter each item, in its right order, is shown under
        ordered = enumerate(zip(marks, question.items, strict=True), start=1)
        answered = (_line(", ".join(marks)), *(_line(f"{mark} — {text}", f"{number}. ") for number, (mark, text) in ordered))
        events = "; ".join(f"{number}. {_plain(text).rstrip('.')}" for number, text in enumerate(question.items, start=1))
        return ShownQuestion(asked, answered, f"{', '.join(marks)} \u2014 {events}")
    assert isinstance(question, model.ClozeQuestion)
    asked_parts: list[Item] = [
        _stem(question.question or default_prompt(question, labels)),
        Item(_cloze_spans(question, False), bullet=False),
    ]
    if question.word_bank:
        bank = shown([blank_answer(blank) for blank in blanks(question)], item)
        asked_parts.append(Item((Span(f"{labels['word_bank']}: ", bold=True), Span(" · ".join(bank))), bullet=False))
    notes = "; ".join(f"({number}) {blank_answer(blank)}" for number, blank in enumerate(blanks(question), start=1))
    return ShownQuestion(tuple(asked_parts), (Item(_cloze_spans(question, True), bullet=False),), notes)


STEM_SHARE = 0.45
"""Of the stage's height: the most a question's text set large may take above its options."""


def question_design(region: Box, stem: Item, entries: Sequence[Item], set_: Typesetter) -> list[Drawing] | None:
    """The question set large as a statement, its options, columns or gaps in a list below it; None where they do not fit.

    A question with a few short options would leave most of a list slide empty; set so, it reads
    from across a classroom. The stem is set in the statement role, the rest in the body role.
    """
    bar, gap = set_.pt(ACCENT_BAR_PT + GAP_PT), set_.pt(GAP_PT)
    width = region.width * 0.9
    size = set_.largest([([stem], width, region.height * STEM_SHARE - bar)], "statement")
    if size is None:
        return None
    stem_height = set_.height([stem], width, size, "statement")
    below = Box(region.left, region.top + bar + stem_height + gap, region.width, region.height - bar - stem_height - gap)
    body = set_.largest([(entries, below.width, below.height)], "body")
    if body is None:
        return None
    return [
        Shape("rect", Box(region.left + INSET_X_PT, region.top, set_.pt(96), set_.pt(ACCENT_BAR_PT)), "accent", name="Accent bar"),
        set_.block(Box(region.left, region.top + bar, width, stem_height), [stem], size, "statement", ink="primary", name="Question"),
        set_.block(
            Box(below.left, below.top, below.width, set_.height(entries, below.width, body, "body")), entries, body, "body", name="Choices"
        ),
    ]


LEFT_SHARE = 0.4
"""Of the stage's width: the most a matching's column of items takes beside the column of its options."""
SPLITS_TRIED = 8
"""Widths of the items' column tried, from its longest item's to its most, for the columns' evenest heights."""


def matching_design(region: Box, stem: Item, lefts: Sequence[Item], rights: Sequence[Item], set_: Typesetter) -> list[Drawing] | None:
    """A matching's two columns side by side in the matching role, in the middle of the stage: the question above the
    numbered items, in a column as narrow as the longest item, and the lettered options beside them; None where they
    do not fit one slide."""
    gap = set_.pt(GAP_PT)
    left_items = [stem, *lefts]

    def splits(size: float) -> list[float]:
        """The widths of the items' column tried: from its longest item's to its most."""
        narrowest = min(max(set_.one_line_width(item, size, "matching") for item in lefts), region.width * LEFT_SHARE)
        return [narrowest + (region.width * LEFT_SHARE - narrowest) * step / SPLITS_TRIED for step in range(SPLITS_TRIED + 1)]

    def widths(size: float) -> tuple[float, float]:
        """The split of the width that makes the taller column shortest, the items' column no narrower than its longest item."""
        left = min(splits(size), key=lambda left: max(columns(size, left)))
        return left, region.width - left - 2 * gap

    def columns(size: float, left: float) -> tuple[float, float]:
        return set_.height(left_items, left, size, "matching"), set_.height(rights, region.width - left - 2 * gap, size, "matching")

    def fits(size: float) -> bool:
        """Whether the columns fit at their best split: whether they fit at any, so the search stops at the first that
        holds both, and measures the items' column only where the options' (mostly the taller) fits."""
        return any(
            set_.height(rights, region.width - left - 2 * gap, size, "matching") <= region.height
            and set_.height(left_items, left, size, "matching") <= region.height
            for left in splits(size)
        )

    size = set_.largest_where(fits, "matching")
    if size is None:
        return None
    left, right = widths(size)
    left_height, right_height = columns(size, left)
    top = region.top + (region.height - max(left_height, right_height)) / 2
    return [
        set_.block(Box(region.left, top, left, left_height), left_items, size, "matching", name="Items"),
        Line(Box(region.left + left + gap, top, 0, max(left_height, right_height)), "muted", set_.pt(1.0), "Rule"),
        set_.block(Box(region.left + left + 2 * gap, top, right, right_height), rights, size, "matching", name="Options"),
    ]


def _cloze_spans(question: model.ClozeQuestion, answered: bool) -> tuple[Span, ...]:
    """The cloze text with numbered gaps, or with each gap's answer in bold."""
    spans: list[Span] = []
    number = 0
    for part in model.cloze_parts(question.text):
        if isinstance(part, model.Blank):
            number += 1
            spans.append(Span(blank_answer(part), bold=True) if answered else Span(f"({number}) {GAP}"))
        else:
            spans += markup.parse(part)
    return tuple(spans)
