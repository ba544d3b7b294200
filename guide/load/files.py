"""Files that an input names (images, logos, fonts, templates) and the id its own name gives it.

A path is relative to the file that names it and may not leave the project tree, so a topic
from elsewhere cannot make the tool read or embed files it has no business with.
"""

from __future__ import annotations

import re
import struct
import warnings
from pathlib import Path
from typing import Any, BinaryIO

from guide.errors import Origin, Problem, quoted
from guide.inputs import project_root
from guide.load.image_chunks import MAX_IMAGE_BYTES, chunk_problem
from guide.model import TOPIC_ID_PATTERN
from guide.regular_file import open_regular

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
MAX_IMAGE_PIXELS = 40_000_000


def resolve_inside(named: str, naming_file: Path) -> Path | str:
    """The absolute path of ``named`` relative to ``naming_file``, or (a string) why it is refused."""
    root = project_root(naming_file)
    try:
        target = (naming_file.resolve().parent / named).resolve()
        if not target.is_relative_to(root):
            return f"{quoted(named)} is outside the project folder {root}"
        if not target.is_file():
            return f"file {quoted(named)} not found"
    except (OSError, RuntimeError) as error:  # a name too long for the file system; a loop of links (RuntimeError)
        return f"cannot read {quoted(named)}: {getattr(error, 'strerror', None) or error}"
    return target


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


def _stream_problem(stream: BinaryIO, name: str) -> str | None:
    head = stream.read(8)
    if not (head.startswith(PNG_SIGNATURE) or head.startswith(JPEG_SIGNATURE)):
        return f"{name} is not a PNG or JPEG image"
    if stream.seek(0, 2) > MAX_IMAGE_BYTES:
        return f"{name} is larger than {MAX_IMAGE_BYTES // 1_000_000} MB"
    problem = chunk_problem(stream, name)
    if problem:
        return problem
    from PIL import Image, UnidentifiedImageError  # imported here: only topics with images pay for it

    stream.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the size is judged below, by our limit
            with Image.open(stream) as image:
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    return f"{name} is too large ({width}x{height} pixels)"
                image.verify()
    except Image.DecompressionBombError:
        return f"{name} is too large (a decompression bomb)"
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError, EOFError, struct.error) as error:
        # Pillow's parsers refuse damaged files with any of these.
        return f"{name} is a damaged image ({error})"
    return None


def id_from_file_name(data: dict[str, Any], path: Path, origin: Origin, kind: str) -> list[Problem]:
    """Give ``data`` its file name as ``id`` unless it has one; a file name that cannot be an id is a problem."""
    if "id" in data:
        return []
    data["id"] = path.stem
    if re.fullmatch(TOPIC_ID_PATTERN, path.stem):
        return []
    return [origin.problem(("id",), f"file name '{path.stem}' is not a valid {kind} id; rename the file or add an 'id:' key")]
