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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guide.output import write_atomically
from guide.outputs import INPUT_KINDS, REGISTRY

MANIFEST_NAME = ".manifest.json"
MISSING = "(missing)"
"""The digest of a file that cannot be read: never equal to a real one, so its targets are rebuilt."""

Inputs = dict[str, list[Path]]
"""A topic's input files by kind (``guide.outputs.INPUT_KINDS``)."""


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
                self._known[path] = MISSING
        return self._known[path]


@dataclass
class Manifest:
    folder: Path
    targets: dict[str, Any] = field(default_factory=dict)
    """Target file name -> {"key", "size"}."""
    sources: dict[str, Any] = field(default_factory=dict)
    """Absolute topic path -> {"id", "inputs", "targets", "chosen"}: its topic id, its input files by kind,
    output name -> the file it makes (null: the topic has none) for every output, and the outputs its
    course or theme choose when the command line does not."""
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
        """The key of a target: the contents of the input files it depends on, and the build settings."""
        return fingerprint([settings, *(f"{path}\0{digests(path)}" for path in inputs)])

    def is_current(self, names: Sequence[str], key: str) -> bool:
        """Whether every target exists, unchanged in size, built from inputs with this key."""
        for name in names:
            entry = self.targets.get(name)
            path = self.folder / name
            if not isinstance(entry, dict) or entry.get("key") != key or not path.is_file() or path.stat().st_size != entry.get("size"):
                return False
        return True

    def current_topic(self, source: Path, chosen: Sequence[str] | None, settings: str, digests: Digests) -> str | None:
        """The topic id of ``source`` when its chosen outputs are up to date, judged without reading it as YAML.

        ``chosen`` None means the outputs its course or theme chose when it was last built.
        """
        entry = self.sources.get(str(source.resolve()))
        if not isinstance(entry, dict):
            return None
        try:
            targets: dict[str, str | None] = entry["targets"]
            inputs = {kind: [Path(path) for path in paths] for kind, paths in entry["inputs"].items()}
            names = entry["chosen"] if chosen is None else chosen
            files = [(REGISTRY[name], targets[name]) for name in names]
            topic_id = str(entry["id"])
        except (TypeError, KeyError, AttributeError):
            return None  # a manifest of another version, an output it never considered, or a damaged entry
        present = [(output, file) for output, file in files if file is not None]
        for output, file in present:
            if not self.is_current([file], self.key(files_of(inputs, output.inputs), settings, digests)):
                return None
        return topic_id if present else None

    def record_topic(self, source: Path, topic_id: str, inputs: Inputs, targets: dict[str, str | None], chosen: Sequence[str]) -> None:
        """What a topic is made from, the file each output makes of it (None: it has none), and the outputs its course or theme choose."""
        entry = {
            "id": topic_id,
            "inputs": {kind: [str(path) for path in paths] for kind, paths in inputs.items()},
            "targets": targets,
            "chosen": list(chosen),
        }
        self._set(self.sources, str(source.resolve()), entry)

    def record_targets(self, paths: Iterable[Path], key: str) -> None:
        for path in paths:
            self._set(self.targets, path.name, {"key": key, "size": path.stat().st_size})

    def record_course(self, source: Path, digest: str, folder: str, patterns: Sequence[str]) -> None:
        self._set(self.courses, str(source.resolve()), {"digest": digest, "folder": folder, "patterns": list(patterns)})

    def input_files(self) -> Iterator[str]:
        """Every file a build recorded reading for this folder: course files and each topic's inputs."""
        yield from self.courses
        for entry in self.sources.values():
            inputs = entry.get("inputs") if isinstance(entry, dict) else None
            for paths in inputs.values() if isinstance(inputs, dict) else ():
                yield from (path for path in paths if isinstance(path, str)) if isinstance(paths, list) else ()

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


def files_of(inputs: Inputs, kinds: Iterable[str]) -> list[Path]:
    """The input files of the given kinds, in the order of INPUT_KINDS: what one output's key is made of."""
    wanted = set(kinds)
    return [path for kind in INPUT_KINDS if kind in wanted for path in inputs.get(kind, ())]


class Manifests(dict[Path, Manifest]):
    """The manifest of each output folder, read the first time it is asked for."""

    def __missing__(self, folder: Path) -> Manifest:
        self[folder] = Manifest.read(folder)
        return self[folder]

    def save(self) -> None:
        for manifest in self.values():
            manifest.save()
