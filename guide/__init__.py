"""Classroom materials from lesson topic summaries: a PDF study sheet, an answer key and a slide deck.

The public surface: load a topic or a theme, build topics and courses into files, or run the
command line.
"""

__version__ = "0.2.0"

from guide.build import BuildOptions, BuildReport, build
from guide.errors import GuideError, InputError, Problem, RenderError
from guide.load import LoadedTopic, load_topic, named_theme
from guide.model import Course, Topic
from guide.theme import Theme

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
