"""Theme -> the paragraph styles of the study sheet, with sizes in points.

One type scale for every theme, set from the theme's body size: title, section heading,
box label, body, sidebar text, caption and page furniture, each a clear step from the next.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyphen
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from guide.colors import mix
from guide.fonts import FontFamily
from guide.hyphenation import Hyphenator
from guide.render.pdf.fonts import RegisteredFamily, register
from guide.render.pdf.internals import share_parsing
from guide.session import BuildSession
from guide.theme import Colors, Theme

BULLET_GAP_SHARE = 0.6
"""Of a bullet's font size: the space reportlab leaves after a bullet before the text."""
SIDEBAR_STEP_PT = 1.0
TIGHT_SIDEBAR_STEP_PT = 1.5
"""How much smaller the sidebar's text is than the main column's."""
MIN_READING_PT = 9.5
TIGHT_SIDE_PT = 9.5
"""The sidebar's size on a sheet that would otherwise run onto a page of its own: its items are short and looked up, not read at length."""
"""Smallest size of reading text: legible on any office printer and its photocopies."""
POINT_STEP_PT = 1.0
"""At most how much smaller an answer key's points to look for are than its answers: read beside them, not looked up."""
LEADING = 1.25
"""Line height as a share of the size: open enough for a line of some 70 characters."""
TIGHT_LEADING = 1.2
"""The least line height, for a sheet that would otherwise run onto a page of its own."""
SIDE_LEADING = 1.18
"""Line height of the sidebar's short items (facts, terms, dates): set closer than running text, as in a reference table."""


@dataclass(frozen=True)
class Palette:
    primary: Color
    accent: Color
    text: Color
    muted: Color
    background: Color
    tint: Color
    rule: Color
    """Hairlines between parts: light, as they only separate."""
    writing_rule: Color
    """Lines to write on: dark enough to survive a photocopier."""


@dataclass(frozen=True)
class Styles:
    """Every style the sheet uses; built once per theme and language."""

    palette: Palette
    fills: bool
    """Whether large areas (title band, summary box) are filled with colour or only outlined."""
    grey_pictures: bool
    """Whether the topic's pictures print in shades of grey (see ``Theme.grey_pictures``)."""
    heading_fonts: RegisteredFamily
    body_fonts: RegisteredFamily
    link_color: str
    band_kicker: ParagraphStyle
    band_title: ParagraphStyle
    band_subtitle: ParagraphStyle
    band_meta: ParagraphStyle
    box_label: ParagraphStyle
    heading: ParagraphStyle
    side_heading: ParagraphStyle
    body: ParagraphStyle
    lead: ParagraphStyle
    side: ParagraphStyle
    bullet: ParagraphStyle
    objective: ParagraphStyle
    quote: ParagraphStyle
    side_quote: ParagraphStyle
    attribution: ParagraphStyle
    timeline_date: ParagraphStyle
    timeline_event: ParagraphStyle
    timeline_highlight: ParagraphStyle
    """The topic's own event on the timeline: one style per look, so its parses and lines are shared like the others'."""
    term: ParagraphStyle
    question: ParagraphStyle
    answer: ParagraphStyle
    key_answer: ParagraphStyle
    point: ParagraphStyle
    point_label: ParagraphStyle
    detail: ParagraphStyle
    source: ParagraphStyle
    caption: ParagraphStyle
    ribbon: ParagraphStyle
    big_figure: ParagraphStyle
    figure_fact: ParagraphStyle


def build_styles(theme: Theme, session: BuildSession, language: str, tight: bool = False) -> Styles:
    """The styles of ``theme`` for text in ``language`` (a BCP 47 tag), hyphenated where pyphen has its patterns.

    Made once per session for each look, as every document of a course shares one; keyed by the
    contents of the font files too, so a font edited between two builds is registered afresh.
    ``tight`` sets lines and sections closer, for a sheet that would otherwise run onto a nearly empty page.
    """
    leading = TIGHT_LEADING if tight else LEADING
    side_pt = max(TIGHT_SIDE_PT, theme.body_pt - TIGHT_SIDEBAR_STEP_PT) if tight else max(MIN_READING_PT, theme.body_pt - SIDEBAR_STEP_PT)
    hyphenation = hyphenation_language(language)
    fonts = (theme.heading_font, theme.body_font)
    digests = tuple(session.digest(face) for family in fonts for face in family.faces)
    key = (theme.colors, *fonts, theme.fills, theme.grey_pictures, theme.body_pt, side_pt, hyphenation, leading, digests)
    return session.made(
        "pdf-styles",
        key,
        lambda: _styles(
            theme.colors,
            theme.heading_font,
            theme.body_font,
            theme.fills,
            theme.grey_pictures,
            (theme.body_pt, side_pt),
            hyphenation,
            leading,
            session,
        ),
    )


def hyphenation_language(language: str) -> str:
    """pyphen's name for the patterns of a BCP 47 tag (``de-AT`` -> ``de_AT``), or '' where it has none."""
    return pyphen.language_fallback(language.replace("-", "_")) or ""


def _styles(
    colors: Colors,
    heading_font: FontFamily,
    body_font: FontFamily,
    fills: bool,
    grey_pictures: bool,
    sizes: tuple[float, float],
    language: str,
    leading: float,
    session: BuildSession,
) -> Styles:
    """Styles from the parts of a theme they depend on, with the fonts registered anew."""
    palette = Palette(
        primary=HexColor(colors.primary),
        accent=HexColor(colors.accent),
        text=HexColor(colors.text),
        muted=HexColor(colors.muted),
        background=HexColor(colors.background),
        tint=HexColor(colors.tint),
        rule=HexColor(mix(colors.muted, colors.background, 0.55)),
        writing_rule=HexColor(mix(colors.text, colors.background, 0.45)),
    )
    heading = register(heading_font, session)
    body = register(body_font, session)
    body_pt, side_pt = sizes
    base = ParagraphStyle(
        "body",
        fontName=body.regular,
        fontSize=body_pt,
        leading=round(body_pt * leading, 1),
        textColor=palette.text,
        spaceAfter=round(body_pt * 0.6, 1),
        hyphenationLang=Hyphenator(language, session) if language else "",  # type: ignore[arg-type]  # a callable too, which its stubs leave out
        uriWasteReduce=0.3,
        allowWidows=0,
        allowOrphans=0,
    )
    side = ParagraphStyle("side", parent=base, fontSize=side_pt, leading=round(side_pt * min(leading, SIDE_LEADING), 1), spaceAfter=3)
    answer = ParagraphStyle("answer", parent=base, leftIndent=17, textColor=palette.text, spaceAfter=3)
    point_pt = max(side_pt, body_pt - POINT_STEP_PT)
    point_text = ParagraphStyle("point-text", parent=side, fontSize=point_pt, leading=round(point_pt * min(leading, SIDE_LEADING), 1))
    # On a filled band, text takes the background colour; on an outlined one, the usual colours.
    band_title = palette.background if fills else palette.primary
    band_small = HexColor(mix(colors.background, colors.primary, 0.15)) if fills else palette.muted
    styles = Styles(
        palette=palette,
        fills=fills,
        grey_pictures=grey_pictures,
        heading_fonts=heading,
        body_fonts=body,
        link_color=colors.primary,
        band_kicker=ParagraphStyle("kicker", fontName=heading.bold, fontSize=8.5, leading=11, textColor=band_small, spaceAfter=3),
        band_title=ParagraphStyle("title", fontName=heading.bold, fontSize=24, leading=27, textColor=band_title),
        band_subtitle=ParagraphStyle("subtitle", fontName=heading.regular, fontSize=12, leading=15, textColor=band_title, spaceBefore=2),
        band_meta=ParagraphStyle("meta", fontName=heading.regular, fontSize=9.5, leading=12, textColor=band_small, spaceBefore=4),
        box_label=ParagraphStyle("box-label", fontName=heading.bold, fontSize=8.5, leading=11, textColor=palette.primary, spaceAfter=4),
        heading=ParagraphStyle(
            "heading",
            fontName=heading.bold,
            fontSize=14,
            leading=17,
            textColor=palette.primary,
            spaceBefore=round(body_pt * leading - 4, 1),
            spaceAfter=round(body_pt * leading / 2, 1),
        ),
        side_heading=ParagraphStyle(
            "side-heading", fontName=heading.bold, fontSize=11.5, leading=14, textColor=palette.primary, spaceBefore=8, spaceAfter=5
        ),
        body=base,
        lead=ParagraphStyle("lead", parent=base, fontSize=body_pt + 0.5, leading=round((body_pt + 0.5) * leading, 1), spaceAfter=0),
        side=side,
        bullet=ParagraphStyle(
            "bullet", parent=side, leftIndent=11, bulletIndent=0, spaceAfter=3, bulletFontName=heading.bold, bulletColor=palette.accent
        ),
        objective=ParagraphStyle(
            "objective", parent=side, leftIndent=13, bulletIndent=0, spaceAfter=2, bulletFontName=heading.bold, bulletColor=palette.accent
        ),
        quote=ParagraphStyle("quote", parent=base, fontName=body.italic, spaceAfter=2),
        side_quote=ParagraphStyle("side-quote", parent=side, fontName=body.italic, spaceAfter=2),
        attribution=ParagraphStyle("attribution", parent=side, textColor=palette.muted, spaceAfter=0),
        timeline_date=ParagraphStyle("tl-date", parent=side, fontName=heading.bold, textColor=palette.primary, spaceAfter=0),
        timeline_event=ParagraphStyle("tl-event", parent=side, spaceAfter=0),
        timeline_highlight=ParagraphStyle("tl-event-highlight", parent=side, fontName=body.bold, spaceAfter=0),
        # The term is set as the paragraph's bullet, so it can be tagged apart from its definition. reportlab leaves 0.6 of
        # the bullet's font size after a bullet: at this size, a word space (the term itself carries its own size).
        term=ParagraphStyle(
            "term",
            parent=side,
            spaceAfter=3.5,
            bulletFontName=body.bold,
            bulletFontSize=stringWidth(" ", body.regular, side_pt) / BULLET_GAP_SHARE,
            bulletIndent=0,
            bulletColor=palette.text,
        ),
        # A number is set as the paragraph's bullet, hanging in the indent, so it can be tagged as its item's label.
        question=ParagraphStyle(
            "question", parent=base, leftIndent=17, bulletIndent=0, bulletFontName=body.bold, bulletFontSize=body_pt, spaceAfter=0
        ),
        answer=answer,
        # The key's answers in the accent colour, as a teacher marks: told apart from the questions at a glance
        # (the print theme's accent is a dark grey, as legible as its black).
        key_answer=ParagraphStyle("key-answer", parent=answer, textColor=palette.accent),
        point=ParagraphStyle(
            "point",
            parent=point_text,
            leftIndent=28,
            bulletIndent=17,  # the bullet under the label's first letter, the point's text indented after it
            spaceAfter=1.5,
            bulletFontName=heading.bold,
            bulletColor=palette.accent,
            textColor=palette.text,
        ),
        point_label=ParagraphStyle("point-label", parent=point_text, leftIndent=17, spaceAfter=1.5, textColor=palette.text),
        detail=ParagraphStyle("detail", parent=side, leftIndent=11, textColor=palette.text, spaceAfter=5),
        source=ParagraphStyle(
            "source", parent=side, leftIndent=17, bulletIndent=0, bulletFontName=side.fontName, bulletFontSize=side_pt, spaceAfter=2
        ),
        caption=ParagraphStyle("caption", parent=side, fontSize=8.5, leading=11, textColor=palette.muted, spaceAfter=0),
        ribbon=ParagraphStyle("ribbon", fontName=heading.bold, fontSize=7.5, leading=9, textColor=palette.text),
        big_figure=ParagraphStyle("big-figure", fontName=heading.bold, fontSize=15, leading=17, textColor=palette.primary, spaceAfter=1),
        figure_fact=ParagraphStyle("figure-fact", parent=side, spaceAfter=3),
    )
    share_parsing(style for style in vars(styles).values() if isinstance(style, ParagraphStyle))
    return styles
