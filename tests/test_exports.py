"""Exports read back item by item: the CSV of terms, Moodle XML, the QTI package and the Anki package."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from guide import markup
from guide.builder import BuildOptions, build
from guide.load import load_topic, named_theme
from guide.model import Course, GlossaryEntry, KeyFact, Question, Topic
from guide.outputs import REGISTRY
from guide.render.exports.anki import render_anki
from guide.render.exports.moodle import render_moodle_xml
from guide.render.exports.qti import QTI_NAMESPACE, render_qti
from guide.render.exports.terms_csv import render_terms_csv
from tests.conftest import ROOT, TREATY
from tests.strategies import topics

EXPORTS = ("anki", "csv", "moodle", "qti")
PACKAGE_NAMESPACE = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
QTI = f"{{{QTI_NAMESPACE}}}"
COURSE = Course(id="hist-201", code="HIST 201", title="Europe/Between the Wars")


@pytest.fixture(scope="module")
def treaty() -> Topic:
    return load_topic(TREATY).topic


@pytest.fixture(scope="module")
def hostile(treaty: Topic) -> Topic:
    """The treaty with text that looks like markup, HTML, CSV and Anki's cloze syntax."""
    return dataclasses.replace(
        treaty,
        glossary=(
            *treaty.glossary,
            GlossaryEntry(
                term='Say "no", <b>never</b>', definition="A **bold** word, a [link](https://example.org/?a=1&b=2) and {{c1::this}}"
            ),
        ),
        key_facts=(KeyFact(fact="Costs **5 < 6 & {{x}}: yes** *now*"), *treaty.key_facts),
        questions=(
            Question(question="Is <script>alert(1)</script> *shown*?", answer="Yes: **as text** & nothing runs."),
            *treaty.questions,
        ),
    )


class _Text(HTMLParser):
    """The text of an HTML fragment, entities decoded, tags dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)


def html_text(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return "".join(parser.pieces)


def test_the_exports_are_registered_and_built_only_when_chosen() -> None:
    for name in EXPORTS:
        assert name in REGISTRY.names()
        assert not REGISTRY[name].default
    assert set(REGISTRY.of_format("all")).isdisjoint(EXPORTS)


def test_the_csv_holds_each_term_and_its_plain_definition(hostile: Topic) -> None:
    data = render_terms_csv(hostile, named_theme())
    assert not data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8")
    assert text.endswith("\r\n") and text.count("\r\n") == len(hostile.glossary)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [[entry.term, markup.plain_text(entry.definition)] for entry in hostile.glossary]
    assert rows[-1] == ['Say "no", <b>never</b>', "A bold word, a link and {{c1::this}}"]
    assert "**" not in text


def test_moodle_xml_puts_each_question_as_an_essay_in_the_course_and_topic_category(hostile: Topic) -> None:
    quiz = ElementTree.fromstring(render_moodle_xml(hostile, named_theme(), COURSE))
    category, *essays = quiz.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text") == "$course$/top/HIST 201 Europe//Between the Wars/The Treaty of Berlin (1926)"
    assert len(essays) == len(hostile.questions)
    for number, (essay, question) in enumerate(zip(essays, hostile.questions, strict=True), start=1):
        assert essay.get("type") == "essay"
        assert essay.findtext("name/text").startswith(f"Q{number:02d} ")
        assert essay.find("questiontext").get("format") == "html"
        assert html_text(essay.findtext("questiontext/text")) == markup.plain_text(question.question)
        assert html_text(essay.findtext("graderinfo/text")) == markup.plain_text(question.answer)
        assert essay.findtext("generalfeedback/text") in (None, "")  # students never see the answer
    first = essays[0]
    assert first.findtext("questiontext/text") == "<p>Is &lt;script&gt;alert(1)&lt;/script&gt; <i>shown</i>?</p>"
    assert first.findtext("graderinfo/text") == "<p>Yes: <b>as text</b> &amp; nothing runs.</p>"
    assert [essay.findtext("responsefieldlines") for essay in essays[1:]] == ["5", "5", "5", "5", "5"]


def test_moodle_categories_without_a_course_name_the_topic_alone(treaty: Topic) -> None:
    quiz = ElementTree.fromstring(render_moodle_xml(treaty, named_theme()))
    assert quiz.findtext("question/category/text") == "$course$/top/The Treaty of Berlin (1926)"


def test_the_qti_package_holds_a_manifest_naming_one_assessment_of_every_question(hostile: Topic) -> None:
    with zipfile.ZipFile(io.BytesIO(render_qti(hostile, named_theme(), COURSE))) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        manifest = ElementTree.fromstring(archive.read("imsmanifest.xml"))
        (resource,) = manifest.iter(f"{PACKAGE_NAMESPACE}resource")
        assert resource.get("type") == "imsqti_xmlv1p2"
        path = resource.get("href")
        assert resource.find(f"{PACKAGE_NAMESPACE}file").get("href") == path
        assert sorted(names) == sorted(["imsmanifest.xml", path])
        document = ElementTree.fromstring(archive.read(path))
    (test,) = document.findall(f"{QTI}assessment")
    assert test.get("title") == "HIST 201 · The Treaty of Berlin (1926)"
    items = list(test.iter(f"{QTI}item"))
    assert len(items) == len(hostile.questions)
    assert len({item.get("ident") for item in items}) == len(items)
    for item, question in zip(items, hostile.questions, strict=True):
        fields = {field.findtext(f"{QTI}fieldlabel"): field.findtext(f"{QTI}fieldentry") for field in item.iter(f"{QTI}qtimetadatafield")}
        assert fields == {"question_type": "essay_question", "points_possible": "1.0"}
        shown = item.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext")
        assert html_text(shown) == markup.plain_text(question.question)
        feedback = item.findtext(f"{QTI}itemfeedback/{QTI}flow_mat/{QTI}material/{QTI}mattext")
        assert html_text(feedback) == markup.plain_text(question.answer)
    assert "**" not in ElementTree.tostring(document, encoding="unicode")


def apkg_notes(data: bytes, folder: Path) -> dict[str, list[str]]:
    """The package's notes, GUID -> fields, read from its SQLite collection."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        (folder / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(folder / "collection.anki2")
    try:
        return {guid: fields.split("\x1f") for guid, fields in connection.execute("SELECT guid, flds FROM notes ORDER BY id")}
    finally:
        connection.close()


def test_the_anki_package_holds_terms_facts_with_blanks_and_questions(hostile: Topic, tmp_path: Path) -> None:
    notes = list(apkg_notes(render_anki(hostile, named_theme(), COURSE), tmp_path).values())
    terms, facts, questions = (
        notes[: len(hostile.glossary)],
        notes[len(hostile.glossary) : -len(hostile.questions)],
        notes[-len(hostile.questions) :],
    )
    assert [(html_text(term), html_text(definition)) for term, definition, _ in terms] == [
        (entry.term, markup.plain_text(entry.definition)) for entry in hostile.glossary
    ]
    assert terms[-1][:2] == [
        'Say "no", &lt;b&gt;never&lt;/b&gt;',
        'A <b>bold</b> word, a <a href="https://example.org/?a=1&amp;b=2">link</a> and {{c1::this}}',
    ]
    assert [fields[0] for fields in facts] == [
        "Costs {{c1::5 &lt; 6 &amp; &#123;&#123;x&#125;&#125;&#58; yes}} <i>now</i>",
        "Signed in {{c1::Berlin}} by Germany and the Soviet Union.",
        "Article 1 kept the {{c1::Treaty of Rapallo}} (1922) as the basis of relations between the two states.",
        "In force from {{c1::29 June 1926}}, then renewed by a protocol of 1931.",
    ]
    assert [(html_text(fields[0]), html_text(fields[1])) for fields in questions] == [
        (markup.plain_text(question.question), markup.plain_text(question.answer)) for question in hostile.questions
    ]
    assert all(fields[-1] == "The Treaty of Berlin (1926)" for fields in notes)
    assert not any("**" in field for fields in notes for field in fields)


def test_a_fact_with_no_bold_words_is_blanked_at_its_figure_or_left_out(treaty: Topic, tmp_path: Path) -> None:
    facts = (KeyFact(fact="It lasted 5 years.", figure="5 years"), KeyFact(fact="Nothing to blank.", figure="7"), KeyFact(fact="Plain."))
    notes = apkg_notes(render_anki(dataclasses.replace(treaty, key_facts=facts, glossary=(), questions=()), named_theme()), tmp_path)
    assert [fields[0] for fields in notes.values()] == ["It lasted {{c1::5 years}}."]


def edited(topic: Topic) -> Topic:
    """The topic with one term's definition, one fact's wording and one question's answer changed."""
    glossary = (dataclasses.replace(topic.glossary[0], definition="Taking **no** side in a war."), *topic.glossary[1:])
    facts = (dataclasses.replace(topic.key_facts[0], fact="Signed in **Berlin** in April 1926."), *topic.key_facts[1:])
    questions = (*topic.questions[:-1], dataclasses.replace(topic.questions[-1], answer="Both balanced East and West."))
    return dataclasses.replace(topic, glossary=glossary, key_facts=facts, questions=questions)


def test_note_guids_stay_the_same_across_builds_and_edits_of_other_items(treaty: Topic, tmp_path: Path) -> None:
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    before = apkg_notes(render_anki(treaty, named_theme()), tmp_path / "a")
    after = apkg_notes(render_anki(edited(treaty), named_theme()), tmp_path / "b")
    assert list(before) == list(after)
    changed = [guid for guid in before if before[guid] != after[guid]]
    assert len(changed) == 3
    other = dataclasses.replace(treaty, id="another-topic")
    assert set(apkg_notes(render_anki(other, named_theme()), tmp_path / "a")).isdisjoint(before)


@pytest.mark.parametrize("name", EXPORTS)
def test_an_export_gives_the_same_bytes_every_time(name: str, hostile: Topic) -> None:
    render = REGISTRY[name].renderer()
    assert render(hostile, named_theme(), COURSE, None) == render(hostile, named_theme(), COURSE, None)


def test_two_builds_in_fresh_processes_give_the_same_export_bytes(tmp_path: Path) -> None:
    """Separate processes: nothing may depend on the time, a temporary file's name or the hash seed."""
    files = []
    for name in ("first", "second"):
        command = [sys.executable, "-m", "guide", str(TREATY), "--outputs", ",".join(EXPORTS), "--out", str(tmp_path / name), "-q"]
        subprocess.run(command, check=True, cwd=ROOT, timeout=60)
        files.append({path.name: path.read_bytes() for path in (tmp_path / name).iterdir() if not path.name.startswith(".")})
    assert sorted(files[0]) == sorted(REGISTRY[name].file_name("treaty-of-berlin-1926") for name in EXPORTS)
    assert files[0] == files[1]


def test_anki_imports_the_package_twice_without_duplicates_and_with_the_edits(treaty: Topic, tmp_path: Path) -> None:
    """Anki's own collection library imports the package into a fresh collection, then the edited topic's."""
    collection_module = pytest.importorskip("anki.collection", reason="Anki's library (PyPI 'anki') is not installed here")
    from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest, ImportAnkiPackageUpdateCondition

    collection = collection_module.Collection(str(tmp_path / "collection.anki2"))
    try:
        options = ImportAnkiPackageOptions(update_notes=ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS)
        for number, topic in enumerate((treaty, edited(treaty))):
            package = tmp_path / f"{number}.apkg"
            package.write_bytes(render_anki(topic, named_theme(), COURSE))
            collection.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options))
            if number == 0:
                count, cards = collection.note_count(), collection.card_count()
        assert count == len(treaty.glossary) + 3 + len(treaty.questions)  # three of the treaty's facts have words to blank
        assert cards == 2 * len(treaty.glossary) + 3 + len(treaty.questions)
        assert (collection.note_count(), collection.card_count()) == (count, cards)
        fields = {tuple(collection.get_note(note).fields[:1]): collection.get_note(note).fields for note in collection.find_notes("")}
        assert fields[("Neutrality",)][1] == "Taking <b>no</b> side in a war."
        assert ("Signed in {{c1::Berlin}} in April 1926.",) in fields
        assert ("Signed in {{c1::Berlin}} by Germany and the Soviet Union.",) not in fields
        answers = [values[1] for values in fields.values()]
        assert "Both balanced East and West." in answers
        assert sorted(name for name, _ in ((deck.name, deck.id) for deck in collection.decks.all_names_and_ids()) if name != "Default") == [
            "HIST 201 Europe/Between the Wars",
            "HIST 201 Europe/Between the Wars::The Treaty of Berlin (1926)",
        ]
    finally:
        collection.close()


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=topics())
def test_any_valid_topic_exports_what_it_holds(tmp_path: Path, data: dict[str, Any]) -> None:
    path = tmp_path / "generated.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    topic = load_topic(path).topic
    rows = list(csv.reader(io.StringIO(render_terms_csv(topic, named_theme()).decode("utf-8"), newline="")))
    assert rows == [[entry.term, markup.plain_text(entry.definition)] for entry in topic.glossary]
    essays = ElementTree.fromstring(render_moodle_xml(topic, named_theme())).findall("question[@type='essay']")
    assert [html_text(essay.findtext("questiontext/text")) for essay in essays] == [markup.plain_text(q.question) for q in topic.questions]
    with zipfile.ZipFile(io.BytesIO(render_qti(topic, named_theme()))) as archive:
        document = ElementTree.fromstring(archive.read(f"{topic.id}/{topic.id}.xml"))
    assert len(list(document.iter(f"{QTI}item"))) == len(topic.questions)
    notes = apkg_notes(render_anki(topic, named_theme()), tmp_path)
    assert len(notes) >= len(topic.glossary) + len(topic.questions)  # every GUID distinct, repeated terms too


def shape(element: ElementTree.Element, skipped: tuple[str, ...]) -> list[Any]:
    """An element's tags and attributes, depth first, without identifiers, metadata or text."""
    tag = element.tag.rpartition("}")[2]
    if tag in skipped:
        return []
    attributes = {name: value for name, value in element.attrib.items() if name not in ("ident", "title")}
    return [tag, attributes, [part for child in element if (part := shape(child, skipped))]]


def test_an_essay_item_has_the_shape_text2qti_gives_canvas(treaty: Topic) -> None:
    """text2qti writes QTI that Canvas imports; an essay item of ours has the same elements, in the same order."""
    quiz_module = pytest.importorskip("text2qti.quiz", reason="text2qti is not installed here")
    from text2qti.config import Config
    from text2qti.qti import QTI as Text2QTI  # noqa: N811

    question = treaty.questions[2]
    quiz = quiz_module.Quiz(f"Quiz title: T\n\n1.  {question.question}\n... {question.answer}\n___\n", config=Config())
    with zipfile.ZipFile(io.BytesIO(Text2QTI(quiz).zip_bytes())) as archive:
        (path,) = [name for name in archive.namelist() if name.endswith(".xml") and not name.endswith(("meta.xml", "imsmanifest.xml"))]
        (theirs,) = ElementTree.fromstring(archive.read(path)).iter(f"{QTI}item")
    with zipfile.ZipFile(io.BytesIO(render_qti(treaty, named_theme()))) as archive:
        ours = list(ElementTree.fromstring(archive.read(f"{treaty.id}/{treaty.id}.xml")).iter(f"{QTI}item"))[2]
    assert shape(ours, ("itemmetadata",)) == shape(theirs, ("itemmetadata",))
    assert ours.findtext(f"{QTI}presentation/{QTI}material/{QTI}mattext") == theirs.findtext(
        f"{QTI}presentation/{QTI}material/{QTI}mattext"
    )


def test_a_course_chooses_exports_and_names_their_deck_and_category(project: Path) -> None:
    course = project / "source" / "courses" / "c1.yaml"
    alpha = project / "source" / "alpha.yaml"
    alpha.write_text(alpha.read_text(encoding="utf-8") + "questions: [{question: Why?, answer: Because.}]\n", encoding="utf-8")
    course.write_text(course.read_text(encoding="utf-8") + "outputs: [anki, moodle]\n", encoding="utf-8")
    assert build([course], BuildOptions(out=project / "out")).exit_status == 0
    folder = project / "out" / "c1"
    assert sorted(path.name for path in folder.iterdir() if not path.name.startswith(".")) == ["alpha-moodle.xml", "alpha.apkg"]
    assert ElementTree.parse(folder / "alpha-moodle.xml").getroot().findtext("question/category/text") == "$course$/top/C1 Course/Alpha"
    with zipfile.ZipFile(folder / "alpha.apkg") as archive:
        (project / "collection.anki2").write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(project / "collection.anki2")
    try:
        (decks,) = connection.execute("SELECT decks FROM col").fetchone()
    finally:
        connection.close()
    assert "C1 Course::Alpha" in {deck["name"] for deck in json.loads(decks).values()}
