"""Hyphenation: patterns parsed as words look them up break words exactly where pyphen's own parse and walk do."""

from __future__ import annotations

import copy
from pathlib import Path

import pyphen
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from guide.hyphenation import Hyphenator, LazyPatterns, patterns_of, protected
from guide.session import BuildSession

LANGUAGES = ("en_GB", "en_US", "de_DE", "de_CH", "fr", "es", "nl_NL", "ru_RU")
"""English (the default), the other languages of built-in labels, languages with accents, and Cyrillic."""


def _dictionary(language: str) -> Path:
    return Path(pyphen.LANGUAGES[language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_pattern_is_what_pyphen_makes_of_it(language: str) -> None:
    ours = _patterns(language)
    theirs = pyphen.HyphDict(_dictionary(language))
    assert isinstance(ours, LazyPatterns)  # read lazily, not handed to pyphen
    assert ours.longest == theirs.maxlen
    assert {letters: ours.get(letters) for letters in theirs.patterns} == theirs.patterns
    assert ours.get("no such pattern") is None


def _patterns(language: str) -> LazyPatterns | pyphen.Pyphen:
    path = _dictionary(language)
    return patterns_of(path, path.read_bytes())


def test_a_dictionary_with_nonstandard_breaks_is_parsed_by_pyphen() -> None:
    """Catalan drops the middle dot of ``l·l`` where the word breaks: pyphen's parse handles such breaks."""
    hyphenator = _patterns("ca")
    assert not isinstance(hyphenator, LazyPatterns)
    assert list(hyphenator.iterate("col·lecció")) == list(pyphen.Pyphen(lang="ca").iterate("col·lecció"))
    assert ("col", "lecció") in list(hyphenator.iterate("col·lecció"))  # the middle dot goes where the word breaks


LETTERS = "abcdefghijklmnopqrstuvwxyzéèüößçñабвгдежзийклмнопрстуфхцчшщъыьэюя"
WORDS = st.lists(st.text(alphabet=LETTERS, min_size=1, max_size=24), min_size=1, max_size=20)


@pytest.mark.parametrize("language", ["en", "de", "fr", "es", "nl", "ru"])
def test_words_break_where_pyphen_breaks_them(language: str) -> None:
    """Random words, and words made of the dictionary's own patterns, so that many patterns meet in one word."""
    ours, theirs = Hyphenator(language, BuildSession()), pyphen.Pyphen(lang=language)
    pieces = sorted({letters.strip(".") for letters in theirs.hd.patterns} - {""})
    made_of_patterns = st.lists(st.lists(st.sampled_from(pieces), min_size=1, max_size=5).map("".join), min_size=1, max_size=20)

    @settings(max_examples=40, deadline=None)
    @given(words=WORDS | made_of_patterns)
    def breaks_alike(words: list[str]) -> None:
        for word in [*words, *(word.capitalize() for word in words)]:
            assert list(ours(word)) == ([] if protected(word, language) else list(theirs.iterate(word)))

    breaks_alike()


def test_the_styles_of_a_session_read_a_language_once(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[Path] = []

    def reading(path: Path, data: bytes) -> LazyPatterns | pyphen.Pyphen:
        read.append(path)
        return patterns_of(path, data)

    monkeypatch.setattr("guide.hyphenation.patterns_of", reading)
    session = BuildSession()
    for hyphenator in (Hyphenator("en", session), Hyphenator("en", session), Hyphenator("en", BuildSession())):
        assert list(hyphenator("financial"))
    assert len(read) == 2  # once for each session


def test_copies_of_a_style_share_one_hyphenator() -> None:
    hyphenator = Hyphenator("en", BuildSession())
    assert copy.deepcopy({"style": hyphenator})["style"] is hyphenator


def test_names_never_break_but_long_german_nouns_do() -> None:
    english, german = Hyphenator("en", BuildSession()), Hyphenator("de", BuildSession())
    for name in ("Locarno", "Berlin", "Stresemann", "Krestinsky", "USSR"):
        assert list(english(name)) == []
        assert list(german(name)) == []
    assert list(english("financial"))
    assert list(german("Nichtangriffspakt"))


def test_a_paragraph_split_at_a_page_end_never_leaves_half_a_word_behind() -> None:
    """The line that would end the page in a broken word goes on to the next page with the rest of the word."""
    from reportlab.lib.styles import ParagraphStyle

    from guide.render.pdf.internals import Paragraph

    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=12, hyphenationLang=Hyphenator("en", BuildSession()))  # type: ignore[arg-type]
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
