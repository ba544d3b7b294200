"""Paragraph markup of a shape parsed before is made into reportlab's very fragments without parsing it again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as PlainParagraph

from guide.load import named_theme
from guide.render.pdf.internals import PARSED_TEXTS, Paragraph, ParsedTexts, markup_shape, share_parsing
from guide.render.pdf.styles import build_styles
from guide.session import BuildSession
from tests.test_line_breaks import described

LOOK = build_styles(named_theme("classic"), BuildSession(), "en")
WORDS = ("a", "Treaty", "of Berlin,", "1926.", "“quoted”", " spaced  out ", "déjà", "x" * 30, "—", "'")
"""Pieces of text: words, spaces, punctuation and letters beyond ASCII."""
ENTITIES = ("&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#x2014;")
WRAPPING = (
    "<b>{}</b>", "<i>{}</i>", "<u>{}</u>", "<b><i>{}</i></b>", '<font color="#c8102e">{}</font>',
    '<super><font color="#6b7280">{}</font></super>', '<a href="https://example.org/x?a=1" color="#1F3A5F"><u>{}</u></a>',
    '<font name="LiberationSerif-Bold" size="9.5">{}</font>',
)  # fmt: skip
"""Tags reportlab's parser sets from the tag and the style alone: what a shape is made of."""
OTHER = ("<br/>", '<onDraw name="mark" label="x"/>', "<strike>{}</strike>", '<a name="here"/>', "a < b", "a & b")
"""Markup parsed by reportlab's own paragraph every time: a break, a mark, another tag, an anchor, a stray ``<`` or ``&``."""


@st.composite
def shapes(draw: st.DrawFn, extra: tuple[str, ...] = ()) -> list[str]:
    """Markup with a ``{}`` for each piece of text: pieces of text, entities, and pieces set in tags."""
    forms = st.sampled_from(("{}", *WRAPPING, *extra)) | st.sampled_from(ENTITIES)
    parts = draw(st.lists(forms, min_size=1, max_size=8))
    if draw(st.booleans()):
        parts.insert(0, '<bullet><font name="LiberationSerif-Bold" size="9.5">{}</font></bullet>')
    return parts


def filled(shape: list[str], draw: Callable[[st.SearchStrategy[str]], str]) -> str:
    return "".join(part.replace("{}", draw(st.sampled_from(WORDS)), 1) for part in shape)


def parse_of(paragraph: PlainParagraph) -> Any:
    return paragraph.text, described(paragraph.frags), described(paragraph.bulletText), paragraph.style


def style_sharing(parent: ParagraphStyle) -> tuple[ParagraphStyle, ParsedTexts]:
    """A style whose paragraphs share their parses and shapes, and the ``ParsedTexts`` they share."""
    style = ParagraphStyle("shaped", parent=parent)
    share_parsing([style])
    return style, getattr(style, PARSED_TEXTS)


@settings(max_examples=60, deadline=None)
@given(st.data(), shapes(), st.sampled_from((LOOK.body, LOOK.term, LOOK.source, LOOK.attribution)), st.sampled_from((None, "1.")))
def test_markup_of_a_shape_parsed_before_gives_reportlab_s_fragments(
    data: st.DataObject, shape: list[str], parent: ParagraphStyle, bullet: str | None
) -> None:
    style, parsed = style_sharing(parent)
    first, second = filled(shape, data.draw), filled(shape, data.draw)
    assert parse_of(Paragraph(first, style, bullet)) == parse_of(PlainParagraph(first, style, bullet))
    assert len(parsed._shapes) == 1  # the first text's shape was kept, its fragments made from the second's pieces
    assert parse_of(Paragraph(second, style, bullet)) == parse_of(PlainParagraph(second, style, bullet))


@settings(max_examples=40, deadline=None)
@given(st.data(), shapes(extra=OTHER))
def test_markup_with_anything_else_is_parsed_as_reportlab_parses_it(data: st.DataObject, shape: list[str]) -> None:
    style, parsed = style_sharing(LOOK.body)
    for _ in range(2):
        text = filled(shape, data.draw)
        assert parse_of(Paragraph(text, style)) == parse_of(PlainParagraph(text, style))
    if any(part in OTHER for part in shape):
        assert not parsed._shapes


def test_a_shape_is_the_markup_with_its_pieces_of_text_left_out() -> None:
    shape, pieces = markup_shape("A <b>bold</b> &amp; <i>italic</i> word") or ("", [])
    assert (shape, pieces) == ("\x00<b>\x00</b>\x00&amp;\x00<i>\x00</i>\x00", ["A ", "bold", " ", " ", "italic", " word"])
    for other in ("a <br/> b", "<strike>a</strike>", "a < b", "a & b", "a \x00 b", '<a name="here"/>'):
        assert markup_shape(other) is None
