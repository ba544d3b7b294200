"""A deck's design family and type scale: what differs between the classic, modern and print decks.

The family follows the theme: a theme that prints outlines instead of fills gets the print
design, one that sets everything in one sans-serif family the modern one, any other the
classic one; so a theme that extends a built-in keeps its design.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from guide.colors import mix
from guide.theme import SlideDesigns, Theme

Family = Literal["classic", "modern", "print"]

SIZES: dict[str, tuple[float, float]] = {
    "title": (36.0, 28.0),
    "cover_title": (54.0, 32.0),
    "cover_subtitle": (24.0, 18.0),
    "body": (28.0, 24.0),
    "card": (28.0, 22.0),
    "fact": (28.0, 20.0),
    "grid": (24.0, 20.0),
    "person": (28.0, 22.0),
    "statement": (40.0, 28.0),
    "spotlight": (32.0, 24.0),
    "timeline": (22.0, 18.0),
    "caption": (18.0, 18.0),
    "badge": (18.0, 18.0),
    "kicker": (96.0, 96.0),
    "agenda": (40.0, 24.0),
    "quote": (32.0, 20.0),
    "parallel": (28.0, 20.0),
    "matching": (28.0, 20.0),
    "number": (90.0, 32.0),
}
"""Each text role's (largest, floor) size in points. A deck sets each role at one size: the
largest that fits every slide of the role, down to the floor; what still does not fit continues.
The floors are what reads from the back of a classroom: 24 pt for lists, panels and checklists,
22 for cards and name cards, 20 for key-term cards, a matching's columns, quotations, translations and key facts
too long to share a list slide, paired (two such facts a slide at 20 pt, rather than one a slide at 24), 18 for the
timeline's labels and credits. A long fact left alone on its slide is set in the spotlight, larger than a list."""

DISPLAY_ROLES = ("statement", "spotlight", "agenda", "kicker", "quote", "parallel", "number")
"""Roles set large on purpose: their slides may hold little."""

SERIF_FAMILIES = ("Liberation Serif",)
ON_FILL_MUTED_SHARE = 0.15
"""Of the primary colour in the background colour: quiet text over a primary fill."""
TEMPLATE_SCHEME = {
    "primary": "tx2",
    "accent": "accent1",
    "text": "tx1",
    "muted": "tx2",
    "background": "bg1",
    "tint": "bg2",
    "on_fill": "bg1",
    "on_fill_muted": "bg2",
}
"""On a template, the plan's colour roles take these colours of the template theme's scheme."""


@dataclass(frozen=True)
class DeckStyle:
    """How a deck is decorated: its design family, whether large areas are filled with colour, the designs it may use."""

    family: Family
    fills: bool
    designs: SlideDesigns = field(default_factory=SlideDesigns)
    grey_pictures: bool = False
    """Pictures in shades of grey (see ``Theme.grey_pictures``)."""

    @property
    def card_fill(self) -> str | None:
        """Cards are tinted where the theme fills, outlined where it saves toner."""
        return "tint" if self.fills else None

    @property
    def card_outline(self) -> str | None:
        return None if self.fills else "muted"


def deck_style(theme: Theme) -> DeckStyle:
    """The design family of ``theme``'s decks (see the module's docstring)."""
    if not theme.fills:
        return DeckStyle("print", False, theme.designs, theme.grey_pictures)
    one_sans = theme.heading_font == theme.body_font and theme.heading_font.name not in SERIF_FAMILIES
    return DeckStyle("modern" if one_sans else "classic", True, theme.designs, theme.grey_pictures)


def theme_inks(theme: Theme) -> dict[str, str]:
    """The plan's colour roles in the theme's colours (``#RRGGBB``)."""
    colors = theme.colors
    roles = {"primary": colors.primary, "accent": colors.accent, "text": colors.text, "muted": colors.muted}
    on_fill_muted = mix(colors.background, colors.primary, ON_FILL_MUTED_SHARE)
    return roles | {"background": colors.background, "tint": colors.tint, "on_fill": colors.background, "on_fill_muted": on_fill_muted}
