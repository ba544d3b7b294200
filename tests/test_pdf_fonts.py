"""Subsets kept from one PDF to the next: every PDF is the bytes it would be if it were the first."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from guide.load import load_topic, named_theme
from guide.model import Topic
from guide.render.pdf import fonts, render_answer_key, render_study_sheet
from guide.session import BuildSession
from guide.theme import Theme
from tests.conftest import TREATY
from tests.strategies import topics

THEME = named_theme()
TREATY_TOPIC = load_topic(TREATY).topic


def kept_fonts() -> Iterator[fonts.SubsetKeepingFont]:
    for family in (THEME.heading_font, THEME.body_font):
        names = fonts.register(family, BuildSession())
        for name in (names.regular, names.bold, names.italic, names.bold_italic):
            font = pdfmetrics.getFont(name)
            assert isinstance(font, fonts.SubsetKeepingFont)
            yield font


def first_sheet(topic: Topic) -> bytes:
    """The study sheet as a fresh process renders it: no subset kept."""
    for font in kept_fonts():
        font._kept.clear()
    return render_study_sheet(topic, THEME)


def generated(folder: Path, data: dict[str, Any]) -> Topic:
    path = folder / "generated.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_topic(path).topic


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=topics())
def test_sheets_after_other_documents_are_the_sheets_a_fresh_process_makes(tmp_path: Path, data: dict[str, Any]) -> None:
    topic = generated(tmp_path, data)
    expected = [first_sheet(topic), first_sheet(TREATY_TOPIC)]
    render_answer_key(topic, THEME)
    assert [render_study_sheet(one, THEME) for one in (topic, TREATY_TOPIC)] == expected


def fresh(render: Callable[..., bytes], topic: Topic, theme: Theme) -> bytes:
    """What ``render`` makes as a fresh process would: in a session of its own, with no face keeping a subset."""
    for name in pdfmetrics.getRegisteredFontNames():
        font = pdfmetrics.getFont(name)
        if isinstance(font, fonts.SubsetKeepingFont):
            font._kept.clear()
    return render(topic, theme, session=BuildSession())


def test_documents_of_one_session_in_several_themes_are_each_what_a_fresh_process_makes() -> None:
    """A course's build: one session makes keys and sheets of other looks in turn, sharing styles, parsed texts and subsets."""
    variant = TREATY_TOPIC.__class__(**{**TREATY_TOPIC.__dict__, "title": "Der Berliner Vertrag — Ωμέγα, Жж"})
    jobs = [(render_answer_key, variant, "modern"), (render_study_sheet, TREATY_TOPIC, "print"), (render_study_sheet, variant, "classic")]
    jobs += [(render_study_sheet, TREATY_TOPIC, "modern"), (render_answer_key, TREATY_TOPIC, "classic")]
    session = BuildSession()
    together = [render(topic, named_theme(name), session=session) for render, topic, name in jobs]
    assert together == [fresh(render, topic, named_theme(name)) for render, topic, name in jobs]


def test_kept_subsets_are_used_and_bounded() -> None:
    first_sheet(TREATY_TOPIC)
    kept = {font.fontName: dict(font._kept) for font in kept_fonts()}
    again = render_study_sheet(TREATY_TOPIC, THEME)
    for font in kept_fonts():
        assert all(font._kept[key] is streams for key, streams in kept[font.fontName].items())  # reused, not remade
    reader = PdfReader(io.BytesIO(again))
    assert "Treaty of Berlin" in reader.pages[0].extract_text()
    for number in range(3 * fonts.KEPT_SUBSETS):
        render_answer_key(TREATY_TOPIC.__class__(**{**TREATY_TOPIC.__dict__, "title": f"Variant {chr(0x100 + number)}"}), THEME)
    assert all(len(font._kept) <= fonts.KEPT_SUBSETS for font in kept_fonts())
    assert render_study_sheet(TREATY_TOPIC, THEME) == again


def test_kept_subsets_embed_as_reportlab_embeds_a_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """Against reportlab's own TTFont: the same objects in the same order, so a new reportlab that embeds otherwise shows here."""
    ours = render_study_sheet(TREATY_TOPIC, THEME)
    with_reportlabs_fonts(monkeypatch)
    assert render_study_sheet(TREATY_TOPIC, THEME) == ours


def with_reportlabs_fonts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Register reportlab's own TTFont for each face, from the same bytes, so that the next documents are drawn with it: their names."""
    kept = list(kept_fonts())
    for font in kept:
        plain = TTFont(font.fontName, font.face.filename)
        plain.digest = font.digest  # read from the same bytes: registering the family again keeps it
        monkeypatch.setitem(pdfmetrics._fonts, font.fontName, plain)
    return [font.fontName for font in kept]


MANY_CHARACTERS = "".join(chr(code) for code in range(0x100, 0x17F)) + "\u00a0".join(chr(code) for code in range(0x391, 0x3C9))
"""Characters of a second subset: more than the first's 224 codes beyond ASCII, and no-break spaces among them."""


def test_kept_subsets_embed_many_characters_as_reportlab_embeds_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document whose text runs into a second subset, with no-break spaces: the same bytes as with reportlab's own TTFont."""
    variant = TREATY_TOPIC.__class__(**{**TREATY_TOPIC.__dict__, "title": f"Ähnlich {MANY_CHARACTERS}", "summary": MANY_CHARACTERS})
    ours = render_study_sheet(variant, THEME)
    names = with_reportlabs_fonts(monkeypatch)
    assert render_study_sheet(variant, THEME) == ours
    assert not any(isinstance(pdfmetrics.getFont(name), fonts.SubsetKeepingFont) for name in names)  # drawn with reportlab's
    assert b"/BaseFont /AAAAAB+" in ours  # a second subset was embedded


class _Document:
    """Something a face keeps a document's subsets under, as it keeps them under reportlab's document."""


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x3FF)), max_size=12))
@example([MANY_CHARACTERS, "Treaty", MANY_CHARACTERS[::-1], "", "\u00a0a"])
def test_text_is_split_into_subsets_as_reportlab_splits_it(texts: list[str]) -> None:
    """Each run of text in a document comes out in the same subsets and codes as reportlab's own TTFont gives, in any order."""
    face = next(kept_fonts())
    plain = TTFont("Plain", face.face.filename)
    ours, theirs = _Document(), _Document()
    assert [face.splitString(text, ours) for text in texts * 2] == [plain.splitString(text, theirs) for text in texts * 2]


def test_a_face_is_read_when_a_document_first_uses_it_and_keeps_its_bold_and_italic() -> None:
    """Reading a face costs milliseconds and a sheet uses five of eight: each is read on first use, its runs' faces unchanged."""
    from dataclasses import replace

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph

    family = replace(THEME.body_font, name="Read When Used")
    names = fonts.register(family, BuildSession())
    faces = (names.regular, names.bold, names.italic, names.bold_italic)
    assert not set(faces) & set(pdfmetrics.getRegisteredFontNames())
    assert stringWidth("Treaty", names.regular, 10) > 0
    assert set(faces) & set(pdfmetrics.getRegisteredFontNames()) == {names.regular}
    # Read, a face must not map its own bold and italic to itself, as reportlab's registration would.
    runs = Paragraph("a <b>b</b> <i>c</i> <b><i>d</i></b>", ParagraphStyle("p", fontName=names.regular)).frags
    assert [(run.text.strip(), run.fontName) for run in runs if run.text.strip()] == [
        ("a", names.regular),
        ("b", names.bold),
        ("c", names.italic),
        ("d", names.bold_italic),
    ]
    assert stringWidth("Treaty", names.bold, 10) > stringWidth("Treaty", names.regular, 10)
    italic_in_bold = Paragraph("<i>e</i>", ParagraphStyle("q", fontName=names.bold)).frags
    assert [run.fontName for run in italic_in_bold] == [names.bold_italic]


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x3FF), max_size=40), st.sampled_from([8, 9.5, 11])), max_size=10
    )
)
@example([(MANY_CHARACTERS, 9.5), ("Treaty", 9.5), (MANY_CHARACTERS[::-1], 11), ("", 8), ("\u00e9", 8)])
def test_a_paragraphs_text_object_shows_text_as_reportlabs_does(runs: list[tuple[str, float]]) -> None:
    """The operators our text object writes for each run of text, in a size of its own, are reportlab's, subset switches and all."""
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.pdfgen.textobject import PDFTextObject

    from guide.render.pdf.internals import SpacedLines

    name = fonts.register(THEME.body_font, BuildSession()).regular
    ours, theirs = SpacedLines(Canvas(io.BytesIO())), PDFTextObject(Canvas(io.BytesIO()))
    ours.setFont(name, 10)
    theirs.setFont(name, 10)
    for text, size in runs:
        if size != ours._fontsize:  # a run in another size; one in the same goes on in the subset the last ended in
            ours.setFont(name, size)
            theirs.setFont(name, size)
        assert ours._formatText(text) == theirs._formatText(text)
