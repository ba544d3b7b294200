"""A template's colours against its real backgrounds: which scheme colour links take, and which text is hard to read.

A template's text colours come from its master's text styles, its backgrounds from its master,
layouts (or the sample slides whose background the deck carries over). Text below WCAG AA
against the background of a layout the deck uses is a warning; links take the first colour
of the template's scheme that reads on every background the deck uses, not a fixed one (a
navy link on a navy slide read at 1.5:1).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from guide.colors import contrast_ratio
from guide.ooxml import DRAWINGML, PRESENTATIONML
from guide.template_art import TemplateArt, scheme_color

if TYPE_CHECKING:
    from lxml.etree import _Element

TEXT_MINIMUM = 4.5
LINKED_ROLES = ("content", "title_only")
"""The roles whose slides hold links, cards and text we draw: their backgrounds decide those colours."""
LINK_CANDIDATES = ("tx2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "tx1")
"""Scheme colours links may take, in order of preference."""
TINT_CANDIDATES = ("bg2", "bg1", "tx2", "tx1")
"""Scheme colours cards may be filled with, in order of preference: the first that their text reads on."""
STYLES = {"title": "titleStyle", "text": "bodyStyle"}


@dataclass(frozen=True)
class TemplateColors:
    inks: tuple[tuple[str, str], ...]
    """Colour role -> a scheme colour's name or ``#RRGGBB``: where the template's own colours would not read."""
    warnings: tuple[str, ...]


def text_color(master: _Element, style: str, scheme: Mapping[str, str]) -> str:
    """The colour of a master text style's first level (``#RRGGBB``); the scheme's text colour where it says none."""
    run = master.find(f"{PRESENTATIONML}txStyles/{PRESENTATIONML}{style}/{DRAWINGML}lvl1pPr/{DRAWINGML}defRPr/{DRAWINGML}solidFill")
    for child in run if run is not None else ():
        if child.tag == f"{DRAWINGML}srgbClr":
            return "#" + child.get("val", "000000").upper()
        if child.tag == f"{DRAWINGML}schemeClr":
            return scheme_color(dict(scheme), child.get("val", "tx1"))
    return scheme_color(dict(scheme), "tx1")


def template_colors(
    art: TemplateArt,
    texts: Mapping[str, Mapping[str, str]],
    backgrounds: Mapping[str, tuple[str, str]],
    schemes: Mapping[str, dict[str, str]] | None = None,
) -> TemplateColors:
    """The colours our text and cards take, and the contrast warnings, for ``texts`` (role -> title, text -> colour) on ``backgrounds``.

    ``backgrounds`` maps each deck role to (where, colour). Text we draw takes the text colour of
    the title-only layout it is drawn on; titles of designs and links the first scheme colour that reads on every background;
    cards a fill their text reads on. ``schemes`` gives each role's scheme under its layout's colour map
    (a scheme colour we write means what that map says on the role's slides); the template's first scheme by default.
    """
    found: dict[tuple[str, str, str], list[str]] = {}
    for role, (where, background) in backgrounds.items():
        for kind, color in texts.get(role, {}).items():
            if contrast_ratio(color, background) < TEXT_MINIMUM:
                found.setdefault((kind, color, background), []).append(f"{where} ({role} slides)")
    warnings = [
        f"the template's {kind} colour {color} on the background {background} of {', '.join(wheres)} has contrast "
        f"{contrast_ratio(color, background):.1f}:1, below the {TEXT_MINIMUM:g}:1 that WCAG AA asks for text"
        for (kind, color, background), wheres in found.items()
    ]
    linked = [(role, background) for role, (_, background) in backgrounds.items() if role in LINKED_ROLES]

    def color(role: str, name: str) -> str:
        return scheme_color((schemes or {}).get(role, art.scheme), name)

    def worst(name: str) -> float:
        return min((contrast_ratio(color(role, name), background) for role, background in linked), default=21.0)

    readable = [name for name in LINK_CANDIDATES if worst(name) >= TEXT_MINIMUM]
    link = readable[0] if readable else max(LINK_CANDIDATES, key=worst)
    if not readable:
        warnings.append(f"no colour of the template's scheme reads at {TEXT_MINIMUM:g}:1 on all its backgrounds; links take {link}")
    drawn_on = "title_only" if "title_only" in texts else "content"  # the designs' slides: where text we draw goes
    text = texts.get(drawn_on, {}).get("text") or color(drawn_on, "tx1")
    tint = next((name for name in TINT_CANDIDATES if contrast_ratio(color(drawn_on, name), text) >= TEXT_MINIMUM), "bg2")
    inks = {"primary": link, "muted": link, "text": text, "tint": tint}
    return TemplateColors(tuple(sorted(inks.items())), tuple(warnings))
