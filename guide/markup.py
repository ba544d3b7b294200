"""Inline markup of prose: ``**bold**``, ``*italic*`` and ``[label](url)``, nothing else.

Both renderers and the validator share this one parser, so a sentence means the same on
paper and on a slide. Everything that is not one of the three forms is literal text; a
backslash makes the next ``*``, ``[``, ``]``, ``(``, ``)`` or ``\\`` literal too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ALLOWED_LINK_SCHEMES = ("http://", "https://", "mailto:")

_ESCAPABLE = "\\*[]()"
# Escaped characters are parked in the Private Use Area while the patterns run.
_PARKED = {char: chr(0xE000 + index) for index, char in enumerate(_ESCAPABLE)}
_UNPARKED = str.maketrans({parked: char for char, parked in _PARKED.items()})

_MARKUP = re.compile(r"[*\[\\]")
"""A character that can start markup: text without any is one plain span."""
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^\s()]+)\)")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_ITALIC = re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)")


@dataclass(frozen=True)
class Span:
    """A run of text with one style; ``href`` is set when the run is a link."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


def parse(text: str) -> tuple[Span, ...]:
    """Split prose into styled spans; adjacent spans of the same style are merged."""
    if not _MARKUP.search(text):
        return (Span(text),) if text else ()
    parked = re.sub(r"\\([\\*\[\]()])", lambda match: _PARKED[match.group(1)], text)
    return _merge(_parse(parked, False, False, None))


def plain_text(text: str) -> str:
    """The prose as a reader sees it, without markup characters."""
    return "".join(span.text for span in parse(text))


def links(text: str) -> tuple[str, ...]:
    """Every link target in the prose, in order."""
    return tuple(span.href for span in parse(text) if span.href is not None)


def is_allowed_link(url: str) -> bool:
    """Only web and mail links are allowed: other schemes can run code in a viewer."""
    return url.lower().startswith(ALLOWED_LINK_SCHEMES)


def _parse(text: str, bold: bool, italic: bool, href: str | None) -> list[Span]:
    spans: list[Span] = []
    position = 0
    while position < len(text):
        match, kind = _earliest(text, position, inside_link=href is not None)
        if match is None:
            break
        if match.start() > position:
            spans.append(_span(text[position : match.start()], bold, italic, href))
        inner = match.group(1)
        if kind == "link":
            spans.extend(_parse(inner, bold, italic, _unpark(match.group(2))))
        elif kind == "bold":
            spans.extend(_parse(inner, True, italic, href))
        else:
            spans.extend(_parse(inner, bold, True, href))
        position = match.end()
    if position < len(text):
        spans.append(_span(text[position:], bold, italic, href))
    return spans


def _earliest(text: str, position: int, inside_link: bool) -> tuple[re.Match[str] | None, str]:
    patterns = [("bold", _BOLD), ("italic", _ITALIC)]
    if not inside_link:
        patterns.insert(0, ("link", _LINK))
    found = [(match, kind) for kind, pattern in patterns if (match := pattern.search(text, position))]
    if not found:
        return None, ""
    return min(found, key=lambda pair: pair[0].start())


def _span(text: str, bold: bool, italic: bool, href: str | None) -> Span:
    return Span(_unpark(text), bold, italic, href)


def _unpark(text: str) -> str:
    return text.translate(_UNPARKED)


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        previous = merged[-1] if merged else None
        if previous and (previous.bold, previous.italic, previous.href) == (span.bold, span.italic, span.href):
            merged[-1] = Span(previous.text + span.text, span.bold, span.italic, span.href)
        else:
            merged.append(span)
    return tuple(merged)
