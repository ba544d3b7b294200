"""Refusals of the content model, pinned to the lines of the file they came from."""

from __future__ import annotations

from guide.errors import Origin, Problem
from guide.records import RefusedError

EXTENSION_PREFIX = "x-"
"""Keys starting with this belong to the user's own tools: every level of a topic may hold them."""


def problems_of(refused: RefusedError, origin: Origin) -> list[Problem]:
    """One Problem per refusal, at the line of the offending key or item."""
    return [origin.problem(location, message) for location, message in refused.found]
