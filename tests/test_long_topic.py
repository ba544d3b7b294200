"""A topic far longer than two pages flows on, with every part on the page and no stranded heading."""

from __future__ import annotations

import io
from pathlib import Path

import yaml
from pypdf import PdfReader

from guide.markup import plain_text
from tests.conftest import run_cli, squeezed
from tests.pagefill import runs
from tests.samples import long_topic

HEADINGS = ("What happened?", "Why does it matter?", "Timeline", "Who was involved", "Key terms", "Check your understanding", "Sources")


def build_long(tmp_path: Path) -> PdfReader:
    topic = tmp_path / "long.yaml"
    topic.write_text(yaml.safe_dump(long_topic(), sort_keys=False), encoding="utf-8")
    status, _, err = run_cli(topic, "--out", tmp_path / "out", "-q")
    assert status == 0, err
    return PdfReader(tmp_path / "out" / "long.pdf")


def test_a_long_topic_flows_onto_more_pages_with_everything_printed(tmp_path: Path) -> None:
    reader = build_long(tmp_path)
    assert len(reader.pages) > 3
    text = squeezed("".join(page.extract_text() for page in reader.pages))
    for fact in long_topic()["key_facts"]:
        assert squeezed(plain_text(fact["fact"])) in text
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {len(reader.pages)}" in page.extract_text()


def test_no_page_ends_with_a_section_heading(tmp_path: Path) -> None:
    reader = build_long(tmp_path)
    for page in reader.pages:
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith(("Page ", "A very long topic", "STUDY SHEET"))]
        assert body[-1] not in HEADINGS, body[-3:]


def long_pdfs(tmp_path: Path) -> tuple[bytes, bytes]:
    build_long(tmp_path)
    return (tmp_path / "out" / "long.pdf").read_bytes(), (tmp_path / "out" / "long-answers.pdf").read_bytes()


def test_once_the_sidebar_ends_the_questions_take_the_whole_width(tmp_path: Path) -> None:
    """Beside the sidebar a line holds some 70 characters; the questions under its end, and on pages after it, run across
    the page, so no column is left empty. Pages with the sidebar keep the main column's reading measure above it."""
    sheet, _ = long_pdfs(tmp_path)
    reader = PdfReader(io.BytesIO(sheet))
    questions = [squeezed(question["question"])[:30] for question in long_topic()["questions"]]
    across = 0
    for index in range(len(reader.pages)):
        lines = runs(sheet, index)
        side = min((run.x for run in lines if run.text in ("Sources", "Key terms", "Timeline", "Who was involved")), default=None)
        for run in lines:
            asked = any(squeezed(run.text)[:30] in question or question in squeezed(run.text) for question in questions)
            if asked and len(run.text) > WIDEST_IN_COLUMN:
                across += 1
        if side is None:  # no sidebar on the page: nothing in the main column's measure alone
            assert max(len(run.text) for run in lines) > WIDEST_IN_COLUMN, index
    assert across >= 4
    assert len(reader.pages) <= 6


WIDEST_IN_COLUMN = 80
"""Characters in the main column's longest line beside the sidebar (the reading measure is some 70)."""


def test_the_keys_key_facts_go_on_in_one_place_and_in_order(tmp_path: Path) -> None:
    """A box split over pages has one continuation a page, and its facts read back in their order."""
    _, key = long_pdfs(tmp_path)
    reader = PdfReader(io.BytesIO(key))
    for page in reader.pages:
        assert page.extract_text().count("KEY FACTS (CONT.)") <= 1
    text = squeezed("".join(page.extract_text() for page in reader.pages))
    found = [text.find(squeezed(plain_text(fact["fact"]))) for fact in long_topic()["key_facts"]]
    assert all(at >= 0 for at in found) and found == sorted(found), found
