"""Incremental builds: a change rebuilds exactly what depends on it; an up-to-date run stays light."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.builder import BuildOptions, build
from guide.fonts import BUNDLED_FAMILIES
from guide.manifest import MANIFEST_NAME
from guide.uptodate import up_to_date
from tests.conftest import MINIMAL, ROOT, TREATY, outputs, run_cli
from tests.templates import make_template


def rebuilt(project: Path, **options: object) -> set[str]:
    """Which (folder/topic) were rendered by a build of the project's source/."""
    report = build([project / "source"], BuildOptions(out=project / "out", **options))
    assert report.exit_status == 0, [str(problem) for result in report.results for problem in result.problems]
    return {f"{path.parent.name}/{path.stem.removesuffix('-answers')}" for result in report.results for path in result.written}


def touch_bytes(path: Path) -> None:
    path.write_bytes(path.read_bytes() + (b"\n# changed\n" if path.suffix == ".yaml" else b"\0"))


def retitle(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("title: Alpha", "title: Alpha two"), encoding="utf-8")


CHANGES: list[tuple[str, Callable[[Path], None], set[str]]] = [
    ("topic file", lambda source: retitle(source / "alpha.yaml"), {"out/alpha", "c1/alpha"}),
    ("image", lambda source: touch_bytes(source / "map.png"), {"out/beta"}),
    ("theme file", lambda source: touch_bytes(source / "themes" / "theme.yaml"), {"c1/alpha"}),
    ("font file", lambda source: shutil.copy(BUNDLED_FAMILIES["Liberation Sans"].bold, source / "course-bold.ttf"), {"c1/alpha"}),
    ("logo", lambda source: shutil.copy(source / "map.png", source / "logo.png"), {"c1/alpha"}),
    ("template", lambda source: make_template(source / "dept.pptx", potx=False, names={0: "Title"}), {"c1/alpha"}),
    ("course file", lambda source: touch_bytes(source / "courses" / "c1.yaml"), {"c1/alpha"}),
]


def test_a_second_build_rebuilds_nothing(project: Path) -> None:
    assert rebuilt(project) == {"out/alpha", "out/beta", "c1/alpha"}
    assert rebuilt(project) == set()


@pytest.mark.parametrize(("kind", "change", "expected"), CHANGES, ids=[kind for kind, _, _ in CHANGES])
def test_a_change_rebuilds_exactly_what_depends_on_it(project: Path, kind: str, change: Callable[[Path], None], expected: set[str]) -> None:
    rebuilt(project)
    change(project / "source")
    assert rebuilt(project) == expected, kind


@pytest.mark.parametrize(("kind", "change", "expected"), CHANGES, ids=[kind for kind, _, _ in CHANGES])
def test_the_manifest_alone_tells_a_change_from_a_no_op(
    project: Path, kind: str, change: Callable[[Path], None], expected: set[str]
) -> None:
    options = BuildOptions(out=project / "out")
    rebuilt(project)
    report = up_to_date([project / "source"], options)
    assert report is not None
    assert sorted(result.source for result in report.results) == sorted(
        [str(project / "source" / "alpha.yaml"), str(project / "source" / "beta.yaml"), str((project / "source" / "alpha.yaml").resolve())]
    )
    change(project / "source")
    assert up_to_date([project / "source"], options) is None, kind


@pytest.mark.parametrize(
    "change",
    [
        lambda source: (source / "gamma.yaml").write_text(MINIMAL.format(title="Gamma"), encoding="utf-8"),
        lambda source: (source / "courses" / "c1.yaml").write_text(
            "code: C1\ntitle: Course\ntheme: ../themes/theme.yaml\ntopics: [../*.yaml]\n", encoding="utf-8"
        ),
    ],
    ids=["new topic", "course now globs more topics"],
)
def test_a_new_input_is_never_taken_for_up_to_date(project: Path, change: Callable[[Path], None]) -> None:
    rebuilt(project)
    change(project / "source")
    assert up_to_date([project / "source"], BuildOptions(out=project / "out")) is None
    rebuilt(project)
    assert up_to_date([project / "source"], BuildOptions(out=project / "out")) is not None


def file_states(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """(inode, modification time, bytes) of each output in ``folder``: a file written again, even to the same bytes, gets a new inode."""
    return {path.name: (path.stat().st_ino, path.stat().st_mtime_ns, path.read_bytes()) for path in outputs(folder) if path.is_file()}


def rewritten(before: dict[str, tuple[int, int, bytes]], after: dict[str, tuple[int, int, bytes]]) -> set[str]:
    return {name for name, state in after.items() if before.get(name, state)[:2] != state[:2]}


def test_a_change_rebuilds_only_the_outputs_that_depend_on_it_and_the_summary_says_so(project: Path, tmp_path: Path) -> None:
    source, out = project / "source", project / "out"
    chosen = ("--outputs", "sheet,deck,slides,handout")
    assert run_cli(source, "--out", out, *chosen, "-q")[0] == 0
    before, loose = file_states(out / "c1"), file_states(out)
    assert set(before) == {"alpha.pdf", "alpha.pptx", "alpha-slides.pdf", "alpha-handout.pdf"}

    make_template(source / "dept.pptx", names={0: "Title"})  # the course's template edited
    status, stdout, _ = run_cli(source, "--out", out, *chosen)
    after = file_states(out / "c1")
    assert status == 0 and "built 1 of 3 topics (3 files in" in stdout and "; 2 up to date" in stdout, stdout
    assert rewritten(before, after) == {"alpha.pptx", "alpha-slides.pdf", "alpha-handout.pdf"}
    assert after["alpha.pdf"] == before["alpha.pdf"]

    status, stdout, _ = run_cli(source, "--out", out, *chosen, "--handout", "notes")
    latest = file_states(out / "c1")
    assert status == 0 and "built 3 of 3 topics (3 files in" in stdout, stdout  # one handout per topic, nothing else
    assert rewritten(after, latest) == {"alpha-handout.pdf"}
    assert rewritten(loose, file_states(out)) == {"alpha-handout.pdf", "beta-handout.pdf"}
    assert "3 up to date" in run_cli(source, "--out", out, *chosen, "--handout", "notes")[1]

    fresh = tmp_path / "fresh"
    assert run_cli(source, "--out", fresh, *chosen, "--handout", "notes", "-q")[0] == 0
    assert {name: state[2] for name, state in file_states(fresh / "c1").items()} == {name: state[2] for name, state in latest.items()}


def test_other_settings_or_formats_are_not_up_to_date(project: Path) -> None:
    rebuilt(project, outputs=("sheet",))
    assert up_to_date([project / "source"], BuildOptions(out=project / "out", outputs=("sheet",))) is not None
    assert up_to_date([project / "source"], BuildOptions(out=project / "out")) is None
    assert up_to_date([project / "source"], BuildOptions(out=project / "out", outputs=("sheet",), page_size="letter")) is None
    assert up_to_date([project / "source"], BuildOptions(out=project / "out", outputs=("sheet",), force=True)) is None


def test_a_rebuild_reads_only_the_topics_that_changed(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rebuilt(project)
    retitle(project / "source" / "alpha.yaml")
    read: list[str] = []
    load_input = sys.modules["guide.builder"].load_input
    monkeypatch.setattr(
        sys.modules["guide.builder"], "load_input", lambda path, shown=None: read.append(path.name) or load_input(path, shown)
    )
    assert rebuilt(project) == {"out/alpha", "c1/alpha"}
    assert sorted(read) == ["alpha.yaml", "alpha.yaml", "c1.yaml"]


def test_a_new_topic_cannot_take_the_id_of_one_up_to_date(project: Path) -> None:
    rebuilt(project)
    before = (project / "out" / "beta.pdf").read_bytes()
    (project / "source" / "another.yaml").write_text("id: beta\n" + MINIMAL.format(title="Other"), encoding="utf-8")
    report = build([project / "source"], BuildOptions(out=project / "out"))
    messages = [str(problem) for result in report.results for problem in result.problems]
    assert report.exit_status == 2
    assert any("another.yaml" in message and "topic id 'beta' is also used by" in message for message in messages), messages
    assert (project / "out" / "beta.pdf").read_bytes() == before


def test_an_interrupted_batch_keeps_what_it_built(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules["guide.builder"], "SAVE_EVERY", 1)
    workers = sys.modules["guide.workers"]
    render = workers._render

    def interrupted_at_beta(task: tuple, session: object) -> object:
        if task[0].topic.id == "beta":
            raise KeyboardInterrupt
        return render(task, session)

    monkeypatch.setattr(workers, "_render", interrupted_at_beta)
    with pytest.raises(KeyboardInterrupt):
        build([project / "source"], BuildOptions(out=project / "out"))
    monkeypatch.setattr(workers, "_render", render)
    assert rebuilt(project) == {"out/beta", "c1/alpha"}


def test_a_check_writes_no_manifest(project: Path) -> None:
    assert build([project / "source"], BuildOptions(out=project / "out", check_only=True)).exit_status == 0
    assert not (project / "out").exists()


def test_a_new_tool_version_or_force_rebuilds_everything_to_the_same_bytes(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rebuilt(project)
    before = {path: path.read_bytes() for folder in (project / "out", project / "out" / "c1") for path in outputs(folder) if path.is_file()}
    assert rebuilt(project, force=True) == {"out/alpha", "out/beta", "c1/alpha"}
    monkeypatch.setattr(sys.modules["guide.options"], "__version__", "99.0")
    assert rebuilt(project) == {"out/alpha", "out/beta", "c1/alpha"}
    assert {path: path.read_bytes() for path in before} == before


def test_a_deleted_edited_or_emptied_output_is_rebuilt(project: Path) -> None:
    rebuilt(project)
    (project / "out" / "alpha.pdf").unlink()
    (project / "out" / "beta.pptx").write_bytes(b"edited")
    (project / "out" / "c1" / "alpha.pptx").write_bytes(b"")  # as a power cut leaves a file the system had not yet written
    assert rebuilt(project) == {"out/alpha", "out/beta", "c1/alpha"}


def test_the_manifest_records_each_file_as_it_lies_on_disk(project: Path) -> None:
    """What a build records of the files it wrote is what a later look at them finds: their size, time and contents."""
    rebuilt(project)
    for folder in (project / "out", project / "out" / "c1"):
        targets = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))["targets"]
        assert targets, folder
        for name, entry in targets.items():
            status = (folder / name).lstat()
            found = (status.st_size, status.st_mtime_ns, hashlib.sha256((folder / name).read_bytes()).hexdigest())
            assert (entry["size"], entry["modified_ns"], entry["sha256"]) == found, name


def modules_after(arguments: list[str], cwd: Path) -> set[str]:
    """Which of the libraries and the content model a real run of the command line imported."""
    probe = (
        "import sys\nfrom guide.cli import main\n"
        f"status = main({arguments!r})\n"
        "print(status, *sorted(name for name in ('reportlab', 'pptx', 'yaml', 'guide.model') if name in sys.modules))"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", probe], cwd=cwd, env=environment, capture_output=True, text=True, check=True)
    status, *modules = result.stdout.split()
    assert status == "0", result.stderr
    return set(modules)


def test_an_up_to_date_run_imports_neither_renderer_library(tmp_path: Path) -> None:
    arguments = [str(TREATY), "--out", str(tmp_path / "out"), "-q", "--jobs", "1"]  # rendering here, where sys.modules shows it
    assert modules_after(arguments, tmp_path) == {"reportlab", "pptx", "yaml", "guide.model"}
    assert modules_after(arguments, tmp_path) == set()  # not even the parser or the content model


def test_a_pdf_build_never_imports_python_pptx(tmp_path: Path) -> None:
    assert modules_after([str(ROOT / "source"), "--out", str(tmp_path / "out"), "--format", "pdf", "-q", "--jobs", "1"], tmp_path) == {
        "reportlab",
        "yaml",
        "guide.model",
    }
