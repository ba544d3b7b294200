"""The structure tree's dictionaries and the outline's entries are written in the very bytes reportlab writes them in."""

from __future__ import annotations

import io
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfdoc import OutlineEntryObject, PDFArray, PDFDictionary, PDFDocument, PDFName, PDFObjectReference, PDFString
from reportlab.pdfgen.canvas import Canvas

from guide.render.pdf.internals import outline_entry
from guide.render.pdf.plain_objects import PlainDictionary, WithReferences, around_references, number_array

REFERENCES = 30


def document() -> PDFDocument:
    """A document with objects to refer to, numbered as a real one numbers them."""
    pdf = PDFDocument(invariant=1)
    for number in range(REFERENCES):
        pdf.Reference(PDFDictionary({"N": number}), f"object-{number}")
    return pdf


keys = st.one_of(st.sampled_from(["Type", "S", "P", "Pg", "K", "Alt", "MCID", "Obj"]), st.text(min_size=1, max_size=6))
names = st.text(max_size=8).map(PDFName)
references = st.integers(0, REFERENCES - 1).map(lambda number: PDFObjectReference(f"object-{number}"))
plain = st.one_of(names, st.integers(-(10**9), 10**9), references, st.text(max_size=8).map(PDFString), st.booleans(), st.floats(-1e3, 1e3))


def pair_of(values: st.SearchStrategy[Any]) -> st.SearchStrategy[tuple[Any, Any]]:
    """The same value as reportlab's own objects and with this module's dictionaries in it."""
    arrays = st.lists(values, max_size=14).map(lambda items: (PDFArray([item[0] for item in items]), PDFArray([item[1] for item in items])))
    dictionaries = st.dictionaries(keys, values, max_size=14).map(both_dictionaries)
    return st.one_of(arrays, dictionaries)


def both_dictionaries(entries: dict[str, tuple[Any, Any]]) -> tuple[PDFDictionary, PlainDictionary]:
    theirs = PDFDictionary({key: value[0] for key, value in entries.items()})
    return theirs, PlainDictionary({key: value[1] for key, value in entries.items()})


values = st.recursive(plain.map(lambda value: (value, value)), pair_of, max_leaves=12)


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(keys, values, max_size=14))
def test_a_plain_dictionary_is_written_as_reportlab_writes_a_dictionary(entries: dict[str, tuple[Any, Any]]) -> None:
    theirs, ours = both_dictionaries(entries)
    assert ours.format(document()) == theirs.format(document())


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(keys, values, max_size=14))
def test_a_dictionary_formatted_around_its_references_is_written_as_reportlab_writes_it(entries: dict[str, tuple[Any, Any]]) -> None:
    """Formatted once with its references left open, then filled in a document: reportlab's bytes for that document."""
    theirs = PDFDictionary({key: value[0] for key, value in entries.items()})
    parts = around_references(theirs.dict, document())
    assert WithReferences(parts).format(document()) == theirs.format(document())


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(st.integers(-(10**6), 10**6), st.floats(-1e5, 1e5)), max_size=45))
def test_an_array_of_numbers_is_written_as_reportlab_writes_it(numbers: list[float]) -> None:
    assert number_array(numbers, document()) == PDFArray(numbers).format(document())


titles = st.one_of(
    st.text(st.characters(min_codepoint=32, max_codepoint=127), max_size=12),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(titles, st.integers(0, 2), st.booleans()), min_size=1, max_size=9))
def test_outline_entries_are_written_as_reportlab_writes_them(entries: list[tuple[str, int, bool]]) -> None:
    """Bookmarks with any titles (escaped, or in UTF-16), nested, some closed: each entry in reportlab's bytes."""
    canvas = Canvas(io.BytesIO(), invariant=1)
    level = 0
    for index, (title, deeper, closed) in enumerate(entries):
        level = min(level + 1, deeper) if index else 0  # a level at most one deeper than the last
        canvas.bookmarkPage(f"key-{index}")
        canvas.addOutlineEntry(title, f"key-{index}", level=level, closed=closed)
    canvas.showPage()
    pdf = canvas._doc
    pdf.Outlines.prepare(pdf, canvas)
    outline = [value for value in pdf.idToObject.values() if isinstance(value, OutlineEntryObject)]
    assert len(outline) == len(entries)
    for entry in outline:
        assert outline_entry(entry, pdf) == entry.format(pdf)
