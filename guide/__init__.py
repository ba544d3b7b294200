"""Classroom materials from lesson topic summaries: a PDF study sheet, an answer key and a slide deck.

The public surface: load a topic or a theme, build topics and courses into files, or run the
command line. Names are imported when first used, so a command line run that finds nothing
to build never loads the parser, the content model or the renderers.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.2.0"

_HOMES = {
    "BuildOptions": "guide.options",
    "BuildReport": "guide.report",
    "build": "guide.builder",
    "GuideError": "guide.errors",
    "InputError": "guide.errors",
    "Problem": "guide.errors",
    "RenderError": "guide.errors",
    "LoadedTopic": "guide.load",
    "load_topic": "guide.load",
    "named_theme": "guide.load",
    "Course": "guide.model",
    "Topic": "guide.model",
    "Theme": "guide.theme",
}

__all__ = [
    "BuildOptions",
    "BuildReport",
    "Course",
    "GuideError",
    "InputError",
    "LoadedTopic",
    "Problem",
    "RenderError",
    "Theme",
    "Topic",
    "__version__",
    "build",
    "load_topic",
    "named_theme",
]

if TYPE_CHECKING:
    from guide.builder import build
    from guide.errors import GuideError, InputError, Problem, RenderError
    from guide.load import LoadedTopic, load_topic, named_theme
    from guide.model import Course, Topic
    from guide.options import BuildOptions
    from guide.report import BuildReport
    from guide.theme import Theme


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module 'guide' has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)
