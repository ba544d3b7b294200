"""Reading input files into the content model and the theme; the only package that knows YAML."""

from __future__ import annotations

import re
from pathlib import Path

from guide.errors import InputError
from guide.inputs import COURSE_FOLDER
from guide.load.brand import is_brand
from guide.load.course import LoadedCourse, course_from
from guide.load.reader import MAX_FILE_BYTES, read_yaml
from guide.load.theme import DEFAULT_THEME, LoadedTheme, ThemeChain, load_theme, named_theme, theme_descriptions
from guide.load.theme_schema import ThemeFile
from guide.load.topic import LoadedTopic, load_topic, topic_from
from guide.records import field_names

__all__ = [
    "DEFAULT_THEME",
    "LoadedCourse",
    "LoadedTheme",
    "LoadedTopic",
    "ThemeChain",
    "load_input",
    "load_theme",
    "load_topic",
    "may_be_course",
    "named_theme",
    "theme_descriptions",
]


_COURSE_KEY = re.compile(rb"^['\"]?(?:topics|code)['\"]?[ \t]*:", re.MULTILINE)
"""A top-level ``topics:`` or ``code:`` key in block style: in column one, where no value of another key can start."""


def may_be_course(path: Path) -> bool:
    """Whether ``path`` may hold a course rather than a topic, judged from its text without parsing it.

    A build reads courses first, to know their topics, and topics as it renders them, so
    that a batch of thousands holds only the topics being rendered. Never False for a course:
    a file in a ``courses`` folder, with a top-level course key, written in flow style
    (``{...}``), not a regular file or that cannot be read, is loaded as soon as it is found.
    """
    if path.parent.name == COURSE_FOLDER or not path.is_file():
        return True  # a pipe or a device is never opened here: the loader refuses it
    try:
        with path.open("rb") as stream:
            text = stream.read(MAX_FILE_BYTES + 1)
    except OSError:
        return True
    body = text.lstrip().removeprefix(b"---").lstrip()
    return body.startswith((b"{", b"[")) or _COURSE_KEY.search(text) is not None


def load_input(path: Path, shown_as: str | None = None) -> LoadedTopic | LoadedCourse:
    """A topic or a course file: a course lives in a ``courses`` folder or has a key only courses have."""
    document = read_yaml(path, shown_as or str(path))
    data = document.data
    if path.parent.name == COURSE_FOLDER or (isinstance(data, dict) and ("topics" in data or "code" in data)):
        return course_from(document, path)
    if isinstance(data, dict) and data and (set(data) <= set(field_names(ThemeFile)) or is_brand(data)):
        message = "this is a theme, not a topic; keep themes in source/themes/ and name them from a course or with --theme"
        raise InputError([document.origin.problem((), message)])
    return topic_from(document, path)
