"""Pictures as every output prints them: in shades of grey where the theme prints in black.

The deck, the slides PDF, the handout, the study sheet, the answer key and the quiz paper
follow one rule (``Theme.grey_pictures``) and grey a picture one way, so a picture looks alike
on each. The web page is read on screen and keeps its colours.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image


def grey_png(data: bytes) -> bytes:
    """The picture in ``data`` (PNG or JPEG) in shades of grey, as PNG bytes, transparency kept."""
    with Image.open(io.BytesIO(data)) as image:
        clear = "A" in image.getbands() or "transparency" in image.info
        grey = image.convert("RGBA").convert("LA") if clear else image.convert("L")
    stream = io.BytesIO()
    grey.save(stream, "PNG")
    return stream.getvalue()


def greyed(file: Path) -> io.BytesIO:
    """The picture in ``file`` in shades of grey, as a stream of PNG bytes (see :func:`grey_png`)."""
    return io.BytesIO(grey_png(file.read_bytes()))
