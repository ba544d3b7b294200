"""A TrueType subset written in the very bytes reportlab's ``makeSubset`` writes, from a face's tables taken apart once.

Every document's text is a new set of characters, so every document embeds new subsets:
reportlab reads each glyph's header from the font file again for every subset, and formats
and checksums every table again, though most of them (the names, the hinting programs, the
OS/2 metrics) are the same in each. Here a face's tables, each glyph's data and the glyphs a
composite glyph is made of are read once, when the face first embeds a subset, and a subset
is assembled from them. tests/test_subset.py compares the bytes with reportlab's and reads
the subsets back with fontTools.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate, pairwise
from struct import error as struct_error
from struct import pack, unpack_from

from reportlab.lib.rl_accel import calcChecksum
from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFontFile,
)

from guide.render.pdf.internals import glyph_starts

COPIED = ("name", "OS/2", "cvt ", "fpgm", "prep")
"""The tables a subset holds as the font holds them, where the font has them."""
CHECKSUM_TARGET = 0xB1B0AFBA
"""What a whole font file's checksum and its ``head`` table's checksum adjustment add up to."""
HEAD_ADJUSTMENT = 8
"""Where the checksum adjustment is in the ``head`` table."""
LONG_LOCA = 0xFFFF
"""Beyond this many words of glyph data, ``loca`` holds offsets as long integers."""


class SubsetWriter:
    """The subsets of one face: ``subset(codes)`` is the font file ``TTFontFile.makeSubset(codes)`` makes."""

    def __init__(self, face: TTFontFile) -> None:
        self.face = face
        self.char_to_glyph: dict[int, int] = face.charToGlyph
        self.glyph_pos = glyph_starts(face)
        self.hmetrics: list[tuple[int, int]] = face.hmetrics
        self.glyf = bytes(face.get_table("glyf"))
        self.hhea = bytes(face.get_table("hhea"))
        self.maxp = bytes(face.get_table("maxp"))
        self.head = bytes(face.get_table("head"))
        copied = {tag: bytes(face.get_table(tag)) for tag in COPIED if tag in face.table}
        copied["post"] = b"\x00\x03\x00\x00" + bytes(face.get_table("post"))[4:16] + b"\x00" * 16
        self.copied = {tag: (data, calcChecksum(data)) for tag, data in copied.items()}
        """The tables the same in every subset, with their checksums."""
        self._components: dict[int, tuple[tuple[int, int], ...]] = {}
        self._padded: dict[int, bytes] = {}
        positions = self.glyph_pos
        lengths = [end - start for start, end in pairwise(positions)]
        self.plain = all(length == 0 or length > 2 for length in lengths) and (not positions or positions[-1] <= len(self.glyf))
        """Whether reportlab reads the font's glyphs as this writer does: none is a stub of one or two bytes, and the
        glyphs' places run forwards within the glyph table (reportlab counts a glyph's stated length, this writer its bytes)."""

    def components(self, glyph: int) -> tuple[tuple[int, int], ...]:
        """The glyphs a composite glyph is made of, each with where its index is in the glyph's data; none for a simple glyph."""
        found = self._components.get(glyph)
        if found is None:
            start = self.glyph_pos[glyph]
            length = self.glyph_pos[glyph + 1] - start
            found = ()
            if length > 2 and unpack_from(">h", self.glyf, start)[0] < 0:
                parts = []
                position = 10
                flags = GF_MORE_COMPONENTS
                while flags & GF_MORE_COMPONENTS:
                    if position + 4 > length:
                        raise ValueError(f"glyph {glyph} ends inside its components")
                    flags, component = unpack_from(">HH", self.glyf, start + position)
                    parts.append((position + 2, component))
                    position += 4 + (4 if flags & GF_ARG_1_AND_2_ARE_WORDS else 2)
                    if flags & GF_WE_HAVE_A_SCALE:
                        position += 2
                    elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
                        position += 4
                    elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
                        position += 8
                found = tuple(parts)
            self._components[glyph] = found
        return found

    def subset(self, codes: Sequence[int]) -> bytes:
        """The font file of a subset holding the characters ``codes``, in that order (their codes in the subset).

        A font whose glyphs this writer does not read as reportlab does (a stub of a glyph, a
        composite running past its end) is left to reportlab, which says what is wrong with it.
        """
        if self.plain:
            try:
                return self._subset(codes)
            except (ValueError, struct_error):
                pass
        subset: bytes = self.face.makeSubset(codes)
        return subset

    def _subset(self, codes: Sequence[int]) -> bytes:
        glyph_map, new_glyph, code_glyphs = self._glyphs(codes)
        tables = {tag: data for tag, (data, _) in self.copied.items()}
        tables["hmtx"], metrics = self._hmtx(glyph_map)
        tables["hhea"] = _set_ushort(self.hhea, 34, metrics)
        tables["maxp"] = _set_ushort(self.maxp, 4, len(glyph_map))
        cmap = [0, 1, 1, 0, 0, 12, 6, 10 + len(codes) * 2, 0, 0, len(codes), *code_glyphs]
        tables["cmap"] = pack(f">{len(cmap)}H", *cmap)
        tables["glyf"], offsets = self._glyf(glyph_map, new_glyph)
        long_loca = (offsets[-1] + 1) >> 1 > LONG_LOCA
        if long_loca:
            tables["loca"] = pack(f">{len(offsets)}L", *offsets)
        else:
            tables["loca"] = pack(f">{len(offsets)}H", *(offset >> 1 for offset in offsets))
        head = _set_ushort(self.head, 50, 1 if long_loca else 0)
        tables["head"] = head[:HEAD_ADJUSTMENT] + b"\0\0\0\0" + head[HEAD_ADJUSTMENT + 4 :]
        return self._file(tables)

    def _glyphs(self, codes: Sequence[int]) -> tuple[list[int], dict[int, int], list[int]]:
        """The face's glyphs in the subset's order (the missing glyph first, then the characters', then their components'),
        the subset's index of each, and each character's."""
        glyph_map = [0]
        new_glyph = {0: 0}
        char_to_glyph = self.char_to_glyph
        for code in codes:
            glyph = char_to_glyph.get(code, 0)
            if glyph not in new_glyph:
                new_glyph[glyph] = len(glyph_map)
                glyph_map.append(glyph)
        code_glyphs = [new_glyph[char_to_glyph.get(code, 0)] for code in codes]
        index = 0
        while index < len(glyph_map):
            for _, component in self.components(glyph_map[index]):
                if component not in new_glyph:
                    new_glyph[component] = len(glyph_map)
                    glyph_map.append(component)
            index += 1
        return glyph_map, new_glyph, code_glyphs

    def _hmtx(self, glyph_map: list[int]) -> tuple[bytes, int]:
        """The horizontal metrics, a run of equal advances at the end written as left side bearings alone, and how many are full."""
        hmetrics = self.hmetrics
        metrics = [int(value) for glyph in glyph_map for value in hmetrics[glyph]]
        full = len(metrics) - 2
        while full and metrics[full] == metrics[full - 2]:
            full -= 2
        full += 2
        metrics = metrics[:full] + metrics[full + 1 :: 2]
        return pack(f">{len(metrics)}H", *metrics), full >> 1

    def padded(self, glyph: int) -> bytes:
        """A glyph's data padded to four bytes, as it follows glyphs so padded."""
        data = self._padded.get(glyph)
        if data is None:
            start = self.glyph_pos[glyph]
            data = self.glyf[start : self.glyph_pos[glyph + 1]]
            data = self._padded[glyph] = data + b"\0" * (-len(data) % 4)
        return data

    def _glyf(self, glyph_map: list[int], new_glyph: dict[int, int]) -> tuple[bytes, list[int]]:
        """The glyphs' data, each composite's components renumbered, each padded to four bytes; and where each begins."""
        pieces = [self.padded(glyph) for glyph in glyph_map]
        for index, glyph in enumerate(glyph_map):
            components = self.components(glyph)
            if components:
                edited = bytearray(pieces[index])
                for at, component in components:
                    edited[at : at + 2] = pack(">H", new_glyph[component])
                pieces[index] = bytes(edited)
        return b"".join(pieces), [0, *accumulate(len(piece) for piece in pieces)]

    def _file(self, tables: dict[str, bytes]) -> bytes:
        """The font file: its header, its tables' directory in order of their tags, the tables, and the checksum adjustment."""
        count = len(tables)
        search = 1
        selector = 0
        while search * 2 <= count:
            search *= 2
            selector += 1
        search *= 16
        directory = [pack(">lHHHH", 0x00010000, count, search, selector, count * 16 - search)]
        data: list[bytes] = []
        offset = 12 + count * 16
        head_at = 0
        for tag in sorted(tables):
            table = tables[tag]
            if tag == "head":
                head_at = offset
            copied = self.copied.get(tag)
            checksum = copied[1] if copied is not None else calcChecksum(table)
            directory.append(tag.encode("latin-1") + pack(">LLL", checksum, offset, len(table)))
            padded = (len(table) + 3) & ~3
            data.append(table + b"\0" * (padded - len(table)))
            offset += padded
        stream = b"".join(directory) + b"".join(data)
        adjustment = (CHECKSUM_TARGET - calcChecksum(stream)) & 0xFFFFFFFF
        at = head_at + HEAD_ADJUSTMENT
        return stream[:at] + pack(">L", adjustment) + stream[at + 4 :]


def _set_ushort(data: bytes, offset: int, value: int) -> bytes:
    return data[:offset] + pack(">H", value) + data[offset + 2 :]
