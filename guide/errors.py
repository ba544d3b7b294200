"""One exception hierarchy: every problem a user can cause knows its file, line and field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, printed as ``path:line:column: field: message``.

    ``field`` is a dotted path with list indices in brackets (``key_facts[2].fact``); it is
    empty when the problem belongs to the file as a whole (a YAML syntax error, say). Line 0
    means the problem is not in a file (a command-line option): it prints as ``where: message``.
    """

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}" if self.line else self.path
        return escaped(f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}")


class GuideError(Exception):
    """Base of every error this package raises on purpose."""


class InputError(GuideError):
    """BadValueError input: one or more problems, all reported together (exit status 2)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @classmethod
    def single(cls, path: str | Path, message: str, line: int = 1, column: int = 1) -> InputError:
        """An error about a file as a whole, such as one that cannot be read."""
        return cls([Problem(str(path), line, column, "", message)])


class RenderError(GuideError):
    """Valid input that could not be turned into a file (exit status 1)."""


QUOTE_CHARS = 60
"""How much of a user's text a message quotes: enough to find it, never the whole of a huge value."""


def quoted(text: str) -> str:
    """``text`` in single quotes as a message shows it: cut short when long, undecodable bytes as escapes."""
    shown = text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 3] + "..."
    return f"'{escaped(shown)}'"


def escaped(text: str) -> str:
    """Text that can be printed whatever it holds: a file name's undecodable bytes (kept by Python as
    lone surrogates) become ``\\xNN`` escapes, so printing it never fails and shows what is there."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte (written as an escape in YAML)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


Location = tuple[str | int, ...]
"""Where a value sits in a document: keys and list indices from the top."""


def field_path(location: Location) -> str:
    """``('key_facts', 2, 'fact')`` -> ``key_facts[2].fact``."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass(frozen=True)
class Origin:
    """Where a loaded document came from, so later checks can point at its lines.

    ``positions`` maps a location to the (line, column) of its key, or of the item for list
    entries; a location that is not there (a missing key, say) is pinned to its nearest
    ancestor that is. ``prefix`` places a document inside a larger one (a theme written inline
    in a course file): locations are given relative to it, reported in full. ``names`` spells
    locations as the file does when it was translated from another format (a brand.yml).
    ``texts`` are the locations of text: a location under one is the model's reading of text
    written alone (a one-item list, a record by its shorthand key), so it is reported as the
    text itself, ``context`` rather than ``context[0].text``, which the file does not have.
    """

    path: str
    positions: dict[Location, tuple[int, int]]
    prefix: Location = ()
    names: dict[Location, str] = field(default_factory=dict)
    texts: frozenset[Location] = frozenset()

    def within(self, location: Location) -> Origin:
        """The origin of the part of this document found at ``location``."""
        return Origin(self.path, self.positions, (*self.prefix, *location), self.names, self.texts)

    def as_written(self, location: Location) -> Location:
        """``location`` (relative to the prefix) in full, as the file has it: cut at text written alone."""
        location = (*self.prefix, *location)
        return next((location[:length] for length in range(1, len(location)) if location[:length] in self.texts), location)

    def locate(self, location: Location) -> tuple[int, int]:
        location = self.as_written(location)
        for length in range(len(location), -1, -1):
            position = self.positions.get(location[:length])
            if position is not None:
                return position
        return (1, 1)

    def problem(self, location: Location, message: str) -> Problem:
        line, column = self.locate(location)
        return Problem(self.path, line, column, self.field_name(self.as_written(location)), message)

    def field_name(self, location: Location) -> str:
        """How the file spells ``location``: its own name, or its nearest named ancestor's plus the rest."""
        for length in range(len(location), 0, -1):
            name = self.names.get(location[:length])
            if name is not None:
                rest = field_path(location[length:])
                return f"{name}.{rest}" if rest and not rest.startswith("[") else name + rest
        return field_path(location)
