"""A template's colours against its real backgrounds: which scheme colour links take, and which text is hard to read.

A template's text colours come from its master's text styles, its backgrounds from its master,
layouts (or the sample slides whose background the deck carries over). Text below WCAG AA
against the background of a layout the deck uses is a warning; links take the first colour
of the template's scheme that reads on every background the deck uses, not a fixed one (a
navy link on a navy slide read at 1.5:1).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from guide.colors import contrast_ratio, relative_luminance
from guide.ooxml import DRAWINGML, PRESENTATIONML
from guide.template_art import Backdrop, TemplateArt, scheme_color

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
PICTURE_SAMPLE = 64
"""A background picture is judged reduced to at most this many pixels across and down, under each text box."""
PICTURE_SPARE = 0.02
"""The share of the darkest and of the lightest pixels under a text box left out: stray specks, not the background."""
Box = tuple[float, float, float, float]
"""(left, top, width, height) in points."""


@dataclass(frozen=True)
class TemplateColors:
    inks: tuple[tuple[str, str], ...]
    """Colour role -> a scheme colour's name or ``#RRGGBB``: where the template's own colours would not read."""
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class Ground:
    """What the text of a role's slides stands on: where it comes from, and the colours under each kind of text (title, text).

    A solid background has one colour; a gradient its stops' (text must read on each); a
    picture the darkest and lightest of its colours under the text's box.
    """

    where: str
    colors: Mapping[str, tuple[str, ...]]
    fill: str = ""
    """"" for a solid colour, else "gradient" or "picture"."""

    def described(self, kind: str) -> str:
        """The background under ``kind`` of text, as a warning names it."""
        colors = self.colors[kind]
        if self.fill == "gradient":
            return f"gradient background ({' to '.join(colors)})"
        if self.fill == "picture":
            return f"background picture ({' to '.join(colors)} under the {kind})"
        return f"background {colors[0]}"


def ground_of(where: str, backdrop: Backdrop, boxes: Mapping[str, Box | None], slide: tuple[float, float]) -> Ground:
    """What text in ``boxes`` (title, text -> its box in points) stands on over ``backdrop``, on a slide of size ``slide``."""
    if backdrop.image:
        return Ground(where, {kind: picture_colors(backdrop.image, boxes.get(kind), slide) for kind in STYLES}, "picture")
    if backdrop.stops:
        return Ground(where, dict.fromkeys(STYLES, backdrop.stops), "gradient")
    return Ground(where, dict.fromkeys(STYLES, (backdrop.color,)))


def picture_colors(image: bytes, box: Box | None, slide: tuple[float, float]) -> tuple[str, ...]:
    """The darkest and lightest colours of a slide's background picture (stretched over the slide) under ``box``.

    A few stray pixels do not count: the colours are those at the 2nd and 98th percentile of
    lightness, of the picture reduced to at most 64 x 64 pixels under the box. The picture is
    one the template's check judged within the bounds of topics' pictures.
    """
    from PIL import Image

    with Image.open(io.BytesIO(image)) as opened:
        opened.draft("RGB", (PICTURE_SAMPLE * 4, PICTURE_SAMPLE * 4))  # a JPEG decodes at a fraction of its size
        picture = opened.convert("RGB")
    width, height = picture.size
    left, top, box_width, box_height = box or (0.0, 0.0, *slide)
    scale_x, scale_y = width / max(slide[0], 1.0), height / max(slide[1], 1.0)
    area = (
        min(max(int(left * scale_x), 0), width - 1),
        min(max(int(top * scale_y), 0), height - 1),
        min(max(int((left + box_width) * scale_x + 0.999), 1), width),
        min(max(int((top + box_height) * scale_y + 0.999), 1), height),
    )
    under = picture.crop((area[0], area[1], max(area[2], area[0] + 1), max(area[3], area[1] + 1)))
    under.thumbnail((PICTURE_SAMPLE, PICTURE_SAMPLE))
    data = under.tobytes()  # RGB, three bytes a pixel
    pixels = sorted((f"#{data[start : start + 3].hex().upper()}" for start in range(0, len(data), 3)), key=relative_luminance)
    darkest, lightest = pixels[int(len(pixels) * PICTURE_SPARE)], pixels[int(len(pixels) * (1 - PICTURE_SPARE)) - 1]
    return tuple(dict.fromkeys((darkest, lightest)))


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
    backgrounds: Mapping[str, Ground],
    schemes: Mapping[str, dict[str, str]] | None = None,
) -> TemplateColors:
    """The colours our text and cards take, and the contrast warnings, for ``texts`` (role -> title, text -> colour) on ``backgrounds``.

    ``backgrounds`` maps each deck role to what its text stands on; text must read on each of
    its colours. Text we draw takes the text colour of the title-only layout it is drawn on;
    titles of designs and links the first scheme colour that reads on every background;
    cards a fill their text reads on. ``schemes`` gives each role's scheme under its layout's colour map
    (a scheme colour we write means what that map says on the role's slides); the template's first scheme by default.
    """
    found: dict[tuple[str, str, str, str, float], list[str]] = {}
    for role, ground in backgrounds.items():
        for kind, ink in texts.get(role, {}).items():
            poorest = min(ground.colors.get(kind, ()), key=lambda background: contrast_ratio(ink, background), default=None)
            if poorest is not None and contrast_ratio(ink, poorest) < TEXT_MINIMUM:
                at = f" where it is {poorest}" if ground.fill else ""
                found.setdefault((kind, ink, ground.described(kind), at, contrast_ratio(ink, poorest)), []).append(
                    f"{ground.where} ({role} slides)"
                )
    warnings = [
        f"the template's {kind} colour {color} on the {background} of {', '.join(wheres)} has contrast "
        f"{ratio:.1f}:1{at}, below the {TEXT_MINIMUM:g}:1 that WCAG AA asks for text"
        for (kind, color, background, at, ratio), wheres in found.items()
    ]
    linked = [(role, background) for role, ground in backgrounds.items() if role in LINKED_ROLES for background in ground.colors["text"]]

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
