"""The characters a TrueType font has glyphs for, read from its ``cmap`` table alone.

Checking glyph coverage needs nothing else from a font, and a full parse (every table, as
an embedding library does) costs tens of milliseconds per face; reading the one table costs
well under one.
"""

from __future__ import annotations

import struct
from pathlib import Path

from guide.regular_file import read_regular

MAX_FONT_BYTES = 50_000_000
MAX_TABLES = 100
"""Tables in one font file: real fonts have about twenty."""
MAX_SUBTABLES = 64
LAST_CODE_POINT = 0x10FFFF
"""A character map covering more than Unicode's code points (0..0x10FFFF), or covering them more
than once over, is refused: an embedding library walks every code point a map names."""

_UNICODE_SUBTABLES = ((3, 10), (0, 4), (0, 6), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0))
"""(platform, encoding) pairs holding Unicode maps, the full-range ones first."""


class FontTableError(ValueError):
    """The file is not a TrueType font with a Unicode character map."""


def mapped_characters(font_file: Path) -> frozenset[int]:
    """Code points the font maps to a real glyph (not glyph 0, the 'missing' box).

    Raises FontTableError for a file that is not a font within the bounds above.
    """
    data = read_regular(font_file, MAX_FONT_BYTES)
    if len(data) > MAX_FONT_BYTES:
        raise FontTableError(f"the file is larger than {MAX_FONT_BYTES // 1_000_000} MB")
    try:
        return _mapped(data, font_file.name)
    except struct.error:
        raise FontTableError("a table reaches past the end of the file") from None


def _mapped(data: bytes, name: str) -> frozenset[int]:
    table = _table(data, b"cmap")
    count = struct.unpack_from(">H", data, table + 2)[0]
    if count > MAX_SUBTABLES:
        raise FontTableError(f"the character map has {count} subtables; at most {MAX_SUBTABLES}")
    subtables: dict[tuple[int, int], int] = {}
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHL", data, table + 4 + 8 * index)
        subtables.setdefault((platform, encoding), table + offset)
    for key in _UNICODE_SUBTABLES:
        if key in subtables:
            start = subtables[key]
            kind = struct.unpack_from(">H", data, start)[0]
            if kind in (4, 12):
                found = set(_format_4(data, start) if kind == 4 else _format_12(data, start))
                if 0x20 in found:
                    found.add(0xA0)  # a no-break space prints with the space glyph when the font has none
                return frozenset(found)
    raise FontTableError(f"{name} has no Unicode character map")


def _table(data: bytes, tag: bytes) -> int:
    """The offset of a table in the font file, after every table was found to lie inside the file."""
    count = struct.unpack_from(">H", data, 4)[0]
    if count > MAX_TABLES:
        raise FontTableError(f"the font has {count} tables; at most {MAX_TABLES}")
    found = None
    for index in range(count):
        name, _, offset, length = struct.unpack_from(">4sLLL", data, 12 + 16 * index)
        if offset + length > len(data):
            raise FontTableError(f"table {name!r} reaches past the end of the file")
        if name == tag and found is None:
            found = offset
    if found is None:
        raise FontTableError(f"no '{tag.decode()}' table")
    return found


def _format_4(data: bytes, start: int) -> list[int]:
    """Segments of 16-bit code points; glyphs by delta or through the glyph index array."""
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends_at = start + 14
    starts_at = ends_at + 2 * segments + 2
    deltas_at = starts_at + 2 * segments
    range_offsets_at = deltas_at + 2 * segments
    ends = struct.unpack_from(f">{segments}H", data, ends_at)
    starts = struct.unpack_from(f">{segments}H", data, starts_at)
    deltas = struct.unpack_from(f">{segments}h", data, deltas_at)
    range_offsets = struct.unpack_from(f">{segments}H", data, range_offsets_at)
    if sum(max(last - first + 1, 0) for first, last in zip(starts, ends, strict=True)) > 0x10000:
        raise FontTableError("the character map's segments overlap")
    found: list[int] = []
    for index, (first, last, delta, range_offset) in enumerate(zip(starts, ends, deltas, range_offsets, strict=True)):
        if first == 0xFFFF:
            continue
        if range_offset == 0:
            found += (char for char in range(first, last + 1) if (char + delta) & 0xFFFF)
            continue
        base = range_offsets_at + 2 * index + range_offset
        for char in range(first, last + 1):
            glyph = struct.unpack_from(">H", data, base + 2 * (char - first))[0]
            if glyph and (glyph + delta) & 0xFFFF:
                found.append(char)
    return found


def _format_12(data: bytes, start: int) -> list[int]:
    """Groups of 32-bit code points mapped to consecutive glyphs."""
    groups = struct.unpack_from(">L", data, start + 12)[0]
    if 16 + 12 * groups > len(data) - start:
        raise FontTableError(f"the character map names {groups:,} groups, more than the file holds")
    found: list[int] = []
    covered = 0
    for index in range(groups):
        first, last, glyph = struct.unpack_from(">LLL", data, start + 16 + 12 * index)
        covered += max(last - first + 1, 0)
        if last > LAST_CODE_POINT or covered > LAST_CODE_POINT + 1:
            raise FontTableError(f"the character map covers more than Unicode's {LAST_CODE_POINT + 1:,} code points")
        found += range(first + (glyph == 0), last + 1)
    return found
