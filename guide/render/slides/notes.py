"""Speaker notes given once: a section's notes on its first slide, continuation slides only what is theirs.

A section's slides are planned apart, and each is planned with the notes of what it shows and
the topic's own notes for its section; a list, cards, a grid or a timeline run on to further
slides gives each the same notes ("In numbers" and the key facts' list after it share the facts'
details). Read in order, a presenter would meet the same paragraphs again on every slide of the
section. So the slides that run on say so (:func:`continuing`), and :func:`notes_once` keeps
each paragraph once: the topic's notes for a section stay on the first slide that has them, and
a slide left with nothing of its own says where its notes are, "Notes: see slide 5", as the
notes handout prints it. Notes that merely read alike (two questions answered "True") are each
slide's own, and stay.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the plan calls these on its slides
    from guide.render.slides.plan import SlidePlan

PARAGRAPH = "\n\n"
RUNS_ON = -1
"""``SlidePlan.notes_with`` of a slide planned with the same notes as the slide before it, until numbered."""


def continuing(slides: list[SlidePlan]) -> list[SlidePlan]:
    """``slides``, one text run on from the first, each after it marked as having the first one's notes."""
    return slides[:1] + [replace(slide, notes_with=RUNS_ON) for slide in slides[1:]]


def notes_once(slides: Sequence[SlidePlan], section_notes: Collection[str], pointer: str) -> tuple[SlidePlan, ...]:
    """``slides`` (numbered from 1) with each section's notes given once (see the module's note).

    ``section_notes`` are the topic's own notes for its sections, as the plan appends them (last);
    ``pointer`` is the wording before the number of the slide whose notes a slide shares.
    """
    noted: dict[str, int] = {}  # a topic's note for the section -> the slide it is given on
    section: str | None = None
    kept: list[SlidePlan] = []
    for number, slide in enumerate(slides, start=1):
        if slide.section != section:
            noted, section = {}, slide.section
        if slide.notes_with == RUNS_ON and kept and slide.notes.strip():
            kept.append(_pointing(slide, kept[-1].notes_with or number - 1, pointer))
            continue
        own, given_on = slide.notes, number
        for note in section_notes:
            if note and (own == note or own.endswith(PARAGRAPH + note)) and noted.setdefault(note, number) != number:
                own, given_on = own[: -len(note)].removesuffix(PARAGRAPH), noted[note]
        pointing = not own.strip() and given_on != number
        kept.append(_pointing(slide, given_on, pointer) if pointing else replace(slide, notes=own, notes_with=0))
    return tuple(kept)


def _pointing(slide: SlidePlan, number: int, pointer: str) -> SlidePlan:
    """``slide`` with notes that only say on which slide its notes are."""
    return replace(slide, notes=f"{pointer} {number}", notes_with=number)
