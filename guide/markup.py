"""Inline markup of prose: ``**bold**``, ``*italic*`` and ``[label](url)``, nothing else.

Both renderers and the validator share this one parser, so a sentence means the same on
paper and on a slide. Everything that is not one of the three forms is literal text; a
backslash makes the next ``*``, ``[``, ``]``, ``(``, ``)`` or ``\\`` literal too. A link's
URL may hold parentheses in pairs, as Wikipedia's do: ``[Treaty](https://…/Treaty_of_Berlin_(1926))``.

Parsing takes time linear in the length of the text, whatever it holds: where each closing
``*``, ``**``, ``]`` and ``)`` stands is worked out once, in a few passes over the text, so
an opening mark finds its partner in one step instead of searching the rest of the text
(which made ``*a *a *a …`` quadratic). The first opening mark that has a partner wins, as
it would in a left-to-right reading; the shortest match is taken.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

ALLOWED_LINK_SCHEMES = ("http://", "https://", "mailto:")
ESCAPABLE = "\\*[]()"
MAX_LINK_TEXT = 48
"""Longest text a bare link shows before its path is shortened."""
MAX_LINK_SEGMENT = 32
"""Longest last path segment a shortened link shows."""
LAST_DECODED_CHARACTER = 0x0530
"""A link's path is shown decoded only if all of it comes before this (the end of Cyrillic)."""

_MARKUP = re.compile(r"[*\[\\]")
"""A character that can start markup: text without any is one plain span."""
PARSED_TEXTS = 4096
"""Texts whose spans :func:`parse` keeps: more than one topic holds, so every output of a topic parses each text once."""


@dataclass(frozen=True)
class Span:
    """A run of text with one style; ``href`` is set when the run is a link, ``lang`` when it is in another language than the topic's."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None
    lang: str | None = None


@lru_cache(maxsize=PARSED_TEXTS)
def parse(text: str) -> tuple[Span, ...]:
    """Split prose into styled spans; adjacent spans of the same style are merged.

    Kept per text (the spans are immutable): a deck is planned twice, and its notes, the
    study sheet and the web page read the same texts again.
    """
    if not _MARKUP.search(text):
        return (Span(text),) if text else ()
    scan = _Scan(text)
    spans: list[Span] = []
    pieces: list[str] = []
    style: tuple[bool, bool, str | None] | None = None
    for start, end, bold, italic, href in scan.runs():
        now = (bold, italic, href)
        if style is not None and now != style and pieces:
            spans.append(Span("".join(pieces), *style))
            pieces = []
        style = now
        pieces.append(scan.shown(start, end))
    if style is not None and pieces:
        spans.append(Span("".join(pieces), *style))
    return tuple(spans)


def plain_text(text: str) -> str:
    """The prose as a reader sees it, without markup characters."""
    return "".join(span.text for span in parse(text))


def links(text: str) -> tuple[str, ...]:
    """Every link target in the prose, in order (found without making spans: validation calls it on every text)."""
    if "[" not in text:
        return ()
    targets = (href for *_, href in _Scan(text).runs() if href is not None)
    return tuple(target for target, _ in itertools.groupby(targets))


def is_allowed_link(url: str) -> bool:
    """Only web and mail links are allowed: other schemes can run code in a viewer."""
    return url.lower().startswith(ALLOWED_LINK_SCHEMES)


def map_shown(text: str, change: Callable[[str], str]) -> str:
    """The prose with the text a reader sees replaced by ``change`` of it; markup and link targets stay.

    ``change`` gets the plain text and must return one of the same length that differs only
    in characters that are not markup (``*[]()\\``) and keeps white space white space, such as
    curly quotes for straight ones: then the result parses into the same spans, re-lettered.
    """
    if not _MARKUP.search(text):
        return _changed(text, change)
    stretches = _Scan(text).shown_stretches()
    new = _changed("".join(text[start:end] for start, end in stretches), change)
    pieces, position, offset = [], 0, 0
    for start, end in stretches:
        pieces += [text[position:start], new[offset : offset + end - start]]
        position, offset = end, offset + end - start
    pieces.append(text[position:])
    return "".join(pieces)


def link_text(url: str) -> str:
    """What a link given only as a URL shows: the address of a mail link, else host and path, shortened.

    ``https://www.example.org/a/b/c/report.pdf?x=1`` shows as ``example.org/a/b/c/report.pdf``,
    or ``example.org/…/report.pdf`` when that is long; the link's target stays the full URL.
    """
    if url.lower().startswith("mailto:"):
        return unquote(url[len("mailto:") :].split("?")[0])
    rest = url.split("://", 1)[-1].split("#")[0].split("?")[0]
    host, _, path = rest.partition("/")
    host = host.lower().removeprefix("www.")
    segments = [_decoded(segment) for segment in path.split("/") if segment]
    shown = "/".join([host, *segments])
    if len(shown) <= MAX_LINK_TEXT:
        return shown
    last = segments[-1]
    if len(last) > MAX_LINK_SEGMENT:
        last = last[: MAX_LINK_SEGMENT - 1] + "…"
    return f"{host}/…/{last}" if len(segments) > 1 else f"{host}/{last}"


def _decoded(segment: str) -> str:
    """A path segment with its %-escapes decoded (``%28`` as ``(``), unless that gives
    characters beyond Latin, Greek and Cyrillic, which the bundled fonts may not print."""
    decoded = unquote(segment)
    return decoded if all(ord(character) < LAST_DECODED_CHARACTER for character in decoded) else segment


def bare_link(url: str) -> Span:
    """A link given only as its URL, as it is shown: short text, the full URL its target."""
    return Span(link_text(url), href=url)


def _changed(text: str, change: Callable[[str], str]) -> str:
    new = change(text)
    if len(new) != len(text):
        raise ValueError("a change of shown text must keep its length")
    return new


Run = tuple[int, int, bool, bool, str | None]
"""A stretch of the text shown in one style: start, end, bold, italic, link target."""
Form = tuple[str, int, int, int, str | None]
"""Markup found at a position: its kind, where its inner text starts and ends, where it ends, its link target."""

_ESCAPE = re.compile(r"\\[\\*\[\]()]")
_MARK = re.compile(r"[*\[]")
_BOLD_END = re.compile(r"(?<=\S)(?=\*\*)")
_ITALIC_END = re.compile(r"(?<=[^\s*])\*(?!\*)")
_LABEL_END = re.compile(r"\]")
_PARENTHESIS = re.compile(r"[()]")
_SPACE = re.compile(r"\s")


class _Scan:
    """One text and where each kind of mark stands in it, found by a few linear passes.

    The passes run on a copy of the text in which every escaped character and its backslash
    are masked as ordinary letters (same length, so positions agree): the patterns need not
    know about escapes. Each list of positions is sorted; "the first closing mark after here"
    is a binary search.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.hidden = [match.start() for match in _ESCAPE.finditer(text)]
        self.masked = _ESCAPE.sub("\x00\x00", text) if self.hidden else text
        self.marks = _positions(_MARK, self.masked)
        self.bold_ends = _positions(_BOLD_END, self.masked)
        self.italic_ends = _positions(_ITALIC_END, self.masked)
        self.label_ends = _positions(_LABEL_END, self.masked)
        self._partners: dict[int, int] | None = None

    def shown(self, start: int, end: int) -> str:
        """The text from ``start`` to ``end`` as a reader sees it, without escaping backslashes."""
        if not self.hidden:
            return self.text[start:end]
        return "".join(self.text[first:last] for first, last in self._without_backslashes(start, end))

    def shown_stretches(self) -> list[tuple[int, int]]:
        """Where the characters a reader sees stand, as (start, end) stretches in order."""
        return [stretch for start, end, *_ in self.runs() for stretch in self._without_backslashes(start, end)]

    def _without_backslashes(self, start: int, end: int) -> list[tuple[int, int]]:
        first, last = bisect.bisect_left(self.hidden, start), bisect.bisect_left(self.hidden, end)
        stretches, position = [], start
        for index in self.hidden[first:last]:
            stretches.append((position, index))
            position = index + 1
        stretches.append((position, end))
        return stretches

    def runs(self) -> list[Run]:
        """The whole text as runs of one style each, in order."""
        found: list[Run] = []
        self._runs(0, len(self.text), False, False, None, found)
        return found

    def _runs(self, start: int, end: int, bold: bool, italic: bool, href: str | None, found: list[Run]) -> None:
        """Runs of the text from ``start`` to ``end``; the recursion is shallow, as a nested form
        adds a style that cannot recur inside it (its own first closing mark ends it)."""
        literal = start
        at = bisect.bisect_left(self.marks, start)
        while at < len(self.marks) and self.marks[at] < end:
            index = self.marks[at]
            form = self._form_at(index, end, inside_link=href is not None)
            if form is None:
                at += 1
                continue
            kind, inner_start, inner_end, after, target = form
            if index > literal:
                found.append((literal, index, bold, italic, href))
            self._runs(inner_start, inner_end, bold or kind == "bold", italic or kind == "italic", target or href, found)
            literal = after
            at = bisect.bisect_left(self.marks, after)
        if literal < end:
            found.append((literal, end, bold, italic, href))

    def _form_at(self, index: int, end: int, inside_link: bool) -> Form | None:
        """The markup that starts at ``index`` and ends by ``end``, if any: a link, bold or italic."""
        text = self.masked
        if text[index] == "[":
            return None if inside_link else self._link_at(index, end)
        following = text[index + 1] if index + 1 < end else " "
        if following == "*":
            if index + 2 >= end or text[index + 2].isspace():
                return None
            close = _first_from(self.bold_ends, index + 3)
            return ("bold", index + 2, close, close + 2, None) if close + 2 <= end else None
        if following.isspace() or (index > 0 and text[index - 1] == "*"):
            return None
        close = _first_from(self.italic_ends, index + 2)
        return ("italic", index + 1, close, close + 1, None) if close < end else None

    def _link_at(self, index: int, end: int) -> Form | None:
        close = _first_from(self.label_ends, index + 1)
        if close == index + 1 or close + 1 >= end or self.masked[close + 1] != "(":
            return None
        partner = self.partners().get(close + 1)
        if partner is None or partner >= end or partner == close + 2:
            return None
        return ("link", index + 1, close, partner + 1, self.shown(close + 2, partner))

    def partners(self) -> dict[int, int]:
        """Each ``(`` -> its ``)``, paired only within a stretch without white space (a URL has none)."""
        if self._partners is None:
            self._partners = {}
            opened: list[int] = []
            previous = 0
            for match in _PARENTHESIS.finditer(self.masked):
                index = match.start()
                if _SPACE.search(self.masked, previous, index):
                    opened.clear()
                previous = index
                if match.group() == "(":
                    opened.append(index)
                elif opened:
                    self._partners[opened.pop()] = index
        return self._partners


def _positions(pattern: re.Pattern[str], text: str) -> list[int]:
    return [match.start() for match in pattern.finditer(text)]


def _first_from(positions: list[int], start: int) -> int:
    """The first of the sorted ``positions`` at or after ``start``; past every text if none."""
    found = bisect.bisect_left(positions, start)
    return positions[found] if found < len(positions) else 1 << 62
