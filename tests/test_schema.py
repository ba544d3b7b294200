"""The published JSON Schema and the loader accept the same topics: ``x-`` keys anywhere, no unknown key anywhere.

Editors check topic files with the schema while they are written and the tool checks them with
the loader when they are built; a file one accepts and the other refuses is a false alarm in
the editor or a surprise at build time. Each generated document is a valid topic with ``x-``
keys (holding any value) put into mappings at every level, and sometimes one unknown key too.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from guide.errors import InputError
from guide.load.topic import load_topic
from guide.model import SECTION_NAMES
from guide.schema import topic_schema
from tests.conftest import ROOT
from tests.strategies import LETTERS, prose, short, topics

IMAGE = ROOT / "source" / "images" / "germany-between-west-and-east.png"
VALIDATOR = Draft202012Validator(topic_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)

names = st.text(alphabet=LETTERS + "-_", min_size=1, max_size=10)
anything = st.recursive(
    st.none() | st.booleans() | st.integers(-1000, 1000) | st.text(alphabet=LETTERS + " .,:-", max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(names, inner, max_size=3),
    max_leaves=8,
)
"""What a user's own tool may keep under an ``x-`` key."""


@st.composite
def complete_topics(draw: st.DrawFn) -> dict[str, Any]:
    """A valid topic with the sections the shared strategy leaves out: notes, and an image beside the file."""
    topic = draw(topics())
    if draw(st.booleans()):
        topic["notes"] = draw(st.dictionaries(st.sampled_from(SECTION_NAMES), prose, min_size=1, max_size=3))
    if draw(st.booleans()):
        topic["images"] = [draw(st.fixed_dictionaries({"file": st.just("images/picture.png"), "alt": short}, optional={"caption": short}))]
    return topic


def mappings(value: Any) -> list[dict[str, Any]]:
    """Every mapping in ``value``, itself included, at any depth."""
    found = [value] if isinstance(value, dict) else []
    children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else []
    for child in children:
        found += mappings(child)
    return found


@st.composite
def documents(draw: st.DrawFn) -> tuple[dict[str, Any], bool]:
    """A topic with ``x-`` keys put into some of its mappings, and maybe one unknown key; and whether it has one."""
    topic = draw(complete_topics())
    places = mappings(topic)
    for place in draw(st.lists(st.sampled_from(places), min_size=1, max_size=len(places))):
        place[f"x-{draw(names)}"] = draw(anything)
    unknown = draw(st.booleans())
    if unknown:
        draw(st.sampled_from(places))["unknown-key"] = draw(anything)
    return topic, unknown


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project folder with a picture, where each document is written in turn."""
    folder = tmp_path_factory.mktemp("project")
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    (folder / "images").mkdir()
    shutil.copy(IMAGE, folder / "images" / "picture.png")
    return folder


def loader_accepts(document: dict[str, Any], folder: Path) -> bool:
    path = folder / "topic.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
    try:
        load_topic(path)
    except InputError:
        return False
    return True


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.data_too_large, HealthCheck.too_slow],
)
@given(documents())
def test_the_schema_and_the_loader_agree_on_extension_and_unknown_keys_at_every_level(
    project: Path, document: tuple[dict[str, Any], bool]
) -> None:
    topic, has_unknown_key = document
    shown = json.dumps(topic, ensure_ascii=False, indent=1)
    schema_errors = [error.message for error in VALIDATOR.iter_errors(topic)]
    assert (not schema_errors) == (not has_unknown_key), f"schema: {schema_errors}\n{shown}"
    assert loader_accepts(topic, project) == (not has_unknown_key), shown


def test_the_schema_refuses_an_unknown_key_in_a_nested_mapping() -> None:
    """The property above must be able to fail: a misspelt nested key is refused, an x- key beside it is not."""
    topic = {"title": "T", "summary": "S", "key_facts": [{"fact": "F", "x-note": 1}], "context": "C", "significance": "S"}
    assert VALIDATOR.is_valid(topic)
    topic["key_facts"][0]["detial"] = "D"
    assert not VALIDATOR.is_valid(topic)
