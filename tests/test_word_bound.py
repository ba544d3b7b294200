"""A word longer than MAX_WORD_CHARS is refused, counted as printed: a link's address is not part of its word."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from guide.errors import InputError, quoted
from guide.load.topic import load_topic
from guide.model import MAX_WORD_CHARS
from tests.samples import minimal_topic

LONG_ADDRESS = "https://example.org/" + "a" * MAX_WORD_CHARS


def problems(tmp_path: Path, fact: str) -> list[str]:
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump({**minimal_topic(), "key_facts": [fact]}, sort_keys=False), encoding="utf-8")
    try:
        load_topic(path)
    except InputError as error:
        return [f"{problem.field}: {problem.message}" for problem in error.problems]
    return []


@pytest.mark.parametrize(
    "fact",
    [
        "a" * MAX_WORD_CHARS,
        "short " + "b" * MAX_WORD_CHARS + " short",
        f"See [the treaty]({LONG_ADDRESS}) for more.",
        " ".join(["word"] * 200),
    ],
)
def test_words_up_to_the_bound_are_accepted(tmp_path: Path, fact: str) -> None:
    assert problems(tmp_path, fact) == []


def test_the_first_longest_word_is_named(tmp_path: Path) -> None:
    first, second = "c" * (MAX_WORD_CHARS + 5), "d" * (MAX_WORD_CHARS + 5)
    found = problems(tmp_path, f"x {first} y {second} {'e' * (MAX_WORD_CHARS + 1)}")
    assert found == [f"key_facts[0]: has a word of {MAX_WORD_CHARS + 5:,} characters ({quoted(first)}); words are at most {MAX_WORD_CHARS}"]


def test_a_long_word_beside_a_link_is_refused(tmp_path: Path) -> None:
    word = "f" * (MAX_WORD_CHARS + 1)
    found = problems(tmp_path, f"[x]({LONG_ADDRESS}) {word}")
    assert found == [f"key_facts[0]: has a word of {MAX_WORD_CHARS + 1:,} characters ({quoted(word)}); words are at most {MAX_WORD_CHARS}"]
