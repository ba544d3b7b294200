"""Which drawing is worth a marked-content sequence: a sequence that only sets the graphics state is taken back."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from guide.render.pdf.tagged_canvas import STATE_OPERATORS, draws_nothing

OPERANDS = st.sampled_from(["0", "1", "12.5", "-3", "/F1+0", "/GS1", "(text)", "(two words)", "[ 1 2 ]", "<<>>"])
DRAWING = ["BT", "ET", "Tj", "TJ", "T*", "Tf", "TL", "Td", "Tm", "re", "f", "S", "m", "l", "Do"]
OPERATORS = st.sampled_from([*sorted(STATE_OPERATORS), *DRAWING])
LINES = st.lists(st.one_of(OPERANDS, OPERATORS), max_size=8).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINES, max_size=6))
@example(["q", "1 0 0 1 20 700 cm", "BT /F1+0 10 Tf 12 TL (a q b) Tj T* ET", "Q"])
@example(["q", "0.5 g", "Q", ""])
@example(["(Q) Tj re 1 0 0 1 0 0 cm"])
def test_a_sequence_draws_nothing_when_every_bare_word_in_it_sets_the_graphics_state(lines: list[str]) -> None:
    words = [word for line in lines for word in line.split() if word.isalpha()]
    assert draws_nothing(lines) == all(word in STATE_OPERATORS for word in words)
