"""A story of flowables -> PDF bytes: page size, running header and footer, metadata.

"Page X of Y" needs the page count before it is known; each footer therefore shows a
form XObject that is filled in once the last page is done, so the document is laid out once.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import partial
from typing import Any, cast

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import ActionFlowable, BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate, Paragraph

from guide.labels import Labels
from guide.render.common import Metadata
from guide.render.pdf.band import draw_ribbon
from guide.render.pdf.columns import Columns
from guide.render.pdf.inline import literal
from guide.render.pdf.internals import build_unwritten, new_document
from guide.render.pdf.styles import Styles
from guide.render.pdf.tagged_canvas import TaggingCanvas
from guide.theme import Theme

PAGE_SIZES = {"a4": A4, "letter": LETTER}
FURNITURE_SIZE_PT = 8.0
HEADER_DEPTH_MM = 6.0
"""From the top margin to the first line of text on pages with a running header."""
FOOTER_DEPTH_MM = 5.0
"""From the bottom margin to the last line of text: the footer sits in between."""
FOOTER_SHARE = 0.62
"""Of the text width: the footer line is no wider than the main column, so it never reads as a line of text."""
RIBBON_RAISE_PT = 8.0
"""From the top margin up to a teacher's ribbon, which sits in the margin above the header."""
RIBBON_HEIGHT_PT = 13.0


@dataclass(frozen=True)
class Furniture:
    """What the running header and footer say; ``header_right`` may mark a teacher's copy."""

    header_left: str
    header_right: str
    footer_left: str
    ribbon: str | None = None
    """Words on a striped ribbon across the top of every page: a teacher's copy."""
    header_on_first: bool = False
    """The first page has the running header too (a handout; a sheet's first page has its title band instead)."""


@dataclass(frozen=True)
class Rendered:
    """A laid-out PDF and how full each of its pages is (the share of the text area's height in use).

    The PDF is written only when asked for (``pdf``): choosing between layouts needs their
    fills alone, and writing one (its structure tree, its fonts' subsets, every page
    compressed) is about a third of its time.
    """

    fills: tuple[float, ...]
    canvas: _PageCountCanvas
    buffer: io.BytesIO

    def pdf(self) -> bytes:
        """The PDF's bytes, written on the first call."""
        if not self.canvas.written:
            self.canvas.save()
        return self.buffer.getvalue()


class _FillMark(Flowable):
    """An invisible mark after each part of a story: notes how far down its page the part ended.

    Pages where no part ends were filled by a part that went on to the next page: they count as full.
    The sheet's columns put one between the parts of a split too.
    """

    _ZEROSIZE = True
    """reportlab's flag for what takes no room: it then fits even after a part that filled its page to the last point."""

    def __init__(self, reached: dict[int, float], first_top: float, later_top: float, bottom: float) -> None:
        super().__init__()
        self.reached = reached
        self.tops = (first_top, later_top)
        self.bottom = bottom

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        page = self.canv.getPageNumber()
        top = self.tops[0] if page == 1 else self.tops[1]
        _, y = self.canv.absolutePosition(0, 0)
        self.reached[page] = max(self.reached.get(page, 0.0), (top - y) / (top - self.bottom))


class _PageCountCanvas(TaggingCanvas):
    """A canvas that fills in each page's "Page X of Y" once the number of pages is known."""

    def __init__(self, *args: Any, labels: Labels, font: str, right_x: float, baseline_y: float, color: Color, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._labels = labels
        self._furniture_font = font
        self._right_x = right_x
        self._baseline_y = baseline_y
        self._furniture_color = color
        self.written = False

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
        self.written = True


def text_area(theme: Theme) -> tuple[float, float]:
    """Width and height in points of the text area of a page after the first."""
    page_width, page_height = PAGE_SIZES[theme.page_size]
    margin = theme.margin_mm * mm
    return page_width - 2 * margin, page_height - 2 * margin - (HEADER_DEPTH_MM + FOOTER_DEPTH_MM) * mm


def first_page_room(theme: Theme, furniture: Furniture) -> float:
    """The height in points of the first page's frame, where a story begins (see ``render_story``)."""
    _, page_height = PAGE_SIZES[theme.page_size]
    margin = theme.margin_mm * mm
    top = page_height - margin - (HEADER_DEPTH_MM * mm if furniture.header_on_first else 0.0)
    return top - (margin + FOOTER_DEPTH_MM * mm)


def render_story(
    story: list[Flowable], theme: Theme, styles: Styles, labels: Labels, furniture: Furniture, metadata: Metadata, reserve_pt: float = 0.0
) -> Rendered:
    """Lay out ``story`` on the theme's pages: the PDF, written when asked for, with its pages' fill.

    ``reserve_pt`` is kept empty at the foot of every page, to send content on to a last page that would be nearly empty.
    """
    buffer = io.BytesIO()
    pages = _Pages(
        theme,
        furniture,
        reserve_pt,
        new_document(
            buffer,
            **_margins(theme),
            title=metadata.title,
            author=metadata.author,
            subject=metadata.subject,
            keywords=list(metadata.keywords),
            creator="make_materials",
            lang=metadata.language,
            initialFontName=styles.body_fonts.regular,
            invariant=1,
        ),
    )
    document, margin = pages.document, theme.margin_mm * mm
    draw = partial(_draw_furniture, styles=styles, furniture=furniture, margin=margin)
    document.addPageTemplates(
        [
            PageTemplate("first", [pages.first], onPage=partial(draw, first=True)),
            PageTemplate("later", [pages.later], onPage=partial(draw, first=False)),
        ]
    )
    reached: dict[int, float] = {}
    mark = partial(_FillMark, reached, pages.first_top, document.bottomMargin + document.height, document.bottomMargin)
    for flowable in story:
        if isinstance(flowable, Columns):
            flowable.marker = mark
    story = [NextPageTemplate("later"), *(part for flowable in story for part in (flowable, mark()))]
    canvas_maker = partial(
        _PageCountCanvas,
        labels=labels,
        font=styles.heading_fonts.regular,
        right_x=document.pagesize[0] - margin,
        baseline_y=margin,
        color=styles.palette.muted,
        metadata=metadata,
    )
    build_unwritten(document, story, canvas_maker)
    fills = tuple(round(reached.get(page, 1.0), 3) for page in range(1, document.page + 1))
    return Rendered(fills, cast(_PageCountCanvas, document.canv), buffer)  # made by canvas_maker


def one_page_fill(story: list[Flowable], theme: Theme, furniture: Furniture) -> float | None:
    """The fill of the one page ``render_story`` lays ``story`` out on, measured without drawing it; None if it needs more.

    Each part is placed by reportlab's own frame, as ``render_story`` places it, so the fill is
    the very number that layout reports. None too for a story with parts that ask the layout
    for more than a place down the frame (to keep with the next, to break before, to act on
    the document): it is then to be laid out in full.
    """
    if any(not _placed_plainly(flowable) for flowable in story):
        return None
    pages = _Pages(theme, furniture, 0.0, new_document(io.BytesIO(), **_margins(theme)))
    feet: list[float] = []
    for flowable in story:
        for part in (_Placed(flowable, feet), _Placed(_Mark(), feet)):
            if not pages.first.add(part, None, trySplit=1):  # type: ignore[arg-type]  # nothing is drawn: no canvas
                return None
    document = pages.document
    return round((pages.first_top - feet[-1]) / (pages.first_top - document.bottomMargin), 3)  # as _FillMark measures


def fits_one_page(story: list[Flowable], theme: Theme, styles: Styles, labels: Labels, furniture: Furniture, metadata: Metadata) -> bool:
    """Whether ``render_story`` lays ``story`` out on one page: measured (see ``one_page_fill``), drawn only where the
    measure cannot tell, so a choice made by it is the same whether the measure or the drawing answers."""
    if one_page_fill(story, theme, furniture) is not None:
        return True
    if all(_placed_plainly(flowable) for flowable in story):
        return False
    return len(render_story(story, theme, styles, labels, furniture, metadata).fills) == 1


def _placed_plainly(flowable: Flowable) -> bool:
    """Whether a document places ``flowable`` in its frame and does nothing else with it (see ``BaseDocTemplate.handle_flowable``)."""
    style = getattr(flowable, "style", None)
    asks = ("frameAction", "pageBreakBefore", "frameBreakBefore")
    return not (
        flowable.getKeepWithNext()
        or any(getattr(flowable, name, None) for name in asks)
        or any(getattr(style, name, None) for name in ("pageBreakBefore", "frameBreakBefore"))
        or isinstance(flowable, ActionFlowable)
    )


class _Mark(Flowable):
    """What ``render_story`` puts after each part, as a frame sees it: no room, no space (see ``_FillMark``)."""

    _ZEROSIZE = True

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0


class _Placed(Flowable):
    """A part of a story as a frame places it, drawn nowhere: where each part's foot lands is noted in ``feet``."""

    def __init__(self, flowable: Flowable, feet: list[float]) -> None:
        super().__init__()
        self.flowable = flowable
        self.feet = feet
        self._ZEROSIZE = getattr(flowable, "_ZEROSIZE", False)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.flowable.wrap(available_width, available_height)

    def getSpaceBefore(self) -> float:  # noqa: N802 - reportlab calls it so
        return float(self.flowable.getSpaceBefore())

    def getSpaceAfter(self) -> float:  # noqa: N802 - reportlab calls it so
        return float(self.flowable.getSpaceAfter())

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803 - reportlab calls it so
        self.feet.append(y)


def _margins(theme: Theme) -> dict[str, Any]:
    """A document's page size and margins: room for the running header above the text and the footer below."""
    margin = theme.margin_mm * mm
    return {
        "pagesize": PAGE_SIZES[theme.page_size],
        "leftMargin": margin,
        "rightMargin": margin,
        "topMargin": margin + HEADER_DEPTH_MM * mm,
        "bottomMargin": margin + FOOTER_DEPTH_MM * mm,
    }


class _Pages:
    """The frames of a document's pages: the first (from the top margin, unless it has the running header) and the later ones."""

    def __init__(self, theme: Theme, furniture: Furniture, reserve_pt: float, document: BaseDocTemplate) -> None:
        self.document = document
        page_height, margin = document.pagesize[1], theme.margin_mm * mm
        unpadded = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        bottom = document.bottomMargin + reserve_pt
        self.later = Frame(document.leftMargin, bottom, document.width, document.height - reserve_pt, id="later", **unpadded)
        self.first_top = document.bottomMargin + document.height if furniture.header_on_first else page_height - margin
        self.first = Frame(document.leftMargin, bottom, document.width, self.first_top - bottom, id="first", **unpadded)


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
    if not first or furniture.header_on_first:
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
    canvas.drawString(left, footer_y, _fit(furniture.footer_left, FOOTER_SHARE * (right - left), styles))
    canvas.draw_page_number()
    if furniture.ribbon:
        label = Paragraph(literal(furniture.ribbon), styles.ribbon)
        draw_ribbon(
            canvas,
            left,
            page_height - margin + RIBBON_RAISE_PT,
            right - left,
            RIBBON_HEIGHT_PT,
            styles.palette.accent,
            styles.palette.background,
            label,
        )
    canvas.restoreState()


def _fit(text: str, width: float, styles: Styles) -> str:
    """Shorten a running header line with an ellipsis so it never runs into its neighbour."""
    font = styles.heading_fonts.regular
    if stringWidth(text, font, FURNITURE_SIZE_PT) <= width:
        return text
    while text and stringWidth(text + "…", font, FURNITURE_SIZE_PT) > width:
        text = text[:-1]
    return text.rstrip() + "…"
