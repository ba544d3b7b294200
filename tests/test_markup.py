"""Inline markup: three forms are styled, everything else prints literally in the PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from guide.markup import Span, parse, plain_text
from tests.conftest import run_cli, text_of


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


def test_markup_like_text_prints_literally(tmp_path: Path) -> None:
    topic = tmp_path / "literal.yaml"
    topic.write_text(
        'title: "<b>Not bold</b> & co"\n'
        'summary: "x < y && <font size=99>big</font> **really bold**"\n'
        "key_facts: ['<para>fact</para>']\n"
        "context: c\nsignificance: s\n",
        encoding="utf-8",
    )
    status, _, err = run_cli(topic, "--out", tmp_path / "out", "-q")
    assert status == 0, err
    text = text_of(PdfReader(tmp_path / "out" / "literal.pdf"))
    assert "<b>Not bold</b> & co" in text
    assert "x < y && <font size=99>big</font> really bold" in text
    assert "<para>fact</para>" in text
