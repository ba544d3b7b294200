"""Reading a sheet's layout back from the PDF: how full each page is, and where its text runs sit."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

FILL_DPI = 24
HEADER_SHARE = 0.085
"""Of a page's height, from the top: the running header (and a teacher's ribbon) above the text area."""
FOOTER_SHARE = 0.085
"""Of a page's height, from the bottom: the footer below the text area."""
INK_THRESHOLD = 200


def have_poppler() -> bool:
    return shutil.which("pdftoppm") is not None


def page_fills(pdf: bytes) -> list[float]:
    """How far down its text area each page is inked (0 empty, 1 full), from the pages rendered by poppler."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "sheet.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-gray", "-png", "-r", str(FILL_DPI), str(source), str(Path(folder) / "page")], check=True)
        fills = []
        for png in sorted(Path(folder).glob("page-*.png"), key=lambda path: int(path.stem.rsplit("-", 1)[1])):
            with Image.open(png) as opened:
                image = opened.convert("L")
                width, height = image.size
                top, bottom = int(height * HEADER_SHARE), int(height * (1 - FOOTER_SHARE))
                pixels = image.load()
                inked = [y for y in range(top, bottom) if any(pixels[x, y] < INK_THRESHOLD for x in range(width))]
            fills.append((inked[-1] - top + 1) / (bottom - top) if inked else 0.0)
        return fills


@dataclass(frozen=True)
class Run:
    """A run of text as drawn: its position (points from the bottom left), size and text."""

    x: float
    y: float
    size: float
    text: str


def runs(pdf: bytes, page_index: int) -> list[Run]:
    found: list[Run] = []

    def visit(text: str, matrix: list[float], text_matrix: list[float], font: object, size: float) -> None:
        if text.strip():
            scale = abs(text_matrix[3]) * abs(matrix[3]) if matrix[3] else 1.0
            x = matrix[4] + text_matrix[4] * matrix[0]
            y = matrix[5] + text_matrix[5] * matrix[3]
            found.append(Run(x, y, size * scale, text.strip()))

    PdfReader(io.BytesIO(pdf)).pages[page_index].extract_text(visitor_text=visit)
    return found
