"""Text measured with the real metrics of the fonts a deck names, and wrapped as a slide wraps it.

The deck names a metric-compatible family (Arial for Liberation Sans, Calibri for Carlito),
so lines measured here break where PowerPoint and LibreOffice break them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from PIL import ImageFont

from guide.fonts import FontFamily
from guide.markup import Span
from guide.session import BuildSession

MEASURING_SIZE = 1000
"""Fonts are loaded once at this pixel size; widths scale linearly to any point size."""

KEPT_WIDTHS = 50_000
"""Texts whose widths each face remembers before it starts afresh (a few megabytes at most)."""

LINE_SPACING = 1.2
"""Line pitch as a multiple of the font size; the writer sets exactly this spacing."""

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=\S)")


class _Advances(dict[str, float]):
    """Advance width of each character of one face, measured once.

    Pair kerning is left out: it mostly narrows text, so measurements err wide, and the
    fitting keeps a few per cent of every line spare for the rare pair that widens it.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.font = ImageFont.truetype(str(path), MEASURING_SIZE)
        self._texts: dict[str, float] = {}

    def __missing__(self, char: str) -> float:
        self[char] = self.font.getlength(char)
        return self[char]

    def width(self, text: str) -> float:
        """Width of ``text`` at the measuring size: fitting measures the same words at every size it tries."""
        width = self._texts.get(text)
        if width is None:
            if len(self._texts) >= KEPT_WIDTHS:
                self._texts.clear()
            width = self._texts[text] = sum(self[char] for char in text)
        return width


FaceWidths = Callable[[Path], _Advances]
"""The widths of the face in a font file: a build session keeps one per face's contents."""


def face_widths(session: BuildSession) -> FaceWidths:
    """Faces' widths measured once per session and face contents, never once per path."""
    return lambda path: session.made("face-widths", session.digest(path), lambda: _Advances(path))


class Measurer:
    """Widths and wrapped line counts of styled text in one family."""

    def __init__(self, family: FontFamily, widths: FaceWidths | None = None) -> None:
        self.family = family
        self._widths = widths or face_widths(BuildSession())

    def width_pt(self, text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
        face = {(False, False): self.family.regular, (True, False): self.family.bold}.get((bold, italic))
        face = face or (self.family.bold_italic if bold else self.family.italic)
        return self._widths(face).width(text) * size_pt / MEASURING_SIZE

    def line_count(self, spans: Sequence[Span], width_pt: float, size_pt: float) -> int:
        """Lines the spans take at ``width_pt``, breaking at spaces, and inside words too long for a line."""
        lines = 1
        used = 0.0
        space = self.width_pt(" ", size_pt)
        for word, bold, italic in _words(spans):
            word_width = self.width_pt(word, size_pt, bold, italic)
            needed = word_width if used == 0 else used + space + word_width
            if needed <= width_pt:
                used = needed
                continue
            if used > 0:
                lines += 1
            while word_width > width_pt:  # a word longer than a line breaks between characters
                lines += 1
                word = self._overflow(word, width_pt, size_pt, bold, italic)
                word_width = self.width_pt(word, size_pt, bold, italic)
            used = word_width
        return lines

    def height_pt(self, spans: Sequence[Span], width_pt: float, size_pt: float) -> float:
        return self.line_count(spans, width_pt, size_pt) * size_pt * LINE_SPACING

    def _overflow(self, word: str, width_pt: float, size_pt: float, bold: bool, italic: bool) -> str:
        """What is left of ``word`` after as many characters as fit on one line."""
        for cut in range(len(word) - 1, 0, -1):
            if self.width_pt(word[:cut], size_pt, bold, italic) <= width_pt:
                return word[cut:]
        return word[1:]


def _words(spans: Sequence[Span]) -> list[tuple[str, bool, bool]]:
    """Words with the style of the span they start in (a word spanning styles is measured bold if any part is)."""
    words: list[tuple[str, bool, bool]] = []
    glued = False
    for span in spans:
        pieces = span.text.split(" ")
        for index, piece in enumerate(pieces):
            if index > 0:
                glued = False
            if not piece:
                continue
            if glued and words:
                previous, bold, italic = words[-1]
                words[-1] = (previous + piece, bold or span.bold, italic or span.italic)
            else:
                words.append((piece, span.bold, span.italic))
            glued = True
        if span.text.endswith(" "):
            glued = False
    return words


def sentences(text: str) -> list[str]:
    """Split prose at sentence ends, for an item too long for one slide."""
    return [part for part in _SENTENCE_END.split(text) if part]
