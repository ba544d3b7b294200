"""Typography: curly quotes and no-break spaces, in both outputs, changing nothing else."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pypdf import PdfReader

from guide import load_topic
from guide.load import named_theme
from guide.markup import links, parse, plain_text
from guide.render.pdf import render_study_sheet
from guide.render.pptx import render_deck
from guide.typography import NO_BREAK_SPACE, Typography, typeset, typeset_prose, typeset_topic
from tests.conftest import TREATY, run_cli

NB = NO_BREAK_SPACE
CURLY = set("“”‘’„‚«»‹›")


@pytest.mark.parametrize(
    ("text", "language", "printed"),
    [
        ('"Neutral," he said.', "en", "“Neutral,” he said."),
        ("Germany's army and the Joneses' house", "en", "Germany’s army and the Joneses’ house"),
        ("'Rapallo' in the '20s", "en", "‘Rapallo’ in the ’20s"),
        ("(\"a\") ['b']", "en", "(“a”) [‘b’]"),
        ('Er sagte "Neutralität".', "de", "Er sagte „Neutralität“."),
        ("\"'quoted'\"", "de", "„‚quoted‘“"),
        ('Il dit "non".', "fr", "Il dit «non»."),
        ('x < y && "bold" <b>', "en", "x < y && “bold” <b>"),
        ("Signed on 24 April 1926 in Berlin", "en", f"Signed on 24{NB}April{NB}1926 in Berlin"),
        ("am 1. Dezember 1925 unterzeichnet", "de", f"am 1.{NB}Dezember{NB}1925 unterzeichnet"),
        ("el 24 de abril de 1926", "es", f"el 24{NB}de{NB}abril{NB}de{NB}1926"),
        ("Article 2, Art. 3, p. 4, pp. 5-6, No. 7", "en", f"Article{NB}2, Art.{NB}3, p.{NB}4, pp.{NB}5-6, No.{NB}7"),
        ("in May 1933 and in April", "en", f"in May{NB}1933 and in April"),
        ("Articles of faith; up. 4; A4 paper; the A24 April road", "en", "Articles of faith; up. 4; A4 paper; the A24 April road"),
    ],
)
def test_typeset(text: str, language: str, printed: str) -> None:
    assert typeset(text, language) == printed


def test_smart_quotes_can_be_turned_off_and_dates_still_hold_together() -> None:
    assert typeset('Germany\'s "pact" of 24 April 1926', smart_quotes=False) == f'Germany\'s "pact" of 24{NB}April{NB}1926'


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("promised each other in Articles 1 to 3.", f"promised each other in Articles{NB}1 to{NB}3."),
        ("It is what it is. So we go on", f"It is what it{NB}is. So we go{NB}on"),
        ("signed in 1926.", f"signed in{NB}1926."),
        ("am 1. Dezember 1925", f"am 1.{NB}Dezember{NB}1925"),  # a day before its month is no sentence's end
        ("the Nichtangriffsvertrag ist.", "the Nichtangriffsvertrag ist."),  # too long a pair for a narrow line
        ("a long last word stays free.", "a long last word stays free."),
    ],
)
def test_a_sentences_short_last_word_keeps_to_the_word_before(text: str, printed: str) -> None:
    assert typeset(text, "de" if "Dezember" in text else "en", sentences=True) == printed
    assert typeset(text, sentences=False) == typeset(text)  # our own labels are no sentences


TOKENS = st.sampled_from(
    [
        *("'", '"', " ", "  ", "a", "Germany", "s", "24", "1", "1926", "April", "Dezember", "de", "abril"),
        *("Article", "Art.", "p.", "pp.", "No.", "(", ")", "[", "]", "*", "**", "<b>", "&", ".", ",", "—", "-"),
        *("’", "“", NB, "\t", "é", "Ж"),
    ]
)
TEXTS = st.one_of(st.text(max_size=60), st.lists(TOKENS, max_size=25).map("".join))
LANGUAGES = st.sampled_from(["en", "de", "fr", "es", "it"])


@settings(max_examples=400, deadline=None)
@given(text=TEXTS, language=LANGUAGES, smart_quotes=st.booleans(), sentences=st.booleans())
def test_typesetting_changes_only_quotes_and_spaces_and_is_idempotent(
    text: str, language: str, smart_quotes: bool, sentences: bool
) -> None:
    printed = typeset(text, language, smart_quotes, sentences)
    assert len(printed) == len(text)
    for before, after in zip(text, printed, strict=True):
        if before != after:
            assert (before in "'\"" and after in CURLY and smart_quotes) or (before == " " and after == NB)
    assert typeset(printed, language, smart_quotes, sentences) == printed


@settings(max_examples=300, deadline=None)
@given(text=st.lists(TOKENS | st.sampled_from(["[x](https://e.org/it's_(1))", "\\*", "\\'"]), max_size=20).map("".join))
def test_prose_is_typeset_as_its_shown_text_with_markup_and_targets_kept(text: str) -> None:
    printed = typeset_prose(text)
    assert plain_text(printed) == typeset(plain_text(text), sentences=True)
    assert links(printed) == links(text)
    assert [(span.bold, span.italic, span.href, len(span.text)) for span in parse(printed)] == [
        (span.bold, span.italic, span.href, len(span.text)) for span in parse(text)
    ]


def test_a_topic_is_typeset_in_its_shown_text_only() -> None:
    topic = load_topic(TREATY).topic
    printed = typeset_topic(topic, Typography())
    assert printed.questions[4].question == "Why was the treaty compared with Bismarck’s Reinsurance Treaty?"
    assert printed.summary.startswith(f"On 24{NB}April{NB}1926 Germany")
    assert printed.images == topic.images  # file and alt text stay as written
    assert printed.sources[0].url == topic.sources[0].url
    assert printed.timeline[0].date == topic.timeline[0].date
    assert typeset_topic(printed, Typography()) == printed
    assert typeset_topic(topic, Typography(smart_quotes=False)).questions[4].question == topic.questions[4].question


QUOTED = "title: Germany's pact\nsummary: 'The \"pact\" of 24 April 1926, see Article 2.'\nkey_facts: [f]\ncontext: c\nsignificance: s\n"


def test_both_outputs_print_curly_quotes_and_keep_dates_together(tmp_path: Path) -> None:
    path = tmp_path / "quoted.yaml"
    path.write_text(QUOTED, encoding="utf-8")
    topic = load_topic(path).topic
    sheet = PdfReader(io.BytesIO(render_study_sheet(topic, named_theme())))
    printed = "".join(page.extract_text() for page in sheet.pages)
    assert "Germany’s pact" in printed and "The “pact” of 24" in printed
    assert "Germany's" not in printed and '"' not in printed
    deck = Presentation(io.BytesIO(render_deck(topic, named_theme())))
    shown = "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert "Germany’s pact" in shown
    assert f"The “pact” of 24{NB}April{NB}1926, see Article{NB}2." in shown


def test_a_theme_that_turns_smart_quotes_off_keeps_them_straight(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "plain.yaml").write_text("typesetting: {smart_quotes: false}\n", encoding="utf-8")
    theme = named_theme(str(tmp_path / "plain.yaml"))
    assert theme.typography == Typography(smart_quotes=False)
    path = tmp_path / "quoted.yaml"
    path.write_text(QUOTED, encoding="utf-8")
    topic = load_topic(path).topic
    sheet = PdfReader(io.BytesIO(render_study_sheet(topic, theme)))
    assert "Germany's pact" in "".join(page.extract_text() for page in sheet.pages)
    deck = Presentation(io.BytesIO(render_deck(topic, dataclasses.replace(named_theme(), typography=theme.typography))))
    assert 'The "pact"' in "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)


def test_a_theme_typesetting_key_is_checked(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    theme = tmp_path / "bad.yaml"
    theme.write_text("typesetting: {smart_quotes: maybe, smart_qoutes: true}\n", encoding="utf-8")
    status, _, err = run_cli(TREATY, "--theme", theme, "--check", "-q")
    assert status == 2
    assert f"{theme}:1:15: typesetting.smart_quotes: expected true or false, got 'maybe'" in err
    assert f"{theme}:1:36: typesetting.smart_qoutes: unknown key 'smart_qoutes'; did you mean 'smart_quotes'?" in err
