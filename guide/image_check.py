"""Whether a file or some bytes are a PNG or JPEG within the bounds, judged before an image library decodes it.

A picture's pixels are bounded by the size its header states (MAX_IMAGE_PIXELS), what sits
beside them by the chunk walk (``guide.image_chunks``). Topic pictures and logos are checked
as files when they are read; a slide template's pictures as bytes, before a drawn slide
decodes them, so a picture in a template cannot be a decompression bomb either.
"""

from __future__ import annotations

import io
import struct
import warnings
from pathlib import Path
from typing import BinaryIO

from guide.errors import quoted
from guide.image_chunks import MAX_IMAGE_BYTES, PNG_SIGNATURE, chunk_problem
from guide.regular_file import open_regular

JPEG_SIGNATURE = b"\xff\xd8\xff"
MAX_IMAGE_PIXELS = 40_000_000


def image_problem(path: Path) -> str | None:
    """Why ``path`` is not a usable PNG or JPEG image, or None if it is one.

    The file is opened once, as a regular file, and the image library reads that very stream.
    """
    name = quoted(path.name)
    try:
        with open_regular(path) as stream:
            return _stream_problem(stream, name)
    except OSError as error:
        return f"cannot read {name}: {error.strerror or error}"


def image_data_problem(data: bytes, name: str) -> str | None:
    """Why ``data`` is not a usable PNG or JPEG image, or None; ``name`` as messages show it."""
    return _stream_problem(io.BytesIO(data), name)


def _stream_problem(stream: BinaryIO, name: str) -> str | None:
    head = stream.read(8)
    if not (head.startswith(PNG_SIGNATURE) or head.startswith(JPEG_SIGNATURE)):
        return f"{name} is not a PNG or JPEG image"
    if stream.seek(0, 2) > MAX_IMAGE_BYTES:
        return f"{name} is larger than {MAX_IMAGE_BYTES // 1_000_000} MB"
    problem = chunk_problem(stream, name)
    if problem:
        return problem
    from PIL import Image, UnidentifiedImageError  # imported here: only builds with pictures pay for it

    stream.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the size is judged below, by our limit
            with Image.open(stream) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    return f"{name} is too large ({width}x{height} pixels; at most {MAX_IMAGE_PIXELS // 1_000_000} megapixels)"
                image.verify()
    except Image.DecompressionBombError:
        return f"{name} is too large (a decompression bomb)"
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError, EOFError, IndexError, struct.error) as error:
        # Pillow's parsers refuse damaged files with any of these.
        return f"{name} is a damaged image ({error})"
    return None
