"""Institution templates made on the fly from python-pptx's blank deck, as tests need them."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

GERMAN_LAYOUTS = {
    0: "Titelfolie",
    1: "Titel und Inhalt",
    2: "Abschnittsüberschrift",
    3: "Zwei Inhalte",
    4: "Vergleich",
    5: "Nur Titel",
    6: "Leer",
    7: "Inhalt mit Überschrift",
    8: "Bild mit Überschrift",
    9: "Titel und vertikaler Text",
    10: "Vertikaler Titel und Text",
}
TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
PRESENTATION_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def make_template(
    path: Path,
    names: dict[int, str] = GERMAN_LAYOUTS,
    *,
    potx: bool = False,
    without_body: bool = False,
    notes_without_body: bool = False,
    fonts: tuple[str, str] | None = None,
    colors: dict[str, str] | None = None,
) -> Path:
    """A 4:3 template with renamed layouts and one sample slide ("Beispielfolie").

    ``without_body`` strips every body placeholder from every layout, ``notes_without_body``
    the notes placeholder from the notes master; ``fonts`` sets the theme's (heading, body)
    fonts; ``colors`` sets colours of the theme's scheme by name (``{"dk2": "C0C0C0"}``); ``potx`` saves it as a PowerPoint template.
    """
    deck = Presentation()
    for index, layout in enumerate(deck.slide_layouts):
        layout._element.cSld.set("name", names.get(index, layout.name))
        if without_body:
            for placeholder in list(layout.placeholders):
                if placeholder.placeholder_format.type in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT):
                    placeholder._element.getparent().remove(placeholder._element)
    if notes_without_body:
        for placeholder in list(deck.notes_master.placeholders):
            if placeholder.placeholder_format.type == PP_PLACEHOLDER.BODY:
                placeholder._element.getparent().remove(placeholder._element)
    sample = deck.slides.add_slide(deck.slide_layouts[0])
    sample.shapes.title.text = "Beispielfolie"
    buffer = io.BytesIO()
    deck.save(buffer)
    data = buffer.getvalue()
    if potx or fonts or colors:
        data = _rewritten(data, potx, fonts, colors or {})
    path.write_bytes(data)
    return path


def _rewritten(data: bytes, potx: bool, fonts: tuple[str, str] | None, colors: dict[str, str]) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if potx and info.filename == "[Content_Types].xml":
                content = content.replace(PRESENTATION_TYPE, TEMPLATE_TYPE)
            if info.filename.startswith("ppt/theme/theme"):
                for name, value in colors.items():
                    content = re.sub(rf"<a:{name}><a:\w+Clr [^/]*/>".encode(), f'<a:{name}><a:srgbClr val="{value}"/>'.encode(), content)
            if fonts and info.filename.startswith("ppt/theme/theme"):
                content = content.replace(
                    b'<a:majorFont><a:latin typeface="Calibri"', f'<a:majorFont><a:latin typeface="{fonts[0]}"'.encode()
                )
                content = content.replace(
                    b'<a:minorFont><a:latin typeface="Calibri"', f'<a:minorFont><a:latin typeface="{fonts[1]}"'.encode()
                )
            target.writestr(info, content)
    return output.getvalue()


def make_decorated_template(path: Path, picture: Path) -> Path:
    """A 4:3 template whose master has a coloured background, a band, a picture and a group (which a drawn slide leaves out)."""
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT
    from pptx.util import Pt

    deck = Presentation()
    master = deck.slide_masters[0]
    master.background.fill.solid()
    master.background.fill.fore_color.rgb = RGBColor(0xFF, 0xF4, 0xE0)
    scratch = deck.slides.add_slide(deck.slide_layouts[6])
    band = scratch.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, deck.slide_height - Pt(20), deck.slide_width, Pt(20))
    band.fill.solid()
    band.fill.fore_color.rgb = RGBColor(0x00, 0x66, 0x33)
    band.line.fill.background()
    image = scratch.shapes.add_picture(str(picture), Pt(650), Pt(10), Pt(40), Pt(40))
    image_part = scratch.part.related_part(image._element.blipFill.blip.rEmbed)
    group = scratch.shapes.add_group_shape()
    group.shapes.add_shape(MSO_SHAPE.OVAL, Pt(10), Pt(10), Pt(20), Pt(20))
    tree = master.shapes._spTree
    for shape in (band, image, group):
        tree.append(shape._element)
    image._element.blipFill.blip.rEmbed = master.part.relate_to(image_part, RT.IMAGE)
    deck.save(str(path))
    return path
