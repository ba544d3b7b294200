"""Theme -> the paragraph styles of the study sheet, with sizes in points."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from guide.colors import mix
from guide.fonts import FontFamily
from guide.render.pdf.fonts import RegisteredFamily, register
from guide.session import BuildSession
from guide.theme import Colors, Theme

BODY_SIZE_PT = 10.0
"""Smallest size of reading text: legible on any office printer."""


@dataclass(frozen=True)
class Palette:
    primary: Color
    accent: Color
    text: Color
    muted: Color
    background: Color
    tint: Color
    rule: Color


@dataclass(frozen=True)
class Styles:
    """Every style the sheet uses; built once per theme."""

    palette: Palette
    fills: bool
    """Whether large areas (title band, summary box) are filled with colour or only outlined."""
    heading_fonts: RegisteredFamily
    body_fonts: RegisteredFamily
    link_color: str
    band_kicker: ParagraphStyle
    band_title: ParagraphStyle
    band_subtitle: ParagraphStyle
    band_meta: ParagraphStyle
    box_label: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    lead: ParagraphStyle
    bullet: ParagraphStyle
    timeline_date: ParagraphStyle
    timeline_event: ParagraphStyle
    term: ParagraphStyle
    question: ParagraphStyle
    answer: ParagraphStyle
    source: ParagraphStyle
    caption: ParagraphStyle


def build_styles(theme: Theme, session: BuildSession) -> Styles:
    """The styles of ``theme``: made once per session for each look, as every document of a course shares one.

    Keyed by the contents of the font files too, so a font edited between two builds is registered afresh.
    """
    fonts = (theme.heading_font, theme.body_font)
    digests = tuple(session.digest(face) for family in fonts for face in family.faces)
    key = (theme.colors, *fonts, theme.fills, digests)
    return session.made("pdf-styles", key, lambda: _styles(theme.colors, theme.heading_font, theme.body_font, theme.fills, session))


def _styles(colors: Colors, heading_font: FontFamily, body_font: FontFamily, fills: bool, session: BuildSession) -> Styles:
    """Styles from the parts of a theme they depend on, with the fonts registered anew."""
    palette = Palette(
        primary=HexColor(colors.primary),
        accent=HexColor(colors.accent),
        text=HexColor(colors.text),
        muted=HexColor(colors.muted),
        background=HexColor(colors.background),
        tint=HexColor(colors.tint),
        rule=HexColor(mix(colors.muted, colors.background, 0.65)),
    )
    heading = register(heading_font, session)
    body = register(body_font, session)
    base = ParagraphStyle("body", fontName=body.regular, fontSize=BODY_SIZE_PT, leading=12.8, textColor=palette.text, spaceAfter=5)
    # On a filled band, text takes the background colour; on an outlined one, the usual colours.
    band_title = palette.background if fills else palette.primary
    band_small = HexColor(mix(colors.background, colors.primary, 0.15)) if fills else palette.muted
    return Styles(
        palette=palette,
        fills=fills,
        heading_fonts=heading,
        body_fonts=body,
        link_color=colors.primary,
        band_kicker=ParagraphStyle("kicker", fontName=heading.bold, fontSize=8.5, leading=11, textColor=band_small, spaceAfter=2),
        band_title=ParagraphStyle("title", fontName=heading.bold, fontSize=22, leading=26, textColor=band_title),
        band_subtitle=ParagraphStyle("subtitle", fontName=heading.regular, fontSize=12.5, leading=16, textColor=band_title, spaceBefore=2),
        band_meta=ParagraphStyle("meta", fontName=heading.regular, fontSize=9.5, leading=13, textColor=band_small, spaceBefore=6),
        box_label=ParagraphStyle("box-label", fontName=heading.bold, fontSize=9.5, leading=12, textColor=palette.primary, spaceAfter=3),
        heading=ParagraphStyle(
            "heading", fontName=heading.bold, fontSize=13, leading=16, textColor=palette.primary, spaceBefore=8, spaceAfter=4
        ),
        body=base,
        lead=ParagraphStyle("lead", parent=base, fontSize=10.5, leading=14.2, spaceAfter=0),
        bullet=ParagraphStyle(
            "bullet", parent=base, leftIndent=12, bulletIndent=0, spaceAfter=2.5, bulletFontName=heading.bold, bulletColor=palette.accent
        ),
        timeline_date=ParagraphStyle(
            "tl-date",
            parent=base,
            fontName=heading.bold,
            fontSize=9.5,
            leading=12.5,
            textColor=palette.primary,
            alignment=TA_RIGHT,
            spaceAfter=0,
        ),
        timeline_event=ParagraphStyle("tl-event", parent=base, leading=12.8, spaceAfter=0),
        term=ParagraphStyle("term", parent=base, spaceAfter=0),
        question=ParagraphStyle("question", parent=base, leftIndent=16, firstLineIndent=-16, spaceAfter=0),
        answer=ParagraphStyle("answer", parent=base, leftIndent=16, textColor=palette.primary, spaceAfter=8),
        source=ParagraphStyle("source", parent=base, fontSize=9.5, leading=12.2, leftIndent=16, firstLineIndent=-16, spaceAfter=2),
        caption=ParagraphStyle("caption", parent=base, fontName=body.italic, fontSize=9.5, leading=12, textColor=palette.muted),
    )
