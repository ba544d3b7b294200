"""What a handout prints of a deck, and where a notes handout sets each slide's speaker notes: what the handout's tests and
its tagging tests expect."""

from __future__ import annotations

from guide.render.slides.plan import DeckPlan, SlidePlan


def printed(plan: DeckPlan) -> list[tuple[int, SlidePlan]]:
    """The slides a handout prints, with their numbers in the deck: every slide but the dividers between the deck's parts."""
    return [(number, slide) for number, slide in enumerate(plan.slides, start=1) if slide.design != "divider"]


def notes_set_under(plan: DeckPlan) -> dict[int, int]:
    """Slide number -> the slide under which a notes handout sets its notes: its own, or the one the deck's notes point to."""
    return {number: slide.notes_with or number for number, slide in enumerate(plan.slides, start=1)}
