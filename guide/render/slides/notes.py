"""Speaker notes given once: a section's notes on its first slide, continuation slides only what is theirs.

A section's slides are planned apart (a list run on to further slides, "In numbers" before
the key facts' list, a question a slide), and each is planned with the notes of what it
shows and the topic's own notes for its section. Read in order, a presenter would meet the
same paragraphs again on every slide of the section. This pass keeps each once: the topic's
notes for a section stay on the first slide that has them, and a slide whose notes repeat an
earlier slide's of its section (all of them, or all it has left) says only where they are,
"Notes: see slide 5", as the notes handout prints it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the plan calls this pass on its slides
    from guide.render.slides.plan import SlidePlan

PARAGRAPH = "\n\n"


def notes_once(slides: Sequence[SlidePlan], section_notes: Collection[str], pointer: str) -> tuple[SlidePlan, ...]:
    """``slides`` (numbered from 1) with each section's notes given once (see the module's note).

    ``section_notes`` are the topic's own notes for its sections, as the plan appends them (last);
    ``pointer`` is the wording before the number of the slide whose notes a slide shares.
    """
    seen: dict[str, int] = {}  # a slide's notes -> the first slide of this section with the same
    noted: dict[str, int] = {}  # a topic's note for the section -> the slide it is given on
    section: str | None = None
    kept: list[SlidePlan] = []
    for number, slide in enumerate(slides, start=1):
        if slide.section != section:
            seen, noted, section = {}, {}, slide.section
        if slide.notes.strip() and seen.setdefault(slide.notes, number) != number:
            kept.append(_pointing(slide, seen[slide.notes], pointer))
            continue
        own, given_on = slide.notes, number
        for note in section_notes:
            if note and (own == note or own.endswith(PARAGRAPH + note)) and noted.setdefault(note, number) != number:
                own, given_on = own[: -len(note)].removesuffix(PARAGRAPH), noted[note]
        kept.append(_pointing(slide, given_on, pointer) if not own.strip() and given_on != number else replace(slide, notes=own))
    return tuple(kept)


def _pointing(slide: SlidePlan, number: int, pointer: str) -> SlidePlan:
    """``slide`` with notes that only say on which slide its notes are."""
    return replace(slide, notes=f"{pointer} {number}", notes_with=number)
