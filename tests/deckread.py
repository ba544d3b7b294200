"""Reading a deck back with python-pptx: text frames as measurable items, shapes as boxes."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

from pptx.oxml.ns import qn
from pptx.shapes.base import BaseShape
from pptx.slide import Slide
from pptx.util import Emu

from guide.markup import Span
from guide.render.slides.fitting import Item

EMU_PER_PT = 12700


def pages_in_libreoffice(deck: Path, folder: Path) -> int:
    """How many pages LibreOffice makes of ``deck`` converted to PDF (in ``folder``, with a profile of its own)."""
    return pages_of_decks([deck], folder)[deck]


def pages_of_decks(decks: list[Path], folder: Path) -> dict[Path, int]:
    """Pages LibreOffice makes of each deck, converted in one run (it starts slowly) into ``folder``."""
    from pypdf import PdfReader

    command = ["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless", "--convert-to", "pdf", "--outdir", str(folder)]
    result = subprocess.run([*command, *map(str, decks)], capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return {deck: len(PdfReader(folder / deck.with_suffix(".pdf").name).pages) for deck in decks}


def pt(length: int | Emu) -> float:
    return int(length) / EMU_PER_PT


def text_shapes(slide: Slide) -> Iterator[BaseShape]:
    for shape in slide.shapes:
        if shape.has_text_frame and shape.text_frame.text.strip():
            yield shape


def items_of(shape: BaseShape) -> tuple[list[Item], set[float]]:
    """The shape's paragraphs as fitting items, and the font sizes its runs carry (None if unset)."""
    items, sizes = [], set()
    for paragraph in shape.text_frame.paragraphs:
        properties = paragraph._p.pPr
        bullet = properties is not None and properties.find(qn("a:buChar")) is not None
        numbering = properties.find(qn("a:buAutoNum")) if properties is not None else None
        number = int(numbering.get("startAt", "1")) if numbering is not None else 0
        spans = []
        for run in paragraph._p.iter(qn("a:r"), qn("a:fld"), qn("a:br")):
            if run.tag == qn("a:br"):  # a line break the plan measured
                spans.append(Span("\v"))
                continue
            r_pr = run.find(qn("a:rPr"))
            size = r_pr.get("sz") if r_pr is not None else None
            sizes.add(int(size) / 100 if size else None)
            text = "".join(node.text or "" for node in run.iter(qn("a:t")))
            spans.append(Span(text, bold=r_pr is not None and r_pr.get("b") == "1", italic=r_pr is not None and r_pr.get("i") == "1"))
        items.append(Item(tuple(spans), bullet, number))
    return items, sizes


def deck_fonts_and_colors(deck) -> tuple[set[str], set[str]]:
    """The typefaces runs name and the RGB colours (#RRGGBB) the slides use."""
    fonts, colors = set(), set()
    for slide in deck.slides:
        element = slide._element
        fonts |= {node.get("typeface") for node in element.iter(qn("a:latin"))}
        colors |= {"#" + node.get("val").upper() for node in element.iter(qn("a:srgbClr"))}
    return fonts, colors


def slide_size(deck: Path) -> dict[str, str]:
    """The attributes of the deck's ``p:sldSz``, read from its presentation part: the size and the type it names."""
    from zipfile import ZipFile

    from lxml import etree

    with ZipFile(deck) as package:
        presentation = etree.fromstring(package.read("ppt/presentation.xml"))
    return dict(presentation.find(qn("p:sldSz")).attrib)
