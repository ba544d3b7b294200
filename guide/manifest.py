"""What each output was built from, so a target whose inputs did not change is not built again.

The manifest lives in the output folder as ``.manifest.json``: target file name -> the key
of everything it was made from (tool version, topic file, images, resolved theme and the
files behind it, course) and the size it was written with. A missing, edited or corrupt
manifest only costs a rebuild.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from guide.output import write_atomically

MANIFEST_NAME = ".manifest.json"


def fingerprint(parts: Iterable[bytes | str]) -> str:
    """A SHA-256 over the parts, each length-prefixed so that no two sequences collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def file_contents(paths: Iterable[Path]) -> Iterable[bytes | str]:
    """Each path and its bytes, for a fingerprint; a file gone since is fingerprinted as missing."""
    for path in paths:
        yield str(path)
        try:
            yield path.read_bytes()
        except OSError:
            yield "(missing)"


@dataclass
class Manifest:
    folder: Path
    entries: dict[str, dict[str, object]] = field(default_factory=dict)

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        try:
            entries = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = {}
        return cls(folder, entries if isinstance(entries, dict) else {})

    def is_current(self, names: Sequence[str], key: str) -> bool:
        """Whether every target exists, unchanged in size, built from inputs with this key."""
        for name in names:
            entry = self.entries.get(name)
            path = self.folder / name
            if not isinstance(entry, dict) or entry.get("key") != key or not path.is_file() or path.stat().st_size != entry.get("size"):
                return False
        return True

    def record(self, paths: Iterable[Path], key: str) -> None:
        for path in paths:
            self.entries[path.name] = {"key": key, "size": path.stat().st_size}

    def save(self) -> None:
        text = json.dumps(self.entries, indent=1, sort_keys=True) + "\n"
        write_atomically([(self.folder / MANIFEST_NAME, text.encode("utf-8"))])
