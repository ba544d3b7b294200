"""Institution templates: layouts found by placeholders in any language, named layouts, errors, fitting."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

from guide.template import EMU_PER_PT, default_template_path, read_template
from tests.conftest import TREATY, run_cli
from tests.deckread import pt, slide_size, text_shapes
from tests.samples import long_topic
from tests.templatecheck import checked_deck
from tests.templates import make_template


@pytest.fixture
def project(template_project: Path) -> Path:
    return template_project


def build_with(project: Path, template: str, extra: str = "", *arguments: str) -> tuple[int, str, Path]:
    (project / "theme.yaml").write_text(f"slides:\n  template: {template}\n{extra}", encoding="utf-8")
    out = project / "out"
    status, _, err = run_cli(project / "treaty.yaml", "--theme", project / "theme.yaml", "--out", out, "--format", "pptx", *arguments)
    return status, err, out / "treaty.pptx"


@pytest.mark.parametrize("suffix", ["pptx", "potx"])
def test_a_template_with_german_layout_names_serves_without_configuration(project: Path, suffix: str) -> None:
    make_template(project / f"dept.{suffix}", potx=suffix == "potx")
    status, err, deck_path = build_with(project, f"dept.{suffix}", "", "-q")
    assert status == 0, err
    deck = Presentation(deck_path)
    layouts = [slide.slide_layout.name for slide in deck.slides]
    assert layouts[0] == "Titelfolie"
    assert set(layouts[1:]) == {"Abschnittsüberschrift", "Titel und Inhalt", "Nur Titel"}
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert "Beispielfolie" not in titles, "the template's sample slide must be gone"
    assert titles[:5] == ["The Treaty of Berlin (1926)", "By the end you can", "At a glance", "Part 1: Key facts", "In numbers"]
    assert (pt(deck.slide_width), pt(deck.slide_height)) == (720, 540)
    assert slide_size(deck_path) == slide_size(project / f"dept.{suffix}")  # the template's own size and type, kept


def test_text_fits_inside_the_templates_placeholders_in_the_templates_fonts(project: Path) -> None:
    """Every box is placed explicitly where the layout's placeholder is, and its text fits there in the template's font."""
    template = make_template(project / "dept.pptx")
    status, err, deck_path = build_with(project, "dept.pptx", "", "-q")
    assert status == 0, err
    deck = checked_deck(deck_path, template)
    for slide in deck.slides:
        layout_boxes = {
            placeholder.placeholder_format.idx: (placeholder.left, placeholder.top, placeholder.width, placeholder.height)
            for placeholder in slide.slide_layout.placeholders
        }
        for shape in text_shapes(slide):
            assert not [run for run in shape._element.iter(qn("a:latin"))], "the template's fonts must apply"
            if slide.slide_layout.name == "Titel und Inhalt" and shape.is_placeholder:
                assert (shape.left, shape.top, shape.width, shape.height) == layout_boxes[shape.placeholder_format.idx], shape.name


def test_footers_come_from_the_templates_own_placeholders(project: Path) -> None:
    make_template(project / "dept.pptx")
    status, err, deck_path = build_with(project, "dept.pptx", "", "-q")
    assert status == 0, err
    for slide in list(Presentation(deck_path).slides)[1:]:
        kinds = {shape.placeholder_format.type: shape for shape in slide.placeholders}
        assert kinds[PP_PLACEHOLDER.FOOTER].text_frame.text == "The Treaty of Berlin (1926)"
        number = kinds[PP_PLACEHOLDER.SLIDE_NUMBER]._element
        assert [field.get("type") for field in number.iter(qn("a:fld"))] == ["slidenum"]


def test_speaker_notes_get_a_placeholder_when_the_notes_master_has_none(project: Path) -> None:
    make_template(project / "dept.pptx", notes_without_body=True)
    status, err, deck_path = build_with(project, "dept.pptx", "", "-q")
    assert status == 0, err
    for slide in Presentation(deck_path).slides:
        assert slide.notes_slide.notes_text_frame.text.strip()


def test_placeholders_read_from_the_xml_are_those_python_pptx_reports(project: Path) -> None:
    """Index, name and box (the master's where the layout gives none) of every layout placeholder."""
    kinds = {PP_PLACEHOLDER.CENTER_TITLE: "title", PP_PLACEHOLDER.TITLE: "title", PP_PLACEHOLDER.SUBTITLE: "subtitle"}
    kinds |= {PP_PLACEHOLDER.BODY: "body", PP_PLACEHOLDER.OBJECT: "body", PP_PLACEHOLDER.PICTURE: "picture"}
    kinds |= {PP_PLACEHOLDER.DATE: "date", PP_PLACEHOLDER.FOOTER: "footer", PP_PLACEHOLDER.SLIDE_NUMBER: "slide_number"}
    for path in (default_template_path(), make_template(project / "dept.pptx", without_body=True)):
        read = read_template(path).layouts
        for layout, found in zip(Presentation(str(path)).slide_layouts, read, strict=True):
            expected = [
                (kinds.get(shape.placeholder_format.type, "other"), shape.placeholder_format.idx, shape.name, *box)
                for shape in layout.placeholders
                for box in [(shape.left, shape.top, shape.width, shape.height)]
            ]
            assert expected, layout.name
            assert [(p.kind, p.idx, p.name, *(round(value * EMU_PER_PT) for value in p.box or ())) for p in found.placeholders] == expected


def test_named_layouts_override_detection(project: Path) -> None:
    make_template(project / "dept.pptx")
    extra = "  layouts: {title: Abschnittsüberschrift}\n"
    status, err, deck_path = build_with(project, "dept.pptx", extra, "-q")
    assert status == 0, err
    assert Presentation(deck_path).slides[0].slide_layout.name == "Abschnittsüberschrift"


def test_a_template_without_body_placeholders_draws_lists_in_its_own_boxes_with_a_warning(project: Path) -> None:
    template = make_template(project / "bare.pptx", without_body=True)
    status, err, deck_path = build_with(project, "bare.pptx")
    assert status == 0, err
    assert (
        "theme.yaml:2:3: slides.template: warning: no layout suits content slides; "
        "they are drawn on 'Nur Titel' in boxes of our own within the template's margins"
    ) in err
    deck = checked_deck(deck_path, template)
    assert {slide.slide_layout.name for slide in deck.slides} == {"Titelfolie", "Nur Titel"}
    bodies = [shape for slide in deck.slides for shape in slide.placeholders if shape.placeholder_format.type == PP_PLACEHOLDER.BODY]
    assert bodies, "lists are in body placeholders of their own, which take the master's text style"


def test_a_named_layout_lacking_a_placeholder_names_layout_and_placeholder(project: Path) -> None:
    make_template(project / "dept.pptx")
    status, err, _ = build_with(project, "dept.pptx", "  layouts: {content: Nur Titel}\n")
    assert status == 2
    assert "theme.yaml:3:13: slides.layouts.content: layout 'Nur Titel' has no body placeholder, which content slides need" in err


def test_a_pdf_only_build_does_not_read_the_template(project: Path) -> None:
    (project / "broken.pptx").write_bytes(b"not a zip")
    (project / "theme.yaml").write_text("slides: {template: broken.pptx}\n", encoding="utf-8")
    status, _, err = run_cli(project / "treaty.yaml", "--theme", project / "theme.yaml", "--out", project / "out", "--format", "pdf", "-q")
    assert (status, err) == (0, "")


def test_check_template_lists_layouts_placeholders_and_roles(project: Path) -> None:
    make_template(project / "dept.potx", potx=True)
    status, out, _ = run_cli("--check-template", project / "dept.potx")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].startswith("dept.potx: 720 x 540 pt, fonts Calibri / Calibri")
    assert "  [0] Titelfolie: title (0), subtitle (1), date (10), footer (11), slide_number (12) -> title" in lines
    assert "  [1] Titel und Inhalt: title (0), body (1), date (10), footer (11), slide_number (12) -> content" in lines
    assert "  [5] Nur Titel: title (0), date (10), footer (11), slide_number (12) -> title_only" in lines
    assert "  content: 'Titel und Inhalt'" in lines
    assert lines[-1] == (
        "  fonts: titles in Calibri (measured with Carlito, its metric twin); text in Calibri (measured with Carlito, its metric twin); "
        "viewers need Calibri (or Carlito) installed to see the deck as designed"
    )
    assert "    not 'Titel und vertikaler Text': vertical text, not used for content" in lines
    make_template(project / "bare.pptx", without_body=True)
    status, out, _ = run_cli("--check-template", project / "bare.pptx")
    assert status == 0
    assert "  content: 'Nur Titel', in boxes of our own (no layout suits)" in out.splitlines()


def test_a_template_font_we_cannot_measure_is_a_warning(project: Path) -> None:
    make_template(project / "georgia.pptx", fonts=("Georgia", "Calibri"))
    status, err, _ = build_with(project, "georgia.pptx", "", "-q")
    assert status == 0
    assert (
        "slides.template: warning: viewers need 'Georgia' and 'Calibri' (or 'Carlito') installed to see the deck on 'georgia.pptx'" in err
    )
    assert "'Georgia' is not bundled: measured with the wider DejaVu Sans; 'Calibri' is measured with Carlito, its metric twin" in err
    status, err, _ = build_with(project, "georgia.pptx", "", "-q", "--strict")
    assert status == 2, "a font measured with a stand-in fails a strict build"


def test_a_build_names_once_the_fonts_viewers_need_and_strict_lets_twins_pass(project: Path) -> None:
    """Calibri is measured exactly with Carlito, but not every computer has it: a warning, once however many topics, not an error."""
    make_template(project / "calibri.pptx")
    (project / "again.yaml").write_text((project / "treaty.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (project / "theme.yaml").write_text("slides:\n  template: calibri.pptx\n", encoding="utf-8")
    for strict in ((), ("--strict",)):
        arguments = (project / "treaty.yaml", project / "again.yaml", "--theme", project / "theme.yaml", "--format", "pptx", "--force")
        status, _, err = run_cli(*arguments, "--out", project / "out", *strict)
        assert status == 0, err
        needs = "warning: viewers need 'Calibri' (or 'Carlito') installed to see the deck on 'calibri.pptx' as designed"
        assert err.count(needs) == 1
        assert "'Calibri' is measured with Carlito, its metric twin" in err


FOOTERS = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


def without_section_header(path: Path) -> Path:
    """The template without its section header layout, so no layout serves sections."""
    deck = Presentation(str(path))
    deck.slide_layouts.remove(deck.slide_layouts.get_by_name("Abschnittsüberschrift"))
    deck.save(str(path))
    assert read_template(path).roles["section"] is None
    return path


PARTS = {
    "long": ["Key facts", "Timeline", "Key terms", "Check your understanding"],  # names share out over two slides: no divider
    "treaty": ["Key facts", "What happened?", "Quiz"],
}


@pytest.mark.parametrize("topic", sorted(PARTS))
@pytest.mark.parametrize("section_header", [True, False])
def test_a_long_deck_on_a_template_opens_its_sections_with_dividers(project: Path, section_header: bool, topic: str) -> None:
    """On the section header layout, the parts listed in its text (this one bold) where they fit; without one, drawn on title-only."""
    template = make_template(project / "dept.pptx")
    if not section_header:
        without_section_header(template)
    if topic == "long":
        (project / "treaty.yaml").write_text(yaml.safe_dump(long_topic(), allow_unicode=True), encoding="utf-8")
    else:
        shutil.copy(TREATY, project / "treaty.yaml")
        shutil.copytree(TREATY.parent / "images", project / "images", dirs_exist_ok=True)
    status, err, deck_path = build_with(project, "dept.pptx", "", "-q")
    assert status == 0, err
    deck = Presentation(str(deck_path))
    dividers = [slide for slide in deck.slides if slide.shapes.title.text_frame.text.startswith("Part ")]
    titles = [slide.shapes.title.text_frame.text.replace("\v", " ") for slide in dividers]  # a title broken over two lines
    assert titles == [f"Part {number}: {part}" for number, part in enumerate(PARTS[topic], 1)]
    # Four parts do not fit the German header's small text box at the floor: its dividers show their titles alone.
    listed = PARTS[topic] if not (section_header and topic == "long") else []
    for current, slide in enumerate(dividers):
        assert slide.slide_layout.name == ("Abschnittsüberschrift" if section_header else "Nur Titel")
        assert slide._element.find(f"{qn('p:cSld')}/{qn('p:bg')}") is None
        parts = [
            shape
            for shape in text_shapes(slide)
            if shape != slide.shapes.title and not (shape.is_placeholder and shape.placeholder_format.type in FOOTERS)
        ]
        paragraphs = [paragraph for shape in parts for paragraph in shape.text_frame.paragraphs]
        assert [paragraph.text.split("\u2003")[1] for paragraph in paragraphs] == listed
        assert [bool(paragraph.runs[0].font.bold) for paragraph in paragraphs] == [index == current for index in range(len(listed))]
        if section_header and listed:
            assert len(parts) == 1 and parts[0].is_placeholder
        colours = {element.get("val") for shape in parts for element in shape._element.iter(qn("a:schemeClr"))}
        assert not colours & {"bg1", "bg2"}, "text in the background's colour would not show on the template's background"
