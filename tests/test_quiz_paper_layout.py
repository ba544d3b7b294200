"""How a quiz paper and its teacher's copy read on paper: read back from the PDFs, line by line.

A line never ends in a gap's lone number; options short enough sit on one line each; a page
whose questions could be spread does not leave its foot empty.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from guide.load import load_topic, named_theme
from guide.render.pdf.quiz_paper import render_quiz, render_quiz_answers
from tests.conftest import TREATY
from tests.pdfread import text_lines
from tests.samples import minimal_topic
from tests.test_sheet_layout import topic_from

THEMES = ("classic", "modern", "print")
SIZES = ("a4", "letter")
LONE_ENUMERATOR = re.compile(r"(^|\s)\(\d{1,2}\)$")
"""What must not end a line apart from the word it numbers: "(4)" (a year in brackets, "(1926)", is no enumerator)."""


def lines_of(pdf: bytes) -> list[str]:
    """Every page's lines, in order (see ``text_lines``)."""
    return [line for index in range(len(PdfReader(io.BytesIO(pdf)).pages)) for line in text_lines(pdf, index)]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_no_line_of_the_treatys_teachers_copy_ends_in_a_lone_number(theme: str, size: str) -> None:
    """The cloze's answer "(1) Berlin; … (4) five / 5" breaks between gaps, never after "(4)"; "1, 2, 3 …" stays whole."""
    look = named_theme(theme).with_page_size(size)
    topic = load_topic(TREATY).topic
    for pdf in (render_quiz(topic, look), render_quiz_answers(topic, look)):
        lines = lines_of(pdf)
        assert any("(4)" in line for line in lines)
        ended = [line for line in lines if LONE_ENUMERATOR.search(line)]
        assert not ended, ended
        assert not [line for line in lines if line.startswith(("/", "…"))]


def test_a_long_cloze_breaks_its_answer_between_gaps_at_any_width(tmp_path: Path) -> None:
    """Twelve gaps whose answers run over several lines: each number stays with its answer, each "/" with its alternatives."""
    words = ["Berlin", "Moscow", "the League of Nations", "Rapallo", "neutrality", "Locarno"]
    text = " ".join(f"Part {index} was [[{words[index % 6]}|{index}|alt {index}]]." for index in range(12))
    topic = topic_from({**minimal_topic(), "questions": [{"type": "cloze", "text": text}]}, tmp_path)
    for size in SIZES:
        lines = lines_of(render_quiz_answers(topic, named_theme().with_page_size(size)))
        answer = [line for line in lines if re.search(r"\(\d+\)", line) and ";" in line]
        assert len(answer) >= 2, lines  # the answer runs over lines
        assert not [line for line in answer if LONE_ENUMERATOR.search(line) or line.endswith("/")], answer
