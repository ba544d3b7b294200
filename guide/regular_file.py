"""Opening a file that must be a regular file, without ever blocking on a pipe or reading a device.

Every input is named by someone else: a path on the command line, in a theme, in a manifest.
A named pipe would block the build for ever, ``/dev/zero`` would be read until memory runs
out. The file is opened without blocking and checked after opening, so what is read is what
was checked, even if a pipe was swapped in after an earlier look.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO


class NotRegularFileError(OSError):
    """The path names a pipe, a device, a folder or a socket, not a file."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"not a regular file: {path}")
        self.strerror = "not a regular file"


def open_regular(path: Path) -> BinaryIO:
    """``path`` opened for reading in binary; raises NotRegularFileError (an OSError) for anything but a regular file."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    stream = os.fdopen(descriptor, "rb")
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        stream.close()
        raise NotRegularFileError(path)
    return stream


def read_regular(path: Path, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes of the regular file at ``path``: one more than the bound tells a caller it is exceeded."""
    with open_regular(path) as stream:
        return stream.read(limit + 1)
