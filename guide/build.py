"""What to build and building it: inputs found, themes resolved, topics validated, rendered, written.

Topics given on their own build into the output folder with the default theme (or
``--theme``); each course builds its topics into ``<out>/<course-id>/`` with its theme. A
topic is all or nothing: every file it produces is rendered in memory first and written only
when all of them succeeded. One topic's failure never stops the others.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from guide.coverage import coverage_problems
from guide.errors import InputError
from guide.inputs import find_inputs, shown
from guide.load import LoadedCourse, LoadedTheme, LoadedTopic, ThemeChain, load_input, load_theme
from guide.load.theme import contrast_warnings, label_problems, template_problems
from guide.manifest import Digests, Manifests
from guide.model import Course, Topic
from guide.options import FORMATS, BuildOptions
from guide.output import remove_leftovers, write_atomically
from guide.report import BuildReport, Progress, TopicResult
from guide.theme import Theme

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

SAVE_EVERY = 50
"""Topics built between two saves of a folder's manifest during a long batch."""

Renderer = Callable[[Topic, Theme, Course | None], bytes]


@dataclass
class _Group:
    """Topics that build into one folder with one theme: the loose topics, or one course."""

    out: Path
    themes: tuple[ThemeChain, ...]
    course: LoadedCourse | None = None
    topics: list[Path] = field(default_factory=list)
    loaded: dict[Path, LoadedTopic] = field(default_factory=dict)
    """Topics already read while telling topics from courses, so no file is read twice."""


def targets(topic: Topic, formats: Iterable[str]) -> list[tuple[str, str]]:
    """(file name, kind) of each file a topic produces in the chosen formats; kinds name renderers."""
    names: list[tuple[str, str]] = []
    if "pdf" in formats:
        names.append((f"{topic.id}.pdf", "study_sheet"))
        if topic.questions:
            names.append((f"{topic.id}-answers.pdf", "answer_key"))
    if "pptx" in formats:
        names.append((f"{topic.id}.pptx", "deck"))
    return names


def renderer(kind: str) -> Renderer:
    """The renderer of a kind of file, imported only now: a PDF-only build never loads python-pptx."""
    if kind == "deck":
        from guide.render import pptx

        return pptx.render_deck
    from guide.render import pdf

    return pdf.render_study_sheet if kind == "study_sheet" else pdf.render_answer_key


def build(paths: Sequence[Path], options: BuildOptions, progress: Progress | None = None) -> BuildReport:
    """Build every topic and course in ``paths``; never raises for bad input, reports it instead."""
    report = BuildReport()
    command_line = ThemeChain()
    if options.theme:
        command_line.named(options.theme)
        if command_line.problems:
            report.usage += command_line.problems
            return report
    run = _Run(options, report, progress or Progress())
    loose = _Group(options.out, (command_line,))
    groups = [loose]
    inputs = find_inputs(paths)
    run.progress.expect(len(inputs))
    course_ids: dict[str, str] = {}
    for path in inputs:
        if run.current_topic(options.out, path) is not None:
            loose.topics.append(path)  # built here before from these very bytes: no need to read it
            continue
        try:
            loaded = load_input(path, str(path))
        except InputError as error:
            report.results.append(TopicResult(str(path), problems=list(error.problems)))
            run.progress.finished()
            continue
        if isinstance(loaded, LoadedCourse):
            first = course_ids.setdefault(loaded.course.id, str(path))
            if first != str(path):
                message = f"course id '{loaded.course.id}' is also used by {first}; two courses cannot share an output folder"
                report.results.append(TopicResult(str(path), problems=[loaded.origin.problem(("id",), message)]))
                run.progress.finished()
                continue
            run.progress.expect(len(loaded.topics) - 1)
            run.digests.remember(path, loaded.digest)
            run.digests.remember(path.resolve(), loaded.digest)
            if not options.check_only:  # a check writes nothing, not even a manifest
                run.manifests[options.out].record_course(path, run.digests(path), loaded.course.id, loaded.patterns)
            groups.append(_Group(options.out / loaded.course.id, (loaded.theme, command_line), loaded, list(loaded.topics)))
        else:
            loose.topics.append(path)
            loose.loaded[path] = loaded
    with _Workers(options.jobs) as workers:
        for group in groups:
            if group.topics:
                _build_group(group, run, workers)
                run.manifests.save()
    run.manifests.save()  # courses recorded even when all their topics were up to date
    report.warnings += run.manifests.warnings()
    return report


@dataclass
class _Run:
    """What the groups of one build share: its options and report, the manifests, each file's digest."""

    options: BuildOptions
    report: BuildReport
    progress: Progress
    manifests: Manifests = field(default_factory=Manifests)
    digests: Digests = field(default_factory=Digests)
    current: dict[tuple[Path, Path], str | None] = field(default_factory=dict)

    def current_topic(self, folder: Path, path: Path) -> str | None:
        """The id of the topic at ``path`` if its targets in ``folder`` are up to date (never when forced or checking).

        Asked once per topic when telling topics from courses and again in its group; answered once.
        """
        if self.options.force or self.options.check_only:
            return None
        if (folder, path) not in self.current:
            manifest = self.manifests[folder]
            self.current[folder, path] = manifest.current_topic(path, self.options.formats, self.options.settings, self.digests)
        return self.current[folder, path]


def _build_group(group: _Group, run: _Run, workers: _Workers) -> None:
    results = [TopicResult(shown(path) if group.course else str(path)) for path in group.topics]
    ids_seen: dict[str, str] = {}
    pending: list[tuple[Path, TopicResult]] = []
    for path, result in zip(group.topics, results, strict=True):
        topic_id = run.current_topic(group.out, path)
        if topic_id is None or topic_id in ids_seen:
            pending.append((path, result))
        else:
            ids_seen[topic_id] = result.source
            result.up_to_date = True
            run.progress.finished()
    if pending and not _build_topics(group, pending, ids_seen, run, workers):
        results = [result for result in results if result.up_to_date]  # the theme's problems stand for the rest
    run.report.results += results


def _build_topics(group: _Group, pending: list[tuple[Path, TopicResult]], ids_seen: dict[str, str], run: _Run, workers: _Workers) -> bool:
    """Validate the group's topics that are not up to date, then render those that are valid; False if the theme is invalid."""
    options, manifest = run.options, run.manifests[group.out]
    resolved = _theme(group, run, str(group.course.path) if group.course else (options.theme or ""))
    if resolved is None:
        run.progress.finished(len(pending))
        return False
    theme, theme_files = resolved
    if group.course and group.out.is_symlink():
        message = f"the output folder {group.out} is a symbolic link; outputs are never written through one"
        run.report.results.append(TopicResult(str(group.course.path), problems=[group.course.origin.problem(("id",), message)]))
        run.progress.finished(len(pending))
        return False
    if not options.check_only:
        remove_leftovers(group.out)
    to_render: list[tuple[LoadedTopic, TopicResult, list[Path]]] = []
    for path, result in pending:
        loaded = _validated(path, result, group.loaded.get(path))
        if loaded:
            run.digests.remember(path.resolve(), loaded.digest)
        first = ids_seen.setdefault(loaded.topic.id, result.source) if loaded else None
        if loaded and first != result.source:
            result.problems.append(loaded.origin.problem(("id",), f"topic id '{loaded.topic.id}' is also used by {first}"))
        if loaded is None or result.problems:
            run.progress.finished()
            continue
        # Glyph coverage needs the fonts' tables: only for what is checked or built now.
        result.problems += coverage_problems(loaded.topic, loaded.origin, (theme.heading_font, theme.body_font))
        if result.problems or options.check_only:
            run.progress.finished()
        else:
            to_render.append((loaded, result, [path.resolve(), *(Path(image.file) for image in loaded.topic.images), *theme_files]))
    course = group.course.course if group.course else None
    jobs = [_RenderJob(loaded.topic, theme, course, group.out, tuple(options.formats)) for loaded, _, _ in to_render]
    for count, ((loaded, result, inputs), outcome) in enumerate(zip(to_render, workers.run(jobs), strict=True), start=1):
        result.written, result.failure, result.failure_detail = outcome
        run.progress.finished()
        if result.written:
            manifest.record_topic(loaded.path, loaded.topic.id, inputs, [name for name, _ in targets(loaded.topic, FORMATS)])
            manifest.record_targets(result.written, manifest.key(inputs, options.settings, run.digests))
        if count % SAVE_EVERY == 0:
            manifest.save()  # an interrupted batch keeps what it built
    return True


def _theme(group: _Group, run: _Run, source: str) -> tuple[Theme, list[Path]] | None:
    """The group's resolved theme and the files it was made from (course file first), or None with its problems reported."""
    options, report = run.options, run.report
    try:
        loaded: LoadedTheme = load_theme(*group.themes)
    except InputError as error:
        report.results.append(TopicResult(source, problems=list(error.problems)))
        return None
    for path, digest in loaded.parsed.items():
        run.digests.remember(path, digest)
    problems, warnings = template_problems(loaded) if "pptx" in options.formats else ([], [])
    problems += label_problems(loaded)
    warnings += contrast_warnings(loaded)
    if options.strict:
        problems += warnings
    else:
        report.warnings += [warning for warning in warnings if warning not in report.warnings]
    if problems:
        report.results.append(TopicResult(source, problems=problems))
        return None
    theme = loaded.theme
    if options.page_size:
        theme = theme.with_page_size(options.page_size)
    if options.slide_aspect:
        theme = theme.with_slide_aspect(options.slide_aspect)
    course_file = [group.course.path.resolve()] if group.course else []
    return theme, [*course_file, *loaded.files]


def _validated(path: Path, result: TopicResult, loaded: LoadedTopic | LoadedCourse | None) -> LoadedTopic | None:
    if loaded is None:
        try:
            loaded = load_input(path, result.source)
        except InputError as error:
            result.problems.extend(error.problems)
            return None
    if isinstance(loaded, LoadedCourse):
        result.problems.append(loaded.origin.problem((), "this is a course file; a course cannot list another course"))
        return None
    return None if result.problems else loaded


@dataclass(frozen=True)
class _RenderJob:
    """One topic to render and write: everything a worker process needs, and nothing it must look up."""

    topic: Topic
    theme: Theme
    course: Course | None
    out: Path
    formats: tuple[str, ...]


Outcome = tuple[list[Path], str | None, str | None]
"""(files written, failure, failure detail) of one job."""

Rendered = tuple[bytes | None, str | None, str | None]
"""(file contents, failure, failure detail) of one file."""


Task = tuple[_RenderJob, tuple[tuple[str, str], ...]]
"""A topic and the (file name, kind) of the files one worker renders for it."""


def _tasks(job: _RenderJob) -> list[Task]:
    """The topic's deck, then its PDFs together: the unit a worker process is given.

    Each task needs one library, so a fresh worker imports and prepares only one: when a
    single topic's answer key went to the worker that had rendered its deck, that worker
    first paid for reportlab's import and the fonts (about 0.12 s) the other had loaded.
    """
    files = targets(job.topic, job.formats)
    decks = tuple(file for file in files if file[1] == "deck")
    documents = tuple(file for file in files if file[1] != "deck")
    return [(job, group) for group in (decks, documents) if group]


def _render(task: Task) -> list[Rendered]:
    job, files = task
    return [_render_file(job, name, kind) for name, kind in files]


def _render_file(job: _RenderJob, name: str, kind: str) -> Rendered:
    """One file of a topic, in memory."""
    try:
        return renderer(kind)(job.topic, job.theme, job.course), None, None
    except Exception as error:
        return None, f"{name}: could not be rendered: {error}", traceback.format_exc()
    finally:
        if kind == "deck":
            # A deck's parts and XML proxies form reference cycles holding its XML (a fifth of a
            # megabyte) until a full collection, which a long batch rarely reaches: memory grew
            # with every deck. What survives the collection (the renderers' modules imported by
            # the first file, fonts, templates) lives on: frozen, the next collection skips it,
            # which keeps each at ~1 ms instead of 8.
            gc.collect()
            gc.freeze()


def _write(job: _RenderJob, names: Sequence[str], rendered: Sequence[Rendered]) -> Outcome:
    """Write every file of a topic, or none if any failed to render or to be written."""
    for _, failure, detail in rendered:
        if failure:
            return [], failure, detail
    files = [(job.out / name, data) for name, (data, _, _) in zip(names, rendered, strict=True) if data is not None]
    try:
        write_atomically(files)
    except OSError as error:
        name = Path(error.filename2 or error.filename or job.out).name
        return [], f"{name}: could not be written: {error.strerror or error}", traceback.format_exc()
    return [path for path, _ in files], None, None


PARENT_CHECK_SECONDS = 0.5
LARGEST_CHUNK = 8
"""Tasks sent to a worker at once in a long batch (four topics): each message costs both
processes a few thread and pipe hand-overs, which at one task each took ~1 ms a topic."""


def _chunk_size(tasks: int, jobs: int) -> int:
    """Tasks per message to a worker: one while there are few, so a small build spreads over
    every worker (a single topic's deck and PDFs render at once), up to LARGEST_CHUNK."""
    return max(1, min(LARGEST_CHUNK, tasks // (4 * jobs)))


def _follow_parent(parent: int) -> None:
    """Make this worker end when the build that started it ends, however it ends.

    A worker waits for work on a pipe it also holds open itself, so it never sees the build
    go: killed (by a signal, by the memory limit), the build would leave its workers waiting
    forever. A daemon thread checks who the parent is instead. Ctrl-C reaches every process
    of the terminal's group: the build alone answers it (ending its workers), so no worker
    prints a traceback of its own.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_end_with_parent, args=(parent,), name="follow-parent", daemon=True).start()


def _end_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


class _Workers:
    """Renders in this process, or spreads the files of all topics over worker processes started once per build.

    The unit of work is a topic's deck or its PDFs, so even a single topic's study sheet and
    deck render at once; this process collects a topic's files and writes them together. Workers are
    forked, so each starts with the modules already imported here, and keeps its
    registered fonts and read templates from one file to the next.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Workers:
        gc.freeze()  # what exists now lives for the whole build: full collections need not scan it, and forks share it
        return self

    def __exit__(self, kind: type[BaseException] | None, *exception: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=kind is not None)  # interrupted: the work not yet started is dropped
        gc.unfreeze()

    def run(self, jobs: Sequence[_RenderJob]) -> Iterator[Outcome]:
        """The outcome of each job, in the order given, each as soon as it and those before it are done."""
        tasks = [_tasks(job) for job in jobs]
        # What exists now (the group's validated topics) outlives every deck: the collection after
        # each deck, here or in a worker forked from here, then scans only what that deck made.
        gc.collect()
        gc.freeze()
        rendered = self._map([task for topic_tasks in tasks for task in topic_tasks])
        for job, topic_tasks in zip(jobs, tasks, strict=True):
            names = [name for _, files in topic_tasks for name, _ in files]
            yield _write(job, names, [result for _ in topic_tasks for result in next(rendered)])

    def _map(self, tasks: list[Task]) -> Iterator[list[Rendered]]:
        if self.jobs == 1 or len(tasks) < 2:
            return map(_render, tasks)
        if self.pool is None:
            import multiprocessing  # a build that renders in this process never pays for it
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
            self.pool = ProcessPoolExecutor(self.jobs, context, initializer=_follow_parent, initargs=(os.getpid(),))
        return self.pool.map(_render, tasks, chunksize=_chunk_size(len(tasks), self.jobs))
