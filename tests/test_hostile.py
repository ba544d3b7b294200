"""Hostile inputs made at test time (huge, linked out, image bombs, damaged files, odd outputs).

Each runs through the real command line and must end in its clear message and exit status,
without a traceback, without writing anything, and without hanging.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import HANG_GUARD_S, TREATY, run_cli

MINIMAL = "title: T\nsummary: S\nkey_facts: [f]\ncontext: c\nsignificance: s\n"


def with_image(name: str) -> str:
    return MINIMAL + f"images:\n  - {{file: {name}, alt: A picture}}\n"


def too_large(project: Path) -> Path:
    path = project / "huge.yaml"
    path.write_text(MINIMAL + "# padding\n" * 220_000, encoding="utf-8")
    return path


def image_linked_out(project: Path) -> Path:
    (project / "innocent.png").symlink_to("/etc/hostname")
    return write(project, "linked.yaml", with_image("innocent.png"))


def image_climbing_out(project: Path) -> Path:
    return write(project, "climbing.yaml", with_image("../../../../etc/hostname"))


def decompression_bomb(project: Path) -> Path:
    Image.new("1", (12_000, 12_000)).save(project / "bomb.png", optimize=True)
    return write(project, "bomb.yaml", with_image("bomb.png"))


def truncated_png(project: Path) -> Path:
    data = (TREATY.parent / "images" / "germany-between-west-and-east.png").read_bytes()
    (project / "cut.png").write_bytes(data[:300])
    return write(project, "cut.yaml", with_image("cut.png"))


def named_pipe(project: Path) -> Path:
    """Reading a pipe would wait for a writer for ever."""
    os.mkfifo(project / "pipe.yaml")
    return project / "pipe.yaml"


def course_reaching_out(project: Path) -> Path:
    shutil.copy(TREATY, project.parent / "outside.yaml")
    return write(project, "courses/c.yaml", "code: C\ntitle: T\ntopics: [../../outside.yaml, ../*.yaml]\n")


def theme_with_a_broken_font(project: Path) -> Path:
    (project / "broken.ttf").write_bytes(b"\x00\x01\x00\x00" + b"\xff" * 200)
    write(project, "theme.yaml", "fonts: {body: {family: Broken, regular: broken.ttf, bold: broken.ttf}}\n")
    return write(project, "courses/c.yaml", "code: C\ntitle: T\ntheme: ../theme.yaml\ntopics: [../*.yaml]\n")


def write(project: Path, name: str, text: str) -> Path:
    path = project / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


CASES: list[tuple[Callable[[Path], Path], str]] = [
    (too_large, "huge.yaml:1:1: the file is larger than 2 MB"),
    (image_linked_out, "linked.yaml:7:6: images[0].file: 'innocent.png' is outside the project folder"),
    (image_climbing_out, "climbing.yaml:7:6: images[0].file: '../../../../etc/hostname' is outside the project folder"),
    (decompression_bomb, "bomb.yaml:7:6: images[0].file: 'bomb.png' is too large (12000x12000 pixels; at most 40 megapixels)"),
    (truncated_png, "cut.yaml:7:6: images[0].file: 'cut.png' is a damaged image"),
    (named_pipe, "pipe.yaml:1:1: not a regular file"),
    (course_reaching_out, "c.yaml:3:10: topics[0]: '../../outside.yaml' is outside the project folder"),
    (theme_with_a_broken_font, "theme.yaml:1:32: fonts.body.regular: 'broken.ttf' is not a TrueType font that can be embedded"),
]


@pytest.mark.parametrize(("make", "message"), CASES, ids=[make.__name__ for make, _ in CASES])
def test_hostile_input_gets_its_message_and_nothing_else(tmp_path: Path, make: Callable[[Path], Path], message: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("", encoding="utf-8")
    shutil.copy(TREATY, project / "treaty.yaml")
    target = make(project)
    out = tmp_path / "out"
    started = time.perf_counter()
    status, stdout, err = run_cli(target, "--out", out)
    assert time.perf_counter() - started < HANG_GUARD_S
    assert status == 2
    assert message in err.replace(f"{project}{os.sep}", "").replace(f"{project / 'courses'}{os.sep}", ""), err
    assert "Traceback" not in err + stdout
    assert not out.exists() or not [path for path in out.rglob("*") if path.is_file()]


def test_an_output_folder_that_is_a_file_is_a_clear_failure(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("not a folder", encoding="utf-8")
    status, _, err = run_cli(TREATY, "--out", out)
    assert status == 1
    assert "could not be written" in err
    assert "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "not a folder"
