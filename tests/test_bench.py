"""The benchmark runs with one command and reports every measure; its figures are read by people, not asserted.

Its synthetic topics must stay as large as the real treaty topic and differ from each other, or
its figures stop describing real work: that is checked here on the topics themselves.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from bench.synthetic import write_topics
from guide.load.topic import load_topic
from tests.conftest import ROOT

MEASURES = [
    "import floor",
    "cold single-topic build, --jobs 1",
    "cold single-topic build, --jobs 2",
    "baseline cold single topic",
    "batch of synthetic topics, --jobs 1",
    "batch of synthetic topics, --jobs 2",
    "batch of treaty copies, --jobs 2",
    "handout (lines) of synthetic topics, --jobs 1",
    "no-op rebuild",
    "rebuild after one topic changed",
    "peak memory of any one process, treaty copies",
    "peak memory of any one process, synthetic topics",
]


def test_the_benchmark_reports_every_measure_beside_the_baseline() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--topics", "2", "--rounds", "1", "--batch-rounds", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2 realistic synthetic topics, 2 copies of the treaty topic")
    for measure in MEASURES:
        line = next((line for line in lines if measure in line), None)
        assert line is not None, measure
        assert re.search(r"\d+(\.\d+)? (ms|s|MB|ms/topic)\b", line), line
        if "cold" in measure:
            assert re.search(r"\d\.\d\d x floor", line), line
        if "batch" in measure:
            assert re.search(r"\d\.\d\d x baseline", line), line


def test_synthetic_topics_are_valid_as_full_as_the_treaty_and_share_no_sentence(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    write_topics(tmp_path / "source", 3)
    files = sorted((tmp_path / "source").glob("*.yaml"))
    topics = [load_topic(path).topic for path in files]
    for topic in topics:
        assert len(topic.key_facts) >= 6 and len(topic.context) == 3 and len(topic.timeline) == 8
        assert len(topic.glossary) == 6 and len(topic.questions) == 5 and len(topic.sources) == 2 and len(topic.images) == 1
        assert Path(topic.images[0].file).is_file()
    sentences = [set(re.split(r"(?<=[.?])\s+", yaml.safe_dump(yaml.safe_load(path.read_text(encoding="utf-8"))))) for path in files]
    treaty = (ROOT / "source" / "treaty-of-berlin-1926.yaml").read_text(encoding="utf-8")
    quizzes = re.search(r"\n  - type: .*?(?=\n\S)", treaty, re.S)  # the synthetic topics ask open questions only
    assert quizzes is not None
    treaty_size = len(treaty) - len(quizzes.group())
    assert all(0.75 * treaty_size < len(path.read_text(encoding="utf-8")) < 1.25 * treaty_size for path in files)
    shared = sentences[0] & sentences[1] | sentences[1] & sentences[2]
    assert all(len(sentence) < 40 for sentence in shared), shared  # only keys and short set phrases recur
