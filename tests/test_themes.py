"""Themes: built-ins that look different in both outputs, theme files, extends, errors, contrast."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageChops
from pptx import Presentation
from pptx.enum.dml import MSO_FILL_TYPE
from pypdf import PdfReader

from guide.fonts import BUNDLED_FAMILIES
from guide.load import ThemeChain, load_theme, named_theme
from tests.conftest import ROOT, TREATY, run_cli
from tests.deckread import deck_fonts_and_colors
from tests.pdfread import fill_colors, filled_areas, fonts_of

BUILT_INS = ("classic", "modern", "print")
A4_AREA = 595 * 842


@pytest.fixture(scope="module")
def themed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The treaty built once with each built-in theme: {theme: output folder}."""
    folders = {}
    for name in BUILT_INS:
        out = tmp_path_factory.mktemp(name)
        status, _, err = run_cli(TREATY, "--theme", name, "--out", out, "-q")
        assert status == 0, err
        folders[name] = out
    return folders


def looks(folder: Path) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(PDF fonts, PDF colours, deck fonts, deck colours) of a built treaty."""
    reader = PdfReader(folder / "treaty-of-berlin-1926.pdf")
    deck_fonts, deck_colors = deck_fonts_and_colors(Presentation(folder / "treaty-of-berlin-1926.pptx"))
    pdf_fonts = frozenset(name.split("+")[-1].split("-")[0] for name in fonts_of(reader))
    return pdf_fonts, frozenset(fill_colors(reader)), frozenset(deck_fonts), frozenset(deck_colors)


def test_list_themes_prints_each_built_in_with_a_description() -> None:
    status, out, _ = run_cli("--list-themes")
    assert status == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == list(BUILT_INS)
    assert all(len(line.split(maxsplit=1)[1]) > 20 for line in lines)


@pytest.mark.parametrize("name", BUILT_INS)
def test_each_built_in_theme_shows_its_colours_and_fonts_in_both_outputs(themed: dict[str, Path], name: str) -> None:
    theme = named_theme(name)
    pdf_fonts, pdf_colors, deck_fonts, deck_colors = looks(themed[name])
    assert theme.colors.primary in pdf_colors and theme.colors.primary in deck_colors
    assert theme.colors.text in pdf_colors and theme.colors.text in deck_colors
    assert {theme.heading_font.name.replace(" ", ""), theme.body_font.name.replace(" ", "")} <= pdf_fonts
    assert deck_fonts == {theme.heading_font.office_name}


def test_the_built_in_themes_differ_from_each_other_in_both_outputs(themed: dict[str, Path]) -> None:
    seen = [looks(themed[name]) for name in BUILT_INS]
    for part in range(4):
        assert len({look[part] for look in seen}) == len(BUILT_INS), f"part {part} is the same in two themes"


def test_print_theme_fills_no_large_areas_while_classic_does(themed: dict[str, Path]) -> None:
    def largest_coloured_fill(folder: Path) -> float:
        reader = PdfReader(folder / "treaty-of-berlin-1926.pdf")
        areas = [area for page in range(len(reader.pages)) for color, area in filled_areas(reader, page) if color != "#FFFFFF"]
        return max(areas, default=0.0)

    assert largest_coloured_fill(themed["classic"]) > 0.05 * A4_AREA
    assert largest_coloured_fill(themed["print"]) < 0.01 * A4_AREA
    for name, filled in (("classic", True), ("print", False)):
        cover = Presentation(themed[name] / "treaty-of-berlin-1926.pptx").slides[0]
        assert (cover.background.fill.type == MSO_FILL_TYPE.SOLID) == filled


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project folder (a pyproject.toml marks its root) with the treaty topic in it."""
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    shutil.copytree(TREATY.parent, tmp_path / "source", ignore=shutil.ignore_patterns("courses", "themes"))
    return tmp_path


def test_a_theme_of_its_own_fonts_and_logo_reaches_both_outputs(project: Path) -> None:
    carlito = BUNDLED_FAMILIES["Carlito"]
    for face in ("regular", "bold"):
        (project / "fonts").mkdir(exist_ok=True)
        shutil.copy(getattr(carlito, face), project / "fonts" / f"CourseSans-{face}.ttf")
    shutil.copy(ROOT / "source" / "images" / "example-university-logo.png", project / "logo.png")
    theme = write(
        project,
        "course.yaml",
        "fonts:\n  heading: {family: Course Sans, regular: fonts/CourseSans-regular.ttf, bold: fonts/CourseSans-bold.ttf}\n"
        "logo: logo.png\n",
    )
    out = project / "out"
    status, _, err = run_cli(project / "source" / "treaty-of-berlin-1926.yaml", "--theme", theme, "--out", out, "-q")
    assert status == 0, err
    reader = PdfReader(out / "treaty-of-berlin-1926.pdf")
    assert any("Carlito" in name for name in fonts_of(reader))
    assert all(fonts_of(reader).values())
    page_one = [image.get_object() for image in reader.pages[0]["/Resources"]["/XObject"].values()]
    logo_size = (560, 200)
    assert [(image["/Width"], image["/Height"]) for image in page_one if image["/Subtype"] == "/Image"].count(logo_size) == 1
    deck = Presentation(out / "treaty-of-berlin-1926.pptx")
    fonts, _ = deck_fonts_and_colors(deck)
    assert fonts == {"Course Sans"}
    assert [shape.name for shape in deck.slides[0].shapes if shape.shape_type == 13] == ["Logo"]


def test_extends_chains_apply_in_order_and_palette_names_carry_down(project: Path) -> None:
    write(project, "themes/base.yaml", 'extends: modern\npalette: {brand: "#123456"}\ncolors: {accent: brand}\npage: {size: letter}\n')
    child = write(project, "themes/child.yaml", 'extends: base.yaml\ncolors: {primary: brand, text: "#000"}\n')
    theme = named_theme(str(child))
    assert theme.name == "child"
    assert (theme.colors.primary, theme.colors.accent, theme.colors.text) == ("#123456", "#123456", "#000000")
    assert theme.page_size == "letter"
    assert theme.heading_font.name == "Carlito"  # from modern, two steps up


def test_the_command_line_theme_goes_over_the_course_theme_over_the_built_in(project: Path) -> None:
    course = write(project, "course.yaml", 'colors: {primary: "#111111", accent: "#222222"}\n')
    command_line = write(project, "override.yaml", 'colors: {accent: "#333333"}\n')
    loaded = load_theme(ThemeChain().named(str(course)), ThemeChain().named(str(command_line)))
    colors = loaded.theme.colors
    assert (colors.primary, colors.accent, colors.text) == ("#111111", "#333333", named_theme().colors.text)


THEME_ERRORS = [
    ("colours: {primary: red}\n", "theme.yaml:1:1: colours: unknown key 'colours'; did you mean 'colors'?"),
    (
        'colors: {primary: "#12345"}\n',
        "theme.yaml:1:10: colors.primary: '#12345' is not a colour; write #RGB or #RRGGBB, or a palette name",
    ),
    (
        "colors: {primary: teal}\n",
        "theme.yaml:1:10: colors.primary: unknown colour 'teal': the palette has navy, red, ink, slate; or write #RRGGBB",
    ),
    ('palette: {navy: "blue"}\n', "theme.yaml:1:11: palette.navy: 'blue' is not a colour; write #RGB or #RRGGBB"),
    ("fonts: {body: {family: Comic Sans}}\n", "theme.yaml:1:9: fonts.body: font family 'Comic Sans' is not bundled"),
    ("fonts: {body: {family: X, regular: x.ttf, bold: x.ttf}}\n", "theme.yaml:1:27: fonts.body.regular: file 'x.ttf' not found"),
    (
        "fonts: {body: {family: X, regular: bad.ttf, bold: bad.ttf}}\n",
        "fonts.body.regular: 'bad.ttf' is not a TrueType font that can be embedded",
    ),
    ("fonts: {body: {family: X, regular: bad.ttf}}\n", "theme.yaml:1:9: fonts.body: the bold face is missing"),
    ("logo: missing.png\n", "theme.yaml:1:1: logo: file 'missing.png' not found"),
    ("logo: bad.ttf\n", "theme.yaml:1:1: logo: 'bad.ttf' is not a PNG or JPEG image"),
    ("logo: ../../etc/passwd\n", "theme.yaml:1:1: logo: '../../etc/passwd' is outside the project folder"),
    ("slides: {template: logo.png}\n", "theme.yaml:1:10: slides.template: 'logo.png' is not a PowerPoint template (.pptx or .potx)"),
    ("slides: {template: broken.pptx}\n", "theme.yaml:1:10: slides.template: 'broken.pptx' is not a readable PowerPoint file"),
    ("slides: {layouts: {contents: X}}\n", "theme.yaml:1:20: slides.layouts.contents: unknown key 'contents'; did you mean 'content'?"),
    ("slides: {aspect: '21:9'}\n", "theme.yaml:1:10: slides.aspect: must be '16:9' or '4:3', got '21:9'"),
    ("page: {size: a5, margin_mm: 2}\n", "theme.yaml:1:8: page.size: must be 'a4' or 'letter', got 'a5'"),
    ("page: {margin_mm: 2}\n", "theme.yaml:1:8: page.margin_mm: must be between 8 and 40, got 2"),
    ("labels: {key_fact: Facts}\n", "theme.yaml:1:10: labels.key_fact: unknown key 'key_fact'; did you mean 'key_facts'?"),
    ("labels: {page_of: 'Page {n}'}\n", "theme.yaml:1:10: labels.page_of: may hold only {page} and {pages}"),
    ("extends: fancy\n", "theme.yaml:1:1: extends: 'fancy' is neither a built-in theme (classic, modern, print) nor a theme file"),
    ("extends: theme.yaml\n", "theme.yaml:1:1: extends: themes extend each other in a circle: theme.yaml -> theme.yaml"),
    ("labels: {key_facts: Facts ✅}\n", "theme.yaml:1:10: labels.key_facts: '✅' (U+2705) cannot be printed with Liberation Sans"),
    ("fills: sometimes\n", "theme.yaml:1:1: fills: expected true or false, got 'sometimes'"),
    ("- just a list\n", "theme.yaml:1:1: a theme must be a mapping of keys"),
]


@pytest.mark.parametrize(("text", "message"), THEME_ERRORS, ids=[message.split(": ")[1] for _, message in THEME_ERRORS])
def test_every_theme_error_names_file_line_and_field(project: Path, text: str, message: str) -> None:
    write(project, "bad.ttf", "not a font")
    (project / "broken.pptx").write_bytes(b"PK\x03\x04 not really a zip")
    shutil.copy(ROOT / "source" / "images" / "example-university-logo.png", project / "logo.png")
    theme = write(project, "theme.yaml", text)
    out = project / "out"
    status, _, err = run_cli(project / "source", "--theme", theme, "--out", out)
    assert status == 2
    assert message in err.replace(str(project) + "/", "")
    assert not out.exists()


def test_a_theme_that_is_not_there_is_a_usage_error(project: Path) -> None:
    status, _, err = run_cli(project / "source", "--theme", "nonesuch", "--out", project / "out")
    assert status == 2
    assert err.startswith("--theme: 'nonesuch' is neither a built-in theme (classic, modern, print) nor a theme file")


def test_poor_contrast_warns_and_strict_makes_it_an_error(project: Path) -> None:
    theme = write(project, "pale.yaml", 'colors: {muted: "#BBBBBB"}\n')
    out = project / "out"
    status, _, err = run_cli(project / "source", "--theme", theme, "--out", out, "-q")
    expected = "pale.yaml:1:10: colors.muted: warning: muted #BBBBBB on background #FFFFFF has contrast 1.9:1, below the 4.5:1"
    assert status == 0
    assert expected in err
    assert (out / "treaty-of-berlin-1926.pdf").exists()
    status, _, err = run_cli(project / "source", "--theme", theme, "--out", project / "strict", "--strict", "-q")
    assert status == 2
    assert expected in err
    assert not (project / "strict").exists()


@pytest.mark.parametrize(
    ("colors", "expected"),
    [
        (
            '{tint: "#9CA3AF"}',
            "pale.yaml:1:10: colors.tint: warning: text #222222 on tint #9CA3AF has contrast 6.3:1",
        ),
        (
            '{tint: "#5B6B80"}',
            "pale.yaml:1:10: colors.tint: warning: text #222222 on tint #5B6B80 has contrast 2.9:1, below the 4.5:1 that WCAG AA"
            " asks for text in tinted boxes and cards",
        ),
        (
            '{primary: "#3B82F6", background: "#FFFFFF"}',
            "pale.yaml:1:10: colors.primary: warning: on_fill #FFFFFF on primary #3B82F6 has contrast 3.7:1, below the 4.5:1"
            " that WCAG AA asks for titles, numbers and names on the primary colour",
        ),
    ],
    ids=["passes", "text-on-tint", "text-on-primary"],
)
def test_text_on_the_tint_and_on_the_primary_colour_is_checked_for_contrast(project: Path, colors: str, expected: str) -> None:
    theme = write(project, "pale.yaml", f"colors: {colors}\n")
    status, _, err = run_cli(project / "source", "--theme", theme, "--check", "--strict", "-q")
    if "6.3:1" in expected:
        assert (status, err) == (0, "")
        return
    assert status == 2
    assert expected in err.replace(str(project) + "/", "")


@pytest.mark.parametrize("name", BUILT_INS)
def test_built_in_themes_meet_wcag_aa(name: str) -> None:
    status, _, err = run_cli(TREATY, "--theme", name, "--check", "--strict", "-q")
    assert (status, err) == (0, "")


INVALID_THEMES = sorted((Path(__file__).parent / "invalid" / "themes").glob("*.yaml"))


@pytest.mark.parametrize("path", INVALID_THEMES, ids=lambda path: path.stem)
def test_invalid_theme_gives_its_exact_messages(path: Path, tmp_path: Path) -> None:
    """Each file under tests/invalid/themes/ fails with exactly the messages its '# expect:' lines give."""
    status, _, err = run_cli(TREATY, "--theme", path, "--out", tmp_path, "--check", "-q")
    assert status == 2
    expected = [line.removeprefix("# expect: ") for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# expect: ")]
    assert expected
    assert sorted(line.removeprefix(f"{path}:") for line in err.splitlines()) == sorted(expected)
    assert not any(tmp_path.iterdir())


def pictures_of(pdf: Path) -> list[Image.Image]:
    """Every picture a PDF embeds, decoded."""
    with pikepdf.open(pdf) as document:
        return [pikepdf.PdfImage(image).as_pil_image() for page in document.pages for image in page.get_images().values()]


def in_grey(picture: Image.Image) -> bool:
    """Whether a picture has no colour: one channel, or red, green and blue alike in every pixel."""
    if picture.mode in ("L", "LA", "1"):
        return True
    red, green, blue = picture.convert("RGB").split()
    return ImageChops.difference(red, green).getbbox() is None and ImageChops.difference(green, blue).getbbox() is None


def test_the_print_theme_prints_the_topics_pictures_in_grey_on_every_pdf_as_on_its_slides(themed: dict[str, Path]) -> None:
    """One rule for the deck and the PDFs: the print theme greys the treaty's diagram on the sheet too (the answer key
    and the quiz papers draw no pictures, and are checked in case they come to)."""
    for name in ("classic", "print"):
        pdfs = sorted(themed[name].glob("*.pdf"))
        pictured = {pdf.name: pictures_of(pdf) for pdf in pdfs}
        assert pictured["treaty-of-berlin-1926.pdf"], pictured
        for pdf, pictures in pictured.items():
            greys = [in_grey(picture) for picture in pictures]
            assert all(greys) if name == "print" else not any(greys), (name, pdf)
