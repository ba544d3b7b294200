"""A killed or concurrent build never leaves a broken file and never loses a good one."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from tests.conftest import ROOT, TREATY, outputs, run_cli, temporaries

TOPICS = 8
KILLS = 5


def many_topics(folder: Path, title_suffix: str = "", count: int = TOPICS) -> Path:
    """``count`` copies of the treaty, each with its own id, in ``folder``/source."""
    source = folder / "source"
    source.mkdir(parents=True, exist_ok=True)
    shutil.copytree(TREATY.parent / "images", source / "images", dirs_exist_ok=True)
    text = TREATY.read_text(encoding="utf-8")
    for number in range(count):
        retitled = text.replace("title: The Treaty of Berlin (1926)", f"title: The Treaty of Berlin (1926){title_suffix} {number}")
        (source / f"treaty-{number:02d}.yaml").write_text(retitled, encoding="utf-8")
    return source


def start_build(source: Path, out: Path, output: int = subprocess.PIPE, *options: str) -> subprocess.Popen:
    """The real command line in its own process; ``output`` says where its stdout and stderr go."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "guide", str(source), "--out", str(out), "-q", *options]
    return subprocess.Popen(command, env=environment, stdout=output, stderr=output)


def assert_every_file_is_whole(out: Path) -> None:
    """Every file a reader can see (not a hidden temporary) is a complete PDF or deck."""
    for path in outputs(out):
        data = path.read_bytes()
        if path.suffix == ".pdf":
            assert data.rstrip().endswith(b"%%EOF"), path.name
            assert len(PdfReader(path, strict=True).pages) >= 1, path.name
        else:
            assert path.suffix == ".pptx", path.name
            assert len(Presentation(path).slides) >= 10, path.name


def test_a_build_killed_at_random_moments_leaves_only_whole_files_and_keeps_the_old_ones(tmp_path: Path) -> None:
    """Kills land at random moments of a build's own length, from starting up to writing the last file."""
    source = many_topics(tmp_path)
    out = tmp_path / "out"
    started = time.monotonic()
    first = start_build(source, out)
    _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err.decode()
    length = time.monotonic() - started
    before = {path.name for path in outputs(out)}
    assert len(before) == 5 * TOPICS
    many_topics(tmp_path, title_suffix=" (revised)")  # every output will change
    moments = [length * share for share in random.Random(2026).sample([step / 20 for step in range(3, 20)], KILLS)]
    for moment in moments:
        build = start_build(source, out, subprocess.DEVNULL)
        time.sleep(moment)
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=30)
        assert {path.name for path in outputs(out)} == before, f"killed after {moment:.2f} s"
        assert_every_file_is_whole(out)
    status, _, err = run_cli(source, "--out", out, "-q")
    assert status == 0, err
    assert temporaries(out) == [], "a later build clears what killed ones left"
    assert "(revised) 0" in PdfReader(out / "treaty-00.pdf").pages[0].extract_text()


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid``, from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # not a process, or one that has just ended
        if int(fields[1]) == pid:
            found.add(int(entry.name))
    return found


def running(pids: set[int]) -> set[int]:
    return {pid for pid in pids if Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1][:3]}


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc")
def test_workers_end_when_the_build_that_started_them_is_killed(tmp_path: Path) -> None:
    build = start_build(many_topics(tmp_path), tmp_path / "out", subprocess.DEVNULL, "--jobs", "2")
    deadline = time.monotonic() + 30
    while len(workers := children(build.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) == 2, "the build should have started two workers"
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)
    deadline = time.monotonic() + 10
    while running(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = running(workers)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "workers outlived the killed build"


def test_two_builds_at_once_into_one_folder_give_whole_identical_files(tmp_path: Path) -> None:
    source = many_topics(tmp_path, count=4)  # both write every topic's files at about the same time
    out, alone = tmp_path / "out", tmp_path / "alone"
    builds = [start_build(source, out), start_build(source, out)]
    for build in builds:
        _, err = build.communicate(timeout=120)
        assert build.returncode == 0, err.decode()
    assert_every_file_is_whole(out)
    status, _, err = run_cli(source, "--out", alone, "-q")
    assert status == 0, err
    assert [path.name for path in outputs(out)] == [path.name for path in outputs(alone)]
    for path in outputs(alone):
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_failed_write_is_reported_and_leaves_no_temporaries(tmp_path: Path) -> None:
    """If one file of a topic cannot be written, the ones already there stay whole."""
    out = tmp_path / "out"
    status, _, err = run_cli(TREATY, "--out", out, "-q")
    assert status == 0, err
    previous = (out / "treaty-of-berlin-1926.pdf").read_bytes()
    (out / "treaty-of-berlin-1926.pptx").unlink()
    (out / "treaty-of-berlin-1926.pptx").mkdir()  # the rename onto it fails
    status, _, err = run_cli(TREATY, "--out", out, "-q")
    assert status == 1
    assert "treaty-of-berlin-1926.pptx" in err
    assert (out / "treaty-of-berlin-1926.pdf").read_bytes() == previous
    assert temporaries(out) == []
