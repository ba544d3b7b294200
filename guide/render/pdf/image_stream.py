"""A PNG's or JPEG's compressed pixels as a PDF image object, written as they are in the file, never decoded and compressed again.

PDF's FlateDecode filter with the PNG predictors reads a PNG's pixel data (its IDAT chunks)
as they stand, for the PNGs a PDF image describes alike: eight bits a sample, not
interlaced, without an alpha channel or a transparent colour; a palette's pixels with the
palette as an /Indexed colour space. A JPEG's data is a DCTDecode stream as it stands.
Decoding a picture and compressing its pixels again took a sheet longer than laying out its
text, for every new picture of a batch. Other pictures are decoded as before
(``guide.render.pdf.internals.picture_object``).
"""

from __future__ import annotations

import hashlib
import io
import zlib
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFDocument, PDFImageXObject, PDFName, PDFObject, PDFStream

from guide.image_chunks import PngPixels, png_pixels
from guide.render.pdf.plain_objects import Formatted

COLOUR_SPACES = {0: ("DeviceGray", 1), 2: ("DeviceRGB", 3), 3: ("DeviceRGB", 1)}
"""PNG colour types a PDF image holds as they are: the colour space (a palette's colours') and the samples a pixel."""
PALETTE = 3
BITS = 8
PNG_PREDICTORS = 15
"""FlateDecode's ``Predictor`` for rows each led by the byte naming its PNG filter."""
LAST_FILTER = 4
"""The highest PNG filter type (Paeth)."""


class ImageStream(PDFObject):
    """An image XObject: its dictionary's entries and its content, already compressed."""

    def __init__(self, entries: dict[str, Any], content: bytes) -> None:
        self.entries = entries
        self.content = content

    def format(self, document: PDFDocument) -> bytes:
        stream = PDFStream(PDFDictionary(self.entries), self.content, filters=[])  # its Filter entry says how it is compressed
        formatted: bytes = stream.format(document)
        return formatted


def picture_name(data: bytes) -> str:
    """The name a picture is embedded under: a digest of its file's bytes, so one picture drawn twice is embedded once."""
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def image_stream(data: bytes) -> tuple[PDFObject, int, int] | None:
    """The image object of a PNG or JPEG file's bytes with its pixels as they are in the file, and its size in pixels;
    None for a picture that has to be decoded to be drawn (see the module's docstring)."""
    png = png_pixels(data)
    if png is not None:
        return _png_stream(png)
    jpeg = PDFImageXObject(picture_name(data))
    if jpeg.loadImageFromJPEG(io.BytesIO(data)):
        return jpeg, jpeg.width, jpeg.height
    return None


def _png_stream(png: PngPixels) -> tuple[PDFObject, int, int] | None:
    space = COLOUR_SPACES.get(png.colour_type)
    if space is None or png.bit_depth != BITS or png.interlaced or png.transparency or png.animated:
        return None
    name, samples = space
    if not _whole_rows(png, samples):
        return None
    colour_space: Any = PDFName(name)
    if png.colour_type == PALETTE:
        if not png.palette or len(png.palette) % 3:
            return None
        # Entries past the palette's end are black, as an image library draws them.
        palette = png.palette[: 3 * 2**BITS].ljust(3 * 2**BITS, b"\0")
        colour_space = PDFArray([PDFName("Indexed"), PDFName(name), 2**BITS - 1, Formatted(b"<" + palette.hex().encode("ascii") + b">")])
    entries = {
        "Type": PDFName("XObject"),
        "Subtype": PDFName("Image"),
        "Width": png.width,
        "Height": png.height,
        "BitsPerComponent": BITS,
        "ColorSpace": colour_space,
        "Filter": PDFName("FlateDecode"),
        "DecodeParms": PDFDictionary({"Predictor": PNG_PREDICTORS, "Colors": samples, "BitsPerComponent": BITS, "Columns": png.width}),
    }
    return ImageStream(entries, png.compressed), png.width, png.height


def _whole_rows(png: PngPixels, samples: int) -> bool:
    """Whether the pixel data inflates to exactly its rows, each led by a known filter: a damaged file is decoded as before,
    where the image library says what is wrong with it."""
    stride = 1 + png.width * samples
    expected = stride * png.height
    try:
        rows = zlib.decompressobj().decompress(png.compressed, expected + 1)
    except zlib.error:
        return False
    return len(rows) == expected and max(rows[::stride], default=0) <= LAST_FILTER
