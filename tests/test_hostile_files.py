"""Hostile fonts and images: a character map covering every 32-bit number, PNG metadata that
inflates to megabytes, too many chunks. Each is refused at the line naming the file, quickly,
and the valid topic beside it still builds; mutated files only ever give a clean answer."""

from __future__ import annotations

import io
import os
import struct
import time
import warnings
import zlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from guide.cmap import FontTableError, mapped_characters
from guide.fonts import FONT_FOLDER
from guide.image_check import image_problem
from guide.image_chunks import MAX_METADATA_BYTES
from guide.load.theme_assets import _font_problem
from tests.conftest import HANG_GUARD_S, TREATY, files_outside, run_cli

REGULAR = next(FONT_FOLDER.rglob("LiberationSans-Regular.ttf"))


@pytest.fixture
def project(treaty_project: Path) -> Path:
    return treaty_project


def font_with_group(first: int, last: int) -> bytes:
    """A font file holding only a format 12 character map with one group."""
    subtable = struct.pack(">HHLLL", 12, 0, 28, 0, 1) + struct.pack(">LLL", first, last, 1)
    cmap = struct.pack(">HH", 0, 1) + struct.pack(">HHL", 3, 10, 12) + subtable
    directory = struct.pack(">LHHHH", 0x00010000, 1, 16, 0, 0) + struct.pack(">4sLLL", b"cmap", 0, 28, len(cmap))
    return directory + cmap


INFLATES = f"chunk that inflates beyond {MAX_METADATA_BYTES:,} bytes"
EIGHT_MB = zlib.compress(bytes(8_000_000), 9)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">L", len(data)) + kind + data + struct.pack(">L", zlib.crc32(kind + data))


def png_with(*chunks: bytes) -> bytes:
    """A 4x4 PNG with ``chunks`` placed before its pixel data."""
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    data = buffer.getvalue()
    at = data.index(b"IDAT") - 4
    return data[:at] + b"".join(chunks) + data[at:]


def run_refused(project: Path, expected: str, *arguments: str | Path) -> None:
    out = project / "out"
    before = files_outside(project, out)
    started = time.perf_counter()
    status, stdout, err = run_cli(*arguments, "--out", out, "--format", "pdf")
    assert files_outside(project, out) == before
    assert time.perf_counter() - started < HANG_GUARD_S
    assert status == 2, err
    assert expected in err, err
    assert "Traceback" not in err + stdout
    return out


def test_a_font_whose_map_covers_every_32_bit_number_is_refused_at_once(project: Path) -> None:
    (project / "source" / "evil.ttf").write_bytes(font_with_group(0, 0xFFFFFFFF))
    theme = project / "source" / "theme.yaml"
    theme.write_text("fonts: {body: {family: Evil, regular: evil.ttf, bold: evil.ttf}}\n", encoding="utf-8")
    courses = project / "source" / "courses"
    (courses / "evil.yaml").write_text(f"code: E\ntitle: E\ntheme: ../theme.yaml\ntopics: [../{TREATY.name}]\n", encoding="utf-8")
    (courses / "plain.yaml").write_text(f"code: P\ntitle: P\ntopics: [../{TREATY.name}]\n", encoding="utf-8")
    out = run_refused(project, "theme.yaml:1:30: fonts.body.regular: 'evil.ttf' is not a TrueType font", courses)
    assert (out / "plain" / f"{TREATY.stem}.pdf").is_file()
    assert not (out / "evil").exists()


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [(0, 0xFFFFFFFF, "covers more than Unicode's 1,114,112 code points"), (0x10FFFF, 0x110000, "covers more than Unicode's")],
)
def test_a_character_map_beyond_unicode_is_refused(tmp_path: Path, first: int, last: int, message: str) -> None:
    face = tmp_path / "f.ttf"
    face.write_bytes(font_with_group(first, last))
    with pytest.raises(FontTableError, match=message):
        mapped_characters(face)


def test_a_font_table_reaching_past_the_file_is_refused(tmp_path: Path) -> None:
    face = tmp_path / "f.ttf"
    face.write_bytes(font_with_group(0x20, 0x7E)[:-8])
    with pytest.raises(FontTableError, match="reaches past the end of the file"):
        mapped_characters(face)


@pytest.mark.parametrize(
    ("chunk", "message"),
    [
        (png_chunk(b"zTXt", b"Comment\0\0" + EIGHT_MB), f"zTXt {INFLATES}"),
        (png_chunk(b"iCCP", b"icc\0\0" + EIGHT_MB), f"iCCP {INFLATES}"),
        (png_chunk(b"iTXt", b"Comment\0\x01\0en\0\0" + EIGHT_MB), f"iTXt {INFLATES}"),
        (png_chunk(b"tEXt", b"Comment\0" + b"a" * 2_000_000), f"tEXt chunk of 2,000,008 bytes; at most {MAX_METADATA_BYTES:,}"),
    ],
    ids=["zTXt", "iCCP", "iTXt", "tEXt"],
)
def test_png_metadata_beyond_its_bound_is_refused_and_the_valid_topic_builds(project: Path, chunk: bytes, message: str) -> None:
    source = project / "source"
    (source / "bomb.png").write_bytes(png_with(chunk))
    (source / "bomb.yaml").write_text(
        "title: T\nsummary: S\nkey_facts: [f]\ncontext: c\nsignificance: s\nimages:\n  - {file: bomb.png, alt: A picture}\n",
        encoding="utf-8",
    )
    out = run_refused(project, f"bomb.yaml:7:6: images[0].file: 'bomb.png' has a {message}", source / "bomb.yaml", source / TREATY.name)
    assert (out / f"{TREATY.stem}.pdf").is_file()
    assert not (out / "bomb.pdf").exists()


def test_a_png_of_too_many_chunks_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "many.png"
    path.write_bytes(png_with(*[png_chunk(b"tEXt", b"k\0v")] * 200_001))
    assert "more than 200,000 chunks" in (image_problem(path) or "")


def test_a_jpeg_of_too_much_metadata_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "JPEG")
    data = buffer.getvalue()
    segment = b"\xff\xe1" + struct.pack(">H", 65_000) + bytes(64_998)
    (tmp_path / "fat.jpg").write_bytes(data[:2] + segment * 70 + data[2:])
    assert "more than 4,000,000 bytes of metadata" in (image_problem(tmp_path / "fat.jpg") or "")


PNG = png_with(png_chunk(b"tEXt", b"Comment\0hello"), png_chunk(b"zTXt", b"k\0\0" + zlib.compress(b"text")))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.integers(0, len(PNG)), chunk=st.binary(max_size=16), cut=st.integers(0, 16))
def test_a_mutated_png_is_an_image_or_a_clean_refusal(tmp_path: Path, position: int, chunk: bytes, cut: int) -> None:
    path = tmp_path / "mutated.png"
    path.write_bytes(PNG[:position] + chunk + PNG[position + cut :])
    assert image_problem(path) is None or "mutated.png" in image_problem(path)


class FontBytes(bytes):
    """A font file's bytes, shown briefly when Hypothesis reports a failing example."""

    def __repr__(self) -> str:
        return f"<{len(self):,} bytes of {REGULAR.name}>"


@pytest.fixture(scope="module")
def font_bytes() -> FontBytes:
    return FontBytes(REGULAR.read_bytes())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    position=st.one_of(st.integers(0, 400), st.integers(0, 500_000)),
    chunk=st.one_of(st.binary(min_size=1, max_size=8), st.just(b"\xff\xff\xff\xff")),
)
def test_a_mutated_font_is_a_font_or_a_clean_refusal(tmp_path: Path, font_bytes: bytes, position: int, chunk: bytes) -> None:
    path = tmp_path / f"mutated-{position}-{chunk.hex()}.ttf"
    position %= len(font_bytes)
    path.write_bytes(font_bytes[:position] + chunk + font_bytes[position + len(chunk) :])
    started = time.perf_counter()
    problem = _font_problem(path)
    assert time.perf_counter() - started < HANG_GUARD_S
    assert problem is None or path.name in problem


def test_readers_refuse_a_pipe_without_waiting(tmp_path: Path) -> None:
    from guide.cmap import mapped_characters
    from guide.regular_file import NotRegularFileError

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    started = time.perf_counter()
    with pytest.raises(NotRegularFileError):
        mapped_characters(pipe)
    assert "not a regular file" in (image_problem(pipe) or "")
    assert time.perf_counter() - started < HANG_GUARD_S


@pytest.mark.skipif(not hasattr(os, "fork"), reason="limits the memory of a child process")
def test_the_font_that_took_gigabytes_is_refused_within_a_memory_limit(project: Path) -> None:
    import resource
    import subprocess
    import sys

    from tests.conftest import ROOT

    (project / "source" / "evil.ttf").write_bytes(font_with_group(0, 0xFFFFFFFF))
    theme = project / "source" / "theme.yaml"
    theme.write_text("fonts: {body: {family: Evil, regular: evil.ttf, bold: evil.ttf}}\n", encoding="utf-8")
    limit = 1_500_000_000  # address space: far above a build's, far below the 4.7 GB this font once took

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    command = [sys.executable, str(ROOT / "make_materials.py"), str(project / "source" / TREATY.name), "--theme", str(theme), "--check"]
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, timeout=60, preexec_fn=limited, cwd=project)
    assert time.perf_counter() - started < HANG_GUARD_S
    assert finished.returncode == 2, finished.stderr
    assert "fonts.body.regular: 'evil.ttf' is not a TrueType font that can be embedded" in finished.stderr
    assert "Traceback" not in finished.stderr


def drawn_on_template(project: Path, picture: Path, *arguments: str) -> tuple[int, str]:
    """A minimal topic's slides PDF and handout drawn on a template whose master shows ``picture``: (exit status, stderr)."""
    from tests.conftest import MINIMAL
    from tests.templates import make_decorated_template

    project.mkdir(exist_ok=True)
    (project / "pyproject.toml").write_text("", encoding="utf-8")
    with warnings.catch_warnings():  # python-pptx reads a bomb's header to size it, and Pillow warns
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        make_decorated_template(project / "dept.pptx", picture)
    (project / "theme.yaml").write_text("slides:\n  template: dept.pptx\n", encoding="utf-8")
    (project / "t.yaml").write_text(MINIMAL.format(title="On a template"), encoding="utf-8")
    theme = ("--theme", project / "theme.yaml")
    status, _, err = run_cli(project / "t.yaml", *theme, "--out", project / "out", "--outputs", "slides,handout", *arguments)
    return status, err


def test_a_template_picture_past_the_pixel_bound_is_left_out_of_drawn_slides_with_a_warning_naming_the_template(
    tmp_path: Path,
) -> None:
    from guide.template_art import read_template_art

    Image.new("1", (12_000, 12_000)).save(tmp_path / "bomb.png", optimize=True)  # 144 megapixels in a few kilobytes
    assert (tmp_path / "bomb.png").stat().st_size < 100_000
    started = time.perf_counter()
    status, err = drawn_on_template(tmp_path / "bombed", tmp_path / "bomb.png")
    assert time.perf_counter() - started < HANG_GUARD_S
    assert status == 0, err
    assert "theme.yaml:2:3: slides.template: warning:" in err and "of the template 'dept.pptx':" in err, err
    assert "picture 'Picture 2' of the master: 'ppt/media/image1.png' is too large (12000x12000 pixels; at most 40 megapixels)" in err
    assert "Traceback" not in err
    art = read_template_art(tmp_path / "bombed" / "dept.pptx")
    assert not [element for backdrop in art.backdrops.values() for element in backdrop.elements if element.kind == "picture"]
    for name in ("t-slides.pdf", "t-handout.pdf"):
        assert b"/Subtype /Image" not in (tmp_path / "bombed" / "out" / name).read_bytes(), name  # drawn without the bomb

    assert drawn_on_template(tmp_path / "fine", Path(__file__).parent / "data" / "pixel.png")[0] == 0  # the same with a sane picture
    for name in ("t-slides.pdf", "t-handout.pdf"):
        assert b"/Subtype /Image" in (tmp_path / "fine" / "out" / name).read_bytes(), name

    status, err = drawn_on_template(tmp_path / "strict", tmp_path / "bomb.png", "--strict")
    assert status == 2 and "is too large (12000x12000 pixels" in err and not (tmp_path / "strict" / "out").exists()
