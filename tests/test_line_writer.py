"""The paragraph's own line writer draws exactly what reportlab's draws, or leaves the drawing to reportlab."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as PlainParagraph

from guide.render.common import Metadata
from guide.render.pdf.internals import Paragraph, draws_runs
from guide.render.pdf.structure import Element
from guide.render.pdf.tagged import tag
from guide.render.pdf.tagged_canvas import TaggingCanvas
from tests.test_line_breaks import LOOK, WORDS, styles

PAGE = (600.0, 2_000.0)
SPACED = ("1926", "\xa0BC", "p.\xa012", "Art.\xa05", "10\xa0000")
"""Words with no-break spaces, which a justified line widens as spaces."""
INLINE = (
    "{}",
    "<b>{}</b>",
    "<i>{}</i>",
    "<b><i>{}</i></b>",
    '<font color="#c8102e">{}</font>',
    '<font size="13">{}</font>',
    '<font name="Courier">{}</font>',
    "<super>{}</super>",
    '<a href="https://example.org/x" color="#1F3A5F"><u>{}</u></a>',
    '<a href="https://example.org/y">{}</a>',
    "<u>{}</u>",
)
"""How a stretch of words is set: another face, colour, size or font, raised, linked, underlined."""


class ReportlabDrawn(Paragraph):
    """The same paragraph, its lines drawn by reportlab's own ``drawPara``."""

    drawPara = PlainParagraph.drawPara  # noqa: N815 - reportlab's name


@st.composite
def texts(draw: st.DrawFn) -> str:
    """Paragraph markup of two or more runs of text, some words with no-break spaces in them."""
    words = st.sampled_from(WORDS + SPACED)
    stretches = draw(st.lists(st.lists(words, min_size=1, max_size=12), min_size=2, max_size=6))
    forms = draw(st.lists(st.sampled_from(INLINE), min_size=len(stretches), max_size=len(stretches)))
    spaces = draw(st.lists(st.sampled_from(("", " ")), min_size=len(stretches), max_size=len(stretches)))
    first = draw(st.sampled_from(INLINE[1:]))
    runs = (form.format(" ".join(words)) + space for form, words, space in zip(forms, stretches, spaces, strict=True))
    return first.format("Word ") + "".join(runs)


def drawn(paragraph: Paragraph, width: float, room: float | None = None) -> bytes:
    """The PDF of a tagged page with the paragraph on it, wrapped to ``width``; split to ``room``, a page per part."""
    buffer = io.BytesIO()
    canvas = TaggingCanvas(buffer, pagesize=PAGE, invariant=1, metadata=Metadata("Lines", "", "", (), "en"))
    parts = [paragraph]
    if room is not None:
        paragraph.wrap(width, PAGE[1])
        parts = paragraph.split(width, room) or parts
    for part in parts:
        flowable = tag(part, Element("P"))
        _, height = flowable.wrapOn(canvas, width, PAGE[1])
        flowable.drawOn(canvas, 10, PAGE[1] - height - 10)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@settings(max_examples=60, deadline=None)
@given(
    texts(),
    styles(),
    st.sampled_from((TA_LEFT, TA_JUSTIFY)),
    st.floats(40, 400),
    st.sampled_from((None, "•", "12.")),
    st.sampled_from((None, 30.0, 70.0)),
)
def test_a_paragraph_of_runs_is_drawn_as_reportlab_draws_it(
    text: str, style: ParagraphStyle, alignment: int, width: float, bullet: str | None, room: float | None
) -> None:
    """Mixed faces, fonts, colours and sizes, links and underlines, left or justified, hyphenated, split or whole."""
    style.alignment = alignment
    mine = Paragraph(text, style, bulletText=bullet)
    mine.wrap(width, PAGE[1])
    assert draws_runs(mine)
    assert drawn(mine, width, room) == drawn(ReportlabDrawn(text, style, bulletText=bullet), width, room)


def test_a_paragraph_the_line_writer_leaves_alone_is_drawn_by_reportlab() -> None:
    """Centred, on a background, with an inline mark or a line break of its own, or a lone run: reportlab draws it."""
    centred = ParagraphStyle("centred", parent=LOOK.body, alignment=TA_CENTER)
    shaded = ParagraphStyle("shaded", parent=LOOK.body, backColor="#eeeeee")
    cases = [
        ("A <b>centred</b> line", centred),
        ("A <b>shaded</b> line", shaded),
        ('A <onDraw name="x"/> <b>mark</b>', LOOK.body),
        ("one run", LOOK.body),
    ]
    for text, style in cases:
        paragraph = Paragraph(text, style)
        paragraph.wrap(200, PAGE[1])
        assert not draws_runs(paragraph)
    assert draws_runs(Paragraph("Two <b>runs</b>", LOOK.body)) is False  # not wrapped yet: no lines to draw
    wrapped = Paragraph("Two <b>runs</b> and a line<br/>break", LOOK.body)
    wrapped.wrap(200, PAGE[1])
    assert draws_runs(wrapped)
    assert drawn(wrapped, 200) == drawn(ReportlabDrawn("Two <b>runs</b> and a line<br/>break", LOOK.body), 200)
