"""Long and generated topics: text shrinks to the floor, then continues; nothing ever overflows."""

from __future__ import annotations

import io
import itertools
import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from guide import load_topic
from guide.fonts import BUNDLED_FAMILIES
from guide.load import named_theme
from guide.markup import Span
from guide.render.pptx import deck_plan, render_deck
from guide.render.pptx.writer import PROPERTY_LIMIT
from guide.render.slides.fitting import LEAST_LINES, Item, fit, items_height, line_width, text_width
from guide.render.slides.measure import Measurer
from guide.render.slides.plan import SlidePlan
from tests.conftest import TREATY
from tests.deckread import items_of, pt, text_shapes
from tests.plancheck import assert_plan_sound, content_reach, text_blocks
from tests.samples import long_topic, paragraph
from tests.strategies import topics

MEASURER = Measurer(BUNDLED_FAMILIES["Liberation Sans"])


def load(tmp_path: Path, data: dict[str, Any]) -> Any:
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_topic(path).topic


def test_a_long_topic_continues_on_cont_slides_without_overflow(tmp_path: Path) -> None:
    topic = load(tmp_path, long_topic())
    deck = Presentation(io.BytesIO(render_deck(topic, named_theme())))
    titles = [slide.shapes.title.text_frame.text for slide in deck.slides]
    for section in ("Key facts", "Timeline", "Key terms", "Check your understanding"):
        assert any(title.startswith(f"{section} (") for title in titles), titles
    for slide in deck.slides:
        for shape in text_shapes(slide):
            items, sizes = items_of(shape)
            (size,) = sizes
            assert items_height(items, pt(shape.width), size, MEASURER) <= pt(shape.height) + 0.01
            assert pt(shape.left) + pt(shape.width) <= pt(deck.slide_width) + 0.01
            assert pt(shape.top) + pt(shape.height) <= pt(deck.slide_height) + 0.01
    all_text = " ".join(shape.text_frame.text for slide in deck.slides for shape in text_shapes(slide))
    for fact in long_topic()["key_facts"]:
        assert fact["fact"].split()[0] in all_text


def test_an_item_too_long_for_one_slide_is_split_at_sentences(tmp_path: Path) -> None:
    data = long_topic()
    data["summary"] = " ".join(f"Sentence number {index} of a summary far too long for one slide." for index in range(40))
    plan = deck_plan(load(tmp_path, data), named_theme())
    glance = [slide for slide in plan.slides if slide.title.startswith("At a glance")]
    assert len(glance) > 1
    assert all(item.spans[0].text.startswith("Sentence number") for slide in glance for item in slide.body.items)
    assert_plan_sound(plan)


GENERATED = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


@GENERATED
@given(data=topics())
def test_generated_topics_never_overflow_or_leave_the_slide(tmp_path: Path, data: dict[str, Any]) -> None:
    topic = load(tmp_path, data)
    for aspect in ("16:9", "4:3"):
        assert_plan_sound(deck_plan(topic, named_theme().with_slide_aspect(aspect)))


@GENERATED
@given(data=topics())
def test_generated_topics_give_a_deck_of_every_planned_slide(tmp_path: Path, data: dict[str, Any]) -> None:
    topic = load(tmp_path, data)
    plan = deck_plan(topic, named_theme())
    deck = Presentation(io.BytesIO(render_deck(topic, named_theme())))
    assert [slide.shapes.title.text_frame.text for slide in deck.slides] == [slide.title for slide in plan.slides]
    title = deck.core_properties.title
    assert title == topic.title or (len(title) == PROPERTY_LIMIT and topic.title.startswith(title[:-1].rstrip()))


def test_long_titles_summaries_and_glossaries_are_shortened_in_the_decks_properties(tmp_path: Path) -> None:
    data = long_topic()
    data["title"] = "A title " * 36
    data.pop("subtitle")  # so the subject is the summary's first sentence
    data["summary"] = "A first sentence that goes on " * 15 + ". A second one."
    data["glossary"] = [{"term": f"Term number {number}", "definition": "A definition."} for number in range(40)]
    properties = Presentation(io.BytesIO(render_deck(load(tmp_path, data), named_theme()))).core_properties
    assert properties.title == ("A title " * 36)[: PROPERTY_LIMIT - 1].rstrip() + "…"
    assert properties.subject.startswith("A first sentence") and properties.subject.endswith("…")
    assert len(properties.subject) <= PROPERTY_LIMIT
    terms = [keyword for keyword in properties.keywords.split(", ") if keyword.startswith("Term")]
    assert 10 < len(terms) < 40
    assert terms == [f"Term number {number}" for number in range(len(terms))]  # whole terms, in order


def test_a_timeline_event_too_long_for_the_axis_is_set_as_a_dated_list(tmp_path: Path) -> None:
    """Found by Hypothesis: one event taller than half the slide at the floor size, at the bound on its length."""
    data = long_topic()
    data["timeline"] = [{"date": "1926", "event": " ".join(["Negotiations went on for many weeks."] * 27)}]
    plan = deck_plan(load(tmp_path, data), named_theme().with_slide_aspect("4:3"))
    timeline = [slide for slide in plan.slides if slide.title.startswith("Timeline")]
    assert timeline and {slide.design for slide in timeline} == {"list"}  # too tall for a label beside the axis
    assert timeline[0].body.items[0].text.startswith("1926: Negotiations")
    assert_plan_sound(plan)


def test_text_is_set_smaller_rather_than_break_a_date_between_characters() -> None:
    """A box a date joined by no-break spaces overflows at the largest size: a smaller size keeps it whole,
    though the text would fit the box's height at the larger one, its date torn."""
    carlito = Measurer(BUNDLED_FAMILIES["Carlito"])
    item = Item((Span("In force from 29\u00a0June\u00a01926."),), bullet=False)
    box_width = 160.0
    (fitted,) = fit([item], box_width, 400.0, (32.0, 14.0), carlito)
    lines = carlito.wrap(item.spans, line_width(item, box_width), fitted.size_pt)
    assert any("29\u00a0June\u00a01926" in "".join(span.text for span in line) for line in lines), lines
    assert fitted.size_pt < 32.0  # at 32 pt the text fits the height, its date split after "19"
    assert carlito.line_count(item.spans, text_width(item, box_width), 32.0) * 32.0 * 1.2 < 400.0


SENTENCE_CLOSE = tuple(".!?…\"'”’»)")
"""What a piece of a fact cut between slides ends with: a sentence's mark, or a quote or bracket closing after one."""
LEAST_FACTS_REACH = 0.55
"""How far down every slide of facts but the last reaches. The long sample's facts are one 40-word sentence each (65 %
of a 4:3 body), which no sentence end can cut, so in 4:3 two share a slide, as cards or beside accent bars; facts of
several sentences are cut, and sharing the last slides evenly may leave one a little short of that."""


def long_facts(sentences_per_fact: int) -> dict[str, Any]:
    """The long sample, its facts one 40-word sentence each or a few sentences of 12 to 20 words."""
    data = long_topic()
    if sentences_per_fact > 1:
        data["key_facts"] = [{"fact": paragraph(sentences_per_fact, seed)} for seed in range(15)]
    return data


def shown_facts(slide: SlidePlan) -> list[Item]:
    """The facts (or pieces of them) a slide of key facts shows: its list's items, or its cards' or spotlight's text."""
    if slide.body is not None:
        return list(slide.body.items)
    return [block.items[0] for block in text_blocks(slide) if block.name in ("Card", "Fact", "Spotlight")]


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
@pytest.mark.parametrize("sentences_per_fact", [1, 3])
def test_a_long_topics_facts_run_on_as_one_list_cut_only_at_sentence_ends(tmp_path: Path, aspect: str, sentences_per_fact: int) -> None:
    """Facts too long for two to share a slide whole run on from slide to slide, but only where a sentence ends (a
    speaker never moves on mid-sentence): a fact cut between slides keeps two lines on each and its lines in its
    indent, each slide ends at a sentence end, the facts read back whole and in order, and no slide the next one
    continues is left much emptier than a whole one-sentence fact leaves it."""
    data = long_facts(sentences_per_fact)
    plan = deck_plan(load(tmp_path, data), named_theme().with_slide_aspect(aspect))
    facts = [slide for slide in plan.slides if slide.title.startswith("Key facts")]
    for slide in facts[:-1]:
        assert content_reach(slide, plan) >= LEAST_FACTS_REACH, (slide.title, content_reach(slide, plan))
    items = [item for slide in facts for item in shown_facts(slide)]
    assert " ".join(item.text for item in items) == " ".join(fact["fact"] for fact in data["key_facts"])
    listed = [slide.body for slide in facts if slide.body is not None]
    cuts = 0
    for before, after in itertools.pairwise(facts):
        assert shown_facts(before)[-1].text.endswith(SENTENCE_CLOSE), shown_facts(before)[-1].text
        cut = shown_facts(after)[0]
        if cut.continued:
            cuts += 1
            assert before.body is not None and after.body is not None
            assert not cut.hangs and cut.indented
            for piece in (before.body.items[-1], cut):
                assert MEASURER.line_count(piece.spans, text_width(piece, after.body.box.width), after.body.size_pt) >= LEAST_LINES, (
                    piece.text
                )
    assert (cuts > 0) == (sentences_per_fact > 1)  # one-sentence facts move whole; longer ones are cut somewhere
    whole = [Item((Span(fact["fact"]),)) for fact in data["key_facts"]]
    if sentences_per_fact > 1:
        size, box = listed[0].size_pt, listed[0].box
        assert len(facts) <= math.ceil(items_height(whole, box.width, size, MEASURER) / box.height) + 1


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
@pytest.mark.parametrize("name", ["long", "treaty"])
def test_no_two_slides_of_a_continued_list_would_fit_on_one(tmp_path: Path, name: str, aspect: str) -> None:
    """A list continued onto a slide it could have shared wastes a slide: neighbours of one part together overfill one."""
    topic = load(tmp_path, long_topic()) if name == "long" else load_topic(TREATY).topic
    plan = deck_plan(topic, named_theme().with_slide_aspect(aspect))
    for slide, following in itertools.pairwise(plan.slides):
        if slide.design == following.design == "list" and slide.title.split(" (")[0] == following.title.split(" (")[0]:
            assert content_reach(slide, plan) + content_reach(following, plan) > 1, (slide.title, following.title)


SPANS = st.lists(
    st.builds(
        Span,
        st.text(st.sampled_from("ab Wil mM.\u00a0\v"), max_size=40),
        bold=st.booleans(),
        italic=st.booleans(),
    ),
    min_size=1,
    max_size=4,
)


@settings(max_examples=80, deadline=None)
@given(spans=SPANS, width=st.floats(1.0, 300.0), size=st.sampled_from([10.0, 18.0, 32.0]))
def test_lines_counted_are_the_lines_wrapped(spans: list[Span], width: float, size: float) -> None:
    """The count a plan sizes text by (measured without the lines' pieces) is the number of lines drawn, words too
    long for a line broken between characters included, and the lines drawn hold the text's words in order."""
    measurer = Measurer(BUNDLED_FAMILIES["Carlito"])
    lines = measurer.wrap(spans, width, size)
    assert measurer.line_count(spans, width, size) == len(lines)
    drawn = "".join(span.text for line in lines for span in line)
    assert drawn.replace(" ", "") == "".join(span.text for span in spans).replace(" ", "").replace("\v", "")
