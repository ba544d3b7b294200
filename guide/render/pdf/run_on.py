"""Text that runs on to the next page under a mark saying so: a slide's speaker notes on a handout's notes page.

A notes page shows one slide over its notes; notes longer than the room under it carry on
at the top of the next page, where nothing would otherwise say whose notes they are. The
part carried over starts with the mark ("SLIDE 4 (CONT.)"), drawn outside any tagged
element, so a screen reader reads the notes as one run of paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

from guide.render.pdf.columns import draw_stacked, fill, stacked_height, wrapped_height


class RunOn(Flowable):
    """``flowables`` one below the other; each part a page break carries over starts with ``mark``."""

    def __init__(self, flowables: Sequence[Flowable], mark: Flowable, continued: bool = False) -> None:
        super().__init__()
        self.flowables = list(flowables)
        self.mark = mark
        self.continued = continued

    def _content(self) -> list[Flowable]:
        return [self.mark, *self.flowables] if self.continued else self.flowables

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        self.height = stacked_height(self._content(), available_width)
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """What fits here, and the rest under the mark; nothing when not even a line fits (the whole moves on)."""
        marked = wrapped_height(self.mark, available_width) + self.mark.getSpaceAfter() if self.continued else 0.0
        head, tail = fill(self.flowables, available_width, available_height - marked, fresh=False)
        if not head or not tail:
            return []
        return [RunOn(head, self.mark, self.continued), RunOn(tail, self.mark, continued=True)]

    def draw(self) -> None:
        draw_stacked(self._content(), self.canv, self.width, self.height)
