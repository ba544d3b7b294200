"""A document's objects written directly are the bytes reportlab writes for them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from guide.load import load_topic, named_theme
from guide.render.pdf import render_answer_key, render_study_sheet, tagged_canvas
from guide.render.pdf.quiz_paper import render_quiz
from guide.session import BuildSession
from tests.conftest import TREATY


@pytest.mark.parametrize("render", [render_study_sheet, render_answer_key, render_quiz], ids=lambda render: render.__name__)
def test_a_document_written_directly_is_what_reportlab_writes(monkeypatch: pytest.MonkeyPatch, render: Callable[..., bytes]) -> None:
    topic, theme = load_topic(TREATY).topic, named_theme("classic")
    direct = render(topic, theme, session=BuildSession())
    monkeypatch.setattr(tagged_canvas, "write_objects_directly", lambda canvas: None)
    assert render(topic, theme, session=BuildSession()) == direct
