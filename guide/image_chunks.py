"""The chunks of a PNG and the segments of a JPEG, walked and bounded before an image library decodes them.

An image's pixels are bounded by its stated size (MAX_IMAGE_PIXELS); what sits beside them
is not: a PNG's compressed text or colour profile may inflate to any size, and a file may
hold any number of chunks. The walk reads each chunk's header, inflates compressed
metadata only up to its bound, and skips the pixel data, so it costs little for a photo.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

MAX_IMAGE_BYTES = 100_000_000
MAX_CHUNKS = 200_000
"""PNG chunks (pixel data comes in many) or JPEG segments."""
MAX_METADATA_BYTES = 1_000_000
"""One piece of metadata (text, a colour profile) as stored and once inflated; the image
library refuses larger ones too, but only after inflating them."""
MAX_JPEG_METADATA_BYTES = 4_000_000
"""All of a JPEG's metadata segments (EXIF, colour profile in pieces, comments) together."""

_PNG_COMPRESSED = frozenset((b"zTXt", b"iCCP", b"iTXt"))
"""Chunks whose data may be compressed (iTXt only when its flag says so)."""
_PIXELS = (b"IDAT", b"fdAT")
_JPEG_STANDALONE = {0xD8, 0x01, *range(0xD0, 0xD8)}
"""JPEG markers without a length: start of image, TEM, restart markers."""
_JPEG_START_OF_SCAN = 0xDA
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
"""How every PNG file begins."""
_PNG_ANIMATION = b"acTL"


@dataclass(frozen=True)
class PngPixels:
    """A PNG's header, palette and compressed pixel data, as they are in the file: what a PDF can hold without decoding it."""

    width: int
    height: int
    bit_depth: int
    colour_type: int
    """0 grey, 2 RGB, 3 palette, 4 grey with alpha, 6 RGB with alpha."""
    interlaced: bool
    palette: bytes
    """The PLTE chunk: three bytes a colour."""
    transparency: bool
    """A tRNS chunk: a colour, or palette entries, drawn transparent."""
    animated: bool
    compressed: bytes
    """The IDAT chunks' data joined: the zlib stream of the filtered rows."""


def png_pixels(data: bytes) -> PngPixels | None:
    """The pixel data of the PNG ``data`` and what describes it, or None for what is not a well-formed PNG.

    The data was checked when its file was read (``chunk_problem``, and the image library's
    check of each chunk); this walk only gathers the chunks, bounded as that walk is.
    """
    if not data.startswith(PNG_SIGNATURE):
        return None
    last: dict[bytes, bytes] = {}
    pixels: list[bytes] = []
    for kind, length, body in _png_chunks(io.BytesIO(data), lambda kind, length: True):
        if len(body) < length:
            return None
        last[kind] = body
        if kind == b"IDAT":
            pixels.append(body)
    header = last.get(b"IHDR", b"")
    if b"IEND" not in last or len(header) != 13 or not pixels:
        return None
    width, height, bit_depth, colour_type, _, _, interlace = struct.unpack(">LLBBBBB", header)
    palette, transparency, animated = last.get(b"PLTE", b""), b"tRNS" in last, _PNG_ANIMATION in last
    return PngPixels(width, height, bit_depth, colour_type, interlace != 0, palette, transparency, animated, b"".join(pixels))


def _png_chunks(stream: BinaryIO, read_body: Callable[[bytes, int], bool]) -> Iterator[tuple[bytes, int, bytes]]:
    """The chunks of the PNG in ``stream`` after its signature: each one's type, stated length and body, up to IEND.

    A body is read only where ``read_body`` asks for its type and length (else it is skipped, and empty
    here); a body shorter than its length is a truncated file. The walk stops at the first
    incomplete header, or after MAX_CHUNKS chunks.
    """
    stream.seek(len(PNG_SIGNATURE))
    for _ in range(MAX_CHUNKS):
        header = stream.read(8)
        if len(header) < 8:
            return
        length, kind = struct.unpack(">L4s", header)
        if read_body(kind, length):
            body = stream.read(length)
            stream.seek(4, 1)  # the CRC
        else:
            body = b""
            stream.seek(length + 4, 1)
        yield kind, length, body
        if kind == b"IEND":
            return


def chunk_problem(stream: BinaryIO, name: str) -> str | None:
    """Why the PNG or JPEG in ``stream`` holds more than its bounds allow, or None; ``name`` as messages show it."""
    stream.seek(0)
    head = stream.read(8)
    if head.startswith(PNG_SIGNATURE):
        return _png_problem(stream, name)
    return _jpeg_problem(stream, name)


def _png_problem(stream: BinaryIO, name: str) -> str | None:
    walked = 0
    for kind, length, data in _png_chunks(stream, lambda kind, length: kind not in _PIXELS and length <= MAX_METADATA_BYTES):
        walked += 1
        if kind == b"IEND":
            return None
        if kind in _PIXELS:
            continue
        if length > MAX_METADATA_BYTES:
            return f"{name} has a {_chunk_name(kind)} chunk of {length:,} bytes; at most {MAX_METADATA_BYTES:,}"
        compressed = _compressed_part(kind, data)
        if compressed is not None and _inflates_beyond(compressed, MAX_METADATA_BYTES):
            return f"{name} has a {_chunk_name(kind)} chunk that inflates beyond {MAX_METADATA_BYTES:,} bytes"
    if walked < MAX_CHUNKS:
        return None  # a truncated file: the image library says it is damaged
    return f"{name} has more than {MAX_CHUNKS:,} chunks"


def _compressed_part(kind: bytes, data: bytes) -> bytes | None:
    """The compressed bytes of a zTXt, iCCP or compressed iTXt chunk, else None."""
    if kind not in _PNG_COMPRESSED:
        return None
    keyword_end = data.find(b"\0")
    if keyword_end < 0:
        return None
    if kind == b"iTXt":
        if data[keyword_end + 1 : keyword_end + 2] != b"\x01":
            return None  # stored uncompressed: already bounded by the chunk's length
        rest = data[keyword_end + 3 :]
        for _ in range(2):  # the language tag and the translated keyword
            rest = rest[rest.find(b"\0") + 1 :] if b"\0" in rest else b""
        return rest
    return data[keyword_end + 2 :]


def _inflates_beyond(data: bytes, limit: int) -> bool:
    """Whether zlib data inflates to more than ``limit`` bytes, finding out without inflating more than that."""
    try:
        inflated = zlib.decompressobj().decompress(data, limit + 1)
    except zlib.error:
        return False  # damaged: the image library reports it
    return len(inflated) > limit


def _chunk_name(kind: bytes) -> str:
    return kind.decode("latin-1").encode("ascii", "backslashreplace").decode()


def _jpeg_problem(stream: BinaryIO, name: str) -> str | None:
    """Walk a JPEG's segments up to its first scan; pixel data follows, bounded by the stated size."""
    stream.seek(2)
    metadata = 0
    for _ in range(MAX_CHUNKS):
        marker = stream.read(2)
        if len(marker) < 2 or marker[0] != 0xFF:
            return None  # not where a segment should be: the image library says it is damaged
        code = marker[1]
        if code == 0xFF:
            stream.seek(-1, 1)  # fill bytes before a marker
            continue
        if code in _JPEG_STANDALONE:
            continue
        if code == _JPEG_START_OF_SCAN or code == 0xD9:
            return None
        size = stream.read(2)
        if len(size) < 2:
            return None
        length = struct.unpack(">H", size)[0]
        if 0xE0 <= code <= 0xEF or code == 0xFE:
            metadata += length
            if metadata > MAX_JPEG_METADATA_BYTES:
                return f"{name} holds more than {MAX_JPEG_METADATA_BYTES:,} bytes of metadata"
        stream.seek(max(length - 2, 0), 1)
    return f"{name} has more than {MAX_CHUNKS:,} segments"
