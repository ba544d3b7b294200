"""Reading input files into the content model and the theme; the only package that knows YAML."""

from __future__ import annotations

from pathlib import Path

from guide.errors import InputError
from guide.inputs import COURSE_FOLDER
from guide.load.brand import is_brand
from guide.load.course import LoadedCourse, course_from
from guide.load.reader import read_yaml
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
    "named_theme",
    "theme_descriptions",
]


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
