"""Tagged PDF: the study sheet and answer key carry a structure tree a screen reader can follow, and what PDF/UA-1 asks.

Read back three ways: poppler prints the tree with each element's text, pikepdf reads the
tree, the parent tree and every page's content stream, and the pdfua checker runs its rules.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdfua import validate
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from guide import load_topic
from guide.labels import Labels
from guide.load import named_theme
from guide.markup import link_text, plain_text
from guide.model import KeyFact, OpenQuestion, Topic
from guide.quiz import on_paper, on_sheet
from guide.render.common import Metadata
from guide.render.pdf import render_answer_key, render_study_sheet
from guide.render.pdf.handout import render_handout, render_slides_pdf
from guide.render.pdf.quiz_paper import render_quiz, render_quiz_answers
from guide.render.pdf.structure import Element as StructureElement
from guide.render.pdf.tagged import artifact, marked, tag
from guide.render.pdf.tagged_canvas import TaggingCanvas
from guide.render.planning import lined_plan
from guide.render.slides.shapes import Picture, TextBlock
from guide.session import BuildSession
from guide.theme import Theme
from guide.typography import typeset_topic
from tests.conftest import ROOT, TREATY, squeezed
from tests.handout_notes import notes_set_under, printed
from tests.samples import german_topic, long_topic, paragraph, sentence
from tests.tagread import STANDARD_ROLES, Node, elements, have_pdfinfo, parent_tree, structure_tree, unmarked_painting
from tests.templates import make_decorated_template

pytestmark = pytest.mark.skipif(not have_pdfinfo(), reason="poppler (pdfinfo) is not installed")

THEMES = ("classic", "modern", "print")
TOPICS = ("treaty", "long", "german")
DOCUMENTS = ("sheet", "answers")
SLIDE_DOCUMENTS = ("slides", "handout", "handout-notes")
CASES = [(topic, "classic", document) for topic in TOPICS for document in DOCUMENTS] + [
    ("treaty", theme, document) for theme in THEMES[1:] for document in DOCUMENTS
]
QUIZ_CASES = [("treaty", theme, document) for theme in ("classic", "print") for document in ("quiz", "quiz-answers")]
SLIDE_CASES = [("treaty", theme, document) for theme in ("classic", "print") for document in SLIDE_DOCUMENTS] + [
    ("german", "modern", "slides"),
    ("treaty", "template", "slides"),
    ("long", "classic", "handout-notes"),
]
RENDERERS: dict[str, Callable[[Topic, Theme], bytes]] = {
    "sheet": render_study_sheet,
    "answers": render_answer_key,
    "slides": render_slides_pdf,
    "handout": render_handout,
    "handout-notes": lambda topic, theme: render_handout(topic, theme.with_handout("notes")),
    "quiz": render_quiz,
    "quiz-answers": render_quiz_answers,
}


def _topic(name: str, folder: Path) -> Topic:
    if name == "treaty":
        return load_topic(TREATY).topic
    path = folder / f"{name}.yaml"
    path.write_text(yaml.safe_dump(long_topic() if name == "long" else german_topic(), allow_unicode=True), encoding="utf-8")
    return load_topic(path).topic


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str, str], tuple[Path, Topic, Theme]]:
    """Every case rendered once: (topic, theme, document) -> (PDF file, topic, theme)."""
    folder = tmp_path_factory.mktemp("tagged")
    topics = {name: _topic(name, folder) for name in TOPICS}
    found = {}
    make_decorated_template(folder / "dept.pptx", ROOT / "tests" / "data" / "pixel.png")
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    (folder / "template.yaml").write_text("slides:\n  template: dept.pptx\n", encoding="utf-8")
    for name, theme_name, document in [*CASES, *SLIDE_CASES, *QUIZ_CASES]:
        theme = named_theme(str(folder / "template.yaml") if theme_name == "template" else theme_name)
        path = folder / f"{name}-{theme_name}-{document}.pdf"
        path.write_bytes(RENDERERS[document](topics[name], theme))
        found[(name, theme_name, document)] = (path, topics[name], theme)
    return found


def _ids(case: tuple[str, str, str]) -> str:
    return "-".join(case)


def in_reading_order(tree: Node, items: list[str]) -> list[str]:
    """Those of ``items`` not found in the tree's text after the one before them (hyphens and spaces ignored)."""
    text = squeezed(tree.all_text())
    missing, position = [], 0
    for item in items:
        found = text.find(squeezed(item), position)
        if found < 0:
            missing.append(item)
        else:
            position = found + len(squeezed(item))
    return missing


def texts(tree: Node, role: str) -> list[str]:
    return [squeezed(node.all_text()) for node in tree.find(role)]


def facts_in_box_order(topic: Topic) -> list[KeyFact]:
    """The key facts as the box reads them: those with a figure first, each group in the topic's order."""
    return sorted(topic.key_facts, key=lambda fact: not fact.figure)


def sections_of_sheet(topic: Topic, labels: Labels) -> list[tuple[str | None, list[str]]]:
    """Each part of the study sheet as it is read: (its heading, its content in order); a quotation has no heading."""
    parts: list[tuple[str | None, list[str]]] = [
        (labels["objectives"].upper(), [plain_text(objective) for objective in topic.objectives]),
        (labels["at_a_glance"].upper(), [plain_text(topic.summary)]),
        (labels["key_facts"].upper(), [plain_text(fact.fact) for fact in facts_in_box_order(topic)]),
        (labels["context"], [plain_text(paragraph.text) for paragraph in topic.context]),
        (labels["significance"], [plain_text(paragraph.text) for paragraph in topic.significance]),
        (labels["people"], [person.name for person in topic.people]),
        (labels["glossary"], [part for entry in topic.glossary for part in (entry.term, plain_text(entry.definition))]),
        (labels["timeline"], [part for entry in topic.timeline for part in (labels.date(entry.date), plain_text(entry.event))]),
        (labels["questions"], [plain_text(item.question.question) for item in on_sheet(topic) if item.question.question]),
        (labels["sources"], [plain_text(source.citation) for source in topic.sources]),
        *((None, [plain_text(excerpt.text), excerpt.attribution]) for excerpt in topic.excerpts),
    ]
    return [(heading, items) for heading, items in parts if items]


def sections_of_answer_key(topic: Topic, labels: Labels) -> list[tuple[str | None, list[str]]]:
    answers = [
        plain_text(part)
        for question in (item.question for item in on_sheet(topic))
        for part in (question.question, question.answer if isinstance(question, OpenQuestion) else None)
        if part
    ]
    facts = [part for fact in facts_in_box_order(topic) for part in (plain_text(fact.fact), plain_text(fact.detail or "")) if part]
    parts: list[tuple[str | None, list[str]]] = [
        (labels["questions"], answers),
        (labels["key_facts"].upper(), facts),
        (labels["sources"], [plain_text(source.citation) for source in topic.sources]),
    ]
    return [(heading, items) for heading, items in parts if items]


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_every_heading_paragraph_item_term_and_figure_is_in_the_tree_in_reading_order(rendered: Any, case: tuple[str, str, str]) -> None:
    path, topic, theme = rendered[case]
    printed = typeset_topic(topic, theme.typography)
    labels = theme.labels_for(printed.language_code)
    tree = structure_tree(path)
    assert tree.role == "Document"
    assert texts(tree, "H1") == [squeezed(printed.title)]
    sections = sections_of_sheet(printed, labels) if case[2] == "sheet" else sections_of_answer_key(printed, labels)
    for heading, items in sections:
        assert not in_reading_order(tree if heading is None else section_headed(tree, heading), items), heading


def section_headed(tree: Node, heading: str) -> Node:
    """The one section of the tree that opens with ``heading``."""
    (section,) = [node for node in tree.find("Sect") if node.kids[0].role == "H2" and node.kids[0].all_text().strip() == heading]
    return section


def words(text: str) -> set[str]:
    """The words of a text, hyphens left out, so that a word hyphenated at a line end is the same word."""
    return {word.replace("-", "") for word in text.split()}


@pytest.mark.parametrize("case", [case for case in CASES if case[2] == "sheet"], ids=_ids)
def test_the_words_of_every_paragraph_are_read_apart_across_line_ends(rendered: Any, case: tuple[str, str, str]) -> None:
    """Nothing runs the last word of a line into the first of the next."""
    path, topic, theme = rendered[case]
    printed = typeset_topic(topic, theme.typography)
    read = words(structure_tree(path).all_text())
    for written in (*printed.context, *printed.significance):
        assert words(plain_text(written.text)) <= read


@pytest.mark.parametrize("case", [case for case in CASES if case[2] == "sheet"], ids=_ids)
def test_lists_terms_figures_and_quotations_have_their_roles(rendered: Any, case: tuple[str, str, str]) -> None:
    path, topic, theme = rendered[case]
    printed = typeset_topic(topic, theme.typography)
    labels = theme.labels_for(printed.language_code)
    tree = structure_tree(path)
    assert texts(tree, "TH") == [squeezed(entry.term) for entry in printed.glossary]
    definitions = [squeezed(plain_text(entry.definition)) for entry in printed.glossary]
    assert all(definition in cell for definition, cell in zip(definitions, texts(tree, "TD"), strict=True))
    dates = [squeezed(labels.date(entry.date)) for entry in printed.timeline]
    assert len([listed for listed in tree.find("L") if texts(listed, "Lbl") == dates]) == (1 if dates else 0)
    facts = [squeezed(plain_text(fact.fact)) for fact in printed.key_facts]
    assert len([body for body in tree.find("LBody") if any(fact in squeezed(body.all_text()) for fact in facts)]) == len(facts)
    assert len(tree.find("BlockQuote")) == len(printed.excerpts)
    numbered = [texts(listed, "Lbl") for listed in tree.find("L") if texts(listed, "Lbl")[:1] == ["1."]]
    counts = [len(on_sheet(printed)), len(printed.sources)]
    assert sorted(numbered) == sorted([f"{number}." for number in range(1, count + 1)] for count in counts if count)
    asked = [squeezed(plain_text(item.question.question)) for item in on_sheet(printed) if item.question.question]
    bodies = [body for listed in tree.find("L") for body in texts(listed, "LBody")]
    assert all(any(body.startswith(text) for body in bodies) for text in asked)  # numbers not in the text
    with pikepdf.open(path) as pdf:
        figures = [element for element in elements(pdf) if element.role == "Figure"]
        assert [figure.alt for figure in figures] == [image.alt for image in printed.images]
        assert all(figure.marks for figure in figures)
        assert {element.role for element in elements(pdf)} <= STANDARD_ROLES


@pytest.mark.parametrize("case", QUIZ_CASES, ids=_ids)
def test_the_quiz_paper_reads_its_title_then_its_questions_in_order_each_a_numbered_item(rendered: Any, case: tuple[str, str, str]) -> None:
    path, topic, theme = rendered[case]
    printed = typeset_topic(topic, theme.typography)
    tree = structure_tree(path)
    teacher = path.name.endswith("-answers.pdf")  # the teacher's copy names the quiz it answers; the paper's kicker says "Quiz"
    assert texts(tree, "H1") == [squeezed(f"Quiz: {printed.title}" if teacher else printed.title)]
    items = on_paper(printed)
    asked = [plain_text(item.question.question) for item in items if item.question.question]
    assert not in_reading_order(tree, asked)
    numbered = [texts(listed, "Lbl") for listed in tree.find("L") if texts(listed, "Lbl")[:1] == ["1."]]
    assert numbered == [[f"{number}." for number in range(1, len(items) + 1)]]


@pytest.mark.parametrize("case", [*CASES, *SLIDE_CASES, *QUIZ_CASES], ids=_ids)
def test_every_painting_operator_is_tagged_content_or_an_artifact(rendered: Any, case: tuple[str, str, str]) -> None:
    path, _, _ = rendered[case]
    with pikepdf.open(path) as pdf:
        assert unmarked_painting(pdf) == []


@pytest.mark.parametrize("case", [*CASES, *SLIDE_CASES], ids=_ids)
def test_the_sections_follow_the_pages_the_main_column_before_the_sidebar(rendered: Any, case: tuple[str, str, str]) -> None:
    """The document's parts are read in the order their first lines were drawn: page by page, main column first."""
    path, _, _ = rendered[case]
    with pikepdf.open(path) as pdf:
        parts = pdf.Root.StructTreeRoot.K.K
        firsts = [next(element.marks[0] for element in elements(pdf, part) if element.marks) for part in parts]
        assert len(firsts) > 5
        assert firsts == sorted(firsts)


@pytest.mark.parametrize("case", [*CASES, *SLIDE_CASES, *QUIZ_CASES], ids=_ids)
def test_the_pdfua_checker_finds_nothing_and_skips_no_rule(rendered: Any, case: tuple[str, str, str]) -> None:
    path, _, _ = rendered[case]
    report = validate(str(path))
    assert [(finding.rule_id, finding.message) for finding in report.findings] == []
    assert not report.skipped


@pytest.mark.parametrize("case", [*CASES, *SLIDE_CASES, *QUIZ_CASES], ids=_ids)
def test_catalog_pages_links_and_metadata_say_what_pdf_ua_asks(rendered: Any, case: tuple[str, str, str]) -> None:
    path, topic, _ = rendered[case]
    linked = [] if case in QUIZ_CASES else [source for source in topic.sources if source.url]  # a quiz paper lists no sources
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert root.ViewerPreferences.DisplayDocTitle is True
        assert str(root.Lang) == topic.language
        xmp = root.Metadata.read_bytes().decode("utf-8")
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
        title = str(pdf.docinfo.Title)
        assert f'<rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>' in xmp.replace("&amp;", "&")
        entries = parent_tree(pdf)
        keys = [int(page.obj.StructParents) for page in pdf.pages]
        assert len(set(keys)) == len(keys)
        assert all(page.obj.Tabs == "/S" for page in pdf.pages)
        links = [annotation for page in pdf.pages for annotation in page.obj.get("/Annots", []) if annotation.Subtype == "/Link"]
        assert len(links) >= len(linked)
        for link in links:
            assert str(link.Contents) == str(link.A.URI)
            assert entries[int(link.StructParent)].S == "/Link"
        assert int(root.StructTreeRoot.ParentTreeNextKey) == max(entries) + 1


@pytest.mark.parametrize("case", [*CASES, *SLIDE_CASES], ids=_ids)
def test_every_link_element_holds_the_links_text_and_its_annotations(rendered: Any, case: tuple[str, str, str]) -> None:
    """PDF/UA: a Link element holds what the link shows (read in its place in the text) and the annotation that makes it work."""
    path, topic, _ = rendered[case]
    shown = [squeezed(link_text(source.url)) for source in topic.sources if source.url]
    links = structure_tree(path).find("Link")
    assert set(shown) <= {squeezed(link.all_text()) for link in links}
    assert all(squeezed(link.all_text()) for link in links)
    with pikepdf.open(path) as pdf:
        found = [element for element in elements(pdf) if element.role == "Link"]
        assert len(found) == len(links) >= len(shown)
        assert all(link.marks and link.objects and link.alt is None for link in found)


@pytest.mark.parametrize("case", [case for case in [*CASES, *SLIDE_CASES] if case[0] == "treaty"], ids=_ids)
def test_a_passage_in_another_language_is_an_element_in_that_language(rendered: Any, case: tuple[str, str, str]) -> None:
    """The treaty's German Article 2 and Krestinsky's name in Russian: each read by an element with its /Lang, holding exactly it."""
    path, topic, _ = rendered[case]
    tree = structure_tree(path)
    with pikepdf.open(path) as pdf:
        found = elements(pdf)
    assert [node.role for node in tree.walk()] == [element.role for element in found]  # poppler and pikepdf read one tree
    spoken = {(element.lang, squeezed(node.all_text())) for node, element in zip(tree.walk(), found, strict=True) if element.lang}
    (german,) = [excerpt for excerpt in topic.excerpts if excerpt.lang == "de"]
    (russian,) = [person for person in topic.people if person.native_name_lang == "ru"]
    expected = {("de", squeezed(plain_text(german.text))), ("ru", squeezed(russian.native_name or ""))}
    assert spoken == (set() if case[2] == "answers" else expected)


@pytest.mark.parametrize("case", SLIDE_CASES, ids=_ids)
def test_every_slide_is_a_section_under_its_title_with_its_pictures_alt_text(rendered: Any, case: tuple[str, str, str]) -> None:
    path, topic, theme = rendered[case]
    _, plan = lined_plan(topic, theme, None, BuildSession())
    drawn = plan.slides if case[2] == "slides" else tuple(slide for _, slide in printed(plan))
    tree = structure_tree(path)
    sections = [node for node in tree.kids if node.role == "Sect"]
    assert [squeezed(section.kids[0].all_text()) for section in sections] == [
        squeezed("".join(span.text for line in slide.title_lines for span in line)) for slide in drawn
    ]  # as shown: capitals too
    assert [section.kids[0].role for section in sections] == ["H1" if slide.role == "title" else "H2" for slide in drawn]
    for section, slide in zip(sections, drawn, strict=True):
        shown = [block for block in (slide.subtitle, slide.body, *slide.drawing) if isinstance(block, TextBlock)]
        texts_shown = ["".join(span.text for span in item.spans) for block in shown for item in block.items]
        assert not in_reading_order(section, texts_shown)
        assert words(" ".join(texts_shown)) <= words(section.all_text())
    pictures = [drawing.alt for slide in drawn for drawing in slide.drawing if isinstance(drawing, Picture)]
    with pikepdf.open(path) as pdf:
        assert [element.alt for element in elements(pdf) if element.role == "Figure"] == pictures


def test_a_notes_pages_continuation_mark_is_an_artifact_and_a_pointer_to_earlier_notes_is_read(rendered: Any) -> None:
    path, _, _ = rendered[("long", "classic", "handout-notes")]
    text = structure_tree(path).all_text()
    assert "(CONT.)" not in text and "Notes: see slide 4" in text
    assert any("SLIDE 4 (CONT.)" in page.extract_text() for page in PdfReader(path).pages)  # drawn, and not read out


@pytest.mark.parametrize(("topic_name", "theme_name"), [("treaty", "classic"), ("treaty", "print"), ("long", "classic")])
def test_a_handouts_speaker_notes_are_read_in_their_slides_section_after_the_slide(rendered: Any, topic_name: str, theme_name: str) -> None:
    path, topic, theme = rendered[(topic_name, theme_name, "handout-notes")]
    _, plan = lined_plan(topic, theme, None, BuildSession())
    sections = structure_tree(path).kids
    assert [node.role for node in sections] == ["Sect"] * len(printed(plan))
    notes_under = notes_set_under(plan)
    for section, (number, slide) in zip(sections, printed(plan), strict=True):
        notes = [part for part in slide.notes.split("\n\n") if part.strip()]
        if notes_under[number] != number:  # a section's continued slide points to its notes instead of repeating them
            notes = [f"Notes: see slide {notes_under[number]}"]
        read_last = section.kids[len(section.kids) - len(notes) :]
        assert [(node.role, squeezed(node.all_text())) for node in read_last] == [("P", squeezed(note)) for note in notes]


@pytest.mark.parametrize("document", ["sheet", "slides", "handout-notes"])
def test_a_tagged_pdf_is_the_same_bytes_each_time(document: str) -> None:
    topic = load_topic(TREATY).topic
    assert RENDERERS[document](topic, named_theme()) == RENDERERS[document](topic, named_theme())


def _tiny(story: Callable[[StructureElement], list[Any]]) -> pikepdf.Pdf:
    """A small document drawn on the tagging canvas, to see exactly what it writes."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=(300, 200), leftMargin=20, rightMargin=20, topMargin=20, bottomMargin=20, invariant=1)
    metadata = Metadata(title="Tiny & small", author="", subject="A test", keywords=(), language="en")
    section = StructureElement("Sect")
    document.build(story(section), canvasmaker=lambda *args, **kwargs: TaggingCanvas(*args, metadata=metadata, **kwargs))
    return pikepdf.open(io.BytesIO(buffer.getvalue()))


class _Ruled(Paragraph):
    """A paragraph with a rule under it, drawn as an artifact inside its own tagged content."""

    def draw(self) -> None:
        super().draw()
        with artifact(self.canv):
            self.canv.line(0, -2, self.width, -2)


def test_a_paragraph_split_over_pages_stays_one_element_and_its_link_and_rule_are_placed(tmp_path: Path) -> None:
    """Guards the tagging canvas's reach into reportlab: the code list, the page dictionary and the annotation references."""
    style = ParagraphStyle("body", fontSize=10, leading=12)
    words = " ".join(["word"] * 160) + ' <a href="https://example.org/x">example</a>'

    def story(section: StructureElement) -> list[Any]:
        heading = tag(_Ruled("Heading", style), section.child("H1"))
        return [heading, tag(Paragraph(words, style), section.child("P"))]

    with _tiny(story) as pdf:
        assert len(pdf.pages) >= 2
        assert unmarked_painting(pdf) == []
        found = elements(pdf)
        assert [element.role for element in found] == ["Document", "Sect", "H1", "P", "Link"]
        paragraph = found[3]
        assert {page for page, _ in paragraph.marks} == set(range(len(pdf.pages)))
        assert found[4].marks and found[4].objects == 1
        pdf.save(tmp_path / "tiny.pdf")
        tree = structure_tree(tmp_path / "tiny.pdf")
        assert [link.all_text().strip() for link in tree.find("Link")] == ["example"]
        assert "example" not in tree.find("P")[0].text
        assert len(found[2].marks) == 1  # the rule is an artifact, and nothing of the heading is drawn after it
        (link,) = [annotation for page in pdf.pages for annotation in page.obj.get("/Annots", [])]
        assert str(link.Contents) == "https://example.org/x"
        assert parent_tree(pdf)[int(link.StructParent)].S == "/Link"
        assert pdf.Root.Metadata.read_bytes().decode().count("Tiny &amp; small") == 1


@st.composite
def varied_topics(draw: st.DrawFn) -> dict[str, Any]:
    """Small topics with links in their prose, terms short and long, people, questions and a timeline."""
    seed = draw(st.integers(0, 40))
    step = draw(st.integers(1, 5))
    link = f"[{sentence(draw(st.integers(1, 12)), seed).rstrip('.')}](https://example.org/{seed})"
    return {
        "title": sentence(draw(st.integers(2, 10)), seed).rstrip("."),
        "date": "1926-04-24",
        "summary": f"{paragraph(draw(st.integers(1, 3)), seed)} {link}.",
        "key_facts": [sentence(draw(st.integers(4, 30)), seed + index) for index in range(draw(st.integers(1, 8)))],
        "context": [paragraph(draw(st.integers(1, 6)), seed + index) for index in range(draw(st.integers(1, 3)))],
        "significance": paragraph(draw(st.integers(1, 4)), seed),
        "glossary": [
            {"term": sentence(draw(st.integers(1, 6)), seed + index).rstrip("."), "definition": sentence(9, index)}
            for index in range(draw(st.integers(0, 5)))
        ],
        "people": [{"name": f"Person {index}", "role": sentence(8, index)} for index in range(draw(st.integers(0, 3)))],
        "timeline": [{"date": 1920 + index * step, "event": sentence(6, index)} for index in range(draw(st.integers(0, 6)))],
        "questions": [{"question": sentence(10, index) + "?", "answer": paragraph(1, index)} for index in range(draw(st.integers(0, 4)))],
    }


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
@given(data=varied_topics())
def test_any_topic_is_tagged_throughout_with_its_key_facts_and_links_in_the_tree(tmp_path: Path, data: dict[str, Any]) -> None:
    path = tmp_path / "topic.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    topic = load_topic(path).topic
    pdf_path = tmp_path / "topic.pdf"
    pdf_path.write_bytes(render_study_sheet(topic, named_theme()))
    with pikepdf.open(pdf_path) as pdf:
        assert unmarked_painting(pdf) == []
        entries = parent_tree(pdf)
        links = [annotation for page in pdf.pages for annotation in page.obj.get("/Annots", [])]
        assert links and all(entries[int(link.StructParent)].S == "/Link" for link in links)
    tree = structure_tree(pdf_path)
    assert not in_reading_order(tree, [plain_text(fact.fact) for fact in typeset_topic(topic, named_theme().typography).key_facts])


@pytest.mark.parametrize("name", ["treaty-of-berlin-1926.pdf", "treaty-of-berlin-1926-answers.pdf"])
def test_letter_paper_built_from_the_command_line_is_tagged_as_well(built: dict[str, Path], name: str) -> None:
    path = built["letter"] / name
    with pikepdf.open(path) as pdf:
        assert pdf.pages[0].mediabox[2] == 612
        assert unmarked_painting(pdf) == []
    assert validate(str(path)).findings == ()


def test_what_is_drawn_straight_on_the_canvas_is_tagged_where_marked_and_an_artifact_elsewhere() -> None:
    """The way a renderer that draws without flowables (a slide) uses the tagging layer."""
    buffer = io.BytesIO()
    canvas = TaggingCanvas(buffer, pagesize=(200, 100), invariant=1, metadata=Metadata("Slides", "", "", (), "de"))
    title = StructureElement("H1")
    for number in (1, 2):
        canvas.rect(0, 0, 200, 100, fill=1)
        with marked(canvas, title if number == 1 else StructureElement("P")):
            canvas.drawString(10, 50, f"Folie {number}")
        canvas.showPage()
    canvas.save()
    with pikepdf.open(io.BytesIO(buffer.getvalue())) as pdf:
        assert unmarked_painting(pdf) == []
        assert [(element.role, element.marks) for element in elements(pdf)] == [("Document", ()), ("H1", ((0, 0),)), ("P", ((1, 0),))]
