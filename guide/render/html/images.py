"""Pictures as ``data:`` URIs, so the page is one self-contained file."""

from __future__ import annotations

import base64
from pathlib import Path

from guide.errors import RenderError
from guide.image_chunks import PNG_SIGNATURE
from guide.session import BuildSession

PICTURES_KEPT = 16
"""Encoded pictures a session keeps: pictures belong to topics, so a long batch keeps only the latest."""


def media_type(data: bytes) -> str:
    """PNG or JPEG, told by the file's first bytes (the loader admits no other kind)."""
    if data.startswith(PNG_SIGNATURE):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    raise RenderError("a picture is neither PNG nor JPEG")


def _data_uri(data: bytes) -> str:
    return f"data:{media_type(data)};base64,{base64.b64encode(data).decode('ascii')}"


def data_uri(path: str | Path, session: BuildSession) -> str:
    """The picture at ``path`` as a ``data:`` URI, encoded once per content in a session."""
    return session.from_file("html-picture", Path(path), _data_uri, keep=PICTURES_KEPT)
