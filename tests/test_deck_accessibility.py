"""Decks that pass PowerPoint's accessibility checker by construction, read back from the .pptx.

Titled slides with unique titles, pictures described by the topic, everything else that is drawn
marked decorative, shapes in reading order, links that say where they go, named sections, text
that stands out from what it is drawn on, and the title and language in the core properties.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml.etree import _Element
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.slide import Slide

from guide import load_topic
from guide.colors import contrast_ratio
from guide.load import named_theme
from guide.model import Course, Topic
from guide.render.pptx import deck_plan, render_deck
from guide.theme import Theme
from tests.conftest import ROOT, TREATY
from tests.samples import german_topic, long_topic
from tests.strategies import topics
from tests.templates import make_template

DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
SECTIONS = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
EMU_PER_PT = 12700
LARGE_PT, LARGE_BOLD_PT = 18.0, 14.0
"""WCAG's large text: 18 pt, or 14 pt bold; it needs 3:1, smaller text 4.5:1."""
COURSE = Course(id="hist-201", code="HIST 201", title="Europe Between the Wars", institution="Example University")


def loaded(tmp_path: Path, data: dict[str, Any]) -> Topic:
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_topic(path).topic


def template_theme(tmp_path: Path) -> Theme:
    make_template(tmp_path / "dept.pptx")
    (tmp_path / "theme.yaml").write_text("slides: {template: dept.pptx}\n", encoding="utf-8")
    return named_theme(str(tmp_path / "theme.yaml"))


def logo_theme(tmp_path: Path) -> Theme:
    (tmp_path / "logo.png").write_bytes((ROOT / "source" / "images" / "example-university-logo.png").read_bytes())
    (tmp_path / "logo.yaml").write_text("logo: logo.png\n", encoding="utf-8")
    return named_theme(str(tmp_path / "logo.yaml"))


DECKS = [
    ("treaty", "classic"),
    ("treaty", "modern"),
    ("treaty", "print"),
    ("treaty", "template"),
    ("treaty", "logo"),
    ("long", "classic"),
    ("long", "template"),
    ("german", "modern"),
]


@pytest.fixture(scope="module", params=DECKS, ids=[f"{topic}-{theme}" for topic, theme in DECKS])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Topic, Theme, Any]:
    """(topic, theme, the deck read back) for each topic and theme above."""
    name, theme_name = request.param
    folder = tmp_path_factory.mktemp(f"{name}-{theme_name}")
    topic = {"treaty": lambda: load_topic(TREATY).topic, "long": lambda: loaded(folder, long_topic())}.get(
        name, lambda: loaded(folder, german_topic())
    )()
    theme = {"template": template_theme, "logo": logo_theme}.get(theme_name, lambda _: named_theme(theme_name))(folder)
    deck = Presentation(io.BytesIO(render_deck(topic, theme, COURSE)))
    return topic, theme, deck


def shapes(slide: Slide) -> list[_Element]:
    """The shapes at the top of the slide's shape tree, in the order of the file (its reading order)."""
    tree = slide.shapes._spTree
    return [child for child in tree if child.tag in (qn("p:sp"), qn("p:pic"), qn("p:cxnSp"), qn("p:graphicFrame"))]


def properties(shape: _Element) -> _Element:
    found = shape.find(".//" + qn("p:cNvPr"))
    assert found is not None
    return found


def is_decorative(shape: _Element) -> bool:
    return any(mark.get("val") == "1" for mark in properties(shape).iter(DECORATIVE))


def placeholder_type(shape: _Element) -> str | None:
    found = shape.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
    return None if found is None else found.get("type", "body")


def text_of(shape: _Element) -> str:
    return "".join(node.text or "" for node in shape.iter(qn("a:t")))


def box(shape: _Element) -> tuple[float, float, float, float] | None:
    transform = f"{qn('p:spPr')}/{qn('a:xfrm')}"
    offset, extent = shape.find(f"{transform}/{qn('a:off')}"), shape.find(f"{transform}/{qn('a:ext')}")
    if offset is None or extent is None:
        return None
    return tuple(int(value) / EMU_PER_PT for value in (offset.get("x"), offset.get("y"), extent.get("cx"), extent.get("cy")))  # type: ignore[return-value]


def test_every_slide_has_a_title_and_no_two_titles_are_the_same(built: tuple[Topic, Theme, Any]) -> None:
    _, _, deck = built
    titles = []
    for slide in deck.slides:
        assert slide.shapes.title is not None
        titles.append(slide.shapes.title.text_frame.text.strip())
    assert all(titles)
    assert len(set(titles)) == len(titles), titles


def test_pictures_are_described_by_the_topic_and_everything_else_drawn_is_decorative(built: tuple[Topic, Theme, Any]) -> None:
    topic, _, deck = built
    described = {image.alt for image in topic.images} | {person.name for person in topic.people}
    for slide in deck.slides:
        for shape in shapes(slide):
            if shape.tag == qn("p:pic"):
                description = properties(shape).get("descr", "")
                name = properties(shape).get("name")
                if name == "Logo":
                    assert description == (COURSE.institution or "") or is_decorative(shape)
                else:
                    assert any(description.startswith(text) for text in described), description
                    assert not is_decorative(shape)
            elif shape.tag == qn("p:cxnSp") or (shape.tag == qn("p:sp") and not text_of(shape) and placeholder_type(shape) is None):
                assert is_decorative(shape), properties(shape).get("name")
            else:
                assert not is_decorative(shape), text_of(shape)


def test_shapes_are_in_reading_order_title_first_footer_last(built: tuple[Topic, Theme, Any]) -> None:
    """The title opens each slide and the footer closes it; between, each text is below or to the right of the one before."""
    _, _, deck = built
    for slide in deck.slides:
        ordered = [shape for shape in shapes(slide) if not is_decorative(shape)]
        assert placeholder_type(ordered[0]) in ("title", "ctrTitle"), text_of(ordered[0])
        names = [properties(shape).get("name", "") for shape in ordered]
        footers = [
            index
            for index, shape in enumerate(ordered)
            if placeholder_type(shape) in ("ftr", "sldNum") or names[index] in ("Footer", "Slide Number")
        ]
        assert footers == list(range(len(ordered) - len(footers), len(ordered))), names
        content = [box(shape) for shape in ordered[1 : len(ordered) - len(footers)] if placeholder_type(shape) is None]
        for before, after in itertools.pairwise(content):
            assert before and after
            assert after[0] > before[0] + 0.5 or after[1] > before[1] + 0.5, (slide.shapes.title.text_frame.text, before, after)


def test_tables_have_a_header_row_and_links_say_where_they_go(built: tuple[Topic, Theme, Any]) -> None:
    _, _, deck = built
    links = 0
    for slide in deck.slides:
        for table in slide.shapes._spTree.iter(qn("a:tbl")):
            assert table.find(qn("a:tblPr")).get("firstRow") == "1"
        for click in slide.shapes._spTree.iter(qn("a:hlinkClick")):
            links += 1
            target = slide.part.rels[click.get(qn("r:id"))].target_ref
            assert click.get("tooltip") == target
            run = click.getparent().getparent()
            shown = "".join(node.text or "" for node in run.iter(qn("a:t"))).strip()
            assert shown.casefold() not in ("here", "click here", "link", "this") and len(shown) > 3, shown
    assert links or not any(source.url for source in built[0].sources)


def test_the_deck_is_divided_into_named_sections_in_slide_order(built: tuple[Topic, Theme, Any]) -> None:
    topic, _, deck = built
    extension = deck.part._element.find(f"{qn('p:extLst')}/{qn('p:ext')}[@uri='{SECTIONS}']")
    assert extension is not None
    sections = [
        (section.get("name"), [int(slide.get("id")) for slide in section.iter(P14 + "sldId")])
        for section in extension.iter(P14 + "section")
    ]
    slide_ids = [int(slide_id.get("id")) for slide_id in deck.slides._sldIdLst]
    assert [slide for _, slides in sections for slide in slides] == slide_ids
    assert all(name for name, _ in sections) and len({name for name, _ in sections}) == len(sections)
    assert sections[0][0] == topic.title
    dividers = [slide for slide in deck.slides if slide.shapes.title.text_frame.text.startswith("Part ")]
    starts = {slides[0]: name for name, slides in sections}
    for divider in dividers:
        part = divider.shapes.title.text_frame.text.replace("\v", " ").split(": ", 1)[1]  # a title broken over two lines
        assert starts[deck.slides.index(divider) + 256] == part


def test_the_core_properties_give_the_title_and_language(built: tuple[Topic, Theme, Any]) -> None:
    topic, _, deck = built
    assert deck.core_properties.title == topic.title
    assert deck.core_properties.language == topic.language


def test_text_stands_out_from_what_it_is_drawn_on(built: tuple[Topic, Theme, Any]) -> None:
    """Each run's colour against the fill of the shape under it (or the slide's background): 4.5:1, 3:1 for large text.

    Scheme colours (a template's) are resolved as a client does: through the colour map of the
    slide, its layout or its master, to the colours of the master's theme.
    """
    _, theme, deck = built
    checked = 0
    for slide in deck.slides:
        paint = painter(slide)
        background = slide_background(slide, paint) or theme.colors.background
        under: list[tuple[tuple[float, float, float, float], str]] = []
        for shape in shapes(slide):
            area = box(shape)
            fill = shape.find(f"{qn('p:spPr')}/{qn('a:solidFill')}")
            if fill is not None and area is not None and not text_of(shape):
                under.append((area, paint(fill[0])))
                continue
            for color, size, bold in runs(shape, paint):
                ground = next((drawn_paint for drawn, drawn_paint in reversed(under) if area and inside(area, drawn)), background)
                least = 3.0 if size >= LARGE_PT or (bold and size >= LARGE_BOLD_PT) else 4.5
                assert contrast_ratio(color, ground) >= least, (slide.shapes.title.text_frame.text, color, ground, size)
                checked += 1
    assert checked > 20, "most runs we draw name their colour"


def painter(slide: Slide) -> Callable[[_Element], str]:
    """The ``#RRGGBB`` a colour element of ``slide`` shows: its own, or a scheme colour through the colour maps and theme."""
    layout = slide.slide_layout
    master = layout.slide_master
    theme_part = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    scheme = {
        etree.QName(child).localname: child[0].get("val") if child[0].tag == qn("a:srgbClr") else child[0].get("lastClr")
        for child in theme_part.find(f".//{qn('a:clrScheme')}")
    }
    mapping = dict(master._element.find(qn("p:clrMap")).attrib)
    for part in (layout, slide):
        override = part._element.find(f"{qn('p:clrMapOvr')}/{qn('a:overrideClrMapping')}")
        if override is not None:
            mapping = dict(override.attrib)

    def paint(node: _Element) -> str:
        if node.tag == qn("a:srgbClr"):
            return "#" + node.get("val")
        assert node.tag == qn("a:schemeClr"), node.tag
        name = node.get("val")
        return "#" + scheme[mapping.get(name, name)]

    return paint


def slide_background(slide: Slide, paint: Callable[[_Element], str]) -> str | None:
    """The colour of the first background the slide, its layout or its master sets (the first stop of a gradient)."""
    for part in (slide, slide.slide_layout, slide.slide_layout.slide_master):
        background = part._element.find(f"{qn('p:cSld')}/{qn('p:bg')}")
        if background is not None:
            color = next((node for node in background.iter(qn("a:srgbClr"), qn("a:schemeClr"))), None)
            return paint(color) if color is not None else None
    return None


def runs(shape: _Element, paint: Callable[[_Element], str]) -> Iterator[tuple[str, float, bool]]:
    """(colour, size, bold) of each run of text with its own colour."""
    for run in shape.iter(qn("a:r")):
        run_properties = run.find(qn("a:rPr"))
        fill = run_properties.find(qn("a:solidFill")) if run_properties is not None else None
        if fill is not None and (run.findtext(qn("a:t")) or "").strip():
            yield paint(fill[0]), int(run_properties.get("sz", "1800")) / 100, run_properties.get("b") == "1"


def inside(inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    """Whether the middle of ``inner`` lies within ``outer``."""
    x, y = inner[0] + inner[2] / 2, inner[1] + inner[3] / 2
    return outer[0] <= x <= outer[0] + outer[2] and outer[1] <= y <= outer[1] + outer[3]


def test_the_plan_gives_every_section_a_name_its_dividers_repeat(tmp_path: Path) -> None:
    plan = deck_plan(loaded(tmp_path, long_topic()), named_theme())
    assert [slide.section for slide in plan.slides[:2]] == ["", "At a glance"]  # the opening's is the topic's title in the deck
    for index, slide in enumerate(plan.slides[1:], start=1):
        assert slide.section
        if slide.design == "divider":
            assert plan.slides[index + 1].section == slide.section == slide.title.split(": ", 1)[1]


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=topics(), theme=st.sampled_from(["classic", "modern", "print"]))
def test_any_topic_gives_a_deck_titled_ordered_decorated_and_sectioned(tmp_path: Path, data: dict[str, Any], theme: str) -> None:
    topic = loaded(tmp_path, data)
    deck = Presentation(io.BytesIO(render_deck(topic, named_theme(theme))))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    assert all(title.strip() for title in titles) and len(set(titles)) == len(titles)
    for slide in deck.slides:
        ordered = [shape for shape in shapes(slide) if not is_decorative(shape)]
        assert placeholder_type(ordered[0]) in ("title", "ctrTitle")
        for shape in shapes(slide):
            drawn = shape.tag == qn("p:cxnSp") or (shape.tag == qn("p:sp") and not text_of(shape) and placeholder_type(shape) is None)
            assert is_decorative(shape) == drawn or shape.tag == qn("p:pic")
    extension = deck.part._element.find(f"{qn('p:extLst')}/{qn('p:ext')}[@uri='{SECTIONS}']")
    listed = [int(slide.get("id")) for slide in extension.iter(P14 + "sldId")]
    assert listed == [int(slide_id.get("id")) for slide_id in deck.slides._sldIdLst]
