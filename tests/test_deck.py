"""The treaty's deck, read back with python-pptx as PowerPoint would open it."""

from __future__ import annotations

import io
import os
import re
import shutil
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml.ns import qn

from guide import load_topic
from guide.fonts import BUNDLED_FAMILIES
from guide.load import named_theme
from guide.markup import plain_text
from guide.model import OpenQuestion
from guide.render.pptx import deck_plan, render_deck
from guide.render.slides.fitting import items_height
from guide.render.slides.measure import Measurer
from guide.render.slides.plan import describe
from guide.typography import typeset
from tests.conftest import TREATY, run_cli
from tests.deckread import items_of, pages_in_libreoffice, pt, slide_size, text_shapes

TOPIC = load_topic(TREATY).topic
PIXEL = Path(__file__).parent / "data" / "pixel.png"
SNAPSHOT = Path(__file__).parent / "snapshots" / "treaty-deck-plan.txt"
MEASURER = Measurer(BUNDLED_FAMILIES["Liberation Sans"])
TITLES = [
    "The Treaty of Berlin (1926)",
    "By the end you can",
    "At a glance",
    "Part 1: Key facts",
    "In numbers",
    "Key facts",
    "Treaty of Berlin, Article\u00a01 (English translation)",
    "Treaty of Berlin, Article\u00a02",
    "Part 2: What happened?",
    "What happened?",
    "Gustav Stresemann, German Foreign Minister",
    "Germany between West and East",
    "Why does it matter?",
    "Timeline",
    "Who was involved",
    "Key terms",
    "Key terms (cont.)",
    "Check your understanding",
    "Part 3: Quiz",
    *(f"Quiz question {number}" for number in range(1, 6)),
    "Sources",
]
"""With its quizzes the treaty's deck is long enough for a divider before each of its three longest sections: the quiz paper's
questions come after the sheet's, numbered as the paper does."""


@pytest.fixture(scope="module")
def deck_path(built: dict[str, Path]) -> Path:
    return built["a4"] / "treaty-of-berlin-1926.pptx"


@pytest.fixture(scope="module")
def deck(deck_path: Path) -> Presentation:
    return Presentation(str(deck_path))


def all_text(deck: Presentation) -> str:
    return " ".join(" ".join(shape.text_frame.text for shape in text_shapes(slide)) for slide in deck.slides)


def test_slides_come_in_order_each_with_a_real_title_placeholder(deck: Presentation) -> None:
    titles = []
    for slide in deck.slides:
        assert slide.shapes.title is not None, "every slide needs a title placeholder"
        titles.append(slide.shapes.title.text_frame.text.replace("\v", " "))  # a title broken over lines reads as one
    assert titles == TITLES


def test_every_key_fact_is_on_a_slide_and_details_are_in_the_notes(deck: Presentation) -> None:
    text = " ".join(all_text(deck).split())
    for fact in TOPIC.key_facts:
        assert plain_text(fact.fact) in text
    notes = " ".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides)
    for fact in TOPIC.key_facts:
        if fact.detail:
            assert " ".join(plain_text(fact.detail).split()) in " ".join(notes.split())


def test_each_key_fact_is_shown_on_one_slide_only(deck: Presentation) -> None:
    """A fact with a figure is on "In numbers" and not listed again under "Key facts"."""
    shown = [" ".join(" ".join(shape.text_frame.text for shape in text_shapes(slide)).split()) for slide in deck.slides]
    for fact in TOPIC.key_facts:
        assert sum(plain_text(fact.fact) in text for text in shown) == 1, fact.fact
        if fact.figure:
            assert plain_text(fact.fact).count(fact.figure) == 0, "the figure is set above the fact; its text need not repeat it"


def test_every_question_asks_about_what_the_slides_show(deck: Presentation) -> None:
    """Each name a question uses (its capitalised words but the first) is on a slide, not only in the notes."""
    shown = set(re.findall(r"\w+", all_text(deck)))
    for question in (question for question in TOPIC.questions if question.question):
        names = [word for word in re.findall(r"\w+", plain_text(question.question))[1:] if word[0].isupper()]
        assert set(names) <= shown, (question.question, set(names) - shown)


def test_the_print_theme_shows_pictures_in_grey_without_a_frame(tmp_path: Path) -> None:
    printed = Presentation(io.BytesIO(render_deck(TOPIC, named_theme("print"))))
    pictures = [shape for slide in printed.slides for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert pictures
    for picture in pictures:
        with Image.open(io.BytesIO(picture.image.blob)) as image:
            assert image.mode in ("L", "LA"), image.mode
        assert picture._element.spPr.find(qn("a:ln")) is None


def test_every_slide_has_speaker_notes_and_answers_are_only_in_the_notes(deck: Presentation) -> None:
    for slide in deck.slides:
        assert slide.notes_slide.notes_text_frame.text.strip()
    questions = next(slide for slide in deck.slides if slide.shapes.title.text_frame.text == "Check your understanding")
    notes = questions.notes_slide.notes_text_frame.text
    shown = all_text(deck)
    for question in TOPIC.questions:
        if isinstance(question, OpenQuestion):
            assert plain_text(question.answer).split()[0] in notes
            assert " ".join(plain_text(question.answer).split()) not in shown
    for number in range(1, 6):
        asked = deck.slides[TITLES.index(f"Quiz question {number}")]
        assert asked.notes_slide.notes_text_frame.text.startswith("Answer: ")


def test_an_open_questions_marking_points_follow_its_answer_in_the_notes(deck: Presentation) -> None:
    """As the answer key gives them, under "Look for", on their own line after the answer; never on a slide."""
    notes = "\n".join(slide.notes_slide.notes_text_frame.text for slide in deck.slides)
    lines = [" ".join(line.split()) for line in notes.split("\n")]
    shown = all_text(deck)
    opens = [question for question in TOPIC.questions if isinstance(question, OpenQuestion)]
    assert any(question.key_points for question in opens)

    def said(prose: str) -> str:
        return " ".join(typeset(plain_text(prose)).split())

    for question in opens:
        if question.key_points:
            answer = lines.index(next(line for line in lines if line.endswith(said(question.answer))))
            assert lines[answer + 1] == "Look for: " + "; ".join(said(point) for point in question.key_points)
            assert all(said(point) not in shown for point in question.key_points)
    context = deck.slides[TITLES.index("What happened?")]
    assert TOPIC.notes["context"].split()[0] in context.notes_slide.notes_text_frame.text


def test_the_cover_opens_with_the_title_and_the_summary_is_given_once_at_a_glance(deck: Presentation) -> None:
    notes = [" ".join(slide.notes_slide.notes_text_frame.text.split()) for slide in deck.slides]
    summary = " ".join(typeset(plain_text(TOPIC.summary)).split())
    assert [index for index, text in enumerate(notes) if summary in text] == [TITLES.index("At a glance")]
    opening = [" ".join(part.split()) for part in deck.slides[0].notes_slide.notes_text_frame.text.split("\n") if part.strip()]
    assert opening[0] == " ".join(typeset(TOPIC.title).split()) and opening[1] == " ".join(typeset(TOPIC.subtitle or "").split())
    assert len(notes[0]) < len(summary) / 2  # a few lines to open with, not a paragraph to read out


def test_a_sections_notes_are_given_once_and_a_slide_with_none_of_its_own_says_where_they_are(deck: Presentation) -> None:
    """Read back from the deck: no paragraph of notes is on two slides of a section (the topic's own notes for the
    questions, the key facts' details under "In numbers" and the list after it); the notes handout points back alike."""
    notes = [slide.notes_slide.notes_text_frame.text for slide in deck.slides]
    sections = [slide.section for slide in deck_plan(TOPIC, named_theme()).slides]
    assert len(sections) == len(notes)
    for section in set(sections):
        texts = [text for text, where in zip(notes, sections, strict=True) if where == section]
        paragraphs = [part for text in texts for part in text.split("\n") if part.strip()]
        assert len(paragraphs) == len(set(paragraphs)), section
    teachers_note = " ".join(plain_text(TOPIC.notes["questions"]).split())
    assert sum(teachers_note in " ".join(text.split()) for text in notes) == 1
    assert notes[TITLES.index("Key facts")] == f"Notes: see slide {TITLES.index('In numbers') + 1}"
    for number in range(1, 6):
        asked = notes[TITLES.index(f"Quiz question {number}")]
        assert asked.startswith("Answer: ") and len(asked.split("\n")) == 1, number  # the answer, its own


def test_every_shape_lies_inside_the_slide(deck: Presentation) -> None:
    width, height = pt(deck.slide_width), pt(deck.slide_height)
    assert (width, height) == (960, 540)
    for slide in deck.slides:
        for shape in slide.shapes:
            left, top = pt(shape.left), pt(shape.top)
            assert left >= 0 and top >= 0, shape.name
            assert left + pt(shape.width) <= width + 0.01, shape.name
            assert top + pt(shape.height) <= height + 0.01, shape.name


def test_every_run_has_an_explicit_size_and_body_text_respects_the_floors(deck: Presentation) -> None:
    for slide in deck.slides:
        for shape in text_shapes(slide):
            _, sizes = items_of(shape)
            assert None not in sizes, f"{shape.name} has a run without a size"
            if shape == slide.shapes.title:
                assert min(sizes) >= 28
            elif shape.name not in ("Footer", "Slide Number"):
                assert min(sizes) >= 18, shape.name


def test_every_text_frame_fits_its_box_by_the_same_metrics(deck: Presentation) -> None:
    for slide in deck.slides:
        for shape in text_shapes(slide):
            items, sizes = items_of(shape)
            (size,) = sizes
            assert items_height(items, pt(shape.width), size, MEASURER) <= pt(shape.height) + 0.01, shape.text_frame.text[:60]


def test_autofit_is_off_and_pictures_describe_themselves(deck: Presentation) -> None:
    """Clients never re-flow or shrink the text the plan measured; pictures carry alt text."""
    for slide in deck.slides:
        for shape in text_shapes(slide):
            assert shape.text_frame.auto_size == MSO_AUTO_SIZE.NONE, shape.name
            assert shape.text_frame.word_wrap is True
        for shape in slide.shapes:
            if shape.shape_type == 13:  # picture
                description = shape._element.nvPicPr.cNvPr.get("descr")
                assert description == TOPIC.images[0].alt
                assert "/" not in description


def test_core_properties_are_set_and_fixed(deck: Presentation) -> None:
    properties = deck.core_properties
    assert properties.title == TOPIC.title
    assert properties.author == "History Department"
    assert properties.subject == TOPIC.subtitle
    assert "Neutrality" in properties.keywords
    assert properties.language == "en"
    assert properties.created == properties.modified


def test_the_plan_matches_its_snapshot() -> None:
    """A readable record of the treaty's slides; set UPDATE_SNAPSHOTS=1 to accept a deliberate change."""
    text = describe(deck_plan(TOPIC, named_theme())).replace(str(TREATY.parent), "source")
    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8")


def test_four_by_three_on_request(tmp_path: Path) -> None:
    assert run_cli(TREATY, "--format", "pptx", "--aspect", "4:3", "--out", tmp_path, "-q")[0] == 0
    deck = Presentation(str(tmp_path / "treaty-of-berlin-1926.pptx"))
    assert (pt(deck.slide_width), pt(deck.slide_height)) == (720, 540)
    assert slide_size(tmp_path / "treaty-of-berlin-1926.pptx") == {"cx": "9144000", "cy": "6858000", "type": "screen4x3"}
    for slide in deck.slides:
        for shape in slide.shapes:
            assert pt(shape.left) + pt(shape.width) <= 720.01, shape.name


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed; install libreoffice-impress")
def test_libreoffice_converts_the_deck_to_one_page_per_slide(deck_path: Path, deck: Presentation, tmp_path: Path) -> None:
    assert pages_in_libreoffice(deck_path, tmp_path) == len(deck.slides)


def test_source_addresses_are_live_links_on_the_sources_slide(deck: Presentation) -> None:
    links = {run.hyperlink.address for shape in text_shapes(deck.slides[-1]) for p in shape.text_frame.paragraphs for run in p.runs}
    assert {str(source.url) for source in TOPIC.sources if source.url} <= links


def test_slide_numbers_are_fields_and_shape_ids_are_unique(deck: Presentation) -> None:
    for number, slide in enumerate(deck.slides, start=1):
        ids = [shape.shape_id for shape in slide.shapes]
        assert len(ids) == len(set(ids)), f"slide {number} repeats a shape id"
        if number > 1:
            fields = [field for field in slide._element.iter(qn("a:fld")) if field.get("type") == "slidenum"]
            assert [field.findtext(qn("a:t")) for field in fields] == [str(number)]


def test_alt_text_and_notes_are_kept_literally(tmp_path: Path) -> None:
    shutil.copy(PIXEL, tmp_path / "pixel.png")
    hostile = 'A "quoted" map & <b>not bold</b>'
    path = tmp_path / "topic.yaml"
    path.write_text(
        "title: T\nsummary: S\nkey_facts: [f]\ncontext: c\nsignificance: s\n"
        f"images:\n  - {{file: pixel.png, alt: '{hostile}'}}\n"
        f"notes: {{summary: '{hostile}'}}\n",
        encoding="utf-8",
    )
    deck = Presentation(io.BytesIO(render_deck(load_topic(path).topic, named_theme())))
    descriptions = [shape._element.nvPicPr.cNvPr.get("descr") for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]
    assert descriptions == [hostile]
    assert typeset(hostile) in deck.slides[1].notes_slide.notes_text_frame.text  # curly quotes, literal & and <b>


def test_a_passage_in_another_language_is_set_in_runs_of_that_language(deck: Presentation) -> None:
    """The treaty's German Article 2 in German runs, Krestinsky's native name in a Russian one; every other run in English."""
    spoken: dict[str, str] = {}
    for slide in deck.slides:
        for shape in text_shapes(slide):
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    lang = run._r.find(qn("a:rPr")).get("lang")
                    spoken[lang] = spoken.get(lang, "") + run.text
    topic = load_topic(TREATY).topic
    (german,) = [excerpt for excerpt in topic.excerpts if excerpt.lang == "de"]
    assert set(spoken) == {"en", "de", "ru"}
    assert " ".join(spoken["de"].split()) == " ".join(plain_text(german.text).split())
    assert spoken["ru"] == "Николай Николаевич Крестинский"


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_content_slides_keep_clear_of_the_title_rule_and_the_footer_and_read_from_the_back(aspect: str) -> None:
    """Read back: under each title's rule, every shape starts 8 pt or more below it and ends 8 pt or more above the
    footer (a picture beside a title in a column of its own starts higher); list text is 24 pt or more, card and
    matching text 20 pt or more."""
    deck = Presentation(io.BytesIO(render_deck(TOPIC, named_theme().with_slide_aspect(aspect))))
    for slide in deck.slides:
        shapes = list(slide.shapes)
        rules = [shape for shape in shapes if shape.name == "Rule" and shape.height == 0]
        if not rules:  # the title slide and the filled dividers
            continue
        footer = next(shape for shape in shapes if shape.name == "Footer")
        rule = pt(rules[0].top)
        for shape in shapes:
            written = shape.has_text_frame and shape.text_frame.text.strip()
            if shape.name in ("Footer", "Slide Number") or shape.is_placeholder or shape is rules[0]:
                if shape.is_placeholder and shape.placeholder_format.type != 1 and written:  # a body placeholder: a list
                    assert pt(shape.top) >= rule + 8 and pt(shape.top + shape.height) <= pt(footer.top) - 8
                    assert min(items_of(shape)[1]) >= 24, slide.shapes.title.text_frame.text
                continue
            title = slide.shapes.title.text_frame.text
            if pt(shape.left) >= pt(rules[0].left + rules[0].width):  # beside a title in a column of its own (a picture)
                continue
            assert pt(shape.top) >= rule + 8, (title, shape.name, pt(shape.top), rule)
            assert pt(shape.top + shape.height) <= pt(footer.top) - 8, (title, shape.name)
            if written and shape.name in ("Card", "Heading", "Items", "Options", "Objective", "Panel text"):
                assert min(items_of(shape)[1]) >= (24 if shape.name in ("Objective", "Panel text") else 20), (title, shape.name)


def test_a_matching_sets_its_numbered_items_and_lettered_options_in_two_columns(deck: Presentation) -> None:
    slide = next(slide for slide in deck.slides if "Match each item" in " ".join(shape.text_frame.text for shape in text_shapes(slide)))
    items = next(shape for shape in slide.shapes if shape.name == "Items")
    options = next(shape for shape in slide.shapes if shape.name == "Options")
    assert pt(items.left + items.width) < pt(options.left)  # side by side, the items on the left
    assert pt(items.top) == pytest.approx(pt(options.top))
    lefts = [paragraph.text for paragraph in items.text_frame.paragraphs][1:]
    rights = [paragraph.text for paragraph in options.text_frame.paragraphs]
    matching = next(question for question in TOPIC.questions if question.__class__.__name__ == "MatchingQuestion")
    assert lefts == [f"{number}. {pair.left}" for number, pair in enumerate(matching.pairs, 1)]  # type: ignore[attr-defined]
    assert [text[:3] for text in rights] == ["A. ", "B. ", "C. ", "D. ", "E. ", "F. "]
    assert min(items_of(items)[1] | items_of(options)[1]) >= 20


def test_a_sixteen_by_nine_deck_names_no_size_type_as_powerpoints_widescreen_does(deck_path: Path) -> None:
    """13.33 x 7.5 in is a size PowerPoint writes with no type: a type ("screen4x3") would contradict it."""
    assert slide_size(deck_path) == {"cx": "12192000", "cy": "6858000"}


def test_an_orderings_answer_gives_the_slides_letters_then_the_events_in_order(deck: Presentation) -> None:
    """Read back: the answer is the letters the slide shows, in the right order, then the events in that order, numbered."""
    asked = next(shape for slide in deck.slides for shape in text_shapes(slide) if "Put these in the right order" in shape.text_frame.text)
    shown = {paragraph.text[:1]: paragraph.text[3:] for paragraph in asked.text_frame.paragraphs[1:]}
    answer = asked.part.slide.notes_slide.notes_text_frame.text
    assert answer.startswith("Answer: ")
    letters, events = answer.removeprefix("Answer: ").split(" \u2014 ")
    ordering = next(question for question in TOPIC.questions if question.__class__.__name__ == "OrderingQuestion")
    assert [shown[mark] for mark in letters.split(", ")] == list(ordering.items)  # type: ignore[attr-defined]
    numbered = [f"{number}. {text.rstrip('.')}" for number, text in enumerate(ordering.items, 1)]  # type: ignore[attr-defined]
    assert events == "; ".join(numbered)
