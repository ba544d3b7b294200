"""Reading facts back out of a PDF: fonts, sizes and links, for assertions."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.generic import ContentStream


def fonts_of(reader: PdfReader) -> dict[str, bool]:
    """Base font name -> whether the font program is embedded, for every font on every page."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for reference in fonts.values():
            font = reference.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return found


def text_sizes(reader: PdfReader, page_index: int) -> list[tuple[float, str]]:
    """(font size in points, text) for every run of text drawn on a page."""
    runs: list[tuple[float, str]] = []

    def visit(text: str, matrix: list[float], text_matrix: list[float], font: object, size: float) -> None:
        if text.strip():
            runs.append((size * abs(text_matrix[3]) * abs(matrix[3]) if matrix[3] else size, text))

    reader.pages[page_index].extract_text(visitor_text=visit)
    return runs


def link_targets(reader: PdfReader) -> list[str]:
    targets = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets


def _hex(operands: list) -> str:
    """An rg (three values) or g (one value) operator's colour as #RRGGBB."""
    values = operands if len(operands) == 3 else operands * 3
    return "#" + "".join(f"{round(float(value) * 255):02X}" for value in values)


def filled_areas(reader: PdfReader, page_index: int) -> list[tuple[str, float]]:
    """(fill colour as #RRGGBB, area in square points) of every filled rectangle drawn on a page."""
    page = reader.pages[page_index]
    color, stack, pending, fills = "#000000", [], [], []
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"q":
            stack.append(color)
        elif operator == b"Q" and stack:
            color = stack.pop()
        elif operator in (b"rg", b"g"):
            color = _hex(operands)
        elif operator == b"re":
            pending.append(abs(float(operands[2]) * float(operands[3])))
        elif operator in (b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"):
            fills += [(color, area) for area in pending]
            pending = []
        elif operator in (b"S", b"n"):
            pending = []
    return fills


def fill_colors(reader: PdfReader) -> set[str]:
    """Every fill colour (of text and shapes) set on any page, as #RRGGBB."""
    return {
        _hex(operands)
        for page in reader.pages
        for operands, operator in ContentStream(page.get_contents(), reader).operations
        if operator in (b"rg", b"g")
    }


def coloured_text(reader: PdfReader, page_index: int) -> list[tuple[str, float, str]]:
    """(fill colour as #RRGGBB, font size in points, text) for every run of text drawn on a page."""
    runs: list[tuple[str, float, str]] = []
    color = ["#000000"]

    def before(operator: bytes, operands: list, matrix: list[float], text_matrix: list[float]) -> None:
        if operator in (b"rg", b"g"):
            color[0] = _hex(operands)

    def visit(text: str, matrix: list[float], text_matrix: list[float], font: object, size: float) -> None:
        if text.strip():
            runs.append((color[0], size * abs(text_matrix[3]) if text_matrix[3] else size, text))

    reader.pages[page_index].extract_text(visitor_operand_before=before, visitor_text=visit)
    return runs


def text_lines(pdf: bytes, page_index: int) -> list[str]:
    """The lines of text drawn on a page in the order drawn: the runs drawn one after another on one baseline, joined.

    A paragraph is drawn line by line, so a line's runs (a bold word, a change of colour) follow each other.
    """
    lines: list[tuple[float, list[str]]] = []

    def visit(text: str, matrix: list[float], text_matrix: list[float], font: object, size: float) -> None:
        if not text.strip():
            return
        y = round(matrix[5] + text_matrix[5] * matrix[3], 1)
        if lines and abs(lines[-1][0] - y) < 0.2:
            lines[-1][1].append(text)
        else:
            lines.append((y, [text]))

    PdfReader(io.BytesIO(pdf)).pages[page_index].extract_text(visitor_text=visit)
    return [" ".join("".join(parts).split()) for _, parts in lines]
