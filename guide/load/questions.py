"""What a question's keys cannot say alone: a correct option, enough pairs and items, real blanks, lists built from the topic.

Checked on the data as read (any shape tolerated, the schema's own refusals come later), so
that every problem of a file is reported at once; ``from: glossary`` and ``from: timeline`` are
turned into pairs and items once the topic is valid, so renderers only ever see lists.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from guide.errors import Location, Origin, Problem
from guide.model import MAX_BLANKS, MAX_PAIRS, Blank, MatchingQuestion, OrderingQuestion, Pair, Question, Topic, cloze_parts
from guide.records import BOOLEAN_SPELLINGS

LISTS = {"matching": ("pairs", "glossary", "pairs", "a matching"), "ordering": ("items", "timeline", "items", "an ordering")}
"""Per question type: the key of its own list, the topic list ``from:`` may name, what its entries are called, and what it is."""


def question_problems(data: dict[str, Any], origin: Origin) -> list[Problem]:
    """Every problem of the topic's questions the record classes cannot see, at its line."""
    questions = data.get("questions")
    if not isinstance(questions, list):
        return []
    found: list[tuple[Location, str]] = []
    for index, question in enumerate(questions):
        if isinstance(question, dict):
            found += ((("questions", index, *where), message) for where, message in _problems(question, data))
    return [origin.problem(location, message) for location, message in found]


def _problems(question: dict[str, Any], data: dict[str, Any]) -> Iterator[tuple[Location, str]]:
    kind = question.get("type", "open")
    if kind == "multiple_choice":
        options = question.get("options")
        if isinstance(options, list) and len(options) >= 2 and not any(_correct(option) for option in options):
            yield ("options",), "no option is marked correct; mark at least one with 'correct: true'"
    elif kind in LISTS:
        yield from _list_problems(question, data, *LISTS[kind])
    elif kind == "cloze" and isinstance(question.get("text"), str):
        yield from _blank_problems(question["text"])


def _correct(option: Any) -> bool:
    flag = option.get("correct") if isinstance(option, dict) else None
    return isinstance(flag, str) and BOOLEAN_SPELLINGS.get(flag.lower()) is True


def _list_problems(
    question: dict[str, Any], data: dict[str, Any], key: str, topic_list: str, entries: str, kind: str
) -> Iterator[tuple[Location, str]]:
    """A matching's pairs or an ordering's items: given or built, never both, at least two."""
    own, built = question.get(key), question.get("from")
    if own is not None and built is not None:
        yield ("from",), f"give either '{key}' or 'from: {topic_list}', not both"
    elif built == topic_list:
        listed = data.get(topic_list)
        count = len(listed) if isinstance(listed, list) else 0
        if count < 2:
            yield ("from",), f"the topic's {topic_list} has {count} {_entry_word(topic_list, count)}; {kind} needs at least 2"
        elif count > MAX_PAIRS:
            yield ("from",), f"the topic's {topic_list} has {count} entries; {kind} holds at most {MAX_PAIRS} (list the {entries} instead)"
    elif built is None and own is None:
        yield (), f"{kind} needs '{key}' (at least 2) or 'from: {topic_list}'"
    elif isinstance(own, list) and len(own) < 2:
        yield (key,), f"{kind} needs at least 2 {entries}, got {len(own)}"


def _entry_word(topic_list: str, count: int) -> str:
    word = "term" if topic_list == "glossary" else "event"
    return word if count == 1 else f"{word}s"


def _blank_problems(written: str) -> Iterator[tuple[Location, str]]:
    if written.count("[[") != written.count("]]"):
        yield ("text",), "a blank is not closed; write each one as [[answer]]"
        return
    blanks = [part for part in cloze_parts(written) if isinstance(part, Blank)]
    if not blanks:
        yield ("text",), "has no blank; mark each missing word as [[answer]]"
    elif len(blanks) > MAX_BLANKS:
        yield ("text",), f"has {len(blanks)} blanks; at most {MAX_BLANKS} are allowed"
    for number, blank in enumerate(blanks, start=1):
        if not blank.answers:
            yield ("text",), f"blank {number} is empty; write the missing word between [[ and ]]"


def with_built_lists(topic: Topic) -> Topic:
    """The topic with each ``from: glossary`` matching given its pairs and each ``from: timeline`` ordering its items."""
    if not any(getattr(question, "from_", None) for question in topic.questions):
        return topic
    return replace(topic, questions=tuple(_built(question, topic) for question in topic.questions))


def _built(question: Question, topic: Topic) -> Question:
    if isinstance(question, MatchingQuestion) and question.from_ == "glossary":
        return replace(question, pairs=tuple(Pair(left=entry.term, right=entry.definition) for entry in topic.glossary))
    if isinstance(question, OrderingQuestion) and question.from_ == "timeline":
        return replace(question, items=tuple(entry.event for entry in topic.timeline))
    return question
