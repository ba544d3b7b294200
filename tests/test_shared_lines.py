"""Paragraphs of one text and style share the lines it broke into, and one split never changes what another draws."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas

from guide import load_topic
from guide.hyphenation import Hyphenator
from guide.load import named_theme
from guide.render.pdf import render_answer_key, render_study_sheet
from guide.render.pdf.internals import SPLIT_STATE, Paragraph, deep_copied, share_parsing
from guide.render.pdf.quiz_paper import render_quiz, render_quiz_answers
from guide.session import BuildSession
from tests.conftest import TREATY
from tests.samples import long_topic, paragraph

PAGE_PT = 2_000.0
TEXTS = [
    paragraph(6, 1),
    "Hyphenation: " + " ".join(["incomprehensibilities", "counterrevolutionaries", "internationalisation"] * 8),
    "With <b>bold words</b>, <i>incomprehensibilities</i> and a "
    '<a href="https://example.org/a/long/address">link that runs on</a> ' + paragraph(4, 2),
]


def styles() -> tuple[ParagraphStyle, ParagraphStyle]:
    """A style whose paragraphs share their parses and lines, and the same style on its own."""
    options = {"fontSize": 10, "leading": 12, "hyphenationLang": Hyphenator("en_GB", BuildSession()), "allowWidows": 0, "allowOrphans": 0}
    shared, alone = ParagraphStyle("shared", **options), ParagraphStyle("alone", **options)
    share_parsing([shared])
    return shared, alone


def rewrapped(flowable: Paragraph, widths: list[float]) -> bytes:
    """The paragraph drawn at the last of ``widths``, wrapped to each in turn: a later width breaks the words the first did."""
    for width in widths:
        flowable.wrap(width, PAGE_PT)
    return drawn(flowable, widths[-1])


def drawn(flowable: Paragraph, width: float) -> bytes:
    """The PDF of one page with the paragraph on it, wrapped to ``width``."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, PAGE_PT), invariant=1)
    _, height = flowable.wrapOn(canvas, width, PAGE_PT)
    flowable.drawOn(canvas, 0, PAGE_PT - height)
    canvas.save()
    return buffer.getvalue()


def split_drawn(flowable: Paragraph, width: float, room: float) -> list[bytes]:
    flowable.wrap(width, PAGE_PT)
    return [drawn(part, width) for part in flowable.split(width, room)]


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(TEXTS), st.floats(90, 400), st.floats(13, 80), st.floats(60, 400))
def test_a_split_leaves_the_lines_another_paragraph_shares_as_they_were(text: str, width: float, room: float, other: float) -> None:
    shared, alone = styles()
    first, second, third = Paragraph(text, shared), Paragraph(text, shared), Paragraph(text, shared)
    for flowable in (first, second, third):
        flowable.wrap(width, PAGE_PT)
    assert second.blPara is first.blPara  # broken into lines once
    assert split_drawn(first, width, room) == split_drawn(Paragraph(text, alone), width, room)
    assert drawn(second, width) == drawn(Paragraph(text, alone), width)
    assert rewrapped(third, [other]) == rewrapped(Paragraph(text, alone), [width, other])
    assert drawn(Paragraph(text, shared), other) == drawn(Paragraph(text, alone), other)  # first wrapped to another width
    assert split_drawn(Paragraph(text, shared), width, room) == split_drawn(Paragraph(text, alone), width, room)


@settings(max_examples=15, deadline=None)
@given(st.sampled_from(TEXTS), st.floats(90, 400), st.floats(13, 80), st.floats(60, 400))
def test_the_lines_a_paragraph_copies_before_a_split_are_what_a_deep_copy_makes(text: str, width: float, room: float, other: float) -> None:
    """Lines as broken, at two widths (sharing fragments), and the parts of a split (with the words it broke marked)."""
    flowable = Paragraph(text, styles()[0])
    flowable.wrap(other, PAGE_PT)
    flowable.wrap(width, PAGE_PT)
    assert_copies_alike(flowable)
    for part in flowable.split(width, room):
        assert_copies_alike(part)


def assert_copies_alike(flowable: Paragraph) -> None:
    state = {name: value for name, value in vars(flowable).items() if name in {*SPLIT_STATE, "_kept_wraps"}}
    assert_copied_alike(deep_copied(state, {}), copy.deepcopy(state, {}), state, {})


def assert_copied_alike(ours: Any, theirs: Any, original: Any, seen: dict[tuple[str, int], int]) -> None:
    """``ours`` and ``theirs``, copies of ``original``, have the same classes and values, share alike, and keep alike what
    is the original's."""
    assert type(ours) is type(theirs)
    if type(ours) in {str, int, float, bool, bytes, type(None)}:
        assert ours is original and theirs is original
        return
    if ("ours", id(ours)) in seen or ("theirs", id(theirs)) in seen:  # met before: in both copies, and as the same
        assert seen.get(("ours", id(ours))) == id(theirs) and seen.get(("theirs", id(theirs))) == id(ours)
        return
    seen["ours", id(ours)], seen["theirs", id(theirs)] = id(theirs), id(ours)
    assert (ours is original) == (theirs is original)
    if isinstance(ours, str):  # a word reportlab marked by its class
        assert ours == theirs == original
    elif isinstance(ours, list | tuple):
        assert len(ours) == len(theirs) == len(original)
        for mine, yours, was in zip(ours, theirs, original, strict=True):
            assert_copied_alike(mine, yours, was, seen)
    elif isinstance(ours, dict):
        assert list(ours) == list(theirs) == list(original)
        for key in ours:
            assert_copied_alike(ours[key], theirs[key], original[key], seen)
    if hasattr(ours, "__dict__"):
        assert_copied_alike(vars(ours), vars(theirs), vars(original), seen)


def test_a_topic_s_pdfs_are_the_same_whatever_was_rendered_before_them_in_the_session(tmp_path: Path) -> None:
    """Lines kept from another topic's documents (its headings, labels, sources) give what breaking them afresh gives."""
    (tmp_path / "long.yaml").write_text(yaml.safe_dump(long_topic()), encoding="utf-8")
    treaty, other = load_topic(TREATY).topic, load_topic(tmp_path / "long.yaml").topic
    renderers = (render_study_sheet, render_answer_key, render_quiz, render_quiz_answers)
    theme = named_theme("modern")
    fresh = [render(treaty, theme, None, BuildSession()) for render in renderers]
    shared = BuildSession()
    for render in renderers:
        render(other, theme, None, shared)
    for _ in range(2):  # the second time, every paragraph's lines were kept the first
        assert [render(treaty, theme, None, shared) for render in renderers] == fresh


def test_the_timelines_own_event_is_set_in_one_bold_style_of_the_look_so_its_parse_is_shared() -> None:
    from guide.render.pdf.inline import literal
    from guide.render.pdf.styles import build_styles
    from guide.render.pdf.timescale import _labels

    treaty, theme, session = load_topic(TREATY).topic, named_theme("modern"), BuildSession()
    look = build_styles(theme, session, "en")
    labels = theme.labels_for("en")
    labelled = [_labels(treaty.timeline, labels.date, look, treaty.date, literal) for _ in range(2)]
    (own, _, events), (_, _, again) = labelled
    assert own is not None
    assert events[own].style is again[own].style is look.timeline_highlight
    assert events[own].frags[0].fontName == look.body_fonts.bold
    assert {event.style.fontName for index, event in enumerate(events) if index != own} == {look.body_fonts.regular}
