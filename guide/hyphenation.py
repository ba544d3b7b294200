"""Where words may break, by pyphen's patterns: the one module that relies on pyphen's internals.

pyphen parses every pattern of a language's dictionary before it hyphenates a word: some
45 ms for English and half a second for German, each time a process first hyphenates, which
a single topic's build waits for. A few hundred words of a document ever need hyphenating,
so the patterns are read here as text, and each is parsed only when a word first looks it
up; pyphen's own code then finds the breaks (``HyphDict.positions``, ``Pyphen.iterate``), so
they are the same. Dictionaries whose patterns hold escapes or nonstandard breaks are
parsed by pyphen itself. tests/test_hyphenation.py compares the patterns with pyphen's.
English's patterns are ready in 15 ms, German's in 0.1 s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pyphen

LEFT = RIGHT = 2
"""pyphen's defaults, which reportlab uses: the fewest letters kept before and after a break."""
GERMAN_LONG_NOUN = 12
"""Letters in a German noun beyond which it may break: most names are shorter, compounds longer."""
_DIGITS = re.compile(r"[0-9]+")
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


class Hyphenator:
    """Where a word of one language may break: the ``hyphenationLang`` of a reportlab style.

    Given a language's name, reportlab looks its patterns up again for every paragraph it
    breaks into lines; this finds them once, on the first word that needs them. Copies of a
    style (reportlab copies one to split a paragraph) share it.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self._patterns: pyphen.Pyphen | None = None

    def __call__(self, word: str) -> Iterator[tuple[str, str]]:
        if protected(word, self.language):
            return iter(())
        if self._patterns is None:
            self._patterns = patterns_of(pyphen.LANGUAGES[pyphen.language_fallback(self.language)])
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


def patterns_of(path: Path) -> pyphen.Pyphen:
    """pyphen's hyphenator for the dictionary at ``path``, its patterns parsed as words look them up."""
    with path.open("rb") as stream:
        encoding = stream.readline().decode()  # as pyphen reads it
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    text = path.read_text(encoding)
    patterns = LazyPatterns.of(text)
    hyphenator = pyphen.Pyphen.__new__(pyphen.Pyphen)
    hyphenator.left, hyphenator.right = LEFT, RIGHT
    if patterns is None:
        hyphenator.hd = pyphen.HyphDict(path)
        return hyphenator
    dictionary = pyphen.HyphDict.__new__(pyphen.HyphDict)
    dictionary.patterns = patterns
    dictionary.cache = {}
    dictionary.maxlen = patterns.longest
    hyphenator.hd = dictionary
    return hyphenator


class LazyPatterns:
    """A dictionary's patterns by their letters, each parsed into pyphen's (offset, values) when first looked up."""

    def __init__(self, lines: dict[str, str]) -> None:
        self._lines = lines
        self._parsed: dict[str, tuple[int, tuple[int, ...]]] = {}
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
        parsed = self._parsed.get(letters)
        if parsed is None:
            pattern = self._lines.get(letters)
            if pattern is None:
                return None
            values = [int(digit or "0") for digit, _ in pyphen.parse(pattern)]
            start, end = 0, len(values)
            while not values[start]:
                start += 1
            while not values[end - 1]:
                end -= 1
            parsed = self._parsed[letters] = (start, tuple(values[start:end]))
        return parsed


def _patterns(text: str) -> Iterator[str]:
    """The lines of a dictionary's text that pyphen reads as patterns: neither blank, nor its encoding, nor a comment or a setting."""
    for line in text.split("\n")[1:]:
        pattern = line.strip()
        if pattern and not pattern.startswith(pyphen.ignored):
            yield pattern
