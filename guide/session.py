"""One build's memory: every font, template, measurer and picture made from a file, kept here.

A renderer is handed the session of the build it serves and asks it for what is costly to
make (a template opened, a font registered, a face's widths, a theme's paragraph styles, a
picture decoded). Each is kept under the SHA-256 of the bytes it was made from, never under
a path, so what a file's old bytes made is never served for its new ones.

Nothing here outlives the session: a library caller who builds twice, ``--watch`` and the
tests get fresh results without forking. Worker processes each hold a session of their own
for as long as the build that started them.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar

from guide.errors import RenderError
from guide.manifest import MISSING, Digests

T = TypeVar("T")


class BuildSession:
    """The caches of one build, keyed by content: files' digests, and what was made from which bytes."""

    def __init__(self) -> None:
        self.digests = Digests()
        """Each file's SHA-256, hashed once per session: what the manifests record and caches are keyed by."""
        self._made: dict[str, OrderedDict[Hashable, object]] = {}
        self._alike: dict[str, tuple[object, object]] = {}

    def digest(self, path: Path) -> str:
        """The SHA-256 of ``path``'s bytes; raises RenderError if it cannot be read."""
        digest = self.digests(path)
        if digest == MISSING:
            raise RenderError(f"'{path.name}' cannot be read")
        return digest

    def made(self, kind: str, key: Hashable, make: Callable[[], T], keep: int | None = None) -> T:
        """What ``make`` returns, made once per ``(kind, key)``; ``key`` must name everything it depends on.

        ``keep`` bounds how many of this kind are kept, the least recently used dropped first:
        for things made per topic (pictures), so a long batch's memory stays flat.
        """
        table = self._made.setdefault(kind, OrderedDict())
        if key in table:
            table.move_to_end(key)
        else:
            table[key] = make()
            if keep is not None and len(table) > keep:
                table.popitem(last=False)
        return table[key]  # type: ignore[return-value]  # stored from make() under this very key

    def made_alike(self, kind: str, value: object, make: Callable[[], T]) -> T:
        """What ``make`` returns for ``value``, made again only when ``value`` differs from the last value of this kind.

        For what is made from a whole record (a topic and its typography), equal by content but
        not hashable: the outputs of one topic, rendered one after another, share it, and only
        the latest is kept, so a long batch's memory stays flat.
        """
        kept = self._alike.get(kind)
        if kept is not None and (kept[0] is value or kept[0] == value):
            return kept[1]  # type: ignore[return-value]  # stored from make() for this very value
        made = make()
        self._alike[kind] = (value, made)
        return made

    def forget(self, kind: str, key: Hashable) -> None:
        """Drop what was made under ``(kind, key)``: it can no longer be trusted (a write into it failed half-way)."""
        table = self._made.get(kind)
        if table is not None:
            table.pop(key, None)

    def from_file(self, kind: str, path: Path, make: Callable[[bytes], T], *details: Hashable, keep: int | None = None) -> T:
        """What ``make`` makes of the bytes of ``path`` (with ``details``), made once per content, never per path.

        A file edited since the build fingerprinted it is made from what it holds now and not
        kept: the manifest records the fingerprint taken first, so the next build sees the edit
        and renders again, and the edit is never lost.
        """
        digest = self.digest(path)
        key = (digest, *details)
        if key in self._made.get(kind, {}):
            return self.made(kind, key, lambda: make(path.read_bytes()), keep)  # made before: only marked as recently used
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != digest:
            return make(data)
        return self.made(kind, key, lambda: make(data), keep)
