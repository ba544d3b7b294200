"""Faults around the output folder and the manifest: garbage or hostile manifests, edits made
during a build or to an output, links inside the output folder, user files that look like
temporaries, duplicate course ids, a manifest that cannot be saved, Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

import guide.workers
from guide.manifest import Digests, Manifest
from tests.conftest import HANG_GUARD_S, ROOT, TREATY, files_outside, outputs, run_cli, temporaries
from tests.test_failure_safety import children, many_topics, running

MANIFEST = ".manifest.json"


@pytest.fixture
def project(treaty_project: Path) -> Path:
    return treaty_project


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (links as their target's name), to compare before and after."""
    return {
        str(path.relative_to(folder)): str(path.readlink()).encode() if path.is_symlink() else path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_symlink() or path.is_file()
    }


def build(*arguments: str | Path) -> tuple[int, str, str]:
    started = time.perf_counter()
    status, stdout, err = run_cli(*arguments)
    assert time.perf_counter() - started < HANG_GUARD_S
    assert "Traceback" not in err + stdout
    return status, stdout, err


def first_build(project: Path) -> Path:
    out = project / "out"
    status, _, err = build(project / "source" / TREATY.name, "--out", out, "--format", "pdf")
    assert status == 0, err
    return out


def manifest_of(out: Path) -> dict:
    return json.loads((out / MANIFEST).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "garbage",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"targets": [], "sources": {}, "courses": {}}',
        '{"targets": {"../../x.pdf": {"key": "k", "size": 1}}, "sources": {}, "courses": {}}',
        '{"targets": {}, "sources": {"relative.yaml": {"id": "x", "inputs": [], "targets": []}}, "courses": {}}',
        "\xff\xfe not json",
    ],
    ids=["nested-100000-deep", "wrong-shape", "target-outside", "relative-source", "not-utf8"],
)
def test_a_bad_manifest_is_ignored_with_a_warning_and_the_targets_rebuilt(project: Path, garbage: str) -> None:
    out = first_build(project)
    (out / MANIFEST).write_bytes(garbage.encode("latin-1"))
    status, stdout, err = build(project / "source" / TREATY.name, "--out", out, "--format", "pdf")
    assert status == 0, err
    assert "built 1 of 1" in stdout
    manifest_of(out)
    status, stdout, err = build(project / "source" / TREATY.name, "--out", out, "--format", "pdf")
    assert "1 up to date" in stdout, "the bad manifest was replaced by a good one"
    assert "warning" not in err


def test_the_warning_of_an_ignored_manifest_names_it(project: Path) -> None:
    out = first_build(project)
    (out / MANIFEST).write_text("[" * 100_000, encoding="utf-8")
    status, stdout, err = build(project / "source" / TREATY.name, "--out", out, "--format", "pdf")
    assert status == 0
    assert f"{out / MANIFEST}: warning: ignored (not a manifest this tool wrote); its targets are built again" in err
    assert "built 1 of 1" in stdout


@pytest.mark.parametrize("device", ["/dev/zero", "fifo"])
def test_a_manifest_naming_a_device_or_a_pipe_never_reads_it(project: Path, device: str) -> None:
    out = first_build(project)
    if device == "fifo":
        os.mkfifo(project / "pipe")
        device = str(project / "pipe")
    data = manifest_of(out)
    for entry in data["sources"].values():
        entry["inputs"]["images"] = [device]
    (out / MANIFEST).write_text(json.dumps(data), encoding="utf-8")
    status, stdout, _ = build(project / "source" / TREATY.name, "--out", out, "--format", "pdf")
    assert status == 0
    # What the manifest names is not what the build reads: the topic is read again, and each
    # target's key, over the files it does read, says whether it changed (it did not).
    assert "1 up to date" in stdout
    assert device not in json.dumps(manifest_of(out)), "the manifest names only what the build read"


def built_again_after_an_edit_during_the_build(target: Path, edit: Callable[[], None], monkeypatch: pytest.MonkeyPatch) -> str:
    """Build ``target`` with ``edit`` made while its files render, then build again: that build's summary."""
    original = guide.workers._render_file

    def render_after_an_edit(*arguments: object) -> guide.workers.Rendered:
        edit()
        return original(*arguments)

    out = target.parent.parent / "out"
    with monkeypatch.context() as patched:
        patched.setattr(guide.workers, "_render_file", render_after_an_edit)
        status, _, err = build(target, "--out", out, "--format", "pdf", "--jobs", "1")
        assert status == 0, err
    return build(target, "--out", out, "--format", "pdf")[1]


def test_an_edit_of_a_topic_made_while_a_build_runs_is_not_lost(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    topic = project / "source" / TREATY.name

    def edit() -> None:
        topic.write_text(
            topic.read_text(encoding="utf-8").replace("Treaty of Berlin (1926)", "Treaty of Berlin (edited)"), encoding="utf-8"
        )

    assert "built 1 of 1" in built_again_after_an_edit_during_the_build(topic, edit, monkeypatch), "the outputs hold the old text"
    assert "(edited)" in PdfReader(project / "out" / f"{TREATY.stem}.pdf").pages[0].extract_text()


def test_an_edit_of_a_theme_made_while_a_build_runs_is_not_lost(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    theme = project / "source" / "theme.yaml"
    theme.write_text("colors: {primary: '#0F5F5A'}\n", encoding="utf-8")
    course = project / "source" / "courses" / "c.yaml"
    course.write_text(f"code: C\ntitle: T\ntheme: ../theme.yaml\ntopics: [../{TREATY.name}]\n", encoding="utf-8")

    def edit() -> None:
        theme.write_text("colors: {primary: '#7A1F1F'}\n", encoding="utf-8")

    assert "built 1 of 1" in built_again_after_an_edit_during_the_build(course, edit, monkeypatch), "the outputs have the old colour"


def test_an_edit_of_a_picture_made_while_a_build_runs_is_not_lost(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    picture = next((project / "source" / "images").glob("*.png"))

    def edit() -> None:
        picture.write_bytes(picture.read_bytes() + b"\0")  # still a PNG: trailing bytes are ignored

    topic = project / "source" / TREATY.name
    assert "built 1 of 1" in built_again_after_an_edit_during_the_build(topic, edit, monkeypatch), "the outputs hold the old picture"


def test_a_hand_edit_of_an_output_that_keeps_its_size_is_noticed(project: Path) -> None:
    out = first_build(project)
    sheet = out / f"{TREATY.stem}.pdf"
    data = bytearray(sheet.read_bytes())
    data[-10] ^= 0xFF
    sheet.write_bytes(bytes(data))
    status, stdout, _ = build(project / "source" / TREATY.name, "--out", out, "--format", "pdf")
    assert status == 0 and "built 1 of 1" in stdout
    os.utime(sheet, ns=(1, 1))  # touched only: the content hash says it is unchanged
    status, stdout, _ = build(project / "source" / TREATY.name, "--out", out, "--format", "pdf")
    assert "1 up to date" in stdout


def test_the_clean_up_deletes_only_its_own_temporaries(project: Path) -> None:
    out = first_build(project)
    dead = 2**22 + 1  # above the usual pid range: no such process
    mine = out / f".{TREATY.stem}.pdf.make-materials-{dead}.abc123_x.tmp"
    mine.write_bytes(b"left by a killed build")
    users = [out / f".notes.{dead}.txt.tmp", out / f".draft.{dead}.pdf.tmp"]
    for path in users:
        path.write_bytes(b"the user's own")
    linked = out / f".linked.pdf.make-materials-{dead}.zz.tmp"
    victim = project / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    linked.symlink_to(victim)
    status, _, err = build(project / "source" / TREATY.name, "--out", out, "--format", "pdf", "--force")
    assert status == 0, err
    assert not mine.exists()
    assert all(path.read_bytes() == b"the user's own" for path in users)
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_course_folder_that_is_a_link_is_never_written_through(project: Path) -> None:
    elsewhere = project / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / f"{TREATY.stem}.pdf").write_bytes(b"not ours")
    (elsewhere / f".{TREATY.stem}.pdf.make-materials-{2**22 + 1}.a.tmp").write_bytes(b"not ours either")
    before = snapshot(elsewhere)
    out = project / "out"
    out.mkdir()
    (out / "c").symlink_to(elsewhere)
    courses = project / "source" / "courses"
    (courses / "c.yaml").write_text(f"code: C\ntitle: T\ntopics: [../{TREATY.name}]\n", encoding="utf-8")
    (courses / "d.yaml").write_text(f"code: D\ntitle: T\ntopics: [../{TREATY.name}]\n", encoding="utf-8")
    status, _, err = build(courses, "--out", out, "--format", "pdf")
    assert status == 2
    assert f"c.yaml:1:1: id: the output folder {out / 'c'} is a symbolic link; outputs are never written through one" in err, err
    assert snapshot(elsewhere) == before
    assert (out / "d" / f"{TREATY.stem}.pdf").is_file()


def test_two_courses_with_one_id_are_an_error(project: Path) -> None:
    courses = project / "source" / "courses"
    (courses / "c.yaml").write_text(f"code: C\ntitle: T\ntopics: [../{TREATY.name}]\n", encoding="utf-8")
    other = project / "source" / "other"
    other.mkdir()
    (other / "c.yaml").write_text(f"code: X\ntitle: Y\ntopics: [../{TREATY.name}]\n", encoding="utf-8")
    out = project / "out"
    status, _, err = build(courses / "c.yaml", other / "c.yaml", "--out", out, "--format", "pdf")
    assert status == 2
    assert f"other/c.yaml:1:1: id: course id 'c' is also used by {courses / 'c.yaml'}; two courses cannot share an output folder" in err
    assert "C" in PdfReader(out / "c" / f"{TREATY.stem}.pdf").pages[0].extract_text()


def test_a_manifest_that_cannot_be_saved_is_a_warning_not_a_traceback(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from guide import manifest

    def full_disk(files: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(manifest, "write_atomically", full_disk)
    out = project / "out"
    status, _, err = build(project / "source" / TREATY.name, "--out", out, "--format", "pdf")
    assert status == 0, err
    assert f"{out / MANIFEST}: warning: could not be saved (No space left on device); the next build rebuilds these targets" in err
    assert len(outputs(out)) == 4 and temporaries(out) == []  # the sheet, its key, the quiz paper and its key


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc")
@pytest.mark.parametrize("later", [0.0, 0.4], ids=["as-workers-start", "while-rendering"])
def test_ctrl_c_prints_one_line_exits_130_and_leaves_no_temporaries_or_workers(tmp_path: Path, later: float) -> None:
    source = many_topics(tmp_path)
    out = tmp_path / "out"
    command = [sys.executable, str(ROOT / "make_materials.py"), str(source), "--out", str(out), "--jobs", "2", "-q"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 30
    while len(workers := children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) == 2, "the build should have started two workers"
    time.sleep(later)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: to the whole group
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr.decode().strip() == "interrupted", stderr.decode()
    assert stdout == b""
    deadline = time.monotonic() + 5
    while running(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not running(workers)
    assert not out.exists() or temporaries(out) in ([], [out / MANIFEST])


def test_links_among_the_outputs_are_replaced_never_followed(project: Path) -> None:
    out = project / "out"
    out.mkdir()
    victims = {name: project / f"victim-{name}" for name in (f"{TREATY.stem}.pdf", MANIFEST)}
    for name, victim in victims.items():
        victim.write_text("keep me", encoding="utf-8")
        (out / name).symlink_to(victim)
    before = files_outside(project, out)
    status, _, err = build(project / "source" / TREATY.name, "--out", out, "--format", "pdf")
    assert status == 0, err
    assert files_outside(project, out) == before
    assert all(victim.read_text(encoding="utf-8") == "keep me" for victim in victims.values())
    assert not (out / f"{TREATY.stem}.pdf").is_symlink() and not (out / MANIFEST).is_symlink()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.sampled_from(["/dev/zero", "../x.pdf", "a.pdf", "sheet"]),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["targets", "sources", "courses", "inputs", "id", "key", "size", "chosen", "topic", "sheet"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=JSON, raw=st.one_of(st.none(), st.binary(max_size=40)))
def test_any_manifest_reads_as_one_or_is_ignored_with_a_warning(tmp_path: Path, data: object, raw: bytes | None) -> None:
    (tmp_path / MANIFEST).write_bytes(
        raw if raw is not None else json.dumps({"targets": {}, "sources": {str(TREATY): data}, "courses": {}}).encode()
    )
    manifest = Manifest.read(tmp_path)
    assert manifest.warning is None or manifest.warning.startswith("warning: ignored (")
    assert manifest.current_topic(TREATY, None, lambda output: "settings", Digests()) is None
