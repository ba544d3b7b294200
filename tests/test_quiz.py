"""Questions of every type: read from YAML, printed on the sheet and in the key, shown in the deck and on the web page, exported.

Everything is read back from the files made (pypdf, python-pptx, the XML and zip parsers,
Anki's own library), never from the objects that made them.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pptx import Presentation
from pypdf import PdfReader

from guide import markup
from guide.errors import InputError
from guide.load import load_topic, named_theme
from guide.load.reader import read_yaml
from guide.load.topic import topic_from
from guide.model import (
    ChoiceQuestion,
    ClozeQuestion,
    MatchingQuestion,
    OpenQuestion,
    OrderingQuestion,
    Topic,
    TrueFalseQuestion,
)
from guide.quiz import arranged, as_printed, blank_answer, blanks, correct_letters, letter, on_paper, on_sheet
from guide.render.exports.moodle import render_moodle_xml
from guide.render.exports.qti import QTI_NAMESPACE, render_qti
from guide.render.exports.terms_csv import render_terms_csv
from guide.render.html import render_html, render_html_answers
from guide.render.pdf import render_answer_key, render_study_sheet
from guide.render.pdf.quiz_paper import render_quiz, render_quiz_answers
from guide.render.pptx import deck_plan, render_deck
from guide.theme import Theme
from tests.conftest import TREATY, run_cli, squeezed

QTI = f"{{{QTI_NAMESPACE}}}"
BASE = "title: T\nsummary: S\nkey_facts: [f]\ncontext: c\nsignificance: s\n"


@pytest.fixture(scope="module")
def treaty() -> Topic:
    return load_topic(TREATY).topic


def questions_of(topic: Topic, kind: type) -> list:
    return [question for question in topic.questions if isinstance(question, kind)]


def pdf_text(pdf: bytes) -> str:
    """The PDF's text without white space, its curly apostrophes straight as the topic writes them."""
    return squeezed(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)).replace("’", "'")


def load_text(text: str, tmp_path: Path) -> Topic:
    path = tmp_path / "topic.yaml"
    path.write_text(BASE + text, encoding="utf-8")
    return topic_from(read_yaml(path, str(path)), path).topic


# the topic format


def test_the_treaty_has_a_question_of_every_type_built_from_its_glossary_and_timeline(treaty: Topic) -> None:
    kinds = {type(question) for question in treaty.questions}
    assert kinds == {OpenQuestion, ChoiceQuestion, TrueFalseQuestion, MatchingQuestion, OrderingQuestion, ClozeQuestion}
    (matching,) = questions_of(treaty, MatchingQuestion)
    assert [(pair.left, pair.right) for pair in matching.pairs] == [(entry.term, entry.definition) for entry in treaty.glossary]
    (ordering,) = questions_of(treaty, OrderingQuestion)
    assert ordering.items == tuple(entry.event for entry in treaty.timeline)
    (choice,) = questions_of(treaty, ChoiceQuestion)
    assert "Article 2" in choice.question and choice.points == 2 and choice.source == "text"
    assert [option.correct for option in choice.options].count(True) == 1


def test_every_type_reads_with_its_keys_and_shorthands(tmp_path: Path) -> None:
    topic = load_text(
        """glossary: [{term: A, definition: a}, {term: B, definition: b}]
questions:
  - {question: Why?, answer: Because., points: 3}
  - type: multiple_choice
    question: Which?
    shuffle: no
    options: [Wrong, {text: Right, correct: yes, feedback: Yes.}, {text: Also right, correct: true}]
  - {type: true_false, question: Water is wet., answer: yes}
  - {type: matching, from: glossary}
  - {type: ordering, items: [one, two, three]}
  - {type: cloze, text: "A [[cat|kitten]] sat on the [[mat]].", word_bank: true}
""",
        tmp_path,
    )
    open_, choice, true_false, matching, ordering, cloze = topic.questions
    assert open_.points == 3 and open_.type == "open"
    assert [(option.text, option.correct, option.feedback) for option in choice.options] == [
        ("Wrong", False, None),
        ("Right", True, "Yes."),
        ("Also right", True, None),
    ]
    assert choice.shuffle is False
    assert true_false.answer is True
    assert [pair.left for pair in matching.pairs] == ["A", "B"]
    assert ordering.items == ("one", "two", "three")
    assert [blank.answers for blank in blanks(cloze)] == [("cat", "kitten"), ("mat",)]


INVALID = [
    (
        "{type: multiple_choice, question: Q, options: [a, b]}",
        "[0].options: no option is marked correct; mark at least one with 'correct: true'",
    ),
    ("{type: matching, pairs: [{left: a, right: b}]}", "[0].pairs: a matching needs at least 2 pairs, got 1"),
    ("{type: ordering, items: [only]}", "[0].items: an ordering needs at least 2 items, got 1"),
    ("{type: cloze, text: 'A [[ ]] and [[b]]'}", "[0].text: blank 1 is empty; write the missing word between [[ and ]]"),
    ("{type: cloze, text: 'No gap'}", "[0].text: has no blank; mark each missing word as [[answer]]"),
    ("{type: cloze, text: 'A [[gap'}", "[0].text: a blank is not closed; write each one as [[answer]]"),
    ("{type: matching, from: glossary}", "[0].from: the topic's glossary has 0 terms; a matching needs at least 2"),
    ("{type: ordering, from: timeline, items: [a, b]}", "[0].from: give either 'items' or 'from: timeline', not both"),
    ("{type: ordering}", "[0]: an ordering needs 'items' (at least 2) or 'from: timeline'"),
    ("{type: multiple-choice, question: Q}", "[0].type: unknown type 'multiple-choice'; did you mean 'multiple_choice'?"),
    ("{type: true_false, question: Q, answer: maybe}", "[0].answer: expected true or false, got 'maybe'"),
    ("{question: Q, answer: A, points: 0}", "[0].points: must be between 1 and 100, got 0"),
    ("{question: Q, answer: A, source: nowhere}", "[0].source: unknown source id 'nowhere'; give the source an 'id:' under sources"),
    ("{type: true_false, question: Q, answer: no, options: [a]}", "[0].options: unknown key 'options'; did you mean 'points'?"),
]


@pytest.mark.parametrize(("question", "message"), INVALID, ids=[message.split(":")[0] for _, message in INVALID])
def test_a_bad_question_is_refused_at_its_line_with_a_clear_message(question: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(InputError) as refused:
        load_text(f"questions:\n  - {question}\n", tmp_path)
    (problem,) = refused.value.problems
    assert problem.line == 7
    assert f"{problem.field}: {problem.message}" == f"questions{message}"


def test_the_schema_describes_every_question_type(treaty: Topic) -> None:
    from jsonschema import Draft202012Validator

    from guide.schema import topic_schema

    validator = Draft202012Validator(topic_schema())
    data = json.loads(json.dumps(yaml.safe_load(TREATY.read_text(encoding="utf-8")), default=str))  # dates as written
    assert not list(validator.iter_errors(data))
    data["questions"][5]["type"] = "multiple-choice"
    assert list(validator.iter_errors(data))


# the order of options, columns, items and words


def test_the_order_is_the_same_every_build_and_never_the_written_one(treaty: Topic) -> None:
    first, again = arranged(treaty), arranged(treaty)
    assert first == again
    for item in first:
        if isinstance(item.question, MatchingQuestion | OrderingQuestion | ClozeQuestion):
            assert item.order != tuple(sorted(item.order))
        assert sorted(item.order) == list(range(len(item.order)))


def test_another_seed_gives_another_order(treaty: Topic) -> None:
    orders = {tuple(item.order for item in arranged(treaty, seed)) for seed in range(4)}
    assert len(orders) == 4


def test_a_choice_that_keeps_its_order_is_not_shuffled(treaty: Topic) -> None:
    (choice,) = questions_of(treaty, ChoiceQuestion)
    kept = replace(treaty, questions=(replace(choice, shuffle=False),))
    assert arranged(kept, 5)[0].order == (0, 1, 2, 3)


# the sheet and the key


def sheet_and_key(topic: Topic, theme: Theme) -> tuple[str, str]:
    """The text of the paper a student answers the typed questions on, and of its teacher's copy: the quiz paper by default."""
    if theme.quiz_print == "sheet":
        return pdf_text(render_study_sheet(topic, theme)), pdf_text(render_answer_key(topic, theme))
    return pdf_text(render_quiz(topic, theme)), pdf_text(render_quiz_answers(topic, theme))


ON_SHEET = replace(named_theme(), quiz_print="sheet")
"""Typed questions on the study sheet and in its key, as ``quiz: {print: sheet}`` keeps them."""


@pytest.fixture(scope="module", params=["paper", "sheet"])
def printed(treaty: Topic, request: pytest.FixtureRequest) -> dict[int, tuple[str, str]]:
    """On the quiz paper and its teacher's copy, or on the study sheet and its key."""
    theme = replace(named_theme(), quiz_print=request.param)
    return {seed: sheet_and_key(treaty, theme.with_quiz_seed(seed)) for seed in (0, 7)}


def position(text: str, after: str, *parts: str) -> list[int]:
    """Where each part is first printed after ``after`` (a matching's definitions are in the key terms too)."""
    start = text.index(squeezed(after))
    found = [text.find(squeezed(part), start) for part in parts]
    assert all(at >= 0 for at in found), (parts, found)
    return found


@pytest.mark.parametrize("seed", [0, 7])
def test_the_sheet_prints_options_columns_and_items_in_the_shuffled_order_and_the_key_the_same(
    treaty: Topic, printed: dict[int, tuple[str, str]], seed: int
) -> None:
    sheet, key = printed[seed]
    for item in arranged(treaty, seed):
        question = item.question
        if isinstance(question, ChoiceQuestion):
            after, texts = question.question, [f"{letter(place)}. {question.options[index].text}" for place, index in enumerate(item.order)]
        elif isinstance(question, MatchingQuestion):
            after, texts = "Match each item", [question.pairs[index].right for index in item.order]
        elif isinstance(question, OrderingQuestion):
            after, texts = "Put these in order", [question.items[index] for index in item.order]
        else:
            continue
        for text in (sheet, key):
            found = position(text, after, *(markup.plain_text(entry) for entry in texts))
            assert found == sorted(found), (seed, type(question).__name__)


def test_no_answer_is_printed_on_the_students_sheet(treaty: Topic, printed: dict[int, tuple[str, str]]) -> None:
    sheet, key = printed[0]
    open_answers = [squeezed(markup.plain_text(question.answer)) for question in questions_of(treaty, OpenQuestion)]
    assert not any(answer in sheet for answer in open_answers)
    for question in treaty.questions:
        if isinstance(question, ChoiceQuestion | TrueFalseQuestion):
            for feedback in [option.feedback for option in getattr(question, "options", ())] + [getattr(question, "feedback", None)]:
                if feedback:
                    assert squeezed(feedback) not in sheet and squeezed(feedback) in key
    assert squeezed("Answer:") not in sheet and squeezed("Answer:") in key
    # The word bank lists the missing words on the sheet, but never in the places they fill.
    assert squeezed("signed in Berlin") not in sheet and squeezed("signed in Berlin") in key
    assert squeezed("(1)") in sheet


def test_a_cloze_without_a_word_bank_keeps_its_words_off_the_sheet(tmp_path: Path) -> None:
    topic = load_text("questions:\n  - {type: cloze, text: 'The [[zebra|okapi]] ate [[quinces]].', points: 4}\n", tmp_path)
    sheet, key = sheet_and_key(topic, named_theme())
    for word in ("zebra", "okapi", "quinces"):
        assert word not in sheet and word in key
    assert squeezed("(1) ______") in sheet and squeezed("(4 pt)") in sheet


def test_the_key_shows_points_letters_and_the_version(treaty: Topic, printed: dict[int, tuple[str, str]]) -> None:
    _, key = printed[0]
    _, other_key = printed[7]
    (choice,) = questions_of(treaty, ChoiceQuestion)
    for seed, text in ((0, key), (7, other_key)):
        item = next(item for item in arranged(treaty, seed) if item.question is choice)
        assert squeezed(f"Answer: {', '.join(correct_letters(item))}") in text
    assert squeezed("(2 pt)") in key and squeezed("(3 pt)") in key
    assert squeezed("Version 7") in other_key and squeezed("Version") not in key


# the deck


def slide_texts(deck: bytes) -> list[tuple[str, str, str]]:
    """(title, body text, notes) of each slide."""
    slides = []
    for slide in Presentation(io.BytesIO(deck)).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title else ""
        body = " ".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame and shape != slide.shapes.title)
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        slides.append((title, squeezed(body), notes))
    return slides


@pytest.mark.parametrize("answers", ["notes", "slides"])
def test_the_deck_asks_each_question_and_answers_it_after_it_or_in_its_notes(treaty: Topic, answers: str) -> None:
    theme = replace(named_theme(), quiz_answers=answers)
    slides = slide_texts(render_deck(treaty, theme))
    titles = [title for title, _, _ in slides]
    asked, quizzed = as_printed(treaty)
    titled = [*((item, ("Question", "Answer")) for item in asked), *((item, ("Quiz question", "Quiz answer")) for item in quizzed)]
    for item, (asking, answering) in titled:
        if isinstance(item.question, OpenQuestion) and answers == "notes":
            continue
        index = titles.index(f"{asking} {item.number}")
        _, body, notes = slides[index]
        if isinstance(item.question, ChoiceQuestion):
            right = next(option for option in item.question.options if option.correct)
            assert squeezed(markup.plain_text(right.text)) in body  # every option is asked …
            assert "✓" not in body
            told = slides[index + 1] if answers == "slides" else (None, notes, notes)
            assert squeezed(f"{correct_letters(item)[0]}. {right.text}") in squeezed(told[1])  # … the answer names the right one
        if isinstance(item.question, ClozeQuestion):
            assert all(squeezed(f"signed in {word}") not in body for word in ("Berlin",))
        if answers == "slides":
            assert titles[index + 1] == f"{answering} {item.number}"
    if answers == "notes":
        assert not [title for title in titles if "Answer " in title or "answer " in title]


def test_question_slides_never_show_an_answer(treaty: Topic) -> None:
    theme = replace(named_theme(), quiz_answers="slides")
    for title, body, _ in slide_texts(render_deck(treaty, theme)):
        if title.startswith("Question"):
            for question in questions_of(treaty, OpenQuestion):
                assert squeezed(markup.plain_text(question.answer)) not in body
            for question in questions_of(treaty, ChoiceQuestion) + questions_of(treaty, TrueFalseQuestion):
                feedbacks = [option.feedback for option in getattr(question, "options", ())] + [getattr(question, "feedback", None)]
                assert not any(feedback and squeezed(feedback) in body for feedback in feedbacks)


def test_the_deck_follows_the_seed(treaty: Topic) -> None:
    def ordering_body(seed: int) -> str:
        plan = deck_plan(treaty, named_theme().with_quiz_seed(seed))
        number = next(item.number for item in on_paper(treaty) if isinstance(item.question, OrderingQuestion))
        (slide,) = [slide for slide in plan.slides if slide.title == f"Quiz question {number}"]
        return " ".join(item.text for item in slide.body.items)

    assert ordering_body(0) != ordering_body(3)


# the web page


def test_the_web_page_asks_every_type_and_only_the_teachers_copy_answers(treaty: Topic) -> None:
    theme = named_theme()
    student = render_html(treaty, theme).decode("utf-8")
    teacher = render_html_answers(treaty, theme).decode("utf-8")
    assert student.count('class="answer"') == 0 and teacher.count('<p class="answer">') == len(treaty.questions)
    assert "✓" not in student and "✓" in teacher
    assert '<table class="matching">' in student and '<span class="gap">' in student and "<mark>" in teacher
    (choice,) = questions_of(treaty, ChoiceQuestion)
    assert all(option.feedback not in student for option in choice.options if option.feedback)


# the exports


def test_moodle_xml_asks_each_type_as_moodles_own(treaty: Topic) -> None:
    quiz = ElementTree.fromstring(render_moodle_xml(treaty, named_theme()))
    _, *questions = quiz.findall("question")
    kinds = {
        OpenQuestion: "essay",
        ChoiceQuestion: "multichoice",
        TrueFalseQuestion: "truefalse",
        MatchingQuestion: "matching",
        OrderingQuestion: "ordering",
        ClozeQuestion: "cloze",
    }
    assert [element.get("type") for element in questions] == [kinds[type(question)] for question in treaty.questions]
    for element, question in zip(questions, treaty.questions, strict=True):
        assert element.findtext("defaultgrade") == str(question.points or 1)
        if isinstance(question, ChoiceQuestion):
            answers = element.findall("answer")
            assert [answer.get("fraction") for answer in answers] == ["100" if option.correct else "0" for option in question.options]
            feedback = [re.sub("<[^>]+>", "", answer.findtext("feedback/text") or "") for answer in answers]
            assert feedback == [markup.plain_text(option.feedback or "") for option in question.options]
            assert element.findtext("single") == "true"
        elif isinstance(question, TrueFalseQuestion):
            right = [answer.findtext("text") for answer in element.findall("answer") if answer.get("fraction") == "100"]
            assert right == ["true" if question.answer else "false"]
        elif isinstance(question, MatchingQuestion):
            pairs = [(sub.findtext("text"), sub.findtext("answer/text")) for sub in element.findall("subquestion")]
            assert pairs == [(pair.left, markup.plain_text(pair.right)) for pair in question.pairs]
        elif isinstance(question, OrderingQuestion):
            answers = element.findall("answer")
            assert [answer.findtext("text") for answer in answers] == list(question.items)
            assert [float(answer.get("fraction")) for answer in answers] == list(range(1, len(question.items) + 1))
        elif isinstance(question, ClozeQuestion):
            text = element.findtext("questiontext/text")
            assert text.count("{1:MULTICHOICE:") == len(blanks(question))
            assert "{1:MULTICHOICE:Berlin~five~Krestinsky~=Stresemann}" in text


def test_a_cloze_without_a_word_bank_is_short_answers_with_special_characters_escaped(tmp_path: Path) -> None:
    topic = load_text('questions:\n  - {type: cloze, text: "Pay [[5 } # ~ / \\\\ <b>|five]] now."}\n', tmp_path)
    text = ElementTree.fromstring(render_moodle_xml(topic, named_theme())).findtext("question[@type='cloze']/questiontext/text")
    assert "{1:SHORTANSWER:=5 \\} \\# \\~ \\/ \\\\ &lt;b&gt;~=five}" in text


def test_several_correct_options_share_the_mark_and_wrong_ones_take_it_away(tmp_path: Path) -> None:
    topic = load_text(
        "questions:\n  - {type: multiple_choice, question: Q, options: [{text: a, correct: true}, {text: b, correct: true}, c]}\n", tmp_path
    )
    element = ElementTree.fromstring(render_moodle_xml(topic, named_theme())).find("question[@type='multichoice']")
    assert element.findtext("single") == "false"
    assert [answer.get("fraction") for answer in element.findall("answer")] == ["50", "50", "-50"]
    with zipfile.ZipFile(io.BytesIO(render_qti(topic, named_theme()))) as archive:
        (item,) = ElementTree.fromstring(archive.read(f"{topic.id}/{topic.id}.xml")).iter(f"{QTI}item")
    fields = {field.findtext(f"{QTI}fieldlabel"): field.findtext(f"{QTI}fieldentry") for field in item.iter(f"{QTI}qtimetadatafield")}
    assert fields["question_type"] == "multiple_answers_question"
    assert item.find(f"{QTI}presentation/{QTI}response_lid").get("rcardinality") == "Multiple"


def qti_items(topic: Topic) -> list[ElementTree.Element]:
    with zipfile.ZipFile(io.BytesIO(render_qti(topic, named_theme()))) as archive:
        return list(ElementTree.fromstring(archive.read(f"{topic.id}/{topic.id}.xml")).iter(f"{QTI}item"))


def test_the_qti_package_asks_every_type_but_ordering_item_by_item(treaty: Topic) -> None:
    items = qti_items(treaty)
    asked = [question for question in treaty.questions if not isinstance(question, OrderingQuestion)]
    assert len(items) == len(asked) == len(treaty.questions) - 1
    kinds = {
        OpenQuestion: "essay_question",
        ChoiceQuestion: "multiple_choice_question",
        TrueFalseQuestion: "true_false_question",
        MatchingQuestion: "matching_question",
        ClozeQuestion: "multiple_dropdowns_question",
    }
    for item, question in zip(items, asked, strict=True):
        fields = {field.findtext(f"{QTI}fieldlabel"): field.findtext(f"{QTI}fieldentry") for field in item.iter(f"{QTI}qtimetadatafield")}
        assert fields == {"question_type": kinds[type(question)], "points_possible": f"{question.points or 1}.0"}
        labels = {label.get("ident"): label.findtext(f"{QTI}material/{QTI}mattext") for label in item.iter(f"{QTI}response_label")}
        scored = [
            (condition.find(f".//{QTI}varequal").get("respident"), condition.find(f".//{QTI}varequal").text)
            for condition in item.iter(f"{QTI}respcondition")
            if condition.find(f"{QTI}setvar") is not None
        ]
        if isinstance(question, ChoiceQuestion):
            ((_, right),) = scored
            assert labels[right] == markup.plain_text(next(option.text for option in question.options if option.correct))
            feedback = [markup.plain_text(option.feedback) for option in question.options if option.feedback]
            shown = [re.sub("<[^>]+>", "", fb.findtext(f".//{QTI}mattext")) for fb in item.iter(f"{QTI}itemfeedback")]
            assert shown == feedback
        elif isinstance(question, TrueFalseQuestion):
            ((_, right),) = scored
            assert labels[right] == ("True" if question.answer else "False")
        elif isinstance(question, MatchingQuestion):
            lefts = {lid.get("ident"): lid.findtext(f"{QTI}material/{QTI}mattext") for lid in item.iter(f"{QTI}response_lid")}
            assert [(lefts[response], labels[match]) for response, match in scored] == [
                (pair.left, markup.plain_text(pair.right)) for pair in question.pairs
            ]
        elif isinstance(question, ClozeQuestion):
            assert [labels[label] for _, label in scored] == [blank_answer(blank) for blank in blanks(question)]
            assert "[blank1]" in item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext")


def test_choosing_the_qti_output_warns_of_the_ordering_it_leaves_out(tmp_path: Path) -> None:
    status, _, err = run_cli(TREATY, "--outputs", "qti", "--check")
    assert status == 0
    (warning,) = [line for line in err.splitlines() if "QTI" in line]
    line = next(number for number, text in enumerate(TREATY.read_text(encoding="utf-8").splitlines(), start=1) if "type: ordering" in text)
    assert warning.startswith(f"{TREATY}:{line}:5: questions[8].type: warning: the QTI package leaves out this ordering question")
    status, _, err = run_cli(TREATY, "--outputs", "moodle", "--check")
    assert "QTI" not in err


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_csv_cell_that_a_spreadsheet_would_run_is_kept_as_text(treaty: Topic, start: str) -> None:
    term = replace(treaty.glossary[0], term=f'{start}HYPERLINK("http://example.org")', definition=f"{start}1+1")
    data = render_terms_csv(replace(treaty, glossary=(term, *treaty.glossary[1:])), named_theme()).decode("utf-8")
    first = data.splitlines()[0]
    assert first.startswith(f"\"'{start}HYPERLINK(") and first.endswith(f",'{start}1+1")
    assert data.splitlines()[1] == f"{treaty.glossary[1].term},{treaty.glossary[1].definition}"


# properties


@settings(max_examples=15, deadline=None)
@given(
    seed=st.integers(0, 999_999),
    count=st.integers(2, 8),
)
def test_any_seed_gives_a_permutation_the_key_reads_back(seed: int, count: int, treaty: Topic) -> None:
    (choice,) = questions_of(treaty, ChoiceQuestion)
    options = tuple(replace(choice.options[index % 4], text=f"Option {index}", correct=index == 1) for index in range(count))
    topic = replace(treaty, questions=(replace(choice, options=options),))
    (item,) = arranged(topic, seed)
    assert sorted(item.order) == list(range(count))
    assert correct_letters(item) == [letter(item.order.index(1))]


def test_the_seed_on_the_command_line_or_in_a_theme_makes_another_version_with_its_own_key(tmp_path: Path) -> None:
    theme = tmp_path / "versions.yaml"
    theme.write_text("quiz: {seed: 3}\n", encoding="utf-8")
    builds = {
        "default": ("--outputs", "sheet,answers"),
        "seed": ("--outputs", "sheet,answers", "--seed", "3"),
        "theme": ("--outputs", "sheet,answers", "--theme", theme),
    }
    made = {}
    for name, arguments in builds.items():
        status, _, err = run_cli(TREATY, "--out", tmp_path / name, "-q", *arguments)
        assert status == 0, err
        made[name] = [(tmp_path / name / f"treaty-of-berlin-1926{suffix}.pdf").read_bytes() for suffix in ("", "-answers")]
    assert made["seed"] == made["theme"]
    assert made["seed"][0] != made["default"][0] and made["seed"][1] != made["default"][1]
    assert squeezed("Check your understanding · Version 3") in pdf_text(made["seed"][1])
    assert squeezed("Version 3") in pdf_text(made["seed"][0])
    assert run_cli(TREATY, "--check", "--seed", "-1")[0] == 2  # argparse refuses it, as every usage error


def test_a_matching_taller_than_a_page_parts_between_its_rows(tmp_path: Path) -> None:
    """Pairs too long for one page go on over the next, every right-hand text printed, on the sheet and in the key."""
    long = " ".join(["a long description of the matching term"] * 14)
    pairs = [{"left": f"Term {number}", "right": f"Meaning {number}: {long}."} for number in range(1, 9)]
    topic = load_text(yaml.safe_dump({"questions": [{"type": "matching", "pairs": pairs}]}), tmp_path)
    for render, theme in ((render_quiz, named_theme()), (render_quiz_answers, named_theme()), (render_study_sheet, ON_SHEET)):
        pdf = render(topic, theme)
        assert len(PdfReader(io.BytesIO(pdf)).pages) >= 2
        text = squeezed(pdf_text(pdf))
        assert all(squeezed(f"Meaning {number}:") in text for number in range(1, 9))


# where typed questions print


def built_files(topic_text: str, tmp_path: Path, *options: str | Path) -> tuple[list[str], str]:
    """(the files a default build writes for a topic, the text of its study sheet)."""
    path = tmp_path / "t.yaml"
    path.write_text(BASE + topic_text, encoding="utf-8")
    out = tmp_path / "out"
    status, _, err = run_cli(path, "--out", out, "-q", *options)
    assert status == 0, err
    files = sorted(child.name for child in out.iterdir() if not child.name.startswith("."))
    return files, pdf_text((out / "t.pdf").read_bytes())


TYPED_ONLY = "questions:\n  - {type: true_false, question: The treaty lasted five years., answer: true}\n"
OPEN_ONLY = "questions:\n  - {question: How long did it last?, answer: Five years.}\n"


def test_a_topic_with_typed_questions_only_gets_a_quiz_paper_and_neither_questions_nor_a_key_on_its_sheet(tmp_path: Path) -> None:
    files, sheet = built_files(TYPED_ONLY, tmp_path)
    assert files == ["t-quiz-answers.pdf", "t-quiz.pdf", "t.pdf", "t.pptx"]
    assert squeezed("Check your understanding") not in sheet and squeezed("The treaty lasted") not in sheet


def test_a_topic_with_open_questions_only_gets_no_quiz_paper(tmp_path: Path) -> None:
    files, sheet = built_files(OPEN_ONLY, tmp_path)
    assert files == ["t-answers.pdf", "t.pdf", "t.pptx"]
    assert squeezed("1. How long did it last?") in sheet


def test_print_sheet_keeps_typed_questions_on_the_sheet_and_in_its_key_with_no_quiz_paper(tmp_path: Path) -> None:
    theme = tmp_path / "on-sheet.yaml"
    theme.write_text("quiz: {print: sheet}\n", encoding="utf-8")
    files, sheet = built_files(TYPED_ONLY, tmp_path, "--theme", theme)
    assert files == ["t-answers.pdf", "t.pdf", "t.pptx"]
    assert squeezed("Check your understanding") in sheet and squeezed("1. The treaty lasted five years.") in sheet


def test_a_wrong_print_setting_is_an_error_at_its_line(tmp_path: Path) -> None:
    theme = tmp_path / "wrong.yaml"
    theme.write_text("extends: modern\nquiz: {print: paperr}\n", encoding="utf-8")
    status, _, err = run_cli(TREATY, "--theme", theme, "--out", tmp_path / "out")
    assert status == 2
    assert f"{theme}:2:8: quiz.print: must be 'paper' or 'sheet', got 'paperr'" in err
    assert not (tmp_path / "out" / "treaty-of-berlin-1926-quiz.pdf").exists()


def test_the_sheet_and_the_quiz_paper_each_number_their_questions_from_1_and_shuffle_as_the_deck_does(treaty: Topic) -> None:
    sheet, paper, every = on_sheet(treaty), on_paper(treaty), arranged(treaty)
    assert [item.number for item in sheet] == list(range(1, len(sheet) + 1))
    assert [item.number for item in paper] == list(range(1, len(paper) + 1))
    assert {item.question for item in sheet}.isdisjoint(item.question for item in paper)
    orders = {id(item.question): item.order for item in every}
    assert all(item.order == orders[id(item.question)] for item in [*sheet, *paper])


def numbered_stems(text: str, items: list) -> list[int]:
    """Where each question that has a text of its own is printed after its number, in ``text`` squeezed."""
    return [text.find(squeezed(f"{item.number}. {markup.plain_text(item.question.question)}")) for item in items if item.question.question]


@pytest.mark.parametrize("where", ["paper", "sheet"])
def test_every_output_numbers_a_question_as_the_paper_the_class_holds(treaty: Topic, where: str) -> None:
    """Typed questions 1..n on the quiz paper, and so in the deck (as "Quiz question n"), on the web page and in the exports;
    open ones 1..m on the sheet; with ``print: sheet`` one numbering for all, as the sheet prints them."""
    theme = replace(named_theme(), quiz_print=where)
    asked, quizzed = as_printed(treaty, 0, where == "paper")
    assert (len(asked), len(quizzed)) == ((5, 5) if where == "paper" else (10, 0))
    papers = [(asked, pdf_text(render_study_sheet(treaty, theme))), (asked, pdf_text(render_answer_key(treaty, theme)))]
    if quizzed:
        papers += [(quizzed, pdf_text(render_quiz(treaty, theme))), (quizzed, pdf_text(render_quiz_answers(treaty, theme)))]
    for items, text in papers:
        found = numbered_stems(text, items)
        assert all(at >= 0 for at in found) and found == sorted(found), found
    titles = {title: body.replace("’", "'") for title, body, _ in slide_texts(render_deck(treaty, replace(theme, quiz_answers="slides")))}
    for items, asking in ((asked, "Question"), (quizzed, "Quiz question")):
        for item in items:
            if item.question.question:
                assert squeezed(markup.plain_text(item.question.question)) in titles[f"{asking} {item.number}"]
    page = squeezed(re.sub("<[^>]+>", " ", render_html(treaty, theme).decode("utf-8"))).replace("’", "'")
    lists = page.split(squeezed("Quiz"))  # the page's own list per paper: the sheet's, then (with a quiz paper) the quiz's
    for items, text in zip((asked, quizzed), (lists[0], lists[-1]) if quizzed else (page,), strict=False):
        stems = [text.find(squeezed(markup.plain_text(item.question.question))) for item in items if item.question.question]
        assert all(at >= 0 for at in stems) and stems == sorted(stems)
    names = [element.findtext("name/text") for element in ElementTree.fromstring(render_moodle_xml(treaty, theme)).findall("question")[1:]]
    with zipfile.ZipFile(io.BytesIO(render_qti(treaty, theme))) as archive:
        titled = [item.get("title") for item in ElementTree.fromstring(archive.read(f"{treaty.id}/{treaty.id}.xml")).iter(f"{QTI}item")]
    expected_names, expected_titles = [], []
    for item in sorted([*asked, *quizzed], key=lambda item: treaty.questions.index(item.question)):
        quizzing = item in quizzed
        expected_names.append(f"{'Quiz ' if quizzing else ''}Q{item.number:02d}")
        if not isinstance(item.question, OrderingQuestion):
            expected_titles.append(f"{'Quiz question' if quizzing else 'Question'} {item.number}")
    assert [re.match(r"(Quiz )?Q\d\d", name)[0] for name in names] == expected_names
    assert titled == expected_titles


def test_every_question_on_a_paper_with_a_total_shows_its_points_and_the_total_is_their_sum(treaty: Topic, tmp_path: Path) -> None:
    """The treaty's true/false and cloze say no points: each counts one, shows it, and the total adds it in."""
    quizzed = on_paper(treaty)
    assert any(item.question.points is None for item in quizzed)
    worth = [item.question.points or 1 for item in quizzed]
    for pdf in (render_quiz(treaty, named_theme()), render_quiz_answers(treaty, named_theme())):
        text = pdf_text(pdf)
        assert [int(shown) for shown in re.findall(r"\((\d+)pt\)", text)] == worth
        assert squeezed(f"Total: {sum(worth)} points") in text
    german = replace(treaty, language="de")
    assert squeezed(f"Gesamt: {sum(worth)} Punkte") in pdf_text(render_quiz(german, named_theme()))
    unmarked = load_text("questions:\n  - {type: true_false, question: Q, answer: true}\n  - {type: cloze, text: 'A [[b]].'}\n", tmp_path)
    text = pdf_text(render_quiz(unmarked, named_theme()))
    assert "Total" not in text and "pt)" not in text  # no question says what it is worth: no total, and no points


def test_the_matchings_letters_print_at_the_texts_size_and_options_that_fit_a_line_take_one(treaty: Topic) -> None:
    """The right column's letters as large as its text, the teacher's boxed letters near the box's size; option A of the
    treaty's first question (77 characters) is too long for half the page or the reading measure, so the question takes
    the page's width and the option one line, in the paper and (bold, as the right answer) in its key."""
    from tests.pagefill import runs

    for pdf in (render_quiz(treaty, named_theme()), render_quiz_answers(treaty, named_theme())):
        lines = runs(pdf, 0)
        body = next(run.size for run in lines if run.text.startswith("Refusing to trade"))
        letters = [run for run in lines if run.text in "ABCDEF" and len(run.text) == 1]
        assert letters and all(run.size >= body for run in letters if run.x > 200), [(run.text, run.size) for run in letters]
        option = next(run.text for run in lines if "When the other was attacked" in run.text)
        assert option.rstrip().endswith("peaceful conduct."), option
    boxed = [run for run in runs(render_quiz_answers(treaty, named_theme()), 0) if run.text in ("E", "D", "C") and run.x < 200]
    assert boxed and all(run.size >= 9 for run in boxed)
