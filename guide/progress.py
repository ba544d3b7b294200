"""A progress bar for long batches on a terminal: topics done, of how many, and the time left."""

from __future__ import annotations

from types import TracebackType
from typing import TextIO

from guide.report import Progress

SHOW_AFTER_SECONDS = 0.5
"""A build quicker than this never shows a bar, so quick rebuilds stay one line."""


class ProgressBar(Progress):
    """A tqdm bar on ``stream``, drawn only when the build outlasts ``SHOW_AFTER_SECONDS`` and erased when done."""

    def __init__(self, stream: TextIO, doing: str = "building") -> None:
        from tqdm import tqdm  # only a terminal run pays for it

        self.expected = 0
        self.bar = tqdm(
            total=self.expected, file=stream, unit="topic", desc=doing, delay=SHOW_AFTER_SECONDS, leave=False, dynamic_ncols=True
        )
        # leave=False: the bar is erased at the end, where the one-line summary takes its place

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.bar.close()

    def expect(self, count: int) -> None:
        self.expected += count
        self.bar.total = self.expected  # shown with the next update, never before the bar's delay

    def finished(self, count: int = 1) -> None:
        self.bar.update(count)
