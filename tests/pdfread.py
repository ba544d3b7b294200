"""Reading facts back out of a PDF: fonts, sizes and links, for assertions."""

from __future__ import annotations

from pypdf import PdfReader


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
