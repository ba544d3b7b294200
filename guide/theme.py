"""The resolved look of a course: colours, fonts, page and labels, as renderers read it.

Renderers never see theme files or names, only this object, with every colour a hex value
and every font a family of real files. The built-in default lives here too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from guide.fonts import BUNDLED_FAMILIES, FontFamily

PageSize = Literal["a4", "letter"]
SlideAspect = Literal["16:9", "4:3"]


@dataclass(frozen=True)
class Colors:
    """Hex colours (``#RRGGBB``) by role."""

    primary: str = "#1F3A5F"
    accent: str = "#C8102E"
    text: str = "#222222"
    muted: str = "#6B7280"
    background: str = "#FFFFFF"
    tint: str = "#EEF2F7"
    """A pale wash of the primary colour for boxes."""


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    colors: Colors
    heading_font: FontFamily
    body_font: FontFamily
    page_size: PageSize = "a4"
    margin_mm: float = 16.0
    slide_aspect: SlideAspect = "16:9"
    label_overrides: Mapping[str, str] = field(default_factory=dict)

    def with_page_size(self, page_size: PageSize) -> Theme:
        return replace(self, page_size=page_size)

    def with_slide_aspect(self, slide_aspect: SlideAspect) -> Theme:
        return replace(self, slide_aspect=slide_aspect)


def default_theme() -> Theme:
    """The classic look: serif body, sans headings, navy and red on white."""
    return Theme(
        name="classic",
        description="Serif body text, sans-serif headings, navy and red on white",
        colors=Colors(),
        heading_font=BUNDLED_FAMILIES["Liberation Sans"],
        body_font=BUNDLED_FAMILIES["Liberation Serif"],
    )
