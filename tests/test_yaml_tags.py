"""The reader tags plain scalars as YAML's own resolver would, as far as a topic can tell.

It skips YAML's patterns for numbers, booleans and dates (every scalar stays text), so
this checks that nothing else changed: what YAML calls null is read as nothing, what it
tags merge, value or yaml is refused by name, and anything else is the text typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from guide.errors import InputError
from guide.load.reader import read_yaml

PLAIN_TAGS = {"tag:yaml.org,2002:" + name for name in ("str", "bool", "int", "float", "timestamp")}
WORDS = [
    "",
    "~",
    "null",
    "Null",
    "NULL",
    "nULL",
    "<<",
    "=",
    "true",
    "No",
    "0x1F",
    "0o17",
    "1_000",
    ".inf",
    "-.NaN",
    "1926-04-24",
    "1e3",
    "+12",
    ":",
    "-",
]
SCALARS = st.one_of(st.sampled_from(WORDS), st.text(alphabet="0123456789.-+:_eExobTtFfNnUuLlYy~<=!&* ", max_size=12))


def expected(value: str, style: str) -> tuple[str, Any]:
    """What the reader should give for ``a: value``, from the tag PyYAML's own resolver gives it."""
    node = yaml.compose(f"a: {_spelled(value, style)}\n", Loader=yaml.SafeLoader)
    scalar = node.value[0][1]
    if scalar.tag == "tag:yaml.org,2002:null":
        return ("read", None)
    if scalar.tag in PLAIN_TAGS:
        return ("read", scalar.value)
    return ("problem", f"unsupported YAML tag '{scalar.tag}'; write plain values")


def _spelled(value: str, style: str) -> str:
    """The scalar as written: plain, quoted, or quoted behind the non-specific tag ``!`` (which YAML resolves as if plain)."""
    quoted = "'" + value.replace("'", "''") + "'"
    return {"plain": value, "quoted": quoted, "tagged": f"! {quoted}"}[style]


def read(path: Path) -> tuple[str, Any]:
    document = read_yaml(path, "doc.yaml")
    if document.problems:
        return ("problem", document.problems[0].message)
    return ("read", document.data["a"])


@pytest.mark.parametrize("libyaml", [True, False])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=SCALARS, style=st.sampled_from(["plain", "quoted", "tagged"]))
@example(value="<<", style="plain")
@example(value="=", style="plain")
@example(value="~", style="plain")
@example(value="null", style="quoted")
@example(value="null", style="tagged")
@example(value="!", style="plain")  # "a: !": libyaml once read it as empty text, the pure-Python parser as nothing
def test_a_scalar_reads_as_yaml_tags_it(tmp_path: Path, libyaml: bool, value: str, style: str) -> None:
    try:
        wanted = expected(value, style)
    except yaml.YAMLError:
        return  # not a scalar YAML reads on its own; the parser agreement tests cover such text
    path = tmp_path / "scalar.yaml"
    path.write_text(f"a: {_spelled(value, style)}\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        if not libyaml:
            patch.delattr(yaml, "CSafeLoader")
        try:
            got = read(path)
        except InputError as error:
            pytest.fail(f"{value!r} read by YAML but refused: {error.problems}")
    assert got == wanted
