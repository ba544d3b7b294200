"""Same inputs, byte-identical outputs: no timestamps, no random ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from guide.workers import LARGEST_CHUNK
from tests.conftest import ROOT, TREATY, outputs, run_cli


def test_two_builds_give_the_same_bytes(tmp_path: Path) -> None:
    for name in ("first", "second"):
        assert run_cli(TREATY, "--out", tmp_path / name, "-q")[0] == 0
    first = outputs(tmp_path / "first")
    assert first
    for path in first:
        assert path.read_bytes() == (tmp_path / "second" / path.name).read_bytes(), path.name


def test_one_worker_and_two_workers_give_the_same_bytes(workspace: Path) -> None:
    source = workspace / "source"
    copies = 8
    assert copies + 1 > 2 * 2 + LARGEST_CHUNK // 2  # past the first topic each worker is sent alone, several go at once
    for number in range(copies):
        text = TREATY.read_text(encoding="utf-8").replace("title: The Treaty of Berlin (1926)", f"title: Copy {number}")
        (source / f"copy-{number}.yaml").write_text(text, encoding="utf-8")
    files = {}
    for jobs in ("1", "2"):
        out = workspace / f"out-{jobs}"
        status, _, err = run_cli(source, "--out", out, "--jobs", jobs, "-q")
        assert status == 0, err
        files[jobs] = {path.name: path.read_bytes() for path in outputs(out)}
    assert len(files["1"]) == 5 * (copies + 1)  # the treaty and its copies, five files each
    assert files["1"] == files["2"]


def test_jobs_must_be_a_positive_number(capsys: pytest.CaptureFixture[str]) -> None:
    for wrong in ("0", "-1", "two"):
        status, _, _ = run_cli(TREATY, "--jobs", wrong, "--check")
        assert status == 2
        assert "--jobs" in capsys.readouterr().err  # argparse reports usage errors itself


def test_a_jpeg_picture_gives_the_same_bytes_from_any_folder(tmp_path: Path) -> None:
    """A picture is named in the PDF by its pixels, never by where its file is (a JPEG's name once came from its path)."""
    sheets = []
    for folder in ("one", "elsewhere"):
        source = tmp_path / folder
        (source / "images").mkdir(parents=True)
        Image.open(ROOT / "source" / "images" / "germany-between-west-and-east.png").convert("RGB").save(source / "images" / "map.jpg")
        text = TREATY.read_text(encoding="utf-8").replace("germany-between-west-and-east.png", "map.jpg")
        (source / "topic.yaml").write_text(text, encoding="utf-8")
        status, _, err = run_cli(source / "topic.yaml", "--out", tmp_path / f"out-{folder}", "--outputs", "sheet", "-q")
        assert status == 0, err
        sheets.append((tmp_path / f"out-{folder}" / "topic.pdf").read_bytes())
    assert b"/DCTDecode" in sheets[0]  # the JPEG is embedded as it is
    assert sheets[0] == sheets[1]


def test_every_output_gives_the_same_bytes_from_any_folder(tmp_path: Path) -> None:
    """The treaty built in two folders: every output the same, pictures named by their pixels (the slides PDF once named its by path)."""
    every = "sheet,answers,quiz,quiz-answers,deck,slides,handout,html,html-answers,anki,csv,moodle,qti"
    built = []
    for folder in ("one", "elsewhere/deeper"):
        source = tmp_path / folder
        shutil.copytree(TREATY.parent / "images", source / "images")
        shutil.copy(TREATY, source / TREATY.name)
        status, _, err = run_cli(source / TREATY.name, "--out", tmp_path / "out" / folder, "--outputs", every, "-q")
        assert status == 0, err
        built.append({path.name: path.read_bytes() for path in outputs(tmp_path / "out" / folder)})
    assert len(built[0]) == len(every.split(","))
    assert built[0] == built[1]
