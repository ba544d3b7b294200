"""The paragraph's own line breaker gives exactly reportlab's lines, words, measures and word list, or leaves the work to reportlab."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.abag import ABag
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as PlainParagraph

from guide.hyphenation import Hyphenator
from guide.load import named_theme
from guide.render.pdf.internals import Paragraph, break_words, one_run_only, runs_only
from guide.render.pdf.styles import build_styles
from guide.session import BuildSession

WORDS = (
    "a", "the", "of", "Treaty", "Berlin,", "1926.", "(neutrality)", "“quoted”", "non-aggression", "Rapallo;",
    "incomprehensibilities", "counterrevolutionaries", "internationalisation", "Nichtangriffspakt", "Stresemann’s",
    "https://example.org/a/long/address/of/many/parts", "mail@example.org", "x" * 60, "déjà", "Übereinkommen",
)  # fmt: skip
"""Short and long words, names, numbers, punctuation, URLs and a word longer than any line."""
INLINE = ("{}", "<b>{}</b>", "<i>{}</i>", "<b><i>{}</i></b>", '<font color="#c8102e">{}</font>', "<super>{}</super>",
          '<a href="https://example.org/x" color="#1F3A5F"><u>{}</u></a>')  # fmt: skip
"""How a stretch of words is set: reportlab makes one run of text per stretch."""

LOOK = build_styles(named_theme("classic"), BuildSession(), "en")


@st.composite
def texts(draw: st.DrawFn) -> str:
    """Paragraph markup of two or more runs of text."""
    stretches = draw(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), min_size=2, max_size=6))
    forms = draw(st.lists(st.sampled_from(INLINE), min_size=len(stretches), max_size=len(stretches)))
    spaces = draw(st.lists(st.sampled_from(("", " ")), min_size=len(stretches), max_size=len(stretches)))
    first = draw(st.sampled_from(INLINE[1:]))  # a run of its own, whatever follows
    runs = (form.format(" ".join(words)) + space for form, words, space in zip(forms, stretches, spaces, strict=True))
    return first.format("Word ") + "".join(runs)


@st.composite
def styles(draw: st.DrawFn) -> ParagraphStyle:
    """The sheet's body style with what changes reportlab's breaking drawn at random."""
    return ParagraphStyle(
        "drawn",
        parent=draw(st.sampled_from((LOOK.body, LOOK.side, LOOK.bullet, LOOK.question, LOOK.quote))),
        hyphenationLang=draw(st.sampled_from((Hyphenator("en_GB", BuildSession()), Hyphenator("de_DE", BuildSession()), ""))),  # type: ignore[arg-type]  # a callable too
        uriWasteReduce=draw(st.sampled_from((0, 0.3))),
        embeddedHyphenation=draw(st.sampled_from((0, 1, 2))),
        spaceShrinkage=draw(st.sampled_from((0, 0.05))),
        splitLongWords=draw(st.booleans()),
        justifyBreaks=draw(st.booleans()),
        firstLineIndent=draw(st.sampled_from((0, 12, -6))),
    )


def described(value: Any) -> Any:
    """Everything of a result of line breaking, down to each word's class and attributes, as plain values to compare."""
    if isinstance(value, ABag):
        return type(value).__name__, sorted((name, described(item)) for name, item in vars(value).items())
    if isinstance(value, list | tuple):
        return type(value).__name__, [described(item) for item in value]
    return type(value).__name__, repr(value)


def broken(paragraph: PlainParagraph, widths: list[float], breaker: Any) -> Any:
    """What ``breaker`` returns for ``paragraph`` and sets on it: its lines, its word list, its widest line and its counts."""
    lines = breaker(paragraph, widths)
    measured = vars(paragraph)
    state = (measured["_width_max"], measured["_hyphenations"], measured["_splitLongWordCount"])
    return described(lines), described(paragraph.frags), state, widths


def both(paragraph: Paragraph, width: float) -> tuple[Any, Any]:
    """``paragraph`` broken at ``width`` by its own breaker and, from a copy of its words, by reportlab's."""
    twin = copy.copy(paragraph)
    twin.frags = copy.deepcopy(paragraph.frags)
    assert runs_only(paragraph)
    return broken(paragraph, [width, width + 3.0], Paragraph.breakLines), broken(twin, [width, width + 3.0], PlainParagraph.breakLines)


@settings(max_examples=60, deadline=None)
@given(texts(), styles(), st.floats(20, 400), st.sampled_from((None, "•", "12.")))
def test_a_paragraph_of_runs_breaks_into_reportlab_s_lines(text: str, style: ParagraphStyle, width: float, bullet: str | None) -> None:
    mine, reportlab_s = both(Paragraph(text, style, bulletText=bullet), width)
    assert mine == reportlab_s


@settings(max_examples=30, deadline=None)
@given(texts(), styles(), st.floats(60, 400), st.integers(1, 6), st.floats(20, 400))
def test_the_rest_of_a_split_paragraph_breaks_into_reportlab_s_lines(
    text: str, style: ParagraphStyle, width: float, lines: int, other: float
) -> None:
    """A split's second part holds the words as first broken (some split at a hyphen): broken again, at another width too."""
    paragraph = Paragraph(text, style)
    paragraph.wrap(width, 10_000)
    parts = paragraph.split(width, lines * style.leading + 0.5)
    if len(parts) == 2:
        for rest_width in (width, other):
            mine, reportlab_s = both(parts[1], rest_width)
            assert mine == reportlab_s


@st.composite
def one_run_texts(draw: st.DrawFn) -> str:
    """Paragraph markup of one run of text: words alone or joined by no-break spaces, set alike."""
    words = draw(st.lists(st.sampled_from((*WORDS, "1926\xa0BC", "p.\xa012", "10\xa0000")), min_size=1, max_size=40))
    form = draw(st.sampled_from(("{}", "<b>{}</b>", "<i>{}</i>", '<font color="#c8102e">{}</font>')))
    return form.format(" ".join(words))


@settings(max_examples=60, deadline=None)
@given(one_run_texts(), styles(), st.floats(20, 400), st.sampled_from((None, "•", "12.")), st.sampled_from((0.05, 0.3)))
def test_a_paragraph_of_one_run_breaks_into_reportlab_s_lines(
    text: str, style: ParagraphStyle, width: float, bullet: str | None, shrinkage: float
) -> None:
    """Spaces shrink more here than in the sheet's styles, so that more lines end where they may."""
    style.spaceShrinkage = shrinkage
    paragraph = Paragraph(text, style, bulletText=bullet)
    twin = copy.copy(paragraph)
    twin.frags = copy.deepcopy(paragraph.frags)
    assert one_run_only(paragraph)
    widths = [width, width + 3.0]
    assert broken(paragraph, list(widths), break_words) == broken(twin, list(widths), PlainParagraph.breakLines)


def test_a_paragraph_with_what_the_fast_breaker_leaves_alone_is_broken_by_reportlab() -> None:
    """A soft hyphen, a line break, an inline mark or a lone run: reportlab's own breaker breaks it, as before."""
    for text in ("Incompre\xadhensibilities <b>of</b> it", "A line<br/>and <b>another</b>", 'A <onDraw name="x"/> <b>mark</b>', "one run"):
        paragraph = Paragraph(text, LOOK.body)
        assert not runs_only(paragraph)
        assert not one_run_only(paragraph) or text == "one run"
        twin = copy.copy(paragraph)
        twin.frags = copy.deepcopy(paragraph.frags)
        assert broken(paragraph, [40.0, 40.0], Paragraph.breakLines) == broken(twin, [40.0, 40.0], PlainParagraph.breakLines)
    assert runs_only(Paragraph("Two <b>runs</b>", LOOK.body))
    assert not one_run_only(Paragraph("Incompre\xadhensibilities", LOOK.body))
