"""The deck as PDF, drawn from the slide plan: a page per slide for projecting, and handouts on paper.

Neither needs PowerPoint nor LibreOffice: each slide is drawn from the plan the deck is
written from (see ``slide_art``). A handout sets the slides on the theme's paper in one of
the layouts of ``Theme.handout``: beside ruled lines for notes, three or two a page as the
slides need to be read (see ``ruled_pages``), one a page over its speaker notes (set as the
sheet sets prose), or two, four, six or nine a page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from guide.labels import Labels
from guide.model import Course, Topic
from guide.render.common import Metadata, metadata
from guide.render.pdf.document import render_story, text_area
from guide.render.pdf.fonts import register
from guide.render.pdf.inline import literal
from guide.render.pdf.ruled_pages import LABEL_ROOM_PT, ROW_GAP_PT, RULE_INSET_PT, WRITING_PT, RuledPage, ruled_pages, smallest_text_pt
from guide.render.pdf.run_on import RunOn
from guide.render.pdf.sheet import furniture
from guide.render.pdf.slide_art import SlideLook, draw_slide, slide_space
from guide.render.pdf.structure import Element
from guide.render.pdf.styles import Styles, build_styles
from guide.render.pdf.tagged import tag
from guide.render.pdf.tagged_canvas import TaggingCanvas
from guide.render.pdf.template_art import template_look
from guide.render.planning import Setting, lined_plan
from guide.render.slides.designs import picture_size
from guide.render.slides.geometry import FOOTER_SIZE_PT, logo_box
from guide.render.slides.plan import DeckPlan, SlidePlan
from guide.render.slides.style import theme_inks
from guide.session import BuildSession
from guide.theme import HandoutLayout, Theme

__all__ = ["render_handout", "render_slides_pdf"]

GRIDS: dict[str, tuple[int, int]] = {"2": (1, 2), "4": (2, 2), "6": (2, 3), "9": (3, 3)}
"""(columns, rows) of slides on a handout page, per layout."""
GAP_PT = 14.0
"""Between the cells of a page of slides."""
LABEL_PT = 7.5
"""The size of the slide number under each slide."""
RULE_PITCH_PT = 22.0
"""Between two ruled lines for writing: a comfortable handwriting line."""
NOTES_SLIDE_SHARE = 0.45
"""Of a ``notes`` page's height: the most the slide takes above its notes."""
FRAME_PT = 0.5
"""The hairline around a slide on paper, so a white slide keeps its edge."""
DIVIDER = "divider"
"""The design of the slide that opens a part of a long deck."""
LEAST_PRINTED_PT = 6.0
"""The smallest the deck's footer line and slide number print on paper, drawn larger on the slide than in the deck."""


def render_slides_pdf(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The deck's slides as PDF, a page per slide at the slide's own size, for projecting and for a learning platform."""
    session = session or BuildSession()
    setting, plan = lined_plan(topic, theme, course, session)
    look = slide_look(theme, setting, plan, session)
    buffer = io.BytesIO()
    canvas = TaggingCanvas(
        buffer,
        pagesize=(plan.width_pt, plan.height_pt),
        invariant=1,
        lang=topic.language,
        pageCompression=1,
        initialFontName=look.body_fonts.regular,  # a font name; else every page names Helvetica, unembedded
        metadata=(about := metadata(topic, topic.title, course)),
    )
    _describe(canvas, about)
    marks = bookmarks(list(enumerate(plan.slides, start=1)))
    for number, slide in enumerate(plan.slides, start=1):
        if number in marks:
            bookmark(canvas, number, marks[number])
        with slide_space(canvas, 0, 0, 1.0, plan):
            draw_slide(canvas, plan, slide, number, look)
        canvas.showPage()
    canvas.showOutline()
    canvas.save()
    return buffer.getvalue()


def render_handout(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The slides on the theme's paper in the theme's handout layout, with a running header and "Page X of Y"."""
    session = session or BuildSession()
    setting, plan = lined_plan(topic, theme, course, session)
    look = slide_look(theme, setting, plan, session)
    labels = theme.labels_for(topic.language_code)
    styles = build_styles(theme, session, topic.language)
    shown = on_paper(plan.slides, theme.handout)
    least_text = min((smallest_text_pt(slide) for _, slide in shown), default=FOOTER_SIZE_PT)
    deck = _Deck(plan, look, styles, labels, shown, bookmarks(shown), least_text)
    if theme.handout == "notes":
        story = notes_story(deck)
    elif theme.handout == "lines":
        story = ruled_story(deck, *text_area(theme))
    else:
        story = grid_story(deck, theme.handout)
    marker = labels["teachers_copy"] if theme.handout == "notes" else labels["handout"]  # notes hold the answers
    marks = replace(furniture(topic, course, labels, marker), header_on_first=True)
    about = metadata(topic, f"{topic.title} — {labels['handout']}", course)
    return render_story(story, theme, styles, labels, marks, about).pdf()


def slide_look(theme: Theme, setting: Setting, plan: DeckPlan, session: BuildSession) -> SlideLook:
    """How this deck's slides are drawn: the theme's colours and logo in our design, what a template shows on its own."""
    title_fonts, body_fonts = register(setting.fonts.title, session), register(setting.fonts.body, session)
    if not setting.designed:
        return template_look(setting.template, title_fonts, body_fonts, session)
    logo = (theme.logo, logo_box(*picture_size(theme.logo), plan.width_pt, plan.height_pt)) if theme.logo else None
    return SlideLook(theme_inks(theme), title_fonts, body_fonts, designed=True, logo=logo)


def on_paper(slides: Sequence[SlidePlan], layout: HandoutLayout) -> list[tuple[int, SlidePlan]]:
    """The slides a handout prints, each with its number in the deck: all but the dividers between the deck's parts.

    A divider only names the part that follows, which the slides after it say again; on paper
    it is a page (or a cell) a student does not need. The notes layout keeps a divider whose
    notes say more than its part's name; the plan gives none such.
    """
    return [
        (number, slide)
        for number, slide in enumerate(slides, start=1)
        if slide.design != DIVIDER or (layout == "notes" and slide.notes.strip() not in ("", slide.section))
    ]


def bookmarks(slides: Sequence[tuple[int, SlidePlan]]) -> dict[int, str]:
    """Slide number -> outline entry: the first of ``slides`` (numbered) in each section, and each slide before the first section."""
    marks: dict[int, str] = {}
    previous = None
    for number, slide in slides:
        if not slide.section or slide.section != previous:
            marks[number] = slide.section or slide.title.replace("\v", " ")
        previous = slide.section
    return marks


def bookmark(canvas: Canvas, number: int, title: str) -> None:
    """An outline entry for the current page."""
    key = f"slide-{number}"
    canvas.bookmarkPage(key)
    canvas.addOutlineEntry(title, key, level=0)


@dataclass(frozen=True)
class _Deck:
    """What every page of a handout draws from: the plan, how its slides look, the paper's styles, its wording (slide, continued)."""

    plan: DeckPlan
    look: SlideLook
    styles: Styles
    labels: Labels
    shown: list[tuple[int, SlidePlan]]
    """The slides the handout prints, with their numbers in the deck (see :func:`on_paper`)."""
    marks: dict[int, str]
    """Slide number -> its outline entry (see :func:`bookmarks`)."""
    least_text_pt: float
    """The smallest text the printed slides show of their own (see ``smallest_text_pt``)."""


def ruled_story(deck: _Deck, width: float, height: float) -> list[Flowable]:
    """Pages of slides beside ruled lines, as many a page as can be read when printed (see ``ruled_pages``)."""
    story: list[Flowable] = []
    for page in ruled_pages(deck.plan, [slide for _, slide in deck.shown], width, height):
        story += [PageBreak()] if story else []
        story.append(RuledSlides(deck, page, [deck.shown[index] for index in page.slides]))
    return story


def grid_story(deck: _Deck, layout: HandoutLayout) -> list[Flowable]:
    """Pages of at most ``columns x rows`` slides, in reading order, the slides shared evenly between them (see ``balanced``)."""
    columns, rows = GRIDS[layout]
    story: list[Flowable] = []
    start = 0
    for count in balanced(len(deck.shown), columns * rows):
        story += [PageBreak()] if story else []
        story.append(SlidePage(deck, deck.shown[start : start + count], columns, rows))
        start += count
    return story


def balanced(count: int, per_page: int) -> list[int]:
    """How many of ``count`` slides each page takes, at most ``per_page``: as few pages as hold them, shared as evenly as can
    be (the fuller pages first), so that no last page holds one slide alone where the others could spare it one.

    Ten at six a page are five and five, not six and four; nineteen at nine are seven, six and six, not nine, nine and one.
    """
    pages = -(-count // per_page)
    share, more = divmod(count, pages) if pages else (0, 0)
    return [share + 1] * more + [share] * (pages - more)


def notes_story(deck: _Deck) -> list[Flowable]:
    """A page per slide: the slide, then its speaker notes set as the sheet sets prose.

    Notes too long for the room under their slide run on to the next page under a mark
    naming the slide. A slide whose notes are given on an earlier slide of its section (a
    long list, cards, a timeline continued) says so in the deck's notes, and here in a caption.
    """
    story: list[Flowable] = []
    for index, (number, slide) in enumerate(deck.shown):
        if index:
            story.append(PageBreak())
        if slide.notes_with:
            texts, style = [literal(slide.notes)], deck.styles.caption
        else:
            texts = [literal(part).replace("\n", "<br/>") for part in slide.notes.split("\n\n") if part.strip()]
            style = deck.styles.body
        elements = [Element("P") for _ in texts]
        notes = [tag(Paragraph(text, style), element) for text, element in zip(texts, elements, strict=True)]
        mark = Paragraph(literal(f"{deck.labels['slide']} {number} {deck.labels['continued']}".upper()), deck.styles.box_label)
        story += [SlideFigure(deck, number, slide, elements), Spacer(0, GAP_PT), RunOn(notes, mark)]
    return story


class _FullPage(Flowable):
    """A flowable that takes the whole frame it is given: one handout page."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height
        return available_width, available_height


class SlidePage(_FullPage):
    """A handout page of slides in a grid, each centred in its cell with its number under it."""

    def __init__(self, deck: _Deck, slides: Sequence[tuple[int, SlidePlan]], columns: int, rows: int) -> None:
        super().__init__()
        self.deck = deck
        self.slides = slides
        self.columns = columns
        self.rows = rows

    def draw(self) -> None:
        cell_width = (self.width - (self.columns - 1) * GAP_PT) / self.columns
        cell_height = (self.height - (self.rows - 1) * GAP_PT) / self.rows
        for index, (number, slide) in enumerate(self.slides):
            column, row = index % self.columns, index // self.columns
            left = column * (cell_width + GAP_PT)
            top = self.height - row * (cell_height + GAP_PT)
            place_slide(self.canv, self.deck, number, slide, left, top, cell_width, cell_height - LABEL_ROOM_PT, centred=True)


class RuledSlides(_FullPage):
    """A ``lines`` page: its slides down the left at the page's width for them, ruled lines beside each and under it."""

    def __init__(self, deck: _Deck, page: RuledPage, slides: Sequence[tuple[int, SlidePlan]]) -> None:
        super().__init__()
        self.deck = deck
        self.page = page
        self.slides = slides

    def draw(self) -> None:
        plan, width = self.deck.plan, self.page.slide_width
        slide_height = width * plan.height_pt / plan.width_pt
        for row, (number, slide) in enumerate(self.slides):
            top = self.height - row * (self.page.row_height + ROW_GAP_PT)
            place_slide(self.canv, self.deck, number, slide, 0, top, width, slide_height, centred=False)
            room = self.width - width - RULE_INSET_PT >= WRITING_PT / 2  # else lines under the slide only
            beside = (width + RULE_INSET_PT if room else self.width, top - slide_height - LABEL_ROOM_PT)
            draw_rules(self.canv, 0, self.width, top, top - self.page.row_height, self.deck.styles.palette.rule, beside)


class SlideFigure(Flowable):
    """One slide as wide as the text column (at most ``NOTES_SLIDE_SHARE`` of the page high), its number under it.

    The elements of its ``notes`` (drawn after it) are read in the slide's section, after the slide.
    """

    def __init__(self, deck: _Deck, number: int, slide: SlidePlan, notes: Sequence[Element] = ()) -> None:
        super().__init__()
        self.deck = deck
        self.number = number
        self.slide = slide
        self.notes = notes

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        plan = self.deck.plan
        scale = min(available_width / plan.width_pt, NOTES_SLIDE_SHARE * available_height / plan.height_pt)
        self.width, self.height = available_width, plan.height_pt * scale + LABEL_ROOM_PT
        return self.width, self.height

    def draw(self) -> None:
        section = Element("Sect")
        place_slide(self.canv, self.deck, self.number, self.slide, 0, self.height, self.width, self.height - LABEL_ROOM_PT, True, section)
        for note in self.notes:
            section.adopt(note)


def place_slide(
    canvas: Canvas,
    deck: _Deck,
    number: int,
    slide: SlidePlan,
    left: float,
    top: float,
    width: float,
    height: float,
    centred: bool,
    section: Element | None = None,
) -> None:
    """The slide as large as fits (``width`` x ``height``) below ``top`` (``centred`` in that room, else at its top left),
    framed, its number under it; tagged as ``section``, if given."""
    plan = deck.plan
    scale = min(width / plan.width_pt, height / plan.height_pt)
    shown_width, shown_height = plan.width_pt * scale, plan.height_pt * scale
    x = left + (width - shown_width) / 2 if centred else left
    bottom = top - shown_height - ((height - shown_height) / 2 if centred else 0.0)
    if number in deck.marks:
        bookmark(canvas, number, deck.marks[number])
    with slide_space(canvas, x, bottom, scale, plan):
        draw_slide(canvas, plan, slide, number, replace(deck.look, footer_pt=footer_size(scale, deck.least_text_pt)), section)
    canvas.saveState()
    canvas.setStrokeColor(deck.styles.palette.rule)
    canvas.setLineWidth(FRAME_PT)
    canvas.rect(x, bottom, shown_width, shown_height, stroke=1, fill=0)
    canvas.setFont(deck.styles.heading_fonts.regular, LABEL_PT)
    canvas.setFillColor(deck.styles.palette.muted)
    canvas.drawString(x, bottom - LABEL_PT - 2, f"{deck.labels['slide']} {number}")
    canvas.restoreState()


def footer_size(scale: float, least_text_pt: float) -> float | None:
    """The size the deck's footer line and slide number are drawn at on a slide shown ``scale`` times its size: the deck's,
    or larger so they print at ``LEAST_PRINTED_PT``, but never larger than the slides' own smallest text (``least_text_pt``).

    None leaves them off where that cannot be: on pages of four, six or nine, whose slides' own text prints smaller
    still, they would be specks; the page's running header and the label under each slide say the same.
    """
    size = max(FOOTER_SIZE_PT, LEAST_PRINTED_PT / scale)
    return size if size <= least_text_pt else None


def draw_rules(canvas: Canvas, left: float, right: float, top: float, bottom: float, color: Color, beside: tuple[float, float]) -> None:
    """Ruled lines for writing between ``top`` and ``bottom``, one handwriting line apart.

    ``beside`` (x, y) is the corner of what they go round: lines above ``y`` start at ``x``, the rest at ``left``.
    """
    canvas.saveState()
    canvas.setStrokeColor(color)
    canvas.setLineWidth(FRAME_PT)
    y = top - RULE_PITCH_PT
    while y >= bottom:
        start = beside[0] if y > beside[1] else left
        if start < right:
            canvas.line(start, y, right, y)
        y -= RULE_PITCH_PT
    canvas.restoreState()


def _describe(canvas: Canvas, about: Metadata) -> None:
    """The PDF's document information: title, author, subject, keywords and the tool that made it."""
    canvas.setTitle(about.title)
    canvas.setAuthor(about.author)
    canvas.setSubject(about.subject)
    canvas.setKeywords(", ".join(about.keywords))
    canvas.setCreator("make_materials")
