"""The command line as a user meets it: what it writes, what it prints, how it exits."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from guide import __version__
from guide.outputs import REGISTRY
from tests.conftest import ROOT, TREATY, outputs, run_cli, temporaries

BAD = Path(__file__).parent / "invalid" / "unknown-key.yaml"


def test_no_path_builds_every_topic_in_source(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workspace)
    status, out, _ = run_cli()
    assert status == 0
    assert [path.name for path in outputs(workspace / "output")] == [
        "treaty-of-berlin-1926-answers.pdf",
        "treaty-of-berlin-1926-quiz-answers.pdf",
        "treaty-of-berlin-1926-quiz.pdf",
        "treaty-of-berlin-1926.pdf",
        "treaty-of-berlin-1926.pptx",
    ]
    assert "built 1 of 1 topic (5 files in output)" in out


def test_one_invalid_topic_does_not_stop_the_valid_ones(workspace: Path) -> None:
    shutil.copy(BAD, workspace / "source" / "broken.yaml")
    status, _, err = run_cli(workspace / "source", "--out", workspace / "output")
    assert status == 2
    assert "broken.yaml:4:1: sumary: unknown key 'sumary'; did you mean 'summary'?" in err
    assert "built 1 of 2 topics (5 files in" in err
    assert err.splitlines()[-2:] == ["not built:", f"  {workspace / 'source' / 'broken.yaml'}: 2 problems (above)"]
    names = [path.name for path in outputs(workspace / "output")]
    assert names == [f"treaty-of-berlin-1926{name}" for name in ("-answers.pdf", "-quiz-answers.pdf", "-quiz.pdf", ".pdf", ".pptx")]


def test_check_validates_and_writes_nothing(tmp_path: Path) -> None:
    status, out, _ = run_cli(TREATY, "--check", "--out", tmp_path / "output")
    assert status == 0
    assert "checked 1 of 1 topic" in out
    assert not (tmp_path / "output").exists()


def test_a_render_failure_exits_1_and_keeps_the_previous_output(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = workspace / "output"
    assert run_cli(TREATY, "--out", out, "-q")[0] == 0
    before = {path.name: path.read_bytes() for path in outputs(out)}

    def explode(*_: object) -> bytes:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("guide.render.pdf.render_answer_key", explode)
    status, _, err = run_cli(TREATY, "--out", out, "--force")
    assert status == 1
    assert "treaty-of-berlin-1926-answers.pdf: could not be rendered: disk on fire" in err
    assert "Traceback" not in err
    assert {path.name: path.read_bytes() for path in outputs(out)} == before


def test_verbose_shows_the_traceback_of_a_render_failure(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_: object) -> bytes:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("guide.render.pdf.render_study_sheet", explode)
    status, _, err = run_cli(TREATY, "--out", workspace / "output", "-v")
    assert status == 1
    assert "Traceback" in err


def test_errors_print_without_traceback_and_quiet_prints_only_errors(tmp_path: Path) -> None:
    status, out, err = run_cli(BAD, "--out", tmp_path, "-q")
    assert status == 2
    assert out == ""
    assert err.splitlines() == [
        f"{BAD}:1:1: summary: required key is missing",
        f"{BAD}:4:1: sumary: unknown key 'sumary'; did you mean 'summary'?",
    ]


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    status, _, err = run_cli(tmp_path / "nope.yaml")
    assert status == 2
    assert "nope.yaml: no such file or folder" in err


def test_an_unknown_option_is_a_usage_error() -> None:
    assert run_cli("--colour", "red")[0] == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli("--version")[0] == 0
    assert __version__ in capsys.readouterr().out


def test_schema_is_json_schema_of_the_topic_format_and_matches_the_docs_copy() -> None:
    status, out, _ = run_cli("--schema")
    assert status == 0
    schema = json.loads(out)
    assert "title" in schema["required"] and "id" not in schema["required"]
    assert "key_facts" in schema["properties"]
    assert json.loads((ROOT / "docs" / "topic.schema.json").read_text(encoding="utf-8")) == schema


def test_theme_schema_matches_the_docs_copy_and_accepts_the_themes_we_ship() -> None:
    status, out, _ = run_cli("--theme-schema")
    assert status == 0
    schema = json.loads(out)
    assert json.loads((ROOT / "docs" / "theme.schema.json").read_text(encoding="utf-8")) == schema
    validator = Draft202012Validator(schema)
    for path in [*(ROOT / "guide" / "themes").glob("*.yaml"), ROOT / "source" / "themes" / "example-university.yaml"]:
        assert not list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))), path
    assert not list(validator.iter_errors({"slides": {"designs": {"cards": "rows", "numbers": False, "grid": True}}}))
    for wrong in ({"cards": "diagonal"}, {"number": False}, {"timeline": "list"}):
        assert list(validator.iter_errors({"slides": {"designs": wrong}})), wrong


def test_outputs_are_written_atomically_with_no_temporary_files_left(workspace: Path) -> None:
    out = workspace / "output"
    run_cli(TREATY, "--out", out, "-q")
    assert temporaries(out) == []


def test_the_entry_point_script_runs_as_a_program(tmp_path: Path) -> None:
    """``python make_materials.py`` works from a checkout, the way the README says."""
    result = subprocess.run(
        [sys.executable, "make_materials.py", str(TREATY), "--out", str(tmp_path), "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "checked 1 of 1 topic" in result.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_program_ends_with_all_its_output_written_and_its_exit_status(tmp_path: Path, jobs: str) -> None:
    """It leaves without tearing the interpreter down: what it printed to a pipe must still all arrive."""
    (tmp_path / "bad.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    runs = {}
    for name, topic in (("good", TREATY), ("bad", tmp_path / "bad.yaml")):
        command = [sys.executable, "make_materials.py", str(topic), "--out", str(tmp_path / name), "-v", "--jobs", jobs]
        runs[name] = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    good, bad = runs["good"], runs["bad"]
    assert good.returncode == 0, good.stderr
    written = [line for line in good.stdout.splitlines() if line.startswith("wrote ")]
    assert len(written) == 5 and all(Path(line.removeprefix("wrote ")).is_file() for line in written)
    assert "built 1 of 1 topic (5 files in" in good.stdout
    assert bad.returncode == 2
    assert "bad.yaml:2:1: YAML syntax" in bad.stderr
    assert "built 0 of 1 topic" in bad.stderr


@pytest.mark.parametrize(("chosen", "expected"), [("pdf", {".pdf"}), ("pptx", {".pptx"}), ("all", {".pdf", ".pptx"})])
def test_format_chooses_the_outputs(tmp_path: Path, chosen: str, expected: set[str]) -> None:
    assert run_cli(TREATY, "--format", chosen, "--out", tmp_path, "-q")[0] == 0
    assert {path.suffix for path in outputs(tmp_path)} == expected


def test_the_sheet_the_answer_key_the_quiz_paper_and_the_deck_are_built_by_default() -> None:
    assert REGISTRY.defaults() == ("sheet", "answers", "quiz", "quiz-answers", "deck")
