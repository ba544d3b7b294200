"""How a topic's questions are put before a class: options, columns, items and words shuffled, the same every build.

Every printed or projected copy of a quiz (the sheet, its answer key, the deck, the web page)
asks ``arranged`` for the order of what it shows, so a key always follows its sheet. The
order is derived from the topic id, the question's place and the quiz version (``--seed``,
or ``quiz: {seed: N}`` in a theme): version 0 is the one every build gives by default, and
another number gives another class another order. Pure: no library beyond the standard one.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from guide import markup
from guide.labels import Labels
from guide.model import Blank, ChoiceQuestion, ClozeQuestion, MatchingQuestion, OpenQuestion, OrderingQuestion, Question, Topic, cloze_parts

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Arranged:
    """One question as shown: ``order`` lists the indices of its options (right column, items, bank words) in shown order."""

    number: int
    question: Question
    order: tuple[int, ...] = ()

    def shown_position(self, index: int) -> int:
        """Where the entry written at ``index`` is shown (0 first)."""
        return self.order.index(index)


def arranged(topic: Topic, seed: int = 0) -> list[Arranged]:
    """Every question of the topic, numbered from 1, with the order its entries are shown in for quiz version ``seed``."""
    return [
        Arranged(number, question, _order(question, _random(topic.id, seed, number)))
        for number, question in enumerate(topic.questions, start=1)
    ]


def typed(question: Question) -> bool:
    """Whether a question is of a type with boxes or gaps (every type but open): what a quiz paper asks."""
    return not isinstance(question, OpenQuestion)


def on_sheet(topic: Topic, seed: int = 0, quiz_on_paper: bool = True) -> list[Arranged]:
    """The questions a study sheet asks, numbered from 1: the open ones, and the typed ones too unless a quiz paper asks them."""
    return _renumbered([item for item in arranged(topic, seed) if not (quiz_on_paper and typed(item.question))])


def on_paper(topic: Topic, seed: int = 0) -> list[Arranged]:
    """The questions a quiz paper asks, numbered from 1: the typed ones."""
    return _renumbered([item for item in arranged(topic, seed) if typed(item.question)])


def as_printed(topic: Topic, seed: int = 0, quiz_on_paper: bool = True) -> tuple[list[Arranged], list[Arranged]]:
    """The questions the sheet asks and those the quiz paper asks, each numbered as the paper a class holds prints them.

    Every output that shows a number (the deck, the web page, the exports) takes it from here,
    so that "question 3" means the same question on every copy. Without a quiz paper the
    sheet asks them all and the second list is empty.
    """
    return on_sheet(topic, seed, quiz_on_paper), on_paper(topic, seed) if quiz_on_paper else []


def printed_numbers(topic: Topic, quiz_on_paper: bool = True) -> list[tuple[int, bool]]:
    """For each question in the topic's order, its number as printed and whether the quiz paper (not the sheet) asks it."""
    counted = {False: 0, True: 0}
    numbers = []
    for question in topic.questions:
        on_quiz = quiz_on_paper and typed(question)
        counted[on_quiz] += 1
        numbers.append((counted[on_quiz], on_quiz))
    return numbers


def _renumbered(items: Sequence[Arranged]) -> list[Arranged]:
    """``items`` numbered from 1 in their order, each shuffled as it is in the whole topic, so a deck and a paper agree."""
    return [replace(item, number=number) for number, item in enumerate(items, start=1)]


def _random(topic_id: str, seed: int, number: int) -> random.Random:
    """A generator of its own for each question: reordering one question never reshuffles another."""
    digest = hashlib.sha256(f"{topic_id}\x1f{seed}\x1f{number}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _order(question: Question, generator: random.Random) -> tuple[int, ...]:
    if isinstance(question, ChoiceQuestion):
        count = len(question.options)
        return _shuffled(count, generator) if question.shuffle else tuple(range(count))
    if isinstance(question, MatchingQuestion):
        return _shuffled(len(question.pairs), generator)
    if isinstance(question, OrderingQuestion):
        return _shuffled(len(question.items), generator)
    if isinstance(question, ClozeQuestion):
        return _shuffled(len(blanks(question)), generator)
    return ()


def _shuffled(count: int, generator: random.Random) -> tuple[int, ...]:
    """A shuffle of ``range(count)`` that differs from the written order whenever two or more are shuffled.

    A column to connect or items to number left as written would give the answer away.
    """
    order = list(range(count))
    generator.shuffle(order)
    if count > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return tuple(order)


def blanks(question: ClozeQuestion) -> list[Blank]:
    """The blanks of a cloze text, in order."""
    return [part for part in cloze_parts(question.text) if isinstance(part, Blank)]


def blank_answer(blank: Blank) -> str:
    """The answer a key prints for a blank: the first written, without markup."""
    return markup.plain_text(blank.answers[0])


def letter(index: int) -> str:
    """A, B, C … for the 0th, 1st, 2nd entry (questions hold far fewer than 26)."""
    return LETTERS[index]


def correct_letters(item: Arranged) -> list[str]:
    """A multiple-choice question's correct options by the letters they are shown under."""
    assert isinstance(item.question, ChoiceQuestion)
    return [letter(item.shown_position(index)) for index, option in enumerate(item.question.options) if option.correct]


def matching_key(item: Arranged) -> list[str]:
    """For each left item in written order, the letter its match is shown under in the right column."""
    return [letter(item.shown_position(index)) for index in range(len(item.order))]


def shown(entries: Sequence[str], item: Arranged) -> list[str]:
    """``entries`` (options' texts, right column, items, bank words) in the order they are shown."""
    return [entries[index] for index in item.order]


PROMPTS = {MatchingQuestion: "match_prompt", OrderingQuestion: "order_prompt", ClozeQuestion: "cloze_instruction"}
"""The label a question of a type whose text is optional is asked with, where no sheet's instruction applies (an export)."""


def default_prompt(question: Question, labels: Labels) -> str:
    """What a question without text of its own asks, in the labels' language."""
    return labels[PROMPTS.get(type(question), "question")]


DEFAULT_POINTS = 1
"""What a question without ``points`` is worth: on a paper with a total, and the exports' mark."""


def total_points(questions: Sequence[Question]) -> int | None:
    """The quiz's total, when any question says what it is worth (one point for those that do not)."""
    if not any(question.points for question in questions):
        return None
    return sum(worth(question) for question in questions)


def worth(question: Question) -> int:
    """The points a question is worth: its own, else one."""
    return question.points or DEFAULT_POINTS


def with_points(items: Sequence[Arranged]) -> list[Arranged]:
    """``items``, each saying what it is worth: on a paper that prints a total, every question shows its share of it."""
    return [replace(item, question=replace(item.question, points=worth(item.question))) for item in items]
