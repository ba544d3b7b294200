"""What each output was built from, so a target whose inputs did not change is not built again.

Each output folder keeps a ``.manifest.json``. For every topic built there it lists the
files the topic was made from (topic, images, course, theme files, fonts, logo, template);
for every target, a key over those files' contents and the build's settings, and the size
it was written with. Whether a topic is up to date is then a matter of hashing files, with
no file parsed. The top folder's manifest also remembers each course's folder and topic
patterns, so a course's topics are found without reading the course either. A missing,
edited or corrupt manifest only costs a rebuild.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guide.output import write_atomically

MANIFEST_NAME = ".manifest.json"
FORMAT_OF_SUFFIX = {".pdf": "pdf", ".pptx": "pptx"}


def fingerprint(parts: Iterable[bytes | str]) -> str:
    """A SHA-256 over the parts, each length-prefixed so that no two sequences collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class Digests:
    """The SHA-256 of each file's bytes, each file read once however many topics share it (fonts, templates)."""

    def __init__(self) -> None:
        self._known: dict[Path, str] = {}

    def __call__(self, path: Path) -> str:
        if path not in self._known:
            try:
                self._known[path] = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                self._known[path] = "(missing)"
        return self._known[path]


@dataclass
class Manifest:
    folder: Path
    targets: dict[str, Any] = field(default_factory=dict)
    """Target file name -> {"key", "size"}."""
    sources: dict[str, Any] = field(default_factory=dict)
    """Absolute topic path -> {"id", "inputs", "targets"}: its topic id, what it was made from, every file it makes."""
    courses: dict[str, Any] = field(default_factory=dict)
    """Absolute course path -> {"digest", "folder", "patterns"}, kept in the top output folder."""
    changed: bool = False

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        try:
            data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
            parts = [data.get(name) for name in ("targets", "sources", "courses")]
        except (OSError, ValueError, AttributeError):
            parts = []
        if not (parts and all(isinstance(part, dict) for part in parts)):
            return cls(folder)
        return cls(folder, *parts)

    def key(self, inputs: Iterable[Path], settings: str, digests: Digests) -> str:
        """The key of a topic's targets: its input files' contents and the build settings."""
        return fingerprint([settings, *(f"{path}\0{digests(path)}" for path in inputs)])

    def is_current(self, names: Sequence[str], key: str) -> bool:
        """Whether every target exists, unchanged in size, built from inputs with this key."""
        for name in names:
            entry = self.targets.get(name)
            path = self.folder / name
            if not isinstance(entry, dict) or entry.get("key") != key or not path.is_file() or path.stat().st_size != entry.get("size"):
                return False
        return True

    def current_topic(self, source: Path, formats: Sequence[str], settings: str, digests: Digests) -> str | None:
        """The topic id of ``source`` when its targets in ``formats`` are up to date, judged without reading it as YAML."""
        entry = self.sources.get(str(source.resolve()))
        if not isinstance(entry, dict):
            return None
        try:
            names = [name for name in entry["targets"] if FORMAT_OF_SUFFIX.get(Path(name).suffix) in formats]
            key = self.key((Path(path) for path in entry["inputs"]), settings, digests)
            topic_id = str(entry["id"])
        except (TypeError, KeyError):
            return None
        return topic_id if names and self.is_current(names, key) else None

    def record_topic(self, source: Path, topic_id: str, inputs: Sequence[Path], names: Sequence[str]) -> None:
        """What a topic is made from and every file it makes (in all formats)."""
        entry = {"id": topic_id, "inputs": [str(path) for path in inputs], "targets": list(names)}
        self._set(self.sources, str(source.resolve()), entry)

    def record_targets(self, paths: Iterable[Path], key: str) -> None:
        for path in paths:
            self._set(self.targets, path.name, {"key": key, "size": path.stat().st_size})

    def record_course(self, source: Path, digest: str, folder: str, patterns: Sequence[str]) -> None:
        self._set(self.courses, str(source.resolve()), {"digest": digest, "folder": folder, "patterns": list(patterns)})

    def course(self, source: Path) -> dict[str, Any] | None:
        entry = self.courses.get(str(source.resolve()))
        return entry if isinstance(entry, dict) else None

    def _set(self, table: dict[str, Any], name: str, entry: dict[str, Any]) -> None:
        if table.get(name) != entry:
            table[name] = entry
            self.changed = True

    def save(self) -> None:
        """Write the manifest if anything in it changed; a build that wrote nothing here leaves no folder behind."""
        if not (self.changed and self.folder.is_dir()):
            return
        data = {"courses": self.courses, "sources": self.sources, "targets": self.targets}
        # Compact, so the C encoder writes it: indented, a 1000-topic manifest took ~30 ms a save.
        text = json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n"
        write_atomically([(self.folder / MANIFEST_NAME, text.encode("utf-8"))])
        self.changed = False


class Manifests(dict[Path, Manifest]):
    """The manifest of each output folder, read the first time it is asked for."""

    def __missing__(self, folder: Path) -> Manifest:
        self[folder] = Manifest.read(folder)
        return self[folder]

    def save(self) -> None:
        for manifest in self.values():
            manifest.save()
