"""Where a build's input files are: the files and folders named, and the topics a course's globs match.

Deciding this reads no file's content, so an up-to-date check can do it without loading
the parser or the content model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from guide.bounded_glob import MAX_MATCHES, GlobBoundError, bounded_glob

INPUT_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 2_000_000
"""The largest topic, course or theme file read."""
COURSE_FOLDER = "courses"
SOURCE_FOLDER = Path("source")
"""What a build reads when no path is named."""
MAX_COURSE_TOPICS = MAX_MATCHES
"""Topics one course may list, however many patterns it uses: as many as one pattern may match."""
PROJECT_MARKERS = (".git", "pyproject.toml", "source")
"""What marks a project's top folder: a repository, a Python project, or our own source/ folder."""


def find_inputs(paths: Sequence[Path]) -> list[Path]:
    """Files named on the command line, the YAML files (and ``courses/``) of folders named, or ``source/``."""
    found: list[Path] = []
    for path in paths or [SOURCE_FOLDER]:
        if path.is_dir():
            for folder in (path, path / COURSE_FOLDER):
                if folder.is_dir():
                    found += sorted(child for child in folder.iterdir() if child.suffix in INPUT_SUFFIXES and child.is_file())
        else:
            found.append(path)
    return list(dict.fromkeys(found))


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


def _resolved(path: Path) -> Path | None:
    """The real path of a match; None for a link that loops or cannot be followed."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: Python 3.11's way of saying "symlink loop"
        return None


def course_topic_files(patterns: Sequence[str], course_file: Path) -> tuple[list[Path], list[tuple[int, str]]]:
    """The topic files a course's patterns (paths or globs relative to it) match, in order, each once.

    A glob's matches come sorted. Also returns why a pattern is refused, by its index: an
    absolute path, a match outside the project, or no match at all.
    """
    root = project_root(course_file)
    found: list[Path] = []
    refused: list[tuple[int, str]] = []
    for index, pattern in enumerate(patterns):
        if Path(pattern).is_absolute():
            refused.append((index, f"'{pattern}' must be relative to the course file"))
            continue
        try:
            matched = sorted(set(filter(None, map(_resolved, bounded_glob(course_file.resolve().parent, pattern)))))
        except GlobBoundError as error:
            refused.append((index, f"'{pattern}' {error}"))
            continue
        files = [match for match in matched if match.is_file() and match.suffix in INPUT_SUFFIXES]
        if any(not match.is_relative_to(root) for match in files):
            refused.append((index, f"'{pattern}' is outside the project folder {root}"))
        elif not files:
            refused.append((index, f"no topic file matches '{pattern}'"))
        found += files
        if len(set(found)) > MAX_COURSE_TOPICS:
            refused.append((index, f"the course lists more than {MAX_COURSE_TOPICS:,} topics"))
            break
    return list(dict.fromkeys(found)), refused
