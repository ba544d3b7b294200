"""Matching a course's topic patterns against the folder tree, with bounded work.

Python's own glob recurses once per folder level (a tree 1,200 deep exhausts the stack),
follows symbolic links into loops, and looks at any number of files. This one walks with a
list instead of recursion, never follows a link while descending ``**``, goes at most
MAX_DEPTH folders deep, and stops after looking at MAX_SCANNED entries or finding
MAX_MATCHES files, saying which bound was reached.
"""

from __future__ import annotations

import os
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

MAX_MATCHES = 2_000
"""Files one pattern may match: far more topics than a course holds."""
MAX_SCANNED = 50_000
"""Folder entries one pattern may look at."""
MAX_DEPTH = 20
"""Folders ``**`` may descend below where it stands."""
_WILDCARDS = frozenset("*?[")


class GlobBoundError(Exception):
    """A pattern that would look at, or match, more than its bounds allow; the message says which."""


def bounded_glob(folder: Path, pattern: str) -> list[Path]:
    """The existing paths under ``folder`` that ``pattern`` (``/``-separated, relative) names, sorted.

    Raises GlobBoundError when a bound is reached.
    """
    parts = PurePosixPath(pattern).parts
    matches: list[Path] = []
    scanned = 0
    pending: list[tuple[Path, int, int]] = [(folder, 0, 0)]
    while pending:
        path, index, depth = pending.pop()
        if index == len(parts):
            if os.path.lexists(path):
                matches.append(path)
                if len(matches) > MAX_MATCHES:
                    raise GlobBoundError(f"matches more than {MAX_MATCHES:,} files")
            continue
        part = parts[index]
        if not _WILDCARDS & set(part):
            pending.append((path / part, index + 1, depth))
            continue
        entries = _entries(path)
        scanned += len(entries)
        if scanned > MAX_SCANNED:
            raise GlobBoundError(f"looks at more than {MAX_SCANNED:,} files and folders; name a narrower folder")
        if part == "**":
            pending.append((path, index + 1, depth))
            if depth < MAX_DEPTH:
                pending += [(path / entry.name, index, depth + 1) for entry in entries if _is_folder(entry)]
            continue
        pending += [(path / entry.name, index + 1, depth) for entry in entries if fnmatchcase(entry.name, part)]
    return sorted(set(matches))


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as found:
            return list(found)
    except OSError:
        return []  # not a folder, or not readable: nothing matches there


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """A real folder: a link to one is not descended, so ``**`` never loops."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False
