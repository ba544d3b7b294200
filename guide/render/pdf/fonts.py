"""Font families registered with reportlab, once per process, under stable names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from guide.fonts import FontFamily


@dataclass(frozen=True)
class RegisteredFamily:
    """The reportlab font names of a family's faces; ``family`` is the name ``<b>``/``<i>`` map within."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str


@cache
def register(family: FontFamily) -> RegisteredFamily:
    """Register the four faces of ``family``; names depend only on the family name, so PDFs are reproducible."""
    stem = family.name.replace(" ", "")
    names = RegisteredFamily(stem, f"{stem}-Regular", f"{stem}-Bold", f"{stem}-Italic", f"{stem}-BoldItalic")
    faces = zip((names.regular, names.bold, names.italic, names.bold_italic), family.faces, strict=True)
    for name, path in faces:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    for bold, italic, name in ((0, 0, names.regular), (1, 0, names.bold), (0, 1, names.italic), (1, 1, names.bold_italic)):
        addMapping(names.family, bold, italic, name)
    # Paragraph markup looks fonts up by the face name too (e.g. <b> inside a bold style).
    for name in (names.regular, names.bold, names.italic, names.bold_italic):
        addMapping(name, 0, 0, names.regular)
        addMapping(name, 1, 0, names.bold)
        addMapping(name, 0, 1, names.italic)
        addMapping(name, 1, 1, names.bold_italic)
    return names
