"""The shape of a theme file (product contract, section 3): what ``guide.records`` checks it against.

These classes say what a user may write; ``guide.load.theme`` resolves what they wrote
(palette names, paths, ``extends``) into the ``guide.theme.Theme`` that renderers read.
"""

from __future__ import annotations

import dataclasses
import re
import string
from collections.abc import Callable
from typing import Annotated, Literal

from guide.colors import HEX_COLOR
from guide.labels import LABEL_NAMES
from guide.model import OutputNames, Text, clean_text
from guide.records import BOOLEAN_SPELLINGS, BadValueError, Mapping, Nullable, Value, describe, integer, number, record, text
from guide.theme import MAX_SEED, OFF, HandoutLayout

PALETTE_NAME = r"^[A-Za-z][A-Za-z0-9_-]*$"


def _check_color(value: str) -> str:
    if value.startswith("#") and not HEX_COLOR.fullmatch(value):
        raise BadValueError(f"'{value}' is not a colour; write #RGB or #RRGGBB, or a palette name")
    return value


ColorRef = Annotated[str, text(clean_text, _check_color)]
"""``#RGB``, ``#RRGGBB`` or the name of a colour in the theme's palette."""


def _check_hex(value: str) -> str:
    if not HEX_COLOR.fullmatch(value):
        raise BadValueError(f"'{value}' is not a colour; write #RGB or #RRGGBB")
    return value


HEX_COLOR_TEXT = text(clean_text, _check_hex)


def _check_palette_name(value: str) -> str:
    if not re.fullmatch(PALETTE_NAME, value):
        raise BadValueError(f"'{value}' is not a palette name (a letter, then letters, digits, '-' or '_')")
    return value


@record
class ColorRoles:
    primary: ColorRef | None = None
    """Headings, the title band, dates."""
    accent: ColorRef | None = None
    """Bullets, markers and rules."""
    text: ColorRef | None = None
    muted: ColorRef | None = None
    """Captions, footers, secondary lines."""
    background: ColorRef | None = None
    tint: ColorRef | None = None
    """Wash behind boxes; derived from primary when not given."""


@record
class FontSpec:
    """A bundled family by name, or a family given by its TrueType files."""

    family: Text
    regular: Text | None = None
    bold: Text | None = None
    italic: Text | None = None
    """Defaults to the regular face."""
    bold_italic: Text | None = None
    """Defaults to the bold face."""


@record
class FontRoles:
    heading: FontSpec | None = None
    body: FontSpec | None = None


@record
class PageSpec:
    size: Literal["a4", "letter"] | None = None
    margin_mm: Annotated[float | None, Nullable(number(8, 40))] = None


@record
class SheetSpec:
    """The study sheet's grid: where the sidebar goes and how large the reading text is."""

    sidebar: Literal["left", "right"] | None = None
    body_pt: Annotated[float | None, Nullable(number(9.5, 12))] = None


@record
class LayoutNames:
    """Our slide roles -> the template's layout names, in whatever language the template uses."""

    title: Text | None = None
    section: Text | None = None
    content: Text | None = None
    two_content: Text | None = None
    title_only: Text | None = None
    blank: Text | None = None


def _variant(*names: str) -> Value:
    """A design's switch: true (its first variant), false, or one of its variants by name."""
    options = ", ".join(f"'{name}'" for name in names)

    def parse(value: object) -> str:
        if value in names:
            return str(value)
        spelled = BOOLEAN_SPELLINGS.get(value.lower()) if isinstance(value, str) else None
        if spelled is None:
            shown = repr(value) if isinstance(value, str) else describe(value)
            raise BadValueError(f"must be true, false or one of {options}, got {shown}")
        return names[0] if spelled else OFF

    return Value(parse, {"anyOf": [{"type": "boolean"}, {"enum": list(names)}]})


Arrangement = Annotated[str | None, Nullable(_variant("columns", "rows"))]


@record
class DesignsSpec:
    """Slide designs switched on (true) or off (false), or a variant chosen by name."""

    cover: bool | None = None
    """The cover picture beside the title on the title slide."""
    checklist: bool | None = None
    """Objectives with a box to tick."""
    statement: bool | None = None
    """A short text set large."""
    panel: bool | None = None
    """A long summary in a tinted panel."""
    cards: Arrangement = None
    """Short points as cards: columns (side by side), rows (one under another), or false."""
    numbers: bool | None = None
    """Key facts with a figure set big, on a slide of their own."""
    quotation: bool | None = None
    """Excerpts set large with their attribution."""
    timeline: bool | None = None
    """The timeline on an axis to scale; false: a dated list."""
    grid: Arrangement = None
    """People and key terms as cards: columns (two side by side), rows (one a row), or false."""
    divider: bool | None = None
    """A long deck's section dividers."""


@record
class SlidesSpec:
    aspect: Literal["16:9", "4:3"] | None = None
    template: Text | None = None
    """An institution's .pptx or .potx, relative to the theme file."""
    layouts: LayoutNames | None = None
    designs: DesignsSpec | None = None
    """Which slide designs a deck may use, and their variants."""


@record
class TypesettingSpec:
    smart_quotes: bool | None = None
    """Curly quotes and apostrophes for straight ones (true); false prints them as typed."""


@record
class QuizSpec:
    """How the quiz is put before a class: which version of its shuffles, where the deck shows answers, where it prints."""

    seed: Annotated[int | None, Nullable(integer(0, MAX_SEED))] = None
    """0 is the default version; another number shuffles options, columns and items differently, for another class."""
    answers: Literal["slides", "notes"] | None = None
    """slides: an answer slide after each question slide; notes: the answers in the speaker notes only."""
    print: Literal["paper", "sheet"] | None = None
    """paper: typed questions print on a quiz paper of their own, with its teacher's copy; sheet: on the study sheet and in its key."""


def _placeholders(required: str, allowed: tuple[str, ...], example: str) -> Callable[[str], str]:
    """A check that a label holds ``required`` and no placeholder but ``allowed``, each as it is: a format spec
    (``{page:>100000000}``) or a conversion (``{page!r}``) would make every footer a number padded to any width, or fail
    while rendering."""
    shown = " and ".join(f"{{{name}}}" for name in allowed)

    def check(value: str) -> str:
        try:
            parts = list(string.Formatter().parse(value))
        except ValueError:
            parts = [("", "?", "", None)]
        fields = [(name, spec, conversion) for _, name, spec, conversion in parts if name is not None]
        names = {name for name, _, _ in fields}
        if required not in names or any(name not in allowed or spec or conversion for name, spec, conversion in fields):
            raise BadValueError(f"may hold only {shown}, with {{{required}}} required, e.g. '{example}'")
        return value

    return check


PLACEHOLDERS = {
    "page_of": _placeholders("page", ("page", "pages"), "Page {page} of {pages}"),
    **{unit: _placeholders("count", ("count",), f"{{count}} {unit}") for unit in ("day", "days", "month", "months", "year", "years")},
}
"""The labels that hold numbers, and what each may hold: ``page_of`` the page's, the units of time a count ("3 years")."""


Labels = dataclasses.make_dataclass(
    "Labels",
    [
        (name, Annotated[str | None, Nullable(text(clean_text, PLACEHOLDERS[name]))] if name in PLACEHOLDERS else Text | None, None)
        for name in LABEL_NAMES
    ],
    frozen=True,
    kw_only=True,
)
"""Wording over the built-in labels; ``page_of`` holds ``{page}`` and ``{pages}``, a unit of time (``years``) ``{count}``."""


@record
class ThemeFile:
    """One theme file or inline theme; every key is optional and overrides what it extends."""

    extends: Text | None = None
    """A built-in theme name or a path to another theme file; omitted means the default theme."""
    description: Text | None = None
    palette: Annotated[dict[str, str] | None, Nullable(Mapping(text(_check_palette_name), HEX_COLOR_TEXT))] = None
    """Named colours that the colour roles may refer to."""
    colors: ColorRoles | None = None
    fonts: FontRoles | None = None
    logo: Text | None = None
    """A PNG or JPEG, relative to the theme file."""
    fills: bool | None = None
    """False prints outlines instead of large colour areas."""
    page: PageSpec | None = None
    sheet: SheetSpec | None = None
    slides: SlidesSpec | None = None
    typesetting: TypesettingSpec | None = None
    """How text is set (not ``typography``, which would make a theme of only this key read as a brand.yml)."""
    quiz: QuizSpec | None = None
    labels: Labels | None = None  # type: ignore[valid-type]
    outputs: OutputNames | None = None
    """The outputs built when neither the command line nor a course chooses."""
    handout: HandoutLayout | None = None
    """The handout's layout: lines (the default), notes, 2, 4, 6 or 9 slides a page."""
