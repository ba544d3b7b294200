"""Hyphenation: patterns parsed as words look them up break words exactly where pyphen's own parse does."""

from __future__ import annotations

import copy
from pathlib import Path

import pyphen
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.hyphenation import Hyphenator, LazyPatterns, patterns_of

LANGUAGES = ("en_GB", "en_US", "fr", "es", "nl_NL", "ru_RU")
"""English (the default), languages with accents, and Cyrillic."""


def _dictionary(language: str) -> Path:
    return Path(pyphen.LANGUAGES[language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_pattern_is_what_pyphen_makes_of_it(language: str) -> None:
    ours = patterns_of(_dictionary(language)).hd
    theirs = pyphen.HyphDict(_dictionary(language))
    assert isinstance(ours.patterns, LazyPatterns)  # read lazily, not handed to pyphen
    assert ours.maxlen == theirs.maxlen
    assert {letters: ours.patterns.get(letters) for letters in theirs.patterns} == theirs.patterns
    assert ours.patterns.get("no such pattern") is None


def test_a_dictionary_with_nonstandard_breaks_is_parsed_by_pyphen() -> None:
    """Catalan drops the middle dot of ``l·l`` where the word breaks: pyphen's parse handles such breaks."""
    hyphenator = patterns_of(_dictionary("ca"))
    assert not isinstance(hyphenator.hd.patterns, LazyPatterns)
    assert list(hyphenator.iterate("col·lecció")) == list(pyphen.Pyphen(lang="ca").iterate("col·lecció"))
    assert ("col", "lecció") in list(hyphenator.iterate("col·lecció"))  # the middle dot goes where the word breaks


WORDS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèüößçñ", min_size=1, max_size=24), min_size=1, max_size=20)


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_words_break_where_pyphen_breaks_them(language: str) -> None:
    ours, theirs = Hyphenator(language), pyphen.Pyphen(lang=language)

    @settings(max_examples=40, deadline=None)
    @given(words=WORDS)
    def breaks_alike(words: list[str]) -> None:
        for word in [*words, *(word.capitalize() for word in words)]:
            assert list(ours(word)) == list(theirs.iterate(word))

    breaks_alike()


def test_copies_of_a_style_share_one_hyphenator() -> None:
    hyphenator = Hyphenator("en")
    assert copy.deepcopy({"style": hyphenator})["style"] is hyphenator
