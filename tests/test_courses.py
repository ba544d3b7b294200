"""Courses build into their own folder with their theme, and say who they are on every page and title slide."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from tests.conftest import ROOT, TREATY, run_cli, text_of

COURSE_LINE = "HIST 201 · Europe Between the Wars · Dr. A. Example · Spring 2027 · Example University"


@pytest.fixture(scope="module")
def built_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's source/ (topics and the example course) built as the README's command does."""
    out = tmp_path_factory.mktemp("out")
    status, _, err = run_cli(ROOT / "source", "--out", out, "-q")
    assert status == 0, err
    return out


def test_loose_topics_and_each_course_build_into_their_own_folders(built_source: Path) -> None:
    names = sorted(str(path.relative_to(built_source)) for path in built_source.rglob("*.*") if not path.name.startswith("."))
    stems = [f"treaty-of-berlin-1926{name}" for name in ("-answers.pdf", "-quiz-answers.pdf", "-quiz.pdf", ".pdf", ".pptx")]
    assert names == [f"hist-201/{name}" for name in stems] + stems


def test_the_course_sheet_names_the_course_in_its_header_footer_and_title(built_source: Path) -> None:
    reader = PdfReader(built_source / "hist-201" / "treaty-of-berlin-1926.pdf")
    first, second, *_ = (" ".join(page.extract_text().split()) for page in reader.pages)
    assert "HIST 201 · STUDY SHEET" in first
    assert "Europe Between the Wars · Dr. A. Example · Spring 2027 · Example University" in first
    assert "HIST 201 · The Treaty of Berlin (1926)" in second
    assert [float(value) for value in reader.pages[0].mediabox[2:]] == [612, 792]  # the course theme prints on Letter
    assert len(reader.pages) == 2  # its logo stands over the name lines, so the band is no taller than the sheet can bear
    assert "HIST 201" in reader.metadata["/Keywords"]
    loose = PdfReader(built_source / "treaty-of-berlin-1926.pdf")
    assert "HIST 201" not in text_of(loose)
    assert [float(value) for value in loose.pages[0].mediabox[2:]] == [595.2756, 841.8898]


def test_the_course_deck_names_the_course_on_its_title_slide_and_footers(built_source: Path) -> None:
    deck = Presentation(built_source / "hist-201" / "treaty-of-berlin-1926.pptx")
    cover = " ".join(shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame)
    assert COURSE_LINE in cover
    assert "Logo" in [shape.name for shape in deck.slides[0].shapes]
    footers = {shape.text_frame.text for slide in list(deck.slides)[1:] for shape in slide.shapes if shape.name == "Footer"}
    assert footers == {"HIST 201 · The Treaty of Berlin (1926)"}


def test_an_inline_course_theme_and_its_labels_reach_both_outputs(workspace: Path) -> None:
    course = workspace / "source" / "courses" / "hist-202.yaml"
    course.parent.mkdir()
    course.write_text(
        "code: HIST 202\ntitle: Diplomacy\ntheme: {extends: print, labels: {key_facts: Remember this}}\ntopics: [../*.yaml]\n",
        encoding="utf-8",
    )
    out = workspace / "out"
    status, _, err = run_cli(course, "--out", out, "-q")
    assert status == 0, err
    assert "REMEMBER THIS" in text_of(PdfReader(out / "hist-202" / "treaty-of-berlin-1926.pdf"))
    titles = [slide.shapes.title.text_frame.text for slide in Presentation(out / "hist-202" / "treaty-of-berlin-1926.pptx").slides]
    assert "Remember this" in titles


COURSE_ERRORS = [
    ("title: T\ntopics: [../*.yaml]\n", "c.yaml:1:1: code: required key is missing"),
    ("code: C\ntitle: T\ntopics: [../nothing-*.yaml]\n", "c.yaml:3:10: topics[0]: no topic file matches '../nothing-*.yaml'"),
    ("code: C\ntitle: T\ntopics: [/etc/*.yaml]\n", "c.yaml:3:10: topics[0]: '/etc/*.yaml' must be relative to the course file"),
    ("code: C\ntitle: T\ntheme: fancy\ntopics: [../*.yaml]\n", "c.yaml:3:1: theme: 'fancy' is neither a built-in theme"),
    (
        "code: C\ntitle: T\ntheme: {colors: {primary: '#XYZ'}}\ntopics: [../*.yaml]\n",
        "c.yaml:3:18: theme.colors.primary: '#XYZ' is not a colour",
    ),
    ("code: C\ntitle: T\ntopic: [../*.yaml]\n", "c.yaml:3:1: topic: unknown key 'topic'; did you mean 'topics'?"),
]


@pytest.mark.parametrize(("text", "message"), COURSE_ERRORS, ids=[message.split(": ")[1] for _, message in COURSE_ERRORS])
def test_every_course_error_names_file_line_and_field(workspace: Path, text: str, message: str) -> None:
    course = workspace / "source" / "courses" / "c.yaml"
    course.parent.mkdir()
    course.write_text(text, encoding="utf-8")
    status, _, err = run_cli(course, "--out", workspace / "out")
    assert status == 2
    assert message in err.replace(str(course.parent) + "/", "")
    assert not (workspace / "out").exists()


def test_a_german_topic_prints_german_labels_in_both_outputs(workspace: Path) -> None:
    topic = workspace / "source" / "berliner-vertrag.yaml"
    shutil.copy(TREATY, topic)
    topic.write_text(topic.read_text(encoding="utf-8").replace("language: en", "language: de"), encoding="utf-8")
    out = workspace / "out"
    status, _, err = run_cli(topic, "--out", out, "-q")
    assert status == 0, err
    sheet = text_of(PdfReader(out / "berliner-vertrag.pdf"))
    for label in ("ARBEITSBLATT", "AUF EINEN BLICK", "Was geschah?", "Zeitleiste", "Seite 1 von ", "24. April 1926"):
        assert label in sheet
    assert "LÖSUNGEN" in text_of(PdfReader(out / "berliner-vertrag-answers.pdf")).upper()
    deck = Presentation(out / "berliner-vertrag.pptx")
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert {"Auf einen Blick", "Das Wichtigste", "Zeitleiste", "Überprüfe dein Wissen", "Quellen"} <= set(titles)
    assert "At a glance" not in titles


@pytest.mark.parametrize(
    "text",
    [
        "code: C9\ntitle: Elsewhere\ntopics: [source/treaty-of-berlin-1926.yaml]\n",
        "---\n{code: C9, title: Elsewhere, topics: [source/treaty-of-berlin-1926.yaml]}\n",
        "# a course kept beside its topics\n'topics': [source/treaty-of-berlin-1926.yaml]\ncode: C9\ntitle: Elsewhere\n",
    ],
    ids=["block", "flow", "quoted key"],
)
def test_a_course_outside_a_courses_folder_is_found_among_topics(workspace: Path, text: str) -> None:
    """Topics are read only as they render; anything that may be a course is read first, however it is written."""
    (workspace / "c9.yaml").write_text(text, encoding="utf-8")
    status, _, err = run_cli(workspace / "c9.yaml", workspace / "source" / "treaty-of-berlin-1926.yaml", "--out", workspace / "out", "-q")
    assert status == 0, err
    assert (workspace / "out" / "c9" / "treaty-of-berlin-1926.pdf").exists()
    assert (workspace / "out" / "treaty-of-berlin-1926.pdf").exists()
