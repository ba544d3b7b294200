"""Properties that hold for any valid topic, generated: it loads as written and renders."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from guide.errors import InputError
from guide.load import load_topic, named_theme
from guide.markup import plain_text
from guide.render.pdf import render_answer_key, render_study_sheet
from guide.typography import typeset
from tests.conftest import squeezed
from tests.strategies import topics

SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


def folded(text: str) -> str:
    return " ".join(text.split())


def write(folder: Path, data: dict[str, Any]) -> Path:
    path = folder / "generated.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@SETTINGS
@given(data=topics())
def test_a_valid_topic_loads_as_written(tmp_path: Path, data: dict[str, Any]) -> None:
    topic = load_topic(write(tmp_path, data)).topic
    assert topic.title == folded(data["title"])
    facts = [fact if isinstance(fact, str) else fact["fact"] for fact in data["key_facts"]]
    assert [fact.fact for fact in topic.key_facts] == [folded(fact) for fact in facts]
    assert len(topic.questions) == len(data.get("questions", []))
    assert list(topic.objectives) == [folded(objective) for objective in data.get("objectives", [])]
    assert [(excerpt.text, excerpt.source) for excerpt in topic.excerpts] == [
        (folded(excerpt["text"]), excerpt["source"]) for excerpt in data.get("excerpts", [])
    ]


@SETTINGS
@given(data=topics(), page_size=st.sampled_from(["a4", "letter"]))
def test_any_valid_topic_renders_a_pdf_holding_every_key_fact(tmp_path: Path, data: dict[str, Any], page_size: str) -> None:
    topic = load_topic(write(tmp_path, data)).topic
    theme = named_theme().with_page_size(page_size)
    reader = PdfReader(io.BytesIO(render_study_sheet(topic, theme)))
    text = squeezed("".join(page.extract_text() for page in reader.pages))  # words a line end hyphenated are whole again
    for fact in topic.key_facts:
        assert squeezed(typeset(plain_text(fact.fact), topic.language_code)) in text
    if topic.questions:
        assert len(PdfReader(io.BytesIO(render_answer_key(topic, theme))).pages) >= 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=400) | st.text(max_size=400).map(lambda text: text.encode("utf-8")))
def test_any_bytes_give_a_topic_or_a_clean_input_error(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzzed.yaml"
    path.write_bytes(raw)
    try:
        load_topic(path)
    except InputError as error:
        assert error.problems
        assert all(problem.line >= 1 and problem.column >= 1 for problem in error.problems)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
@given(
    data=topics(),
    cut=st.integers(min_value=0, max_value=10_000),
    junk=st.sampled_from(["", ":", "- ", "\t", "{", "]", "&a", "*a", "!!x ", "'", "\n  "]),
)
def test_mutated_yaml_gives_a_topic_or_a_clean_input_error(tmp_path: Path, data: dict[str, Any], cut: int, junk: str) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    position = cut % (len(text) + 1)
    path = tmp_path / "mutated.yaml"
    path.write_text(text[:position] + junk + text[position:], encoding="utf-8")
    try:
        load_topic(path)
    except InputError as error:
        assert error.problems
