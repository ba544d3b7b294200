"""What the exports share beyond text: identifiers derived from names, and zip archives that are the same every build."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterable

FIRST_DAY = (1980, 1, 1, 0, 0, 0)
"""The zip format's first day: every entry carries it, so the same files give the same archive."""
FILE_PERMISSIONS = 0o100644 << 16
"""A regular file readable by all, as unpacked on any system."""


def digest(*parts: str) -> bytes:
    """The SHA-256 of the parts, each told apart from the next (so ``("a", "bc")`` differs from ``("ab", "c")``)."""
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()


def stable_number(low: int, high: int, *parts: str) -> int:
    """A number in ``[low, high)`` derived from the parts: the same parts give the same number in every build."""
    return low + int.from_bytes(digest(*parts)[:8], "big") % (high - low)


def identifier(prefix: str, *parts: str) -> str:
    """An XML identifier (a letter, then hex digits) derived from the parts."""
    return prefix + digest(*parts).hex()[:32]


def zipped(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """The entries as a deflated zip archive whose bytes depend on their names and contents alone."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIRST_DAY)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = FILE_PERMISSIONS
            info.create_system = 3
            archive.writestr(info, data)
    return buffer.getvalue()
