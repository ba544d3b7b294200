"""Text measured with the real metrics of the fonts a deck names, and wrapped as a slide wraps it.

The deck names a metric-compatible family (Arial for Liberation Sans, Calibri for Carlito),
so lines measured here break where PowerPoint and LibreOffice break them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from PIL import ImageFont

from guide.fonts import WIDE_FAMILY, FontFamily, on_every_computer
from guide.markup import Span

MEASURING_SIZE = 1000
"""Fonts are loaded once at this pixel size; widths scale linearly to any point size."""

KEPT_WIDTHS = 50_000
"""Texts whose widths each face remembers before it starts afresh (a few megabytes at most)."""

LINE_BREAK = "\v"
"""A line break inside a paragraph, as python-pptx writes and reads one."""
BALANCING_STEPS = 12

WIDTH_TOLERANCE_PT = 1e-6
"""A line measured as a whole and word by word may differ by rounding; this much wider still fits."""

LINE_SPACING = 1.2
"""Line pitch as a multiple of the font size; the writer sets exactly this spacing."""

_SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'”’»)]))\s+(?=\S)")
"""Space after a sentence's closing mark, or after a quote or bracket that closes just after the mark."""


class FaceAdvances(dict[str, float]):
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
            width = self._texts[text] = sum(map(self.__getitem__, text))
        return width


FaceWidths = Callable[[Path], FaceAdvances]
"""The advance widths of the face in a font file: whoever builds keeps one per face's contents."""


class Measurers:
    """Measurers for font families, with the faces' widths from ``faces``.

    Whoever builds hands in ``faces`` (a build session keeps one set of widths per face's
    contents), so what is kept never outlives the font files it was read from; without it, the
    widths are kept for as long as this object lives.
    """

    def __init__(self, faces: FaceWidths | None = None) -> None:
        self._faces = _KeptFaces(faces or FaceAdvances)
        self._families: dict[FontFamily, Measurer] = {}

    def face(self, path: Path) -> FaceAdvances:
        """The widths of the face in ``path``, asked of ``faces`` once for as long as this object lives."""
        return self._faces(path)

    def __call__(self, family: FontFamily) -> Measurer:
        measurer = self._families.get(family)
        if measurer is None:
            # Its own measurers, sharing these widths: given these, which hold it, it would form a
            # reference cycle, and a deck's measured words would wait for a full garbage collection.
            measurer = self._families[family] = Measurer(family, Measurers(self._faces))
        return measurer


class _KeptFaces:
    """The widths of each face, asked of ``faces`` once for as long as this object lives."""

    def __init__(self, faces: FaceWidths) -> None:
        self._faces = faces
        self._kept: dict[Path, FaceAdvances] = {}

    def __call__(self, path: Path) -> FaceAdvances:
        advances = self._kept.get(path)
        if advances is None:
            advances = self._kept[path] = self._faces(path)
        return advances


class Measurer:
    """Widths and wrapped line counts of styled text in one family."""

    def __init__(self, family: FontFamily, measurers: Measurers | None = None) -> None:
        self.family = family
        self.faces = measurers or Measurers()
        self._counted: dict[tuple[tuple[Span, ...], float, float], int] = {}
        """Line counts already measured: a plan tries the same texts in the same boxes many times."""
        self._words: dict[tuple[Span, ...], list[_MeasuredWord]] = {}
        """Each text's words and their widths, as :meth:`_measured_words` finds them."""
        self._styles: dict[tuple[bool, bool], FaceAdvances] = {}
        """The face of each (bold, italic) style, found once: a plan measures thousands of words."""
        self._widest_words: dict[tuple[Span, ...], float] = {}
        """The widest word of each text measured, at the measuring size (see :meth:`splits_a_word`)."""

    def width_pt(self, text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
        return self.face(bold, italic).width(text) * size_pt / MEASURING_SIZE

    def face(self, bold: bool, italic: bool) -> FaceAdvances:
        """The widths of the family's face in the style."""
        advances = self._styles.get((bold, italic))
        if advances is None:
            family = self.family
            path = (family.bold_italic if italic else family.bold) if bold else (family.italic if italic else family.regular)
            advances = self._styles[bold, italic] = self.faces.face(path)
        return advances

    def widest_pt(self, text: str, size_pt: float, bold: bool = False, italic: bool = False) -> float:
        """Width of ``text`` in this family, or in the wide face a viewer without the font may be shown, if that is wider.

        What must stay on one line (a date, a figure with its unit) is measured so: a viewer breaks it between
        characters wherever it is wider than its line, and the deck cannot know the viewer's fonts.
        """
        width = self.width_pt(text, size_pt, bold, italic)
        if on_every_computer(self.family) or self.family == WIDE_FAMILY:
            return width
        return max(width, self.faces(WIDE_FAMILY).width_pt(text, size_pt, bold, italic))

    def line_count(self, spans: Sequence[Span], width_pt: float, size_pt: float) -> int:
        """Lines the spans take at ``width_pt``, breaking at spaces, and inside words too long for a line."""
        key = (tuple(spans), width_pt, size_pt)
        lines = self._counted.get(key)
        if lines is None:
            if len(self._counted) >= KEPT_WIDTHS:
                self._counted.clear()
            lines = self._counted[key] = self._line_count(spans, width_pt, size_pt)
        return lines

    def _line_count(self, spans: Sequence[Span], width_pt: float, size_pt: float) -> int:
        return len(self._filled(spans, width_pt, size_pt, pieced=False))

    def wrap(self, spans: Sequence[Span], width_pt: float, size_pt: float) -> tuple[tuple[Span, ...], ...]:
        """The spans broken into lines exactly where :meth:`line_count` counts the breaks, each line its styled runs.

        What a renderer that wraps nothing itself draws, line by line, so it breaks where the plan measured.
        """
        return tuple(_runs(spans, line) for line in self._filled(spans, width_pt, size_pt))

    def _filled(self, spans: Sequence[Span], width_pt: float, size_pt: float, pieced: bool = True) -> list[list[_Piece]]:
        """Lines of (span index, text) pieces at ``width_pt``, breaking at spaces, and inside words too long for a line;
        not ``pieced``, the lines are left empty: counting them is most of a plan's measuring, and a third faster so."""
        lines: list[list[_Piece]] = [[]]
        used = 0.0
        for word, bold, italic, pieces, advance, space_advance in self._measured_words(spans):
            if word == LINE_BREAK:
                lines.append([])
                used = 0.0
                continue
            word_width = advance * size_pt / MEASURING_SIZE
            space = space_advance * size_pt / MEASURING_SIZE
            needed = word_width if used == 0 else used + space + word_width
            if needed <= width_pt:
                if pieced:
                    if used > 0:
                        lines[-1].append((pieces[0][0], " "))
                    lines[-1] += pieces
                used = needed
                continue
            if used > 0:
                lines.append([])
            while word_width > width_pt:  # a word longer than a line breaks between characters
                rest = self._overflow(word, width_pt, size_pt, bold, italic)
                if pieced:
                    head, pieces = _cut(pieces, len(word) - len(rest))
                    lines[-1] += head
                lines.append([])
                word = rest
                word_width = self.width_pt(word, size_pt, bold, italic)
            if pieced:
                lines[-1] += pieces
            used = word_width
        return lines

    def _measured_words(self, spans: Sequence[Span]) -> list[_MeasuredWord]:
        """The spans' words, each with its width and a space's in its style (a bold space is wider in some faces, DejaVu Sans),
        at the measuring size: kept per text, as a design tries one text at many widths (a matching's columns, nine)."""
        key = tuple(spans)
        words = self._words.get(key)
        if words is None:
            if len(self._words) >= KEPT_WIDTHS:
                self._words.clear()
            words = []
            styles: dict[tuple[bool, bool], tuple[Callable[[str], float], float]] = {}
            for word, bold, italic, pieces in _words(spans):
                style = styles.get((bold, italic))
                if style is None:  # a text's words take a style or two: each style's face and space found once
                    face = self.face(bold, italic)
                    style = styles[bold, italic] = (face.width, face.width(" "))
                width, space = style
                words.append((word, bold, italic, pieces, width(word), space))
            self._words[key] = words
        return words

    def splits_a_word(self, spans: Sequence[Span], width_pt: float, size_pt: float) -> bool:
        """Whether a word of the spans (a date joined by no-break spaces is one) is wider than a line of ``width_pt``
        in the face a viewer may set it in (see :meth:`widest_pt`), so that it would break between characters."""
        key = tuple(spans)
        widest = self._widest_words.get(key)
        if widest is None:  # at the measuring size: widths scale with the size, so each text is measured once
            if len(self._widest_words) >= KEPT_WIDTHS:
                self._widest_words.clear()
            words = [self.widest_pt(word, MEASURING_SIZE, bold, italic) for word, bold, italic, _ in _words(spans) if word != LINE_BREAK]
            widest = self._widest_words[key] = max(words, default=0.0)
        return widest * size_pt / MEASURING_SIZE > width_pt

    def balanced(self, text: str, width_pt: float, size_pt: float, bold: bool = False) -> str:
        """``text`` broken into lines of even length: as many lines as it needs at ``width_pt``, each as
        short as keeps that count, so no last line holds a lone word where a better break exists.

        The breaks are written into the text (as line breaks), so every renderer breaks there.
        """
        spans = (Span(text, bold=bold),)
        count = self.line_count(spans, width_pt, size_pt)
        words = text.split(" ")
        if count < 2 or LINE_BREAK in text or any(self.width_pt(word, size_pt, bold) > width_pt for word in words):
            return text
        low, high = width_pt / count, width_pt
        for _ in range(BALANCING_STEPS):
            middle = (low + high) / 2
            low, high = (low, middle) if self.line_count(spans, middle, size_pt) == count else (middle, high)
        lines = self._lines(words, high, size_pt, bold)
        if len(lines) != count:  # never more lines than measured: keep the client's own breaks instead
            return text
        *rest, before, last = lines
        moved = f"{before.rsplit(' ', 1)[-1]} {last}"
        if " " not in last and " " in before and self.width_pt(moved, size_pt, bold) <= high:  # no lone last word
            lines = [*rest, before.rsplit(" ", 1)[0], moved]
        return LINE_BREAK.join(lines)

    def _lines(self, words: Sequence[str], width_pt: float, size_pt: float, bold: bool) -> list[str]:
        """Words filled into lines of ``width_pt`` as :meth:`line_count` fills them (no word is wider)."""
        lines: list[list[str]] = [[]]
        for word in words:
            candidate = " ".join([*lines[-1], word])
            if lines[-1] and self.width_pt(candidate, size_pt, bold) > width_pt + WIDTH_TOLERANCE_PT:
                lines.append([word])
            else:
                lines[-1].append(word)
        return [" ".join(line) for line in lines]

    def height_pt(self, spans: Sequence[Span], width_pt: float, size_pt: float) -> float:
        return self.line_count(spans, width_pt, size_pt) * size_pt * LINE_SPACING

    def _overflow(self, word: str, width_pt: float, size_pt: float, bold: bool, italic: bool) -> str:
        """What is left of ``word`` after as many characters as fit on one line."""
        for cut in range(len(word) - 1, 0, -1):
            if self.width_pt(word[:cut], size_pt, bold, italic) <= width_pt:
                return word[cut:]
        return word[1:]


_Piece = tuple[int, str]
"""Part of a line: the index of the span it comes from, and its text."""
_MeasuredWord = tuple[str, bool, bool, list[_Piece], float, float]
"""A word, whether it is bold and italic, its pieces, its width and a space's in its style at the measuring size."""


def _words(spans: Sequence[Span]) -> list[tuple[str, bool, bool, list[_Piece]]]:
    """Words with the style of the span they start in (a word spanning styles is measured bold if any part is),
    and the pieces of each span they are made of."""
    if len(spans) == 1 and LINE_BREAK not in spans[0].text:  # most texts: one style, one paragraph, each piece a word
        span = spans[0]
        return [(piece, span.bold, span.italic, [(0, piece)]) for piece in span.text.split(" ") if piece]
    words: list[tuple[str, bool, bool, list[_Piece]]] = []
    glued = False
    for number, span in enumerate(spans):
        pieces = span.text.replace(LINE_BREAK, f" {LINE_BREAK} ").split(" ")
        for index, piece in enumerate(pieces):
            if index > 0:
                glued = False
            if not piece:
                continue
            if glued and words:
                previous, bold, italic, parts = words[-1]
                words[-1] = (previous + piece, bold or span.bold, italic or span.italic, [*parts, (number, piece)])
            else:
                words.append((piece, span.bold, span.italic, [(number, piece)]))
            glued = True
        if span.text.endswith(" "):
            glued = False
    return words


def _cut(pieces: Sequence[_Piece], length: int) -> tuple[list[_Piece], list[_Piece]]:
    """A word's pieces split after its first ``length`` characters."""
    head: list[_Piece] = []
    rest: list[_Piece] = []
    for number, text in pieces:
        taken = max(0, min(len(text), length))
        if taken:
            head.append((number, text[:taken]))
        if taken < len(text):
            rest.append((number, text[taken:]))
        length -= len(text)
    return head, rest


def _runs(spans: Sequence[Span], pieces: Sequence[_Piece]) -> tuple[Span, ...]:
    """A line's pieces as spans in their spans' styles, neighbours from one span joined."""
    runs: list[Span] = []
    joined: list[str] = []
    for index, (number, text) in enumerate(pieces):
        joined.append(text)
        if index + 1 == len(pieces) or pieces[index + 1][0] != number:
            span = spans[number]
            runs.append(replace(span, text="".join(joined)))
            joined = []
    return tuple(runs)


def sentences(text: str) -> list[str]:
    """Split prose at sentence ends, for an item too long for one slide."""
    return [part for part in _SENTENCE_END.split(text) if part]
