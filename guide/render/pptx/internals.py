"""The one module that relies on python-pptx's internals: the package's relationships, its content types.

Each use is something python-pptx has no public way to do: relate a part to one it is known
not to be related to yet, without searching its relationships; serialise the package's own
relationships and its ``[Content_Types].xml`` without writing a whole ``zipfile``
(guide.render.pptx.archive writes the archive itself). A python-pptx upgrade that changes
these internals is caught by the tests that guard them (tests/test_deck*.py and
tests/test_determinism.py read decks back and compare bytes); tests/test_architecture.py
keeps every other module off them.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pptx.opc.package import OpcPackage, Part
from pptx.opc.packuri import PACKAGE_URI, PackURI
from pptx.opc.serialized import PackageWriter


def new_relationship(part: Part, target: Part | str, reltype: str) -> str:
    """The id of a new relationship from ``part`` to ``target`` (a part, or an external address), known to be its first.

    python-pptx's ``relate_to`` looks for an equal relationship first, sorting all of the part's by
    type each time: for each new slide that meant all of the presentation's, again and again.
    """
    return part.rels._add_relationship(reltype, target, is_external=isinstance(target, str))


def forget_relationships(parts: Iterable[Part]) -> None:
    """Drop every relationship of ``parts``, parts no longer in the deck: a slide and its notes page refer to each other.

    Such a pair, and the XML it holds, would otherwise wait for a full garbage collection;
    without its relationships, it is freed as soon as the deck lets go of it.
    """
    for part in parts:
        part.rels._rels.clear()


def package_relationships_item(package: OpcPackage) -> tuple[PackURI, bytes]:
    """``/_rels/.rels``, the package's own relationships, as python-pptx writes them; it keeps them in a private attribute."""
    return PACKAGE_URI.rels_uri, package._rels.xml


def content_types_item(parts: Sequence[Part]) -> tuple[PackURI, bytes]:
    """``[Content_Types].xml`` for ``parts`` as python-pptx writes it: only its package writer's private method makes it."""
    written: list[tuple[PackURI, bytes]] = []
    # The writer's file and relationships are never read when it writes only the content types.
    PackageWriter(io.BytesIO(), None, parts)._write_content_types_stream(_Recorder(written))  # type: ignore[arg-type]
    return written[0]


@dataclass(frozen=True)
class _Recorder:
    """Takes what python-pptx writes, in place of a zip archive."""

    written: list[tuple[PackURI, bytes]]

    def write(self, name: PackURI, data: bytes) -> None:
        self.written.append((name, data))
