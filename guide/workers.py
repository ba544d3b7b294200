"""Rendering a build's topics: in this process, or spread over worker processes started once per build.

The unit of work is a topic's outputs of one group (its deck, or its PDFs), so even a single
topic's study sheet and deck render at once; a worker writes the files it renders under
temporary names, and this process puts a topic's files in place together. This module
imports neither the parser nor a renderer, so the command line can start a worker before it
imports them: the worker imports its renderers' library while this process reads and checks
the topic.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from importlib import import_module
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Generic, NoReturn, TypeVar

from guide.inputs import find_inputs, may_be_course
from guide.output import Staged, Written, discard, put_in_place, remove_own_temporaries, stage
from guide.outputs import REGISTRY, Output
from guide.session import BuildSession

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from guide.model import Course, Topic
    from guide.options import BuildOptions
    from guide.theme import Theme


@dataclass(frozen=True)
class RenderJob:
    """One topic to render and write: everything a worker process needs, and nothing it must look up."""

    topic: Topic
    theme: Theme
    course: Course | None
    out: Path
    outputs: tuple[str, ...]
    """Registry names of the outputs chosen; those the topic has are rendered."""
    typeset: Topic | None = None
    """The topic typeset once by the build, when outputs of it in several workers print it (see ``_typeset_once``)."""


Outcome = tuple[list[Written], str | None, str | None]
"""(files written, failure, failure detail) of one job."""

Rendered = tuple[bytes | Staged | None, str | None, str | None]
"""(file contents, or the file staged by the worker that rendered it; failure, failure detail) of one file."""


Task = tuple[RenderJob, tuple[str, ...]]
"""A topic and the outputs of it that one worker renders: those of one group."""


def _tasks(job: RenderJob) -> list[Task]:
    """The topic's outputs, one task per worker group (its deck; its PDFs together): the unit a worker process is given.

    Each task needs one library, so a fresh worker imports and prepares only one: when a
    single topic's answer key went to the worker that had rendered its deck, that worker
    first paid for reportlab's import and the fonts (about 0.12 s) the other had loaded.
    """
    groups: dict[str, list[str]] = {}
    for output, _ in REGISTRY.targets(job.topic, job.theme, job.outputs):
        groups.setdefault(output.group, []).append(output.name)
    return [(job, tuple(names)) for names in groups.values()]


def _typeset_once(job: RenderJob, tasks: Sequence[Task], session: BuildSession) -> list[Task]:
    """The tasks, given the topic typeset here if more than one of them prints it, for tasks that go to different
    processes: typesetting it in each took a millisecond and a half a topic more than sending it."""
    if sum(any(REGISTRY[name].typeset for name in names) for _, names in tasks) < 2:
        return list(tasks)
    from guide.render.common import typeset  # the renderers' module: imported once there is something to render

    typeset_job = replace(job, typeset=typeset(job.topic, job.theme.typography, session))
    return [(typeset_job, names) for _, names in tasks]


def _render(task: Task, session: BuildSession) -> list[Rendered]:
    job, names = task
    if job.typeset is not None:
        from guide.render.common import typeset

        typeset(job.topic, job.theme.typography, session, job.typeset)
    return [_render_file(job, REGISTRY[name], session) for name in names]


def _render_file(job: RenderJob, output: Output, session: BuildSession) -> Rendered:
    """One file of a topic, in memory."""
    try:
        return output.renderer()(job.topic, job.theme, job.course, session), None, None
    except Exception as error:
        return None, f"{output.file_name(job.topic.id)}: could not be rendered: {error}", traceback.format_exc()


def _staged(task: Task, rendered: list[Rendered]) -> list[Rendered]:
    """In a worker process: the task's files written under temporary names beside their targets, for the build to put in
    place with the topic's other files; sending them back through a pipe copied them four times more."""
    job, names = task
    if any(failure for _, failure, _ in rendered):
        return rendered  # the topic fails: nothing of it is written
    try:
        files = [(_target(job, name), data) for name, (data, _, _) in zip(names, rendered, strict=True) if isinstance(data, bytes) and data]
        staged = iter(stage(files))
    except OSError as error:
        failure = _not_written(error, job), traceback.format_exc()
        return [(None, *failure) for _ in names]
    return [(next(staged) if isinstance(data, bytes) and data else data, None, None) for data, _, _ in rendered]


def _target(job: RenderJob, name: str) -> Path:
    return job.out / REGISTRY[name].file_name(job.topic.id)


def _not_written(error: OSError, job: RenderJob) -> str:
    name = Path(error.filename2 or error.filename or job.out).name
    return f"{name}: could not be written: {error.strerror or error}"


def _written(job: RenderJob, tasks: Sequence[Task], rendered_by_task: Sequence[Sequence[Rendered]]) -> Outcome:
    """Put every file the topic's ``tasks`` rendered (``rendered_by_task``) in place, or none if any failed to render or be
    written: written here if rendered here, renamed into place if a worker staged it, removed if another file failed."""
    names = [name for _, outputs in tasks for name in outputs]
    rendered = [result for task_results in rendered_by_task for result in task_results]
    pending = [data for data, _, _ in rendered if isinstance(data, Staged)]  # staged, not yet put in place: removed however this ends
    try:
        for _, failure, detail in rendered:
            if failure:
                return [], failure, detail
        in_order: list[Staged] = []
        for name, (data, _, _) in zip(names, rendered, strict=True):
            if isinstance(data, Staged):
                in_order.append(data)
            elif data:  # rendered in this process
                here = stage([(_target(job, name), data)])
                pending += here
                in_order += here
        pending = []  # put_in_place removes what it does not rename
        return put_in_place(in_order), None, None
    except OSError as error:
        return [], _not_written(error, job), traceback.format_exc()
    finally:
        discard(pending)


PARENT_CHECK_SECONDS = 0.5
LARGEST_CHUNK = 8
"""Tasks sent to a worker at once in a long batch (four topics): each message costs both
processes a few thread and pipe hand-overs, which at one task each took ~1 ms a topic."""
TOPICS_AHEAD_PER_WORKER = 16
"""Topics read, checked and sent ahead of the one being written, per worker: enough to keep
every worker busy, few enough that memory does not grow with the batch."""

WORKER_COLLECTION_THRESHOLD = 100_000
"""Objects a worker allocates (less those freed) before the collector runs on its own: a message of
topics keeps some 20,000, so the collector runs on its own only now and then, over what the current message
has made since the last freeze."""

MESSAGES_BETWEEN_COLLECTIONS = 8
"""Messages a worker renders between full collections (some 32 topics): what a message leaves in
reference cycles (the structure trees of a PDF and of the layouts tried for it) waits that long,
some 5 MB at most, while a collection before every message walked the 20,000 objects each leaves
in the session's caches, some 3 ms of each topic."""

START_METHOD = "fork" if sys.platform == "linux" else None
"""How worker processes start: forked on Linux, where a worker begins with the libraries
already imported; elsewhere the platform's own way (spawn on macOS and Windows), slower to
start but safe."""


class _Worker:
    """What a worker process keeps from one task to the next: its own session, for as long as the build lasts."""

    session: BuildSession | None = None
    messages = 0
    """Messages rendered since the last full collection."""
    folders: ClassVar[set[Path]] = set()
    """Where this worker has staged files: should the build end without putting them in place, they are removed."""
    staging = threading.Lock()
    """Held while files are staged, so that a worker whose build has ended never leaves one half-written or writes one more."""

    @classmethod
    def start(cls, parent: int) -> None:
        """Run in each new worker: end with the build, ignore Ctrl-C, keep a session, and keep collections cheap."""
        _ignore_interrupts()
        cls.session = BuildSession()
        threading.Thread(target=_end_with_parent, args=(parent,), name="follow-parent", daemon=True).start()
        # What the worker inherited or imported lives for the whole build: frozen, full collections skip it.
        gc.collect()
        gc.freeze()
        # Rendering frees a document by reference counting (but a PDF's structure tree), and the
        # collection before each message frees what is left: the collector's own passes, hundreds
        # a topic at the default threshold, found next to nothing and took some 3 ms of each topic.
        # They now come only if a message allocates far beyond a few topics' worth.
        gc.set_threshold(WORKER_COLLECTION_THRESHOLD)

    @classmethod
    def render_many(cls, tasks: list[Task]) -> list[list[Rendered]]:
        if cls.session is None:
            cls.session = BuildSession()
        if cls.messages:
            # What a message leaves (the session's caches, the renderers' libraries the first one
            # imported, and a PDF's structure tree in reference cycles) is frozen before the next, so
            # that the collector's own passes skip it; every so many messages it is thawed and what
            # is garbage collected. Before the next tasks rather than after these, so that no result
            # waits for it: a lone topic's files never do.
            if cls.messages >= MESSAGES_BETWEEN_COLLECTIONS:
                gc.unfreeze()
                gc.collect()
                cls.messages = 0
            gc.freeze()
        rendered = [cls.staged(task, _render(task, cls.session)) for task in tasks]
        cls.messages += 1
        return rendered

    @classmethod
    def staged(cls, task: Task, rendered: list[Rendered]) -> list[Rendered]:
        with cls.staging:
            cls.folders.add(task[0].out)
            return _staged(task, rendered)


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C back while worker processes start.

    Ctrl-C reaches every process of the terminal's group. The build alone answers it, ending
    its workers, so that none prints a traceback of its own: a worker starts with Ctrl-C held,
    as it was when it was made, and ignores it before letting it through; the build receives
    one pressed meanwhile as soon as its workers exist.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _ignore_interrupts() -> None:
    """In a worker, started with Ctrl-C held (see ``_interrupts_held``): ignore it, then let it through."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _end_with_parent(parent: int) -> None:
    """End this worker when the build that started it ends, however it ends.

    A worker waits for work on a pipe it also holds open itself, so it never sees the build
    go: killed (by a signal, by the memory limit), the build would leave its workers waiting
    forever. A daemon thread checks who the parent is instead. The files the worker staged that
    the build did not live to put in place are removed as it goes: a build started meanwhile
    leaves a live process's temporaries alone.
    """
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    _Worker.staging.acquire()  # held until the end: no file is staged after the build's
    try:
        for folder in _Worker.folders:
            remove_own_temporaries(folder)
    finally:
        os._exit(1)


class _Helper:
    """A worker process forked for one task, before the task is known: it imports the renderers of ``names`` meanwhile.

    A lone topic's build is over in a third of a second, so it has no use for a pool's
    machinery (importing ``multiprocessing`` and ``concurrent.futures`` alone took 20 ms before
    the fork). The task goes down one pipe and its files come back up another; the worker
    ends after it, or when the build closes its end of the pipe without sending one,
    however the build ends.
    """

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        task_reader, self._task_writer = os.pipe()
        self._result_reader, result_writer = os.pipe()
        self.pid: int | None = os.fork()
        if self.pid == 0:
            os.close(self._task_writer)
            os.close(self._result_reader)
            _helper_main(names, task_reader, result_writer)
        os.close(task_reader)
        os.close(result_writer)
        self._sender: threading.Thread | None = None

    def send(self, task: Task) -> None:
        """Hand the worker its task, from a thread: the worker reads it only once its imports are done, and a pipe holds 64 kB."""
        data = pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL)
        self._sender = threading.Thread(target=_send_and_close, args=(self._task_writer, data), name="send-task", daemon=True)
        self._sender.start()

    def result(self, task: Task) -> list[Rendered]:
        """The task's files, once the worker has rendered them; a failure for each if the worker ended without them."""
        with os.fdopen(self._result_reader, "rb") as stream:
            self._result_reader = -1
            data = stream.read()
        if self.pid is not None:
            os.waitpid(self.pid, 0)
            self.pid = None
        if data:
            rendered: list[Rendered] = pickle.loads(data)
            return rendered
        job, names = task
        ended = "could not be rendered: its worker process ended"
        return [(None, f"{REGISTRY[name].file_name(job.topic.id)}: {ended}", None) for name in names]

    def end(self) -> None:
        """End the worker if it is still running (the build is over or interrupted) and let go of its pipes."""
        if self.pid is not None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None
        if self._sender is None and self._task_writer >= 0:
            os.close(self._task_writer)
            self._task_writer = -1
        if self._result_reader >= 0:
            os.close(self._result_reader)
            self._result_reader = -1


def _send_and_close(descriptor: int, data: bytes) -> None:
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
    except OSError:
        pass  # the worker has ended: the build reports its files as not rendered


def _helper_main(names: tuple[str, ...], task_reader: int, result_writer: int) -> NoReturn:
    """The forked worker: import, read the task, render it, send the files back, and leave without tidying up."""
    status = 1
    try:
        gc.disable()  # one task and the process ends: its garbage goes with it, uncollected (see cli._build)
        _ignore_interrupts()
        for name in names:
            REGISTRY[name].renderer()
        with os.fdopen(task_reader, "rb") as stream:
            data = stream.read()
        if data:
            task: Task = pickle.loads(data)
            rendered = pickle.dumps(_render(task, BuildSession()), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(result_writer, "wb") as stream:
                stream.write(rendered)
        status = 0
    finally:
        os._exit(status)  # the build's own exit handlers and buffers are not this process's to run


P = TypeVar("P")
_Handle = tuple["Future[list[list[Rendered]]]", int]
"""Where a task's files will be: the future of the message it was sent in, and its place in the message."""


@dataclass(frozen=True)
class _InFlight(Generic[P]):
    """A topic sent to the workers: what it came with, its job, its tasks, and where each task's results will be."""

    payload: P
    job: RenderJob
    tasks: list[Task]
    handles: list[_Handle]


class Workers:
    """Renders in this process, or spreads the files of all topics over worker processes started once per build.

    The unit of work is a topic's outputs of one group (its deck, or its PDFs), so even a single
    topic's study sheet and deck render at once; a worker writes the files it renders under
    temporary names, and this process puts a topic's files in place together. Each worker keeps
    its own session (registered fonts, read templates) from one file to the next; this process
    renders with the build's.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self.pool: ProcessPoolExecutor | None = None
        self.helper: _Helper | None = None
        """A worker forked ahead of a lone topic (see ``prepare``)."""
        self.unplaced: dict[_Handle, None] = {}
        """Tasks sent to the workers whose files are not yet put in place: staged by a worker, removed if the build ends first."""

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exception: object) -> None:
        if self.helper is not None:
            self.helper.end()
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)  # once the tasks under way are done
            for future, index in self.unplaced:
                if future.done() and not future.cancelled() and future.exception() is None:
                    discard(data for data, _, _ in future.result()[index] if isinstance(data, Staged))

    def prepare(self, paths: Sequence[Path], options: BuildOptions) -> bool:
        """Whether ``paths`` hold a lone topic to render; if so, fork its worker now, which imports and renders its PDFs.

        The PDFs are the longest to render and reportlab the longest to import: the worker
        imports it while this process still imports the parser and reads and checks the topic,
        on the other CPU (one after the other, the two libraries' imports alone took half a
        lone topic's build); this process renders the rest. The outputs are a guess (a theme
        may choose others): a wrong one costs only the worker's time. Deciding reads no more
        than the up-to-date check did, so the command line asks before it imports the parser.
        Only where workers are forked; elsewhere a lone topic's workers start when it is ready.
        """
        inputs = find_inputs(paths)
        if options.check_only or len(inputs) != 1 or may_be_course(inputs[0]):
            return False
        if self.jobs > 1 and START_METHOD == "fork":
            import_module("guide.model")  # both processes need the content model (10 ms): imported once, before the fork
            outputs = options.outputs or REGISTRY.defaults()
            groups = [REGISTRY[name].group for name in outputs]
            with _interrupts_held():  # Ctrl-C reaches the build alone, which ends the worker once it is known here
                self.helper = _Helper(tuple(name for name, group in zip(outputs, groups, strict=True) if group == groups[0]))
        return True

    def run(self, jobs: Iterable[tuple[P, RenderJob]], session: BuildSession) -> Iterator[tuple[P, Outcome]]:
        """Each job's outcome beside what it came with, in the order given, each as soon as it and those before it are done.

        Jobs are taken from ``jobs`` only as the workers are ready for them, a bounded number
        of topics ahead of the one being written, never the whole batch at once. What renders
        in this process renders with ``session``.
        """
        pending = iter(jobs)
        first = list(islice(pending, 2))
        if len(first) == 1 and self.helper is not None:
            payload, job = first[0]
            yield payload, self._helped(job, self.helper, session)
            return
        if self.jobs == 1 or (len(first) == 1 and len(_tasks(first[0][1])) < 2):
            for payload, job in chain(first, pending):
                tasks = _tasks(job)
                yield payload, _written(job, tasks, [_render(task, session) for task in tasks])
            return
        if len(first) == 1:
            payload, job = first[0]
            yield payload, self._alone(job, session)
            return
        in_flight: deque[_InFlight[P]] = deque()
        chunk: list[tuple[P, RenderJob]] = []
        sent = 0
        for pair in chain(first, pending):
            chunk.append(pair)
            # One topic to a message while there are few, so a small build spreads over every worker.
            if len(chunk) >= (1 if sent < 2 * self.jobs else LARGEST_CHUNK // 2):
                in_flight += self._sent(chunk, session)
                sent += 1
                chunk = []
            while len(in_flight) > TOPICS_AHEAD_PER_WORKER * self.jobs:
                yield self._collected(in_flight.popleft())
        in_flight += self._sent(chunk, session)
        while in_flight:
            yield self._collected(in_flight.popleft())

    def _helped(self, job: RenderJob, helper: _Helper, session: BuildSession) -> Outcome:
        """A lone topic with a worker forked for it: the worker renders the group it prepared for, this process the others."""
        tasks = _typeset_once(job, _tasks(job), session)
        away = next((task for task in tasks if task[1][0] in helper.names), None)
        if away is None:
            helper.end()  # it prepared for outputs this topic does not have
        else:
            helper.send(away)
        rendered = [_render(task, session) for task in tasks if task is not away]
        if away is not None:
            rendered.insert(tasks.index(away), helper.result(away))
        return _written(job, tasks, rendered)

    def _alone(self, job: RenderJob, session: BuildSession) -> Outcome:
        """A lone topic: its first group of outputs (its PDFs) renders here while workers render the others.

        This process would only wait for its workers; rendering here spares the longest task
        a worker's start (its collection of the inherited heap, the job and the files sent
        through pipes), which a single topic's build waits for.
        """
        tasks = _typeset_once(job, _tasks(job), session)
        here, *others = tasks
        pool = self._pool(min(self.jobs, len(others)))
        with _interrupts_held():  # the submission starts the workers; Ctrl-C waits until their files are known
            handles = [(pool.submit(_Worker.render_many, [task]), 0) for task in others]
            self.unplaced.update(dict.fromkeys(handles))
        return self._put_in_place(job, tasks, handles, [_render(here, session)])

    def _sent(self, chunk: list[tuple[P, RenderJob]], session: BuildSession) -> list[_InFlight[P]]:
        """The chunk's topics sent to the workers: one message for several topics, or one per task for a lone topic."""
        if not chunk:
            return []
        apart = len(chunk) == 1  # a lone topic's tasks go to several workers; several topics' tasks to one, which shares its typesetting
        tasks = [_typeset_once(job, _tasks(job), session) if apart else _tasks(job) for _, job in chunk]
        flat = [task for topic_tasks in tasks for task in topic_tasks]
        messages = [[task] for task in flat] if apart else [flat]
        pool = self._pool()
        with _interrupts_held():  # a submission may start workers; Ctrl-C waits until its files are known, to be removed
            futures = [pool.submit(_Worker.render_many, message) for message in messages]
            handles = [(future, index) for future, message in zip(futures, messages, strict=True) for index in range(len(message))]
            self.unplaced.update(dict.fromkeys(handles))
        sent: list[_InFlight[P]] = []
        for (payload, job), topic_tasks in zip(chunk, tasks, strict=True):
            sent.append(_InFlight(payload, job, topic_tasks, handles[: len(topic_tasks)]))
            handles = handles[len(topic_tasks) :]
        return sent

    def _collected(self, entry: _InFlight[P]) -> tuple[P, Outcome]:
        return entry.payload, self._put_in_place(entry.job, entry.tasks, entry.handles)

    def _put_in_place(self, job: RenderJob, tasks: list[Task], handles: list[_Handle], here: Sequence[list[Rendered]] = ()) -> Outcome:
        """The topic's files put in place: those of ``tasks`` rendered ``here`` first, then each of ``handles``' once its worker
        is done with it. The handles stay listed as unplaced until then, so that an interrupted build removes whatever of
        their files is left (a name already renamed away is simply not found)."""
        outcome = _written(job, tasks, [*here, *(future.result()[index] for future, index in handles)])
        for handle in handles:
            del self.unplaced[handle]
        return outcome

    def _pool(self, workers: int | None = None) -> ProcessPoolExecutor:
        """The worker processes, started on first use: ``workers`` of them, or ``--jobs``."""
        if self.pool is None:
            import multiprocessing  # a build that renders in this process never pays for it
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context(START_METHOD)
            self.pool = ProcessPoolExecutor(workers or self.jobs, context, initializer=_Worker.start, initargs=(os.getpid(),))
        return self.pool
