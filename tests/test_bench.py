"""The benchmark runs with one command and reports every measure; its figures are read by people, not asserted."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

MEASURES = [
    "import floor",
    "cold single-topic build, --jobs 1",
    "cold single-topic build, --jobs 2",
    "batch, --jobs 1",
    "batch, --jobs 2",
    "no-op rebuild",
    "rebuild after one topic changed",
    "peak memory",
]


def test_the_benchmark_reports_every_measure() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--topics", "2"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2 synthetic topics")
    for measure in MEASURES:
        line = next((line for line in lines if measure in line), None)
        assert line is not None, measure
        assert re.search(r"\d+(\.\d+)? (ms|s|MB)", line), line
