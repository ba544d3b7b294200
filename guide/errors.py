"""One exception hierarchy: every problem a user can cause knows its file, line and field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file, printed as ``path:line:column: field: message``.

    ``field`` is a dotted path with list indices in brackets (``key_facts[2].fact``); it is
    empty when the problem belongs to the file as a whole (a YAML syntax error, say).
    """

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class GuideError(Exception):
    """Base of every error this package raises on purpose."""


class InputError(GuideError):
    """Invalid input: one or more problems, all reported together (exit status 2)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems))
        super().__init__("\n".join(str(problem) for problem in self.problems))

    @classmethod
    def single(cls, path: str | Path, message: str, line: int = 1, column: int = 1) -> InputError:
        """An error about a file as a whole, such as one that cannot be read."""
        return cls([Problem(str(path), line, column, "", message)])


class RenderError(GuideError):
    """Valid input that could not be turned into a file (exit status 1)."""


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
    ancestor that is.
    """

    path: str
    positions: dict[Location, tuple[int, int]]

    def locate(self, location: Location) -> tuple[int, int]:
        for length in range(len(location), -1, -1):
            position = self.positions.get(location[:length])
            if position is not None:
                return position
        return (1, 1)

    def problem(self, location: Location, message: str) -> Problem:
        line, column = self.locate(location)
        return Problem(self.path, line, column, field_path(location), message)
