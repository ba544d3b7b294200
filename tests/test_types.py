"""The package type-checks clean: mypy comes with the test extra, pinned to one release with the stubs it
reads, and is configured in pyproject.toml, so CI checks types too and always by the same rules."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_mypy_finds_nothing_in_the_package() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "guide"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
