"""A deck's package -> .pptx bytes: the zip written here, each template entry compressed once.

python-pptx serialises a package through ``zipfile``, compressing every entry of every deck
again, though most of a deck's entries are its template's masters, layouts, theme and media,
the same bytes each time: that was a third of a deck's rendering. python-pptx still decides
what goes into the package (its parts, their content types, the package's relationships, read
through guide.render.pptx.internals); only the archive is ours, and the parts a template keeps
unchanged from deck to deck are serialised once. A new part's relationships are written here in
one pass (python-pptx builds and validates an element per relationship, a tenth of a deck), in
its order and words. Entries carry one fixed date and plain permissions, so the same deck gives
the same bytes.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass
from typing import TypeVar
from weakref import WeakKeyDictionary

from lxml.etree import Element, SubElement, tostring
from pptx.opc.package import OpcPackage, Part
from pptx.opc.packuri import PackURI

from guide.render.pptx.internals import content_types_item, package_relationships_item

K = TypeVar("K")
V = TypeVar("V")

DOS_TIME, DOS_DATE = 0, (1 << 5) | 1
"""00:00:00 on 1 January 1980, the zip format's first day, in its DOS encoding."""
VERSION = 20
"""Zip 2.0: deflate, no zip64 (a deck is far below 4 GB)."""
MADE_ON_UNIX = 3 << 8
FILE_PERMISSIONS = 0o100644 << 16
"""A regular file readable by all, as unpacked on any system."""
DEFLATE = 8
LOCAL_HEADER = struct.Struct("<4sHHHHHLLLHH")
CENTRAL_HEADER = struct.Struct("<4sHHHHHHLLLHHHHHLL")
END_RECORD = struct.Struct("<4sHHHHLLH")
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class _Entry:
    data: bytes
    crc: int
    compressed: bytes


KEPT_CONTENT_TYPES = 64
KEPT_RELATIONSHIPS = 1024
"""Lists of relationships whose ``.rels`` items a session keeps: a few per slide position, and those with links."""


class ArchiveMemory:
    """What writing one deck leaves for the next in a build session; every entry is checked against the bytes it stands for."""

    def __init__(self) -> None:
        self.entries: dict[str, _Entry] = {}
        """The last entry written under each name, reused while its bytes are the same."""
        self.serialised: WeakKeyDictionary[Part, tuple[tuple[PackURI, bytes], ...]] = WeakKeyDictionary()
        """The (name, bytes) of each unchanging part and its relationships, kept while the part lives."""
        self.content_types: dict[tuple[tuple[str, str], ...], tuple[PackURI, bytes]] = {}
        """The content types item for each list of (part name, content type): decks of as many slides share one."""
        self.relationships: dict[tuple[tuple[str, str, str, bool], ...], bytes] = {}
        """The ``.rels`` item of each list of (id, type, target, whether external) relationships."""
        self.relative: dict[tuple[PackURI, str], str] = {}
        """Each (target, folder) pair's relative reference: the same few pairs recur in every deck."""


def deck_bytes(package: OpcPackage, parts: Sequence[Part], memory: ArchiveMemory, unchanging: Set[Part] = frozenset()) -> bytes:
    """The package as a .pptx file: its ``parts`` in the order given; ``unchanging`` parts are known to be as when last written."""
    archive = _Archive(memory)
    archive.write(*_content_types(parts, memory))
    archive.write(*package_relationships_item(package))
    for part in parts:
        for name, data in _serialised(part, unchanging, memory):
            archive.write(name, data)
    return archive.finish()


def _content_types(parts: Sequence[Part], memory: ArchiveMemory) -> tuple[PackURI, bytes]:
    """``[Content_Types].xml`` as python-pptx writes it; it depends only on the parts' names and types."""
    key = tuple((str(part.partname), part.content_type) for part in parts)
    return _kept(memory.content_types, key, lambda: content_types_item(parts), KEPT_CONTENT_TYPES)


def _kept(table: dict[K, V], key: K, make: Callable[[], V], most: int) -> V:
    """``table``'s value for ``key``, made and kept when new; a table holding ``most`` starts afresh."""
    value = table.get(key)
    if value is None:
        if len(table) >= most:
            table.clear()
        value = table[key] = make()
    return value


def _serialised(part: Part, unchanging: Set[Part], memory: ArchiveMemory) -> tuple[tuple[PackURI, bytes], ...]:
    """The part's bytes and, when it has relationships, theirs: as python-pptx writes them."""
    kept = memory.serialised.get(part) if part in unchanging else None
    if kept is not None:
        return kept
    relationships = ((part.partname.rels_uri, _relationships_xml(part, memory)),) if part.rels else ()
    written = ((part.partname, part.blob), *relationships)
    if part in unchanging:
        memory.serialised[part] = written
    return written


def _relationships_xml(part: Part, memory: ArchiveMemory) -> bytes:
    """The part's ``.rels`` item: its relationships in the order of their numbers, as python-pptx writes it.

    Most are the same from deck to deck (the third slide's notes refer to the notes master and
    the third slide), so each list of relationships is written once and kept.
    """
    base = part.partname.baseURI
    listed = tuple(
        (rel.rId, rel.reltype, rel.target_ref if rel.is_external else _relative(rel.target_partname, base, memory), rel.is_external)
        for _, _, rel in sorted((_number(rId), rId, rel) for rId, rel in part.rels.items())
    )
    return _kept(memory.relationships, listed, lambda: _relationships_item(listed), KEPT_RELATIONSHIPS)


def _relationships_item(listed: tuple[tuple[str, str, str, bool], ...]) -> bytes:
    """A ``.rels`` item of (id, type, target, whether external) relationships, in their order."""
    root = Element(f"{{{PACKAGE_RELATIONSHIPS}}}Relationships", nsmap={None: PACKAGE_RELATIONSHIPS})
    for rId, reltype, target, external in listed:  # noqa: N806 - the OOXML name
        attributes = {"Id": rId, "Type": reltype, "Target": target}
        if external:
            attributes["TargetMode"] = "External"
        SubElement(root, f"{{{PACKAGE_RELATIONSHIPS}}}Relationship", attributes)
    return tostring(root, encoding="UTF-8", standalone=True)


def _number(rId: str) -> int:  # noqa: N803 - the OOXML name
    """Where python-pptx sorts a relationship: by the number in ``rIdN``, other ids first."""
    return int(rId[3:]) if rId.startswith("rId") and rId[3:].isdigit() else 0


def _relative(target: PackURI, base: str, memory: ArchiveMemory) -> str:
    """The target's name relative to the folder of the part that refers to it."""
    relative = memory.relative.get((target, base))
    if relative is None:
        relative = memory.relative[target, base] = target.relative_ref(base)
    return relative


class _Archive:
    """A zip archive built in memory, entry by entry, in the order written."""

    def __init__(self, memory: ArchiveMemory) -> None:
        self._memory = memory
        self._chunks: list[bytes] = []
        self._directory: list[bytes] = []
        self._offset = 0

    def write(self, name: PackURI, data: bytes) -> None:
        member = name.membername.encode("ascii")
        entry = _entry(name.membername, data, self._memory.entries)
        header = LOCAL_HEADER.pack(
            b"PK\x03\x04", VERSION, 0, DEFLATE, DOS_TIME, DOS_DATE, entry.crc, len(entry.compressed), len(data), len(member), 0
        )
        self._directory.append(
            CENTRAL_HEADER.pack(
                b"PK\x01\x02",
                VERSION | MADE_ON_UNIX,
                VERSION,
                0,
                DEFLATE,
                DOS_TIME,
                DOS_DATE,
                entry.crc,
                len(entry.compressed),
                len(data),
                len(member),
                0,
                0,
                0,
                0,
                FILE_PERMISSIONS,
                self._offset,
            )
            + member
        )
        self._chunks += (header, member, entry.compressed)
        self._offset += len(header) + len(member) + len(entry.compressed)

    def finish(self) -> bytes:
        directory = b"".join(self._directory)
        count = len(self._directory)
        end = END_RECORD.pack(b"PK\x05\x06", 0, 0, count, count, len(directory), self._offset, 0)
        return b"".join((*self._chunks, directory, end))


def _entry(name: str, data: bytes, entries: dict[str, _Entry]) -> _Entry:
    """The entry for ``data``: the one written last under ``name`` if its bytes are the same."""
    known = entries.get(name)
    if known is not None and known.data == data:
        return known
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS)
    entry = _Entry(data, zlib.crc32(data), compressor.compress(data) + compressor.flush())
    entries[name] = entry
    return entry
