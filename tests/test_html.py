"""The HTML copy: valid, semantic, accessible, the same bytes every time, and readable in a real browser."""

from __future__ import annotations

import html
import itertools
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from guide import markup
from guide.load import load_topic, named_theme
from guide.model import Course, OpenQuestion, Topic
from guide.render.html import render_html, render_html_answers
from guide.session import BuildSession
from guide.typography import typeset_topic
from tests.conftest import MINIMAL, TREATY, run_cli
from tests.samples import long_topic
from tests.strategies import topics as topic_data

COURSE = Course(id="hist-201", code="HIST 201", title="Europe <Between> the Wars", institution="Example University")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_OPTIONS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars")


def parsed(data: bytes) -> Element:
    """The page parsed strictly: html5lib raises on the first parse error."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(data, transport_encoding="utf-8")


def words(element: Element) -> str:
    return folded("".join(element.itertext()))


def folded(text: str) -> str:
    """Text as searched: markup gone, every run of white space (no-break spaces too) one space."""
    return " ".join(markup.plain_text(text).split())


@pytest.fixture(scope="module")
def topics(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Topic]:
    """The treaty, the treaty in German, and the long sample topic."""
    folder = tmp_path_factory.mktemp("topics")
    shutil.copytree(TREATY.parent / "images", folder / "images")
    german = TREATY.read_text(encoding="utf-8").replace("language: en", "language: de")
    (folder / "berliner-vertrag.yaml").write_text(german, encoding="utf-8")
    (folder / "long.yaml").write_text(yaml.safe_dump(long_topic()), encoding="utf-8")
    return {
        "treaty": load_topic(TREATY).topic,
        "german": load_topic(folder / "berliner-vertrag.yaml").topic,
        "long": load_topic(folder / "long.yaml").topic,
    }


PAGES = [(name, theme) for name in ("treaty", "german", "long") for theme in ("classic", "modern", "print")]


@pytest.mark.parametrize(("name", "theme_name"), PAGES)
def test_the_page_is_valid_html_with_an_outline_alt_texts_link_texts_language_and_title(
    topics: dict[str, Topic], name: str, theme_name: str
) -> None:
    topic = topics[name]
    for render in (render_html, render_html_answers):
        page = parsed(render(topic, named_theme(theme_name), COURSE, BuildSession()))
        assert page.get("lang") == topic.language
        assert words(page.find("head/title")).startswith(topic.title)
        levels = [int(element.tag[1]) for element in page.iter() if re.fullmatch(r"h[1-6]", element.tag)]
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels)), levels
        for image in page.iter("img"):
            assert image.get("src", "").startswith("data:image/")
            assert image.get("alt", "").strip() or (image.get("alt") == "" and "logo" in image.get("class", ""))
        for anchor in page.iter("a"):
            assert words(anchor) and anchor.get("href")
        assert not [element for element in page.iter() if element.tag in ("script", "iframe", "link")]


def test_every_fact_term_question_and_source_is_on_the_page_and_answers_only_in_the_teachers_copy(topics: dict[str, Topic]) -> None:
    topic = typeset_topic(topics["treaty"], named_theme().typography)
    student = parsed(render_html(topic, named_theme(), None, BuildSession()))
    teacher = parsed(render_html_answers(topic, named_theme(), None, BuildSession()))
    student_text, teacher_text = words(student.find("body")), words(teacher.find("body"))
    facts = student.findall(".//section[@aria-labelledby='key_facts']/ul/li")
    assert len(facts) == len(topic.key_facts)
    assert all(folded(fact.fact) in words(item) for fact, item in zip(topic.key_facts, facts, strict=True))
    assert [term.text for term in student.iter("dt")] == [entry.term for entry in topic.glossary]
    questions = student.findall(".//ol[@class='questions']/li")
    opens = [(item, question) for item, question in zip(questions, topic.questions, strict=True) if isinstance(question, OpenQuestion)]
    assert opens and all(words(item) == folded(question.question) for item, question in opens)
    for _, question in opens:
        answer = folded(question.answer)
        assert answer not in student_text
        assert f"Answer: {answer}" in teacher_text
    assert "Teacher’s copy".upper() not in student_text.upper() and "TEACHER’S COPY" in teacher_text.upper()
    times = [time.get("datetime") for time in student.findall(".//ol[@class='timeline']/li/time")]
    assert times == [entry.date.isoformat() for entry in topic.timeline]
    quotes = student.findall(".//blockquote")
    assert len(quotes) == len(topic.excerpts) and quotes[0].get("cite") == topic.sources[0].url
    figure = student.find(".//figure/img")
    assert figure.get("alt") == topic.images[0].alt
    sources = student.findall(".//ol[@class='sources']/li")
    assert [item.get("id") for item in sources] == ["source-1", "source-2"]
    assert sources[1].find("a").text == "documentarchiv.de/…/deutsch-russischer-vertrag.html"
    markers = {anchor.get("href") for anchor in student.findall(".//sup/a")}
    assert markers == {"#source-1", "#source-2"}


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=topic_data())
def test_any_valid_topic_gives_a_valid_page_holding_every_fact_and_no_answer(tmp_path: Path, data: dict) -> None:
    path = tmp_path / "generated.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    topic = load_topic(path).topic
    theme = named_theme()
    page = parsed(render_html(topic, theme, None, BuildSession()))
    shown = typeset_topic(topic, theme.typography)
    assert words(page.find("body/header//h1")) == folded(shown.title)
    facts = page.findall(".//section[@aria-labelledby='key_facts']/ul/li")
    assert all(folded(fact.fact) in words(item) for fact, item in zip(shown.key_facts, facts, strict=True))
    assert not [element for element in page.iter() if element.tag in ("script", "style") and element is not page.find("head/style")]
    if topic.questions:
        assert not page.findall(".//p[@class='answer']")
        teacher = parsed(render_html_answers(topic, theme, None, BuildSession()))
        assert len(teacher.findall(".//p[@class='answer']")) == len(topic.questions)


def test_the_german_page_speaks_german(topics: dict[str, Topic]) -> None:
    page = parsed(render_html(topics["german"], named_theme(), None, BuildSession()))
    headings = [words(heading) for heading in page.iter("h2")]
    assert {"Auf einen Blick", "Was geschah?", "Zeitleiste", "Begriffe", "Quellen"} <= set(headings)
    assert "24. April 1926" in words(page.find(".//p[@class='meta']"))


def test_a_passage_in_another_language_says_so(topics: dict[str, Topic]) -> None:
    """The treaty's German Article 2 is a blockquote in German, Krestinsky's native name a span in Russian; the rest is the page's."""
    page = parsed(render_html(topics["treaty"], named_theme(), None, BuildSession()))
    spoken = {(element.tag, element.get("lang"), words(element)) for element in page.find("body").iter() if element.get("lang")}
    (german,) = [excerpt for excerpt in topics["treaty"].excerpts if excerpt.lang]
    assert spoken == {("blockquote", "de", folded(german.text)), ("span", "ru", "Николай Николаевич Крестинский")}


def test_user_text_is_shown_literally_never_as_markup(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script> & </style>"
    (tmp_path / "t.yaml").write_text(
        yaml.safe_dump(
            {
                "title": hostile,
                "summary": f'Look: {hostile} [a "link"](https://example.org/?a=1&b="2")',
                "key_facts": [hostile],
                "context": "c",
                "significance": "s",
                "glossary": [{"term": hostile, "definition": "d"}],
            }
        ),
        encoding="utf-8",
    )
    topic = load_topic(tmp_path / "t.yaml").topic
    page = parsed(render_html(topic, named_theme(), None, BuildSession()))
    assert not list(page.iter("script"))
    assert words(page.find("body/header//h1")) == hostile
    assert page.find(".//dt").text == hostile
    link = page.find(".//section[@aria-labelledby='summary']//a")
    assert link.get("href") == 'https://example.org/?a=1&b="2"' and words(link) == "a “link”"


def test_a_theme_font_name_cannot_end_the_style_element() -> None:
    theme = named_theme()
    from dataclasses import replace

    family = replace(theme.body_font, name='Evil</style><script>x</script>"', office_name='Evil</style><script>x</script>"')
    page = parsed(render_html(load_topic(TREATY).topic, replace(theme, body_font=family), None, BuildSession()))
    assert not list(page.iter("script"))
    assert "Evil" in page.find("head/style").text


def test_html_is_built_only_when_asked_and_byte_identical_across_builds(tmp_path: Path) -> None:
    status, _, err = run_cli(TREATY, "--out", tmp_path / "default", "-q")
    assert status == 0, err
    assert not list((tmp_path / "default").glob("*.html"))
    pages = []
    for run in ("one", "two"):
        status, _, err = run_cli(TREATY, "--out", tmp_path / run, "--outputs", "html,html-answers", "-q")
        assert status == 0, err
        pages.append({path.name: path.read_bytes() for path in sorted((tmp_path / run).glob("*.html"))})
    assert list(pages[0]) == ["treaty-of-berlin-1926-answers.html", "treaty-of-berlin-1926.html"]
    assert pages[0] == pages[1]


def _browser(page: Path, *arguments: str) -> str:
    result = subprocess.run(
        [CHROMIUM, *BROWSER_OPTIONS, f"--user-data-dir={page.parent / 'profile'}", *arguments, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


@pytest.mark.parametrize("width", [390, 1280])
def test_a_browser_shows_the_page_without_sideways_scrolling(tmp_path: Path, topics: dict[str, Topic], width: int) -> None:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed: the page was not opened in a browser")
    data = render_html(topics["long"], named_theme(), COURSE, BuildSession())
    page = tmp_path / "page.html"
    page.write_bytes(data)
    shot = tmp_path / "shot.png"
    _browser(page, f"--window-size={width},900", f"--screenshot={shot}")
    assert shot.read_bytes()[16:20] == width.to_bytes(4, "big")  # the PNG header's width
    # Headless windows are at least 500 pixels wide: a frame of the width asked for measures the page instead.
    frame = (
        '<!DOCTYPE html><html lang="en"><title>probe</title>'
        f'<iframe width="{width}" height="900" srcdoc="{html.escape(data.decode())}"></iframe>'
        "<script>onload = () => { document.body.dataset.width = frames[0].document.documentElement.scrollWidth }</script></html>"
    )
    probe = tmp_path / "probe.html"
    probe.write_text(frame, encoding="utf-8")
    dom = _browser(probe, "--window-size=1400,1000", "--virtual-time-budget=5000", "--dump-dom")
    measured = int(re.search(r'data-width="(\d+)"', dom).group(1))
    assert measured <= width


def test_a_topic_without_questions_has_no_teachers_page(tmp_path: Path) -> None:
    (tmp_path / "plain.yaml").write_text(MINIMAL.format(title="Plain"), encoding="utf-8")
    status, _, err = run_cli(tmp_path / "plain.yaml", "--out", tmp_path / "out", "--outputs", "html,html-answers", "-q")
    assert status == 0, err
    assert [path.name for path in (tmp_path / "out").glob("*.html")] == ["plain.html"]


def test_the_teachers_copy_lists_each_open_questions_marking_points_under_its_answer(topics: dict[str, Topic]) -> None:
    """As the answer key does ("Look for"); the student's page shows none of them."""
    topic = typeset_topic(topics["treaty"], named_theme().typography)
    student = parsed(render_html(topic, named_theme(), None, BuildSession()))
    teacher = parsed(render_html_answers(topic, named_theme(), None, BuildSession()))
    asked = [question for question in topic.questions if isinstance(question, OpenQuestion)]
    pointed = [question for question in asked if question.key_points]
    items = {words(item.find("p")): item for item in teacher.findall(".//ol[@class='questions']/li")}
    assert pointed
    for question in asked:
        item = items[folded(question.question)]
        listed = [words(point) for point in item.findall("ul[@class='key-points']/li")]
        assert listed == [folded(point) for point in question.key_points]
        assert ("Look for:" in words(item)) == bool(question.key_points)
    student_text = words(student.find("body"))
    assert "Look for" not in student_text
    assert not any(folded(point) in student_text for question in pointed for point in question.key_points)
