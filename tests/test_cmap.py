"""The character map reader agrees with the PDF library on which characters print."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from guide.cmap import FontTableError, mapped_characters
from guide.fonts import FONT_FOLDER

FACES = sorted(FONT_FOLDER.rglob("*.ttf"))


@pytest.mark.parametrize("face", FACES, ids=lambda face: face.name)
def test_mapped_characters_are_the_ones_reportlab_draws_with_a_glyph(face: Path) -> None:
    drawn = {char for char, glyph in TTFontFile(str(face)).charToGlyph.items() if glyph}
    assert mapped_characters(face) == drawn
    assert {ord("A"), ord("ä"), ord("€")} <= drawn


def test_a_file_without_a_character_map_is_refused(tmp_path: Path) -> None:
    face = tmp_path / "empty.ttf"
    face.write_bytes(b"\x00\x01\x00\x00\x00\x00" + bytes(10))
    with pytest.raises(FontTableError, match="no 'cmap' table"):
        mapped_characters(face)
