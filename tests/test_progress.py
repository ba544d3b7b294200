"""Progress: a bar with counts and time left on a terminal, nothing when piped or quiet."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

import guide.progress
from guide.builder import build
from guide.cli import main
from guide.options import BuildOptions
from guide.progress import ProgressBar
from tests.conftest import TREATY


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """Three topics: two valid, one invalid."""
    folder = tmp_path / "source"
    shutil.copytree(TREATY.parent, folder, ignore=shutil.ignore_patterns("courses", "themes"))
    shutil.copy(TREATY, folder / "second.yaml")
    (folder / "broken.yaml").write_text("title: [not, text]\n", encoding="utf-8")
    return folder


@pytest.fixture(autouse=True)
def show_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bar waits half a second before it shows; these builds may be quicker."""
    monkeypatch.setattr(guide.progress, "SHOW_AFTER_SECONDS", 0)


def test_the_bar_counts_every_topic_whatever_became_of_it(source: Path, tmp_path: Path) -> None:
    stream = Terminal()
    with ProgressBar(stream) as bar:
        report = build([source], BuildOptions(out=tmp_path / "out"), bar)
        assert (bar.bar.n, bar.bar.total) == (3, 3)
    assert report.exit_status == 2
    drawn = stream.getvalue()
    assert "building:" in drawn
    assert "/3 [" in drawn  # counts of the total (the last count may fall between two redraws)
    assert "<00:00" in drawn  # the time left


def test_a_course_counts_as_its_topics(tmp_path: Path) -> None:
    with ProgressBar(Terminal()) as bar:
        build([TREATY.parent], BuildOptions(out=tmp_path / "out", check_only=True), bar)
        assert (bar.bar.n, bar.bar.total) == (2, 2)  # the treaty alone, and in the HIST 201 course


def test_the_command_line_draws_it_only_on_a_terminal_and_not_with_quiet(source: Path, tmp_path: Path) -> None:
    for stderr, options, drawn in ((Terminal(), [], True), (io.StringIO(), [], False), (Terminal(), ["-q"], False)):
        main([str(source), "--out", str(tmp_path / "out"), "--force", "--jobs", "1", *options], stdout=io.StringIO(), stderr=stderr)
        assert ("building:" in stderr.getvalue()) is drawn, options
        assert ("not built:" in stderr.getvalue()) is not ("-q" in options)


def test_a_check_says_so(source: Path, tmp_path: Path) -> None:
    stderr = Terminal()
    main([str(source), "--check", "--jobs", "1"], stdout=io.StringIO(), stderr=stderr)
    assert "checking:" in stderr.getvalue()
    assert "building:" not in stderr.getvalue()
