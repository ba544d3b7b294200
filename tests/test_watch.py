"""--watch: a saved change is rebuilt, an error is shown and the watch goes on, Ctrl-C stops it."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

from pypdf import PdfReader

from guide.builder import build
from guide.options import BuildOptions
from guide.watch import watched_folders
from tests.conftest import HANG_GUARD_S, ROOT

TOPIC = "source/treaty-of-berlin-1926.yaml"


class Watcher:
    """The command line running ``--watch`` in a workspace, its output read line by line."""

    def __init__(self, folder: Path) -> None:
        environment = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, str(ROOT / "make_materials.py"), "--watch", "--jobs", "1"]
        self.process = subprocess.Popen(command, cwd=folder, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        with self.process.stdout as lines:
            for line in lines:
                self.lines.put(line.rstrip("\n"))

    def wait_for(self, text: str, seconds: float = 3 * HANG_GUARD_S) -> str:
        """The next line containing ``text``; fails if none comes within ``seconds``."""
        while True:
            try:
                line = self.lines.get(timeout=seconds)
            except queue.Empty:
                raise AssertionError(f"no line with {text!r} after {self.seen}") from None
            self.seen.append(line)
            if text in line:
                return line

    def save(self, path: Path, text: str) -> None:
        """Write ``path`` until the watcher reports it: it may print "watching" a moment before it watches."""
        for _ in range(10):
            path.write_text(text, encoding="utf-8")
            try:
                self.wait_for(f"changed: {path.parent.name}/{path.name}", seconds=1)
                return
            except AssertionError:
                continue
        raise AssertionError(f"{path} was saved ten times and never reported: {self.seen}")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        status = self.process.wait(timeout=HANG_GUARD_S)
        self.reader.join(timeout=HANG_GUARD_S)
        return status


def title_of(pdf: Path) -> str:
    return PdfReader(pdf).pages[0].extract_text().splitlines()[0]


def test_a_saved_change_is_rebuilt_and_an_error_does_not_end_the_watch(workspace: Path) -> None:
    topic = workspace / TOPIC
    original = topic.read_text(encoding="utf-8")
    watcher = Watcher(workspace)
    try:
        watcher.wait_for("built 1 of 1 topic")
        watcher.wait_for("watching source")
        watcher.save(topic, original.replace("title: The Treaty of Berlin", "title: The Berlin Treaty"))
        watcher.wait_for("built 1 of 1 topic")
        assert "Berlin Treaty" in title_of(workspace / "output" / "treaty-of-berlin-1926.pdf")

        topic.write_text(original + "summary: [unclosed\n", encoding="utf-8")
        watcher.wait_for(f"{TOPIC}:")  # the error, with its file and line
        watcher.wait_for("1 invalid")
        assert "Berlin Treaty" in title_of(workspace / "output" / "treaty-of-berlin-1926.pdf")  # the last good build stays

        topic.write_text(original, encoding="utf-8")
        watcher.wait_for("built 1 of 1 topic")
        assert "Treaty of Berlin" in title_of(workspace / "output" / "treaty-of-berlin-1926.pdf")
    finally:
        status = watcher.stop()
    assert status == 0
    watcher.wait_for("stopped watching")
    assert not [line for line in watcher.seen if line.startswith("changed: output")], watcher.seen
    assert "Traceback" not in "\n".join(watcher.seen)


def test_the_folders_watched_are_those_named_and_those_of_every_file_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    source, brand = tmp_path / "source", tmp_path / "brand"
    (source / "courses").mkdir(parents=True)
    brand.mkdir()
    (source / "alpha.yaml").write_text("title: Alpha\nsummary: S\nkey_facts: [f]\ncontext: c\nsignificance: s\n", encoding="utf-8")
    (brand / "theme.yaml").write_text("extends: modern\n", encoding="utf-8")
    (source / "courses" / "c1.yaml").write_text(
        "code: C1\ntitle: C\ntheme: ../../brand/theme.yaml\ntopics: [../alpha.yaml]\n", encoding="utf-8"
    )
    options = BuildOptions(out=tmp_path / "out", outputs=("sheet",))
    assert watched_folders([source], options) == [source]
    assert build([source], options).exit_status == 0
    assert watched_folders([source], options) == [brand, source]  # not the package's own themes, not out/
    assert watched_folders([source / "alpha.yaml"], options) == [brand, source]
