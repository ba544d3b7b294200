"""What to build and building it: inputs found, themes resolved, topics validated, rendered, written.

Topics given on their own build into the output folder with the default theme (or
``--theme``); each course builds its topics into ``<out>/<course-id>/`` with its theme. A
topic is all or nothing: every file it produces is rendered in memory first and written only
when all of them succeeded. One topic's failure never stops the others.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from guide import __version__
from guide.coverage import coverage_problems
from guide.errors import InputError, Problem
from guide.load import LoadedCourse, LoadedTheme, LoadedTopic, ThemeChain, load_input, load_theme
from guide.load.theme import contrast_warnings, label_problems, template_problems
from guide.manifest import Manifest, file_contents, fingerprint
from guide.model import Course, Topic
from guide.output import remove_leftovers, write_atomically
from guide.theme import PageSize, SlideAspect, Theme

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

INPUT_SUFFIXES = (".yaml", ".yml")
FORMATS = ("pdf", "pptx")
COURSE_FOLDER = "courses"

Renderer = Callable[[Topic, Theme, Course | None], bytes]


@dataclass(frozen=True)
class BuildOptions:
    out: Path = Path("output")
    formats: tuple[str, ...] = FORMATS
    theme: str | None = None
    """A built-in theme name or a theme file, applied over every course's theme."""
    page_size: PageSize | None = None
    slide_aspect: SlideAspect | None = None
    check_only: bool = False
    strict: bool = False
    """Treat warnings (poor contrast) as errors."""
    jobs: int = 1
    """Worker processes that render and write topics; 1 renders in this process."""
    force: bool = False
    """Build every target, even those whose inputs did not change."""


@dataclass
class TopicResult:
    """What became of one input file (a topic; or a course whose theme or file is invalid)."""

    source: str
    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failure: str | None = None
    failure_detail: str | None = None
    up_to_date: bool = False
    """Its targets were built from the same inputs before, and were left alone."""


@dataclass
class BuildReport:
    results: list[TopicResult] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    usage: list[Problem] = field(default_factory=list)
    """Problems with the command line itself (a ``--theme`` that does not exist)."""

    @property
    def exit_status(self) -> int:
        """0 all built; 2 any invalid input; else 1 if any topic failed to render."""
        if self.usage or any(result.problems for result in self.results):
            return 2
        return 1 if any(result.failure for result in self.results) else 0


@dataclass
class _Group:
    """Topics that build into one folder with one theme: the loose topics, or one course."""

    out: Path
    themes: tuple[ThemeChain, ...]
    course: LoadedCourse | None = None
    topics: list[Path] = field(default_factory=list)
    loaded: dict[Path, LoadedTopic] = field(default_factory=dict)
    """Topics already read while telling topics from courses, so no file is read twice."""


def find_inputs(paths: Sequence[Path], source_folder: Path = Path("source")) -> list[Path]:
    """Files named on the command line, the YAML files (and ``courses/``) of folders named, or ``source/``."""
    found: list[Path] = []
    for path in paths or [source_folder]:
        if path.is_dir():
            for folder in (path, path / COURSE_FOLDER):
                if folder.is_dir():
                    found += sorted(child for child in folder.iterdir() if child.suffix in INPUT_SUFFIXES and child.is_file())
        else:
            found.append(path)
    return list(dict.fromkeys(found))


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


def build(paths: Sequence[Path], options: BuildOptions) -> BuildReport:
    """Build every topic and course in ``paths``; never raises for bad input, reports it instead."""
    report = BuildReport()
    command_line = ThemeChain()
    if options.theme:
        command_line.named(options.theme)
        if command_line.problems:
            report.usage += command_line.problems
            return report
    loose = _Group(options.out, (command_line,))
    groups = [loose]
    for path in find_inputs(paths):
        try:
            loaded = load_input(path, str(path))
        except InputError as error:
            report.results.append(TopicResult(str(path), problems=list(error.problems)))
            continue
        if isinstance(loaded, LoadedCourse):
            groups.append(_Group(options.out / loaded.course.id, (loaded.theme, command_line), loaded, list(loaded.topics)))
        else:
            loose.topics.append(path)
            loose.loaded[path] = loaded
    with _Workers(options.jobs) as workers:
        for group in groups:
            if group.topics:
                _build_group(group, options, report, workers)
    return report


def _build_group(group: _Group, options: BuildOptions, report: BuildReport, workers: _Workers) -> None:
    source = str(group.course.path) if group.course else (options.theme or "")
    resolved = _theme(group, options, report, source)
    if resolved is None:
        return
    theme, theme_key = resolved
    manifest = Manifest.read(group.out)
    if not options.check_only:
        remove_leftovers(group.out)
    ids_seen: dict[str, str] = {}
    to_render: list[tuple[Topic, TopicResult, str]] = []
    for path in group.topics:
        result = TopicResult(_shown(path) if group.course else str(path))
        report.results.append(result)
        loaded = _validated(path, result, group.loaded.get(path))
        if loaded is None:
            continue
        first = ids_seen.setdefault(loaded.topic.id, result.source)
        if first != result.source:
            result.problems.append(loaded.origin.problem(("id",), f"topic id '{loaded.topic.id}' is also used by {first}"))
            continue
        key = fingerprint([theme_key, *file_contents([path, *(Path(image.file) for image in loaded.topic.images)])])
        names = [name for name, _ in targets(loaded.topic, options.formats)]
        if not (options.check_only or options.force) and manifest.is_current(names, key):
            result.up_to_date = True  # it was checked when it was built from these very inputs
            continue
        # Glyph coverage needs the fonts' tables (and reportlab): only for what is checked or built now.
        result.problems += coverage_problems(loaded.topic, loaded.origin, (theme.heading_font, theme.body_font))
        if not (result.problems or options.check_only):
            to_render.append((loaded.topic, result, key))
    course = group.course.course if group.course else None
    jobs = [_RenderJob(topic, theme, course, group.out, tuple(options.formats)) for topic, _, _ in to_render]
    for (_, result, key), outcome in zip(to_render, workers.run(jobs), strict=True):
        result.written, result.failure, result.failure_detail = outcome
        manifest.record(result.written, key)
    if any(result.written for _, result, _ in to_render):
        manifest.save()


def _theme(group: _Group, options: BuildOptions, report: BuildReport, source: str) -> tuple[Theme, str] | None:
    """The group's resolved theme and the fingerprint of all it was made from, or None with its problems reported."""
    try:
        loaded: LoadedTheme = load_theme(*group.themes)
    except InputError as error:
        report.results.append(TopicResult(source, problems=list(error.problems)))
        return None
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
    course_file = [group.course.path] if group.course else []
    return theme, fingerprint([__version__, repr(theme), *file_contents([*course_file, *loaded.files])])


def _shown(path: Path) -> str:
    """A path a course found, as the user would write it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


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


def _render_and_write(job: _RenderJob) -> Outcome:
    """Render every file of a topic in memory, then write them all; a failure writes none."""
    rendered: list[tuple[Path, bytes]] = []
    for name, kind in targets(job.topic, job.formats):
        try:
            rendered.append((job.out / name, renderer(kind)(job.topic, job.theme, job.course)))
        except Exception as error:
            return [], f"{name}: could not be rendered: {error}", traceback.format_exc()
    try:
        write_atomically(rendered)
    except OSError as error:
        name = Path(error.filename2 or error.filename or job.out).name
        return [], f"{name}: could not be written: {error.strerror or error}", traceback.format_exc()
    return [path for path, _ in rendered], None, None


class _Workers:
    """Renders jobs in this process, or spreads them over worker processes started once per build.

    Workers are forked, so each starts with the modules already imported here, and keeps its
    registered fonts and read templates from one job to the next.
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = max(1, jobs)
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exception: object) -> None:
        if self.pool is not None:
            self.pool.shutdown()

    def run(self, jobs: Sequence[_RenderJob]) -> list[Outcome]:
        """The outcome of each job, in the order given."""
        if self.jobs == 1 or len(jobs) < 2:
            return [_render_and_write(job) for job in jobs]
        if self.pool is None:
            import multiprocessing  # a build that renders in this process never pays for it
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
            self.pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context)
        return list(self.pool.map(_render_and_write, jobs))
