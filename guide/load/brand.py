"""A Quarto/Posit ``_brand.yml`` read as a theme, so a department reuses the brand it has.

The brand's palette and semantic colours, base and heading typography and logo are mapped
onto our theme keys; everything else in it (links, monospace, defaults for other tools) is
left alone. Each mapped value keeps the line and the key name it has in the brand file, so
a problem with it is reported there (``color.primary``, not ``colors.primary``).
"""

from __future__ import annotations

from typing import Any

from guide.errors import Location, Origin, Problem, field_path
from guide.fonts import BUNDLED_FAMILIES

BRAND_KEYS = frozenset({"meta", "logo", "color", "typography", "defaults"})

COLOR_ROLES = {"primary": "primary", "foreground": "text", "background": "background", "secondary": "muted"}
"""brand.yml semantic colour -> our colour role (secondary is brand.yml's 'lighter text')."""
ACCENT_SOURCES = (("color", "palette", "accent"), ("color", "warning"), ("color", "danger"))
"""Where the accent (bullets, markers) comes from, first found wins: brand.yml has no accent role."""
LOGO_SIZES = ("medium", "large", "small")
"""A handout and a title slide show a logo at about the medium size."""
FACES = {("normal", False): "regular", ("bold", False): "bold", ("normal", True): "italic", ("bold", True): "bold_italic"}


def is_brand(data: Any) -> bool:
    """Whether a mapping is a brand.yml (its keys are brand.yml's, and not only ``logo``)."""
    return isinstance(data, dict) and bool(data) and set(data) <= BRAND_KEYS and bool(set(data) - {"logo"})


class _Translation:
    def __init__(self, brand: dict[str, Any], origin: Origin) -> None:
        self.brand = brand
        self.origin = origin
        self.data: dict[str, Any] = {}
        self.positions: dict[Location, tuple[int, int]] = {(): (1, 1)}
        self.names: dict[Location, str] = {}
        self.problems: list[Problem] = []

    def get(self, location: Location) -> Any:
        value: Any = self.brand
        for part in location:
            if not isinstance(value, dict) or part not in value:
                return None
            value = value[part]
        return value

    def put(self, ours: tuple[str, ...], value: Any, theirs: Location) -> None:
        """Set our key ``ours`` (names of nested keys) to ``value``, remembering the brand key it came from."""
        target = self.data
        for depth, part in enumerate(ours[:-1], start=1):
            target = target.setdefault(part, {})
            self.positions.setdefault(ours[:depth], self.origin.locate(theirs))
        target[ours[-1]] = value
        self.positions[ours] = self.origin.locate(theirs)
        self.names[ours] = field_path(theirs)


def brand_as_theme(brand: dict[str, Any], origin: Origin) -> tuple[dict[str, Any], Origin, list[Problem]]:
    """Theme data made from a brand.yml, an origin that points into the brand file, and what cannot be used."""
    translation = _Translation(brand, origin)
    _meta(translation)
    _colors(translation)
    for role, key in (("body", "base"), ("heading", "headings")):
        _font(translation, role, key)
    _logo(translation)
    return translation.data, Origin(origin.path, translation.positions, names=translation.names), translation.problems


def _meta(translation: _Translation) -> None:
    name = translation.get(("meta", "name"))
    if isinstance(name, dict):
        name = name.get("full") or name.get("short")
    translation.put(("description",), f"brand.yml of {name}" if isinstance(name, str) else "brand.yml", ("meta",))


def _colors(translation: _Translation) -> None:
    palette = translation.get(("color", "palette"))
    if isinstance(palette, dict):
        for name, value in palette.items():
            translation.put(("palette", name), value, ("color", "palette", name))
    for theirs, ours in COLOR_ROLES.items():
        value = translation.get(("color", theirs))
        if value is not None:
            translation.put(("colors", ours), value, ("color", theirs))
    for source in ACCENT_SOURCES:
        value = translation.get(source)
        if value is not None:
            translation.put(("colors", "accent"), value, source)
            return


def _font(translation: _Translation, role: str, key: str) -> None:
    """``typography.base``/``headings`` -> our body/heading font, with files from ``typography.fonts``."""
    setting = translation.get(("typography", key))
    family_location: Location = ("typography", key) if isinstance(setting, str) else ("typography", key, "family")
    family = translation.get(family_location)
    if not isinstance(family, str):
        return
    for index, font in enumerate(translation.get(("typography", "fonts")) or []):
        if isinstance(font, dict) and font.get("family") == family:
            location: Location = ("typography", "fonts", index)
            if font.get("source", "file") != "file" and family not in BUNDLED_FAMILIES:
                message = f"fonts from '{font['source']}' need the network; download the TrueType files and list them with source: file"
                translation.problems.append(translation.origin.problem((*location, "source"), message))
                return
            _font_files(translation, role, font, location)
    translation.put(("fonts", role, "family"), family, family_location)
    translation.names[("fonts", role)] = field_path(("typography", key))


def _font_files(translation: _Translation, role: str, font: dict[str, Any], location: Location) -> None:
    if font.get("source", "file") != "file":
        return
    for index, file in enumerate(font.get("files") or []):
        entry = file if isinstance(file, dict) else {"path": file}
        weight = str(entry.get("weight", "normal"))
        bold = "bold" if weight in ("bold", "600", "700", "800", "900") else "normal"
        face = FACES[(bold, entry.get("style") == "italic")]
        translation.put(("fonts", role, face), entry.get("path"), (*location, "files", index))


def _logo(translation: _Translation) -> None:
    logo = translation.get(("logo",))
    if isinstance(logo, str):
        translation.put(("logo",), logo, ("logo",))
        return
    for size in LOGO_SIZES:
        value = translation.get(("logo", size))
        if value is None:
            continue
        location: Location = ("logo", size)
        if isinstance(value, dict):  # {light, dark} or {path, alt}: print on white, so the light version
            key = "path" if "path" in value else "light"
            value, location = value.get(key), (*location, key)
        images = translation.get(("logo", "images")) or {}
        if isinstance(value, str) and value in images:
            location = ("logo", "images", value)
            value = images[value]
            if isinstance(value, dict):
                value, location = value.get("path"), (*location, "path")
        translation.put(("logo",), value, location)
        return
