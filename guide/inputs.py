"""Where a build's input files are: the files and folders named, and the topics a course's globs match.

Deciding this reads no file's content, so an up-to-date check can do it without loading
the parser or the content model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

INPUT_SUFFIXES = (".yaml", ".yml")
COURSE_FOLDER = "courses"
PROJECT_MARKERS = (".git", "pyproject.toml", "source")
"""What marks a project's top folder: a repository, a Python project, or our own source/ folder."""


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


def project_root(path: Path) -> Path:
    """The nearest folder above ``path`` holding a project marker, else ``path``'s own folder."""
    folder = path.resolve().parent
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in PROJECT_MARKERS):
            return candidate
    return folder


def shown(path: Path) -> str:
    """A path a course found, as the user would write it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Matches:
    """The topic files one of a course's patterns matches, sorted; those outside the project are refused."""

    files: tuple[Path, ...]
    outside: tuple[Path, ...]
    root: Path


def course_topics(pattern: str, course_file: Path) -> Matches:
    """The topic files ``pattern`` (a path or glob relative to the course file) matches."""
    root = project_root(course_file)
    matched = sorted({match.resolve() for match in course_file.resolve().parent.glob(pattern)})
    files = tuple(match for match in matched if match.is_file() and match.suffix in INPUT_SUFFIXES)
    return Matches(files, tuple(match for match in files if not match.is_relative_to(root)), root)
