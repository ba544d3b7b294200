"""A face's subsets are the very font files reportlab's ``makeSubset`` writes, and read back as the glyphs of their characters."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from struct import unpack_from

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.ttfonts import TTFontFile

from guide.render.pdf.subset import SubsetWriter

FONTS = sorted((Path(__file__).resolve().parent.parent / "guide" / "fonts").rglob("*.ttf"))
ACCENTED = [0xE9, 0xF6, 0x0107, 0x015F, 0x1EA0, 0x1EC7, 0x01FA]
"""Letters most faces draw as composite glyphs: a base letter and its accents."""


@pytest.fixture(scope="module")
def writers() -> dict[Path, SubsetWriter]:
    return {path: SubsetWriter(TTFontFile(str(path))) for path in FONTS}


def codes_of(writer: SubsetWriter, picks: list[int]) -> list[int]:
    """A subset as a document makes one: code 0, then ASCII, then characters of the face in order of first use."""
    characters = sorted(writer.char_to_glyph)
    used = [characters[pick % len(characters)] for pick in picks] + ACCENTED
    return [0, *range(32, 127), *dict.fromkeys(code for code in used if code >= 127)]


@settings(max_examples=25, deadline=None)
@given(font=st.sampled_from(FONTS), picks=st.lists(st.integers(0, 10**6), max_size=120))
def test_a_subset_is_the_font_file_reportlab_writes(writers: dict[Path, SubsetWriter], font: Path, picks: list[int]) -> None:
    writer = writers[font]
    codes = codes_of(writer, picks)
    assert writer.subset(codes) == writer.face.makeSubset(codes)


def glyph_tree(face: TTFontFile, glyph: int) -> Iterator[bytes]:
    """A glyph's outline: its data (padded to four bytes, as in a subset) with component indices blanked, then each component's."""
    glyf = bytes(face.get_table("glyf"))
    start, end = face.glyphPos[glyph], face.glyphPos[glyph + 1]
    data = bytearray(glyf[start:end] + b"\0" * (-(end - start) % 4))
    components = []
    if len(data) > 2 and unpack_from(">h", data)[0] < 0:
        position, more = 10, True
        while more:
            flags, component = unpack_from(">HH", data, position)
            components.append(component)
            data[position + 2 : position + 4] = b"\0\0"
            position += 4 + (4 if flags & 1 else 2) + {0x08: 2, 0x40: 4, 0x80: 8}.get(flags & 0xC8, 0)
            more = bool(flags & 0x20)
    yield bytes(data)
    for component in components:
        yield from glyph_tree(face, component)


@pytest.mark.parametrize("font", FONTS, ids=lambda path: path.name)
def test_a_subset_reads_back_as_the_glyphs_and_widths_of_its_characters(writers: dict[Path, SubsetWriter], font: Path) -> None:
    """reportlab's reader, checking every table's checksum, finds each character's outline and advance at its code."""
    writer = writers[font]
    face = writer.face
    codes = codes_of(writer, list(range(0, 4000, 37)))
    back = TTFontFile(io.BytesIO(writer.subset(codes)), validate=1)
    cmap = bytes(back.get_table("cmap"))  # read here: reportlab's reader swaps a format 6 table's codes and glyphs
    assert unpack_from(">11H", cmap) == (0, 1, 1, 0, 0, 12, 6, 10 + 2 * len(codes), 0, 0, len(codes))
    glyphs = unpack_from(f">{len(codes)}H", cmap, 22)
    for code, glyph in zip(codes, glyphs, strict=True):
        original = face.charToGlyph.get(code, 0)
        assert list(glyph_tree(back, glyph)) == list(glyph_tree(face, original)), chr(code)
        assert back.hmetrics[glyph][0] == face.hmetrics[original][0]


def test_a_font_with_a_glyph_it_does_not_read_as_reportlab_does_is_left_to_reportlab(writers: dict[Path, SubsetWriter]) -> None:
    """A glyph of two bytes: reportlab reads it as a composite if they are negative; its subsets are then reportlab's."""
    face = TTFontFile(str(FONTS[0]))
    stub = next(glyph for glyph in range(len(face.glyphPos) - 1) if face.glyphPos[glyph + 1] - face.glyphPos[glyph] > 2)
    face.glyphPos = [*face.glyphPos[: stub + 1], face.glyphPos[stub] + 2, *face.glyphPos[stub + 2 :]]
    writer = SubsetWriter(face)
    assert not writer.plain
    codes = codes_of(writer, [stub])
    assert writer.subset(codes) == face.makeSubset(codes)
    assert writers[FONTS[0]].plain


@pytest.mark.parametrize("where", ["backwards", "past the glyph table"])
def test_a_font_whose_glyph_places_run_backwards_or_past_its_glyphs_is_left_to_reportlab(where: str) -> None:
    """reportlab counts such a glyph by its stated length, this writer by the bytes there: its subsets would differ."""
    face = TTFontFile(str(FONTS[0]))
    positions = list(face.glyphPos)
    if where == "backwards":
        glyph = next(glyph for glyph in range(1, len(positions) - 1) if positions[glyph + 1] - positions[glyph] > 2)
        positions[glyph] = positions[glyph + 1] + 4
    else:
        positions[-1] = len(face.get_table("glyf")) + 4
    face.glyphPos = positions
    assert not SubsetWriter(face).plain
