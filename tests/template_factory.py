"""Templates as institutions really make them: one per quirk found in the wild, built from python-pptx's blank deck.

Each builder edits the blank deck's masters and layouts (python-pptx for what it can do, the
XML for the rest) into the structure a real template had: a Google Slides export's tiny
bodies, a customised vertical-text layout, a LibreOffice template's placeholders without
``idx``, a second slide master, branding that lives only on sample slides, and so on.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject
from pptx.slide import SlideLayout
from pptx.util import Pt

EMU_PER_PT = 12_700
BLANK_LAYOUTS = (
    "Title Slide",
    "Title and Content",
    "Section Header",
    "Two Content",
    "Comparison",
    "Title Only",
    "Blank",
    "Content with Caption",
    "Picture with Caption",
    "Title and Vertical Text",
    "Vertical Title and Text",
)
"""python-pptx's blank deck's layouts, in order (720 x 540 pt, one master)."""
LOGO_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a73000000164944415478"
    "9c63f88fa1e13f03c3ff0c0cff19181800420606fe4e1a1b3b0000000049454e44ae426082"
)
"""A 2 x 2 pixel PNG: the logo a template's sample slides carry."""


def _layout(deck: PresentationObject, name: str) -> SlideLayout:
    return next(layout for layout in deck.slide_layouts if layout.name == name)


def _placeholders(layout: SlideLayout, kind: str) -> list[etree._Element]:
    """The layout's placeholder shapes whose ``p:ph`` type is ``kind`` ("obj" also matches a ``p:ph`` without type)."""
    found = []
    for shape in layout._element.iter(qn("p:sp")):
        reference = shape.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        if reference is not None and reference.get("type", "obj") == kind:
            found.append(shape)
    return found


def _set_box(shape: etree._Element, box: tuple[float, float, float, float]) -> None:
    """Give a placeholder shape its own position and size, in points."""
    properties = shape.find(qn("p:spPr"))
    for old in properties.findall(qn("a:xfrm")):
        properties.remove(old)
    transform = etree.SubElement(properties, qn("a:xfrm"))
    properties.insert(0, transform)
    left, top, width, height = (round(value * EMU_PER_PT) for value in box)
    etree.SubElement(transform, qn("a:off"), x=str(left), y=str(top))
    etree.SubElement(transform, qn("a:ext"), cx=str(width), cy=str(height))


def _add_body(layout: SlideLayout, idx: int, box: tuple[float, float, float, float], name: str, kind: str = "body") -> None:
    """A body placeholder added to a layout, with its own box."""
    tree = layout._element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    ids = [int(node.get("id")) for node in tree.iter(qn("p:cNvPr"))]
    shape = etree.SubElement(tree, qn("p:sp"))
    non_visual = etree.SubElement(shape, qn("p:nvSpPr"))
    etree.SubElement(non_visual, qn("p:cNvPr"), id=str(max(ids) + 1), name=name)
    etree.SubElement(etree.SubElement(non_visual, qn("p:cNvSpPr")), qn("a:spLocks"), noGrp="1")
    etree.SubElement(etree.SubElement(non_visual, qn("p:nvPr")), qn("p:ph"), type=kind, sz="quarter", idx=str(idx))
    etree.SubElement(shape, qn("p:spPr"))
    _set_box(shape, box)
    body = etree.SubElement(shape, qn("p:txBody"))
    etree.SubElement(body, qn("a:bodyPr"))
    etree.SubElement(body, qn("a:lstStyle"))
    etree.SubElement(body, qn("a:p"))


def _remove_layouts(deck: PresentationObject, keep: Callable[[SlideLayout], bool]) -> None:
    for layout in list(deck.slide_layouts):
        if not keep(layout):
            deck.slide_layouts.remove(layout)


def _master_style(deck: PresentationObject, style: str, **attributes: str) -> etree._Element:
    """The first level of the master's ``style`` (titleStyle, bodyStyle) text properties, with ``attributes`` set."""
    level = deck.slide_masters[0]._element.find(f"{qn('p:txStyles')}/{qn(f'p:{style}')}/{qn('a:lvl1pPr')}")
    for key, value in attributes.items():
        level.set(key, value)
    return level


def vertical_text(deck: PresentationObject) -> None:
    """The vertical-text layouts have the largest bodies; one customised copy keeps only ``orient``/``vert`` to say so."""
    for name in ("Title and Vertical Text", "Vertical Title and Text"):
        for shape in _placeholders(_layout(deck, name), "body"):
            _set_box(shape, (30, 100, 670, 420))
    custom = _layout(deck, "Title and Vertical Text")._element
    custom.set("type", "cust")
    custom.find(qn("p:cSld")).set("name", "Custom Layout 3")
    body = _placeholders(_layout(deck, "Custom Layout 3"), "body")[0]
    body.find(qn("p:txBody")).find(qn("a:bodyPr")).set("vert", "eaVert")


def google_tiny_bodies(deck: PresentationObject) -> None:
    """A Google Slides export: 720 x 405 pt, layouts named in capitals, every body 21.8 pt tall (one line of its text)."""
    names = {
        "Title Slide": "TITLE",
        "Title and Content": "TITLE_AND_BODY",
        "Section Header": "SECTION_HEADER",
        "Title Only": "TITLE_ONLY",
        "Blank": "BLANK",
        "Two Content": "TITLE_AND_TWO_COLUMNS",
    }
    _remove_layouts(deck, lambda layout: layout.name in names)
    _scaled(deck, 720, 405)
    for layout in deck.slide_layouts:
        for kind in ("body", "obj"):
            for shape in _placeholders(layout, kind):
                _set_box(shape, (36, 90, 648, 21.8))
        layout._element.find(qn("p:cSld")).set("name", names[layout.name])


def title_with_extra_bodies(deck: PresentationObject) -> None:
    """The title layout holds a subtitle and two more bodies (a date line, a speaker); the section header's second line is a body."""
    title = _layout(deck, "Title Slide")
    _add_body(title, 13, (54, 420, 300, 30), "Speaker")
    _add_body(title, 14, (380, 420, 300, 30), "Event")
    _remove_layouts(deck, lambda layout: layout.name not in ("Section Header",))


def title_layout_body_line(deck: PresentationObject) -> None:
    """The title layout's second line is a body placeholder, not a subtitle."""
    title = _layout(deck, "Title Slide")
    for shape in _placeholders(title, "subTitle"):
        shape.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}").set("type", "body")


def cover_without_subtitle(deck: PresentationObject) -> None:
    """The title layout holds its title alone, high on the slide: no place for a subtitle or a date line."""
    title = _layout(deck, "Title Slide")
    for shape in _placeholders(title, "subTitle"):
        shape.getparent().remove(shape)
    _set_box(_placeholders(title, "ctrTitle")[0], (54, 60, 612, 110))


def content_with_strip(deck: PresentationObject) -> None:
    """The content layouts carry a second, thin body strip (a source line) under the main body."""
    for name in ("Title and Content",):
        layout = _layout(deck, name)
        body = _placeholders(layout, "obj")[0]
        _set_box(body, (36, 126, 648, 330))
        _add_body(layout, 15, (36, 470, 648, 24), "Source line")
    _remove_layouts(deck, lambda layout: layout.name not in ("Content with Caption", "Comparison", "Two Content"))


def no_idx(deck: PresentationObject) -> None:
    """As LibreOffice writes templates: no placeholder says its ``idx``; bodies are typed ``body``."""
    for layout in deck.slide_layouts:
        for reference in layout._element.iter(qn("p:ph")):
            reference.attrib.pop("idx", None)
            if reference.get("type") is None:
                reference.set("type", "body")


def fonts_in_master_styles(deck: PresentationObject) -> None:
    """The theme says Calibri; the master's title and body styles name a corporate font we do not bundle."""
    for style, typeface in (("titleStyle", "Montserrat"), ("bodyStyle", "Roboto")):
        properties = _master_style(deck, style).find(qn("a:defRPr"))
        for old in properties.findall(qn("a:latin")):
            properties.remove(old)
        latin = etree.Element(qn("a:latin"), typeface=typeface)
        fill = properties.find(qn("a:solidFill"))
        (fill.addnext(latin) if fill is not None else properties.insert(0, latin))


def centred_light_titles(deck: PresentationObject) -> None:
    """Titles centred, not bold and 34 pt, as the master's title style says."""
    level = _master_style(deck, "titleStyle", algn="ctr")
    level.find(qn("a:defRPr")).set("b", "0")
    level.find(qn("a:defRPr")).set("sz", "3400")


def no_footer_placeholders(deck: PresentationObject) -> None:
    """The layouts lack date, footer and slide-number placeholders; only the master has them."""
    for layout in deck.slide_layouts:
        for kind in ("dt", "ftr", "sldNum"):
            for shape in _placeholders(layout, kind):
                shape.getparent().remove(shape)


def large_slide(deck: PresentationObject) -> None:
    """A 1440 x 810 pt slide (20 x 11.25 in): everything of the 720 x 540 master scaled to it."""
    _scaled(deck, 1440, 810)


def _scaled(deck: PresentationObject, width: float, height: float) -> None:
    """The slide made ``width`` x ``height`` pt, every position and size of the masters and layouts scaled with it."""
    scale_x, scale_y = Pt(width) / deck.slide_width, Pt(height) / deck.slide_height
    deck.slide_width, deck.slide_height = Pt(width), Pt(height)
    for element in [deck.slide_masters[0]._element, *(layout._element for layout in deck.slide_layouts)]:
        for transform in element.iter(qn("a:xfrm")):
            for part, keys in ((transform.find(qn("a:off")), ("x", "y")), (transform.find(qn("a:ext")), ("cx", "cy"))):
                if part is not None:
                    part.set(keys[0], str(round(int(part.get(keys[0])) * scale_x)))
                    part.set(keys[1], str(round(int(part.get(keys[1])) * scale_y)))


def unbundled_theme_font(deck: PresentationObject) -> None:
    """Placeholder only: the theme's fonts are rewritten to Verdana in the package (see :func:`make`)."""


def branded_samples(deck: PresentationObject, white_cover_title: bool = True) -> None:
    """Branding on the sample slides only: a logo and a coloured square beside every title, the title slide dark.

    The sample title slide's title is white (as its designer set it by hand), or left in the layout's dark colour.
    """
    for index, layout in enumerate((_layout(deck, "Title Slide"), _layout(deck, "Title and Content"), _layout(deck, "Title Only"))):
        slide = deck.slides.add_slide(layout)
        slide.shapes.title.text = f"Sample {index + 1}"
        if index == 0 and white_cover_title:
            run = slide.shapes.title.text_frame.paragraphs[0].runs[0]
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        slide.shapes.add_picture(io.BytesIO(LOGO_PNG), Pt(620), Pt(470), Pt(60), Pt(40)).name = "University logo"
        square = slide.shapes.add_shape(1, Pt(14), Pt(40), Pt(18), Pt(18))
        square.name = "Title marker"
        square.fill.solid()
        square.fill.fore_color.rgb = RGBColor(0xC8, 0x10, 0x2E)
        if index == 0:
            slide.background.fill.solid()
            slide.background.fill.fore_color.rgb = RGBColor(0x1F, 0x2A, 0x44)


NAVY = "1F2A44"


def _navy(slide: etree._Element) -> None:
    """A master's or layout's background made solid navy."""
    common = slide.find(qn("p:cSld"))
    for old in common.findall(qn("p:bg")):
        common.remove(old)
    background = etree.Element(qn("p:bg"))
    properties = etree.SubElement(background, qn("p:bgPr"))
    etree.SubElement(etree.SubElement(properties, qn("a:solidFill")), qn("a:srgbClr"), val=NAVY)
    etree.SubElement(properties, qn("a:effectLst"))
    common.insert(0, background)


def navy_background(deck: PresentationObject, text: str | None = "FFFFFF") -> None:
    """A navy master background; the master's title and body text white (``text``), or left as the theme's dark text."""
    _navy(deck.slide_masters[0]._element)
    if text is None:
        return
    for layout in deck.slide_layouts:  # the layouts' own text colours (a grey subtitle) give way to the master's
        for run in layout._element.iter(qn("a:defRPr")):
            for old in run.findall(qn("a:solidFill")):
                run.remove(old)
    for style in ("titleStyle", "bodyStyle"):
        run = _master_style(deck, style).find(qn("a:defRPr"))
        for old in run.findall(qn("a:solidFill")):
            run.remove(old)
        fill = etree.Element(qn("a:solidFill"))
        etree.SubElement(fill, qn("a:srgbClr"), val=text)
        run.insert(0, fill)


def dark_cover_layout(deck: PresentationObject) -> None:
    """The title layout alone is navy, its title and subtitle placeholders set in white by their own list styles."""
    _navy(_layout(deck, "Title Slide")._element)
    for kind in ("ctrTitle", "subTitle"):
        (shape,) = _placeholders(_layout(deck, "Title Slide"), kind)
        run = _first_level_run(shape)
        for old in run.findall(qn("a:solidFill")):
            run.remove(old)
        fill = etree.Element(qn("a:solidFill"))
        etree.SubElement(fill, qn("a:schemeClr"), val="bg1")
        run.insert(0, fill)


def cover_display_font(deck: PresentationObject) -> None:
    """The title layout's title placeholder sets a display face of its own (Montserrat); the rest is Calibri."""
    (shape,) = _placeholders(_layout(deck, "Title Slide"), "ctrTitle")
    etree.SubElement(_first_level_run(shape), qn("a:latin"), typeface="Montserrat")


def _first_level_run(shape: etree._Element) -> etree._Element:
    """A placeholder's own first-level run properties (``a:lstStyle/a:lvl1pPr/a:defRPr``), made if missing."""
    styles = shape.find(qn("p:txBody")).find(qn("a:lstStyle"))
    level = styles.find(qn("a:lvl1pPr"))
    if level is None:
        level = etree.SubElement(styles, qn("a:lvl1pPr"))
    run = level.find(qn("a:defRPr"))
    return run if run is not None else etree.SubElement(level, qn("a:defRPr"))


def dark_colour_map(deck: PresentationObject) -> None:
    """A dark master as Office's dark themes make one: its colour map swaps light and dark, so text (tx1) is light."""
    mapping = deck.slide_masters[0]._element.find(qn("p:clrMap"))
    mapping.attrib.update({"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"})


def layout_colour_map(deck: PresentationObject, mapping: dict[str, str] | None = None) -> None:
    """The content and title-only layouts are dark through colour maps of their own (``p:clrMapOvr``), on a light master.

    Their background is the scheme's bg1, which their map makes dark; by default text (tx1) is
    light too, so all reads; ``mapping`` gives another map (a dark background under dark text).
    """
    swapped = mapping or {"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"}
    for name in ("Title and Content", "Title Only"):
        layout = _layout(deck, name)._element
        common = layout.find(qn("p:cSld"))
        background = etree.Element(qn("p:bg"))
        etree.SubElement(etree.SubElement(background, qn("p:bgRef"), idx="1001"), qn("a:schemeClr"), val="bg1")
        common.insert(0, background)
        override = layout.find(qn("p:clrMapOvr"))
        override.clear()
        standard = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
        accents = {f"accent{number}": f"accent{number}" for number in range(1, 7)}
        etree.SubElement(override, qn("a:overrideClrMapping"), {**standard, **accents, "hlink": "hlink", "folHlink": "folHlink", **swapped})


def sample_text_colours(deck: PresentationObject) -> None:
    """A navy content layout whose title and body say white only on their sample text (a run, a paragraph), not in list styles."""
    layout = _layout(deck, "Title and Content")
    _navy(layout._element)
    for kind, path in (("title", f"{qn('a:p')}/{qn('a:r')}/{qn('a:rPr')}"), ("obj", f"{qn('a:p')}/{qn('a:pPr')}")):
        (shape,) = _placeholders(layout, kind)
        properties = shape.find(qn("p:txBody")).find(path)
        if kind == "obj":
            properties = etree.SubElement(properties, qn("a:defRPr"))
        etree.SubElement(etree.SubElement(properties, qn("a:solidFill")), qn("a:srgbClr"), val="FFFFFF")


def _background(layout: etree._Element, fill: etree._Element) -> None:
    """A layout's background made ``fill`` (``a:gradFill``, ``a:blipFill``)."""
    common = layout.find(qn("p:cSld"))
    for old in common.findall(qn("p:bg")):
        common.remove(old)
    background = etree.Element(qn("p:bg"))
    properties = etree.SubElement(background, qn("p:bgPr"))
    properties.append(fill)
    etree.SubElement(properties, qn("a:effectLst"))
    common.insert(0, background)


def gradient_background(deck: PresentationObject) -> None:
    """The content layout's background a gradient from navy to white: its dark text reads on the white end only."""
    fill = etree.Element(qn("a:gradFill"))
    stops = etree.SubElement(fill, qn("a:gsLst"))
    for position, color in (("0", NAVY), ("100000", "FFFFFF")):
        etree.SubElement(etree.SubElement(stops, qn("a:gs"), pos=position), qn("a:srgbClr"), val=color)
    etree.SubElement(fill, qn("a:lin"), ang="5400000", scaled="0")
    _background(_layout(deck, "Title and Content")._element, fill)


BANNER_PNG_SIZE = (160, 90)


def banner_png() -> bytes:
    """A picture navy in its top 2/9 (behind a title) and white below (behind a list)."""
    picture = Image.new("RGB", BANNER_PNG_SIZE, "#FFFFFF")
    picture.paste((0x1F, 0x2A, 0x44), (0, 0, BANNER_PNG_SIZE[0], BANNER_PNG_SIZE[1] * 2 // 9))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def picture_background(deck: PresentationObject) -> None:
    """The content layout's background a picture, navy behind the title, white behind the list: dark titles do not read."""
    layout = _layout(deck, "Title and Content")
    _, relationship = layout.part.get_or_add_image_part(io.BytesIO(banner_png()))
    fill = etree.Element(qn("a:blipFill"))
    etree.SubElement(fill, qn("a:blip"), {qn("r:embed"): relationship})
    etree.SubElement(etree.SubElement(fill, qn("a:stretch")), qn("a:fillRect"))
    _background(layout._element, fill)


def second_master(deck: PresentationObject) -> None:
    """Placeholder only: the package gets a second master holding the content layouts (see :func:`make`)."""


QUIRKS: dict[str, Callable[[PresentationObject], None]] = {
    "vertical": vertical_text,
    "google": google_tiny_bodies,
    "title-extra-bodies": title_with_extra_bodies,
    "title-body-line": title_layout_body_line,
    "cover-title-alone": cover_without_subtitle,
    "content-strip": content_with_strip,
    "two-masters": second_master,
    "master-fonts": fonts_in_master_styles,
    "no-idx": no_idx,
    "branding": branded_samples,
    "branding-dark-cover": lambda deck: branded_samples(deck, white_cover_title=False),
    "centred-titles": centred_light_titles,
    "no-footers": no_footer_placeholders,
    "large": large_slide,
    "verdana": unbundled_theme_font,
    "navy": navy_background,
    "navy-dark-text": lambda deck: navy_background(deck, None),
    "dark-cover-layout": dark_cover_layout,
    "cover-font": cover_display_font,
    "dark-colour-map": dark_colour_map,
    "layout-colour-map": layout_colour_map,
    "layout-colour-map-dark-text": lambda deck: layout_colour_map(deck, {"bg1": "dk2"}),
    "sample-text-colours": sample_text_colours,
    "gradient-background": gradient_background,
    "picture-background": picture_background,
}
"""Each quirk by name: what it does to the blank deck."""


COMBINABLE = (
    "no-footers",
    "master-fonts",
    "centred-titles",
    "navy",
    "vertical",
    "branding",
    "content-strip",
    "title-extra-bodies",
    "cover-title-alone",
    "no-idx",
    "large",
    "google",
)
"""Quirks that edit the deck alone and can be applied one after another, in this order (renaming and scaling last)."""


def make_combined(path: Path, quirks: set[str]) -> Path:
    """A template with several quirks at once, applied in :data:`COMBINABLE` order."""
    deck = Presentation()
    for quirk in COMBINABLE:
        if quirk in quirks:
            QUIRKS[quirk](deck)
    deck.save(str(path))
    return path


def make(path: Path, quirk: str) -> Path:
    """The template with ``quirk`` at ``path`` (.pptx)."""
    deck = Presentation()
    QUIRKS[quirk](deck)
    buffer = io.BytesIO()
    deck.save(buffer)
    data = buffer.getvalue()
    if quirk == "verdana":
        data = _edited(data, {"ppt/theme/theme1.xml": lambda xml: xml.replace(b'typeface="Calibri"', b'typeface="Verdana"')})
    if quirk == "two-masters":
        data = _with_second_master(data)
    path.write_bytes(data)
    return path


def _edited(data: bytes, edits: dict[str, Callable[[bytes], bytes]], added: dict[str, bytes] | None = None) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            target.writestr(info, edits.get(info.filename, lambda same: same)(content))
        for name, content in (added or {}).items():
            target.writestr(name, content)
    return output.getvalue()


def _with_second_master(data: bytes) -> bytes:
    """The package with a copy of its master (and its theme and layouts) as a second master.

    The first master then keeps only its title, section and blank layouts, so content and
    title-only slides can be drawn only on the second master's layouts, which are renamed
    ("Inhalt", "Nur Titel") so a test can tell where a slide came from.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        files = {name: source.read(name) for name in source.namelist()}
    first_kept = {1, 3, 7}  # slideLayout1 (title), 3 (section header), 7 (blank)
    second = {2: "Inhalt", 6: "Nur Titel"}
    added: dict[str, bytes] = {}
    layout_rels = []
    for number, name in second.items():
        new = 100 + number
        xml = files[f"ppt/slideLayouts/slideLayout{number}.xml"]
        added[f"ppt/slideLayouts/slideLayout{new}.xml"] = re.sub(rb'<p:cSld name="[^"]*"', f'<p:cSld name="{name}"'.encode(), xml)
        rels = files[f"ppt/slideLayouts/_rels/slideLayout{number}.xml.rels"].replace(b"slideMaster1.xml", b"slideMaster2.xml")
        added[f"ppt/slideLayouts/_rels/slideLayout{new}.xml.rels"] = rels
        layout_rels.append((new, f"rId{new}"))
    master = files["ppt/slideMasters/slideMaster1.xml"]
    ids = "".join(f'<p:sldLayoutId id="{2147483800 + new}" r:id="{rid}"/>' for new, rid in layout_rels)
    id_list = f"<p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst>".encode()
    master2 = re.sub(rb"<p:sldLayoutIdLst>.*</p:sldLayoutIdLst>", id_list, master, flags=re.S)
    added["ppt/slideMasters/slideMaster2.xml"] = master2
    relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rels = "".join(
        f'<Relationship Id="{rid}" Type="{relationship}/slideLayout" Target="../slideLayouts/slideLayout{new}.xml"/>'
        for new, rid in layout_rels
    )
    rels += f'<Relationship Id="rIdTheme" Type="{relationship}/theme" Target="../theme/theme2.xml"/>'
    added["ppt/slideMasters/_rels/slideMaster2.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'
    ).encode()
    added["ppt/theme/theme2.xml"] = files["ppt/theme/theme1.xml"]

    def first_master(xml: bytes) -> bytes:
        kept = re.findall(rb"<p:sldLayoutId [^>]*/>", xml)
        rel_ids = _layout_relationship_ids(files["ppt/slideMasters/_rels/slideMaster1.xml.rels"], first_kept)
        keep = b"".join(entry for entry in kept if re.search(rb'r:id="([^"]*)"', entry).group(1) in rel_ids)
        return re.sub(rb"<p:sldLayoutIdLst>.*</p:sldLayoutIdLst>", b"<p:sldLayoutIdLst>" + keep + b"</p:sldLayoutIdLst>", xml, flags=re.S)

    def first_master_rels(xml: bytes) -> bytes:
        def kept(match: re.Match[bytes]) -> bytes:
            number = re.search(rb"slideLayout(\d+)\.xml", match.group(0))
            return match.group(0) if number is None or int(number.group(1)) in first_kept else b""

        return re.sub(rb"<Relationship [^>]*/>", kept, xml)

    def presentation(xml: bytes) -> bytes:
        return xml.replace(b"</p:sldMasterIdLst>", b'<p:sldMasterId id="2147483900" r:id="rIdMaster2"/></p:sldMasterIdLst>')

    def presentation_rels(xml: bytes) -> bytes:
        entry = f'<Relationship Id="rIdMaster2" Type="{relationship}/slideMaster" Target="slideMasters/slideMaster2.xml"/>'
        return xml.replace(b"</Relationships>", entry.encode() + b"</Relationships>")

    def content_types(xml: bytes) -> bytes:
        main = "application/vnd.openxmlformats-officedocument.presentationml"
        overrides = f'<Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="{main}.slideMaster+xml"/>'
        overrides += '<Override PartName="/ppt/theme/theme2.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
        overrides += "".join(
            f'<Override PartName="/ppt/slideLayouts/slideLayout{new}.xml" ContentType="{main}.slideLayout+xml"/>' for new, _ in layout_rels
        )
        return xml.replace(b"</Types>", overrides.encode() + b"</Types>")

    edits = {
        "ppt/slideMasters/slideMaster1.xml": first_master,
        "ppt/slideMasters/_rels/slideMaster1.xml.rels": first_master_rels,
        "ppt/presentation.xml": presentation,
        "ppt/_rels/presentation.xml.rels": presentation_rels,
        "[Content_Types].xml": content_types,
    }
    return _edited(data, edits, added)


def _layout_relationship_ids(rels: bytes, numbers: set[int]) -> set[bytes]:
    """The relationship ids by which a master refers to the layouts numbered ``numbers``."""
    found = set()
    for entry in re.findall(rb"<Relationship [^>]*/>", rels):
        number = re.search(rb"slideLayout(\d+)\.xml", entry)
        if number and int(number.group(1)) in numbers:
            found.add(re.search(rb'Id="([^"]*)"', entry).group(1))
    return found
