"""A height a flowable says it is never below, measured without breaking text into lines, is never above its wrapped height."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Flowable, HRFlowable, Spacer

from guide.render.pdf.box import Box
from guide.render.pdf.columns import Kept, least_stacked_height, stacked_height
from guide.render.pdf.internals import Paragraph
from tests.test_line_breaks import LOOK, WORDS

STYLES = (LOOK.body, LOOK.side, LOOK.bullet, LOOK.detail, LOOK.big_figure, LOOK.figure_fact, LOOK.box_label)
TEXTS = st.lists(st.sampled_from((*WORDS, "<b>bold</b>", "<i>1926</i>", " ", "—", "&amp;")), max_size=30).map(" ".join)
"""Texts of any length, the empty one and ones of spaces or dashes alone too."""


WORDED = st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join)
"""Texts with a word in them."""


@st.composite
def flowables(draw: st.DrawFn, depth: int = 2, texts: st.SearchStrategy[str] = TEXTS) -> Flowable:
    """A paragraph, a rule, a space, or (``depth`` levels down) a group kept together or a labelled box of them."""
    kinds = ["paragraph", "rule", "space", *(["kept", "box"] if depth else [])]
    kind = draw(st.sampled_from(kinds))
    if kind == "paragraph":
        return Paragraph(draw(texts), draw(st.sampled_from(STYLES)), bulletText=draw(st.sampled_from((None, "•"))))
    if kind == "rule":
        return HRFlowable(width="100%", thickness=0.6, spaceBefore=0, spaceAfter=3)
    if kind == "space":
        return Spacer(0, draw(st.floats(0, 20)))
    parts = draw(st.lists(flowables(depth - 1, texts), min_size=1, max_size=4))
    if kind == "kept":
        return Kept(parts)
    label = Paragraph(draw(texts), LOOK.box_label)
    return Box(label, parts, fill_color=None, border=LOOK.palette.rule, bar=LOOK.palette.primary)


@settings(max_examples=60, deadline=None)
@given(st.lists(flowables(), min_size=1, max_size=5), st.floats(30, 500))
def test_the_least_height_of_a_column_is_never_above_its_height(column: list[Flowable], width: float) -> None:
    assert least_stacked_height(column, width) <= stacked_height(column, width)


@settings(max_examples=30, deadline=None)
@given(st.lists(flowables(texts=WORDED), min_size=1, max_size=5))
def test_the_least_height_of_a_column_of_one_line_paragraphs_is_its_height(column: list[Flowable]) -> None:
    """Wide enough for every paragraph to fit on one line, the bound is the height itself: it leaves nothing out."""
    assert least_stacked_height(column, 10_000) == stacked_height(column, 10_000)


def test_a_paragraph_with_words_is_at_least_a_line_high_and_one_without_none() -> None:
    assert Paragraph("A <b>few</b> words", LOOK.body).least_wrapped_height(100) == LOOK.body.leading
    assert Paragraph(" — ", LOOK.body).least_wrapped_height(100) == 0.0
