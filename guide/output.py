"""Writing output files so that a crash, a kill or a full disk never leaves a broken one.

Each file is written under a temporary name beside its target and renamed into place. The
temporary name carries this tool's marker and the writer's process id, so a later build can
tell the leftovers of a killed build (whose process is gone) from the files a concurrent
build is still writing, and never takes a file of the user's for one of its own.

Files are not forced to the disk one by one (fsync): every output can be made again, and
forcing each of a batch's thousands of files cost a millisecond a topic here and far more
on a slow disk. Should the machine lose power before the system has written a new file,
the file is shorter than the manifest records, so the next build makes it again.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

MARKER = "make-materials"
_TEMPORARY = re.compile(rf"^\..+\.{MARKER}-(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")
"""A temporary's name as _stage gives it: ``.<target>.make-materials-<pid>.<random>.tmp``."""


@dataclass(frozen=True)
class Written:
    """A file as it was written: what a manifest records of it, known without reading it back."""

    path: Path
    size: int
    modified_ns: int
    sha256: str


@dataclass(frozen=True)
class Staged:
    """A file written in full under a temporary name beside its target, waiting to be renamed into place with the
    other files of its topic (``put_in_place``) or removed with them (``discard``)."""

    temporary: Path
    file: Written


def write_atomically(files: Sequence[tuple[Path, bytes]]) -> list[Written]:
    """Write each file to a temporary name beside its target, then rename them all into place; each file as written.

    A reader sees an old file or a new one, never a mix; nothing is renamed until every file
    is written in full, and a failure removes the temporaries it leaves. Each temporary's name
    is recorded before the file is made, so even a Ctrl-C between two statements leaves none.
    A rename keeps a file's size and modification time, so they are taken from the temporary.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        written = [_staged(path, data, staged) for path, data in files]
        _renamed(staged)
    finally:
        _removed(staged)
    return written


def stage(files: Sequence[tuple[Path, bytes]]) -> list[Staged]:
    """Write each file in full under a temporary name beside its target, to be put in place later, perhaps by another
    process (a worker process writes the files it renders, and the build puts a topic's files in place together).

    A failure removes the temporaries written so far; so does a Ctrl-C, as in ``write_atomically``.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        written = [_staged(path, data, staged) for path, data in files]
        result = [Staged(temporary, file) for (temporary, _), file in zip(staged, written, strict=True)]
        staged = []  # all written: whoever asked answers for them now
        return result
    finally:
        _removed(staged)


def put_in_place(files: Sequence[Staged]) -> list[Written]:
    """Rename staged files into place, in order; each as written. A failure removes the temporaries not yet renamed."""
    staged = [(file.temporary, file.file.path) for file in files]
    try:
        _renamed(staged)
    finally:
        _removed(staged)
    return [file.file for file in files]


def discard(files: Iterable[Staged]) -> None:
    """Remove staged files that will not be put in place (another file of their topic failed)."""
    _removed([(file.temporary, file.file.path) for file in files])


def _staged(path: Path, data: bytes, staged: list[tuple[Path, Path]]) -> Written:
    path.parent.mkdir(parents=True, exist_ok=True)
    status = _stage(path, data, staged)
    return Written(path, status.st_size, status.st_mtime_ns, hashlib.sha256(data).hexdigest())


def _renamed(staged: list[tuple[Path, Path]]) -> None:
    """Rename each (temporary, target) into place, in order, dropping each from ``staged`` once renamed."""
    while staged:
        temporary, path = staged[0]
        temporary.replace(path)
        staged.pop(0)


def _removed(staged: list[tuple[Path, Path]]) -> None:
    for temporary, _ in staged:
        temporary.unlink(missing_ok=True)


def _stage(path: Path, data: bytes, staged: list[tuple[Path, Path]]) -> os.stat_result:
    """``data`` written in full under a new temporary name beside ``path``, which ``staged`` lists from before it exists;
    the status of the temporary once written."""
    while True:
        temporary = path.with_name(f".{path.name}.{MARKER}-{os.getpid()}.{uuid.uuid4().hex[:12]}.tmp")
        staged.append((temporary, path))
        try:
            # Made anew (never an existing file, never through a link), readable as the umask allows.
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
        except FileExistsError:
            staged.pop()  # another file has that name: not ours to remove
            continue
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            return os.fstat(descriptor)


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete temporary files that killed builds left in ``folder``; never another live build's, never through a link."""
    return _remove_temporaries(folder, lambda pid: not _alive(pid))


def remove_own_temporaries(folder: Path) -> list[Path]:
    """Delete the temporaries this process staged in ``folder`` that are still there: those no build will put in place."""
    return _remove_temporaries(folder, lambda pid: pid == os.getpid())


def _remove_temporaries(folder: Path, whose: Callable[[int], bool]) -> list[Path]:
    """Delete the temporaries in ``folder`` written by the processes ``whose`` accepts, never through a link."""
    removed: list[Path] = []
    if folder.is_symlink() or not folder.is_dir():
        return removed
    for child in folder.iterdir():
        match = _TEMPORARY.match(child.name)
        if match and _is_regular(child) and whose(int(match["pid"])):
            child.unlink(missing_ok=True)
            removed.append(child)
    return removed


def _is_regular(path: Path) -> bool:
    """A regular file itself, not a link to one (a link is never followed to delete)."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: leave its files alone
    return True
