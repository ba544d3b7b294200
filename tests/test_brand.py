"""A Quarto/Posit _brand.yml serves as a theme: palette, semantic colours, typography and logo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from guide.errors import InputError
from guide.fonts import BUNDLED_FAMILIES
from guide.load import named_theme
from tests.conftest import ROOT, TREATY, run_cli

BRAND = """\
meta:
  name: {full: Example University, short: EU}
  link: https://example.edu
logo:
  images:
    wide: {path: logo.png, alt: Example University}
  small: logo.png
  medium: wide
color:
  palette:
    forest: "#1B4D3E"
    ink: "#1A1A1A"
    ember: "#B34700"
  primary: forest
  foreground: ink
  background: "#FFFFFF"
  secondary: "#5A5A5A"
  warning: ember
typography:
  fonts:
    - family: Campus Serif
      source: file
      files:
        - {path: fonts/campus-regular.ttf, weight: 400}
        - {path: fonts/campus-bold.ttf, weight: bold}
        - {path: fonts/campus-italic.ttf, style: italic}
  base: {family: Campus Serif, line-height: 1.4}
  headings: Carlito
  monospace: Fira Code
defaults:
  quarto: {format: {html: {toc: true}}}
"""


@pytest.fixture
def brand_project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    serif = BUNDLED_FAMILIES["Liberation Serif"]
    (tmp_path / "fonts").mkdir()
    for face, name in ((serif.regular, "regular"), (serif.bold, "bold"), (serif.italic, "italic")):
        shutil.copy(face, tmp_path / "fonts" / f"campus-{name}.ttf")
    shutil.copy(ROOT / "source" / "images" / "example-university-logo.png", tmp_path / "logo.png")
    (tmp_path / "_brand.yml").write_text(BRAND, encoding="utf-8")
    return tmp_path


def test_a_brand_file_maps_onto_colours_fonts_and_logo(brand_project: Path) -> None:
    theme = named_theme(str(brand_project / "_brand.yml"))
    colors = theme.colors
    assert (colors.primary, colors.text, colors.background, colors.muted, colors.accent) == (
        "#1B4D3E",
        "#1A1A1A",
        "#FFFFFF",
        "#5A5A5A",
        "#B34700",
    )
    assert theme.description == "brand.yml of Example University"
    assert theme.heading_font == BUNDLED_FAMILIES["Carlito"]
    body = theme.body_font
    assert (body.name, body.regular.name, body.bold.name, body.italic.name, body.bold_italic.name) == (
        "Campus Serif",
        "campus-regular.ttf",
        "campus-bold.ttf",
        "campus-italic.ttf",
        "campus-bold.ttf",
    )
    assert theme.logo == (brand_project / "logo.png").resolve()


def test_a_brand_file_builds_both_outputs(brand_project: Path) -> None:
    status, _, err = run_cli(TREATY, "--theme", brand_project / "_brand.yml", "--out", brand_project / "out", "-q")
    assert status == 0, err
    assert sorted(path.name for path in (brand_project / "out").iterdir())[-1] == "treaty-of-berlin-1926.pptx"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("primary: forest", "primary: rgb(1, 2, 3)"), "_brand.yml:14:3: color.primary: unknown colour 'rgb(1, 2, 3)'"),
        (("source: file", "source: google"), "_brand.yml:22:7: typography.fonts[0].source: fonts from 'google' need the network"),
        (
            ("fonts/campus-bold.ttf", "fonts/missing.ttf"),
            "_brand.yml:25:11: typography.fonts[0].files[1]: file 'fonts/missing.ttf' not found",
        ),
        (("headings: Carlito", "headings: Papyrus"), "_brand.yml:28:3: typography.headings: font family 'Papyrus' is not bundled"),
    ],
)
def test_brand_problems_point_at_the_brand_files_own_keys(brand_project: Path, change: tuple[str, str], message: str) -> None:
    path = brand_project / "_brand.yml"
    path.write_text(BRAND.replace(*change), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        named_theme(str(path))
    assert any(message in str(problem).replace(str(brand_project) + "/", "") for problem in caught.value.problems), caught.value
