"""The accessibility report: what only a topic's author can fix, at its line, as warnings (errors with --strict)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.accessibility import accessibility_warnings
from guide.load import load_topic
from tests.conftest import ROOT, TREATY, run_cli
from tests.strategies import topics

TOPIC = """\
title: Accessibility
date: 24 April 1926
summary: Read [here](https://example.org/a) or [https://example.org/b](https://example.org/b).
key_facts:
  - Fine [the treaty's text](https://example.org/c).
context: c
significance: s
timeline:
  - {date: "April 24, 1926", event: e}
  - {date: spring 1927, event: e}
  - {date: 30 February 1928, event: e}
sources:
  - {citation: "https://example.org/d"}
  - {citation: A real title, url: "https://example.org/e"}
images:
  - {file: map.png, alt: Map}
  - {file: map.png, alt: map.png}
  - {file: map.png, alt: Image of Germany between East and West}
  - {file: map.png, alt: Germany between West and East, caption: Germany between West and East.}
  - {file: map.png, alt: Germany linked to the West and to the Soviet Union, caption: Germany between West and East.}
"""

EXPECTED = [
    "t.yaml:2:1: date: warning: '24 April 1926' is a date written as text;"
    " write it as 1926-04-24 so it is shown in the topic's language and read as a date",
    "t.yaml:3:1: summary: warning: link text 'here' does not say where the link goes; use words that name its target",
    "t.yaml:3:1: summary: warning: link text 'https://example.org/b' is a web address, read out character by character;"
    " name what it links to",
    "t.yaml:9:6: timeline[0].date: warning: 'April 24, 1926' is a date written as text;"
    " write it as 1926-04-24 so it is shown in the topic's language and read as a date",
    "t.yaml:13:6: sources[0].citation: warning: the citation is only a web address; give the title of the work and who published it",
    "t.yaml:16:21: images[0].alt: warning: alt text 'Map' names the kind of picture, not what it shows;"
    " describe it for readers who cannot see it",
    "t.yaml:17:21: images[1].alt: warning: alt text 'map.png' is a file name; describe what the picture shows",
    "t.yaml:18:21: images[2].alt: warning: alt text starts with 'Image of';"
    " screen readers already say it is a picture, so begin with what it shows",
    "t.yaml:19:21: images[3].alt: warning: alt text repeats the caption, and screen readers read both;"
    " let the alt text describe the picture",
]


@pytest.fixture
def topic(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "source" / "images" / "germany-between-west-and-east.png", tmp_path / "map.png")
    path = tmp_path / "t.yaml"
    path.write_text(TOPIC, encoding="utf-8")
    return path


def test_each_check_warns_at_its_line_with_its_message(topic: Path) -> None:
    loaded = load_topic(topic, "t.yaml")
    assert [str(problem) for problem in accessibility_warnings(loaded.topic, loaded.origin)] == EXPECTED


def test_the_example_topic_has_nothing_to_fix() -> None:
    loaded = load_topic(TREATY)
    assert accessibility_warnings(loaded.topic, loaded.origin) == []


def test_check_lists_the_warnings_and_a_build_sums_them_up_in_one_line(topic: Path, tmp_path: Path) -> None:
    status, _, err = run_cli(topic, "--check")
    assert status == 0
    listed = [line.removeprefix(f"{topic.parent}/") for line in err.splitlines()]
    assert listed == EXPECTED
    status, out, err = run_cli(topic, "--out", tmp_path / "out")
    assert status == 0 and "built 1 of 1 topic" in out
    assert err.splitlines() == ["accessibility: 9 warnings in 1 topic; --check lists them, --strict makes them errors"]
    assert (tmp_path / "out" / "t.pdf").exists()


def test_strict_makes_them_errors_and_the_topic_is_not_built(topic: Path, tmp_path: Path) -> None:
    status, _, err = run_cli(topic, "--out", tmp_path / "out", "--strict")
    assert status == 2
    assert f"{topic}:17:21: images[1].alt: warning: alt text 'map.png' is a file name; describe what the picture shows" in err
    assert not (tmp_path / "out" / "t.pdf").exists()


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=topics(), label=st.sampled_from(["the treaty's text", "Here", "click here!", "www.example.org", "Article 2", "more"]))
def test_generated_prose_warns_only_of_what_it_gets_wrong(tmp_path: Path, data: dict, label: str) -> None:
    """Any prose without links, dates or pictures gives no warning; a link warns exactly when its text is vague or an address."""
    data["summary"] += f" [{label}](https://example.org/x)"
    path = tmp_path / "generated.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    loaded = load_topic(path, "generated.yaml")
    warnings = accessibility_warnings(loaded.topic, loaded.origin)
    bad = label in ("Here", "click here!", "www.example.org", "more")
    assert [warning.field for warning in warnings] == (["summary"] if bad else [])
