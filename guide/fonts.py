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

    @property
    def faces(self) -> tuple[Path, Path, Path, Path]:
        return (self.regular, self.bold, self.italic, self.bold_italic)


def _bundled(name: str, office_name: str, folder: str, stem: str, italic: str = "Italic") -> FontFamily:
    base = FONT_FOLDER / folder
    return FontFamily(
        name,
        office_name,
        base / f"{stem}-Regular.ttf",
        base / f"{stem}-Bold.ttf",
        base / f"{stem}-{italic}.ttf",
        base / f"{stem}-Bold{italic}.ttf",
    )


BUNDLED_FAMILIES: dict[str, FontFamily] = {
    family.name: family
    for family in (
        _bundled("Liberation Serif", "Times New Roman", "liberation", "LiberationSerif"),
        _bundled("Liberation Sans", "Arial", "liberation", "LiberationSans"),
        _bundled("Carlito", "Calibri", "carlito", "Carlito"),
    )
}


def family_named(name: str, among: tuple[FontFamily, ...] = ()) -> FontFamily | None:
    """The family a font name in a document stands for: one of ``among``, else a bundled one.

    A family matches by its own name or by the Office name it is metric-compatible with; a
    Light weight counts as its family (Calibri Light as Calibri), whose regular face is at
    least as wide, so text measured with it errs on the safe side.
    """
    wanted = name.casefold().removesuffix(" light")
    for family in (*among, *BUNDLED_FAMILIES.values()):
        if wanted in (family.name.casefold(), family.office_name.casefold()):
            return family
    return None
