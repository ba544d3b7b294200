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
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guide.errors import Problem, quoted
from guide.output import Written, write_atomically
from guide.outputs import INPUT_KINDS, REGISTRY, Output
from guide.regular_file import open_regular, read_regular

MANIFEST_NAME = ".manifest.json"
MISSING = "(missing)"
"""The digest of a file that cannot be read: never equal to a real one, so its targets are rebuilt."""

Inputs = dict[str, list[Path]]
"""A topic's input files by kind (``guide.outputs.INPUT_KINDS``)."""
MAX_MANIFEST_BYTES = 64_000_000
"""A manifest of 1,000 topics is about 1 MB."""
READ_BLOCK = 1 << 20


def fingerprint(parts: Iterable[bytes | str]) -> str:
    """A SHA-256 over the parts, each length-prefixed so that no two sequences collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part  # a file name's undecodable bytes as they are
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def file_digest(path: Path) -> str:
    """The SHA-256 of a regular file's bytes, read in blocks; MISSING for anything else.

    Opened without blocking and checked before reading: a manifest naming a pipe or a device
    (edited by hand, or by someone else) must not hang the build or read without end.
    """
    digest = hashlib.sha256()
    try:
        with open_regular(path) as stream:
            while block := stream.read(READ_BLOCK):
                digest.update(block)
    except OSError:  # missing, unreadable, or not a regular file
        return MISSING
    return digest.hexdigest()


class Digests:
    """The SHA-256 of each file's bytes, each file read once however many topics share it (fonts, templates)."""

    def __init__(self) -> None:
        self._known: dict[Path, str] = {}

    def __call__(self, path: Path) -> str:
        if path not in self._known:
            self._known[path] = file_digest(path)
        return self._known[path]

    def remember(self, path: Path, digest: str) -> None:
        """The digest of the bytes a reader parsed: what the outputs are made from, even if the file changed since."""
        self._known[path] = digest


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
    warning: str | None = None
    """Why the manifest found was ignored, or could not be saved: the targets are built again."""

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        """The folder's manifest; an empty one, with a warning, when what is there is not one this tool wrote."""
        path = folder / MANIFEST_NAME
        if not path.exists():
            return cls(folder)
        data, problem = _read_json(path)
        if problem is None:
            problem = _schema_problem(data)
        if problem is not None:
            return cls(folder, warning=f"warning: ignored ({problem}); its targets are built again")
        return cls(folder, data["targets"], data["sources"], data["courses"])

    def key(self, inputs: Iterable[Path], settings: str, digests: Digests) -> str:
        """The key of a target: the contents of the input files it depends on, and the build settings."""
        return fingerprint([settings, *(f"{path}\0{digests(path)}" for path in inputs)])

    def is_current(self, names: Sequence[str], key: str) -> bool:
        """Whether every target exists, unchanged, built from inputs with this key.

        Unchanged means the content hash recorded; a file whose size and modification time are
        those recorded is taken as unchanged without hashing it (an edit changes the time).
        """
        for name in names:
            entry = self.targets.get(name)
            if not isinstance(entry, dict) or entry.get("key") != key:
                return False
            try:
                status = (self.folder / name).lstat()
            except OSError:
                return False
            if not stat.S_ISREG(status.st_mode) or status.st_size != entry.get("size"):
                return False
            if status.st_mtime_ns != entry.get("modified_ns") and file_digest(self.folder / name) != entry.get("sha256"):
                return False
        return True

    def current_topic(self, source: Path, chosen: Sequence[str] | None, settings: Callable[[Output], str], digests: Digests) -> str | None:
        """The topic id of ``source`` when its chosen outputs are up to date, judged without reading it as YAML.

        ``chosen`` None means the outputs its course or theme chose when it was last built;
        ``settings`` gives what besides input files shapes an output (``BuildOptions.settings_of``).
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
            if not self.is_current([file], self.key(files_of(inputs, output.inputs), settings(output), digests)):
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

    def record_target(self, file: Written, key: str) -> None:
        """A target just written, made from inputs with ``key``: recorded as written, never read back."""
        entry = {"key": key, "size": file.size, "modified_ns": file.modified_ns, "sha256": file.sha256}
        self._set(self.targets, file.path.name, entry)

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
        try:
            write_atomically([(self.folder / MANIFEST_NAME, text.encode("utf-8"))])
        except OSError as error:  # a full disk, a read-only folder: the outputs stand, the next build makes them again
            self.warning = f"warning: could not be saved ({error.strerror or error}); the next build rebuilds these targets"
            return
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

    def warnings(self) -> list[Problem]:
        """A warning for each manifest ignored or not saved, naming its file."""
        return [Problem(str(manifest.folder / MANIFEST_NAME), 0, 0, "", manifest.warning) for manifest in self.values() if manifest.warning]


def _read_json(path: Path) -> tuple[Any, str | None]:
    """The manifest's data, or why it cannot be read: not a regular file, too large, not JSON, nested too deep."""
    try:
        raw = read_regular(path, MAX_MANIFEST_BYTES)
    except OSError as error:
        return None, f"cannot be read: {error.strerror or error}"
    if len(raw) > MAX_MANIFEST_BYTES:
        return None, f"larger than {MAX_MANIFEST_BYTES // 1_000_000} MB"
    try:
        return json.loads(raw.decode("utf-8")), None
    except (ValueError, RecursionError):
        return None, "not a manifest this tool wrote"


def _schema_problem(data: Any) -> str | None:
    """Why ``data`` is not shaped as a manifest this tool writes; entries it would act on are checked in full."""
    if not isinstance(data, dict) or not all(isinstance(data.get(name), dict) for name in ("targets", "sources", "courses")):
        return "not a manifest this tool wrote"
    for name, entry in data["targets"].items():
        if not (_is_file_name(name) and _shaped(entry, {"key": str, "size": int})):
            return f"a bad entry for target {quoted(name)}"
    for source, entry in data["sources"].items():
        if not (_shaped(entry, {"id": str, "inputs": dict, "targets": dict, "chosen": list}) and Path(source).is_absolute()):
            return f"a bad entry for source {quoted(source)}"
        paths = [path for kind in entry["inputs"].values() for path in (kind if isinstance(kind, list) else [None])]
        if not all(isinstance(path, str) and Path(path).is_absolute() for path in paths):
            return f"a bad input of source {quoted(source)}"
        if not all(target is None or (isinstance(target, str) and _is_file_name(target)) for target in entry["targets"].values()):
            return f"a bad target of source {quoted(source)}"
    for course, entry in data["courses"].items():
        if not (_shaped(entry, {"digest": str, "folder": str, "patterns": list}) and _is_file_name(entry["folder"])):
            return f"a bad entry for course {quoted(course)}"
        if not all(isinstance(pattern, str) for pattern in entry["patterns"]):
            return f"a bad pattern of course {quoted(course)}"
    return None


def _shaped(entry: Any, fields: dict[str, type]) -> bool:
    return isinstance(entry, dict) and all(isinstance(entry.get(name), kind) for name, kind in fields.items())


def _is_file_name(name: str) -> bool:
    """A name this tool gives an output or a course's folder: inside its folder, never hidden, never a path."""
    return bool(name) and "/" not in name and "\\" not in name and not name.startswith(".")
