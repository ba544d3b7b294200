"""Characters that the theme's fonts cannot print, found before anything is drawn.

A missing glyph prints as an empty box, which a reader takes for a typo in the content;
reporting it with its line lets the author fix the text or choose another font.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from guide.cmap import mapped_characters
from guide.errors import Location, Origin, Problem
from guide.fonts import FontFamily
from guide.model import Topic
from guide.session import BuildSession


def printable_characters(families: tuple[FontFamily, ...], session: BuildSession | None = None) -> frozenset[str]:
    """Characters that every face of every family has a glyph for; with a session, read once per fonts' contents."""

    def read() -> frozenset[str]:
        sets = [mapped_characters(face) for family in families for face in family.faces]
        return frozenset(map(chr, frozenset.intersection(*sets)))

    if session is None:
        return read()
    return session.made("printable-characters", tuple(session.digest(face) for family in families for face in family.faces), read)


def unprintable(text: str, families: tuple[FontFamily, ...], printable: frozenset[str] | None = None) -> str | None:
    """Which characters of ``text`` the families cannot print, said for the user; None when all can."""
    printable = printable_characters(families) if printable is None else printable
    missing = sorted(char for char in set(text).difference(printable) if not char.isspace())
    if not missing:
        return None
    shown = ", ".join(f"'{char}' (U+{ord(char):04X})" for char in missing[:5])
    more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
    names = " and ".join(family.name for family in dict.fromkeys(families))
    return f"{shown}{more} cannot be printed with {names}"


def coverage_problems(topic: Topic, origin: Origin, families: tuple[FontFamily, ...], session: BuildSession) -> list[Problem]:
    """One problem per text field holding characters the fonts lack.

    Every topic of a batch is checked before it renders, and nearly all can be printed whole:
    their texts are looked at one by one only when the characters of all of them together are not.
    """
    printable = printable_characters(families, session)
    texts: list[tuple[Location, str]] = []
    _texts(topic, (), texts, {})
    if all(char.isspace() for char in set("".join(text for _, text in texts)).difference(printable)):
        return []
    found = ((location, unprintable(text, families, printable)) for location, text in texts)
    return [origin.problem(location, message) for location, message in found if message]


def _texts(value: Any, location: Location, texts: list[tuple[Location, str]], names: dict[type, tuple[str, ...]]) -> None:
    """Every text in the topic's records, with where it is, added to ``texts``; read in place, not copied out as dictionaries.

    ``names`` holds each record class's fields, found once per topic rather than once per record.
    """
    if isinstance(value, str):
        texts.append((location, value))
    elif type(value) in names or is_dataclass(value):
        fields_of = names.get(type(value))
        if fields_of is None:
            # a picture's or portrait's file name is a path, not printed text
            fields_of = names[type(value)] = tuple(field.name for field in fields(value) if field.name not in ("file", "image"))
        for name in fields_of:
            _texts(getattr(value, name), (*location, name), texts, names)
    elif isinstance(value, dict):
        for key, item in value.items():
            _texts(item, (*location, key), texts, names)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _texts(item, (*location, index), texts, names)
