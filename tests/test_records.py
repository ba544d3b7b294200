"""The records module: plain data in, a frozen record or every problem with its location out."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from guide.load.theme_schema import ThemeFile
from guide.model import KeyFact, Person, Topic
from guide.records import RefusedError, build, field_names, record, record_of
from guide.schema import topic_schema

PLAIN = st.recursive(
    st.none() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=30,
)
"""What a YAML reader gives: mappings, lists, text and nothing."""


def refusals(cls: type, data: Any) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(RefusedError) as refused:
        build(cls, data)
    return refused.value.found


def test_every_problem_of_a_record_is_reported_at_its_location() -> None:
    assert sorted(refusals(Person, {"name": ["a list"], "rol": "typo"})) == [
        (("name",), "expected text, got a list"),
        (("rol",), "unknown key 'rol'; did you mean 'role'?"),
        (("role",), "required key is missing"),
    ]


def test_problems_deep_inside_lists_name_each_index() -> None:
    found = refusals(KeyFact, {"fact": "ok", "sources": ["a", None, {"x": "y"}]})
    assert found == [(("sources", 1), "must not be empty"), (("sources", 2), "expected text, got a mapping")]


def test_a_bare_string_stands_for_its_shorthand_key_and_one_paragraph_for_a_list() -> None:
    data = {"id": "t", "title": "T", "summary": "S", "key_facts": ["A fact."], "context": "One.", "significance": {"text": "Two."}}
    topic = build(Topic, data)
    assert topic.key_facts == (KeyFact(fact="A fact."),)
    assert [paragraph.text for paragraph in (*topic.context, *topic.significance)] == ["One.", "Two."]
    assert dataclasses.is_dataclass(topic) and dataclasses.fields(topic)[0].name == "id"


def test_text_written_alone_is_refused_where_it_was_written_not_at_the_item_or_key_it_stands_for() -> None:
    data = {"id": "t", "title": "T", "summary": "S", "key_facts": ["A fact.", ""], "context": ""}
    data["significance"] = {"text": "", "extra": "x"}
    assert refusals(Topic, data) == [
        (("key_facts", 1), "must not be empty"),
        (("context",), "must not be empty"),
        (("significance", "extra"), "unknown key 'extra'; did you mean 'text'?"),
        (("significance", "text"), "must not be empty"),
    ]


def test_an_annotation_without_a_kind_is_refused_when_the_record_is_first_used() -> None:
    @record
    class Counted:
        count: int

    with pytest.raises(TypeError, match="no kind for the annotation"):
        build(Counted, {"count": "3"})


@given(data=PLAIN)
def test_any_plain_data_builds_a_topic_or_is_refused_at_places_the_data_has(data: Any) -> None:
    try:
        build(Topic, data)
    except RefusedError as refused:
        assert refused.found
        for location, message in refused.found:
            assert message
            parent: Any = data
            for part in location[:-1]:
                parent = parent[part]  # every refusal sits under a path the data really has, text written alone at itself
            assert not location or isinstance(parent, dict | list), location


@given(data=PLAIN)
def test_any_plain_data_builds_a_theme_file_or_is_refused(data: Any) -> None:
    try:
        build(ThemeFile, data)
    except RefusedError as refused:
        assert all(message for _, message in refused.found)


def test_the_published_schema_names_every_field_the_records_accept() -> None:
    schema = topic_schema()
    assert set(schema["properties"]) == set(field_names(Topic))
    assert set(schema["$defs"]["KeyFact"]["properties"]) == set(record_of(KeyFact).fields)
    assert schema["properties"]["title"]["description"] == "Sheet heading and title slide."
