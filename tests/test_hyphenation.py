"""Hyphenation: patterns parsed as words look them up break words exactly where pyphen's own parse does."""

from __future__ import annotations

import copy
from pathlib import Path

import pyphen
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.hyphenation import Hyphenator, LazyPatterns, patterns_of, protected

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
            assert list(ours(word)) == ([] if protected(word, language) else list(theirs.iterate(word)))

    breaks_alike()


def test_copies_of_a_style_share_one_hyphenator() -> None:
    hyphenator = Hyphenator("en")
    assert copy.deepcopy({"style": hyphenator})["style"] is hyphenator


def test_names_never_break_but_long_german_nouns_do() -> None:
    english, german = Hyphenator("en"), Hyphenator("de")
    for name in ("Locarno", "Berlin", "Stresemann", "Krestinsky", "USSR"):
        assert list(english(name)) == []
        assert list(german(name)) == []
    assert list(english("financial"))
    assert list(german("Nichtangriffspakt"))


def test_a_paragraph_split_at_a_page_end_never_leaves_half_a_word_behind() -> None:
    """The line that would end the page in a broken word goes on to the next page with the rest of the word."""
    from reportlab.lib.styles import ParagraphStyle

    from guide.render.pdf.internals import Paragraph

    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12, hyphenationLang=Hyphenator("en"))  # type: ignore[arg-type]
    text = "The international financial consequences of the agreement were considerable and unprecedented for everybody " * 4
    for width in range(120, 200, 7):
        paragraph = Paragraph(text, style)
        paragraph.wrap(width, 1e4)
        broken = [line for line in paragraph.blPara.lines if line[1][-1].endswith("-")]
        assert broken  # the text does break words at these widths
        for room in range(30, 120, 12):
            parts = paragraph.split(width, room)
            if parts:
                parts[0].wrap(width, 1e4)
                assert not parts[0].blPara.lines[-1][1][-1].endswith("-")
