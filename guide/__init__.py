"""Classroom materials from lesson topic summaries: a PDF study sheet and answer key.

The public surface: load a topic, build topics into files, or run the command line.
"""

__version__ = "0.1.0"

from guide.build import BuildOptions, BuildReport, build
from guide.errors import GuideError, InputError, Problem, RenderError
from guide.load import LoadedTopic, load_topic
from guide.model import Topic

__all__ = [
    "BuildOptions",
    "BuildReport",
    "GuideError",
    "InputError",
    "LoadedTopic",
    "Problem",
    "RenderError",
    "Topic",
    "__version__",
    "build",
    "load_topic",
]
