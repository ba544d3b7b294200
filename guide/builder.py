"""What to build and building it: inputs found, themes resolved, topics validated, rendered, written.

Topics given on their own build into the output folder with the default theme (or
``--theme``); each course builds its topics into ``<out>/<course-id>/`` with its theme. A
topic is all or nothing: every file it produces is rendered and written under a temporary name
first, and renamed into place only when all of them succeeded. One topic's failure never stops the others.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from guide.accessibility import accessibility_warnings
from guide.coverage import coverage_problems
from guide.errors import InputError, Problem
from guide.inputs import find_inputs, may_be_course, shown
from guide.load import LoadedCourse, LoadedTopic, ThemeChain, load_input, load_theme
from guide.manifest import Inputs, Manifest, Manifests, files_of
from guide.model import Topic
from guide.options import BuildOptions
from guide.output import Written, remove_leftovers
from guide.outputs import REGISTRY, Output
from guide.report import BuildReport, Progress, TopicResult
from guide.session import BuildSession
from guide.theme import Theme
from guide.workers import RenderJob, Workers

SAVE_EVERY = 50
"""Topics built between two saves of a folder's manifest during a long batch."""


@dataclass
class _Group:
    """Topics that build into one folder with one theme: the loose topics, or one course."""

    out: Path
    themes: tuple[ThemeChain, ...]
    course: LoadedCourse | None = None
    topics: list[Path] = field(default_factory=list)
    loaded: dict[Path, LoadedTopic] = field(default_factory=dict)
    """Topics already read while telling topics from courses (those that looked like a course), so no file is read twice."""


def build(paths: Sequence[Path], options: BuildOptions, progress: Progress | None = None, workers: Workers | None = None) -> BuildReport:
    """Build every topic and course in ``paths``; never raises for bad input, reports it instead.

    ``workers`` are those the caller prepared for it, and ends (see ``Workers.prepare``); else the build starts its own.
    """
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
        if run.current_topic(options.out, path) is not None or not may_be_course(path):
            loose.topics.append(path)  # read when its turn to render comes, or not at all when it is up to date
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
            run.session.digests.remember(path, loaded.digest)
            run.session.digests.remember(path.resolve(), loaded.digest)
            if not options.check_only:  # a check writes nothing, not even a manifest
                run.manifests[options.out].record_course(path, run.session.digests(path), loaded.course.id, loaded.patterns)
            groups.append(_Group(options.out / loaded.course.id, (loaded.theme, command_line), loaded, list(loaded.topics)))
        else:
            loose.topics.append(path)
            loose.loaded[path] = loaded
    with nullcontext(workers) if workers else Workers(options.jobs) as used:
        for group in groups:
            if group.topics:
                _build_group(group, run, used)
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
    session: BuildSession = field(default_factory=BuildSession)
    """The build's caches: file digests (for the manifests) and what renderers in this process make."""
    current: dict[tuple[Path, Path], str | None] = field(default_factory=dict)

    def current_topic(self, folder: Path, path: Path) -> str | None:
        """The id of the topic at ``path`` if its targets in ``folder`` are up to date (never when forced or checking).

        Asked once per topic when telling topics from courses and again in its group; answered once.
        """
        if self.options.force or self.options.check_only:
            return None
        if (folder, path) not in self.current:
            manifest = self.manifests[folder]
            self.current[folder, path] = manifest.current_topic(path, self.options.outputs, self.options.settings_of, self.session.digests)
        return self.current[folder, path]


def _build_group(group: _Group, run: _Run, workers: Workers) -> None:
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


def _build_topics(group: _Group, pending: list[tuple[Path, TopicResult]], ids_seen: dict[str, str], run: _Run, workers: Workers) -> bool:
    """Validate the group's topics that are not up to date, then render those that are valid; False if the theme is invalid."""
    options, manifest = run.options, run.manifests[group.out]
    resolved = _theme(group, run, str(group.course.path) if group.course else (options.theme or ""))
    if resolved is None:
        run.progress.finished(len(pending))
        return False
    theme, theme_inputs, chosen, unasked = resolved
    if group.course and group.out.is_symlink():
        message = f"the output folder {group.out} is a symbolic link; outputs are never written through one"
        run.report.results.append(TopicResult(str(group.course.path), problems=[group.course.origin.problem(("id",), message)]))
        run.progress.finished(len(pending))
        return False
    if not options.check_only:
        remove_leftovers(group.out)
    course = group.course.course if group.course else None

    def to_render() -> Iterator[tuple[tuple[LoadedTopic, TopicResult, Inputs, list[_Target]], RenderJob]]:
        """Each valid topic, read and checked only as the workers are ready for more: memory stays flat in a long batch."""
        for path, result in pending:
            loaded = _validated(path, result, group.loaded.pop(path, None))
            if loaded:
                run.session.digests.remember(path.resolve(), loaded.digest)
            first = ids_seen.setdefault(loaded.topic.id, result.source) if loaded else None
            if loaded and first != result.source:
                result.problems.append(loaded.origin.problem(("id",), f"topic id '{loaded.topic.id}' is also used by {first}"))
            if loaded is None or result.problems:
                run.progress.finished()
                continue
            # Glyph coverage needs the fonts' tables: only for what is checked or built now.
            result.problems += coverage_problems(loaded.topic, loaded.origin, (theme.heading_font, theme.body_font), run.session)
            warnings = accessibility_warnings(loaded.topic, loaded.origin) + _left_out(loaded, theme, chosen)
            if options.strict:
                result.problems += warnings
            else:
                result.warnings = warnings
            if result.problems or options.check_only:
                run.progress.finished()
                continue
            images = [Path(image.file) for image in loaded.topic.images]
            inputs: Inputs = {"topic": [path.resolve()], "images": images, **theme_inputs}
            for input_file in chain.from_iterable(inputs.values()):
                run.session.digests(input_file)  # hashed before rendering, never after: an edit saved meanwhile is built next time
            stale = _stale_targets(manifest, loaded.topic, theme, inputs, chosen, run)
            # Nothing stale, yet something to build: what changed (the outputs chosen, say) changed none of its files.
            if not stale and REGISTRY.targets(loaded.topic, theme, chosen):
                result.up_to_date = True
                _record(manifest, loaded, theme, inputs, unasked, [])
                run.progress.finished()
                continue
            names = tuple(target.output.name for target in stale)
            yield (loaded, result, inputs, stale), RenderJob(loaded.topic, theme, course, group.out, names)

    for count, ((loaded, result, inputs, stale), (written, failure, detail)) in enumerate(workers.run(to_render(), run.session), start=1):
        result.written, result.failure, result.failure_detail = [file.path for file in written], failure, detail
        run.progress.finished()
        if written:
            _record(manifest, loaded, theme, inputs, unasked, stale, written)
        if count % SAVE_EVERY == 0:
            manifest.save()  # an interrupted batch keeps what it built
    return True


def _left_out(loaded: LoadedTopic, theme: Theme, chosen: tuple[str, ...]) -> list[Problem]:
    """A warning for each part of the topic an output chosen leaves out (an ordering question in a QTI package)."""
    return [
        loaded.origin.problem(location, f"warning: {message}")
        for output, _ in REGISTRY.targets(loaded.topic, theme, chosen)
        for location, message in output.warnings(loaded.topic)
    ]


@dataclass(frozen=True)
class _Target:
    """One file of a topic, of one output, and the key of what it is made from."""

    output: Output
    file: str
    key: str


def _stale_targets(manifest: Manifest, topic: Topic, theme: Theme, inputs: Inputs, chosen: tuple[str, ...], run: _Run) -> list[_Target]:
    """The chosen targets of a topic that must be rendered: all when forced, else those not built from these inputs.

    Judged per output, so a change rebuilds only the files that depend on it: an edited
    slide template rebuilds the deck, slides and handout, never the study sheet.
    """
    targets = [
        _Target(output, file, manifest.key(files_of(inputs, output.inputs), run.options.settings_of(output), run.session.digests))
        for output, file in REGISTRY.targets(topic, theme, chosen)
    ]
    return [target for target in targets if run.options.force or not manifest.is_current([target.file], target.key)]


def _record(
    manifest: Manifest,
    loaded: LoadedTopic,
    theme: Theme,
    inputs: Inputs,
    unasked: tuple[str, ...],
    rendered: list[_Target],
    written: Sequence[Written] = (),
) -> None:
    """What a topic's files were made from, in its folder's manifest: every output's file name, and the key of each file
    ``rendered`` as it was ``written``."""
    topic = loaded.topic
    every = {output.name: output.file_name(topic.id) if output.applies(topic, theme) else None for output in REGISTRY}
    manifest.record_topic(loaded.path, topic.id, inputs, every, unasked)
    files = {file.path.name: file for file in written}
    for target in rendered:
        if target.file in files:
            manifest.record_target(files[target.file], target.key)


def _theme(group: _Group, run: _Run, source: str) -> tuple[Theme, Inputs, tuple[str, ...], tuple[str, ...]] | None:
    """The group's resolved theme, its input files by kind, the outputs chosen and those its course or theme choose.

    None with its problems reported.
    """
    options, report = run.options, run.report
    course_outputs = group.course.course.outputs if group.course else None
    try:
        loaded = load_theme(*group.themes, outputs=options.outputs or course_outputs)
    except InputError as error:
        report.results.append(TopicResult(source, problems=list(error.problems)))
        return None
    for path, digest in loaded.parsed.items():
        run.session.digests.remember(path, digest)
    problems, warnings = list(loaded.problems), list(loaded.warnings)
    if options.slide_aspect and loaded.theme.template is not None and any("template" in REGISTRY[name].inputs for name in loaded.outputs):
        shape = f"the template '{loaded.theme.template.name}' decides the slides' shape"
        warnings.append(Problem("--aspect", 0, 0, "", f"warning: --aspect {options.slide_aspect} is not used: {shape}"))
    if options.strict:
        problems += warnings
        warnings = []
    report.warnings += [warning for warning in (*warnings, *loaded.notices) if warning not in report.warnings]
    if problems:
        report.results.append(TopicResult(source, problems=problems))
        return None
    theme = loaded.theme
    if options.page_size:
        theme = theme.with_page_size(options.page_size)
    if options.slide_aspect:
        theme = theme.with_slide_aspect(options.slide_aspect)
    if options.quiz_seed is not None:
        theme = theme.with_quiz_seed(options.quiz_seed)
    handout = options.handout or (group.course.course.handout if group.course else None)
    if handout:
        theme = theme.with_handout(handout)
    inputs: Inputs = {"course": [group.course.path.resolve()] if group.course else [], **loaded.files_by_kind()}
    unasked = course_outputs or theme.outputs or REGISTRY.defaults()
    return theme, inputs, loaded.outputs, unasked


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
