"""Files a theme names (fonts, logo, template): found relative to the theme and checked.

A missing or unusable file is an error at the line that names it, never a silent fallback
to some other font or to no logo.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from guide.cmap import mapped_characters
from guide.errors import Location
from guide.fonts import BUNDLED_FAMILIES, FontFamily, family_named
from guide.image_check import image_problem
from guide.load.files import resolve_inside
from guide.load.theme_schema import FontSpec

TEMPLATE_SUFFIXES = (".pptx", ".potx")


@dataclass(frozen=True)
class Asset:
    """A checked value, the files it was made from, and (location, message) for each refusal."""

    value: Any
    files: tuple[Path, ...] = ()
    refusals: tuple[tuple[Location, str], ...] = field(default_factory=tuple)


def checked_asset(named: str, naming_file: Path, kind: str) -> Asset:
    """A logo (PNG or JPEG) or a template (.pptx or .potx) named by a theme."""
    path = resolve_inside(named, naming_file)
    if isinstance(path, str):
        return Asset(None, (), (((), path),))
    refusal = None
    if kind == "logo":
        refusal = image_problem(path)
    elif path.suffix.lower() not in TEMPLATE_SUFFIXES:
        refusal = f"'{named}' is not a PowerPoint template (.pptx or .potx)"
    return Asset(path, (path,), (((), refusal),) if refusal else ())


def font_family(spec: FontSpec, naming_file: Path) -> Asset:
    """A bundled family by name (or by the Office name it stands in for), or one made of the TTF files given."""
    faces = {face: getattr(spec, face) for face in ("regular", "bold", "italic", "bold_italic")}
    if not any(faces.values()):
        family = family_named(spec.family)
        if family is not None:
            return Asset(family)
        bundled = ", ".join(BUNDLED_FAMILIES)
        message = f"font family '{spec.family}' is not bundled ({bundled}); give its TrueType files as regular: and bold:"
        return Asset(None, (), (((), message),))
    refusals: list[tuple[Location, str]] = []
    for face in ("regular", "bold"):
        if not faces[face]:
            refusals.append(((), f"the {face} face is missing: a family given by files needs regular: and bold:"))
    paths: dict[str, Path] = {}
    for face, named in faces.items():
        if not named:
            continue
        path = resolve_inside(named, naming_file)
        refusal = path if isinstance(path, str) else _font_problem(path)
        if refusal is not None:
            refusals.append(((face,), refusal))
        elif not isinstance(path, str):
            paths[face] = path
    if refusals:
        return Asset(None, tuple(paths.values()), tuple(refusals))
    family = FontFamily(
        spec.family,
        spec.family,
        paths["regular"],
        paths["bold"],
        paths.get("italic", paths["regular"]),
        paths.get("bold_italic", paths["bold"]),
    )
    return Asset(family, tuple(paths.values()))


def _font_problem(path: Path) -> str | None:
    """Why ``path`` is not a TrueType font the PDF can embed, or None."""
    from reportlab.pdfbase.ttfonts import TTFontFile  # only themes with their own fonts pay for it

    try:
        mapped_characters(path)  # first: it bounds the file and the map that the full parse below walks
        TTFontFile(str(path))
    except Exception as error:  # a damaged font fails in many ways inside the parser; all mean the same to the user
        reason = str(error).replace(f'"{path}"', "").replace(str(path), "").strip()
        return f"'{path.name}' is not a TrueType font that can be embedded ({reason})"
    return None
