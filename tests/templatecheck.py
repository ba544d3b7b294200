"""Checks every deck drawn on a template must pass: nothing overflows, re-measured from the file in the template's fonts."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject

from guide.fonts import measuring_family
from guide.render.slides.fitting import items_height
from guide.render.slides.measure import Measurer
from guide.template import read_template
from tests.deckread import items_of, pt, text_shapes

FURNITURE = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def checked_deck(deck_path: Path, template_path: Path) -> PresentationObject:
    """The deck, after checking each slide: a title, no text cut, every text box placed explicitly on the slide, nothing overflowing.

    Text is re-measured with the families that stand for the template's own fonts (the
    master's text styles), as a viewer would set it.
    """
    template = read_template(template_path)
    title_measurer, body_measurer = (Measurer(measuring_family(font)[0]) for font in template.fonts)
    deck = Presentation(str(deck_path))
    width, height = pt(deck.slide_width), pt(deck.slide_height)
    assert (width, height) == (template.width_pt, template.height_pt)
    for number, slide in enumerate(deck.slides, start=1):
        title = slide.shapes.title
        assert title is not None and title.text_frame.text.strip(), f"slide {number} has no title"
        assert "…" not in title.text_frame.text and "..." not in title.text_frame.text, title.text_frame.text
        for shape in text_shapes(slide):
            if shape.is_placeholder and shape.placeholder_format.type in FURNITURE:
                continue
            assert shape._element.spPr.find(qn("a:xfrm")) is not None, f"slide {number}: {shape.name} has no position of its own"
            left, top, box_width, box_height = pt(shape.left), pt(shape.top), pt(shape.width), pt(shape.height)
            assert left >= -0.5 and top >= -0.5, (number, shape.name)
            assert left + box_width <= width + 0.5 and top + box_height <= height + 0.5, (number, shape.name)
            items, sizes = items_of(shape)
            (size,) = sizes
            is_title = shape.is_placeholder and shape.placeholder_format.type in TITLES
            measurer = title_measurer if is_title else body_measurer
            needed = items_height(items, box_width, size, measurer)
            assert needed <= box_height + 0.01, f"slide {number}: {shape.name} needs {needed:.1f} pt of {box_height:.1f}"
    return deck


def layout_names(deck: PresentationObject) -> list[str]:
    return [slide.slide_layout.name for slide in deck.slides]
