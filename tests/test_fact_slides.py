"""Key facts too long to share a list slide: paired, as cards or beside accent bars, where two fit; a fact left alone
set large. Read back from the deck."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pptx.slide import Slide

from guide import load_topic
from guide.load import named_theme
from guide.render.pptx import deck_plan, render_deck
from guide.render.slides.fitting import items_height
from guide.render.slides.measure import Measurer
from tests.deckread import items_of, pt, text_shapes
from tests.plancheck import FOOTER_PT, assert_plan_sound
from tests.samples import long_topic, minimal_topic, sentence
from tests.test_deck_fitting import shown_facts

THEMES = ("classic", "modern", "print")
LEAST_FILL = 0.8
"""How far down its body every slide of the long sample's facts reaches: a 40-word fact alone in a list reached 65 %."""
FACT_FLOOR_PT = 20.0


def load(tmp_path: Path, data: dict[str, Any]) -> Any:
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_topic(path).topic


def fact_slides(tmp_path: Path, theme_name: str, aspect: str) -> tuple[Any, list[Slide], Measurer]:
    """The long sample's deck in the theme and shape, its slides of key facts, and what measures its text."""
    theme = named_theme(theme_name).with_slide_aspect(aspect)
    deck = Presentation(io.BytesIO(render_deck(load(tmp_path, long_topic()), theme)))
    slides = [slide for slide in deck.slides if slide.shapes.title.text_frame.text.startswith("Key facts")]
    return deck, slides, Measurer(theme.heading_font)


def body_shapes(slide: Slide, deck: Any) -> list[Any]:
    """The slide's texts but its title and footer line."""
    foot = pt(deck.slide_height) - FOOTER_PT
    return [shape for shape in text_shapes(slide) if shape != slide.shapes.title and pt(shape.top) < foot]


def fill(slide: Slide, deck: Any, measurer: Measurer) -> float:
    """How far down the body (under the title, over the footer line) the slide's text reaches: a drawn text box is as
    tall as its text; a list's text is measured."""
    top, foot = pt(slide.shapes.title.top + slide.shapes.title.height), pt(deck.slide_height) - FOOTER_PT
    lowest = top
    for shape in body_shapes(slide, deck):
        if shape.is_placeholder:
            items, (size,) = items_of(shape)
            lowest = max(lowest, pt(shape.top) + items_height(items, pt(shape.width), size, measurer))
        else:
            lowest = max(lowest, pt(shape.top + shape.height))
    return (lowest - top) / (foot - top)


@pytest.mark.parametrize("aspect", ["4:3", "16:9"])
@pytest.mark.parametrize("theme_name", THEMES)
def test_no_slide_of_long_key_facts_is_left_a_third_empty(tmp_path: Path, theme_name: str, aspect: str) -> None:
    """Each 40-word fact of the long sample is one sentence, never cut: alone in a list it left a 4:3 slide a third empty.
    Now every slide of them is filled, no fact is lost or cut, and there are no more slides than facts."""
    deck, slides, measurer = fact_slides(tmp_path, theme_name, aspect)
    facts = [fact["fact"] for fact in long_topic()["key_facts"]]
    assert len(slides) <= len(facts)
    for slide in slides:
        reach = fill(slide, deck, measurer)
        assert reach >= LEAST_FILL, (slide.shapes.title.text_frame.text, reach)
    shown = [paragraph.text for slide in slides for shape in body_shapes(slide, deck) for paragraph in shape.text_frame.paragraphs]
    assert shown == facts


def test_two_long_facts_share_a_4x3_slide_as_cards_in_the_modern_theme(tmp_path: Path) -> None:
    """Two 40-word facts fit a 4:3 slide at 20 pt as two cards, one under the other, not one a slide at 24 pt: the 15
    facts take 8 slides, the last, left with one fact, setting it larger than the cards."""
    deck, slides, _ = fact_slides(tmp_path, "modern", "4:3")
    assert len(slides) == 8
    for slide in slides[:-1]:
        texts = body_shapes(slide, deck)
        cards = [shape for shape in slide.shapes if shape.name == "Card" and shape not in texts]
        assert len(cards) == len(texts) == 2 and {shape.name for shape in texts} == {"Card"}
        for card, text in zip(sorted(cards, key=lambda shape: shape.top), sorted(texts, key=lambda shape: shape.top), strict=True):
            assert card.top <= text.top and text.top + text.height <= card.top + card.height
        (size,) = {size for shape in texts for size in items_of(shape)[1]}
        assert size >= FACT_FLOOR_PT
        upper, lower = sorted(texts, key=lambda shape: shape.top)
        assert upper.top + upper.height <= lower.top
    (alone,) = body_shapes(slides[-1], deck)
    assert alone.name == "Spotlight" and min(items_of(alone)[1]) > size


def test_two_long_facts_too_wide_for_two_cards_share_a_4x3_slide_beside_accent_bars_in_the_classic_theme(tmp_path: Path) -> None:
    """In the classic theme's wider typeface two 40-word facts do not fit a 4:3 slide as two cards at 20 pt, but do
    without the cards' padding, each beside an accent bar: still 8 slides, not 15."""
    deck, slides, _ = fact_slides(tmp_path, "classic", "4:3")
    assert len(slides) == 8
    for slide in slides[:-1]:
        texts = body_shapes(slide, deck)
        bars = sorted((shape for shape in slide.shapes if shape.name == "Accent bar"), key=lambda shape: shape.top)
        assert [shape.name for shape in texts] == ["Fact", "Fact"] and len(bars) == 2
        assert {size for shape in texts for size in items_of(shape)[1]} == {FACT_FLOOR_PT}
        for bar, text in zip(bars, sorted(texts, key=lambda shape: shape.top), strict=True):
            assert bar.left + bar.width <= text.left and text.top <= bar.top and bar.top + bar.height <= text.top + text.height


@pytest.mark.parametrize("theme_name", THEMES)
def test_a_long_fact_alone_on_its_slide_is_set_larger_than_the_lists(tmp_path: Path, theme_name: str) -> None:
    """On 16:9 two facts share a list slide; the last, left alone, is set in the spotlight, larger than the list."""
    deck, slides, _ = fact_slides(tmp_path, theme_name, "16:9")
    listed = {size for slide in slides[:-1] for shape in body_shapes(slide, deck) for size in items_of(shape)[1]}
    (alone,) = body_shapes(slides[-1], deck)
    assert alone.name == "Spotlight" and min(items_of(alone)[1]) > max(listed)
    assert all(len(body_shapes(slide, deck)) == 1 and len(items_of(body_shapes(slide, deck)[0])[0]) == 2 for slide in slides[:-1])


@pytest.mark.parametrize("aspect", ["4:3", "16:9"])
@pytest.mark.parametrize("theme_name", THEMES)
def test_long_key_facts_fit_their_boxes(tmp_path: Path, theme_name: str, aspect: str) -> None:
    """Cards and spotlights, like lists, fit their boxes, each role at one size across the deck."""
    theme = named_theme(theme_name).with_slide_aspect(aspect)
    assert_plan_sound(deck_plan(load(tmp_path, long_topic()), theme), Measurer(theme.heading_font))


ONE_SENTENCE_FACTS = st.lists(
    st.builds(lambda seed, length: sentence(length, seed), st.integers(0, 40), st.integers(20, 50)), min_size=2, max_size=9
)
"""Facts of one sentence of 20 to 50 words (of the sample's long words; each fits a slide whole): none can be cut, some
pair and some stand alone."""


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(facts=ONE_SENTENCE_FACTS, theme_name=st.sampled_from(THEMES), aspect=st.sampled_from(["4:3", "16:9"]))
def test_one_sentence_facts_of_any_length_are_shown_whole_once_in_order_and_fit(
    tmp_path: Path, facts: list[str], theme_name: str, aspect: str
) -> None:
    """However long, one-sentence facts each show once, whole and in order, on at most as many slides as there are facts,
    in a sound plan: as a list, as cards or in the spotlight."""
    data = minimal_topic() | {"key_facts": facts}
    theme = named_theme(theme_name).with_slide_aspect(aspect)
    plan = deck_plan(load(tmp_path, data), theme)
    assert_plan_sound(plan, Measurer(theme.heading_font))
    slides = [slide for slide in plan.slides if slide.section == "Key facts" and slide.title.startswith("Key facts")]
    assert len(slides) <= len(facts)
    shown = [item.text.removeprefix("• ") for slide in slides for item in shown_facts(slide)]
    assert shown == [" ".join(fact.split()) for fact in facts]


@pytest.mark.parametrize(("theme_name", "aspect"), [("modern", "4:3"), ("classic", "16:9")])
def test_a_long_fact_alone_is_led_by_its_figure_set_big(tmp_path: Path, theme_name: str, aspect: str) -> None:
    """The one fact with a figure, left alone on the last slide, shows its figure set big on a line of its own above it,
    its text not repeating the figure."""
    data = long_topic()
    data["key_facts"][-1]["figure"] = "5 years"
    theme = named_theme(theme_name).with_slide_aspect(aspect)
    deck = Presentation(io.BytesIO(render_deck(load(tmp_path, data), theme)))
    last = [slide for slide in deck.slides if slide.shapes.title.text_frame.text.startswith("Key facts")][-1]
    figure, fact = sorted(body_shapes(last, deck), key=lambda shape: shape.top)
    assert (figure.name, figure.text_frame.text) == ("Figure", "5\u00a0years")  # kept on one line
    assert (fact.name, fact.text_frame.text) == ("Spotlight", data["key_facts"][-1]["fact"])
    assert min(items_of(figure)[1]) > max(items_of(fact)[1]) and figure.top + figure.height <= fact.top
    assert_plan_sound(deck_plan(load(tmp_path, data), theme), Measurer(theme.heading_font))
