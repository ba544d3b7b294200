"""Every input has a stated bound: text per field and per word, items per list, text per topic,
nesting, key length and label formats. Each is refused at its line with the bound in the
message, quickly, without a traceback, and the valid topic beside it is still built."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from guide.load.reader import MAX_DEPTH, MAX_KEY_CHARS
from guide.model import (
    MAX_ANSWER_LINES,
    MAX_CREDIT_CHARS,
    MAX_DATE_CHARS,
    MAX_ENTRY_CHARS,
    MAX_EXCERPT_CHARS,
    MAX_FIGURE_CHARS,
    MAX_ITEMS,
    MAX_LINE_CHARS,
    MAX_NAME_CHARS,
    MAX_OBJECTIVE_CHARS,
    MAX_PARAGRAPH_CHARS,
    MAX_TOPIC_CHARS,
    MAX_URL_CHARS,
    MAX_WORD_CHARS,
)
from tests.conftest import HANG_GUARD_S, TREATY, files_outside, run_cli

MINIMAL = "title: T\nsummary: S\nkey_facts: [f]\ncontext: c\nsignificance: s\n"
FAST_S = 5.0
"""Each refusal is decided before any rendering: far quicker than a build."""


def check_refused(tmp_path: Path, text: str, expected: str, *options: str) -> str:
    """Build the hostile topic beside the treaty; the hostile one is refused with ``expected``, the treaty built."""
    source = tmp_path / "source"
    if not source.exists():
        shutil.copytree(TREATY.parent, source, ignore=shutil.ignore_patterns("courses"))
        (source / TREATY.name).rename(source / "treaty.yaml")
    (source / "hostile.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    before = files_outside(tmp_path, out)
    started = time.perf_counter()
    status, stdout, err = run_cli(source / "hostile.yaml", source / "treaty.yaml", "--out", out, "--format", "pdf", *options)
    assert files_outside(tmp_path, out) == before
    assert time.perf_counter() - started < FAST_S + HANG_GUARD_S
    assert status == 2, err
    assert expected in err, err
    assert "Traceback" not in err + stdout
    assert len(err) < 2_000, "a message quotes a bounded part of what was written"
    written = sorted(path.name for path in out.iterdir() if not path.name.startswith("."))
    assert written == ["treaty-answers.pdf", "treaty-quiz-answers.pdf", "treaty-quiz.pdf", "treaty.pdf"]
    return err


@pytest.mark.parametrize(
    ("field", "line", "words", "bound"),
    [("title", 1, 1_500, MAX_LINE_CHARS), ("summary", 2, 180_000, MAX_PARAGRAPH_CHARS)],
    ids=["title-of-1500-words", "summary-of-nearly-2-MB"],
)
def test_a_field_far_over_its_length_is_a_message_at_its_line_not_a_render_failure(
    tmp_path: Path, field: str, line: int, words: int, bound: int
) -> None:
    value = " ".join(["Neutrality"] * words)
    text = MINIMAL.replace(f"{field}: {field[0].upper()}", f"{field}: {value}")
    check_refused(tmp_path, text, f"hostile.yaml:{line}:1: {field}: is {len(value):,} characters long; at most {bound:,} are allowed here")


@pytest.mark.parametrize(
    ("word", "where"),
    [("Z" * 3_000, "summary"), ("Z" + "\u0301" * 1_000, "summary"), ("x" * 5_000, "title")],
    ids=["3000-characters", "1000-combining-marks", "5000-in-title"],
)
def test_one_long_word_is_refused_at_its_field(tmp_path: Path, word: str, where: str) -> None:
    text = MINIMAL.replace(f"{where}: {where[0].upper()}", f"{where}: A {word} B")
    line = 2 if where == "summary" else 1
    check_refused(tmp_path, text, f"hostile.yaml:{line}:1: {where}: has a word of {len(word):,} characters")
    assert len(word) > MAX_WORD_CHARS


def test_a_link_address_of_10000_characters_is_refused(tmp_path: Path) -> None:
    url = "https://example.org/" + "a" * 10_000
    text = MINIMAL + f"sources:\n  - {{citation: C, url: '{url}'}}\n"
    check_refused(tmp_path, text, f"sources[0].url: is {len(url):,} characters long; at most {MAX_URL_CHARS} are allowed")
    inline = url[:2_500]
    prose = MINIMAL.replace("summary: S", f"summary: 'See [this]({inline}).'")
    check_refused(tmp_path, prose, f"summary: a link's address is {len(inline):,} characters long; at most {MAX_URL_CHARS}")


def test_a_long_address_in_a_link_is_not_a_long_word(tmp_path: Path) -> None:
    url = "https://example.org/" + "a" * (MAX_WORD_CHARS + 50)
    topic = tmp_path / "linked.yaml"
    topic.write_text(MINIMAL.replace("summary: S", f"summary: 'See [this]({url}).'"), encoding="utf-8")
    status, _, err = run_cli(topic, "--check")
    assert status == 0, err


@pytest.mark.parametrize(
    ("section", "item"), [("timeline", "{date: '1926', event: E}"), ("key_facts", "F"), ("glossary", "{term: T, definition: D}")]
)
def test_a_list_longer_than_its_bound_is_refused(tmp_path: Path, section: str, item: str) -> None:
    count = 10_000
    entries = "".join(f"  - {item}\n" for _ in range(count))
    text = MINIMAL.replace("key_facts: [f]\n", "") + ("key_facts: [f]\n" if section != "key_facts" else "") + f"{section}:\n{entries}"
    check_refused(tmp_path, text, f"{section}: lists {count:,} items; at most {MAX_ITEMS[section]} are allowed")


def test_a_topic_holding_more_text_than_a_sheet_and_deck_bear_is_refused(tmp_path: Path) -> None:
    paragraph = " ".join(["neutrality"] * 250)
    facts = "".join(f"  - {paragraph}\n" for _ in range(MAX_ITEMS["key_facts"]))
    paragraphs = "".join(f"  - {paragraph}\n" for _ in range(MAX_ITEMS["paragraphs"]))
    text = f"title: T\nsummary: S\nkey_facts:\n{facts}context:\n{paragraphs}significance:\n{paragraphs}"
    err = check_refused(tmp_path, text, "hostile.yaml:1:1: the topic holds 274,9")
    assert f"characters of text; at most {MAX_TOPIC_CHARS:,} fit a sheet and a deck" in err


@pytest.mark.parametrize(
    "text",
    ["title: " + "[" * 20_000 + "]" * 20_000 + "\n", "- " * 20_000 + "x\n", "\ufefftitle: " + "[" * 20_000 + "]" * 20_000 + "\n"],
    ids=["flow", "block", "flow-after-byte-order-mark"],
)
def test_nesting_20000_deep_is_a_clean_error(tmp_path: Path, text: str) -> None:
    check_refused(tmp_path, text, "the document nests deeper than")
    assert MAX_DEPTH < 20_000


def test_a_key_of_a_million_characters_gets_a_short_message(tmp_path: Path) -> None:
    err = check_refused(tmp_path, MINIMAL + "? " + "k" * 1_000_000 + "\n: 1\n", "a key of 1000000 characters ('kkkk")
    assert f"keys are at most {MAX_KEY_CHARS}" in err


@pytest.mark.parametrize("label", ["{page:>100000000}", "{page:s}", "{page!r}", "{page} {pages:,}", "{0}", "{page.real}"])
def test_a_page_label_holds_only_page_and_pages_as_they_are(tmp_path: Path, label: str) -> None:
    theme = tmp_path / "theme.yaml"
    theme.write_text(f"labels: {{page_of: '{label}'}}\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    started = time.perf_counter()
    status, stdout, err = run_cli(TREATY, "--theme", theme, "--out", tmp_path / "out")
    assert time.perf_counter() - started < HANG_GUARD_S
    assert status == 2
    assert "theme.yaml:1:10: labels.page_of: may hold only {page} and {pages}" in err
    assert "Traceback" not in err + stdout
    assert not (tmp_path / "out").exists()


def test_the_readme_states_every_bound() -> None:
    from guide import bounded_glob, cmap, image_chunks, package_check
    from guide.inputs import MAX_COURSE_TOPICS
    from guide.load import reader
    from guide.load.course import MAX_PATTERNS
    from guide.manifest import MAX_MANIFEST_BYTES
    from guide.model import MAX_ID_CHARS
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    limits = readme[readme.index("### Limits") :].split("\n## ", 1)[0]
    stated = [
        f"{reader.MAX_FILE_BYTES // 1_000_000} MB",
        f"{reader.MAX_VALUES:,} values",
        f"{reader.MAX_DEPTH} levels",
        f"| a key | {MAX_KEY_CHARS} characters",
        f"| {MAX_LINE_CHARS} characters",
        f"| {MAX_PARAGRAPH_CHARS:,} characters",
        f"| {MAX_NAME_CHARS} / {MAX_DATE_CHARS} characters",
        f"| {MAX_ENTRY_CHARS:,} characters",
        f"| {MAX_WORD_CHARS} characters",
        f"| {MAX_URL_CHARS} characters",
        f"| {MAX_ID_CHARS} characters",
        f"| {MAX_ITEMS['parties']} / {MAX_ITEMS['key_facts']} / {MAX_ITEMS['paragraphs']} each",
        " / ".join(str(MAX_ITEMS[name]) for name in ("timeline", "people", "glossary", "questions", "sources", "images", "sources")),
        f"| {MAX_ITEMS['objectives']} / {MAX_ITEMS['excerpts']} |",
        f"| {MAX_OBJECTIVE_CHARS} / {MAX_EXCERPT_CHARS:,} characters",
        f"| {MAX_CREDIT_CHARS} / {MAX_FIGURE_CHARS} characters",
        f"a whole number from 1 to {MAX_ANSWER_LINES}",
        f"| {MAX_TOPIC_CHARS:,} characters",
        f"looks at {bounded_glob.MAX_SCANNED:,} files and folders, matches {bounded_glob.MAX_MATCHES:,} files",
        f"`**` descends {bounded_glob.MAX_DEPTH} folders",
        f"a course lists {MAX_PATTERNS} patterns and {MAX_COURSE_TOPICS:,} topics at most",
        f"{image_chunks.MAX_IMAGE_BYTES // 1_000_000} MB, 40 megapixels, {image_chunks.MAX_CHUNKS:,} chunks",
        f"colour profile {image_chunks.MAX_METADATA_BYTES // 1_000_000} MB",
        f"metadata {image_chunks.MAX_JPEG_METADATA_BYTES // 1_000_000} MB",
        f"{cmap.MAX_FONT_BYTES // 1_000_000} MB, {cmap.MAX_TABLES} tables",
        f"{cmap.MAX_SUBTABLES} character-map subtables",
        f"| {package_check.MAX_FILE_BYTES // 1_000_000} MB; {package_check.MAX_MEMBERS:,} parts",
        f"one part {package_check.MAX_MEMBER_BYTES // 1_000_000} MB and all {package_check.MAX_TOTAL_BYTES // 1_000_000} MB",
        f"over {package_check.RATIO_FLOOR // 1_000_000} MB at most {package_check.MAX_RATIO} times",
        f"| {MAX_MANIFEST_BYTES // 1_000_000} MB",
    ]
    for text in stated:
        assert text in limits, text


def test_a_topic_with_every_field_at_its_bound_renders(tmp_path: Path) -> None:
    """Every bound holds what both outputs can draw: a title band, a box, a row of the timeline
    at full length, with words at their longest, still fits a page; nothing fails to render."""
    word = "Z" * MAX_WORD_CHARS

    def text(length: int) -> str:
        return ((word + " Neutrality ") * (length // MAX_WORD_CHARS + 1))[: length - 1].strip() + "."

    line, name, date, paragraph, entry, objective, excerpt, credit = (
        text(n)
        for n in (
            MAX_LINE_CHARS, MAX_NAME_CHARS, MAX_DATE_CHARS, MAX_PARAGRAPH_CHARS, MAX_ENTRY_CHARS,
            MAX_OBJECTIVE_CHARS, MAX_EXCERPT_CHARS, MAX_CREDIT_CHARS,
        )
    )  # fmt: skip
    topic = {
        "title": line, "subtitle": line, "place": line, "author": line, "date": date,
        "parties": [name] * MAX_ITEMS["parties"],
        "summary": paragraph,
        "objectives": [objective] * 2,
        "key_facts": [{"fact": paragraph, "figure": "5" * MAX_FIGURE_CHARS, "detail": paragraph}],
        "context": [{"text": paragraph, "slide": entry}],
        "significance": paragraph,
        "timeline": [{"date": date, "event": entry}] * 2,
        "people": [{"name": line, "role": entry, "native_name": line}],
        "glossary": [{"term": line, "definition": entry}],
        "questions": [{"question": entry, "answer": paragraph, "lines": MAX_ANSWER_LINES}],
        "excerpts": [{"text": excerpt, "source": "text", "attribution": credit, "section": "context"}],
        "sources": [{"id": "text", "citation": entry, "url": "https://example.org/" + "a" * (MAX_URL_CHARS - 20)}],
        "notes": {"context": paragraph},
    }  # fmt: skip
    path = tmp_path / "bounds.yaml"
    path.write_text(json.dumps(topic), encoding="utf-8")  # JSON is YAML
    started = time.perf_counter()
    status, _, err = run_cli(path, "--out", tmp_path / "out")
    assert time.perf_counter() - started < HANG_GUARD_S
    assert status == 0, err
    assert sorted(child.name for child in (tmp_path / "out").iterdir() if not child.name.startswith(".")) == [
        "bounds-answers.pdf",
        "bounds.pdf",
        "bounds.pptx",
    ]
