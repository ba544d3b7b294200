"""The slides PDF and the handouts: drawn from the slide plan, read back page by page, compared with the deck."""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from pptx import Presentation
from pptx.util import Emu
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from guide import load_topic
from guide.load import named_theme
from guide.render.pdf.fonts import register
from guide.render.pdf.handout import bookmarks, render_handout, render_slides_pdf
from guide.render.pdf.slide_art import face_of
from guide.render.planning import deck_setting
from guide.render.pptx import deck_plan, render_deck
from guide.render.slides.fitting import BULLET_INDENT_PT, INSET_X_PT, INSET_Y_PT, line_width
from guide.render.slides.plan import DeckPlan
from guide.render.slides.shapes import TextBlock
from guide.render.slides.typeset import TITLE_ROLES
from guide.session import BuildSession
from guide.theme import Theme
from tests.conftest import TREATY, run_cli, squeezed
from tests.pdfread import fill_colors, fonts_of, link_targets
from tests.strategies import topics
from tests.templates import make_decorated_template

DATA = Path(__file__).parent / "data"
A4 = (595.276, 841.89)
SETTINGS = ("classic", "modern", "print", "classic 4:3", "template")
"""The built-in themes, a 4:3 deck, and an institution's template."""


@pytest.fixture(scope="module")
def treaty() -> Any:
    return load_topic(TREATY).topic


@pytest.fixture(scope="module")
def template_theme(tmp_path_factory: pytest.TempPathFactory) -> Theme:
    project = tmp_path_factory.mktemp("template")
    (project / "pyproject.toml").write_text("", encoding="utf-8")
    make_decorated_template(project / "dept.pptx", DATA / "pixel.png")
    (project / "theme.yaml").write_text("slides:\n  template: dept.pptx\n", encoding="utf-8")
    return named_theme(str(project / "theme.yaml"))


def theme_of(setting: str, template_theme: Theme) -> Theme:
    if setting == "template":
        return template_theme
    name, _, aspect = setting.partition(" ")
    theme = named_theme(name)
    return theme.with_slide_aspect(aspect) if aspect else theme  # type: ignore[arg-type]


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_text(pdf: PdfReader, index: int) -> str:
    return squeezed(pdf.pages[index].extract_text())


def blocks(slide: Any) -> list[TextBlock]:
    return [block for block in (slide.subtitle, slide.body, *slide.drawing) if isinstance(block, TextBlock)]


def runs(pdf: PdfReader, index: int) -> list[tuple[str, float, float]]:
    """(text, x, baseline y) of each run of text drawn on a page, in page coordinates."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, matrix: list[float], text_matrix: list[float], font: object, size: float) -> None:
        if text.strip():
            x, y = text_matrix[4], text_matrix[5]
            found.append((text.strip(), x * matrix[0] + y * matrix[2] + matrix[4], x * matrix[1] + y * matrix[3] + matrix[5]))

    pdf.pages[index].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("setting", SETTINGS)
def test_page_counts_sizes_text_fonts_and_outline(treaty: Any, template_theme: Theme, setting: str) -> None:
    theme = theme_of(setting, template_theme)
    session = BuildSession()
    plan = deck_plan(treaty, theme, session=session)
    count = len(plan.slides)
    slides = reader(render_slides_pdf(treaty, theme, session=session))
    assert len(slides.pages) == count
    assert {(float(page.mediabox.width), float(page.mediabox.height)) for page in slides.pages} == {(plan.width_pt, plan.height_pt)}
    for index, slide in enumerate(plan.slides):
        text = page_text(slides, index)
        assert squeezed(slide.title) in text
        for block in blocks(slide):
            assert all(squeezed(item.text) in text for item in block.items), (index, block.name)
    handouts = {layout: reader(render_handout(treaty, theme.with_handout(layout), session=session)) for layout in ("lines", "6", "notes")}
    assert len(handouts["lines"].pages) == math.ceil(count / 3)
    assert len(handouts["6"].pages) == math.ceil(count / 6)
    assert len(handouts["notes"].pages) == count
    for number, slide in enumerate(plan.slides, start=1):
        assert squeezed(slide.title) in page_text(handouts["lines"], (number - 1) // 3)
        assert squeezed(slide.title) in page_text(handouts["6"], (number - 1) // 6)
        notes = page_text(handouts["notes"], number - 1)
        assert squeezed(slide.title) in notes and squeezed(slide.notes[:80]) in notes
    expected_outline = list(bookmarks(plan.slides).values())
    assert "Key facts" in expected_outline and "Timeline" in expected_outline
    for pdf in (slides, *handouts.values()):
        assert all(fonts_of(pdf).values())
        assert [entry.title for entry in pdf.outline] == expected_outline
        assert pdf.metadata is not None and pdf.metadata.title.startswith(treaty.title)
    for pdf in handouts.values():
        assert {(round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) for page in pdf.pages} == {(595.3, 841.9)}
        assert "Page 1 of" in pdf.pages[0].extract_text() and treaty.title in pdf.pages[0].extract_text()


def test_handouts_follow_the_page_size_and_keep_links_and_slide_numbers(treaty: Any) -> None:
    theme = named_theme().with_page_size("letter").with_handout("9")
    pdf = reader(render_handout(treaty, theme))
    plan = deck_plan(treaty, theme)
    assert len(pdf.pages) == math.ceil(len(plan.slides) / 9)
    assert {(float(page.mediabox.width), float(page.mediabox.height)) for page in pdf.pages} == {(612, 792)}
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert all(f"Slide {number}" in text for number in range(1, len(plan.slides) + 1))
    urls = {source.url for source in treaty.sources if source.url}
    assert urls and urls <= set(link_targets(pdf))
    assert urls <= set(link_targets(reader(render_slides_pdf(treaty, theme))))


def _pptx_boxes(deck: Any) -> list[dict[str, tuple[float, float, float, float]]]:
    """Each slide's title and body placeholder boxes, in points, as the .pptx says (a template's inherited from its layout)."""
    boxes = []
    for slide in deck.slides:
        found = {}
        for shape in slide.placeholders:
            kind = "title" if shape == slide.shapes.title else "body" if shape.placeholder_format.idx == 1 else None
            if kind:
                found[kind] = tuple(Emu(value).pt for value in (shape.left, shape.top, shape.width, shape.height))
        boxes.append(found)
    return boxes


@pytest.mark.parametrize("setting", ["classic", "print", "template"])
def test_title_and_body_sit_where_the_deck_puts_their_boxes(treaty: Any, template_theme: Theme, setting: str) -> None:
    """The first line of each title and body starts at its .pptx box's inset corner, within 1 pt (both files read back)."""
    theme = theme_of(setting, template_theme)
    plan = deck_plan(treaty, theme)
    deck = Presentation(io.BytesIO(render_deck(treaty, theme)))
    pdf = reader(render_slides_pdf(treaty, theme))
    checked = 0
    for index, (slide, boxes) in enumerate(zip(plan.slides, _pptx_boxes(deck), strict=True)):
        drawn = runs(pdf, index)
        left, top, _, height = boxes["title"]
        first = slide.title_lines[0][0].text.strip()
        x, y = next((x, y) for text, x, y in drawn if text.startswith(first[:12]))
        assert x == pytest.approx(left + INSET_X_PT, abs=1.0)
        lines = len(slide.title_lines)
        text_top = top + height - INSET_Y_PT - lines * slide.title_size_pt * 1.2  # a title sits at its box's foot
        assert y == pytest.approx(plan.height_pt - (text_top + slide.title_size_pt), abs=1.0)
        if slide.body is not None and "body" in boxes:
            left, top, _, _ = boxes["body"]
            item = slide.body.items[0]
            start = slide.body.lines[0][0][0].text.strip()
            x, y = next((x, y) for text, x, y in drawn if text.startswith(start[:12]))
            assert x == pytest.approx(left + INSET_X_PT + (BULLET_INDENT_PT if item.hangs else 0), abs=1.0)
            assert y == pytest.approx(plan.height_pt - (top + INSET_Y_PT + slide.body.size_pt), abs=1.0)
            checked += 1
    assert checked >= 2


def test_a_template_is_drawn_with_its_background_band_and_picture_and_warns_once_for_what_is_not(
    treaty: Any, template_theme: Theme, tmp_path: Path
) -> None:
    pdf = reader(render_slides_pdf(treaty, template_theme))
    colors = fill_colors(pdf)
    assert {"#FFF4E0", "#006633"} <= colors
    assert all("/XObject" in (page.get("/Resources") or {}) for page in pdf.pages)  # the master's picture on every slide
    project = Path(str(template_theme.template)).parent
    status, _, err = run_cli(TREATY, "--theme", project / "theme.yaml", "--out", tmp_path, "--outputs", "slides,handout")
    assert status == 0, err
    assert err.count("leave out what they cannot draw") == 1 and "group 'Group 3' of the master" in err


def test_the_handout_layout_comes_from_the_command_line_else_the_course_else_the_theme(treaty_project: Path) -> None:
    source = treaty_project / "source"
    (source / "themes" / "six.yaml").parent.mkdir(exist_ok=True)
    (source / "themes" / "six.yaml").write_text('handout: "6"\n', encoding="utf-8")
    course = source / "courses" / "c.yaml"
    course.write_text(
        "code: C 1\ntitle: C\ntheme: ../themes/six.yaml\nhandout: notes\ntopics: [../treaty-of-berlin-1926.yaml]\n", encoding="utf-8"
    )
    out = treaty_project / "out"
    slides = len(deck_plan(load_topic(TREATY).topic, named_theme()).slides)

    def pages() -> int:
        return len(PdfReader(out / "c" / "treaty-of-berlin-1926-handout.pdf").pages)

    assert run_cli(course, "--out", out, "--outputs", "handout", "-q")[0] == 0
    assert pages() == slides  # the course's notes over the theme's six
    assert run_cli(course, "--out", out, "--outputs", "handout", "--handout", "lines", "-q")[0] == 0
    assert pages() == math.ceil(slides / 3)
    course.write_text(course.read_text(encoding="utf-8").replace("handout: notes\n", ""), encoding="utf-8")
    assert run_cli(course, "--out", out, "--outputs", "handout", "-q")[0] == 0
    assert pages() == math.ceil(slides / 6)
    course.write_text(course.read_text(encoding="utf-8") + "handout: 5\n", encoding="utf-8")
    status, _, err = run_cli(course, "--out", out, "--outputs", "handout")
    assert status == 2
    assert f"{course}:5:1: handout: must be 'lines' or 'notes' or '2' or '4' or '6' or '9', got '5'" in err


def test_slides_pdf_and_handout_are_byte_identical_when_built_again(treaty: Any) -> None:
    theme = named_theme("modern").with_handout("notes")
    assert render_slides_pdf(treaty, theme) == render_slides_pdf(treaty, theme, session=BuildSession())
    assert render_handout(treaty, theme) == render_handout(treaty, theme, session=BuildSession())


def load(tmp_path: Path, data: dict[str, Any]) -> Any:
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_topic(path).topic


def assert_drawn_inside(plan: DeckPlan, theme: Theme, session: BuildSession) -> None:
    """Every line the plan broke, measured in the faces the PDF draws it with, fits its box; every box is on the slide."""
    fonts = deck_setting(theme, session).fonts
    title_faces, body_faces = register(fonts.title, session), register(fonts.body, session)
    for slide in plan.slides:
        for block in blocks(slide):
            box = block.box
            assert box.left >= 0 and box.top >= 0 and box.right <= plan.width_pt + 0.5 and box.bottom <= plan.height_pt + 0.5
            faces = title_faces if block.role in TITLE_ROLES else body_faces
            for item, lines in zip(block.items, block.lines, strict=True):
                for line in lines:
                    width = sum(stringWidth(span.text, face_of(faces, span), block.size_pt) for span in line)
                    assert width <= line_width(item, box.width) + 0.5, (slide.title, line)


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=topics())
def test_generated_topics_give_slides_and_handouts_with_every_title_and_nothing_outside_a_slide(
    tmp_path: Path, data: dict[str, Any]
) -> None:
    topic = load(tmp_path, data)
    theme = named_theme().with_handout("6")
    session = BuildSession()
    plan = deck_plan(topic, theme, session=session)
    slides = reader(render_slides_pdf(topic, theme, session=session))
    handout = reader(render_handout(topic, theme, session=session))
    assert len(slides.pages) == len(plan.slides) and len(handout.pages) == math.ceil(len(plan.slides) / 6)
    for index, slide in enumerate(plan.slides):
        assert squeezed(slide.title) in page_text(slides, index)
        assert squeezed(slide.title) in page_text(handout, index // 6)
        for _, x, y in runs(slides, index):
            assert -0.5 <= x <= plan.width_pt and -0.5 <= y <= plan.height_pt
    assert_drawn_inside(plan, theme, session)
