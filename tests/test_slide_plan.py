"""The slide plan: designs chosen by content, one size per role, a timeline to scale; checked on real and generated topics."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from guide import load_topic
from guide.load import named_theme
from guide.markup import Span, plain_text
from guide.render.pptx import deck_plan, render_deck
from guide.render.slides import designs
from guide.render.slides.fitting import INSET_X_PT, Item, items_height
from guide.render.slides.geometry import Box, designed_geometry
from guide.render.slides.measure import Measurer
from guide.render.slides.plan import describe
from guide.render.slides.shapes import Shape, TextBlock
from guide.render.slides.style import DeckStyle, deck_style
from guide.render.slides.timeline import LEAST_PER_SLIDE, Event, positions
from guide.render.slides.typeset import Typesetter
from tests import strategies
from tests.conftest import TREATY
from tests.deckread import pages_in_libreoffice, text_shapes
from tests.plancheck import assert_plan_sound, assert_timeline_sound, text_blocks
from tests.samples import german_topic, long_topic, rapallo_topic, without_quizzes
from tests.strategies import topics

SNAPSHOTS = Path(__file__).parent / "snapshots"
MINIMAL = {
    "title": "Minimal",
    "summary": "A short summary.",
    "key_facts": ["One fact."],
    "context": "It happened.",
    "significance": "It mattered.",
}


def load(tmp_path: Path, data: dict[str, Any]) -> Any:
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_topic(path).topic


def matches_snapshot(name: str, text: str) -> None:
    """Set UPDATE_SNAPSHOTS=1 to accept a deliberate change."""
    path = SNAPSHOTS / f"{name}-deck-plan.txt"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "data", "aspect"), [("long", long_topic(), "16:9"), ("long-4x3", long_topic(), "4:3"), ("minimal", MINIMAL, "16:9")]
)
def test_the_plans_of_a_long_and_a_minimal_topic_match_their_snapshots(
    tmp_path: Path, name: str, data: dict[str, Any], aspect: str
) -> None:
    theme = named_theme().with_slide_aspect(aspect)
    plan = deck_plan(load(tmp_path, data), theme)
    assert_plan_sound(plan, Measurer(theme.heading_font))
    matches_snapshot(name, describe(plan))


@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
def test_a_minimal_topic_merges_its_sections_on_one_slide_whose_title_no_card_repeats(tmp_path: Path, language: str) -> None:
    plan = deck_plan(load(tmp_path, {**MINIMAL, "language": language}), named_theme())
    merged = [slide for slide in plan.slides if slide.design == "grid"]
    assert len(merged) == 1
    headings = [drawing.items[0].text for drawing in merged[0].drawing if isinstance(drawing, TextBlock) and drawing.name == "Heading"]
    assert len(headings) == 3 and merged[0].title not in headings, (merged[0].title, headings)


@pytest.mark.parametrize("theme", ["classic", "modern", "print"])
@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_the_treaty_gets_six_designs_in_every_theme_and_shape(theme: str, aspect: str) -> None:
    theme_object = named_theme(theme).with_slide_aspect(aspect)
    plan = deck_plan(load_topic(TREATY).topic, theme_object)
    assert_plan_sound(plan, Measurer(theme_object.heading_font))
    designs = [slide.design for slide in plan.slides]
    assert len(set(designs)) >= 6, designs
    assert designs.count("list") <= 0.4 * len(designs)
    assert {"cover", "cards", "timeline", "grid", "picture"} <= set(designs)


def test_the_themes_differ_in_design_not_only_in_colour() -> None:
    covers = {}
    for name in ("classic", "modern", "print"):
        theme = named_theme(name)
        cover = deck_plan(load_topic(TREATY).topic, theme).slides[0]
        covers[name] = (cover.background, cover.title_ink, tuple(sorted(drawing.name for drawing in cover.drawing)))
        assert deck_style(theme).family == name
    assert len(set(covers.values())) == 3, covers


def test_the_timeline_is_to_scale_its_own_event_marked_and_close_dates_spread() -> None:
    plan = deck_plan(load_topic(TREATY).topic, named_theme())
    (slide,) = [slide for slide in plan.slides if slide.design == "timeline"]
    markers = [drawing for drawing in slide.drawing if drawing.name == "Marker"]
    assert len(markers) == 8
    xs = [marker.box.left + marker.box.width / 2 for marker in markers]
    assert xs == sorted(xs) and len(set(xs)) == 8
    # 24 April, 29 June, 3 August, 8 September 1926: 66, 35 and 36 days apart, and so on the axis
    steps = [later - earlier for earlier, later in itertools.pairwise(xs[2:6])]
    assert steps[1] == pytest.approx(steps[2], rel=0.05) and steps[0] == pytest.approx(steps[1] * 66 / 35, rel=0.05)
    leaders = [drawing for drawing in slide.drawing if drawing.name == "Tick"]
    for marker, leader in zip(markers, leaders, strict=True):  # each label joined to its own marker
        box, axis = leader.box, marker.box.top + marker.box.height / 2
        ends = [(box.left, box.bottom), (box.right, box.top)] if leader.rising else [(box.left, box.top), (box.right, box.bottom)]
        (on_axis,) = [x for x, y in ends if y == pytest.approx(axis)]
        assert on_axis == pytest.approx(marker.box.left + marker.box.width / 2)
    own = [marker for marker in markers if marker.fill == "accent"]
    assert len(own) == 1 and own[0].box.width > markers[0].box.width
    labels = [drawing for drawing in slide.drawing if isinstance(drawing, TextBlock) and drawing.role == "timeline"]
    for side in (labels[0::2], labels[1::2]):  # labels on one side of the axis never overlap
        assert all(left.box.right <= right.box.left for left, right in itertools.pairwise(side))
    assert any(drawing.name == "Break" for drawing in slide.drawing)  # 1926 to 1931: a break in the axis


def test_close_dates_spread_to_the_least_spacing_and_a_long_gap_becomes_a_break() -> None:
    days = [dt.date(1900, 1, 1), dt.date(1900, 1, 10), dt.date(1901, 1, 1), dt.date(1902, 1, 1), dt.date(1930, 1, 1)]
    events = [Event(str(day), (), float(day.toordinal())) for day in days]
    placed = positions(events, 0, 600, 40)
    xs, breaks = placed.labels, placed.breaks
    gaps = [later - earlier for earlier, later in itertools.pairwise(xs)]
    assert gaps[0] == pytest.approx(40)  # nine days apart: spread just enough
    assert xs[2] - xs[0] == pytest.approx(xs[3] - xs[2], rel=0.05)  # a year each: the same distance
    assert breaks == [pytest.approx((xs[3] + xs[4]) / 2)]  # 28 years: shortened, drawn as a break
    assert xs[0] == 0 and xs[-1] == 600
    assert placed.broken_days == [days[4].toordinal() - days[3].toordinal()]  # what the break is labelled with


@pytest.mark.parametrize(("language", "wording"), [("en", "years"), ("de", "Jahre"), ("fr", "ans"), ("es", "años")])
def test_each_break_in_the_axis_says_how_long_a_time_it_stands_for_in_the_topics_language(
    tmp_path: Path, language: str, wording: str
) -> None:
    """A shortened wait could be read as the timeline not being to scale: its break is labelled "5 years", under the axis."""
    data = yaml.safe_load(TREATY.read_text(encoding="utf-8")) | {"language": language}
    data["images"] = []
    (tmp_path / "images").mkdir()
    plan = deck_plan(load(tmp_path, data), named_theme())
    texts = []
    for slide in [slide for slide in plan.slides if slide.design == "timeline"]:  # longer labels may take two slides
        marks = [drawing for drawing in slide.drawing if drawing.name == "Break" and isinstance(drawing, Shape)]
        lengths = [drawing for drawing in slide.drawing if isinstance(drawing, TextBlock) and drawing.name == "Break length"]
        assert len(lengths) <= len(marks)  # one with no clear place is left out: its break still shows
        texts += [block.items[0].text for block in lengths]
        axis = next(drawing for drawing in slide.drawing if drawing.name == "Axis").box.top
        dots = [drawing.box for drawing in slide.drawing if drawing.name in ("Marker", "Marker span")]
        for length in lengths:  # under its break, between the break's two markers, moved along only to stay clear
            middle = length.box.left + length.box.width / 2
            mark = min(marks, key=lambda mark: abs(mark.box.left + mark.box.width / 2 - middle)).box
            before = max(dot.right for dot in dots if dot.right < mark.left)
            after = min(dot.left for dot in dots if dot.left > mark.right)
            lines = length.box.left + INSET_X_PT, length.box.right - INSET_X_PT
            assert length.box.top >= axis and before < lines[0] and lines[1] < after
    assert f"5\u00a0{wording}" in texts and f"2\u00a0{wording}" in texts, texts  # 1926 to 1931, 1931 to 1933


def test_several_long_gaps_become_breaks_and_same_day_markers_merge_into_one_span() -> None:
    days = [dt.date(1900, 1, 1), dt.date(1900, 1, 1), dt.date(1900, 2, 1), dt.date(1910, 1, 1), dt.date(1911, 1, 1), dt.date(1925, 1, 1)]
    events = [Event(str(day), (), float(day.toordinal())) for day in days]
    placed = positions(events, 0, 600, 40, least=21)
    middles = [(earlier + later) / 2 for earlier, later in itertools.pairwise(placed.markers)]
    assert {middles[2], middles[4]} <= set(placed.breaks)  # ten and fourteen years: both shortened
    assert placed.spans == [(0, 1)]  # the same day: one span, not two dots on top of each other
    assert placed.markers == sorted(placed.markers) and placed.markers[-1] == pytest.approx(600)
    assert all(later - earlier >= 21 for earlier, later in itertools.pairwise(placed.markers[1:]))


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
@pytest.mark.parametrize("name", ["treaty", "rapallo", "long", "german"])
def test_dense_dates_get_room_between_breaks_markers_never_touch_and_leaders_never_cross(tmp_path: Path, name: str, aspect: str) -> None:
    """Close dates stand apart, no two leaders cross, and no break's length touches a leader line or a label."""
    sample = {"rapallo": rapallo_topic, "long": long_topic, "german": german_topic}.get(name)
    topic = load(tmp_path, sample()) if sample else load_topic(TREATY).topic
    plan = deck_plan(topic, named_theme().with_slide_aspect(aspect))
    slides = [slide for slide in plan.slides if slide.design == "timeline"]
    for slide in slides:
        assert_timeline_sound(slide)
    if name == "treaty" and aspect == "16:9":
        (slide,) = slides
        markers = [drawing.box for drawing in slide.drawing if drawing.name == "Marker"]
        assert sum(drawing.name == "Break" for drawing in slide.drawing) >= 3 * 3  # 1922-1925, 1926-1931, 1931-1933 at least
        cluster = markers[2:6]  # 24 April to 8 September 1926
        assert all(right.left - left.right >= 2 * markers[0].width for left, right in itertools.pairwise(cluster))


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
@pytest.mark.parametrize("theme", ["classic", "modern", "print"])
def test_a_timeline_slide_shows_three_events_or_the_timeline_is_a_dated_list(tmp_path: Path, theme: str, aspect: str) -> None:
    """Two wordy labels on a slide leave it mostly empty and say little of how the dates lie: a timeline whose labels
    are too wordy for three to stand on one slide is a list of its dates and events, in order, each date in bold."""
    for topic in (load(tmp_path, long_topic()), load_topic(TREATY).topic):
        plan = deck_plan(topic, named_theme(theme).with_slide_aspect(aspect))
        slides = [slide for slide in plan.slides if slide.section == "Timeline" and slide.design != "divider"]
        drawn = [[drawing for drawing in slide.drawing if drawing.name == "Event"] for slide in slides if slide.design == "timeline"]
        counts = [len(events) for events in drawn]
        assert not counts or min(counts) + 1 >= max(counts) >= LEAST_PER_SLIDE, counts  # shared evenly
        if topic.title == "The Treaty of Berlin (1926)":
            assert len(drawn) == len(slides)  # seven short events: the treaty's timeline stays a graphic
        if not drawn:
            items = [item for slide in slides for item in slide.body.items]
            assert [item.spans[0].text for item in items] == [f"{entry.date}: " for entry in topic.timeline]
            assert all(item.spans[0].bold for item in items)
    classic = deck_plan(load(tmp_path, long_topic()), named_theme().with_slide_aspect("4:3"))
    assert {slide.design for slide in classic.slides if slide.section == "Timeline"} <= {"list", "divider"}


GENERATED = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


@st.composite
def dated_topics(draw: st.DrawFn) -> dict[str, Any]:
    """Generated topics whose timelines carry real dates and years, in order, some close together."""
    topic = draw(topics())
    start = draw(st.dates(dt.date(1800, 1, 1), dt.date(1990, 1, 1)))
    steps = draw(st.lists(st.integers(0, 4000), min_size=1, max_size=14))
    days = [start + dt.timedelta(days=sum(steps[:index])) for index in range(len(steps))]
    topic["timeline"] = [
        {"date": day.isoformat() if index % 3 else day.year, "event": draw(strategies.entry)} for index, day in enumerate(days)
    ]
    topic["date"] = days[len(days) // 2].isoformat()
    return topic


@GENERATED
@given(data=dated_topics(), theme=st.sampled_from(["classic", "modern", "print"]), aspect=st.sampled_from(["16:9", "4:3"]))
def test_generated_topics_give_sound_plans_in_every_theme(tmp_path: Path, data: dict[str, Any], theme: str, aspect: str) -> None:
    """No overflow, nothing off the slide, no mostly empty body slide, dates on one line, one size per role, unique titles."""
    topic = load(tmp_path, data)
    theme_object = named_theme(theme).with_slide_aspect(aspect)
    plan = deck_plan(topic, theme_object)
    assert_plan_sound(plan, Measurer(theme_object.heading_font))


def deck_text(deck: Presentation) -> str:
    shown = " ".join(shape.text_frame.text for slide in deck.slides for shape in text_shapes(slide))
    notes = " ".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides)
    return " ".join(f"{shown} {notes}".split())


def test_the_deck_reads_back_with_every_fact_term_person_objective_and_excerpt_and_the_picture_in_its_section() -> None:
    topic = load_topic(TREATY).topic
    deck = Presentation(io.BytesIO(render_deck(topic, named_theme("modern"))))
    text = deck_text(deck)
    for fact in topic.key_facts:
        assert " ".join(plain_text(fact.fact).split()) in text
    for entry in topic.glossary:
        assert entry.term in text and " ".join(plain_text(entry.definition).split()) in text
    for person in topic.people:
        assert person.name in text
    for passage in (*topic.objectives, *(excerpt.text for excerpt in topic.excerpts)):
        assert " ".join(plain_text(passage).split()) in text
    titles = [slide.shapes.title.text_frame.text.replace("\v", " ") for slide in deck.slides]
    pictured = [number for number, slide in enumerate(deck.slides) if any(shape.shape_type == 13 for shape in slide.shapes)]
    assert [titles[number] for number in pictured] == ["Germany between West and East"]
    assert titles.index("What happened?") < pictured[0] < titles.index("Why does it matter?")  # in the section it illustrates


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed; install libreoffice-impress")
def test_libreoffice_converts_a_long_deck_in_the_print_theme_to_one_page_per_slide(tmp_path: Path) -> None:
    path = tmp_path / "long.pptx"
    path.write_bytes(render_deck(load(tmp_path, long_topic()), named_theme("print").with_slide_aspect("4:3")))
    assert pages_in_libreoffice(path, tmp_path) == len(Presentation(str(path)).slides)


@given(
    words=st.lists(st.sampled_from(["Treaty", "of", "Berlin", "neutrality", "a", "Soviet", "Union", "Locarno"]), min_size=2, max_size=14)
)
@settings(max_examples=40, deadline=None)
def test_balanced_lines_keep_their_number_and_leave_no_lone_word_where_a_better_break_exists(words: list[str]) -> None:
    measurer = Measurer(named_theme().heading_font)
    text, width, size = " ".join(words), 300.0, 36.0
    lines = measurer.balanced(text, width, size, bold=True).split("\v")
    greedy = measurer.line_count((Span(text, bold=True),), width, size)
    assert len(lines) == greedy and " ".join(lines) == text
    assert all(measurer.width_pt(line, size, bold=True) <= width for line in lines)
    if len(lines) > 1 and len(lines[-1].split()) == 1 and len(lines[-2].split()) > 1:  # a lone last word only if it must be
        moved = f"{lines[-2].rsplit(' ', 1)[-1]} {lines[-1]}"
        assert measurer.width_pt(moved, size, bold=True) > max(measurer.width_pt(line, size, bold=True) for line in lines)


def test_a_long_deck_opens_each_long_section_with_a_divider_and_a_short_one_has_none(tmp_path: Path) -> None:
    long = deck_plan(load(tmp_path, long_topic()), named_theme())
    dividers = [slide for slide in long.slides if slide.design == "divider"]
    assert [slide.title for slide in dividers] == ["Part 1: Key facts", "Part 2: Timeline", "Part 3: Key terms"]
    for divider in dividers:
        following = long.slides[long.slides.index(divider) + 1]
        assert following.title == divider.title.split(": ", 1)[1]
    short = without_quizzes(load_topic(TREATY).topic)
    assert not [slide for slide in deck_plan(short, named_theme()).slides if slide.design == "divider"]


def typesetter() -> Typesetter:
    measurer = Measurer(named_theme().heading_font)
    return Typesetter(measurer, measurer)


def assert_inside_and_fitted(drawings: list[Any], region: Box) -> None:
    for drawing in drawings:
        box = drawing.box
        assert region.left - 0.01 <= box.left and box.right <= region.right + 0.01, drawing
        assert region.top - 0.01 <= box.top and box.bottom <= region.bottom + 0.01, drawing
        if isinstance(drawing, TextBlock):
            assert items_height(drawing.items, box.width, drawing.size_pt, Measurer(named_theme().heading_font)) <= box.height + 0.01


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_a_quotation_a_row_of_figures_and_a_checklist_fit_their_region(aspect: str) -> None:
    region = designed_geometry(aspect).stage
    style = DeckStyle("classic", True)
    article = "Should one of the Contracting Parties, despite its peaceful attitude, be attacked by one or more third Powers, the other"
    quote = Item(
        (Span(article + " Contracting Party shall observe neutrality for the whole of the duration of the conflict.", italic=True),),
        bullet=False,
    )
    original = Item(
        (Span("Sollte einer der vertragschließenden Teile angegriffen werden, so wird der andere Neutralität beobachten."),), bullet=False
    )
    drawn = designs.quotation(region, [(quote, "Treaty of Berlin, Article 2"), (original, "Berliner Vertrag, Artikel 2")], typesetter())
    assert drawn is not None
    assert_inside_and_fitted(drawn, region)
    assert [block.role for block in drawn] == ["kicker", "quote", "caption", "quote", "caption"]
    assert drawn[2].items[0].text == "\u2014\u00a0Treaty of Berlin, Article 2"
    assert drawn[1].size_pt == drawn[3].size_pt and drawn[2].box.bottom <= drawn[3].box.top
    figures = [("24 April 1926", Item((Span("Signed in Berlin."),), bullet=False)), ("5 years", Item((Span("In force."),), bullet=False))]
    set_ = typesetter()
    drawn = designs.numbers(region, figures, set_, style)
    assert drawn is not None
    assert_inside_and_fitted(drawn, region)
    big = [block for block in drawn if isinstance(block, TextBlock) and block.role == "number"]
    assert [block.items[0].text for block in big] == ["24 April 1926", "5 years"]
    assert all(set_.lines(block.items[0], block.box.width, block.size_pt, "number") == 1 for block in big)
    objectives = [Item((Span(f"Explain point number {number} of the treaty to a neighbour."),), bullet=False) for number in range(4)]
    drawn = designs.checklist(region, objectives, typesetter())
    assert drawn is not None
    assert_inside_and_fitted(drawn, region)
    assert [drawing.name for drawing in drawn].count("Check box") == 4


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_cards_and_quotations_are_as_tall_as_their_text_and_sit_in_the_middle_of_the_body(aspect: str) -> None:
    plan = deck_plan(load_topic(TREATY).topic, named_theme().with_slide_aspect(aspect))
    stage = designed_geometry(aspect).stage
    measurer = Measurer(named_theme().heading_font)
    shown = [slide for slide in plan.slides if slide.design in ("cards", "quotation")]
    assert {slide.design for slide in shown} == {"cards", "quotation"}
    for slide in shown:
        content = [drawing.box for drawing in slide.drawing if drawing.box.top >= stage.top - 0.01]
        above = min(box.top for box in content) - stage.top
        below = stage.bottom - max(box.bottom for box in content)
        assert above > 0 and abs(above - below) <= 1, (slide.title, above, below)
        cards = [drawing.box for drawing in slide.drawing if isinstance(drawing, Shape) and drawing.name == "Card"]
        texts = [drawing for drawing in slide.drawing if isinstance(drawing, TextBlock) and drawing.name == "Card"]
        if cards:
            lowest_text = max(text.box.top + items_height(text.items, text.box.width, text.size_pt, measurer) for text in texts)
            assert max(card.bottom for card in cards) - lowest_text <= designs.PAD_PT + 0.01, slide.title


def test_a_cover_picture_stands_beside_the_title_and_a_portrait_replaces_the_initials(tmp_path: Path) -> None:
    shutil.copy(Path(__file__).parent / "data" / "pixel.png", tmp_path / "pixel.png")
    data = {
        **MINIMAL,
        "people": [
            {"name": "Gustav Stresemann", "role": "Foreign Minister.", "image": "pixel.png"},
            {"name": "Nikolai Krestinsky", "role": "Ambassador."},
        ],
        "images": [{"file": "pixel.png", "alt": "A map", "caption": "Europe in 1926.", "credit": "Drawn by us.", "section": "cover"}],
    }
    plan = deck_plan(load(tmp_path, data), named_theme())
    assert_plan_sound(plan)
    cover = plan.slides[0]
    (picture,) = [drawing for drawing in cover.drawing if drawing.name == "Picture"]
    assert picture.alt == "A map" and picture.box.left >= cover.title_box.right
    assert any(isinstance(drawing, TextBlock) and drawing.items[0].text == "Drawn by us." for drawing in cover.drawing)
    assert "picture" not in [slide.design for slide in plan.slides]  # shown once, on the cover
    (people,) = [slide for slide in plan.slides if slide.title == "Who was involved"]
    assert [drawing.name for drawing in people.drawing].count("Portrait") == 1
    assert [drawing.items[0].text for drawing in people.drawing if isinstance(drawing, TextBlock) and drawing.name == "Badge text"] == [
        "NK"
    ]


def designs_theme(tmp_path: Path, designs_yaml: str) -> Any:
    """A theme file over the default that sets ``slides.designs`` to ``designs_yaml``."""
    path = tmp_path / "designs.yaml"
    path.write_text(f"slides: {{designs: {designs_yaml}}}\n", encoding="utf-8")
    return named_theme(str(path))


def test_a_theme_switches_designs_off_and_their_content_is_set_as_lists(tmp_path: Path) -> None:
    switched = (
        "{cover: off, checklist: no, statement: false, panel: false, cards: false, numbers: false, quotation: false,"
        " timeline: false, grid: false, divider: false}"
    )
    theme = designs_theme(tmp_path, switched)
    treaty = load_topic(TREATY).topic
    plan = deck_plan(treaty, theme)
    assert {slide.design for slide in plan.slides} == {"cover", "list", "picture"}
    assert not [drawing for drawing in plan.slides[0].drawing if drawing.name == "Picture"]
    pictures = [slide for slide in plan.slides if slide.design == "picture"]
    assert len(pictures) == len(treaty.images)
    text = describe(plan)
    for excerpt in treaty.excerpts:
        assert plain_text(excerpt.text).split()[0] in text
    long = deck_plan(load(tmp_path, long_topic()), designs_theme(tmp_path, "{divider: false}"))
    assert not [slide for slide in long.slides if slide.design == "divider"]
    some = deck_plan(treaty, designs_theme(tmp_path, "{cover: false, numbers: false, timeline: false, grid: false}"))
    assert_plan_sound(some)  # statements, cards and quotations keep short content from leaving slides empty
    designs_used = {slide.design for slide in some.slides}
    kept = {"cover", "checklist", "panel", "list", "quotation", "translation", "picture", "cards"}
    # the quizzes make the deck long enough for dividers, and a true/false is a statement slide
    assert designs_used == kept | {"divider", "statement"}
    listed = next(slide for slide in some.slides if slide.title == "Key facts")
    texts = [item.text.replace("\u00a0", " ") for item in listed.body.items]  # type: ignore[union-attr]
    assert texts[0] == "24 April 1926 \u2013 Signed in Berlin by Germany and the Soviet Union."  # the figure not set big leads its fact
    assert texts[-1].startswith("5 years \u2013 In force from 29 June 1926")


def test_a_theme_chooses_rows_for_cards_and_for_people_and_terms(tmp_path: Path) -> None:
    plan = deck_plan(load_topic(TREATY).topic, designs_theme(tmp_path, "{cards: rows, grid: rows}"))
    assert_plan_sound(plan)
    for design in ("cards", "grid"):
        slides = [slide for slide in plan.slides if slide.design == design]
        assert slides, design
        for slide in slides:
            cards = [drawing.box for drawing in slide.drawing if isinstance(drawing, Shape) and drawing.name == "Card"]
            assert len(cards) >= 2 and len({card.left for card in cards}) == 1, (slide.title, cards)
    default = deck_plan(load_topic(TREATY).topic, named_theme())
    happened = next(slide for slide in default.slides if slide.design == "cards")
    assert len({drawing.box.left for drawing in happened.drawing if isinstance(drawing, Shape) and drawing.name == "Card"}) > 1


@pytest.mark.parametrize("theme", ["classic", "modern", "print"])
def test_the_treaty_sets_its_figures_big_its_people_larger_than_its_terms_and_short_slides_in_the_middle(theme: str) -> None:
    plan = deck_plan(load_topic(TREATY).topic, named_theme(theme))
    stage = designed_geometry("16:9").stage
    by_title = {slide.title: slide for slide in plan.slides}
    title_size = by_title["In numbers"].title_size_pt
    figures = [d for d in by_title["In numbers"].drawing if isinstance(d, TextBlock) and d.role == "number"]
    assert [figure.items[0].text.replace("\xa0", " ") for figure in figures] == ["24 April 1926", "5 years"]
    # twice the title at least, though kept on one line in a viewer's wide stand-in font (modern's Calibri)
    assert all(figure.size_pt >= 2 * title_size and len(figure.lines[0]) == 1 for figure in figures)
    assert plan.scale["person"] > plan.scale["grid"]
    for title in ("In numbers", "Who was involved"):
        content = [d.box for d in by_title[title].drawing if d.box.top >= stage.top - 0.01]
        above, below = min(box.top for box in content) - stage.top, stage.bottom - max(box.bottom for box in content)
        assert above > 0 and abs(above - below) <= 1, (title, above, below)
    assert by_title["Sources"].body.anchor == "ctr"  # a short list sits in the middle of its body


@pytest.mark.parametrize("theme", ["classic", "modern", "print"])
def test_an_excerpt_and_its_translation_share_one_slide_side_by_side_each_attributed(theme: str) -> None:
    topic = load_topic(TREATY).topic
    original = next(excerpt for excerpt in topic.excerpts if excerpt.id)
    translation = next(excerpt for excerpt in topic.excerpts if excerpt.translates == original.id)
    plan = deck_plan(topic, named_theme(theme))
    paired = [slide for slide in plan.slides if slide.design == "translation"]
    assert [slide.title.replace("\xa0", " ") for slide in paired] == ["Treaty of Berlin, Article 2"]
    blocks = [drawing for drawing in paired[0].drawing if isinstance(drawing, TextBlock)]
    left, by_left, right, by_right = blocks
    assert plain_text(original.text) == left.items[0].text and plain_text(translation.text) == right.items[0].text
    assert {span.lang for span in left.items[0].spans} == {"de"} and left.size_pt == right.size_pt
    assert left.box.top == right.box.top and left.box.right < right.box.left
    for passage, attribution, excerpt in ((left, by_left, original), (right, by_right, translation)):  # each under its own column
        assert attribution.box.top >= passage.box.bottom and attribution.box.left == passage.box.left
        assert attribution.items[0].text.replace("\xa0", " ").endswith(excerpt.attribution)
    shown = [block.items[0].text for slide in plan.slides for block in text_blocks(slide)]
    assert sum(plain_text(translation.text) in text for text in shown) == 1  # not again on a quotation slide of its own


def test_questions_answered_alike_keep_their_answers_and_the_topics_notes_for_them_come_once(tmp_path: Path) -> None:
    """Two statements both true have the same notes, each its own answer; the topic's note for the questions is on the first."""
    data = {**long_topic(), "notes": {"questions": "Give the class five minutes."}}
    data["questions"] = [{"type": "true_false", "question": f"Statement {number}.", "answer": True} for number in (1, 2, 3)]
    plan = deck_plan(load(tmp_path, data), named_theme())
    asked = [(number, slide) for number, slide in enumerate(plan.slides, start=1) if slide.title.startswith("Quiz question")]
    assert [slide.notes for _, slide in asked] == ["Answer: True\n\nGive the class five minutes.", "Answer: True", "Answer: True"]
    assert not any(slide.notes_with for _, slide in asked)
    continued = [(number, slide) for number, slide in enumerate(plan.slides, start=1) if slide.notes_with]
    assert len(continued) >= 5  # the long topic's lists, cards and timeline run on to further slides
    for number, slide in continued:
        assert slide.notes == f"Notes: see slide {slide.notes_with}"
        assert plan.slides[number - 2].notes_with in (0, slide.notes_with)  # the slide before it, or where that one's notes are
    assert_plan_sound(plan)


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_short_objectives_and_summary_sit_in_the_middle_of_the_slide_not_under_the_title(aspect: str) -> None:
    geometry = designed_geometry(aspect)
    plan = deck_plan(load_topic(TREATY).topic, named_theme().with_slide_aspect(aspect))
    for design in ("checklist", "panel"):
        (slide,) = [slide for slide in plan.slides if slide.design == design]
        boxes = [drawing.box for drawing in slide.drawing if drawing.name != "Rule"]
        top, bottom = min(box.top for box in boxes), max(box.bottom for box in boxes)
        assert top - geometry.stage.top == pytest.approx(geometry.stage.bottom - bottom, abs=1.0), design


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_a_picture_is_as_large_as_the_stage_allows_with_its_credit_beside_or_under_it(aspect: str) -> None:
    """On 4:3 the treaty's diagram fills the stage under the title; on 16:9 the stage's height would draw it at half the
    slide's width, so it stands from the title's top to the stage's foot, its title and credit in a column at its left."""
    geometry = designed_geometry(aspect)
    stage = geometry.stage
    plan = deck_plan(load_topic(TREATY).topic, named_theme().with_slide_aspect(aspect))
    (slide,) = [slide for slide in plan.slides if slide.design == "picture"]
    (picture,) = [drawing.box for drawing in slide.drawing if drawing.name == "Picture"]
    (credit,) = [drawing.box for drawing in slide.drawing if drawing.name == "Credit"]
    if aspect == "16:9":  # titled beside: the title, its rule and the credit in the column left of the picture
        assert picture.top == geometry.title.top and picture.right == pytest.approx(stage.right) and picture.bottom <= stage.bottom
        under_title = designs.fitted(str(TREATY.parent / "images" / "germany-between-west-and-east.png"), stage)
        assert picture.width * picture.height >= 1.3 * under_title.width * under_title.height
        assert slide.title_box.right < picture.left and credit.right < picture.left and credit.bottom == pytest.approx(picture.bottom)
        assert slide.title_size_pt == plan.scale["title"]
        return
    assert stage.left <= picture.left and picture.right <= stage.right and stage.top <= picture.top
    if credit.left >= picture.right:  # beside it, at its foot: the picture takes the stage's full height
        assert picture.height == pytest.approx(stage.height) and credit.bottom == pytest.approx(picture.bottom)
        assert credit.right <= stage.right + 0.01
    else:  # under it: the picture fills the width, or the height the credit leaves
        assert credit.top >= picture.bottom and credit.bottom <= stage.bottom + 0.01
        assert picture.width == pytest.approx(stage.width) or credit.bottom == pytest.approx(stage.bottom, abs=1.0)


def test_a_matching_too_long_for_one_slide_shares_its_options_each_beside_all_its_items() -> None:
    """On 4:3 the treaty's matching does not fit one slide at its floor: two slides, the items on both, A-C then D-F."""
    plan = deck_plan(load_topic(TREATY).topic, named_theme().with_slide_aspect("4:3"))
    numbers = [number for number, slide in enumerate(plan.slides, start=1) if slide.design == "matching"]
    assert len(numbers) == 2 and numbers[1] == numbers[0] + 1
    first, second = (plan.slides[number - 1] for number in numbers)
    columns = [[drawing for drawing in slide.drawing if isinstance(drawing, TextBlock)] for slide in (first, second)]
    assert columns[0][0].items == columns[1][0].items  # every item beside each share of the options
    letters = [[item.text[:1] for item in blocks[1].items] for blocks in columns]
    assert letters == [["A", "B", "C"], ["D", "E", "F"]]
    assert second.notes_with == numbers[0] and min(block.size_pt for blocks in columns for block in blocks) >= 20


def _card_runs(plan: Any) -> list[list[int]]:
    """The cards (or name and term cards) on each slide of every run of slides that continue one section's cards."""
    runs: list[list[int]] = []
    for _, slides in itertools.groupby(plan.slides, key=lambda slide: (slide.section, slide.design)):
        counts = [sum(isinstance(drawing, Shape) and drawing.name == "Card" for drawing in slide.drawing) for slide in slides]
        if len(counts) > 1 and all(counts):
            runs.append(counts)
    return runs


@pytest.mark.parametrize("theme", ["classic", "modern", "print"])
@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
@pytest.mark.parametrize("name", ["treaty", "long"])
def test_no_continued_slide_holds_one_card_where_the_cards_could_be_shared_out(tmp_path: Path, theme: str, aspect: str, name: str) -> None:
    """Five name cards over two slides are 3 + 2, not 4 + 1: a card alone on a continued slide looks left behind."""
    topic = load_topic(TREATY).topic if name == "treaty" else load(tmp_path, long_topic())
    plan = deck_plan(topic, named_theme(theme).with_slide_aspect(aspect))
    for counts in _card_runs(plan):
        assert sum(counts) <= len(counts) or min(counts) > 1, counts


@pytest.mark.parametrize("theme", ["classic", "modern", "print"])
def test_a_long_topic_on_4_3_puts_as_many_cards_on_a_slide_as_fit(tmp_path: Path, theme: str) -> None:
    """A 4:3 slide's two columns make each card tall: key terms and names take full-width rows, three a slide where
    they fit, and the three points of what happened fit one slide."""
    shaped = named_theme(theme).with_slide_aspect("4:3")
    plan = deck_plan(load(tmp_path, long_topic()), shaped)
    assert_plan_sound(plan, Measurer(shaped.heading_font))

    def cards(label: str) -> list[int]:
        return [
            sum(isinstance(drawing, Shape) and drawing.name == "Card" for drawing in slide.drawing)
            for slide in plan.slides
            if slide.title.startswith(label)
        ]

    assert cards("What happened?") == [3] and cards("Why does it matter?") == [3]
    assert cards("Who was involved") == [3, 2]
    terms = cards("Key terms")
    assert sum(terms) == 12 and len(terms) <= 5 and min(terms) >= 2, terms  # six slides of two before


SHORT_TOKEN = re.compile(r"^[^\W_]{1,3}[.!?…]?[”’»\"')\]]*$")


@pytest.mark.parametrize("theme", ["classic", "modern", "print"])
@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
@pytest.mark.parametrize("name", ["treaty", "long", "german"])
def test_no_line_of_a_slide_holds_a_lone_short_last_word(tmp_path: Path, theme: str, aspect: str, name: str) -> None:
    """ "Articles 1 to 3.": the "3." never stands alone on a paragraph's last line; a no-break space keeps it with "to"."""
    data = {"long": long_topic, "german": german_topic}.get(name)
    topic = load_topic(TREATY).topic if data is None else load(tmp_path, data())
    plan = deck_plan(topic, named_theme(theme).with_slide_aspect(aspect))
    for slide in plan.slides:
        for block in text_blocks(slide):
            for lines in block.lines:
                if len(lines) < 2:
                    continue
                last = "".join(span.text for span in lines[-1]).strip()
                before = "".join(span.text for span in lines[-2]).split()[-1:]
                alone = " " not in last and "\u00a0" not in last and SHORT_TOKEN.match(last)
                assert not (alone and before and len(before[0]) <= 12), (slide.title, [before, last])
