"""What to build and building it: topics found, validated, rendered, written atomically.

A topic is all or nothing: every file it produces is rendered in memory first and written
only when all of them succeeded, so a failure never leaves a mix of old and new outputs.
One topic's failure never stops the others.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from guide.coverage import coverage_problems
from guide.errors import InputError, Problem
from guide.labels import Labels, labels_for
from guide.load import LoadedTopic, load_topic
from guide.model import Topic
from guide.output import write_atomically
from guide.theme import PageSize, SlideAspect, Theme, default_theme

TOPIC_SUFFIXES = (".yaml", ".yml")
FORMATS = ("pdf", "pptx")

Renderer = Callable[[Topic, Theme, Labels], bytes]


@dataclass(frozen=True)
class BuildOptions:
    out: Path = Path("output")
    formats: tuple[str, ...] = FORMATS
    page_size: PageSize | None = None
    slide_aspect: SlideAspect | None = None
    check_only: bool = False


@dataclass
class TopicResult:
    """What became of one topic file."""

    source: str
    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failure: str | None = None
    failure_detail: str | None = None


@dataclass
class BuildReport:
    results: list[TopicResult] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        """0 all built; 2 any invalid input; else 1 if any topic failed to render."""
        if any(result.problems for result in self.results):
            return 2
        return 1 if any(result.failure for result in self.results) else 0


def find_topics(paths: Sequence[Path], source_folder: Path = Path("source")) -> list[Path]:
    """Topic files named on the command line, or every topic in ``source/`` when none is named."""
    if not paths:
        paths = [source_folder]
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(child for child in path.iterdir() if child.suffix in TOPIC_SUFFIXES and child.is_file()))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def outputs_for(topic: Topic, formats: Iterable[str]) -> list[tuple[str, Renderer]]:
    """(file name, renderer) for each file a topic produces in the chosen formats.

    Renderers are imported here, when needed, so a PDF-only build never loads python-pptx.
    """
    targets: list[tuple[str, Renderer]] = []
    if "pdf" in formats:
        from guide.render import pdf

        targets.append((f"{topic.id}.pdf", pdf.render_study_sheet))
        if topic.questions:
            targets.append((f"{topic.id}-answers.pdf", pdf.render_answer_key))
    if "pptx" in formats:
        from guide.render import pptx

        targets.append((f"{topic.id}.pptx", pptx.render_deck))
    return targets


def build(paths: Sequence[Path], options: BuildOptions, theme: Theme | None = None) -> BuildReport:
    """Build every topic in ``paths``; never raises for a bad topic, reports it instead."""
    theme = theme or default_theme()
    if options.page_size:
        theme = theme.with_page_size(options.page_size)
    if options.slide_aspect:
        theme = theme.with_slide_aspect(options.slide_aspect)
    report = BuildReport()
    ids_seen: dict[str, str] = {}
    for path in find_topics(paths):
        result = TopicResult(str(path))
        report.results.append(result)
        loaded = _validated(path, theme, result)
        if loaded is None:
            continue
        first = ids_seen.setdefault(loaded.topic.id, result.source)
        if first != result.source:
            result.problems.append(loaded.origin.problem(("id",), f"topic id '{loaded.topic.id}' is also used by {first}"))
            continue
        if not options.check_only:
            _render_and_write(loaded.topic, theme, options, result)
    return report


def _validated(path: Path, theme: Theme, result: TopicResult) -> LoadedTopic | None:
    try:
        loaded = load_topic(path, result.source)
    except InputError as error:
        result.problems.extend(error.problems)
        return None
    result.problems.extend(coverage_problems(loaded.topic, loaded.origin, (theme.heading_font, theme.body_font)))
    return None if result.problems else loaded


def _render_and_write(topic: Topic, theme: Theme, options: BuildOptions, result: TopicResult) -> None:
    rendered: list[tuple[Path, bytes]] = []
    labels = labels_for(topic.language_code)
    for name, render in outputs_for(topic, options.formats):
        try:
            rendered.append((options.out / name, render(topic, theme, labels)))
        except Exception as error:
            result.failure = f"{name}: could not be rendered: {error}"
            result.failure_detail = traceback.format_exc()
            return
    for path, data in rendered:
        write_atomically(path, data)
        result.written.append(path)
