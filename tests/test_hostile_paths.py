"""Hostile folder trees: symbolic link loops, trees 1,200 deep, huge globs, names that are not
UTF-8. Courses still build (or get a message at the pattern's line), quickly, without a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from guide.bounded_glob import MAX_SCANNED
from tests.conftest import HANG_GUARD_S, ROOT, TREATY, run_cli


@pytest.fixture
def project(treaty_project: Path) -> Path:
    return treaty_project


def build_course(project: Path, patterns: str) -> tuple[int, str]:
    (project / "source" / "courses" / "c.yaml").write_text(f"code: C\ntitle: T\ntopics: {patterns}\n", encoding="utf-8")
    started = time.perf_counter()
    status, stdout, err = run_cli(project / "source" / "courses" / "c.yaml", "--out", project / "out", "--format", "pdf")
    assert time.perf_counter() - started < HANG_GUARD_S
    assert "Traceback" not in err + stdout
    return status, err


def test_symbolic_link_loops_do_not_stop_a_course(project: Path) -> None:
    source = project / "source"
    (source / "loop.yaml").symlink_to("loop.yaml")
    (source / "again").symlink_to(".")
    (source / "a").symlink_to("b")
    (source / "b").symlink_to("a")
    status, err = build_course(project, "['../*.yaml', '../**/treaty-*.yaml', '../again/again/*.yaml']")
    assert status == 0, err
    assert (project / "out" / "c" / f"{TREATY.stem}.pdf").is_file()


def test_a_tree_1200_folders_deep_does_not_stop_a_course(project: Path) -> None:
    deep = project / "source" / "deep"
    folders = []
    for _ in range(1_200):
        deep /= "d"
        deep.mkdir(parents=True)
        folders.append(deep)
    try:
        status, err = build_course(project, "['../**/treaty-*.yaml']")
        assert status == 0, err
        assert (project / "out" / "c" / f"{TREATY.stem}.pdf").is_file()
    finally:
        for folder in reversed(folders):  # deepest first: pytest's own recursive clean-up would overflow its stack
            folder.rmdir()


def test_a_glob_over_more_files_than_its_bound_is_refused_at_its_line(project: Path) -> None:
    crowd = project / "source" / "crowd"
    crowd.mkdir()
    for index in range(MAX_SCANNED + 1):
        (crowd / f"{index}.txt").touch()
    status, err = build_course(project, f"['../{TREATY.name}', '../crowd/*.yaml']")
    assert status == 2
    assert f"c.yaml:3:43: topics[1]: '../crowd/*.yaml' looks at more than {MAX_SCANNED:,} files and folders" in err, err
    assert not (project / "out" / "c").exists()


def test_a_project_in_a_folder_whose_name_is_not_utf8_builds_and_is_then_up_to_date(tmp_path: Path) -> None:
    folder = Path(os.fsdecode(os.fsencode(tmp_path) + b"/caf\xe9"))
    source = folder / "source"
    shutil.copytree(TREATY.parent, source, ignore=shutil.ignore_patterns("courses"))
    (source / "courses").mkdir()
    (source / "courses" / "c.yaml").write_text("code: C\ntitle: T\ntopics: ['../*.yaml']\n", encoding="utf-8")
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    (source / os.fsdecode(b"bad\xff.yaml")).write_text("title: T\n", encoding="utf-8")
    out = folder / os.fsdecode(b"out\xfe")
    command = [sys.executable, str(ROOT / "make_materials.py"), "-v", "--format", "pdf", "--out", str(out)]
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8"}  # strict: an unescaped name would fail to print
    first = subprocess.run(command, cwd=folder, capture_output=True, env=environment, timeout=60)
    err = first.stderr.decode()
    assert first.returncode == 2, err
    assert "Traceback" not in err
    assert "bad\\xff.yaml" in err and "file name 'bad\\xff' is not a valid topic id" in err
    assert "out\\xfe" in first.stdout.decode()
    assert (out / "c" / f"{TREATY.stem}.pdf").is_file()
    json.loads((out / ".manifest.json").read_text(encoding="utf-8"))
    (source / os.fsdecode(b"bad\xff.yaml")).unlink()
    second = subprocess.run(command, cwd=folder, capture_output=True, env=environment, timeout=60)
    assert second.returncode == 0, second.stderr.decode()
    assert "up to date" in second.stdout.decode() and "built 0 of 2" in second.stdout.decode()


def test_a_course_listing_more_topics_than_its_bound_is_refused(project: Path) -> None:
    from guide.inputs import MAX_COURSE_TOPICS

    crowd = project / "source" / "crowd"
    crowd.mkdir()
    for index in range(MAX_COURSE_TOPICS + 1):
        (crowd / f"{'ab'[index % 2]}{index}.yaml").touch()
    status, err = build_course(project, "['../crowd/a*.yaml', '../crowd/a1*.yaml', '../crowd/b*.yaml']")
    assert status == 2
    assert f"c.yaml:3:51: topics[2]: the course lists more than {MAX_COURSE_TOPICS:,} topics" in err, err


def test_picture_names_no_file_system_takes_are_refused_at_their_lines(project: Path) -> None:
    """A name longer than the file system allows and a loop of links, for a picture and a portrait."""
    source = project / "source"
    (source / "a.png").symlink_to("b.png")
    (source / "b.png").symlink_to("a.png")
    long_name = "p" * 100_000 + ".png"
    topic = source / "pictures.yaml"
    minimal = "title: T\nsummary: S\nkey_facts: [f]\ncontext: c\nsignificance: s\n"
    topic.write_text(
        minimal + f"images:\n  - {{file: a.png, alt: A}}\npeople:\n  - {{name: N, role: R, image: {long_name}}}\n", encoding="utf-8"
    )
    status, stdout, err = run_cli(topic, source / "treaty-of-berlin-1926.yaml", "--out", project / "out", "--format", "pdf")
    assert status == 2, err
    assert "Traceback" not in err + stdout
    assert "pictures.yaml:7:6: images[0].file: cannot read 'a.png': " in err  # the words for a loop vary with Python's version
    assert "pictures.yaml:9:24: people[0].image: cannot read 'ppppp" in err
    assert "File name too long" in err and len(err) < 2_000
    assert (project / "out" / "treaty-of-berlin-1926.pdf").exists()
