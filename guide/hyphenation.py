"""Where words may break, by pyphen's patterns: the one module that relies on pyphen's internals.

pyphen parses every pattern of a language's dictionary before it hyphenates a word: some
45 ms for English and half a second for German, each time a process first hyphenates, which
a single topic's build waits for. A few hundred words of a document ever need hyphenating,
so the patterns are read here as text, and each is parsed only when a word first looks it
up; the breaks are then found by pyphen's rule (every pattern found in the word, the highest
value at each gap, an odd one a break), walked here without pyphen's per-word objects.
Dictionaries whose patterns hold escapes or nonstandard breaks are parsed and walked by
pyphen itself. tests/test_hyphenation.py compares the patterns and the breaks with pyphen's.
English's patterns are ready in 15 ms, German's in 0.1 s; a build session reads each
language's once, for every style that hyphenates in it.
"""

from __future__ import annotations

import io
import re
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pyphen

if TYPE_CHECKING:
    from guide.session import BuildSession

LEFT = RIGHT = 2
"""pyphen's defaults, which reportlab uses: the fewest letters kept before and after a break."""
GERMAN_LONG_NOUN = 12
"""Letters in a German noun beyond which it may break: most names are shorter, compounds longer."""
KEPT_WORDS = 256
"""How many words' breaks are kept: those of the texts of one topic, which its outputs break into lines alike."""
_DIGITS = re.compile(r"[0-9]+")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


class Hyphenator:
    """Where a word of one language may break: the ``hyphenationLang`` of a reportlab style.

    Given a language's name, reportlab looks its patterns up again for every paragraph it
    breaks into lines; this asks ``session`` for them once, on the first word that needs them,
    so every style of the session in that language shares them. Copies of a style (reportlab
    copies one to split a paragraph) share the hyphenator.
    """

    def __init__(self, language: str, session: BuildSession) -> None:
        self.language = language
        self._session = session
        self._patterns: LazyPatterns | pyphen.Pyphen | None = None

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        if protected(word, self.language):
            return iter(())
        if self._patterns is None:
            path = Path(pyphen.LANGUAGES[pyphen.language_fallback(self.language)])
            self._patterns = self._session.from_file("hyphenation-patterns", path, lambda data: patterns_of(path, data))
        return self._patterns.iterate(word)

    def __deepcopy__(self, memo: dict[int, object]) -> Hyphenator:
        return self


def protected(word: str, language: str) -> bool:
    """Whether ``word`` is a name, never broken: it starts with a capital.

    German capitalises every noun, so there only the long ones (compounds such as
    "Nichtangriffspakt") may break.
    """
    if not word[:1].isupper():
        return False
    return not (language.startswith("de") and len(word) > GERMAN_LONG_NOUN)


def patterns_of(path: Path, data: bytes) -> LazyPatterns | pyphen.Pyphen:
    """The patterns of the dictionary ``data`` read from ``path``, parsed as words look them up; pyphen's own parse
    for a dictionary that needs it."""
    encoding = io.BytesIO(data).readline().decode()  # as pyphen reads it
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    text = data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")  # as a text file reads it
    patterns = LazyPatterns.of(text)
    if patterns is not None:
        return patterns
    hyphenator = pyphen.Pyphen.__new__(pyphen.Pyphen)
    hyphenator.left, hyphenator.right = LEFT, RIGHT
    hyphenator.hd = pyphen.HyphDict(path)
    return hyphenator


class LazyPatterns:
    """A dictionary's patterns by their letters, each parsed into pyphen's (offset, values) when first looked up."""

    def __init__(self, lines: dict[str, str]) -> None:
        self._lines = lines
        self._parsed: dict[str, tuple[int, tuple[int, ...]]] = {}
        self._gaps: OrderedDict[str, list[int]] = OrderedDict()
        """The breaks of the words looked up last: a topic's texts are broken into lines more than once."""
        self.longest = max(map(len, lines))
        """The most letters of any pattern: how far pyphen looks."""

    @classmethod
    def of(cls, text: str) -> LazyPatterns | None:
        """The patterns of a dictionary's text; None for one that needs pyphen's own parse.

        That is one with escapes, nonstandard breaks or digits other than 0-9: rare, and not
        worth parsing here.
        """
        if "^^" in text or _OTHER_DIGIT.search(text):
            return None
        # Digits found and dropped in the whole text at once (as bytes: a text with any letter
        # beyond ASCII translates slowly), not line by line: a dictionary has some ten thousand
        # lines, and a search of each took 20 ms of a lone topic's build.
        body = text.split("\n", 1)[1] if "\n" in text else ""
        encoded = body.encode()
        rows = zip(
            body.split("\n"),
            encoded.split(b"\n"),
            encoded.translate(None, b"123456789").split(b"\n"),
            encoded.translate(None, b"0123456789").decode().split("\n"),
            strict=True,
        )
        lines: dict[str, str] = {}
        for line, line_bytes, without_nonzero, letters in rows:
            if len(without_nonzero) == len(line_bytes):  # pyphen skips a pattern of zeros only, and blank lines
                continue
            pattern = line.strip()
            if not pattern.startswith(pyphen.ignored):
                lines[letters if len(pattern) == len(line) else _DIGITS.sub("", pattern)] = pattern
        if "/" in text and any("/" in pattern and "=" in pattern for pattern in _patterns(text)):
            return None
        return cls(lines) if lines else None

    def get(self, letters: str) -> tuple[int, tuple[int, ...]] | None:
        """(offset, values) of the pattern of these letters, as pyphen's ``HyphDict`` keeps it; None if there is none."""
        return self._values(letters) if letters in self._lines else None

    def _values(self, letters: str) -> tuple[int, tuple[int, ...]]:
        """(offset, values) of the pattern of these letters, which there is, parsed on its first look-up."""
        parsed = self._parsed.get(letters)
        if parsed is None:
            values = [int(digit or "0") for digit, _ in pyphen.parse(self._lines[letters])]
            start, end = 0, len(values)
            while not values[start]:
                start += 1
            while not values[end - 1]:
                end -= 1
            parsed = self._parsed[letters] = (start, tuple(values[start:end]))
        return parsed

    def positions(self, word: str) -> list[int]:
        """Where ``word`` may break, as pyphen's ``Pyphen.positions`` finds it: after how many letters, the fewest first."""
        lowered = word.lower()
        gaps = self._gaps.get(lowered)
        if gaps is None:
            gaps = self._gaps[lowered] = self._odd_gaps(lowered)
            if len(self._gaps) > KEPT_WORDS:
                self._gaps.popitem(last=False)
        right = len(word) - RIGHT
        return [gap for gap in gaps if LEFT <= gap <= right]

    def _odd_gaps(self, lowered: str) -> list[int]:
        """After how many letters of ``lowered`` (and -1 for before it) its patterns' highest value is odd."""
        pointed = f".{lowered}."
        size = len(pointed)
        values = [0] * (size + 1)
        lines, parsed, longest = self._lines, self._parsed, self.longest
        for start in range(size - 1):
            for end in range(start + 1, min(start + longest, size) + 1):
                letters = pointed[start:end]
                if letters in lines:
                    offset, found = parsed.get(letters) or self._values(letters)
                    at = start + offset
                    values[at : at + len(found)] = map(max, found, values[at : at + len(found)])
        return [gap - 1 for gap, value in enumerate(values) if value % 2]

    def iterate(self, word: str) -> Iterator[tuple[str, str]]:
        """Each (head, tail) ``word`` may break into, the longest head first, as pyphen's ``Pyphen.iterate`` gives them."""
        return iter([(word[:at], word[at:]) for at in reversed(self.positions(word))])


def _patterns(text: str) -> Iterator[str]:
    """The lines of a dictionary's text that pyphen reads as patterns: neither blank, nor its encoding, nor a comment or a setting."""
    for line in text.split("\n")[1:]:
        pattern = line.strip()
        if pattern and not pattern.startswith(pyphen.ignored):
            yield pattern
