"""A story of flowables -> PDF bytes: page size, running header and footer, metadata.

"Page X of Y" needs the page count before it is known; each footer therefore shows a
form XObject that is filled in once the last page is done, so the document is laid out once.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate

from guide.labels import Labels
from guide.render.common import Metadata
from guide.render.pdf.styles import Styles
from guide.theme import Theme

PAGE_SIZES = {"a4": A4, "letter": LETTER}
FURNITURE_SIZE_PT = 8.0
HEADER_DEPTH_MM = 7.5
"""From the top margin to the first line of text on pages with a running header."""
FOOTER_DEPTH_MM = 6.5
"""From the bottom margin to the last line of text: the footer sits in between."""


@dataclass(frozen=True)
class Furniture:
    """What the running header and footer say; ``header_right`` may mark a teacher's copy."""

    header_left: str
    header_right: str
    footer_left: str


class _PageCountCanvas(Canvas):
    """A canvas that fills in each page's "Page X of Y" once the number of pages is known."""

    def __init__(self, *args: Any, labels: Labels, font: str, right_x: float, baseline_y: float, color: Color, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._labels = labels
        self._furniture_font = font
        self._right_x = right_x
        self._baseline_y = baseline_y
        self._furniture_color = color

    def draw_page_number(self) -> None:
        self.doForm(f"page-number-{self.getPageNumber()}")

    def save(self) -> None:
        drawn_on = not self.pageHasData()  # despite its name, reportlab's pageHasData() is true while the page is empty
        pages = self.getPageNumber() if drawn_on else self.getPageNumber() - 1
        if drawn_on:
            self.showPage()
        for page in range(1, pages + 1):
            self.beginForm(f"page-number-{page}")
            self.setFont(self._furniture_font, FURNITURE_SIZE_PT)
            self.setFillColor(self._furniture_color)
            self.drawRightString(self._right_x, self._baseline_y, self._labels.page_of(page, pages))
            self.endForm()
        super().save()


def text_width(theme: Theme) -> float:
    """Width of the text column in points."""
    return PAGE_SIZES[theme.page_size][0] - 2 * theme.margin_mm * mm


def render_story(story: list[Flowable], theme: Theme, styles: Styles, labels: Labels, furniture: Furniture, metadata: Metadata) -> bytes:
    """Lay out ``story`` on the theme's pages and return the finished PDF."""
    page_width, page_height = PAGE_SIZES[theme.page_size]
    margin = theme.margin_mm * mm
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=(page_width, page_height),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin + HEADER_DEPTH_MM * mm,
        bottomMargin=margin + FOOTER_DEPTH_MM * mm,
        title=metadata.title,
        author=metadata.author,
        subject=metadata.subject,
        keywords=list(metadata.keywords),
        creator="make_materials",
        lang=metadata.language,
        initialFontName=styles.body_fonts.regular,
        invariant=1,
    )
    unpadded = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
    later = Frame(document.leftMargin, document.bottomMargin, document.width, document.height, id="later", **unpadded)
    first = Frame(
        document.leftMargin, document.bottomMargin, document.width, page_height - margin - document.bottomMargin, id="first", **unpadded
    )
    draw = partial(_draw_furniture, styles=styles, furniture=furniture, margin=margin)
    document.addPageTemplates(
        [
            PageTemplate("first", [first], onPage=partial(draw, first=True)),
            PageTemplate("later", [later], onPage=partial(draw, first=False)),
        ]
    )
    story = [NextPageTemplate("later"), *story]
    canvas_maker = partial(
        _PageCountCanvas,
        labels=labels,
        font=styles.heading_fonts.regular,
        right_x=page_width - margin,
        baseline_y=margin,
        color=styles.palette.muted,
    )
    document.build(story, canvasmaker=canvas_maker)
    return buffer.getvalue()


def _draw_furniture(
    canvas: _PageCountCanvas, document: BaseDocTemplate, *, styles: Styles, furniture: Furniture, margin: float, first: bool
) -> None:
    page_width, page_height = document.pagesize
    left, right = margin, page_width - margin
    canvas.saveState()
    canvas.setFont(styles.heading_fonts.regular, FURNITURE_SIZE_PT)
    canvas.setFillColor(styles.palette.muted)
    canvas.setStrokeColor(styles.palette.rule)
    canvas.setLineWidth(0.5)
    if not first:
        header_y = page_height - margin - 2.5 * mm
        canvas.drawString(left, header_y, _fit(furniture.header_left, right - left - 150, styles))
        canvas.setFillColor(styles.palette.accent)
        canvas.setFont(styles.heading_fonts.bold, FURNITURE_SIZE_PT)
        canvas.drawRightString(right, header_y, furniture.header_right)
        canvas.line(left, header_y - 2.2 * mm, right, header_y - 2.2 * mm)
    footer_y = margin
    canvas.line(left, footer_y + 4 * mm, right, footer_y + 4 * mm)
    canvas.setFont(styles.heading_fonts.regular, FURNITURE_SIZE_PT)
    canvas.setFillColor(styles.palette.muted)
    canvas.drawString(left, footer_y, _fit(furniture.footer_left, right - left - 90, styles))
    canvas.draw_page_number()
    canvas.restoreState()


def _fit(text: str, width: float, styles: Styles) -> str:
    """Shorten a running header line with an ellipsis so it never runs into its neighbour."""
    font = styles.heading_fonts.regular
    if stringWidth(text, font, FURNITURE_SIZE_PT) <= width:
        return text
    while text and stringWidth(text + "…", font, FURNITURE_SIZE_PT) > width:
        text = text[:-1]
    return text.rstrip() + "…"
