"""The font families that ship inside the package, each with its four faces and licence."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FONT_FOLDER = Path(__file__).parent / "fonts"


@dataclass(frozen=True)
class FontFamily:
    """A family by name and the TrueType file of each face."""

    name: str
    office_name: str
    """The name Office files give the family: a metric-compatible face that clients have."""
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path
    aliases: tuple[str, ...] = ()
    """Other names of faces with the same widths (Helvetica for Liberation Sans)."""

    @property
    def faces(self) -> tuple[Path, Path, Path, Path]:
        return (self.regular, self.bold, self.italic, self.bold_italic)


def _bundled(
    name: str, office_name: str, folder: str, stem: str, italic: str = "-Italic", regular: str = "-Regular", aliases: tuple[str, ...] = ()
) -> FontFamily:
    base = FONT_FOLDER / folder
    bold_italic = "-Bold" + italic.removeprefix("-")
    return FontFamily(
        name,
        office_name,
        base / f"{stem}{regular}.ttf",
        base / f"{stem}-Bold.ttf",
        base / f"{stem}{italic}.ttf",
        base / f"{stem}{bold_italic}.ttf",
        aliases,
    )


BUNDLED_FAMILIES: dict[str, FontFamily] = {
    family.name: family
    for family in (
        _bundled("Liberation Serif", "Times New Roman", "liberation", "LiberationSerif", aliases=("Times", "Tinos")),
        _bundled("Liberation Sans", "Arial", "liberation", "LiberationSans", aliases=("Helvetica", "Arimo")),
        _bundled("Liberation Mono", "Courier New", "liberation", "LiberationMono", aliases=("Courier", "Cousine")),
        _bundled("Carlito", "Calibri", "carlito", "Carlito"),
        _bundled("DejaVu Sans", "DejaVu Sans", "dejavu", "DejaVuSans", italic="-Oblique", regular="", aliases=("Bitstream Vera Sans",)),
    )
}
WIDE_FAMILY = BUNDLED_FAMILIES["DejaVu Sans"]
"""A face as wide as Verdana, wider than most: text in a font we have no twin for is measured with it, so it fits whatever
the viewer draws it in (the font itself, or a narrower stand-in)."""


def family_named(name: str, among: tuple[FontFamily, ...] = ()) -> FontFamily | None:
    """The family a font name in a document stands for: one of ``among``, else a bundled one.

    A family matches by its own name or by the Office name it is metric-compatible with; a
    Light weight counts as its family (Calibri Light as Calibri), whose regular face is at
    least as wide, so text measured with it errs on the safe side.
    """
    wanted = name.casefold().removesuffix(" light")
    for family in (*among, *BUNDLED_FAMILIES.values()):
        if wanted in (family.name.casefold(), family.office_name.casefold(), *(alias.casefold() for alias in family.aliases)):
            return family
    return None


def measuring_family(name: str, among: tuple[FontFamily, ...] = ()) -> tuple[FontFamily, bool]:
    """(the family text set in ``name`` is measured with, whether its widths are the font's own).

    A font with no bundled twin (and none in ``among``) is measured with the wide family, so
    lines measured here are never shorter than the viewer's.
    """
    family = family_named(name, among)
    return (family, True) if family else (WIDE_FAMILY, False)


EVERYWHERE = ("arial", "helvetica", "times new roman", "times", "courier new", "courier")
"""Fonts every viewer has: Windows and macOS ship them, other systems their metric twins, which the bundled ones are."""


def on_every_computer(family: FontFamily) -> bool:
    """Whether every viewer sets text in ``family`` with its widths: it, or the Office font it stands for, is everywhere."""
    return family.office_name.casefold() in EVERYWHERE or family.name.casefold() in EVERYWHERE


@dataclass(frozen=True)
class FontUse:
    """A font a document names, the family its text is measured with, and what a viewer needs to see it as designed."""

    font: str
    family: FontFamily
    exact: bool
    """Whether the family's widths are the font's own (it, or its metric twin), not a wider stand-in's."""

    @property
    def everywhere(self) -> bool:
        return self.font.casefold() in EVERYWHERE

    @property
    def twin(self) -> bool:
        return self.exact and self.family.name.casefold() != self.font.casefold()

    @property
    def how(self) -> str:
        """How its text is measured, in words."""
        if self.twin:
            return f"measured with {self.family.name}, its metric twin"
        if self.exact:
            return "bundled" if self.family in BUNDLED_FAMILIES.values() else "measured with the theme's font files"
        return f"not bundled: measured with the wider {self.family.name}"

    @property
    def needed(self) -> str:
        """What a viewer must have installed: the font, or its twin."""
        return f"{self.font} (or {self.family.name})" if self.twin else self.font


def font_uses(fonts: tuple[str, ...], among: tuple[FontFamily, ...] = ()) -> tuple[FontUse, ...]:
    """Each of ``fonts`` once, with the family its text is measured with (one of ``among``, a bundled one, or the wide one)."""
    return tuple(FontUse(font, *measuring_family(font, among)) for font in dict.fromkeys(fonts) if font)
