"""The slides PDF and the handouts: drawn from the slide plan, read back page by page, compared with the deck."""

from __future__ import annotations

import html
import io
import json
import math
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Emu
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfbase.pdfmetrics import stringWidth

from guide import load_topic
from guide.load import named_theme
from guide.load.theme_schema import ThemeFile
from guide.model import Course
from guide.records import record_of
from guide.render.pdf.fonts import register
from guide.render.pdf.handout import GRIDS, balanced, bookmarks, on_paper, render_handout, render_slides_pdf
from guide.render.pdf.ruled_pages import READABLE_PT, page_counts, smallest_text_pt
from guide.render.pdf.slide_art import face_of
from guide.render.planning import deck_setting
from guide.render.pptx import deck_plan, render_deck
from guide.render.slides.fitting import BULLET_INDENT_PT, INSET_X_PT, INSET_Y_PT, PARAGRAPH_GAP, line_width
from guide.render.slides.geometry import FOOTER_SIZE_PT
from guide.render.slides.measure import LINE_SPACING
from guide.render.slides.plan import DeckPlan
from guide.render.slides.shapes import TextBlock
from guide.render.slides.typeset import TITLE_ROLES
from guide.session import BuildSession
from guide.template import TemplateError
from guide.template_art import read_template_art
from guide.theme import HANDOUT_LAYOUTS, Theme
from tests.conftest import ROOT, TREATY, run_cli, squeezed
from tests.deckread import pages_in_libreoffice
from tests.handout_notes import notes_set_under, printed
from tests.pdfread import fill_colors, fonts_of, link_targets
from tests.samples import long_topic, without_quizzes
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


def slide_pages(pdf: PdfReader, plan: DeckPlan) -> dict[int, int]:
    """Slide number -> the index of the page labelled with it; each slide a handout prints once, in reading order, none left out."""
    labelled = [
        (index, int(number)) for index, page in enumerate(pdf.pages) for number in re.findall(r"Slide (\d+)\b", page.extract_text())
    ]
    assert [number for _, number in labelled] == [number for number, _ in printed(plan)]
    return {number: index for index, number in labelled}


def assert_balanced(pdf: PdfReader, plan: DeckPlan, grid: bool) -> dict[int, int]:
    """Slide number -> its page (see ``slide_pages``), asserting that a page holds a slide alone only where an odd number of
    slides leaves one over, and (``grid``) that the pages of a grid hold as many as each other, give or take one."""
    pages = slide_pages(pdf, plan)
    counts = [count for _, count in sorted(Counter(pages.values()).items())]
    assert counts.count(1) <= len(pages) % 2, counts
    assert not grid or max(counts) - min(counts) <= 1, counts
    return pages


def printed_sizes(pdf: PdfReader, index: int) -> list[tuple[float, float, str]]:
    """(size it prints at, size where it is drawn, text) of each run of text on a page: a slide's text shrinks with its slide."""
    found: list[tuple[float, float, str]] = []

    def visit(text: str, matrix: list[float], text_matrix: list[float], font: object, size: float) -> None:
        if text.strip():
            drawn = size * math.sqrt(abs(text_matrix[0] * text_matrix[3] - text_matrix[1] * text_matrix[2]))
            found.append((drawn * math.sqrt(abs(matrix[0] * matrix[3] - matrix[1] * matrix[2])), drawn, text.strip()))

    pdf.pages[index].extract_text(visitor_text=visit)
    return found


def runs(pdf: PdfReader, index: int) -> list[tuple[str, float, float]]:
    """(text, x, baseline y) of each run of text drawn on a page, in page coordinates."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, matrix: list[float], text_matrix: list[float], font: object, size: float) -> None:
        if text.strip():
            x, y = text_matrix[4], text_matrix[5]
            found.append((text.strip(), x * matrix[0] + y * matrix[2] + matrix[4], x * matrix[1] + y * matrix[3] + matrix[5]))

    pdf.pages[index].extract_text(visitor_text=visit)
    return found


def shown_title(slide: Any) -> str:
    """A slide's title as it shows: its lines (in capitals where its layout sets it so)."""
    return " ".join("".join(span.text for span in line) for line in slide.title_lines)


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
        assert squeezed(shown_title(slide)) in text
        for block in blocks(slide):
            assert all(squeezed(item.text) in text for item in block.items), (index, block.name)
    handouts = {layout: reader(render_handout(treaty, theme.with_handout(layout), session=session)) for layout in ("lines", "6", "notes")}
    shown = printed(plan)
    assert math.ceil(len(shown) / 3) <= len(handouts["lines"].pages) <= math.ceil(len(shown) / 2)
    lines_page = assert_balanced(handouts["lines"], plan, grid=False)
    assert len(handouts["6"].pages) == math.ceil(len(shown) / 6)
    six_page = assert_balanced(handouts["6"], plan, grid=True)
    assert len(handouts["notes"].pages) == len(shown)
    notes_under = notes_set_under(plan)
    for index, (number, slide) in enumerate(shown):
        assert squeezed(shown_title(slide)) in page_text(handouts["lines"], lines_page[number])
        assert squeezed(shown_title(slide)) in page_text(handouts["6"], six_page[number])
        notes = page_text(handouts["notes"], index)
        pointer = squeezed(f"Notes: see slide {notes_under[number]}")
        assert squeezed(shown_title(slide)) in notes and (squeezed(slide.notes[:80]) if notes_under[number] == number else pointer) in notes
    expected_outline = list(bookmarks(list(enumerate(plan.slides, start=1))).values())
    assert "Key facts" in expected_outline and "Timeline" in expected_outline
    dividers = [squeezed(shown_title(slide)) for slide in plan.slides if slide.design == "divider"]
    assert dividers
    for pdf in handouts.values():
        assert not [divider for divider in dividers for index in range(len(pdf.pages)) if divider in page_text(pdf, index)]
    for pdf in (slides, *handouts.values()):
        assert all(fonts_of(pdf).values())
        assert [entry.title for entry in pdf.outline] == expected_outline
        assert pdf.metadata is not None and pdf.metadata.title.startswith(treaty.title)
        assert pdf.trailer["/Root"]["/Lang"] == treaty.language
    for pdf in handouts.values():
        assert {(round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) for page in pdf.pages} == {(595.3, 841.9)}
        assert "Page 1 of" in pdf.pages[0].extract_text() and treaty.title in pdf.pages[0].extract_text()


@pytest.mark.parametrize("size", ["a4", "letter"])
@pytest.mark.parametrize("layout", ["lines", "2", "4", "6", "9"])
def test_no_handout_page_holds_a_slide_alone_where_the_others_could_spare_one(treaty: Any, layout: str, size: str) -> None:
    """The treaty's slides shared evenly between a handout's pages: 22 at six a page as 6, 6, 5, 5, not 6, 6, 6, 4; beside
    lines as pages of three and two, none of one; each page's slides read back from its labels."""
    theme = named_theme().with_page_size(size).with_handout(layout)
    pdf = reader(render_handout(treaty, theme))
    plan = deck_plan(treaty, theme)
    on_page = Counter(assert_balanced(pdf, plan, grid=layout != "lines").values())
    if layout in GRIDS:
        per_page = math.prod(GRIDS[layout])
        assert len(pdf.pages) == math.ceil(len(printed(plan)) / per_page) and max(on_page.values()) <= per_page
    else:
        assert set(on_page.values()) <= {2, 3}, on_page


def test_slides_are_shared_evenly_between_pages() -> None:
    assert balanced(10, 6) == [5, 5] and balanced(19, 9) == [7, 6, 6] and balanced(12, 6) == [6, 6]
    assert balanced(1, 9) == [1] and balanced(0, 4) == [] and balanced(7, 2) == [2, 2, 2, 1]
    assert page_counts([True] * 22) == [3] * 6 + [2, 2] and page_counts([True] * 4) == [2, 2]
    assert page_counts([False] * 5) == [2, 2, 1] and page_counts([True] * 3) == [3] and page_counts([True]) == [1]
    assert page_counts([False, True, True, True, True, False]) == [2, 2, 2]  # three only where all three fit


def test_handouts_follow_the_page_size_and_keep_links_and_slide_numbers(treaty: Any) -> None:
    theme = named_theme().with_page_size("letter").with_handout("9")
    pdf = reader(render_handout(treaty, theme))
    plan = deck_plan(treaty, theme)
    assert len(pdf.pages) == math.ceil(len(printed(plan)) / 9)
    assert {(float(page.mediabox.width), float(page.mediabox.height)) for page in pdf.pages} == {(612, 792)}
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert [int(number) for number in re.findall(r"Slide (\d+)\b", text)] == [number for number, _ in printed(plan)]
    urls = {source.url for source in treaty.sources if source.url}
    assert urls and urls <= set(link_targets(pdf))
    assert urls <= set(link_targets(reader(render_slides_pdf(treaty, theme))))


def _anchor(*shapes: Any) -> str:
    """Where a placeholder sets its lines: the first of the slide's, the layout's and the master's shapes that says."""
    for shape in shapes:
        body = shape._element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}") if shape is not None else None
        if body is not None and body.get("anchor"):
            return str(body.get("anchor"))
    return "t"


def _title_style(slide: Any, shape: Any = None) -> tuple[str, bool]:
    """(alignment, bold) of a slide's title (or another placeholder, ``shape``) as the .pptx says: the first of its own
    paragraph, run, layout's placeholder, master's placeholder and master's title (or body) style that says."""
    shape = shape or slide.shapes.title
    title = shape._element
    layout = slide.slide_layout.placeholders.get(idx=shape.placeholder_format.idx)
    master = slide.slide_layout.slide_master
    wanted = 0 if shape == slide.shapes.title else 1
    master_title = next(each for each in master.placeholders if each.placeholder_format.idx == wanted)
    style = "p:titleStyle" if wanted == 0 else "p:bodyStyle"
    levels = [title.find(f"{qn('p:txBody')}/{qn('a:p')}/{qn('a:pPr')}")]
    levels += [each._element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}/{qn('a:lvl1pPr')}") for each in (layout, master_title) if each]
    levels.append(master._element.find(f"{qn('p:txStyles')}/{qn(style)}/{qn('a:lvl1pPr')}"))
    align = next((level.get("algn") for level in levels if level is not None and level.get("algn")), "l")
    runs = [title.find(f"{qn('p:txBody')}/{qn('a:p')}/{qn('a:r')}/{qn('a:rPr')}")]
    runs += [level.find(qn("a:defRPr")) for level in levels[1:] if level is not None]
    bold = next((run.get("b") in ("1", "true") for run in runs if run is not None and run.get("b")), False)
    return align, bold


def _pptx_boxes(deck: Any) -> list[dict[str, tuple[float, float, float, float, str]]]:
    """Each slide's title and body placeholder boxes in points, and their anchors, as the .pptx says (a template's inherited)."""
    boxes = []
    for slide in deck.slides:
        found = {}
        master_title = next(shape for shape in slide.slide_layout.slide_master.placeholders if shape.placeholder_format.idx == 0)
        for shape in slide.placeholders:
            kind = "title" if shape == slide.shapes.title else "body" if shape.placeholder_format.idx == 1 else None
            if kind:
                inherited = slide.slide_layout.placeholders.get(idx=shape.placeholder_format.idx)
                anchor = _anchor(shape, inherited, master_title if kind == "title" else None)
                found[kind] = (*(Emu(value).pt for value in (shape.left, shape.top, shape.width, shape.height)), anchor)
        boxes.append(found)
    return boxes


@pytest.mark.parametrize("setting", ["classic", "print", "template"])
def test_title_and_body_sit_where_the_deck_puts_their_boxes(treaty: Any, template_theme: Theme, setting: str) -> None:
    """The first line of each title and body starts at its .pptx box's inset corner (a title where its alignment puts it), within
    1 pt (both files read back); a template's titles in its weight."""
    theme = theme_of(setting, template_theme)
    session = BuildSession()
    plan = deck_plan(treaty, theme, session=session)
    deck = Presentation(io.BytesIO(render_deck(treaty, theme)))
    pdf = reader(render_slides_pdf(treaty, theme))
    title_faces = register(deck_setting(theme, session).fonts.title, session)
    checked = 0
    for index, (slide, boxes) in enumerate(zip(plan.slides, _pptx_boxes(deck), strict=True)):
        drawn = runs(pdf, index)
        left, top, width, height, anchor = boxes["title"]
        align, bold = _title_style(deck.slides[index]) if setting == "template" else ("l", True)
        first = slide.title_lines[0][0].text.strip()
        x, y = next((x, y) for text, x, y in drawn if text.startswith(first[:12]))
        line = slide.title_lines[0]
        spare = (
            width
            - 2 * INSET_X_PT
            - sum(stringWidth(span.text, face_of(title_faces, replace(span, bold=bold)), slide.title_size_pt) for span in line)
        )
        assert x == pytest.approx(left + INSET_X_PT + {"l": 0.0, "ctr": spare / 2, "r": spare}[align], abs=1.0)
        room = height - 2 * INSET_Y_PT - len(slide.title_lines) * slide.title_size_pt * 1.2
        text_top = top + INSET_Y_PT + {"t": 0, "ctr": room / 2, "b": room}[anchor]
        assert y == pytest.approx(plan.height_pt - (text_top + slide.title_size_pt), abs=1.0)
        if slide.body is not None and "body" in boxes:
            left, top, _, height, anchor = boxes["body"]
            item, size = slide.body.items[0], slide.body.size_pt
            start = slide.body.lines[0][0][0].text.strip()
            x, y = next((x, y) for text, x, y in drawn if text.startswith(start[:12]))
            assert x == pytest.approx(left + INSET_X_PT + (BULLET_INDENT_PT if item.hangs else 0), abs=1.0)
            used = sum(len(lines) for lines in slide.body.lines) * size * LINE_SPACING + size * PARAGRAPH_GAP * (len(slide.body.lines) - 1)
            room = height - 2 * INSET_Y_PT - used
            text_top = top + INSET_Y_PT + {"t": 0, "ctr": room / 2, "b": room}[anchor]
            assert y == pytest.approx(plan.height_pt - (text_top + size), abs=1.0)
            checked += 1
        if slide.subtitle is not None and setting == "template":  # the cover's subtitle, aligned as its placeholder says
            (shape,) = [each for each in deck.slides[index].placeholders if each.placeholder_format.idx == 1]
            align, _ = _title_style(deck.slides[index], shape)
            line = slide.subtitle.lines[0][0]
            x = next(x for text, x, _ in drawn if text.startswith(line[0].text.strip()[:12]))
            faces = register(deck_setting(theme, session).fonts.body, session)
            spare = (
                Emu(shape.width).pt
                - 2 * INSET_X_PT
                - sum(stringWidth(span.text, face_of(faces, span), slide.subtitle.size_pt) for span in line)
            )
            assert align == "ctr" and x == pytest.approx(Emu(shape.left).pt + INSET_X_PT + spare / 2, abs=1.0)
            checked += 1
    assert checked >= 3 if setting == "template" else checked >= 2


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
    slides = len(printed(deck_plan(load_topic(TREATY).topic, named_theme())))

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


def test_dividers_are_left_off_paper_unless_the_notes_layout_has_notes_of_theirs_to_print(treaty: Any) -> None:
    plan = deck_plan(treaty, named_theme())
    dividers = [number for number, slide in enumerate(plan.slides, start=1) if slide.design == "divider"]
    assert len(dividers) == 3 and all(plan.slides[number - 1].notes == plan.slides[number - 1].section for number in dividers)
    for layout in HANDOUT_LAYOUTS:
        assert [number for number, _ in on_paper(plan.slides, layout)] == [number for number, _ in printed(plan)], layout
    first = dividers[0] - 1
    noted = (*plan.slides[:first], replace(plan.slides[first], notes="Ask who has heard of Locarno."), *plan.slides[first + 1 :])
    assert dividers[0] in [number for number, _ in on_paper(noted, "notes")]
    assert dividers[0] not in [number for number, _ in on_paper(noted, "6")]


def test_the_course_and_theme_schemas_name_the_handout_layouts() -> None:
    for record in (Course, ThemeFile):
        schema = json.dumps(record_of(record).object_schema({})["properties"]["handout"])
        assert all(f'"{layout}"' in schema for layout in HANDOUT_LAYOUTS), record


def test_slides_pdf_and_handout_are_byte_identical_when_built_again(treaty: Any) -> None:
    theme = named_theme("modern").with_handout("notes")
    assert render_slides_pdf(treaty, theme) == render_slides_pdf(treaty, theme, session=BuildSession())
    assert render_handout(treaty, theme) == render_handout(treaty, theme, session=BuildSession())


def load(tmp_path: Path, data: dict[str, Any]) -> Any:
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_topic(path).topic


def test_notes_run_on_under_a_mark_and_a_continued_slide_points_back_instead_of_repeating_them(tmp_path: Path) -> None:
    topic, theme = load(tmp_path, long_topic()), named_theme().with_handout("notes")
    plan = deck_plan(topic, theme)
    pdf = reader(render_handout(topic, theme))
    pages = [page_text(pdf, index) for index in range(len(pdf.pages))]
    notes_under = notes_set_under(plan)
    page, pointers = 0, 0
    for number, slide in printed(plan):
        assert squeezed(slide.title) in pages[page], (number, page)
        under = pages[page].rsplit(squeezed(f"Slide {number}"), 1)[-1]  # what is set under the slide's number
        first = notes_under[number]
        if first != number:  # a continued slide of a section: its notes are set once, under the section's first
            assert under == squeezed(f"Notes: see slide {first}"), number
            pointers += 1
        elif slide.notes.strip():
            assert under.startswith(squeezed(slide.notes[:80])), number
        page += 1
        while page < len(pages) and f"SLIDE {number} (CONT.)" in pdf.pages[page].extract_text():
            page += 1
            assert pages[page - 1].endswith(squeezed(slide.notes[-60:])) or f"SLIDE {number} (CONT.)" in pdf.pages[page].extract_text()
    carried_over = len(pages) - len(printed(plan))
    assert page == len(pages), "every page shows a slide or carries its notes on under a mark"
    assert pointers >= 10 and carried_over >= 2


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
@given(data=topics(), setting=st.sampled_from(["classic", "print 4:3", "template"]))
def test_generated_topics_give_slides_and_handouts_with_every_title_and_nothing_outside_a_slide(
    tmp_path: Path, template_theme: Theme, data: dict[str, Any], setting: str
) -> None:
    topic = load(tmp_path, data)
    theme = theme_of(setting, template_theme).with_handout("6")
    session = BuildSession()
    plan = deck_plan(topic, theme, session=session)
    slides = reader(render_slides_pdf(topic, theme, session=session))
    handout = reader(render_handout(topic, theme, session=session))
    assert len(slides.pages) == len(plan.slides) and len(handout.pages) == math.ceil(len(printed(plan)) / 6)
    assert_balanced(reader(render_handout(topic, theme.with_handout("lines"), session=session)), plan, grid=False)
    six_page = assert_balanced(handout, plan, grid=True)
    for number, slide in printed(plan):
        assert squeezed(slide.title) in page_text(handout, six_page[number])
    for index, slide in enumerate(plan.slides):
        drawn = "".join(span.text for line in slide.title_lines for span in line)  # as set: a layout may show titles in capitals
        assert squeezed(drawn) in page_text(slides, index)
        for _, x, y in runs(slides, index):
            assert -0.5 <= x <= plan.width_pt and -0.5 <= y <= plan.height_pt
    assert_drawn_inside(plan, theme, session)


def test_a_new_handout_layout_makes_a_new_handout_and_is_up_to_date_after(treaty_project: Path) -> None:
    topic, out = treaty_project / "source" / "treaty-of-berlin-1926.yaml", treaty_project / "out"
    sheet, handout = out / "treaty-of-berlin-1926.pdf", out / "treaty-of-berlin-1926-handout.pdf"
    assert run_cli(topic, "--out", out, "--outputs", "sheet,handout", "-q")[0] == 0
    before = sheet.read_bytes(), handout.read_bytes()
    status, stdout, _ = run_cli(topic, "--out", out, "--outputs", "sheet,handout")
    assert status == 0 and "1 up to date" in stdout
    assert run_cli(topic, "--out", out, "--outputs", "sheet,handout", "--handout", "notes", "-q")[0] == 0
    assert sheet.read_bytes() == before[0]
    assert handout.read_bytes() != before[1]
    status, stdout, _ = run_cli(topic, "--out", out, "--outputs", "sheet,handout", "--handout", "notes")
    assert status == 0 and "1 up to date" in stdout


@pytest.fixture(scope="module")
def decorated_parts(template_theme: Theme) -> dict[str, bytes]:
    with zipfile.ZipFile(str(template_theme.template)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.sampled_from(["ppt/slideMasters/slideMaster1.xml", "ppt/slideLayouts/slideLayout2.xml", "ppt/theme/theme1.xml"]),
    position=st.integers(0, 20_000),
    chunk=st.one_of(
        st.binary(max_size=8),
        st.sampled_from([b'w="-"', b'x="99999999999999999999999"', b'<a:srgbClr val=""/>', b"<p:grpSp/>", b'r:embed="rId99"', b"</"]),
    ),
    cut=st.integers(0, 30),
)
def test_a_damaged_template_is_drawn_or_refused_cleanly(
    tmp_path: Path, decorated_parts: dict[str, bytes], name: str, position: int, chunk: bytes, cut: int
) -> None:
    path = tmp_path / "damaged.pptx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for part, data in decorated_parts.items():
            at = position % (len(data) + 1)
            archive.writestr(part, data[:at] + chunk + data[at + cut :] if part == name else data)
    try:
        art = read_template_art(path)
    except TemplateError as error:
        assert str(error)
        return
    colors = [*art.scheme.values(), *(backdrop.color for backdrop in art.backdrops.values())]
    colors += [
        color for backdrop in art.backdrops.values() for element in backdrop.elements for color in (element.fill, element.outline) if color
    ]
    assert all(re.fullmatch("#[0-9A-F]{6}", color) for color in colors), colors


def test_the_lines_layout_rules_lines_for_writing_beside_each_slide(treaty: Any) -> None:
    theme = named_theme("print")
    pages = {layout: reader(render_handout(treaty, theme.with_handout(layout))).pages[0] for layout in ("lines", "2")}
    strokes = {
        layout: sum(operator == b"l" for _, operator in ContentStream(page.get_contents(), page.pdf).operations)
        for layout, page in pages.items()
    }
    assert strokes["lines"] - strokes["2"] >= 3 * 6  # at least six lines to write on beside each of three slides


def smallest_printed(pdf: PdfReader, plan: DeckPlan) -> float:
    """The smallest size a slide's text prints at (text drawn shrunk), leaving out the deck's footer line and slide numbers.

    The page's own text (header, labels, notes) is drawn at its size, 7.5 pt or more.
    """
    sizes = [
        printed
        for index in range(len(pdf.pages))
        for printed, drawn, text in printed_sizes(pdf, index)
        if printed < drawn - 0.01 and not (drawn >= FOOTER_SIZE_PT and (text in plan.footer or text.isdigit()))
    ]
    return min(sizes)


@pytest.mark.parametrize("page_size", ["a4", "letter"])
@pytest.mark.parametrize(("which", "setting"), [("treaty", "classic"), ("long", "modern"), ("treaty", "print 4:3"), ("treaty", "template")])
def test_the_lines_layout_prints_every_slides_text_readable(
    treaty: Any, template_theme: Theme, tmp_path: Path, page_size: str, which: str, setting: str
) -> None:
    topic = treaty if which == "treaty" else load(tmp_path, long_topic())
    theme = theme_of(setting, template_theme).with_page_size(page_size).with_handout("lines")  # type: ignore[arg-type]
    plan = deck_plan(topic, theme)
    pdf = reader(render_handout(topic, theme))
    slide_pages(pdf, plan)
    assert smallest_printed(pdf, plan) >= READABLE_PT - 0.01
    assert min(smallest_text_pt(slide) for slide in plan.slides) == 18  # dense slides: the floor of the body text


@pytest.mark.parametrize(("page_size", "margin", "per_page", "least"), [("letter", 18.0, {2, 3}, READABLE_PT), ("a4", 40.0, {2}, 6.9)])
def test_dense_slides_go_two_a_page_when_three_would_print_them_too_small(
    treaty: Any, page_size: str, margin: float, per_page: set[int], least: float
) -> None:
    """Larger margins leave too little room for three dense slides a page: those pages take two, larger, with lines under
    them; at the widest margins a theme allows, slides take the page's width, short of readable by a tenth of a point."""
    theme = replace(named_theme().with_page_size(page_size).with_handout("lines"), margin_mm=margin)  # type: ignore[arg-type]
    plan = deck_plan(treaty, theme)
    pdf = reader(render_handout(treaty, theme))
    on_page = Counter(assert_balanced(pdf, plan, grid=False).values())
    *full, last = sorted(on_page)
    assert {on_page[page] for page in full} == per_page and on_page[last] <= max(per_page), on_page  # the last page holds what is left
    assert smallest_printed(pdf, plan) >= least - 0.01
    first_of_two = next(page for page, count in on_page.items() if count == 2)
    strokes = [operator for _, operator in ContentStream(pdf.pages[first_of_two].get_contents(), pdf).operations]
    assert strokes.count(b"l") >= 2 * 3  # lines to write on under each of the two slides


@pytest.mark.parametrize("setting", ["classic", "template"])
@pytest.mark.parametrize("layout", ["lines", "notes", "2", "4", "6", "9"])
def test_the_footer_line_and_slide_numbers_print_at_six_points_or_are_left_off(
    treaty: Any, template_theme: Theme, layout: str, setting: str
) -> None:
    """Slides read on paper (lines, notes, two a page) print no text under 6 pt, their footer line and numbers
    included; four, six and nine a page, whose slides' own text prints smaller, leave those two off where they
    would print under 6 pt (as on the classic design's slides, not on the template's, whose text is larger)."""
    for page_size in ("a4", "letter"):
        theme = theme_of(setting, template_theme).with_page_size(page_size).with_handout(layout)  # type: ignore[arg-type]
        plan = deck_plan(treaty, theme)
        pdf = reader(render_handout(treaty, theme))
        sizes = [(printed, drawn, text) for index in range(len(pdf.pages)) for printed, drawn, text in printed_sizes(pdf, index)]
        titles = min(slide.title_size_pt for slide in plan.slides)  # the cover's title says what the footer says, larger
        footers = [printed for printed, drawn, text in sizes if text == plan.footer and printed < drawn < titles]  # on a slide, shrunk
        assert all(printed >= 6.0 - 0.01 for printed in footers), (page_size, min(footers))
        if layout in ("lines", "notes", "2"):
            assert min(printed for printed, _, _ in sizes) >= 6.0 - 0.01, (page_size, min(sizes))
            assert footers, page_size
        elif setting == "classic":
            assert not footers, page_size


@pytest.mark.parametrize(("layout", "least"), [("notes", 9.5), ("2", 9.5), ("4", 4.5), ("6", 4.5), ("9", 3.0)])
def test_the_grid_layouts_print_at_the_sizes_the_readme_gives(treaty: Any, layout: str, least: float) -> None:
    """2 a page and notes are read as slides; 4 and 6 a page are a reminder of each slide; 9 a page is an overview."""
    for page_size in ("a4", "letter"):
        theme = named_theme().with_page_size(page_size).with_handout(layout)  # type: ignore[arg-type]
        plan = deck_plan(treaty, theme)
        assert least <= smallest_printed(reader(render_handout(treaty, theme)), plan) < least + 1.0, page_size


def _lines_per_page(pdf: Path) -> list[set[str]]:
    """Each page's lines of text as poppler groups them, spaces folded."""
    layout = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [
        {
            " ".join(html.unescape(word) for word in re.findall(r"<word[^>]*>(.*?)</word>", line)).replace("\xa0", " ")
            for line in re.findall(r"<line[^>]*>(.*?)</line>", page, flags=re.DOTALL)
        }
        for page in layout.split("<page ")[1:]
    ]


def test_libreoffice_breaks_the_decks_lines_where_the_slides_pdf_does(treaty: Any, tmp_path: Path) -> None:
    """Both come from one plan: LibreOffice wraps the deck's paragraphs itself, and (kerning apart) breaks them where the plan did.

    The treaty without its quizzes: a deck short enough to have no dividers, whose numbered parts the two read apart differently.
    """
    treaty = without_quizzes(treaty)
    theme = named_theme()
    deck, drawn = tmp_path / "deck.pptx", tmp_path / "drawn.pdf"
    deck.write_bytes(render_deck(treaty, theme))
    drawn.write_bytes(render_slides_pdf(treaty, theme))
    assert pages_in_libreoffice(deck, tmp_path) == len(PdfReader(drawn).pages)
    ours, theirs = _lines_per_page(drawn), _lines_per_page(tmp_path / "deck.pdf")
    lines = sum(len(page) for page in ours)
    differing = sum(len(mine - converted) for mine, converted in zip(ours, theirs, strict=True))
    assert lines > 150 and differing <= lines * 0.05, [sorted(mine ^ converted) for mine, converted in zip(ours, theirs, strict=True)]


def test_processes_with_other_hash_seeds_draw_the_same_bytes(tmp_path: Path) -> None:
    made = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        command = [sys.executable, str(ROOT / "make_materials.py"), str(TREATY), "--out", str(out), "--outputs", "slides,handout", "-q"]
        subprocess.run(command, check=True, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True)
        made.append({name: (out / name).read_bytes() for name in ("treaty-of-berlin-1926-slides.pdf", "treaty-of-berlin-1926-handout.pdf")})
    assert made[0] == made[1]


def test_slides_drawn_after_the_deck_are_broken_into_lines_as_when_drawn_alone() -> None:
    """The editable deck's plan leaves its texts' lines unbroken (the deck wraps them itself); the slides PDF and
    the handout drawn after it in one session get them broken all the same, as if each were drawn first."""
    topic, theme = without_quizzes(load_topic(TREATY).topic), named_theme()
    alone = render_slides_pdf(topic, theme, None, BuildSession()), render_handout(topic, theme, None, BuildSession())
    session = BuildSession()
    render_deck(topic, theme, None, session)
    assert (render_slides_pdf(topic, theme, None, session), render_handout(topic, theme, None, session)) == alone
    plan = deck_plan(topic, theme)
    assert all(slide.title_lines for slide in plan.slides)
    broken = [  # (slide number, an item's second line): where the slides PDF must break a line
        (number, "".join(span.text for span in lines[1]).strip())
        for number, slide in enumerate(plan.slides)
        for block in (slide.body, *slide.drawing)
        if isinstance(block, TextBlock)
        for lines in block.lines
        if len(lines) > 1 and len(lines[1]) == 1  # a line of one run, which the PDF's text gives as one line
    ]
    assert broken
    pages = PdfReader(io.BytesIO(alone[0])).pages
    for number, line in broken[:20]:
        assert any(squeezed(text).startswith(squeezed(line)[:10]) for text in pages[number].extract_text().splitlines()), (number, line)
