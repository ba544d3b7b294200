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

import os
import re
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

MARKER = "make-materials"
_TEMPORARY = re.compile(rf"^\..+\.{MARKER}-(?P<pid>\d+)\.[A-Za-z0-9_]+\.tmp$")
"""A temporary's name as _staged gives it: ``.<target>.make-materials-<pid>.<random>.tmp``."""


def write_atomically(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write each file to a temporary name beside its target, then rename them all into place.

    A reader sees an old file or a new one, never a mix; nothing is renamed until every file
    is written in full, and a failure removes the temporaries it leaves.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            staged.append((_staged(path, data), path))
        while staged:
            temporary, path = staged[0]
            temporary.replace(path)
            staged.pop(0)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


def _staged(path: Path, data: bytes) -> Path:
    """``data`` written in full under a temporary name beside ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{MARKER}-{os.getpid()}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        temporary.chmod(0o666 & ~_umask())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete temporary files that killed builds left in ``folder``; never another live build's, never through a link."""
    removed: list[Path] = []
    if folder.is_symlink() or not folder.is_dir():
        return removed
    for child in folder.iterdir():
        match = _TEMPORARY.match(child.name)
        if match and _is_regular(child) and not _alive(int(match["pid"])):
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


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
