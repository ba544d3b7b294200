"""Inline markup: three forms are styled, everything else prints literally; parsing is linear in the text."""

from __future__ import annotations

import itertools
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pypdf import PdfReader

from guide.markup import Span, bare_link, link_text, links, map_shown, parse, plain_text
from tests.conftest import run_cli, text_of
from tests.pdfread import link_targets


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
    assert LONG_WORD in "".join(text.split())  # broken across lines, not cut or overflowing
    deck = Presentation(tmp_path / "out" / "literal.pptx")
    shown = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert "<b>Not bold</b> & co" in shown
    assert "x < y && <font size=99>big</font> really bold" in shown
    assert "<para>fact</para>" in shown
    assert LONG_WORD in "".join(shown.split())


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "[Treaty](https://en.wikipedia.org/wiki/Treaty_of_Berlin_(1926))",
            (Span("Treaty", href="https://en.wikipedia.org/wiki/Treaty_of_Berlin_(1926)"),),
        ),
        ("(see [a](https://e.org/x))", (Span("(see "), Span("a", href="https://e.org/x"), Span(")"))),
        ("[a](https://e.org/a(b)", (Span("[a](https://e.org/a(b)"),)),  # unbalanced: no link
        ("[a](https://e.org/\\(x)", (Span("a", href="https://e.org/(x"),)),
        ("**a *b* c**", (Span("a ", bold=True), Span("b", bold=True, italic=True), Span(" c", bold=True))),
        ("[**x** y](https://e.org)", (Span("x", bold=True, href="https://e.org"), Span(" y", href="https://e.org"))),
        ("*a *a *a", (Span("*a *a *a"),)),
        ("[a[a[a", (Span("[a[a[a"),)),
        ("2 * 3 * 4", (Span("2 * 3 * 4"),)),
    ],
)
def test_markup_edge_cases(text: str, spans: tuple[Span, ...]) -> None:
    assert parse(text) == spans


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://en.wikipedia.org/wiki/Treaty_of_Berlin_(1926)", "en.wikipedia.org/wiki/Treaty_of_Berlin_(1926)"),
        ("http://www.documentarchiv.de/wr/1926/deutsch-russischer-vertrag.html", "documentarchiv.de/…/deutsch-russischer-vertrag.html"),
        ("https://example.org/a?b=1&c=<2>#top", "example.org/a"),
        ("https://example.org/", "example.org"),
        ("https://de.wikipedia.org/wiki/Berliner_Vertrag_%281926%29", "de.wikipedia.org/wiki/Berliner_Vertrag_(1926)"),
        ("https://example.org/" + "x" * 80, "example.org/" + "x" * 31 + "…"),
        ("mailto:history@example.org?subject=Treaty", "history@example.org"),
        ("https://de.wikipedia.org/wiki/M%C3%A4rz", "de.wikipedia.org/wiki/März"),
        ("https://ja.wikipedia.org/wiki/%E6%9D%A1%E7%B4%84", "ja.wikipedia.org/wiki/%E6%9D%A1%E7%B4%84"),  # no glyphs for these
    ],
)
def test_a_bare_link_shows_its_host_and_a_short_path(url: str, shown: str) -> None:
    assert link_text(url) == shown
    assert bare_link(url) == Span(shown, href=url)


def test_a_link_with_parentheses_prints_its_label_and_keeps_its_target(tmp_path: Path) -> None:
    url = "https://en.wikipedia.org/wiki/Treaty_of_Berlin_(1926)"
    topic = tmp_path / "paren.yaml"
    topic.write_text(
        f"title: T\nsummary: 'Read [the article]({url}) first.'\nkey_facts: [f]\ncontext: c\nsignificance: s\n", encoding="utf-8"
    )
    status, _, err = run_cli(topic, "--out", tmp_path / "out", "-q")
    assert status == 0, err
    sheet = PdfReader(tmp_path / "out" / "paren.pdf")
    assert "Read the article first." in text_of(sheet)
    assert url in link_targets(sheet)
    deck = Presentation(tmp_path / "out" / "paren.pptx")
    runs = [
        run
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
        for run in p.runs
    ]
    assert [run.text for run in runs if run.hyperlink.address == url] == ["the article"]


PATHOLOGICAL = {
    "unclosed italics": "*a " * 633_000,
    "unclosed links": "[a" * 950_000,
    "unclosed bold": "**a " * 475_000,
    "unclosed link targets": "[a](" * 475_000,
    "labels without targets": "[a]" * 633_000,
    "closing marks only": "a* " * 633_000,
    "one long word": "Donaudampfschifffahrt" * 90_000,
    "mixed": "*a **b [c](d ( " * 126_000,
}


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_parsing_takes_linear_time(text: str) -> None:
    """About 1.9 MB of markup that never closes: each mark must find (or miss) its partner in one step."""
    started = time.process_time()
    spans = parse(text)
    map_shown(text, str.swapcase)
    assert time.process_time() - started < 2.0
    assert "".join(span.text for span in spans) == text


def test_checking_a_topic_of_pathological_markup_is_quick(tmp_path: Path) -> None:
    """The whole check of a 1.9 MB summary (read, validate, look for links): bounded, whatever the verdict."""
    topic = tmp_path / "marks.yaml"
    summary = "*a [a **a " * 190_000
    topic.write_text(f"title: T\nsummary: '{summary}'\nkey_facts: [f]\ncontext: c\nsignificance: s\n", encoding="utf-8")
    started = time.perf_counter()
    status, _, err = run_cli(topic, "--check", "-q")
    assert time.perf_counter() - started < 2.0
    assert status in (0, 2) and "Traceback" not in err


ALPHABET = "ab *[]()\\.:/"
"""Letters, white space and every character markup gives meaning to."""


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET, max_size=40))
def test_parsing_only_ever_drops_markup_characters(text: str) -> None:
    spans = parse(text)
    shown = "".join(span.text for span in spans)
    remaining = iter(text)
    assert all(character in remaining for character in shown)  # what shows is the text, in order
    if not links(text):
        dropped = Counter(text) - Counter(shown)
        assert set(dropped) <= set("*[]()\\")
    assert all(a.text and (a.bold, a.italic, a.href) != (b.bold, b.italic, b.href) for a, b in itertools.pairwise(spans))


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ALPHABET + "ABC", max_size=40))
def test_changing_shown_text_keeps_markup_and_targets(text: str) -> None:
    assert map_shown(text, lambda shown: shown) == text
    changed = map_shown(text, str.swapcase)
    before, after = parse(text), parse(changed)
    assert [(span.text.swapcase(), span.bold, span.italic, span.href) for span in before] == [
        (span.text, span.bold, span.italic, span.href) for span in after
    ]


def escaped(text: str) -> str:
    return "".join("\\" + character if character in "\\*[]()" else character for character in text)


WORD = st.text(alphabet="ab*[]()\\.", min_size=1, max_size=6)
URL = st.builds(
    lambda path, inner: f"https://e.org/{path}({inner})", st.text(alphabet="abc_/", max_size=6), st.text(alphabet="ab0", max_size=3)
)
SEGMENT = st.one_of(
    st.tuples(st.just("plain"), st.lists(WORD, min_size=1, max_size=3).map(" ".join), st.none()),
    st.tuples(st.sampled_from(["bold", "italic"]), st.lists(WORD, min_size=1, max_size=3).map(" ".join), st.none()),
    st.tuples(st.just("link"), st.lists(WORD, min_size=1, max_size=3).map(" ".join), URL),
)


@settings(max_examples=300, deadline=None)
@given(segments=st.lists(SEGMENT, min_size=1, max_size=6))
def test_markup_written_from_spans_parses_back_into_them(segments: list[tuple[str, str, str | None]]) -> None:
    """Any styled text, written with its markup characters escaped, reads back as written."""
    written, expected = [], []
    for kind, words, url in segments:
        body = escaped(words)
        written.append({"plain": body, "bold": f"**{body}**", "italic": f"*{body}*", "link": f"[{body}]({url})"}[kind])
        expected.append(Span(words, bold=kind == "bold", italic=kind == "italic", href=url))
    merged: list[Span] = []
    spaced = [part for index, styled in enumerate(expected) for part in ((Span(" "),) if index else ()) + (styled,)]
    for span in spaced:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].href) == (span.bold, span.italic, span.href):
            merged[-1] = Span(merged[-1].text + span.text, span.bold, span.italic, span.href)
        else:
            merged.append(span)
    assert parse(" ".join(written)) == tuple(merged)
