"""Pictures go into the PDF as their files hold them where a PDF can say so, and always show the pixels of their file."""

from __future__ import annotations

import base64
import io
import random
import struct
import zlib
from pathlib import Path

import pikepdf
import pytest
from pikepdf import PdfImage
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from guide.image_chunks import png_pixels
from guide.render.pdf.image_stream import image_stream
from guide.render.pdf.internals import draw_picture, picture_object
from tests.conftest import TREATY

SIZE = (23, 17)


def pattern(mode: str) -> Image.Image:
    """A picture of ``mode`` whose every pixel differs from its neighbours, so any row or channel mixed up shows."""
    image = Image.new("RGBA", SIZE)
    image.putdata([((x * 11) % 256, (y * 15) % 256, (x * y * 7) % 256, (x + y) * 5 % 256) for y in range(SIZE[1]) for x in range(SIZE[0])])
    return image.convert(mode) if mode != "P" else image.convert("RGB").quantize(200)


def encoded(image: Image.Image, kind: str = "PNG", **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">L", len(body)) + kind + body + struct.pack(">L", zlib.crc32(kind + body))


def handmade_png(palette: bytes, rows: bytes, width: int, height: int) -> bytes:
    """An 8-bit palette PNG with the given palette and unfiltered rows: pixels may point past the palette's end."""
    header = struct.pack(">LLBBBBB", width, height, 8, 3, 0, 0, 0)
    filtered = b"".join(b"\0" + rows[row * width : (row + 1) * width] for row in range(height))
    chunks = [(b"IHDR", header), (b"PLTE", palette), (b"IDAT", zlib.compress(filtered)), (b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(png_chunk(kind, body) for kind, body in chunks)


def embedded(data: bytes) -> pikepdf.Pdf:
    """A PDF that draws ``data``'s picture."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    picture = picture_object(data)
    draw_picture(canvas, picture, picture.width_px, picture.height_px)
    canvas.save()
    return pikepdf.open(io.BytesIO(buffer.getvalue()))


def only_image(pdf: pikepdf.Pdf) -> pikepdf.Stream:
    images = image_objects(pdf)
    assert len(images) == 1
    return images[0]


def image_objects(pdf: pikepdf.Pdf) -> list[pikepdf.Stream]:
    """Every image object of ``pdf``, soft masks left out."""
    images = [item for item in pdf.objects if isinstance(item, pikepdf.Stream) and item.get("/Subtype") == pikepdf.Name.Image]
    masks = {image.SMask.objgen for image in images if "/SMask" in image}
    return [image for image in images if image.objgen not in masks]


def shown(image: pikepdf.Stream) -> bytes:
    return PdfImage(image).as_pil_image().convert("RGB").tobytes()


def of_file(data: bytes) -> bytes:
    return Image.open(io.BytesIO(data)).convert("RGB").tobytes()


PASSED = {
    "RGB": encoded(pattern("RGB")),
    "grey": encoded(pattern("L")),
    "palette": encoded(pattern("P")),
    "palette shorter than its pixels": handmade_png(bytes(range(30)), bytes(range(60)), 12, 5),
    "treaty map": (TREATY.parent / "images" / "germany-between-west-and-east.png").read_bytes(),
    "noise, its pixel data in several chunks": encoded(Image.frombytes("RGB", (300, 300), random.Random(7).randbytes(270_000))),
}


@pytest.mark.parametrize("data", PASSED.values(), ids=PASSED.keys())
def test_a_png_a_pdf_can_hold_goes_in_as_it_is_and_shows_its_pixels(data: bytes) -> None:
    pdf = embedded(data)
    image = only_image(pdf)
    assert image.Filter == pikepdf.Name.FlateDecode
    assert image.DecodeParms.Predictor == 15
    assert image.read_raw_bytes() == png_pixels(data).compressed  # its file's pixel data, not compressed again
    assert shown(image) == of_file(data)


def test_the_noise_picture_holds_its_pixel_data_in_several_chunks() -> None:
    assert PASSED["noise, its pixel data in several chunks"].count(b"IDAT") > 1


DECODED = {
    "alpha": encoded(pattern("RGBA")),
    "grey with alpha": encoded(pattern("LA")),
    "16 bits": encoded(Image.new("I;16", SIZE, 700)),
    "transparent colour": encoded(pattern("RGB"), transparency=(0, 0, 0)),
    "transparent palette entry": encoded(pattern("P"), transparency=3),
    "4-bit palette": encoded(pattern("RGB").quantize(12)),
}


@pytest.mark.parametrize("data", DECODED.values(), ids=DECODED.keys())
def test_other_pngs_are_decoded_and_show_their_pixels(data: bytes) -> None:
    assert image_stream(data) is None
    pdf = embedded(data)
    image = only_image(pdf)
    assert "DecodeParms" not in image
    assert shown(image) == of_file(data)


def test_an_interlaced_png_is_decoded() -> None:
    """Pillow writes no interlaced PNG: the flag is set in a plain one's header, which then reads as interlaced."""
    data = encoded(pattern("RGB"))
    assert image_stream(data) is not None
    header = bytearray(data[16:29])
    header[12] = 1
    interlaced = data[:16] + bytes(header) + struct.pack(">L", zlib.crc32(b"IHDR" + bytes(header))) + data[33:]
    assert png_pixels(interlaced).interlaced
    assert image_stream(interlaced) is None


def test_a_png_with_damaged_pixel_data_is_decoded_as_the_image_library_reads_it() -> None:
    data = encoded(pattern("RGB"))
    pixels = png_pixels(data).compressed
    start = data.index(pixels)
    damaged = data[:start] + pixels[: len(pixels) // 2] + bytes(len(pixels) - len(pixels) // 2) + data[start + len(pixels) :]
    assert image_stream(damaged) is None
    assert "DecodeParms" not in only_image(embedded(damaged))


def test_a_jpeg_goes_in_as_it_is() -> None:
    data = encoded(pattern("RGB"), "JPEG", quality=90)
    pdf = embedded(data)
    image = only_image(pdf)
    assert pikepdf.Name.DCTDecode in list(image.Filter)
    assert base64.a85decode(b"<~" + image.read_raw_bytes().strip(), adobe=True) == data  # in reportlab's ASCII85, as before
    assert shown(image) == of_file(data)


def test_one_picture_is_embedded_under_one_name() -> None:
    data = PASSED["RGB"]
    assert picture_object(data).name == picture_object(bytes(data)).name != picture_object(PASSED["grey"]).name


def test_the_study_sheet_shows_the_topic_s_picture_as_its_file_holds_it(built: dict[str, Path]) -> None:
    data = PASSED["treaty map"]
    with pikepdf.open(built["a4"] / "treaty-of-berlin-1926.pdf") as sheet:
        pictures = image_objects(sheet)
        assert [image.read_raw_bytes() for image in pictures] == [png_pixels(data).compressed]
        assert shown(pictures[0]) == of_file(data)
