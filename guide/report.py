"""What became of each input of a build, and the exit status that sums it up."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from guide.errors import Problem


@dataclass
class TopicResult:
    """What became of one input file (a topic; or a course whose theme or file is invalid)."""

    source: str
    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    """What the topic lacks for accessibility that only its author can add (errors with ``--strict``)."""
    failure: str | None = None
    failure_detail: str | None = None
    up_to_date: bool = False
    """Its targets were built from the same inputs before, and were left alone."""


@dataclass
class BuildReport:
    results: list[TopicResult] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    usage: list[Problem] = field(default_factory=list)
    """Problems with the command line itself (a ``--theme`` that does not exist)."""

    @property
    def exit_status(self) -> int:
        """0 all built; 2 any invalid input; else 1 if any topic failed to render."""
        if self.usage or any(result.problems for result in self.results):
            return 2
        return 1 if any(result.failure for result in self.results) else 0


class Progress:
    """Told how many topics a build has and when each is finished; this one ignores both.

    The command line draws a bar from it on a terminal. Counts are topics, whatever became
    of them (built, up to date, invalid or failed), so the bar always reaches its end.
    """

    def expect(self, count: int) -> None:
        """``count`` more topics are known to be coming (negative when a course turns out to be one)."""

    def finished(self, count: int = 1) -> None:
        """``count`` topics are done."""
