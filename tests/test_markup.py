"""Inline markup: three forms are styled, everything else prints literally in the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from guide.markup import Span, parse, plain_text
from tests.conftest import run_cli, squeezed, text_of


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("plain", (Span("plain"),)),
        ("a **b** c", (Span("a "), Span("b", bold=True), Span(" c"))),
        ("*i*", (Span("i", italic=True),)),
        ("[x](https://e.org)", (Span("x", href="https://e.org"),)),
        ("[**x**](https://e.org)", (Span("x", bold=True, href="https://e.org"),)),
        ("a ** b **", (Span("a ** b **"),)),
        (r"\*not italic\*", (Span("*not italic*"),)),
        ("<font size=99> & <b>", (Span("<font size=99> & <b>"),)),
    ],
)
def test_markup_parses_into_spans(text: str, spans: tuple[Span, ...]) -> None:
    assert parse(text) == spans


def test_plain_text_drops_only_markup() -> None:
    assert plain_text("The **Treaty** of [Berlin](https://e.org)") == "The Treaty of Berlin"


LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänswitwe" * 4


def test_markup_like_text_prints_literally_in_both_outputs(tmp_path: Path) -> None:
    topic = tmp_path / "literal.yaml"
    topic.write_text(
        'title: "<b>Not bold</b> & co"\n'
        'summary: "x < y && <font size=99>big</font> **really bold**"\n'
        f"key_facts: ['<para>fact</para>', 'A {LONG_WORD} breaks']\n"
        "context: c\nsignificance: s\n",
        encoding="utf-8",
    )
    status, _, err = run_cli(topic, "--out", tmp_path / "out", "-q")
    assert status == 0, err
    text = text_of(PdfReader(tmp_path / "out" / "literal.pdf"))
    assert "<b>Not bold</b> & co" in text
    assert "x < y && <font size=99>big</font> really bold" in text
    assert "<para>fact</para>" in text
    assert LONG_WORD in squeezed(text)  # broken across lines (hyphenated), not cut or overflowing
    deck = Presentation(tmp_path / "out" / "literal.pptx")
    shown = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert "<b>Not bold</b> & co" in shown
    assert "x < y && <font size=99>big</font> really bold" in shown
    assert "<para>fact</para>" in shown
    assert LONG_WORD in "".join(shown.split())
