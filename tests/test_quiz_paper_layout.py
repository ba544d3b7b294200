"""How a quiz paper and its teacher's copy read on paper: read back from the PDFs, line by line.

A line never ends in a gap's lone number; options short enough sit on one line each; a page
whose questions could be spread does not leave its foot empty.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

import guide.render.pdf.quiz_paper as quiz_paper
from guide.load import load_topic, named_theme
from guide.render.pdf.quiz_paper import render_quiz, render_quiz_answers
from guide.session import BuildSession
from tests.conftest import TREATY
from tests.pagefill import page_fills, runs
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


CHOICES = [
    {
        "type": "multiple_choice",
        "question": "When was the treaty signed?",
        "options": [{"text": "1919"}, {"text": "1922"}, {"text": "1926", "correct": True, "feedback": "Yes, in April."}, {"text": "1933"}],
    },
    {
        "type": "multiple_choice",
        "question": "Who signed for Germany?",
        "options": [{"text": "Gustav Stresemann", "correct": True}, "Nikolai Krestinsky", "Aristide Briand", "Austen Chamberlain"],
    },
    {
        "type": "multiple_choice",
        "question": "What did Article 3 forbid?",
        "options": [
            {"text": "Joining an economic or financial boycott against the other party", "correct": True, "feedback": "Right."},
            "Signing any treaty with the Western powers at all",
            "Trading with the League of Nations' members",
        ],
    },
    {"type": "true_false", "question": "The treaty lasted five years at first.", "answer": True},
    {
        "type": "multiple_choice",
        "question": "Which is right?",
        "options": [
            {"text": "When the other was attacked by a third power despite its peaceful conduct, and only then.", "correct": True},
            "Short.",
        ],
    },
]
"""Choices of every width: years, names, a clause, a sentence as long as the page's width; and a true/false."""
ONE_LINE = [
    "1919",
    "1922",
    "1926",
    "1933",
    "Gustav Stresemann",
    "Austen Chamberlain",
    "Joining an economic or financial boycott",
    "Trading with the League of Nations",
    "despite its peaceful conduct, and only then.",
]


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_options_that_fit_a_line_each_take_one_in_as_many_columns_as_fit(tmp_path: Path, theme: str, size: str) -> None:
    """Each option whole on one line of the paper and of its key (there in bold when right, with its feedback under it):
    four years side by side two by two in half the page beside the next question, four in a row where the question stands
    alone (on A4, with room to spare, each question does), a long option across the page rather than broken at its middle."""
    topic = topic_from({**minimal_topic(), "questions": CHOICES}, tmp_path)
    look = named_theme(theme).with_page_size(size)
    treaty = load_topic(TREATY).topic
    for pdf in (render_quiz(topic, look), render_quiz_answers(topic, look)):
        lines = lines_of(pdf)
        for option in ONE_LINE:
            assert any(option.replace("'", "’") in line for line in lines), (option, lines)
        assert any(re.search(r"A\. ?19\d\d B\. ?19\d\d", line) for line in lines), lines  # two years a row at least
    lines = lines_of(render_quiz(topic, look))  # the key's feedback under a year parts its row's line
    first, second = (next(run for run in runs(render_quiz(topic, look), 0) if run.text == number) for number in ("1.", "2."))
    four = any(re.search(r"19\d\d [A-D]\. 19\d\d [A-D]\. 19\d\d", line) for line in lines)
    assert four == (abs(first.x - second.x) < 1), lines  # two a row in half the page, four where the question stands alone
    for pdf in (render_quiz(treaty, look), render_quiz_answers(treaty, look)):
        assert any("despite its peaceful conduct." in line for line in lines_of(pdf))


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_a_one_page_paper_spreads_its_questions_down_the_page(tmp_path: Path, theme: str, size: str) -> None:
    """No empty quarter at the foot of a page whose questions could spread: the rows of questions and their boxes further
    apart, the treaty's paper and key inked nine tenths down their page, five short questions three quarters."""
    look = named_theme(theme).with_page_size(size)
    treaty = load_topic(TREATY).topic
    for pdf in (render_quiz(treaty, look), render_quiz_answers(treaty, look)):
        fills = page_fills(pdf)
        assert len(fills) == 1 and fills[0] >= 0.88, fills
    topic = topic_from({**minimal_topic(), "questions": CHOICES}, tmp_path)
    for pdf in (render_quiz(topic, look), render_quiz_answers(topic, look)):
        fills = page_fills(pdf)
        assert len(fills) == 1 and fills[0] >= 0.75, fills


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_a_paper_of_several_pages_moves_questions_on_to_a_short_last_page(tmp_path: Path, theme: str, size: str) -> None:
    """The treaty's choices, true/false and cloze with five more, twice over: two or three pages, every one two thirds full
    or more, the last too, where set as tight as fits it was some half empty (A4: 1.0 and 0.58 before its rows spread)."""
    treaty = yaml.safe_load(TREATY.read_text(encoding="utf-8"))
    typed = [{key: value for key, value in question.items() if key != "source"} for question in treaty["questions"] if "type" in question]
    kept = [question for question in typed if question["type"] in ("multiple_choice", "true_false", "cloze")]
    topic = topic_from({**minimal_topic(), "questions": (kept + CHOICES) * 2}, tmp_path)
    look = named_theme(theme).with_page_size(size)
    for pdf in (render_quiz(topic, look), render_quiz_answers(topic, look)):
        fills = page_fills(pdf)
        assert 2 <= len(fills) <= 3 and min(fills) >= 0.65 and fills[-1] >= 0.7, fills


ORDERINGS = [
    {"type": "true_false", "question": "The treaty lasted five years at first.", "answer": True},
    {
        "type": "ordering",
        "items": [
            "Germany and the Soviet Union sign the Treaty of Rapallo",
            "The Locarno treaties guarantee Germany's western borders",
            "Germany and the Soviet Union sign the Treaty of Berlin in April",
        ],
    },
    {"type": "true_false", "question": "Stresemann signed for Germany.", "answer": True},
    {
        "type": "ordering",
        "items": [
            "The treaty is extended for a further five years by a protocol signed in Moscow in June",
            "Germany joins the League of Nations with a permanent seat on its council",
        ],
    },
]
"""Orderings beside true/false questions: items too long for half the page, the longest of the second too long for the
sheet's reading measure but not for the page's width."""


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_ordering_items_that_fit_a_line_of_the_page_take_one(tmp_path: Path, theme: str, size: str) -> None:
    """An ordering is set as wide as its longest item needs, not broken in half the page beside a short question."""
    topic = topic_from({**minimal_topic(), "questions": ORDERINGS}, tmp_path)
    look = named_theme(theme).with_page_size(size)
    for pdf in (render_quiz(topic, look), render_quiz_answers(topic, look)):
        lines = lines_of(pdf)
        for question in ORDERINGS:
            for item in question.get("items", []):
                assert any(item.replace("'", "’") in line for line in lines), (item, lines)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_a_short_paper_asks_its_questions_one_under_another_down_the_page(tmp_path: Path, theme: str, size: str) -> None:
    """Three choices, the first two short: not side by side at the head of a page left half empty (0.46 full on A4), but
    one under another, spread down three quarters of the page, the teacher's copy alike, its feedback on one line under
    its option (the options in as many columns as keep the feedback whole too)."""
    topic = topic_from({**minimal_topic(), "questions": CHOICES[:3]}, tmp_path)
    look = named_theme(theme).with_page_size(size)
    for pdf in (render_quiz(topic, look), render_quiz_answers(topic, look)):
        fills = page_fills(pdf)
        assert len(fills) == 1 and fills[0] >= 0.7, fills
        numbers = [run for run in runs(pdf, 0) if run.text in ("1.", "2.", "3.")]
        assert len(numbers) == 3 and len({round(run.x) for run in numbers}) == 1, numbers  # each at the left, alone in its row
    assert "Yes, in April." in lines_of(render_quiz_answers(topic, look))


def test_the_paper_and_its_teachers_copy_measure_their_setting_once_between_them(monkeypatch: pytest.MonkeyPatch) -> None:
    measured: list[int] = []
    fits = quiz_paper.fits_one_page
    monkeypatch.setattr(quiz_paper, "fits_one_page", lambda *given: measured.append(1) or fits(*given))
    topic, theme = load_topic(TREATY).topic, named_theme("classic")
    alone = render_quiz_answers(topic, theme, None, BuildSession())
    once = len(measured)
    session = BuildSession()
    assert once and render_quiz(topic, theme, None, session)
    assert render_quiz_answers(topic, theme, None, session) == alone  # the copy, set as the paper was
    assert len(measured) == 2 * once
