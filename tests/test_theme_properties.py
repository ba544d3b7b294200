"""Any theme file resolves to a complete theme or to file:line problems; a valid one renders."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from pypdf import PdfReader

from guide.colors import HEX_COLOR
from guide.errors import InputError
from guide.load import load_topic, named_theme
from guide.render.pdf import render_study_sheet
from tests.conftest import TREATY
from tests.strategies import theme_files

TOPIC = load_topic(TREATY).topic


def written(folder: Path, data: dict[str, Any]) -> Path:
    path = folder / "theme.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True) if data else "{}\n", encoding="utf-8")
    return path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=theme_files)
def test_a_theme_file_resolves_completely_or_reports_its_lines(tmp_path: Path, data: dict[str, Any]) -> None:
    path = written(tmp_path, data)
    try:
        theme = named_theme(str(path))
    except InputError as error:
        assert error.problems
        assert all(problem.path == str(path) and problem.line >= 1 for problem in error.problems), error
        return
    colors = vars(theme.colors)
    assert all(HEX_COLOR.fullmatch(value) and value == value.upper() and len(value) == 7 for value in colors.values()), colors
    assert theme.page_size in ("a4", "letter") and 8 <= theme.margin_mm <= 40
    assert theme.labels_for("en").page_of(1, 2)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=theme_files)
def test_a_valid_theme_renders_the_treaty(tmp_path: Path, data: dict[str, Any]) -> None:
    try:
        theme = named_theme(str(written(tmp_path, data)))
    except InputError:
        return
    reader = PdfReader(io.BytesIO(render_study_sheet(TOPIC, theme)))
    assert len(reader.pages) >= 1
    assert TOPIC.title in reader.pages[0].extract_text()
