"""The keys the slide and sheet designs draw on, read from a valid topic at their bounds."""

from __future__ import annotations

import shutil
from pathlib import Path

from guide import load_topic
from guide.model import Excerpt
from tests.conftest import TREATY, run_cli

PIXEL = Path(__file__).parent / "data" / "pixel.png"
EXCERPT = ("x" * 99 + " ") * 14 + "x" * 99 + "."
"""An excerpt of exactly 1,500 characters, of words within the bound on one word."""
MINIMAL = "title: T\nsummary: S\nkey_facts: [f]\ncontext: c\nsignificance: s\n"

AT_THE_BOUNDS = f"""\
title: T
summary: S
objectives: [{", ".join(f"Objective {number}" for number in range(10))}]
key_facts:
  - fact: In force for five years.
    figure: "{"5" * 24}"
  - Signed in Berlin.
context: c
significance: s
people:
  - {{name: Gustav Stresemann, role: Foreign Minister., image: portrait.png}}
  - {{name: Nikolai Krestinsky, role: Ambassador.}}
questions:
  - {{question: Q1?, answer: A1., lines: 1}}
  - {{question: Q2?, answer: A2., lines: 12}}
  - {{question: Q3?, answer: A3.}}
excerpts:
  - text: "{EXCERPT}"
    source: text
    attribution: "{"a" * 200}"
  - {{text: Neutrality for the *whole* conflict., source: text, attribution: Article 2, section: key_facts}}
sources:
  - {{id: text, citation: The treaty.}}
images:
  - {{file: portrait.png, alt: A pixel, credit: "{"c" * 200}", section: cover}}
"""


def test_every_new_key_at_its_bound_loads_as_written(tmp_path: Path) -> None:
    shutil.copy(PIXEL, tmp_path / "portrait.png")
    path = tmp_path / "bounds.yaml"
    path.write_text(AT_THE_BOUNDS, encoding="utf-8")
    topic = load_topic(path).topic
    assert topic.objectives == tuple(f"Objective {number}" for number in range(10))
    assert [fact.figure for fact in topic.key_facts] == ["5" * 24, None]
    assert [question.lines for question in topic.questions] == [1, 12, None]
    quoted = Excerpt(text="Neutrality for the *whole* conflict.", source="text", attribution="Article 2", section="key_facts")
    assert topic.excerpts[1] == quoted
    assert topic.excerpts[0].text == EXCERPT and len(EXCERPT) == 1500 and topic.excerpts[0].section is None
    assert (topic.images[0].section, len(topic.images[0].credit or "")) == ("cover", 200)
    assert [person.image for person in topic.people] == [str(tmp_path / "portrait.png"), None]


def test_the_treaty_carries_objectives_excerpts_and_figures() -> None:
    topic = load_topic(TREATY).topic
    assert len(topic.objectives) >= 3
    article_2 = [excerpt for excerpt in topic.excerpts if "Article 2" in excerpt.attribution or "Artikel 2" in excerpt.attribution]
    assert [excerpt.text.split()[0] for excerpt in article_2] == ["Sollte", "Should"]  # the original, then its translation
    assert {fact.figure for fact in topic.key_facts} >= {"5 years", "24 April 1926"}
    assert {excerpt.source for excerpt in topic.excerpts} <= {source.id for source in topic.sources}


def test_a_portrait_file_name_is_a_path_not_text_to_print(tmp_path: Path) -> None:
    """Its characters need no glyphs: the glyph check reads what is printed, not file names."""
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    shutil.copy(PIXEL, tmp_path / "肖像.png")
    path = tmp_path / "portrait.yaml"
    path.write_text(MINIMAL + "people:\n  - {name: A, role: B, image: 肖像.png}\n", encoding="utf-8")
    status, _, err = run_cli(path, "--check", "-q")
    assert status == 0, err
