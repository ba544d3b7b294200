"""Templates as they really are: each quirk found in institutions' templates gives a good deck, unconfigured."""

from __future__ import annotations

import dataclasses
import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ImageFont
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject
from pypdf import PdfReader

from guide.colors import contrast_ratio
from guide.errors import RenderError
from guide.fonts import WIDE_FAMILY
from guide.load import load_topic
from guide.load.theme import named_theme
from guide.markup import Span
from guide.render.planning import deck_fonts
from guide.render.pptx import deck_plan, render_deck
from guide.render.slides import plan
from guide.render.slides.fitting import INSET_X_PT
from guide.render.slides.geometry import Box, designed_geometry
from guide.render.slides.measure import Measurers
from guide.render.slides.plan import plan_deck
from guide.template import EMU_PER_PT, read_template
from guide.template_art import read_template_art
from tests.conftest import MINIMAL, TREATY, run_cli, treaty_on_templates
from tests.deckread import pages_of_decks, pt
from tests.pdfread import filled_areas
from tests.template_factory import COMBINABLE, LOGO_PNG, NAVY, QUIRKS, make, make_combined
from tests.templatecheck import checked_deck, layout_names

COVER = "The Treaty of Berlin (1926)"
SUBTITLE = "Germany and the Soviet Union promise each other neutrality"
CALIBRI_NEEDED = (
    "slides.template: warning: viewers need 'Calibri' (or 'Carlito') installed to see the deck on '{template}' "
    "as designed: 'Calibri' is measured with Carlito, its metric twin"
)
BUILT: dict[tuple[str, ...], tuple[str, Path, Path]] = {}
"""Decks built in this module's project, by template and arguments: each is built once and read back by every test that needs it."""


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One project for the module, where each deck is built once (see :func:`deck_on`)."""
    yield treaty_on_templates(tmp_path_factory.mktemp("templates"))
    BUILT.clear()


def theme_file(template: Path) -> Path:
    """The theme that draws decks on ``template``."""
    return template.parent / f"theme-{template.stem}.yaml"


def deck_on(project: Path, quirk: str, *arguments: str) -> tuple[str, Path, Path]:
    """(stderr, deck, template) of the treaty built on the quirk's template; the build must succeed."""
    key = (quirk, *arguments)
    if key not in BUILT:
        template = make(project / f"{quirk}.pptx", quirk)
        BUILT[key] = built_on(project, template, *arguments)
    return BUILT[key]


def built_on(project: Path, template: Path, *arguments: str) -> tuple[str, Path, Path]:
    """(stderr, deck, template) of the treaty built on ``template`` (in the project) into a folder of its own."""
    theme = theme_file(template)
    theme.write_text(f"slides:\n  template: {template.name}\n", encoding="utf-8")
    out = project / "out" / "-".join((template.stem, *(argument.strip("-").replace(":", "x") for argument in arguments)))
    status, _, err = run_cli(project / "treaty.yaml", "--theme", theme, "--out", out, "--format", "pptx", *arguments)
    assert status == 0, err
    return err, out / "treaty.pptx", template


@pytest.mark.parametrize("quirk", sorted(QUIRKS))
def test_every_quirk_gives_a_deck_where_nothing_overflows_or_is_cut(project: Path, quirk: str) -> None:
    _, deck_path, template = deck_on(project, quirk)
    deck = checked_deck(deck_path, template)
    assert deck.slides[0].shapes.title.text_frame.text.replace("\v", " ") == COVER
    assert 15 <= len(deck.slides) <= 40


def test_a_vertical_text_layout_is_never_used_for_content_however_large_its_body(project: Path) -> None:
    _, deck_path, template = deck_on(project, "vertical")
    assert set(layout_names(checked_deck(deck_path, template))) == {"Title Slide", "Section Header", "Title and Content", "Title Only"}
    status, out, _ = run_cli("--check-template", template)
    assert status == 0
    assert "    not 'Custom Layout 3': vertical text, not used for content" in out.splitlines()


def test_a_body_too_small_for_two_lines_gives_way_to_the_slides_free_area(project: Path) -> None:
    _, deck_path, template = deck_on(project, "google")
    deck = checked_deck(deck_path, template)
    bodies = [
        shape
        for slide in deck.slides
        if slide.slide_layout.name == "TITLE_AND_BODY"
        for shape in slide.placeholders
        if shape.placeholder_format.type not in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
    ]
    assert bodies, "lists go on the content layout"
    assert min(pt(body.height) for body in bodies) > 200
    _, out, _ = run_cli("--check-template", template)
    assert "content: 'TITLE_AND_BODY' (its body is 21.8 pt tall, too small for two lines: the slide's free area is used)" in out


@pytest.mark.parametrize("quirk", ["title-extra-bodies", "title-body-line", "cover-title-alone"])
def test_the_title_layout_is_found_whatever_its_second_line_and_the_subtitle_is_kept(project: Path, quirk: str) -> None:
    _, deck_path, template = deck_on(project, quirk)
    deck = checked_deck(deck_path, template)
    cover = deck.slides[0]
    assert cover.slide_layout.name == "Title Slide"
    texts = [shape.text_frame.text.replace("\v", " ") for shape in cover.shapes if shape.has_text_frame]
    assert any(SUBTITLE in text and "Berlin" in text for text in texts)
    if quirk == "cover-title-alone":  # in a box of our own, lined up with the centred title
        (subtitle,) = [shape for shape in cover.placeholders if shape.placeholder_format.idx == 91]
        assert {paragraph.get("algn") for paragraph in subtitle._element.iter(qn("a:pPr"))} == {"ctr"}


def test_a_content_layout_with_a_thin_second_strip_holds_the_lists_in_its_main_body(project: Path) -> None:
    _, deck_path, template = deck_on(project, "content-strip")
    deck = checked_deck(deck_path, template)
    lists = [slide for slide in deck.slides if slide.slide_layout.name == "Title and Content"]
    assert lists
    for slide in lists:
        (body,) = [shape for shape in slide.placeholders if shape.placeholder_format.idx == 1]
        assert pt(body.height) > 250


def test_layouts_of_a_second_master_serve(project: Path) -> None:
    _, deck_path, template = deck_on(project, "two-masters")
    assert set(layout_names(checked_deck(deck_path, template))) == {"Title Slide", "Section Header", "Inhalt", "Nur Titel"}


def test_fonts_set_in_the_masters_text_styles_are_read_measured_wide_and_named_in_a_warning(project: Path) -> None:
    err, deck_path, template = deck_on(project, "master-fonts")
    assert read_template(template).fonts == ("Montserrat", "Roboto")
    checked_deck(deck_path, template)
    needs = (
        "warning: viewers need 'Montserrat' and 'Roboto' installed to see the deck on 'master-fonts.pptx' as designed: "
        "'Montserrat' is not bundled: measured with the wider DejaVu Sans; 'Roboto' is not bundled: measured with the wider DejaVu Sans, "
        "so its text fits in any font"
    )
    assert needs in err
    assert err.count("viewers need") == 1


def test_a_font_without_a_twin_is_measured_with_a_wider_face(project: Path) -> None:
    err, deck_path, template = deck_on(project, "verdana")
    assert "'Verdana' is not bundled: measured with the wider DejaVu Sans" in err
    checked_deck(deck_path, template)


def test_the_templates_title_style_is_not_overridden(project: Path) -> None:
    """Alignment and weight are the template's; its title size is where titles start (ours would be 36 pt)."""
    _, deck_path, template = deck_on(project, "centred-titles")
    sizes = set()
    for slide in checked_deck(deck_path, template).slides:
        title = slide.shapes.title._element
        assert [paragraph.get("algn") for paragraph in title.iter(qn("a:pPr"))] == [None] * len(list(title.iter(qn("a:pPr"))))
        assert {run.get("b") for run in title.iter(qn("a:rPr"))} == {None}
        sizes |= {int(run.get("sz")) / 100 for run in title.iter(qn("a:rPr"))}
    assert max(sizes) == 34


def test_footers_and_slide_numbers_come_from_the_master_when_layouts_lack_them(project: Path) -> None:
    _, deck_path, _ = deck_on(project, "no-footers")
    for slide in list(Presentation(str(deck_path)).slides)[1:]:
        kinds = {shape.placeholder_format.type: shape for shape in slide.placeholders}
        assert kinds[PP_PLACEHOLDER.FOOTER].text_frame.text == COVER
        assert pt(kinds[PP_PLACEHOLDER.FOOTER].top) > 480
        assert [field.get("type") for field in kinds[PP_PLACEHOLDER.SLIDE_NUMBER]._element.iter(qn("a:fld"))] == ["slidenum"]


def test_text_sizes_and_the_designs_lengths_grow_with_the_slide(project: Path) -> None:
    """On a 1440 x 810 pt slide, text, badges, card padding, timeline markers and line weights are 1.5 times ours."""
    _, deck_path, template = deck_on(project, "large")
    deck = checked_deck(deck_path, template)
    sizes = {int(run.get("sz")) / 100 for slide in deck.slides for run in slide.shapes.title._element.iter(qn("a:rPr")) if run.get("sz")}
    assert min(sizes) >= 28 * 1.5
    shapes = [shape for slide in deck.slides for shape in slide.shapes]

    def named(name: str) -> list:
        return [shape for shape in shapes if shape.name == name]

    assert {(pt(badge.width), pt(badge.height)) for badge in named("Badge")} == {(66.0, 66.0)}
    assert {pt(marker.width) for marker in named("Marker")} == {21.0, 33.0}
    assert {pt(axis.line.width) for axis in named("Axis")} == {3.75}
    assert {pt(tick.line.width) for tick in named("Tick")} == {1.5}
    cards = named("Card")
    padding = {
        round(pt(text.left) - pt(card.left), 3)
        for card, text in itertools.pairwise(cards)
        if not card.text_frame.text and text.text_frame.text
    }
    assert padding == {18.0, 18.0 + 9 + 18, 18.0 + 66 + 18}  # a card's padding; a grid card's after its accent bar or its badge


def test_placeholders_without_idx_are_placed_explicitly(project: Path) -> None:
    _, deck_path, template = deck_on(project, "no-idx")
    checked_deck(deck_path, template)  # every text placeholder has a position of its own


def test_every_template_deck_converts_to_one_page_per_slide(project: Path) -> None:
    """All quirks' and real templates' decks, converted by LibreOffice in one run: each gives one page per slide."""
    folder = project / "converted"
    folder.mkdir()
    for quirk in sorted(QUIRKS):
        _, deck_path, _ = deck_on(project, quirk)
        shutil.copy(deck_path, folder / f"{quirk}.pptx")
    for name in sorted(REAL_LAYOUTS):
        _, deck_path = deck_on_file(project, REAL / name)
        shutil.copy(deck_path, folder / name)

    decks = sorted(folder.glob("*.pptx"))
    pages = pages_of_decks(decks, folder)
    assert {deck.stem: pages[deck] for deck in decks} == {deck.stem: len(Presentation(str(deck)).slides) for deck in decks}


def test_a_box_far_too_small_for_its_text_is_a_clear_error_not_hundreds_of_slides(tmp_path: Path) -> None:
    questions = "".join(f"  - {{question: Question number {number} asks something?, answer: A}}\n" for number in range(45))
    (tmp_path / "many.yaml").write_text(MINIMAL.format(title="Many") + f"questions:\n{questions}", encoding="utf-8")
    topic = load_topic(tmp_path / "many.yaml").topic
    ours = designed_geometry("16:9")
    one_line = dataclasses.replace(ours, body=Box(ours.body.left, ours.body.top, ours.body.width, 30))
    message = r"'Check your understanding' would take \d+ slides, more than the 40 one section may; its box is 880 x 30 pt"
    with pytest.raises(RenderError, match=message):
        plan_deck(topic, named_theme().labels_for("en"), one_line, deck_fonts(named_theme(), None))


def test_the_continuation_error_names_the_templates_layout(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan, "MAX_CONTINUED", 1)
    template = make(project / "google.pptx", "google")
    theme = dataclasses.replace(named_theme(), template=template)
    with pytest.raises(RenderError, match="on the template's layout 'TITLE_AND_BODY'"):
        render_deck(load_topic(TREATY).topic, theme)


def test_aspect_with_a_template_is_a_warning_for_the_template_decides(project: Path) -> None:
    err, deck_path, template = deck_on(project, "large", "--aspect", "4:3")
    assert "--aspect: warning: --aspect 4:3 is not used: the template 'large.pptx' decides the slides' shape" in err
    assert pt(checked_deck(deck_path, template).slide_width) == 1440


def test_links_and_drawn_text_take_colours_that_read_on_the_templates_own_background(project: Path) -> None:
    err, deck_path, template = deck_on(project, "navy")
    assert "contrast" not in err
    deck = checked_deck(deck_path, template)
    art = read_template_art(template)
    navy = "#" + NAVY
    links = [run for slide in deck.slides for run in slide._element.iter(qn("a:rPr")) if run.find(qn("a:hlinkClick")) is not None]
    assert links
    for run in links:
        (color,) = run.iter(qn("a:schemeClr"))
        assert contrast_ratio(art.color(color.get("val")), navy) >= 4.5
    drawn = [shape for slide in deck.slides for shape in slide.shapes if shape.has_text_frame and not shape.is_placeholder]
    colors = {node.get("val") for shape in drawn for run in shape._element.iter(qn("a:rPr")) for node in run.iter(qn("a:srgbClr"))}
    assert "FFFFFF" in colors, "text drawn on the slide takes the master's white"


def test_text_that_does_not_read_on_the_templates_background_is_a_warning_and_strict_refuses(project: Path) -> None:
    err, _, template = deck_on(project, "navy-dark-text")
    assert "warning: the template's text colour #000000 on the background #1F2A44 of layout 'Title Slide' (title slides)" in err
    assert "has contrast 1.5:1, below the 4.5:1 that WCAG AA asks for text" in err
    status, _, err = run_cli(project / "treaty.yaml", "--theme", theme_file(template), "--out", project / "strict", "--strict")
    assert status == 2


def test_branding_on_the_sample_slides_is_carried_onto_the_slides_of_its_roles(project: Path) -> None:
    err, deck_path, template = deck_on(project, "branding")
    (warning,) = [line for line in err.splitlines() if "warning" in line]
    assert warning.endswith(CALIBRI_NEEDED.format(template="branding.pptx"))
    deck = checked_deck(deck_path, template)
    for slide in deck.slides:
        if slide.slide_layout.name == "Section Header":
            continue  # the samples are title and content slides: their branding is not a divider's
        names = [shape.name for shape in slide.shapes]
        assert "University logo" in names and "Title marker" in names, names
        assert names.index("University logo") < names.index(slide.shapes.title.name), "branding stays behind the slide's text"
        (logo,) = [shape for shape in slide.shapes if shape.name == "University logo"]
        assert logo.image.blob == LOGO_PNG
    cover = deck.slides[0]._element
    assert [node.get("val") for node in cover.find(qn("p:cSld")).find(qn("p:bg")).iter(qn("a:srgbClr"))] == [NAVY]
    title_colors = {node.get("val") for node in deck.slides[0].shapes.title._element.iter(qn("a:srgbClr"))}
    assert title_colors == {"FFFFFF"}, "the cover's title takes the colour its sample gave it on the dark background"
    assert all(deck.slides[index]._element.find(qn("p:cSld")).find(qn("p:bg")) is None for index in range(1, len(deck.slides)))
    _, out, _ = run_cli("--check-template", template)
    assert "  branding: the picture 'University logo', the shape 'Title marker' on content slides" in out.splitlines()


def test_a_sample_background_the_titles_would_not_read_on_is_left_behind_with_a_warning(project: Path) -> None:
    err, deck_path, template = deck_on(project, "branding-dark-cover")
    assert (
        "warning: the background #1F2A44 of sample slide 1 is not carried onto title slides: "
        "the template's title colour #000000 on it has contrast 1.5:1"
    ) in err
    deck = checked_deck(deck_path, template)
    assert deck.slides[0]._element.find(qn("p:cSld")).find(qn("p:bg")) is None
    assert "University logo" in [shape.name for shape in deck.slides[0].shapes]


def test_a_branded_template_deck_is_byte_identical_when_built_again(project: Path) -> None:
    _, deck_path, _ = deck_on(project, "branding")
    _, again, _ = deck_on(project, "branding", "--force")
    assert again != deck_path and again.read_bytes() == deck_path.read_bytes()


REAL = Path(__file__).parent / "data" / "templates"
REAL_LAYOUTS = {
    "pptx-blueprint-example01.pptx": {"Title Slide", "Title, Content", "Title Only"},
    "pptx-blueprint-example02-section.pptx": {"Titelfolie", "Abschnitts-\nüberschrift", "Titel und Inhalt", "Nur Titel"},
    "coreoz-ppt-templates-demo.pptx": {"Diapositive de titre", "Titre de section", "Titre et contenu", "Titre seul"},
    "pptx-automizer-additional-master.pptx": {"Titelfolie blue text", "Abschnitts-\nüberschrift", "Titel und Inhalt", "Nur Titel"},
}


def deck_on_file(project: Path, template: Path) -> tuple[str, Path]:
    """(stderr, deck) of the treaty built on a real template, once per module."""
    key = (template.name,)
    if key not in BUILT:
        shutil.copy(template, project / template.name)
        BUILT[key] = built_on(project, project / template.name)
    err, deck, _ = BUILT[key]
    return err, deck


@pytest.mark.parametrize("name", sorted(REAL_LAYOUTS))
def test_real_templates_give_decks_on_their_own_layouts(project: Path, name: str) -> None:
    err, deck_path = deck_on_file(project, REAL / name)
    deck = checked_deck(deck_path, project / name)
    assert set(layout_names(deck)) == REAL_LAYOUTS[name]
    texts = " ".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert "{location}" not in texts and "#location" not in texts, "fill-in text of sample slides is not carried"
    if name.startswith("pptx-blueprint"):
        assert "recur on the sample slides but are not carried over: text on sample slides is taken for sample content" in err


@pytest.mark.parametrize("quirk", ["two-masters", "google", "no-footers", "branding"])
def test_the_slides_pdf_and_handout_are_drawn_on_the_same_templates(project: Path, quirk: str) -> None:
    _, deck_path, template = deck_on(project, quirk)
    arguments = ("--theme", theme_file(template), "--out", project / "pdf" / quirk, "--outputs", "slides,handout")
    status, _, err = run_cli(project / "treaty.yaml", *arguments)
    assert status == 0, err
    slides = PdfReader(project / "pdf" / quirk / "treaty-slides.pdf")
    assert len(slides.pages) == len(Presentation(str(deck_path)).slides)
    if quirk == "no-footers":  # the master's footer, drawn on every slide but the cover
        assert all(COVER in page.extract_text() for page in slides.pages[2:5])
    if quirk == "branding":  # what the deck carries from the samples: the cover's navy, the marker beside every title
        assert ("#" + NAVY, 720 * 540) in filled_areas(slides, 0)
        deck = Presentation(str(deck_path))
        for index, slide in enumerate(deck.slides):
            marked = slide.slide_layout.name != "Section Header"
            assert (("#C8102E", 18 * 18) in filled_areas(slides, index)) == marked, index
        assert "picture 'University logo' of sample slide 1: 'ppt/media/image1.png' is a damaged image" in err


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(quirks=st.sets(st.sampled_from(COMBINABLE), min_size=2, max_size=4))
def test_quirks_together_still_give_a_deck_where_nothing_overflows(project: Path, quirks: set[str]) -> None:
    template = make_combined(project / "combined.pptx", quirks)
    _, deck_path, _ = built_on(project, template, "--force")
    deck = checked_deck(deck_path, template)
    assert deck.slides[0].shapes.title.text_frame.text.replace("\v", " ") == COVER


def test_a_dark_cover_layout_with_light_title_styles_is_not_a_contrast_warning(project: Path) -> None:
    err, deck_path, template = deck_on(project, "dark-cover-layout")
    assert "contrast" not in err and "no colour" not in err
    title = checked_deck(deck_path, template).slides[0].shapes.title._element
    assert not list(title.iter(qn("a:solidFill"))), "the cover's title keeps its layout's white"


def test_text_keeps_clear_of_the_masters_own_shapes(project: Path) -> None:
    """The master's button sits inside its body area: lists, cards and quotations end above it; the dividers' parts,
    which ending above it would leave one line, stand beside it at the section header's full height."""
    name = "pptx-automizer-additional-master.pptx"
    _, deck_path = deck_on_file(project, REAL / name)
    deck = checked_deck(deck_path, project / name)
    left, top, _, _ = next(box for box in read_template(project / name).roles["content"].decorations if box[1] > 400)
    parts = 0
    for slide in list(deck.slides)[1:]:
        for shape in slide.shapes:
            furniture = shape.is_placeholder and shape.placeholder_format.type in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
            if shape.has_text_frame and shape.text_frame.text.strip() and not furniture and shape.name != "ModifyMe":
                above, beside = pt(shape.top + shape.height) <= top + 0.5, pt(shape.left + shape.width) <= left + 0.5
                divider = slide.slide_layout.name.startswith("Abschnitts")
                assert beside if divider and shape.name == "Textplatzhalter 2" else above, (slide.shapes.title.text_frame.text, shape.name)
                parts += divider and shape.name == "Textplatzhalter 2" and len(shape.text_frame.paragraphs) == 3
    assert parts == 3, "each of the three dividers lists the deck's three parts"


def test_a_font_only_the_cover_layout_sets_is_measured_and_named_too(project: Path) -> None:
    err, _, template = deck_on(project, "cover-font")
    assert "'Montserrat' is not bundled: measured with the wider DejaVu Sans" in err
    assert read_template(template).other_fonts == ("Montserrat",)
    assert deck_fonts(named_theme(), read_template(template)).title.name == "DejaVu Sans", "titles are measured in the wider face"
    _, out, _ = run_cli("--check-template", template)
    assert "also in Montserrat (not bundled: measured with the wider DejaVu Sans)" in out


def test_a_dark_masters_colour_map_gives_light_text_we_draw(project: Path) -> None:
    err, deck_path, template = deck_on(project, "dark-colour-map")
    assert "contrast" not in err
    deck = checked_deck(deck_path, template)
    drawn = [shape for slide in deck.slides for shape in slide.shapes if shape.has_text_frame and not shape.is_placeholder]
    colors = {node.get("val") for shape in drawn for run in shape._element.iter(qn("a:rPr")) for node in run.iter(qn("a:srgbClr"))}
    assert "FFFFFF" in colors and "000000" not in colors, "text drawn on the black slide is the master's light text"


def drawn_text_colors(deck: PresentationObject, layout: str) -> set[str]:
    """The colours of text we draw (not in placeholders) on slides of ``layout``."""
    drawn = [shape for slide in deck.slides if slide.slide_layout.name == layout for shape in slide.shapes if not shape.is_placeholder]
    return {node.get("val") for shape in drawn for run in shape._element.iter(qn("a:rPr")) for node in run.iter(qn("a:srgbClr"))}


def test_a_layouts_own_colour_map_is_read_stated_on_its_slides_and_checked(project: Path) -> None:
    """Dark layouts in a light master, by colour maps of their own: their slides state the map, text we draw is light."""
    err, deck_path, template = deck_on(project, "layout-colour-map")
    assert "contrast" not in err
    deck = checked_deck(deck_path, template)
    for slide in deck.slides:
        override = slide._element.find(f"{qn('p:clrMapOvr')}/{qn('a:overrideClrMapping')}")
        dark = slide.slide_layout.name in ("Title and Content", "Title Only")
        assert (override is not None and override.get("bg1") == "dk1") == dark, slide.slide_layout.name
    assert drawn_text_colors(deck, "Title Only") == {"FFFFFF"}
    err, _, _ = deck_on(project, "layout-colour-map-dark-text")
    expected = "the template's title colour #000000 on the background #1F497D of layout 'Title and Content' (content slides)"
    assert f"warning: {expected}" in err


def test_colours_said_only_on_a_layouts_sample_text_are_read_checked_and_written_on_the_slides(project: Path) -> None:
    """A navy layout whose title and body are white by their sample text's run and paragraph: no false warning, white text."""
    err, deck_path, template = deck_on(project, "sample-text-colours")
    assert "the template's title colour" not in err and "the template's text colour" not in err
    deck = checked_deck(deck_path, template)
    lists = [slide for slide in deck.slides if slide.slide_layout.name == "Title and Content"]
    assert lists
    for slide in lists:
        for shape in slide.placeholders:
            if shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.BODY):
                colors = {node.get("val") for node in shape._element.iter(qn("a:srgbClr"))}
                assert colors == {"FFFFFF"}, shape.name
    assert "FFFFFF" not in drawn_text_colors(deck, "Title Only"), "text drawn on the white title-only slides is dark"


@pytest.mark.parametrize(
    ("quirk", "background"),
    [
        ("gradient-background", "gradient background (#1F2A44 to #FFFFFF)"),
        ("picture-background", "background picture (#1F2A44 under the title)"),
    ],
)
def test_text_is_checked_against_gradient_and_picture_backgrounds_at_their_worst(project: Path, quirk: str, background: str) -> None:
    """A gradient by its stops; a picture by its colours under the text's box: the dark title on navy is named, strict refuses."""
    err, deck_path, template = deck_on(project, quirk)
    checked_deck(deck_path, template)
    expected = (
        f"warning: the template's title colour #000000 on the {background} of layout 'Title and Content' (content slides) "
        "has contrast 1.5:1 where it is #1F2A44, below the 4.5:1 that WCAG AA asks for text"
    )
    assert expected in err
    assert ("the template's text colour #000000" in err) == (quirk == "gradient-background"), "a list on the picture's white reads"
    status, _, _ = run_cli(project / "treaty.yaml", "--theme", theme_file(template), "--out", project / "strict", "--strict")
    assert status == 2


def test_the_slides_pdf_draws_master_shapes_coloured_by_the_themes_shape_styles(project: Path) -> None:
    """The band down the left of a real template's master takes its colour from its style (``a:fillRef``), not its own fill."""
    name = "pptx-automizer-additional-master.pptx"
    deck_on_file(project, REAL / name)
    arguments = ("--theme", theme_file(project / name), "--out", project / "pdf" / "styled", "--outputs", "slides")
    status, _, err = run_cli(project / "treaty.yaml", *arguments)
    assert status == 0, err
    slides = PdfReader(project / "pdf" / "styled" / "treaty-slides.pdf")
    band = 579863 / EMU_PER_PT * 540  # its width (in EMU) by the slide's height
    for index in range(len(slides.pages)):
        assert any(color == "#4472C4" and area == pytest.approx(band, rel=0.01) for color, area in filled_areas(slides, index)), index


def test_titles_a_layout_shows_in_capitals_are_measured_and_drawn_in_capitals(project: Path) -> None:
    """The default section header sets its title in capitals (``cap="all"``): dividers are measured so, the deck keeps the text's case."""
    template = make(project / "centred-titles.pptx", "centred-titles")
    theme = dataclasses.replace(named_theme(), template=template)
    topic = load_topic(project / "treaty.yaml").topic
    dividers = [slide for slide in deck_plan(topic, theme).slides if slide.role == "section"]
    assert len(dividers) == 3
    measurer = Measurers()(deck_fonts(theme, read_template(template)).title)
    for slide in dividers:
        lines = ["".join(span.text for span in line) for line in slide.title_lines]
        assert " ".join(lines) == slide.title.replace("\v", " ").upper() != slide.title.replace("\v", " ")
        spans = (Span(slide.title.upper(), bold=True),)
        width = slide.title_box.width - 2 * INSET_X_PT
        assert measurer.line_count(spans, width, slide.title_size_pt) == len(slide.title_lines)


@pytest.mark.parametrize("name", ["coreoz-ppt-templates-demo.pptx", "pptx-automizer-additional-master.pptx"])
def test_dates_and_figures_never_break_inside_themselves_even_in_a_wider_stand_in_font(project: Path, name: str) -> None:
    """Both templates set Calibri; a viewer without it (or Carlito) sees a wider face, as LibreOffice shows DejaVu Sans.

    Each big figure and each timeline date is one unit (no-break spaces) that fits its line in DejaVu Sans Bold too.
    """
    _, deck_path = deck_on_file(project, REAL / name)
    wide = ImageFont.truetype(str(WIDE_FAMILY.bold), 1000)
    units = []
    for slide in Presentation(str(deck_path)).slides:
        for shape in slide.shapes:
            if shape.name in ("Figure", "Event"):  # a big figure; a timeline label, its date first
                frame = shape.text_frame
                paragraph = frame.paragraphs[0]
                line = pt(shape.width) - pt(frame.margin_left) - pt(frame.margin_right)
                units.append((paragraph.text, wide.getlength(paragraph.text) * paragraph.runs[0].font.size.pt / 1000, line))
    texts = [text for text, _, _ in units]
    assert {"24\u00a0April\u00a01926", "5\u00a0years", "1\u00a0December\u00a01925", "8\u00a0September\u00a01926"} <= set(texts)
    assert all(" " not in text for text in texts), texts
    assert all(width <= line for _, width, line in units), units
