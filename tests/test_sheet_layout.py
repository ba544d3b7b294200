"""The study sheet's layout, measured from the PDF: well-filled pages, headings with their text, boxes split fairly."""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from guide import load_topic
from guide.load import named_theme
from guide.markup import plain_text
from guide.model import OpenQuestion, Topic
from guide.quiz import on_paper
from guide.render.pdf import LEAST_FILL, render_answer_key, render_study_sheet, well_filled
from guide.render.pdf.grid import measured_grid
from guide.render.pdf.questions import answer_lines
from guide.render.pdf.quiz_paper import render_quiz, render_quiz_answers
from guide.render.pdf.styles import build_styles
from guide.session import BuildSession
from guide.typography import Typography, typeset_topic
from tests.conftest import ROOT, TREATY, squeezed, text_of
from tests.pagefill import have_poppler, page_fills, runs
from tests.pdfread import coloured_text
from tests.samples import WORDS, german_topic, long_topic, minimal_topic, paragraph, rapallo_topic, sentence

THEMES = ("classic", "modern", "print")
SIZES = ("a4", "letter")
HEADING_SIZES = (14.0, 11.5)
"""Section headings of the main column and of the sidebar."""

COLUMN_REACH_PT = 120
"""Text this near a heading's left edge is in its column: the sidebar starts some 300 points right of the main column."""

LONG_KEY_FACTS = yaml.safe_load((ROOT / "tests" / "data" / "topics" / "long-key-facts.yaml").read_text(encoding="utf-8"))
SHORT_FACTS_TIMELINE = ROOT / "tests" / "data" / "topics" / "short-facts-timeline.yaml"
LONG_PROSE_SHORT_SIDEBAR = ROOT / "tests" / "data" / "topics" / "long-prose-short-sidebar.yaml"
OVER_TWO_PAGES = ROOT / "tests" / "data" / "topics" / "a-few-lines-over-two-pages.yaml"

needs_poppler = pytest.mark.skipif(not have_poppler(), reason="poppler (pdftoppm) is not installed")


def topic_from(data: dict[str, Any], folder: Path, name: str = "topic") -> Topic:
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_topic(path).topic


@st.composite
def sized_topics(draw: st.DrawFn) -> dict[str, Any]:
    """Topics of every size, from a few lines to several pages, made of ordinary words."""
    seed = draw(st.integers(0, 50))
    facts = draw(st.integers(1, 12))
    step = draw(st.integers(1, 9))
    return {
        "title": sentence(draw(st.integers(2, 14)), seed).rstrip("."),
        "date": "1926-04-24",
        "summary": paragraph(draw(st.integers(1, 5)), seed),
        "key_facts": [{"fact": sentence(draw(st.integers(5, 40)), seed + index), "sources": ["a"]} for index in range(facts)],
        "context": [paragraph(draw(st.integers(1, 7)), seed + index) for index in range(draw(st.integers(1, 4)))],
        "significance": [paragraph(draw(st.integers(1, 6)), seed + index) for index in range(draw(st.integers(1, 3)))],
        "timeline": [{"date": str(1900 + index * step), "event": sentence(6, index)} for index in range(draw(st.integers(0, 12)))],
        "people": [{"name": f"Person {index}", "role": sentence(9, index)} for index in range(draw(st.integers(0, 4)))],
        "glossary": [
            {"term": f"{WORDS[index].capitalize()}", "definition": sentence(10, index)} for index in range(draw(st.integers(0, 10)))
        ],
        "questions": [
            {"question": sentence(12, index) + "?", "answer": paragraph(draw(st.integers(1, 3)), index)}
            for index in range(draw(st.integers(0, 8)))
        ],
        "sources": [{"id": "a", "citation": sentence(8, seed), "url": "https://example.org/a"}],
    }


def headings_at_a_page_foot(pdf: bytes) -> list[str]:
    """Headings with no text below them in their column on their page."""
    stranded = []
    for index in range(len(PdfReader(io.BytesIO(pdf)).pages)):
        found = runs(pdf, index)
        body = [run for run in found if run.size > 8.4]
        for heading in (run for run in found if round(run.size, 1) in HEADING_SIZES):
            below = [run for run in body if run.y < heading.y - 1 and abs(run.x - heading.x) < COLUMN_REACH_PT]
            if not below:
                stranded.append(heading.text)
    return stranded


def key_fact_parts(pdf: bytes) -> list[int]:
    """Number of key facts in each part of the key facts box, in the order of the pages."""
    parts = []
    for index in range(len(PdfReader(io.BytesIO(pdf)).pages)):
        found = runs(pdf, index)
        labels = [run for run in found if run.text.startswith("KEY FACTS")]
        for label in labels:
            column = [run for run in found if abs(run.x - label.x) < 40 and run.y < label.y]
            ends = [run.y for run in column if round(run.size, 1) in HEADING_SIZES or run.text.startswith("KEY FACTS")]
            end = max(ends, default=0.0)
            parts.append(sum(1 for run in column if run.text == "▪" and run.y > end))
    return parts


@needs_poppler
@pytest.mark.parametrize("theme", THEMES)
def test_the_page_foot_check_sees_every_heading_of_the_treaty(theme: str) -> None:
    """Headings are found by their sizes: were those to change, the check would see none and pass whatever the layout."""
    pdf = render_study_sheet(load_topic(TREATY).topic, named_theme(theme))
    labels = named_theme(theme).labels_for("en")
    seen = {run.text for page in range(2) for run in runs(pdf, page) if round(run.size, 1) in HEADING_SIZES}
    names = ("context", "significance", "questions", "people", "glossary", "timeline", "sources")
    assert seen == {labels[name] for name in names}


@needs_poppler
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=sized_topics(), size=st.sampled_from(SIZES), theme=st.sampled_from(THEMES))
@example(data=LONG_KEY_FACTS, size="a4", theme="classic")  # a key facts box far longer than the text: page two was a sixth full
@example(data=LONG_KEY_FACTS, size="letter", theme="modern")
def test_pages_are_well_filled_headings_keep_their_text_and_boxes_split_fairly(
    tmp_path: Path, data: dict[str, Any], size: str, theme: str
) -> None:
    topic = topic_from(data, tmp_path)
    pdf = render_study_sheet(topic, named_theme(theme).with_page_size(size))
    fills = page_fills(pdf)
    judged = fills[:-1] if len(fills) >= 3 else fills
    if len(fills) > 1:
        assert min(judged) >= LEAST_FILL - 0.05, fills  # measured from pixels: a little below the layout's own measure
    assert not headings_at_a_page_foot(pdf)
    parts = key_fact_parts(pdf)
    assert sum(parts) == len(topic.key_facts)
    if len(parts) > 1:
        assert min(parts) >= 2, parts


@st.composite
def typed_questions(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Quizzes of every size, from one question to more than a page, of every typed kind, short and long."""
    made: list[dict[str, Any]] = []
    for index in range(draw(st.integers(1, 14))):
        kind = draw(st.sampled_from(["multiple_choice", "true_false", "matching", "ordering", "cloze"]))
        length = draw(st.integers(3, 16))
        if kind == "multiple_choice":
            options = [sentence(length, index + option) for option in range(draw(st.integers(2, 6)))]
            made.append({"type": kind, "question": sentence(10, index), "options": [{"text": options[0], "correct": True}, *options[1:]]})
        elif kind == "true_false":
            made.append({"type": kind, "question": sentence(length, index), "answer": index % 2 == 0, "feedback": sentence(8, index)})
        elif kind == "matching":
            count = draw(st.integers(2, 8))
            made.append({"type": kind, "pairs": [{"left": f"Term {row}", "right": sentence(length, row)} for row in range(count)]})
        elif kind == "ordering":
            made.append({"type": kind, "items": [sentence(length, index + row) for row in range(draw(st.integers(2, 8)))]})
        else:
            blank = WORDS[index % len(WORDS)]
            made.append({"type": kind, "text": f"{sentence(length, index)} [[{blank}]] {sentence(6, index)}", "points": 2})
    return made


@needs_poppler
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(questions=typed_questions(), size=st.sampled_from(SIZES), theme=st.sampled_from(THEMES))
def test_quiz_papers_of_every_size_fill_their_pages_and_ask_every_question(
    tmp_path: Path, questions: list[dict[str, Any]], size: str, theme: str
) -> None:
    topic = topic_from({**minimal_topic(), "questions": questions}, tmp_path)
    look = named_theme(theme).with_page_size(size)
    quiz, key = render_quiz(topic, look), render_quiz_answers(topic, look)
    for pdf in (quiz, key):
        fills = page_fills(pdf)
        # Questions are never split: the last page may be short only when what it holds could not
        # have gone on the pages before it (more than one page fewer holds in all).
        judged = fills[:-1] if len(fills) >= 3 or sum(fills) > len(fills) - 1 else fills
        assert len(fills) == 1 or min(judged) >= LEAST_FILL - 0.05, fills
    total = sum(question.points or 1 for question in topic.questions) if any(question.points for question in topic.questions) else None
    assert_a_quiz_paper(topic, quiz, key, total)


OVERFLOWING_KEY = [
    {
        "type": "multiple_choice",
        "question": "Treaty alliance ambassador conference security negotiation frontier neutrality league ratification.",
        "options": [{"text": "Treaty alliance ambassador.", "correct": True}, "Ratification economy coalition."],
    },
    {
        "type": "multiple_choice",
        "question": "Ratification economy coalition parliament delegation border minister protocol boycott agreement.",
        "options": [
            {
                "text": "Ratification economy coalition parliament delegation border minister protocol boycott agreement republic "
                "treaty alliance ambassador conference.",
                "correct": True,
            },
            "Agreement republic treaty alliance ambassador conference security negotiation frontier neutrality league ratification economy "
            "coalition parliament.",
            "Neutrality league ratification economy coalition parliament delegation border minister protocol boycott agreement "
            "republic treaty alliance.",
            "Protocol boycott agreement republic treaty alliance ambassador conference security negotiation frontier neutrality league "
            "ratification economy.",
            "Negotiation frontier neutrality league ratification economy coalition parliament delegation border minister protocol boycott "
            "agreement republic.",
            "Border minister protocol boycott agreement republic treaty alliance ambassador conference security negotiation frontier "
            "neutrality league.",
        ],
    },
    {
        "type": "true_false",
        "question": "Agreement republic treaty.",
        "answer": True,
        "feedback": "Agreement republic treaty alliance ambassador conference security negotiation.",
    },
    {
        "type": "multiple_choice",
        "question": "Neutrality league ratification economy coalition parliament delegation border minister protocol.",
        "options": [
            {"text": "Neutrality league ratification economy coalition parliament delegation.", "correct": True},
            "Protocol boycott agreement republic treaty alliance ambassador.",
            "Negotiation frontier neutrality league ratification economy coalition.",
        ],
    },
]
"""A paper of one page whose teacher's copy, with its answers and feedback, is a few lines longer than a page set tight (Letter)."""


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_a_teachers_copy_a_few_lines_over_a_page_sets_its_rows_closer_and_prints_on_one(tmp_path: Path, size: str, theme: str) -> None:
    """Not on two pages, the second a third full with its last two questions: rows closer by half fit them on the first."""
    topic = topic_from({**minimal_topic(), "questions": OVERFLOWING_KEY}, tmp_path)
    look = named_theme(theme).with_page_size(size)
    quiz, key = render_quiz(topic, look), render_quiz_answers(topic, look)
    assert [len(PdfReader(io.BytesIO(pdf)).pages) for pdf in (quiz, key)] == [1, 1]
    assert_a_quiz_paper(topic, quiz, key, None)


@needs_poppler
@pytest.mark.parametrize("make", [minimal_topic, german_topic, rapallo_topic, long_topic], ids=lambda make: make.__name__)
@pytest.mark.parametrize("size", SIZES)
def test_sample_topics_fill_their_pages(tmp_path: Path, make: Any, size: str) -> None:
    topic = topic_from(make(), tmp_path)
    pdf = render_study_sheet(topic, named_theme().with_page_size(size))
    fills = page_fills(pdf)
    judged = fills[:-1] if len(fills) >= 3 else fills
    assert len(fills) == 1 or min(judged) >= LEAST_FILL - 0.05, fills
    assert not headings_at_a_page_foot(pdf)


def test_a_topic_that_fits_one_page_prints_on_one(tmp_path: Path) -> None:
    for make in (minimal_topic, german_topic):
        assert len(PdfReader(io.BytesIO(render_study_sheet(topic_from(make(), tmp_path), named_theme()))).pages) == 1


@needs_poppler
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_the_treaty_is_two_well_filled_pages_in_every_theme_and_size_and_the_same_bytes_each_time(theme: str, size: str) -> None:
    """The whole treaty, objectives, four excerpts and five open questions included: one sheet of paper, printed on both sides.

    Its five typed questions print on the quiz paper (see test_the_treatys_quiz_paper_...).
    """
    topic = load_topic(TREATY).topic
    look = named_theme(theme).with_page_size(size)
    pdf = render_study_sheet(topic, look)
    fills = page_fills(pdf)
    assert len(fills) == 2
    assert min(fills) >= 0.8, fills
    assert render_study_sheet(topic, look) == pdf


@needs_poppler
@pytest.mark.parametrize("size", SIZES)
def test_with_its_quiz_kept_on_the_sheet_the_treaty_takes_three_well_filled_pages(size: str) -> None:
    """``quiz: {print: sheet}``: ten questions of six types add a page to the two the treaty takes with its open questions alone."""
    pdf = render_study_sheet(load_topic(TREATY).topic, replace(named_theme(), quiz_print="sheet").with_page_size(size))
    fills = page_fills(pdf)
    assert len(fills) == 3
    assert well_filled(tuple(fills)), fills
    assert squeezed("Under Article 2, when did one party") in squeezed(text_of(PdfReader(io.BytesIO(pdf))))


@needs_poppler
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_the_treatys_quiz_paper_asks_every_typed_question_on_one_page_and_its_teachers_copy_is_marked(theme: str, size: str) -> None:
    topic = load_topic(TREATY).topic
    look = named_theme(theme).with_page_size(size)
    quiz, key = render_quiz(topic, look), render_quiz_answers(topic, look)
    for pdf in (quiz, key):
        fills = page_fills(pdf)
        assert len(fills) == 1 and fills[0] >= 0.6, fills
    assert_a_quiz_paper(topic, quiz, key, total=9)
    assert render_quiz(topic, look) == quiz and render_quiz_answers(topic, look) == key


def assert_a_quiz_paper(topic: Topic, quiz: bytes, key: bytes, total: int | None) -> None:
    """Every typed question asked on the paper, numbered from 1, under its title and total; the teacher's copy marked on every page."""
    printed = typeset_topic(topic, Typography())
    quiz_text, key_text = (squeezed(text_of(PdfReader(io.BytesIO(pdf)))) for pdf in (quiz, key))
    assert squeezed(f"QUIZ{printed.title}") in quiz_text and squeezed(f"Quiz: {printed.title}") not in quiz_text  # said once
    assert squeezed(f"Quiz: {printed.title}") in key_text  # the teacher's copy names the quiz it answers
    for item in on_paper(printed):
        if item.question.question:
            assert squeezed(f"{item.number}.{plain_text(item.question.question)}") in quiz_text
            assert squeezed(plain_text(item.question.question)) in key_text
    if total:
        assert squeezed(f"Total: {total} {'points' if total > 1 else 'pt'}") in quiz_text
    for question in printed.questions:
        if isinstance(question, OpenQuestion):
            assert squeezed(plain_text(question.question)) not in quiz_text
    for page in PdfReader(io.BytesIO(key)).pages:
        assert "TEACHER’S COPY" in page.extract_text()
    for page in PdfReader(io.BytesIO(quiz)).pages:
        assert "TEACHER" not in page.extract_text()


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_the_treaty_answer_key_is_one_full_page_with_every_answer_and_note(theme: str, size: str) -> None:
    """Five answers, the key facts with details, sources and notes: the teacher's notes move beside the answers to fit.

    The modern theme's wider letters on the shorter Letter page need the closer setting, the points to look for run in.
    """
    topic = load_topic(TREATY).topic
    pdf = render_answer_key(topic, named_theme(theme).with_page_size(size))
    fills = page_fills(pdf)
    assert len(fills) == 1 and fills[0] >= 0.85, fills
    text = squeezed(text_of(PdfReader(io.BytesIO(pdf))))
    for question in topic.questions:
        if isinstance(question, OpenQuestion):
            assert squeezed(plain_text(question.answer)) in text
    for note in topic.notes.values():
        assert squeezed(plain_text(note)) in text


@pytest.mark.parametrize("make", [None, long_topic], ids=["treaty", "long"])
def test_an_answer_key_lays_out_a_layout_too_tall_for_one_page_only_when_no_layout_fits_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make: Any
) -> None:
    """The key is the same as when every layout is tried in turn; the treaty's first layout, whose answers and notes
    alone are taller than the page, is never laid out."""
    import guide.render.pdf as pdf_renderer

    topic = load_topic(TREATY).topic if make is None else topic_from(make(), tmp_path)
    laid_out: list[tuple[float, ...]] = []

    def counted(*arguments: Any, **options: Any) -> Any:
        rendered = render_story(*arguments, **options)
        laid_out.append(rendered.fills)
        return rendered

    render_story = pdf_renderer.render_story
    monkeypatch.setattr(pdf_renderer, "render_story", counted)
    key = render_answer_key(topic, named_theme())
    judged = list(laid_out)
    laid_out.clear()
    monkeypatch.setattr(pdf_renderer, "least_height", lambda story, width: 0.0)
    assert render_answer_key(topic, named_theme()) == key
    if make is None:
        assert len(judged) == 1 and len(laid_out) == 2 and len(laid_out[0]) == 2
    else:
        assert judged == laid_out and all(len(fills) > 1 for fills in judged)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_an_excerpt_of_a_prose_section_is_printed_on_a_page_with_that_sections_text(theme: str, size: str) -> None:
    """Set after the section's first paragraph, a quotation never opens the next page above another section's heading."""
    topic = load_topic(TREATY).topic
    reader = PdfReader(io.BytesIO(render_study_sheet(topic, named_theme(theme).with_page_size(size))))
    pages = [squeezed(page.extract_text()) for page in reader.pages]
    (excerpt,) = [excerpt for excerpt in topic.excerpts if excerpt.section == "context"]
    opening = squeezed(plain_text(topic.context[0].text))[:60]
    (page,) = [page for page in pages if squeezed(plain_text(excerpt.text))[:60] in page]
    assert opening in page


def test_source_markers_name_the_numbers_of_the_source_list() -> None:
    topic = load_topic(TREATY).topic
    pdf = render_study_sheet(topic, named_theme())
    numbers = {source.id: number for number, source in enumerate(topic.sources, start=1)}
    expected = [
        *(",".join(str(number) for number in sorted({numbers[id_] for id_ in fact.sources})) for fact in topic.key_facts if fact.sources),
        *(str(numbers[excerpt.source]) for excerpt in topic.excerpts),
    ]
    pages = range(len(PdfReader(io.BytesIO(pdf)).pages))
    markers = [run.text for page in pages for run in runs(pdf, page) if run.size < 8 and re.fullmatch(r"\d{1,2}(,\d{1,2})*", run.text)]
    assert sorted(markers) == sorted(expected)
    text = squeezed(text_of(PdfReader(io.BytesIO(pdf))))
    for number, source in enumerate(topic.sources, start=1):
        assert squeezed(f"{number}. {plain_text(source.citation)}") in text


def test_the_teachers_copy_is_marked_on_every_page_and_holds_details_and_notes(tmp_path: Path) -> None:
    data = long_topic() | {"notes": {"context": "Show the map first.", "questions": "Collect the sheets."}}
    topic = topic_from(data, tmp_path)
    reader = PdfReader(io.BytesIO(render_answer_key(topic, named_theme())))
    assert len(reader.pages) > 1
    for page in reader.pages:
        assert "TEACHER’S COPY" in page.extract_text()
    text = squeezed(text_of(reader))
    for fact in topic.key_facts:
        assert squeezed(plain_text(fact.detail or fact.fact)) in text
    assert squeezed("Show the map first.") in text
    assert squeezed("Collect the sheets.") in text


def test_the_teachers_band_differs_from_the_students() -> None:
    from tests.pdfread import filled_areas

    topic = load_topic(TREATY).topic
    for theme in THEMES:
        look = named_theme(theme)
        sheet = PdfReader(io.BytesIO(render_study_sheet(topic, look)))
        key = PdfReader(io.BytesIO(render_answer_key(topic, look)))
        assert sorted(filled_areas(sheet, 0))[:5] != sorted(filled_areas(key, 0))[:5]
        largest = {color for color, area in filled_areas(key, 0) if area > 5000}
        assert largest != {color for color, area in filled_areas(sheet, 0) if area > 5000} or theme == "print"


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_the_main_column_holds_60_to_80_characters(theme: str, size: str) -> None:
    from guide.render.pdf.document import text_area
    from guide.render.pdf.grid import SAMPLE

    look = named_theme(theme).with_page_size(size)
    styles = build_styles(look, BuildSession(), "en")
    width, height = text_area(look)
    grid = measured_grid(width, height, styles.body_fonts.regular, look.body_pt, look.sidebar == "left")
    from reportlab.pdfbase.pdfmetrics import stringWidth

    characters = grid.main_width / (stringWidth(SAMPLE, styles.body_fonts.regular, look.body_pt) / len(SAMPLE))
    assert 60 <= characters <= 80
    assert grid.has_sidebar


def test_answer_lines_follow_the_length_of_the_answer() -> None:
    assert answer_lines("Five years.", 300) == 2
    assert answer_lines("word " * 60, 300) > answer_lines("word " * 20, 300)
    assert answer_lines("word " * 1000, 300) == 8


def drawn_image_widths(pdf: bytes, page_index: int) -> list[float]:
    """Widths in points at which the page draws its pictures (the scale of the matrix in force at each Do)."""
    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[page_index]
    images = {name for name, image in (page["/Resources"].get("/XObject") or {}).items() if image.get_object()["/Subtype"] == "/Image"}
    widths, matrix = [], [1.0]
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"q":
            matrix.append(matrix[-1])
        elif operator == b"Q":
            matrix.pop()
        elif operator == b"cm":
            matrix[-1] = matrix[-1] * float(operands[0])
        elif operator == b"Do" and operands[0] in images:
            widths.append(matrix[-1])
    return widths


def test_a_figure_is_drawn_large_enough_to_read_its_labels() -> None:
    """The treaty's diagram (760 pixels wide, its smallest labels set about 23.5 pixels high) prints them at 8 pt or more.

    That is over 90 mm wide, not the 56 mm that left them too small to read.
    """
    pdf = render_study_sheet(load_topic(TREATY).topic, named_theme())
    widths = [width for page in range(2) for width in drawn_image_widths(pdf, page)]
    assert widths and max(widths) >= 760 * 8 / 23.5
    assert "Figure 1." in text_of(PdfReader(io.BytesIO(pdf)))


def test_objectives_excerpts_figures_and_portraits_are_laid_out(tmp_path: Path) -> None:
    """Objectives on page one under the band, excerpts with their attribution, a fact's figure, a portrait drawn."""
    (tmp_path / "portrait.png").write_bytes((ROOT / "tests" / "data" / "pixel.png").read_bytes())
    data = rapallo_topic() | {
        "objectives": ["Say when the treaty was signed.", "Explain why Britain and France were angry."],
        "excerpts": [{"text": "Both sides renounce their claims.", "source": "text", "attribution": "Treaty of Rapallo, Article 1"}],
    }
    data["key_facts"][0] = {"fact": "Signed on 16 April 1922.", "figure": "16 April 1922", "sources": ["wiki"]}
    data["people"][0]["image"] = "portrait.png"
    topic = topic_from(data, tmp_path)
    pdf = render_study_sheet(topic, named_theme())
    reader = PdfReader(io.BytesIO(pdf))
    first = squeezed(reader.pages[0].extract_text())
    assert squeezed("BY THE END YOU CAN") in first
    for objective in topic.objectives:
        assert squeezed(objective) in first
    text = squeezed(text_of(reader))
    assert squeezed("Both sides renounce their claims.") in text
    assert squeezed("— Treaty of Rapallo, Article 1") in text
    assert squeezed("16 April 1922") in text
    assert any(width < 40 for page in range(len(reader.pages)) for width in drawn_image_widths(pdf, page))  # the portrait


def test_a_key_facts_figure_heads_only_its_own_fact_and_the_other_facts_are_a_plain_list() -> None:
    """Each figure is read with its fact, not as the heading of the facts after it: figured facts first, then the bullets."""
    topic = load_topic(TREATY).topic
    for render in (render_study_sheet, render_answer_key):
        text = PdfReader(io.BytesIO(render(topic, named_theme()))).pages[0].extract_text()
        box = text[text.index("KEY FACTS") :]
        figured = [fact for fact in topic.key_facts if fact.figure]
        assert len(figured) == 2
        for fact in figured:
            assert squeezed(f"{fact.figure} {plain_text(fact.fact)}") in squeezed(box)
        last_figure = box.index(figured[-1].figure or "")
        assert "▪" not in box[:last_figure]
        assert box.count("▪", last_figure) >= len(topic.key_facts) - len(figured)


def test_a_question_gets_the_lines_it_asks_for_else_as_many_as_its_answer_needs() -> None:
    from guide.labels import labels_for
    from guide.model import OpenQuestion
    from guide.quiz import Arranged
    from guide.render.pdf import Blocks, sheet_grid
    from guide.render.pdf.flowables import RuledLines
    from guide.render.pdf.questions import Questions

    look = named_theme()
    styles = build_styles(look, BuildSession(), "en")
    blocks = Blocks(styles, labels_for("en"), sheet_grid(look, styles))
    asked = OpenQuestion(question="Why?", answer="Because.", lines=6)
    left = OpenQuestion(question="Why?", answer="word " * 60)
    asking = Questions(blocks).sheet([Arranged(1, asked), Arranged(2, left)])
    counts = [part.count for group in asking for part in group.parts if isinstance(part, RuledLines)]
    assert counts == [6, answer_lines(left.answer, blocks.grid.main_width)]


def test_each_timeline_dot_sits_on_its_own_dates_line_and_waits_show_as_space() -> None:
    """In the sidebar a dot is level with its own date, never nearer another label; longer waits leave more room."""
    from guide.labels import labels_for
    from guide.render.pdf import Blocks, sheet_grid
    from guide.render.pdf.timescale import ColumnTimeScale

    topic = load_topic(TREATY).topic
    look = named_theme()
    styles = build_styles(look, BuildSession(), "en")
    blocks = Blocks(styles, labels_for("en"), sheet_grid(look, styles))
    (scale,), where = blocks.timeline(topic.timeline, topic.date, across=False)
    assert where == "side" and isinstance(scale, ColumnTimeScale)
    scale.wrap(blocks.grid.side_width, 1e4)
    tops, dots, breaks = scale.positions()
    date_line = styles.timeline_date.leading
    for top, dot in zip(tops, dots, strict=True):
        assert top - date_line <= dot <= top  # on the date's own line, inside its label
    gaps = [before - after for before, after in itertools.pairwise(dots)]
    assert all(gap > 0 for gap in gaps)
    assert len(breaks) == 3  # 1922 to 1925, 1926 to 1931 and 1931 to 1933: as on the deck's timeline
    assert all(any(after < middle < before for before, after in itertools.pairwise(dots)) for middle in breaks)


def test_a_question_is_never_drawn_apart_from_its_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long topic's ten questions run over pages: each is drawn in one piece with all of its lines."""
    from guide.render.pdf.columns import Kept
    from guide.render.pdf.flowables import RuledLines

    drawn: list[list[type]] = []
    lines_drawn: list[int] = []
    original, original_lines = Kept.draw, RuledLines.draw

    def recording(self: Kept) -> None:
        drawn.append([type(part) for part in self.parts])
        original(self)

    def recording_lines(self: RuledLines) -> None:
        lines_drawn.append(self.count)
        original_lines(self)

    monkeypatch.setattr(Kept, "draw", recording)
    monkeypatch.setattr(RuledLines, "draw", recording_lines)
    topic = topic_from(long_topic(), tmp_path)
    for size in SIZES:
        render_study_sheet(topic, named_theme().with_page_size(size))
    with_lines = [kinds for kinds in drawn if RuledLines in kinds]
    assert with_lines and len(with_lines) == len(lines_drawn)  # no lines drawn but with their question
    assert len(with_lines) % len(topic.questions) == 0  # every question once in each layout tried
    assert all(kinds[0] is not RuledLines and kinds.index(RuledLines) == 1 for kinds in with_lines)  # the question, then its lines


def test_the_students_band_has_lines_for_name_class_and_date_and_the_teachers_has_none(tmp_path: Path) -> None:
    """Beside a short title on the band; under a long one, in one row, rather than making the band taller."""
    for data in (rapallo_topic(), long_topic()):
        topic = topic_from(data, tmp_path)
        sheet = squeezed(PdfReader(io.BytesIO(render_study_sheet(topic, named_theme()))).pages[0].extract_text())
        key = squeezed(PdfReader(io.BytesIO(render_answer_key(topic, named_theme()))).pages[0].extract_text())
        for label in ("Name", "Class", "Date"):
            assert label in sheet
            assert label not in key


@settings(max_examples=40, deadline=None)
@given(
    segments=st.lists(st.text(alphabet="abcdefghij.-_", min_size=1, max_size=14), min_size=1, max_size=8),
    width=st.floats(40, 200),
)
@example(segments=["________-"], width=40)  # wider than its line and ending in a break: no empty last line
def test_a_long_link_breaks_only_after_a_slash_or_hyphen(segments: list[str], width: float) -> None:
    from guide.render.pdf.blocks import link_lines

    styles = build_styles(named_theme(), BuildSession(), "en")
    shown = "/".join(segments)
    lines = link_lines(shown, width, styles.source)
    assert "".join(lines) == shown
    assert all(line.endswith(("/", "-")) for line in lines[:-1])
    assert all(line for line in lines)


def test_a_passage_and_its_translation_split_between_them_never_inside_one() -> None:
    from reportlab.lib.colors import black
    from reportlab.lib.styles import ParagraphStyle

    from guide.render.pdf.flowables import SetOff
    from guide.render.pdf.internals import Paragraph

    style = ParagraphStyle("quote", fontSize=10, leading=12)
    passages = [[Paragraph("word " * 40, style), Paragraph("— its source", style)] for _ in range(2)]
    set_off = SetOff(passages, black)
    _, whole = set_off.wrap(200, 1000)
    first = (whole - SetOff.PASSAGE_GAP_PT) / 2  # one passage; a gap stands between the two
    assert set_off.split(200, whole - 1) and [part.passages for part in set_off.split(200, first + 1)] == [passages[:1], passages[1:]]
    assert set_off.split(200, first - 1) == []  # not even the first passage fits: the set-off moves on whole


@needs_poppler
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("theme", THEMES)
def test_a_sidebar_longer_than_the_text_sends_terms_and_sources_under_it(theme: str, size: str) -> None:
    """Found by the property above: the sidebar ran onto a second page a third full; the topic fits one page."""
    topic = load_topic(ROOT / "tests" / "data" / "topics" / "long-sidebar.yaml").topic
    pdf = render_study_sheet(topic, named_theme(theme).with_page_size(size))
    assert len(page_fills(pdf)) == 1
    assert all(squeezed(text) in squeezed(text_of(PdfReader(io.BytesIO(pdf)))) for text in ("Key terms", "Sources", "Timeline"))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(questions=typed_questions(), size=st.sampled_from(SIZES), theme=st.sampled_from(THEMES), teacher=st.booleans())
def test_a_quiz_paper_measured_to_fit_one_page_keeps_the_layout_drawing_it_would_keep(
    questions: list[dict[str, Any]], size: str, theme: str, teacher: bool
) -> None:
    """A paper is measured without drawing where it fits one page: the measure is that layout's fill, and the paper the same."""
    from tempfile import TemporaryDirectory

    from guide.render.common import Metadata
    from guide.render.pdf import quiz_paper
    from guide.render.pdf.document import one_page_fill, render_story

    with TemporaryDirectory() as folder:
        topic = topic_from({**minimal_topic(), "questions": questions}, Path(folder))
    look, session = named_theme(theme).with_page_size(size), BuildSession()
    render = render_quiz_answers if teacher else render_quiz
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quiz_paper, "one_page_fill", lambda *arguments: None)
        drawn_in_full = render(topic, look, None, BuildSession())
    assert render(topic, look, None, session) == drawn_in_full

    # The measure against the layout: drawn here where it says one page (a story that fits one page can be laid out again);
    # where it says more, the paper draws the story next, as it must then.
    measures: list[float | None] = []
    drawn: list[tuple[float, ...]] = []

    def measured(story: list[Any], theme: Any, furniture: Any) -> float | None:
        measures.append(one_page_fill(story, theme, furniture))
        if measures[-1] is not None:
            about = Metadata("Quiz", "", "", (), "en")
            laid_out = render_story(story, theme, build_styles(theme, session, "en"), theme.labels_for("en"), furniture, about)
            assert laid_out.fills == (measures[-1],)
        return measures[-1]

    def counted(*arguments: Any) -> Any:
        rendered = render_story(*arguments)
        drawn.append(rendered.fills)
        return rendered

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quiz_paper, "one_page_fill", measured)
        patch.setattr(quiz_paper, "render_story", counted)
        render(topic, look, None, BuildSession())
    assert measures[0] is not None or len(drawn[0]) > 1, (measures, drawn)


def test_the_treatys_quiz_paper_is_drawn_once_in_the_layout_it_keeps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Its questions fit one page and spread down it: the unspread layout is measured, never drawn."""
    from guide.render.pdf import quiz_paper

    drawn: list[tuple[float, ...]] = []
    real = quiz_paper.render_story

    def counted(*arguments: Any) -> Any:
        rendered = real(*arguments)
        drawn.append(rendered.fills)
        return rendered

    monkeypatch.setattr(quiz_paper, "render_story", counted)
    render_quiz(load_topic(TREATY).topic, named_theme())
    assert len(drawn) == 1 and len(drawn[0]) == 1 and drawn[0][0] >= 0.8, drawn


def test_a_story_that_asks_the_document_for_more_than_a_place_is_not_measured() -> None:
    """A part kept with the next one is grouped by the document, which the measure does not model: such a story is laid out in full."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from guide.render.pdf.document import Furniture, one_page_fill

    look, plain = named_theme(), ParagraphStyle("plain", fontSize=10, leading=12)
    furniture = Furniture("", "", "")
    assert one_page_fill([Paragraph("Heading", plain), Paragraph("Text", plain)], look, furniture) is not None
    kept = ParagraphStyle("kept", parent=plain, keepWithNext=1)
    assert one_page_fill([Paragraph("Heading", kept), Paragraph("Text", plain)], look, furniture) is None


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES)
def test_the_keys_answers_stand_in_the_accent_colour_and_its_points_at_most_a_point_smaller(theme: str, size: str) -> None:
    """Read back from the PDF: each answer in the theme's accent colour, its question in the text colour; the points to look
    for no smaller than the answers less a point, and never under 9 pt."""
    chosen = named_theme(theme).with_page_size(size)
    topic = load_topic(TREATY).topic
    printed = [
        (color, pt, text.replace("’", "'"))  # quotes set curly
        for color, pt, text in coloured_text(PdfReader(io.BytesIO(render_answer_key(topic, chosen))), 0)
    ]
    accent, ink = chosen.colors.accent.upper(), chosen.colors.text.upper()
    assert accent != ink
    in_accent = squeezed("".join(text for color, _, text in printed if color == accent))
    in_ink = squeezed("".join(text for color, _, text in printed if color == ink))
    opened = [question for question in topic.questions if isinstance(question, OpenQuestion)]
    points = [squeezed(plain_text(point)) for question in opened for point in question.key_points]
    assert opened and points
    for question in opened:
        assert squeezed(f"Answer:{plain_text(question.answer)}") in in_accent
        assert squeezed(plain_text(question.question)) in in_ink
    # The label and the points, run in after it on a tight key: every run of text drawn within them, with what it draws.
    looked_for = "Lookfor:" + "".join(points)
    drawn = [(color, pt, squeezed(text).replace("▪", "")) for color, pt, text in printed]
    pointed = [(pt, bare) for color, pt, bare in drawn if color == ink and bare and bare in looked_for]
    assert all(point in "".join(bare for _, bare in pointed) for point in points)
    assert min(pt for pt, _ in pointed) >= max(9.0, chosen.body_pt - 1.0), pointed


@needs_poppler
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("theme", THEMES)
def test_a_topic_a_little_over_a_page_fits_one_or_fills_two_in_balance(theme: str, size: str) -> None:
    """Its one source, after the timeline across the page, ran on alone: two pages 0.71 and 0.35 full (A4, classic).

    On A4 the timeline goes across the foot of the page, the source beside the text: one page (its sidebar on the left,
    the modern theme's text is too long for that, as is every theme's on the shorter Letter page). Two pages are each
    well filled, the second at least two fifths.
    """
    pdf = render_study_sheet(load_topic(SHORT_FACTS_TIMELINE).topic, named_theme(theme).with_page_size(size))
    fills = page_fills(pdf)
    if size == "a4" and theme != "modern":
        assert len(fills) == 1, fills
        assert squeezed("Sources") in squeezed(text_of(PdfReader(io.BytesIO(pdf))))
    else:
        assert len(fills) == 2 and min(fills) >= LEAST_FILL, fills


@needs_poppler
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("theme", THEMES)
def test_a_sheet_on_two_pages_keeps_its_front_full_once_the_back_is_half_full(theme: str, size: str) -> None:
    """Prose longer than its sidebar by a third of a page: room kept at the front's foot fills the back, but no further than
    the back needs (half full): the front was left 0.71 full for a back 0.62 (A4, classic); now 0.83 and 0.51."""
    fills = page_fills(render_study_sheet(load_topic(LONG_PROSE_SHORT_SIDEBAR).topic, named_theme(theme).with_page_size(size)))
    assert len(fills) == 2 and fills[0] >= 0.78 and fills[1] >= LEAST_FILL, fills


@needs_poppler
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("theme", THEMES)
def test_a_third_page_is_never_a_few_lines_alone(theme: str, size: str) -> None:
    """Two pages of text and a little more: on Letter in the modern theme a third page held a few lines of it (0.05 full),
    the tighter setting taken as soon as it kept the pages before well filled; now the layouts go on until one gives
    the third page a share of its own (the timeline across it: 0.36). Elsewhere the topic takes two well-filled pages."""
    fills = page_fills(render_study_sheet(load_topic(OVER_TWO_PAGES).topic, named_theme(theme).with_page_size(size)))
    assert 2 <= len(fills) <= 3 and min(fills) >= 0.3, fills
