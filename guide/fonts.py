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
