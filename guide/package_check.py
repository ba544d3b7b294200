"""A slide template's package checked before anything inflates or parses it for use.

A .pptx or .potx is a zip of XML parts that point at each other through relationships. One
made to harm can inflate to gigabytes, declare XML entities that expand without end or
fetch files, hide macros, point outside itself (a web address, a network share, ``../``),
or lack the parts a reader takes for granted. Each is found here, from the zip's directory
and the parts' own text, and reported in words; what survives is handed on as a clean
package of exactly the bytes checked, so no reader after this sees anything else.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from guide.errors import GuideError, quoted
from guide.ooxml import DRAWINGML, PRESENTATIONML, RELATIONSHIPS
from guide.regular_file import NotRegularFileError, read_regular

MAX_FILE_BYTES = 50_000_000
MAX_MEMBERS = 1_000
MAX_MEMBER_BYTES = 50_000_000
"""One part once inflated: a large picture of the template's, at most."""
MAX_TOTAL_BYTES = 150_000_000
MAX_RATIO = 100
"""Inflated size over compressed size, for parts above RATIO_FLOOR: XML and pictures stay far below it."""
RATIO_FLOOR = 1_000_000

SHOWN_DROPPED = 5
"""Links out of the package that the warning names; the rest it counts."""

_PACKAGE_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CONTENT_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_THEME = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_MAIN_TYPES = {
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": False,
    "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml": True,
}
"""The main part's content type -> whether it is a template (.potx), which is opened as a presentation."""
_PRESENTATION_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_MACROS = re.compile(r"macroEnabled|vbaProject|vbaData", re.IGNORECASE)
_SLIDE_SIZE = (914_400, 51_206_400)
"""What a slide's width and height may be, in EMU (1 to 56 inches), as the standard says."""
_COORDINATE = 27_273_042_316_900
"""The largest offset or extent the standard allows, in EMU."""
_UNSIGNED_INT = 4_294_967_295
_INTEGER = re.compile(r"-?[0-9]{1,20}")
_NUMBERS = {
    f"{DRAWINGML}off": (("x", -_COORDINATE, _COORDINATE), ("y", -_COORDINATE, _COORDINATE)),
    f"{DRAWINGML}ext": (("cx", 0, _COORDINATE), ("cy", 0, _COORDINATE)),
    f"{PRESENTATIONML}ph": (("idx", 0, _UNSIGNED_INT),),
    f"{PRESENTATIONML}sldSz": (("cx", *_SLIDE_SIZE), ("cy", *_SLIDE_SIZE)),
}
"""Attributes the template reader takes as integers: (name, least, most) by element."""
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


class PackageError(GuideError):
    """A template package that is unsafe or malformed; the message says what and where."""


@dataclass(frozen=True)
class CheckedPackage:
    data: bytes
    """The package to open: every part as checked, a .potx declared a presentation, dropped relationships gone."""
    warnings: tuple[str, ...]
    """What was dropped (relationships leaving the package), in words: one warning, however many."""


def checked_package(path: Path) -> CheckedPackage:
    """The template at ``path`` as a clean presentation package; raises PackageError saying what is wrong."""
    name = quoted(path.name)
    try:
        data = read_regular(path, MAX_FILE_BYTES)
    except NotRegularFileError:
        raise PackageError(f"{name} is not a regular file") from None
    except OSError as error:
        raise PackageError(f"cannot read {name}: {error.strerror or error}") from None
    if len(data) > MAX_FILE_BYTES:
        raise PackageError(f"{name} is larger than {MAX_FILE_BYTES // 1_000_000} MB")
    try:
        parts = _members(data, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as error:
        raise PackageError(f"{name} is not a readable PowerPoint file ({error})") from None
    return _Checker(name, parts).checked(data)


def _members(data: bytes, name: str) -> dict[str, bytes]:
    """Every member's bytes, after the zip's directory showed each and all together within bounds."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise PackageError(f"{name} holds {len(infos):,} parts; a template holds at most {MAX_MEMBERS:,}")
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_MEMBER_BYTES:
                raise PackageError(
                    f"{name}: part {quoted(info.filename)} inflates to {info.file_size:,} bytes; at most {MAX_MEMBER_BYTES:,}"
                )
            ratio = info.file_size // max(info.compress_size, 1)
            if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
                raise PackageError(f"{name}: part {quoted(info.filename)} inflates {ratio:,} times; at most {MAX_RATIO} (a zip bomb?)")
        if total > MAX_TOTAL_BYTES:
            raise PackageError(f"{name} inflates to {total:,} bytes; at most {MAX_TOTAL_BYTES:,}")
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            raise PackageError(f"{name} holds two parts of the same name")
        parts = {}
        for info in infos:
            with archive.open(info) as member:
                content = member.read(info.file_size + 1)  # the directory's size bounds what is inflated
            if len(content) != info.file_size:
                raise PackageError(f"{name}: part {quoted(info.filename)} is not the size the zip says")
            parts[info.filename] = content
    return parts


class _Checker:
    """The checks of one package's parts, and the relationships dropped on the way."""

    def __init__(self, name: str, parts: dict[str, bytes]) -> None:
        self.name = name
        self.parts = parts
        self.trees: dict[str, etree._Element] = {}
        self.edited: set[str] = set()
        self.dropped: list[str] = []
        """Each relationship dropped, in words."""

    def checked(self, data: bytes) -> CheckedPackage:
        """The package as checked: ``data`` itself when nothing was edited (each part was found to
        inflate to exactly its stated size and checksum, so reading it again gives the same bytes)."""
        macros = [part for part in self.parts if _MACROS.search(part)]
        if "[Content_Types].xml" not in self.parts:
            raise PackageError(f"{self.name} is not a PowerPoint file (no [Content_Types].xml)")
        types = self.parts["[Content_Types].xml"].decode("utf-8", "replace")
        if macros or _MACROS.search(types):
            raise PackageError(f"{self.name} is a macro-enabled package; save it as a plain .pptx or .potx without macros")
        for part, content in self.parts.items():
            if part.endswith((".xml", ".rels")):
                self.trees[part] = self._parsed(part, content)
        for part in list(self.trees):
            if part.endswith(".rels"):
                self._drop_outside(part)
        main = self._main_part()
        template = self._main_type(main)
        self._check_structure(main)
        for part, tree in self.trees.items():
            self._check_numbers(part, tree)
        if template:
            for override in self.trees["[Content_Types].xml"].iter(f"{_CONTENT_TYPES}Override"):
                if override.get("ContentType") in _MAIN_TYPES:
                    override.set("ContentType", _PRESENTATION_TYPE)
            self.edited.add("[Content_Types].xml")
        return CheckedPackage(self._repacked() if self.edited else data, self._warnings())

    def _parsed(self, part: str, content: bytes) -> etree._Element:
        """A part's XML, entities left unexpanded and nothing fetched; a part declaring a DTD is refused."""
        try:
            root = etree.fromstring(content, _PARSER)
        except etree.LxmlError as error:
            raise PackageError(f"{self.name}: part {quoted(part)} is not well-formed XML ({error})") from None
        if root.getroottree().docinfo.doctype:
            raise PackageError(f"{self.name}: part {quoted(part)} declares a document type (entities); Office files never do")
        return root

    def _drop_outside(self, rels_part: str) -> None:
        """Drop the relationships of ``rels_part`` that leave the package, with a warning each."""
        source_folder = _source_folder(rels_part)
        root = self.trees[rels_part]
        for relationship in list(root.iter(f"{_PACKAGE_RELATIONSHIPS}Relationship")):
            target = relationship.get("Target", "")
            external = relationship.get("TargetMode") == "External"
            if external or _resolved(source_folder, target) is None:
                kind = "an external link" if external else "a link out of the package"
                self.dropped.append(f"{kind} to {quoted(target)} in {quoted(rels_part)}")
                self._forget(rels_part, relationship.get("Id", ""))
                root.remove(relationship)
                self.edited.add(rels_part)

    def _warnings(self) -> tuple[str, ...]:
        """One warning for the relationships dropped: a template's sample slides may hold many links."""
        if not self.dropped:
            return ()
        shown = "; ".join(self.dropped[:SHOWN_DROPPED])
        more = f"; and {len(self.dropped) - SHOWN_DROPPED} more" if len(self.dropped) > SHOWN_DROPPED else ""
        return (f"{self.name}: dropped {len(self.dropped)} link{'s' if len(self.dropped) != 1 else ''} leaving the package: {shown}{more}",)

    def _forget(self, rels_part: str, identifier: str) -> None:
        """Remove the references to a dropped relationship from the part that made them."""
        source = _source_of(rels_part)
        tree = self.trees.get(source)
        if tree is None or not identifier:
            return
        for element in tree.iter():
            for attribute, value in list(element.attrib.items()):
                if attribute.startswith(RELATIONSHIPS) and value == identifier:
                    del element.attrib[attribute]
                    self.edited.add(source)

    def _relationships(self, part: str) -> Iterator[tuple[str, str, str | None]]:
        """(type, id, target part) of each relationship ``part`` keeps; the target is None when it is not in the package."""
        root = self.trees.get(_rels_of(part))
        if root is None:
            return
        for relationship in root.iter(f"{_PACKAGE_RELATIONSHIPS}Relationship"):
            target = _resolved(_source_folder(_rels_of(part)), relationship.get("Target", ""))
            yield relationship.get("Type", ""), relationship.get("Id", ""), target if target in self.parts else None

    def _main_part(self) -> str:
        for kind, _, target in self._relationships(""):
            if kind == _OFFICE_DOCUMENT and target is not None:
                return target
        raise PackageError(f"{self.name} is not a PowerPoint file (no main part in _rels/.rels)")

    def _main_type(self, main: str) -> bool:
        for override in self.trees["[Content_Types].xml"].iter(f"{_CONTENT_TYPES}Override"):
            if override.get("PartName", "").lstrip("/") == main:
                kind = override.get("ContentType", "")
                if kind in _MAIN_TYPES:
                    return _MAIN_TYPES[kind]
                raise PackageError(f"{self.name} is not a PowerPoint presentation or template (its main part is {quoted(kind)})")
        raise PackageError(f"{self.name} is not a PowerPoint file (its main part has no content type)")

    def _check_structure(self, main: str) -> None:
        """The parts a template reader takes for granted: a slide size, a slide master, its theme."""
        presentation = self.trees.get(main)
        if presentation is None:
            raise PackageError(f"{self.name}: its main part {quoted(main)} is missing")
        if presentation.find(f"{PRESENTATIONML}sldSz") is None:
            raise PackageError(f"{self.name} gives no slide size (p:sldSz in {quoted(main)})")
        targets = {identifier: target for _, identifier, target in self._relationships(main)}
        masters = [targets.get(item.get(f"{RELATIONSHIPS}id", "")) for item in presentation.iter(f"{PRESENTATIONML}sldMasterId")]
        if not masters:
            raise PackageError(f"{self.name} has no slide master")
        for master in masters:
            if master is None or master not in self.trees:
                raise PackageError(f"{self.name} names a slide master that is not in the package")
            if not any(kind == _THEME and target in self.trees for kind, _, target in self._relationships(master)):
                raise PackageError(f"{self.name}: slide master {quoted(master)} has no theme")
            layouts = {identifier: target for _, identifier, target in self._relationships(master)}
            for item in self.trees[master].iter(f"{PRESENTATIONML}sldLayoutId"):
                if layouts.get(item.get(f"{RELATIONSHIPS}id", "")) not in self.trees:
                    raise PackageError(f"{self.name}: slide master {quoted(master)} names a layout that is not in the package")

    def _check_numbers(self, part: str, tree: etree._Element) -> None:
        """Each position, size and placeholder index is a whole number within the standard's range."""
        for element in tree.iter(*_NUMBERS):
            for attribute, least, most in _NUMBERS[str(element.tag)]:
                value = element.get(attribute)
                if value is None:
                    continue
                if not _INTEGER.fullmatch(value) or not least <= int(value) <= most:
                    tag = etree.QName(element).localname
                    expected = f"a whole number from {least:,} to {most:,}"
                    raise PackageError(f"{self.name}: part {quoted(part)} has {tag} {attribute}={quoted(value)}; expected {expected}")

    def _repacked(self) -> bytes:
        """The package rebuilt from the checked bytes (the parts edited here serialised again), stored uncompressed:
        it is read once, in memory, so compressing it again would only cost time."""
        output = io.BytesIO()
        with zipfile.ZipFile(output, "w", zipfile.ZIP_STORED) as archive:
            for part, content in self.parts.items():
                if part in self.edited:
                    content = etree.tostring(self.trees[part], xml_declaration=True, encoding="UTF-8", standalone=True)
                archive.writestr(zipfile.ZipInfo(part, (1980, 1, 1, 0, 0, 0)), content)
        return output.getvalue()


def _rels_of(part: str) -> str:
    """The relationships part of ``part`` ("" is the package itself)."""
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{base}.rels")


def _source_of(rels_part: str) -> str:
    folder, base = posixpath.split(rels_part)
    return posixpath.join(posixpath.dirname(folder), base.removesuffix(".rels"))


def _source_folder(rels_part: str) -> str:
    """The folder relative to which a relationships part's targets are given."""
    return posixpath.dirname(posixpath.dirname(rels_part))


def _resolved(folder: str, target: str) -> str | None:
    """The part a relative target names, or None when it leaves the package (``..`` past the top, a drive, a share)."""
    if "\\" in target or ":" in target.split("/")[0]:
        return None
    joined = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
    normal = posixpath.normpath(joined)
    if normal.startswith("../") or normal == ".." or normal.startswith("/"):
        return None
    return normal
