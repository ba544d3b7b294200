"""The treaty's study sheet, read back from the PDF as a reader and a screen reader see it."""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from guide import load_topic
from guide.load import named_theme
from guide.markup import plain_text
from guide.model import OpenQuestion
from guide.render.html import render_html
from guide.render.pdf import render_answer_key, render_study_sheet
from guide.session import BuildSession
from guide.typography import Typography, typeset_topic
from tests.conftest import TREATY, outputs, run_cli, squeezed, text_of
from tests.pagefill import runs
from tests.pdfread import fonts_of, link_targets, text_sizes

TOPIC = load_topic(TREATY).topic
PRINTED = typeset_topic(TOPIC, Typography())
"""The topic as the sheet prints it: curly apostrophes, no-break spaces."""
HEADINGS = [
    "By the end you can",
    "At a glance",
    "Key facts",
    "What happened?",
    "Who was involved",
    "Why does it matter?",
    "Timeline",
    "Key terms",
    "Check your understanding",
    "Sources",
]


def folded(text: str) -> str:
    return " ".join(text.split())


def test_every_key_fact_heading_term_and_question_is_printed(sheet: PdfReader) -> None:
    """Everything a student needs is in the text layer, so it prints and can be searched: facts, objectives, excerpts,
    the open questions (the typed ones are on the quiz paper), terms and people."""
    text = squeezed(text_of(sheet))
    expected = [
        *(plain_text(fact.fact) for fact in PRINTED.key_facts),
        *(plain_text(question.question) for question in PRINTED.questions if isinstance(question, OpenQuestion)),
        *(entry.term for entry in PRINTED.glossary),
        *(plain_text(objective) for objective in PRINTED.objectives),
        *(part for excerpt in PRINTED.excerpts for part in (plain_text(excerpt.text), excerpt.attribution)),
        *(person.name for person in PRINTED.people),
        "Николай Николаевич Крестинский",
    ]
    for item in expected:
        assert squeezed(item) in text
    for heading in HEADINGS:
        assert squeezed(heading.upper()) in text or squeezed(heading) in text


def test_answers_are_not_on_the_students_sheet(sheet: PdfReader) -> None:
    text = text_of(sheet)
    for question in TOPIC.questions:
        if isinstance(question, OpenQuestion):
            assert folded(plain_text(question.answer)) not in text


@pytest.mark.parametrize(("size", "width_pt", "height_pt"), [("a4", 595.28, 841.89), ("letter", 612, 792)])
def test_the_treaty_is_two_pages_and_its_quiz_one_of_each_paper_size(
    built: dict[str, Path], size: str, width_pt: float, height_pt: float
) -> None:
    """Objectives, four excerpts, a figure and five open questions: one sheet printed on both sides; the five typed questions
    on a quiz paper of one page, and its teacher's copy too."""
    for name, pages in (("", 2), ("-answers", 1), ("-quiz", 1), ("-quiz-answers", 1)):
        reader = PdfReader(built[size] / f"treaty-of-berlin-1926{name}.pdf")
        assert len(reader.pages) == pages, name
        for page in reader.pages:
            assert float(page.mediabox.width) == pytest.approx(width_pt, abs=0.5)
            assert float(page.mediabox.height) == pytest.approx(height_pt, abs=0.5)


def test_page_numbers_count_the_pages(sheet: PdfReader) -> None:
    """The footer's "Page X of Y" is filled in after layout; it must name the real total."""
    for number, page in enumerate(sheet.pages, start=1):
        assert f"Page {number} of {len(sheet.pages)}" in page.extract_text()


def test_all_fonts_are_bundled_and_embedded(sheet: PdfReader, answers: PdfReader, quiz: PdfReader, quiz_answers: PdfReader) -> None:
    for reader in (sheet, answers, quiz, quiz_answers):
        fonts = fonts_of(reader)
        assert fonts, "no fonts found"
        assert all(fonts.values()), f"not embedded: {[name for name, embedded in fonts.items() if not embedded]}"
        assert all("Liberation" in name for name in fonts), fonts


def test_reading_text_is_at_least_9_5_points(sheet: PdfReader) -> None:
    """Smaller text is only furniture (8 pt), box labels and captions (8.5 pt), source markers and axis years."""
    for index in range(len(sheet.pages)):
        runs = text_sizes(sheet, index)
        reading = [size for size, _ in runs if size > 8.5]
        assert reading and min(reading) >= 9.5
        assert min(size for size, _ in runs) >= 7.5
        characters = sum(len(text.strip()) for _, text in runs)
        assert sum(len(text.strip()) for size, text in runs if size > 8.5) > 0.85 * characters


def test_metadata_names_title_author_subject_keywords_and_language(sheet: PdfReader) -> None:
    info = sheet.metadata
    assert info.title == TOPIC.title
    assert info.author == "History Department"
    assert info.subject == TOPIC.subtitle
    assert "Neutrality" in str(info.get("/Keywords"))
    assert sheet.trailer["/Root"]["/Lang"] == "en"


def test_outline_lists_every_section_in_page_order(sheet: PdfReader) -> None:
    """One bookmark per section, in the order of the pages they are on (main column, then sidebar)."""
    titles = [item.title for item in sheet.outline]
    assert sorted(titles) == sorted(HEADINGS)
    pages = [sheet.get_destination_page_number(item) for item in sheet.outline]
    assert pages == sorted(pages)


def test_sources_are_clickable_links(sheet: PdfReader) -> None:
    targets = link_targets(sheet)
    for source in TOPIC.sources:
        assert source.url in targets


def test_the_answer_key_is_marked_and_holds_every_answer(answers: PdfReader) -> None:
    text = text_of(answers)
    assert "TEACHER’S COPY" in text
    assert "Answer key" in text
    for question in PRINTED.questions:
        if isinstance(question, OpenQuestion):
            assert squeezed(plain_text(question.question)) in squeezed(text)
            assert squeezed(plain_text(question.answer)) in squeezed(text)
        else:  # on the quiz paper, and in its teacher's copy
            assert not question.question or squeezed(plain_text(question.question)) not in squeezed(text)
    assert answers.metadata.title == f"{TOPIC.title} — Answer key"


def test_a_topic_without_questions_has_no_answer_key(workspace: Path) -> None:
    from tests.conftest import run_cli

    topic = workspace / "source" / "short.yaml"
    topic.write_text("title: Short\nsummary: S\nkey_facts: [F]\ncontext: C\nsignificance: S\n", encoding="utf-8")
    status, _, err = run_cli(topic, "--out", workspace / "output")
    assert status == 0, err
    assert [path.name for path in outputs(workspace / "output")] == ["short.pdf", "short.pptx"]


def test_every_answer_in_the_key_lists_its_marking_points_and_nothing_cut_from_the_answer(answers: PdfReader) -> None:
    text = squeezed(text_of(answers))
    opens = [question for question in PRINTED.questions if isinstance(question, OpenQuestion)]
    assert all(question.key_points for question in opens)
    assert text.count(squeezed("Look for")) == len(opens)
    for question in opens:
        for point in question.key_points:
            assert squeezed(plain_text(point)) in text
    # The treaty's fourth answer once printed its halves as points; now only what the topic writes.
    assert squeezed("A protocol of 1931 extended it") not in text


def test_an_answer_without_marking_points_has_no_look_for_and_the_points_stand_under_their_label(tmp_path: Path) -> None:
    data = "title: T\nsummary: S\nkey_facts: [F]\ncontext: C\nsignificance: S\nquestions:\n"
    data += "  - {question: Why?, answer: 'First part; second part, and a third clause of four words.'}\n"
    data += "  - {question: How?, answer: Somehow., key_points: [First point, Second point]}\n"
    (tmp_path / "t.yaml").write_text(data, encoding="utf-8")
    key = render_answer_key(load_topic(tmp_path / "t.yaml").topic, named_theme())
    text = squeezed(text_of(PdfReader(io.BytesIO(key))))
    assert text.count(squeezed("Look for")) == 1 and squeezed("LookforFirstpoint") in text.replace("•", "").replace("▪", "")
    lines = runs(key, 0)
    label = next(run for run in lines if run.text.startswith("Look for"))
    bullets = [run for run in lines if run.text == "▪" and run.y < label.y and run.x < label.x + 100]  # the key facts' are beside
    point = next(run for run in lines if run.text.startswith("First point"))
    assert bullets and all(abs(bullet.x - label.x) < 1 for bullet in bullets), (label.x, [bullet.x for bullet in bullets])
    assert point.x > label.x


@pytest.mark.parametrize(
    ("points", "message"),
    [
        ("[" + ", ".join(f"p{index}" for index in range(9)) + "]", "key_points: lists 9 items; at most 8 are allowed"),
        ("['" + "x" * 201 + "']", "key_points[0]"),
        ("{a: b}", "key_points: expected a list"),
    ],
)
def test_bad_marking_points_are_refused_at_their_line(points: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    head = "title: T\nsummary: S\nkey_facts: [F]\ncontext: C\nsignificance: S\nquestions:\n"
    path.write_text(f"{head}  - question: Q\n    answer: A\n    key_points: {points}\n", encoding="utf-8")
    status, _, err = run_cli(path, "--check")
    assert status == 2
    assert f"{path}:9:" in err and message in err, err


def test_the_keys_details_print_dark_enough_to_photocopy(built: dict[str, Path], tmp_path: Path) -> None:
    """Each key fact's detail is drawn as dark as the answers, not in a pale grey that a copier loses."""
    import subprocess

    from PIL import Image

    from tests.pagefill import runs

    dpi = 100
    key = built["a4"] / "treaty-of-berlin-1926-answers.pdf"
    subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(dpi), "-f", "1", "-l", "1", str(key), str(tmp_path / "key")], check=True)
    page = Image.open(next(tmp_path.glob("key-*.png"))).convert("L")
    found = runs(key.read_bytes(), 0)
    details = [fact.detail for fact in PRINTED.key_facts if fact.detail]
    assert details
    for detail in details:
        first = next(run for run in found if run.text and squeezed(plain_text(detail)).startswith(squeezed(run.text)[:12]))
        left, bottom = first.x * dpi / 72, page.height - first.y * dpi / 72
        box = page.crop((int(left), int(bottom - first.size * dpi / 72), int(left + 60), int(bottom + 2)))
        assert box.getextrema()[0] < 70, detail  # black or near-black ink: the text colour, not the muted grey


def test_a_translation_follows_its_original_on_the_sheet_and_in_the_html_copy_wherever_it_is_placed() -> None:
    topic = load_topic(TREATY).topic
    excerpts = [replace(excerpt, section="significance") if excerpt.translates else excerpt for excerpt in topic.excerpts]
    moved = replace(topic, excerpts=tuple(excerpts))
    original = next(excerpt for excerpt in excerpts if excerpt.id)
    translation = next(excerpt for excerpt in excerpts if excerpt.translates)
    text = squeezed(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(render_study_sheet(moved, named_theme()))).pages))
    ends, starts = squeezed(plain_text(original.attribution)), squeezed(plain_text(translation.text))[:40]
    assert text.index(ends) < text.index(starts) < text.index(ends) + len(ends) + 10
    page = render_html(moved, named_theme(), None, BuildSession()).decode()
    quotes = re.findall(r"<blockquote[^>]*><p>(.*?)</p>", page)
    assert (
        quotes.index(next(quote for quote in quotes if quote.startswith("Should one")))
        == quotes.index(next(quote for quote in quotes if quote.startswith("Sollte"))) + 1
    )


@pytest.mark.parametrize("theme", ["classic", "modern", "print"])
def test_a_translation_stands_apart_from_its_originals_attribution(theme: str) -> None:
    """In Article 2's set-off the German original's attribution and the English translation are a line's space and more apart,
    as the lines within a passage are not."""
    pdf = render_study_sheet(load_topic(TREATY).topic, named_theme(theme))
    for index in range(len(PdfReader(io.BytesIO(pdf)).pages)):
        lines = runs(pdf, index)
        attribution = next((run for run in lines if run.text.startswith("— Berliner Vertrag")), None)
        if attribution is None:
            continue
        below = sorted((run for run in lines if run.y < attribution.y - 0.5 and abs(run.x - attribution.x) < 2), key=lambda run: -run.y)
        if not below or not below[0].text.startswith("Should one of"):  # the set-off parts between them at the page's end
            assert any(run.text.startswith("Should one of") for run in runs(pdf, index + 1)), theme
            return
        first, second = below[:2]
        pitch = first.y - second.y
        assert attribution.y - first.y >= pitch + 4, (attribution.y - first.y, pitch)
        return
    raise AssertionError("Article 2's original is not on the sheet")


@pytest.mark.parametrize("theme", ["classic", "modern", "print"])
def test_a_key_term_and_its_dash_are_one_word_space_apart(theme: str) -> None:
    """The term runs in before its definition's dash as words do, not with the wider gap a bullet leaves."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from guide.render.pdf.styles import build_styles

    look = named_theme(theme)
    styles = build_styles(look, BuildSession(), "en")
    pdf = render_study_sheet(load_topic(TREATY).topic, look)
    pairs = [(term, dash) for index in (0, 1) for term, dash in itertools.pairwise(runs(pdf, index)) if term.text == "Neutrality"]
    ((term, dash),) = [(term, dash) for term, dash in pairs if dash.text.startswith("— Staying")]
    gap = dash.x - term.x - stringWidth("Neutrality", styles.term.bulletFontName, term.size)
    space = stringWidth(" ", styles.term.fontName, term.size)
    assert 0.5 * space <= gap <= 1.5 * space, (gap, space)


def test_each_break_in_the_timelines_axis_says_how_long_a_time_it_stands_for(sheet: PdfReader) -> None:
    """The sheet labels the breaks of its time scale as the deck does: 1922 to 1925, 1926 to 1931, 1931 to 1933."""
    text = " ".join(page.extract_text() for page in sheet.pages).replace("\u00a0", " ")
    assert all(span in text for span in ("4 years", "5 years", "2 years")), text
