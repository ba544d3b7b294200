"""libyaml and the pure-Python parser agree: same data and positions where both read a document, same errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from guide.errors import InputError
from guide.load.reader import read_yaml
from tests.strategies import topics

TREATY = Path(__file__).parent.parent / "source" / "treaty-of-berlin-1926.yaml"
FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])


def outcome(path: Path) -> tuple[Any, ...]:
    """What reading ``path`` gives: the data with every position and problem, or the error's problems."""
    try:
        document = read_yaml(path, "doc.yaml")
    except InputError as error:
        return ("error", error.problems)
    return ("read", document.data, document.origin.positions, document.problems)


def agree(path: Path) -> None:
    """Reading with libyaml gives what the pure-Python parser gives, or reads what that one refuses (never the reverse)."""
    fast, slow = outcome(path), python_only(path)
    assert fast == slow or (fast[0] == "read" and slow[0] == "error")


def python_only(path: Path) -> tuple[Any, ...]:
    with pytest.MonkeyPatch.context() as patch:
        patch.delattr(yaml, "CSafeLoader")
        return outcome(path)


def test_libyaml_is_used_when_installed() -> None:
    assert yaml.__with_libyaml__, "the test extra installs PyYAML with libyaml; without it the fast path goes untested"


def test_the_treaty_reads_the_same_with_either_parser() -> None:
    assert outcome(TREATY) == python_only(TREATY)
    assert outcome(TREATY)[0] == "read"


@FUZZ
@given(
    data=topics(),
    cut=st.integers(min_value=0, max_value=10_000),
    junk=st.sampled_from(["", ":", "- ", "\t", "{", "]", "&a", "*a", "!!x ", "'", "\n  ", "\x07", "é: [", "\ufeff"]),
    flow=st.booleans(),
)
def test_any_mutated_document_reads_the_same_with_either_parser(
    tmp_path: Path, data: dict[str, Any], cut: int, junk: str, flow: bool
) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow)
    position = cut % (len(text) + 1)
    path = tmp_path / "mutated.yaml"
    path.write_text(text[:position] + junk + text[position:], encoding="utf-8")
    agree(path)


@FUZZ
@given(text=st.text(max_size=300))
def test_any_text_reads_the_same_with_either_parser(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzzed.yaml"
    path.write_text(text, encoding="utf-8")
    agree(path)
