"""The output registry: one table that the build, the command line, the manifest and the watcher all read."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from guide import watch
from guide.builder import BuildOptions, build
from guide.errors import RenderError
from guide.load import named_theme
from guide.manifest import MANIFEST_NAME
from guide.model import Course, Topic
from guide.outputs import REGISTRY, Output
from guide.render.pptx import render_deck
from guide.session import BuildSession
from guide.theme import Theme
from guide.uptodate import up_to_date
from tests.conftest import ROOT, TREATY, run_cli
from tests.templates import make_template


def render_outline(topic: Topic, theme: Theme, course: Course | None, session: BuildSession) -> bytes:
    """A test output: the topic's title and key facts as plain text."""
    return "\n".join([topic.title, *(fact.fact for fact in topic.key_facts)]).encode("utf-8")


OUTLINE = Output("outline", "the topic as plain text", "{id}.txt", f"{__name__}:render_outline", group="text", format="text", default=False)


@pytest.fixture
def treaty(tmp_path: Path) -> Path:
    shutil.copy(TREATY, tmp_path / TREATY.name)
    shutil.copytree(TREATY.parent / "images", tmp_path / "images")
    return tmp_path / TREATY.name


def test_every_output_renders_for_the_treaty_is_fingerprinted_and_then_up_to_date(treaty: Path, tmp_path: Path) -> None:
    options = BuildOptions(out=tmp_path / "out", outputs=REGISTRY.names())
    report = build([treaty], options)
    assert report.exit_status == 0
    written = {path.name for result in report.results for path in result.written}
    assert written == {output.file_name("treaty-of-berlin-1926") for output in REGISTRY}
    manifest = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert set(manifest["targets"]) == written
    assert all(len(entry["key"]) == 64 for entry in manifest["targets"].values())
    assert up_to_date([treaty], options) is not None
    assert all(result.up_to_date for result in build([treaty], options).results)


def test_list_outputs_names_every_output() -> None:
    status, out, _ = run_cli("--list-outputs")
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()] == list(REGISTRY.names())


def test_an_output_registered_elsewhere_is_built_recorded_and_preloaded(treaty: Path, tmp_path: Path) -> None:
    with REGISTRY.extended(OUTLINE):
        status, _, err = run_cli(treaty, "--outputs", "outline,sheet", "--out", tmp_path / "out", "-q")
        assert status == 0, err
        text = (tmp_path / "out" / "treaty-of-berlin-1926.txt").read_text(encoding="utf-8")
        assert text.startswith("The Treaty of Berlin (1926)\n")
        manifest = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text(encoding="utf-8"))
        assert "treaty-of-berlin-1926.txt" in manifest["targets"]
        assert up_to_date([treaty], BuildOptions(out=tmp_path / "out", outputs=("outline",))) is not None
        (tmp_path / "out" / "treaty-of-berlin-1926.txt").unlink()
        assert up_to_date([treaty], BuildOptions(out=tmp_path / "out", outputs=("outline",))) is None
        watch._preload(("outline",))  # imports each chosen output's renderer, whatever it is
    assert "outline" not in REGISTRY.names()


def test_an_unknown_output_is_a_usage_error_naming_the_known_ones(tmp_path: Path) -> None:
    status, _, err = run_cli(TREATY, "--outputs", "sheet,slidez", "--out", tmp_path)
    assert status == 2
    assert "unknown output 'slidez'; known outputs: sheet, answers, quiz, quiz-answers, deck" in err
    assert not (tmp_path / "treaty-of-berlin-1926.pdf").exists()


def test_a_course_and_a_theme_choose_outputs(project: Path) -> None:
    theme = project / "source" / "themes" / "theme.yaml"
    theme.write_text(theme.read_text(encoding="utf-8") + "outputs: [deck]\n", encoding="utf-8")
    course = project / "source" / "courses" / "c1.yaml"
    assert build([course], BuildOptions(out=project / "out")).exit_status == 0
    assert sorted(path.name for path in (project / "out" / "c1").iterdir() if not path.name.startswith(".")) == ["alpha.pptx"]
    course.write_text(course.read_text(encoding="utf-8") + "outputs: [sheet]\n", encoding="utf-8")
    assert build([course], BuildOptions(out=project / "out")).exit_status == 0
    assert (project / "out" / "c1" / "alpha.pdf").exists()
    assert up_to_date([course], BuildOptions(out=project / "out")) is not None


def test_an_unknown_output_in_a_course_is_an_error_at_its_line(project: Path) -> None:
    course = project / "source" / "courses" / "c1.yaml"
    course.write_text(course.read_text(encoding="utf-8") + "outputs: [sheet, handouts]\n", encoding="utf-8")
    status, _, err = run_cli(course, "--out", project / "out")
    assert status == 2
    assert "c1.yaml:5:" in err
    assert "outputs[1]: unknown output 'handouts'; known outputs: sheet, answers, quiz, quiz-answers, deck" in err


def test_a_template_that_cannot_hold_a_deck_is_a_render_error_not_an_assertion(tmp_path: Path) -> None:
    template = make_template(tmp_path / "dept.pptx")
    theme = dataclasses.replace(named_theme(), template=template, layouts={"content": "Nur Titel"})  # a layout without a body
    from guide.load import load_topic

    with pytest.raises(RenderError, match="template"):
        render_deck(load_topic(TREATY).topic, theme)


def test_workers_started_without_fork_build_the_same_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where fork is not the norm (macOS, Windows), workers are spawned: slower to start, same files."""
    from guide import workers

    forked = build([TREATY], BuildOptions(out=tmp_path / "forked", jobs=2))
    monkeypatch.setattr(workers, "START_METHOD", "spawn")
    spawned = build([TREATY], BuildOptions(out=tmp_path / "spawned", jobs=2))
    assert forked.exit_status == spawned.exit_status == 0
    for path in (tmp_path / "forked").glob("*.p*"):
        assert path.read_bytes() == (tmp_path / "spawned" / path.name).read_bytes()


def test_a_build_under_python_optimised_mode_works(tmp_path: Path) -> None:
    command = [sys.executable, "-O", str(ROOT / "make_materials.py"), str(TREATY), "--out", str(tmp_path), "-q", "--jobs", "1"]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert finished.returncode == 0, finished.stderr
    assert (tmp_path / "treaty-of-berlin-1926.pptx").exists()
