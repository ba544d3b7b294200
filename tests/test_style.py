"""The code base stays lint-clean: ruff comes with the test extra, pinned to one release, so CI checks by the same rules."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_ruff_finds_nothing() -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--quiet", "."], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_formats_every_file_as_it_stands() -> None:
    """One layout for the whole code base, so a change's diff shows only what it changes."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "--quiet", "."], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
