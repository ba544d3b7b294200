"""Every file under tests/invalid/ must fail with exactly the messages its '# expect:' lines give."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import HANG_GUARD_S, ROOT, run_cli

INVALID = sorted((Path(__file__).parent / "invalid").glob("*.yaml"))


def expected_messages(path: Path) -> list[str]:
    """The file's '# expect:' lines; ``{root}`` stands for the project folder, wherever it was cloned."""
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.removeprefix("# expect: ").replace("{root}", str(ROOT)) for line in lines if line.startswith("# expect: ")]


def test_the_corpus_is_large_enough() -> None:
    assert len(INVALID) >= 40


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.stem)
def test_invalid_topic_gives_its_exact_messages(path: Path, tmp_path: Path) -> None:
    status, _, err = run_cli(path, "--out", tmp_path, "--check", "-q")
    assert status == 2
    reported = [line.removeprefix(f"{path}:") for line in err.splitlines()]
    assert sorted(reported) == sorted(expected_messages(path))
    assert not any(tmp_path.iterdir())


@pytest.mark.parametrize("path", INVALID, ids=lambda path: path.stem)
def test_invalid_topic_writes_nothing_even_when_building(path: Path, tmp_path: Path) -> None:
    """A real build, not a check: no file, no traceback, no hang (the guard is far above any real run)."""
    started = time.perf_counter()
    status, out, err = run_cli(path, "--out", tmp_path, "-q")
    assert time.perf_counter() - started < HANG_GUARD_S
    assert status == 2
    assert "Traceback" not in out + err
    assert not any(tmp_path.iterdir())
