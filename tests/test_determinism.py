"""Same inputs, byte-identical outputs: no timestamps, no random ids."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import TREATY, run_cli


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    for name in ("first", "second"):
        assert run_cli(TREATY, "--out", tmp_path / name, "-q")[0] == 0
    first = sorted((tmp_path / "first").iterdir())
    assert first
    for path in first:
        assert path.read_bytes() == (tmp_path / "second" / path.name).read_bytes(), path.name
