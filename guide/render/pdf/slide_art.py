"""One planned slide drawn on a reportlab canvas: the deck's slide, drawn rather than converted.

Everything comes from the slide plan: boxes, sizes, colours by role and the lines the plan
broke each text into, so a drawn slide shows the same text in the same places as the deck.
Each kind of element has a function of its own, so that a tagging layer can wrap each one.
The canvas is expected in slide coordinates: one unit a point of the slide, the origin at the
slide's bottom left corner (see :func:`slide_space`); the plan measures from the top left.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from guide.markup import Span
from guide.render.pdf.fonts import RegisteredFamily
from guide.render.pdf.structure import Element
from guide.render.pdf.tagged import linked, marked, spoken_in
from guide.render.pictures import greyed
from guide.render.slides.fitting import BULLET_INDENT_PT, INSET_X_PT, INSET_Y_PT, PARAGRAPH_GAP, Item, bold_line
from guide.render.slides.geometry import FOOTER_SIZE_PT, LOGO_CARD_PAD_PT, Box, footer_boxes
from guide.render.slides.measure import LINE_SPACING
from guide.render.slides.plan import DeckPlan, SlidePlan
from guide.render.slides.shapes import Line, Picture, Shape, TextBlock
from guide.render.slides.typeset import TITLE_ROLES

ROUNDED_SHARE = 1 / 6
"""A rounded rectangle's corner radius as a share of its shorter side, as PowerPoint draws ``roundRect``."""
UNDERLINE_DROP = 0.12
UNDERLINE_WEIGHT = 0.06
"""A link's underline: how far below the baseline and how thick, as shares of the size."""


@dataclass(frozen=True)
class Backdrop:
    """What a template shows under a slide's own content: a background colour, then pictures and shapes."""

    color: str
    """``#RRGGBB``."""
    pictures: tuple[tuple[ImageReader, Box], ...] = ()
    shapes: tuple[Shape | Line, ...] = ()
    """Shapes whose colours are ``#RRGGBB`` rather than roles."""


@dataclass(frozen=True)
class SlideLook:
    """How a deck's slides are drawn: colours by role, the registered families, and what our design adds.

    ``designed`` is our own design (a footer line, a logo on the title slide); on a template,
    ``backdrops`` gives each slide role what its layout and master show, and ``footers`` the
    boxes of the layout's footer and slide number, if it has them.
    """

    inks: Mapping[str, str]
    title_fonts: RegisteredFamily
    body_fonts: RegisteredFamily
    designed: bool
    logo: tuple[Path, Box] | None = None
    footer_pt: float | None = FOOTER_SIZE_PT
    """The size of the footer line and slide number on the slide (larger on paper, where the slide is shrunk); None leaves them off."""
    backdrops: Mapping[str, Backdrop] | None = None
    footers: Mapping[str, tuple[Box | None, Box | None]] | None = None
    anchors: Mapping[str, Mapping[str, str]] | None = None
    """Slide role -> placeholder kind (title, subtitle, body) -> where a template's layout sets its lines."""
    role_inks: Mapping[str, Mapping[str, str]] | None = None
    """Slide role -> its own inks: a template layout's scheme colours in its colour map, its title and text colours."""
    titles: Mapping[str, tuple[str, bool]] | None = None
    """Slide role -> how a template's layout sets its title: alignment (l, ctr or r) and whether bold. Ours are bold, at the left."""
    aligns: Mapping[str, Mapping[str, str]] | None = None
    """Slide role -> placeholder kind (subtitle, body) -> how a template's layout aligns its lines (l, ctr or r)."""

    def align(self, role: str, kind: str, ours: str) -> str:
        """How a placeholder's lines are aligned: ``ours`` in our design, the template layout's on a template."""
        return self.aligns.get(role, {}).get(kind, ours) if self.aligns else ours

    def for_slide(self, role: str) -> SlideLook:
        """The look of a slide of ``role``: its layout's own inks over the deck's."""
        own = self.role_inks.get(role) if self.role_inks else None
        return replace(self, inks={**self.inks, **own}) if own else self

    def anchor(self, role: str, kind: str, ours: str) -> str:
        """Where a placeholder's lines sit: ``ours`` in our design, the template layout's on a template."""
        return self.anchors.get(role, {}).get(kind, ours) if self.anchors else ours

    def color(self, role: str) -> Color:
        """The colour of a role of the plan, or a colour given as ``#RRGGBB`` (a template's own)."""
        return HexColor(role if role.startswith("#") else self.inks[role])


@contextmanager
def slide_space(canvas: Canvas, left: float, bottom: float, scale: float, plan: DeckPlan) -> Iterator[None]:
    """Draw a slide with its bottom left corner at (``left``, ``bottom``), ``scale`` times its size, clipped to its frame."""
    canvas.saveState()
    canvas.translate(left, bottom)
    canvas.scale(scale, scale)
    frame = canvas.beginPath()
    frame.rect(0, 0, plan.width_pt, plan.height_pt)
    canvas.clipPath(frame, stroke=0, fill=0)
    try:
        yield
    finally:
        canvas.restoreState()


def draw_slide(canvas: Canvas, plan: DeckPlan, slide: SlidePlan, number: int, look: SlideLook, section: Element | None = None) -> None:
    """The whole slide in slide space: backdrop, its drawing in order, title, subtitle, body, then footer or logo.

    On a template, placeholders' text is in the scheme's text colour, as the deck leaves it to the layout.
    The slide is a section of the tagged PDF (``section``, to add to after it, or a new one), read
    title first, then subtitle, body and its text and pictures in the plan's order; backgrounds,
    shapes, lines, the footer and the logo are artifacts.
    """
    section = Element("Sect") if section is None else section
    look = look.for_slide(slide.role)
    title = section.child("H1" if slide.role == "title" else "H2")
    blocks = {id(block): section.child("Div") for block in (slide.subtitle, slide.body) if block is not None}
    parts = {
        id(drawing): section.child("Figure", alt=drawing.alt) if isinstance(drawing, Picture) else section.child("Div")
        for drawing in slide.drawing
        if isinstance(drawing, (Picture, TextBlock))
    }
    height = plan.height_pt
    backdrop = look.backdrops.get(slide.role) if look.backdrops else None
    draw_background(canvas, plan, look.color(slide.background or (backdrop.color if backdrop else "background")))
    if backdrop and not slide.background:
        draw_backdrop(canvas, height, backdrop, look)
    for drawing in slide.drawing:
        if isinstance(drawing, TextBlock):
            draw_text_block(canvas, height, drawing, look, parts[id(drawing)])
        elif isinstance(drawing, Shape):
            draw_shape(canvas, height, drawing, look)
        elif isinstance(drawing, Line):
            draw_line(canvas, height, drawing, look)
        else:
            with marked(canvas, parts[id(drawing)]):
                draw_picture(canvas, height, drawing, look)
    with marked(canvas, title):
        draw_title(canvas, height, slide, look)
    for kind, block in (("subtitle", slide.subtitle), ("body", slide.body)):
        if block is not None:
            anchor, align = look.anchor(slide.role, kind, block.anchor), look.align(slide.role, kind, block.align)
            placed = block if look.designed else replace(block, ink="text", anchor=anchor, align=align)
            draw_text_block(canvas, height, placed, look, blocks[id(block)])
    if slide.role == "title":
        if look.logo and look.designed:
            draw_logo(canvas, height, look.logo, look, filled=slide.background is not None)
    else:
        draw_footer(canvas, plan, slide.role, number, look, filled=slide.background is not None)


def draw_background(canvas: Canvas, plan: DeckPlan, color: Color) -> None:
    canvas.setFillColor(color)
    canvas.rect(0, 0, plan.width_pt, plan.height_pt, stroke=0, fill=1)


def draw_backdrop(canvas: Canvas, height: float, backdrop: Backdrop, look: SlideLook) -> None:
    """A template's pictures and shapes behind the slide's content, in the order its master and layout hold them."""
    for image, box in backdrop.pictures:
        canvas.drawImage(image, box.left, height - box.bottom, box.width, box.height, mask="auto")
    for shape in backdrop.shapes:
        if isinstance(shape, Shape):
            draw_shape(canvas, height, shape, look)
        else:
            draw_line(canvas, height, shape, look)


def draw_shape(canvas: Canvas, height: float, shape: Shape, look: SlideLook) -> None:
    """A rectangle, rounded rectangle or ellipse, filled and outlined as the plan says."""
    box = shape.box
    fill = shape.fill is not None
    stroke = shape.outline is not None and shape.outline_pt > 0
    if not (fill or stroke):
        return
    canvas.saveState()
    if shape.fill is not None:
        canvas.setFillColor(look.color(shape.fill))
    if shape.outline is not None:
        canvas.setStrokeColor(look.color(shape.outline))
        canvas.setLineWidth(shape.outline_pt)
    bottom = height - box.bottom
    if shape.kind == "ellipse":
        canvas.ellipse(box.left, bottom, box.right, bottom + box.height, stroke=int(stroke), fill=int(fill))
    elif shape.kind == "roundRect":
        radius = min(box.width, box.height) * ROUNDED_SHARE
        canvas.roundRect(box.left, bottom, box.width, box.height, radius, stroke=int(stroke), fill=int(fill))
    else:
        canvas.rect(box.left, bottom, box.width, box.height, stroke=int(stroke), fill=int(fill))
    canvas.restoreState()


def draw_line(canvas: Canvas, height: float, line: Line, look: SlideLook) -> None:
    box = line.box
    canvas.saveState()
    canvas.setStrokeColor(look.color(line.ink))
    canvas.setLineWidth(line.width_pt)
    top, bottom = (box.bottom, box.top) if line.rising else (box.top, box.bottom)
    canvas.line(box.left, height - top, box.right, height - bottom)
    canvas.restoreState()


def draw_picture(canvas: Canvas, height: float, picture: Picture, look: SlideLook) -> None:
    """The picture stretched to its box (the plan keeps its proportions), with its frame if it has one.

    reportlab names a picture given by its path after the path, so the PDF would change with the
    folder the topic is built in; given by its bytes, it is named after its pixels.
    """
    box = picture.box
    source = ImageReader(greyed(Path(picture.file)) if picture.grey else io.BytesIO(Path(picture.file).read_bytes()))
    canvas.drawImage(source, box.left, height - box.bottom, box.width, box.height, mask="auto")
    if picture.frame:
        canvas.saveState()
        canvas.setStrokeColor(look.color(picture.frame))
        canvas.setLineWidth(1.0)
        canvas.rect(box.left, height - box.bottom, box.width, box.height, stroke=1, fill=0)
        canvas.restoreState()


def draw_logo(canvas: Canvas, height: float, logo: tuple[Path, Box], look: SlideLook, filled: bool) -> None:
    """The theme's logo at the title slide's bottom right, on a card of the background colour over a fill."""
    path, box = logo
    if filled:
        pad = LOGO_CARD_PAD_PT
        card = Box(box.left - pad, box.top - pad, box.width + 2 * pad, box.height + 2 * pad)
        draw_shape(canvas, height, Shape("rect", card, "background"), look)
    draw_picture(canvas, height, Picture(str(path), "Logo", box), look)


def draw_title(canvas: Canvas, height: float, slide: SlidePlan, look: SlideLook) -> None:
    """The slide's title in its box, at the bottom of the box as our design anchors it (a template's layout says)."""
    role = "cover_title" if slide.role == "title" else "title"
    ink = slide.title_ink if look.designed else "title" if "title" in look.inks else "text"
    anchor = look.anchor(slide.role, "title", "b")
    align, bold = look.titles.get(slide.role, ("l", True)) if look.titles else ("l", True)
    lines = tuple(tuple(replace(span, bold=bold) for span in line) for line in slide.title_lines)
    item = Item(tuple(replace(span, bold=bold) for span in bold_line(slide.title).spans), bullet=False)
    title = TextBlock(slide.title_box, (item,), slide.title_size_pt, role, ink, align, anchor, lines=(lines,))
    draw_text_block(canvas, height, title, look)


def draw_footer(canvas: Canvas, plan: DeckPlan, role: str, number: int, look: SlideLook, filled: bool = False) -> None:
    """The deck's footer line and the slide's number: our design's (pale on a slide filled with colour, as the
    deck sets them), or in the boxes of the template's layout."""
    text_box: Box | None
    number_box: Box | None
    if look.footer_pt is None:
        return
    if look.designed:
        text_box, number_box = footer_boxes(plan.width_pt, plan.height_pt)
    else:
        text_box, number_box = look.footers.get(role, (None, None)) if look.footers else (None, None)
    for box, text, align in ((text_box, plan.footer, "l"), (number_box, str(number), "r")):
        if box is not None:
            line = (Span(text),)
            ink = "on_fill_muted" if filled and look.designed else "muted"
            block = TextBlock(box, (Item(line, bullet=False),), look.footer_pt, "footer", ink, align, lines=((line,),))
            draw_text_block(canvas, plan.height_pt, block, look)


def draw_text_block(canvas: Canvas, height: float, block: TextBlock, look: SlideLook, holder: Element | None = None) -> None:
    """The block's items, line by line as the plan broke them, anchored in the box as the deck anchors them.

    Under ``holder``, bulleted and numbered items are a list, each marker the label of its item,
    and other items paragraphs; without one, the block is part of what is being marked around it, or an artifact.
    """
    size = block.size_pt
    pitch = size * LINE_SPACING
    gap = size * PARAGRAPH_GAP
    fonts = look.title_fonts if block.role in TITLE_ROLES else look.body_fonts
    lines_of = block.lines or tuple((item.spans,) for item in block.items)
    # A line's baseline sits one size below its top, the rest of its pitch under it, as LibreOffice sets exact spacing.
    used = sum(len(lines) * pitch for lines in lines_of) + gap * (len(lines_of) - 1)
    inner = block.box.height - 2 * INSET_Y_PT
    top = block.box.top + INSET_Y_PT + {"t": 0.0, "ctr": (inner - used) / 2, "b": inner - used}[block.anchor]
    listed = holder.child("L") if holder is not None and any(item.hangs for item in block.items) else None
    for item, lines in zip(block.items, lines_of, strict=True):
        label, text = _elements_of(item, holder, listed)
        for index, line in enumerate(lines):
            baseline = height - (top + size)
            left = block.box.left + INSET_X_PT + (BULLET_INDENT_PT if item.indented else 0.0)
            if index == 0 and item.hangs:
                with _marked_if(canvas, label):
                    draw_marker(canvas, block.box.left + INSET_X_PT, baseline, item, size, fonts, look)
            with _marked_if(canvas, text):
                draw_line_of_text(canvas, left, block.box.right - INSET_X_PT, baseline, line, block, fonts, look)
                if index < len(lines) - 1 and _ends_a_word(line):  # a space, read between this line's last word and the next's first
                    with spoken_in(canvas, line[-1].lang):  # a passage going on over the line end stays one
                        canvas.drawString(block.box.right - INSET_X_PT, baseline, " ")
            top += pitch
        top += gap


def _ends_a_word(line: Sequence[Span]) -> bool:
    """Whether a line broken here ends between words: not after a space or a hyphen."""
    text = "".join(span.text for span in line)
    return bool(text) and not text[-1].isspace() and text[-1] not in "-\u00ad"


def _elements_of(item: Item, holder: Element | None, listed: Element | None) -> tuple[Element | None, Element | None]:
    """(the element of an item's marker, of its text): a list item's label and body, or a paragraph; none without a holder."""
    if holder is None:
        return None, None
    if listed is None:
        return None, holder.child("P")
    entry = listed.child("LI")
    return (entry.child("Lbl") if item.hangs else None), entry.child("LBody")


@contextmanager
def _marked_if(canvas: Canvas, element: Element | None) -> Iterator[None]:
    """What is drawn inside as ``element``'s content, or as an artifact where there is none."""
    if element is None:
        yield
        return
    with marked(canvas, element):
        yield


def draw_marker(canvas: Canvas, left: float, baseline: float, item: Item, size: float, fonts: RegisteredFamily, look: SlideLook) -> None:
    """A bullet or an item's number, in the accent colour, hanging in the indent."""
    canvas.setFillColor(look.color("accent"))
    canvas.setFont(fonts.regular, size)
    canvas.drawString(left, baseline, f"{item.number}." if item.number else "•")


def draw_line_of_text(
    canvas: Canvas,
    left: float,
    right: float,
    baseline: float,
    line: Sequence[Span],
    block: TextBlock,
    fonts: RegisteredFamily,
    look: SlideLook,
) -> None:
    """One line's runs in their faces; links in the link colour, underlined and clickable."""
    size = block.size_pt
    faces = [face_of(fonts, span) for span in line]
    widths = [stringWidth(span.text, face, size) for span, face in zip(line, faces, strict=True)]
    width = sum(widths)
    x = {"l": left, "ctr": (left + right - width) / 2, "r": right - width}[block.align]
    for span, face, run_width in zip(line, faces, widths, strict=True):
        canvas.setFont(face, size)
        canvas.setFillColor(look.color("primary" if span.href else block.ink))
        if span.href:
            with linked(canvas, span.href):
                canvas.drawString(x, baseline, span.text)
                draw_link(canvas, x, baseline, run_width, size, span.href, look)
        else:
            with spoken_in(canvas, span.lang):
                canvas.drawString(x, baseline, span.text)
        x += run_width


def draw_link(canvas: Canvas, left: float, baseline: float, width: float, size: float, href: str, look: SlideLook) -> None:
    """A link run's underline and its clickable area."""
    canvas.saveState()
    canvas.setStrokeColor(look.color("primary"))
    canvas.setLineWidth(size * UNDERLINE_WEIGHT)
    canvas.line(left, baseline - size * UNDERLINE_DROP, left + width, baseline - size * UNDERLINE_DROP)
    canvas.restoreState()
    canvas.linkURL(href, (left, baseline - size * 0.25, left + width, baseline + size * 0.8), relative=1, thickness=0)


def face_of(fonts: RegisteredFamily, span: Span) -> str:
    """The registered face a span is drawn in."""
    return {(False, False): fonts.regular, (True, False): fonts.bold, (False, True): fonts.italic}.get(
        (span.bold, span.italic), fonts.bold_italic
    )
