"""Course files -> a validated ``Course``, its theme chain and the topic files it lists."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Annotated, Any

from guide.errors import InputError, Origin, Problem
from guide.inputs import course_topic_files
from guide.load.files import id_from_file_name
from guide.load.messages import problems_of
from guide.load.reader import Document
from guide.load.theme import ThemeChain
from guide.model import Course, clean_text, line_text
from guide.records import BadValueError, Many, RefusedError, Value, build, describe, record


def _theme(value: Any) -> str | dict[str, Any] | None:
    if value is None or isinstance(value, dict):
        return value  # a theme written out here: the theme's own schema checks it
    if isinstance(value, str):
        return clean_text(value)
    raise BadValueError(f"expected a theme name, a path or a theme (key: value), got {describe(value)}")


THEME_REFERENCE = Value(_theme, {"anyOf": [{"type": "string"}, {"type": "object"}, {"type": "null"}]})


MAX_PATTERNS = 100
"""Paths or globs one course lists: each may match many topics."""


@record
class CourseFile(Course):
    """What a course file holds: the course, its theme, and its topics (paths or globs)."""

    theme: Annotated[str | dict[str, Any] | None, THEME_REFERENCE] = None
    """A built-in theme name, a path to a theme file, or a theme written out here."""
    topics: Annotated[tuple[str, ...], Many(line_text(), min_length=1, max_length=MAX_PATTERNS)]
    """Topic files relative to this file; globs such as ../*.yaml are allowed."""


@dataclass(frozen=True)
class LoadedCourse:
    course: Course
    theme: ThemeChain
    topics: tuple[Path, ...]
    origin: Origin
    path: Path
    patterns: tuple[str, ...]
    """The topics as the course file writes them, to find its topics again without reading it."""
    digest: str = ""
    """SHA-256 of the bytes the course was read from."""


def course_from(document: Document, path: Path) -> LoadedCourse:
    """Validate a course document; raise InputError listing every problem in it and its theme."""
    origin = document.origin
    if not isinstance(document.data, dict):
        raise InputError([origin.problem((), "a course file must be a mapping of keys (code:, title:, topics:, ...)")])
    data = dict(document.data)
    problems = list(document.problems)
    problems += id_from_file_name(data, path, origin, "course")
    try:
        spec = build(CourseFile, data)
    except RefusedError as error:
        raise InputError([*problems, *problems_of(error, origin)]) from None
    chain = ThemeChain()
    if isinstance(spec.theme, str):
        chain.named(spec.theme, path, lambda message: origin.problem(("theme",), message))
    elif spec.theme is not None:
        chain.inline(spec.theme, origin.within(("theme",)), path)
    problems += chain.problems
    topics = _topic_files(spec.topics, path, origin, problems)
    if problems:
        raise InputError(problems)
    course = Course(**{item.name: getattr(spec, item.name) for item in fields(Course)})
    return LoadedCourse(course, chain, topics, origin, path, spec.topics, document.digest)


def _topic_files(patterns: tuple[str, ...], path: Path, origin: Origin, problems: list[Problem]) -> tuple[Path, ...]:
    """The topic files the course lists; each pattern refused becomes a problem at its line."""
    found, refused = course_topic_files(patterns, path)
    problems += [origin.problem(("topics", index), message) for index, message in refused]
    return tuple(found)
