"""A lone topic's worker, forked before the topic is read: the same files, its failures reported, Ctrl-C obeyed."""

from __future__ import annotations

import gc
import os
import pickle
import signal
import subprocess
import sys
import time
import weakref
from pathlib import Path
from typing import Any

import pytest

import guide.workers
from guide import load_topic
from guide.load import named_theme
from guide.outputs import REGISTRY
from guide.session import BuildSession
from guide.workers import RenderJob, Task
from tests.conftest import ROOT, TREATY, counting_typesetting, outputs, run_cli, temporaries
from tests.test_failure_safety import children, many_topics, running

forks = pytest.mark.skipif(guide.workers.START_METHOD != "fork", reason="a lone topic's worker is forked ahead only where workers fork")


@forks
@pytest.mark.parametrize("chosen", ["sheet,answers,quiz,quiz-answers,deck", "sheet", "deck,html,csv"])
def test_a_lone_topic_gives_the_same_bytes_with_a_worker_forked_for_it(tmp_path: Path, chosen: str) -> None:
    files = {}
    for jobs in ("1", "2"):
        status, _, err = run_cli(TREATY, "--out", tmp_path / jobs, "--outputs", chosen, "--jobs", jobs, "-q")
        assert status == 0, err
        files[jobs] = {path.name: path.read_bytes() for path in outputs(tmp_path / jobs)}
    assert len(files["1"]) == len(chosen.split(","))
    assert files["1"] == files["2"]


@forks
def test_a_worker_that_dies_fails_its_topic_which_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build = os.getpid()
    render = guide.workers._render

    def dies_in_the_worker(task: Task, session: object) -> object:
        if os.getpid() != build:
            os._exit(3)  # as a worker the system killed for its memory would
        return render(task, session)  # type: ignore[arg-type]

    monkeypatch.setattr(guide.workers, "_render", dies_in_the_worker)
    status, _, err = run_cli(TREATY, "--out", tmp_path / "out", "--jobs", "2")
    assert status == 1
    assert "treaty-of-berlin-1926.pdf: could not be rendered: its worker process ended" in err
    assert not (tmp_path / "out").exists() or outputs(tmp_path / "out") == []


@forks
def test_outputs_a_theme_chooses_unlike_the_guess_still_build(tmp_path: Path) -> None:
    """The worker is forked for the default outputs' PDFs; a theme choosing the deck alone leaves it unused."""
    theme = tmp_path / "deck-only.yaml"
    theme.write_text("outputs: [deck]\n", encoding="utf-8")
    status, _, err = run_cli(TREATY, "--theme", theme, "--out", tmp_path / "out", "--jobs", "2", "-q")
    assert status == 0, err
    assert [path.name for path in outputs(tmp_path / "out")] == ["treaty-of-berlin-1926.pptx"]


@forks
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc")
@pytest.mark.parametrize("later", [0.0, 0.15], ids=["as-the-worker-imports", "while-rendering"])
def test_ctrl_c_on_a_lone_topic_ends_its_worker_too(tmp_path: Path, later: float) -> None:
    out = tmp_path / "out"
    command = [sys.executable, str(ROOT / "make_materials.py"), str(TREATY), "--out", str(out), "--jobs", "2", "-q"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 30
    while not (workers := children(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(workers) == 1, "the build should have forked one worker for its lone topic"
    time.sleep(later)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: to the whole group
    stdout, stderr = process.communicate(timeout=30)
    if process.returncode == 0:
        pytest.skip("the build was over before Ctrl-C reached it")
    assert process.returncode == 130
    assert stderr.decode().strip() == "interrupted", stderr.decode()
    assert stdout == b""
    assert not running(workers)
    assert not out.exists() or temporaries(out) in ([], [out / ".manifest.json"])


def test_each_output_typesets_the_topic_as_the_registry_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """The registry's word decides whether the build typesets a topic once for its workers: it must be true of the renderer."""
    typeset = counting_typesetting(monkeypatch)
    treaty, theme = load_topic(TREATY).topic, named_theme("classic")
    for output, _ in REGISTRY.targets(treaty, theme, REGISTRY.names()):
        del typeset[:]
        output.renderer()(treaty, theme, None, BuildSession())
        assert bool(typeset) == output.typeset, output.name


@pytest.mark.parametrize(
    ("chosen", "shared"), [("sheet,answers,deck", True), ("deck,html,csv", True), ("sheet,answers,csv", False), ("deck,anki", False)]
)
def test_a_topic_printed_by_several_workers_is_typeset_once_and_gives_the_same_bytes(
    monkeypatch: pytest.MonkeyPatch, chosen: str, shared: bool
) -> None:
    typeset = counting_typesetting(monkeypatch)
    treaty, theme = load_topic(TREATY).topic, named_theme("classic")
    job = RenderJob(treaty, theme, None, Path("out"), tuple(chosen.split(",")))
    alone = [guide.workers._render(task, BuildSession()) for task in guide.workers._tasks(job)]
    del typeset[:]
    tasks = guide.workers._typeset_once(job, guide.workers._tasks(job), BuildSession())
    assert typeset == ([treaty.title] if shared else [])
    assert all((task_job.typeset is not None) == shared for task_job, _ in tasks)
    sent = [pickle.loads(pickle.dumps(task)) for task in tasks]  # as a worker process receives each, with a session of its own
    assert [guide.workers._render(task, BuildSession()) for task in sent] == alone
    assert typeset == [treaty.title]  # by the build for all its workers, or by the one worker that prints it


def test_a_topic_whose_deck_fails_in_a_batch_writes_none_of_its_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its study sheet and key, written by the other worker, are removed, not put in place; the other topics build."""
    import guide.render.pptx
    from guide.builder import BuildOptions, build

    real = guide.render.pptx.render_deck

    def fails_for_one(topic: Any, *rest: Any) -> bytes:
        if topic.id == "treaty-01":
            raise ValueError("no deck today")
        return real(topic, *rest)

    monkeypatch.setattr(guide.render.pptx, "render_deck", fails_for_one)  # the workers, forked later, inherit it
    out = tmp_path / "out"
    report = build([many_topics(tmp_path, count=4)], BuildOptions(out=out, jobs=2))
    failed = {result.source: result.failure for result in report.results if result.failure}
    assert failed == {str(tmp_path / "source" / "treaty-01.yaml"): "treaty-01.pptx: could not be rendered: no deck today"}
    assert sorted(path.name for path in outputs(out) if path.name.startswith("treaty-01")) == []
    assert len(outputs(out)) == 3 * 5  # sheet, key, quiz paper, its key and deck of each other topic
    assert temporaries(out) == []


def test_files_a_worker_staged_are_removed_when_the_build_ends_before_putting_them_in_place(tmp_path: Path) -> None:
    """As when Ctrl-C ends a batch: what the workers wrote for topics not yet put in place goes with the build."""
    from guide.load import load_input

    source = many_topics(tmp_path, count=6)
    theme, out = named_theme("classic"), tmp_path / "out"
    jobs = [
        (path, RenderJob(load_input(path, str(path)).topic, theme, None, out, ("sheet", "deck"))) for path in sorted(source.glob("*.yaml"))
    ]
    with guide.workers.Workers(2) as workers:
        outcomes = workers.run(iter(jobs), BuildSession())
        _, (written, failure, _) = next(outcomes)
        assert failure is None and [file.path.name for file in written] == ["treaty-00.pdf", "treaty-00.pptx"]
        outcomes.close()  # the build ends here, its other topics rendered or under way
    assert sorted(path.name for path in outputs(out)) == ["treaty-00.pdf", "treaty-00.pptx"]
    assert temporaries(out) == []


class Cycle:
    """What a renderer may leave for the collector: an object that refers to itself."""

    def __init__(self) -> None:
        self.me = self


def test_a_workers_garbage_in_cycles_is_frozen_between_messages_and_collected_every_so_many(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    left: list[weakref.ref[Cycle]] = []

    def leaves_a_cycle(task: Task, session: BuildSession) -> list[guide.workers.Rendered]:
        left.append(weakref.ref(Cycle()))
        return []

    monkeypatch.setattr(guide.workers, "_render", leaves_a_cycle)
    monkeypatch.setattr(guide.workers._Worker, "staged", classmethod(lambda cls, task, rendered: rendered))
    monkeypatch.setattr(guide.workers._Worker, "messages", 0)
    every = guide.workers.MESSAGES_BETWEEN_COLLECTIONS
    task = (None, ())
    threshold = gc.get_threshold()
    gc.set_threshold(guide.workers.WORKER_COLLECTION_THRESHOLD)
    try:
        for _ in range(every):
            guide.workers._Worker.render_many([task])
        assert all(cycle() is not None for cycle in left)  # no collection walked the messages' leftovers yet
        guide.workers._Worker.render_many([task])
        assert [cycle() is None for cycle in left] == [True] * every + [False]  # all but the last message's, collected
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
