"""A topic far longer than two pages flows on, with every part on the page and no stranded heading."""

from __future__ import annotations

from pathlib import Path

import yaml
from pypdf import PdfReader

from guide.markup import plain_text
from tests.conftest import run_cli, squeezed
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
