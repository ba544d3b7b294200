"""Dictionaries and arrays of plain values written in the very bytes reportlab writes them in, in a fraction of its time.

A tagged PDF's structure tree is a few hundred small dictionaries (an element's role, its
parent, its page, its kids), and reportlab's general formatting (each key escaped character
by character, each value dispatched on its type) took most of the time of writing them. These
dictionaries format what a structure tree holds (names, numbers, references, and arrays and
dictionaries of them) themselves and leave anything else to reportlab. tests/test_plain_objects.py
compares the bytes with reportlab's.
"""

from __future__ import annotations

from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFDocument, PDFName, PDFObject, PDFObjectReference, format, pdfdocEnc

from guide.render.pdf.internals import DICTIONARY_ROW, object_numbers, rows

ARRAY_ROW = 10
"""reportlab breaks an array's line after this many items, where it writes each on one line (its default)."""


class Formatted(PDFObject):
    """A PDF object given as its bytes (a font's widths or file, a palette's string), written as they are."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: PDFDocument) -> bytes:
        return self.data


def number_array(numbers: list[float], document: PDFDocument) -> bytes:
    """An array of numbers (a font's widths) in the bytes reportlab's ``PDFArray`` writes, each row of numbers formatted at once."""
    if rl_config.pdfMultiLine:  # set out otherwise: left to reportlab
        formatted: bytes = PDFArray(numbers).format(document)
        return formatted
    row_text = [fp_str(*numbers[start : start + ARRAY_ROW]) for start in range(0, len(numbers), ARRAY_ROW)]
    return b"[ " + " \n  ".join(row_text).encode("ascii") + b" ]"


REFERENCE_HOLE = b"\x00reference\x00"
"""Where a reference goes in an object formatted beforehand: no formatted name, number or dictionary holds a NUL byte."""


class WithReferences(PDFObject):
    """An object's bytes formatted beforehand around references to other objects, by name, filled in as the document is written.

    For an object the same in every document but for the numbers of the objects it refers to (a
    font's descriptor and its font file).
    """

    def __init__(self, parts: tuple[bytes | str, ...]) -> None:
        self.parts = parts
        """Formatted bytes, and between them the names of the objects referred to."""

    def format(self, document: PDFDocument) -> bytes:
        numbers = object_numbers(document)
        return b"".join(part if isinstance(part, bytes) else b"%d %d R" % numbers[part] for part in self.parts)


def around_references(entries: dict[str, Any], document: PDFDocument) -> tuple[bytes | str, ...]:
    """The parts of a ``WithReferences`` that formats ``entries`` as reportlab's ``PDFDictionary`` does, its references left open.

    reportlab formats the dictionary itself, with a hole where each reference goes.
    """
    references = {key: value.name for key, value in entries.items() if isinstance(value, PDFObjectReference)}
    formatted: bytes = PDFDictionary({**entries, **dict.fromkeys(references, Formatted(REFERENCE_HOLE))}).format(document)
    pieces = formatted.split(REFERENCE_HOLE)
    names = [references[key] for key in sorted(references)]  # in the order reportlab writes the keys
    return (pieces[0], *(part for name, piece in zip(names, pieces[1:], strict=True) for part in (name, piece)))


class PlainDictionary(PDFDictionary):
    """A dictionary of plain values, formatted as a ``PDFDictionary`` is."""

    def format(self, document: PDFDocument, IND: bytes = b"\n ") -> bytes:  # noqa: N803 - reportlab's name
        if rl_config.pdfMultiLine or type(self.dict) is not dict:  # set out otherwise, or in its own order: left to reportlab
            formatted: bytes = super().format(document, IND)
            return formatted
        return _dictionary(self.dict, document)


def _dictionary(entries: dict[str, Any], document: PDFDocument) -> bytes:
    parts = [name_bytes(key) + b" " + _value(entries[key], document) for key in sorted(entries)]
    return b"<<\n" + rows(parts, DICTIONARY_ROW) + b"\n>>"


def name_bytes(key: str) -> bytes:
    """A key as a PDF name: letters and digits as they are, anything else escaped by reportlab."""
    return b"/" + key.encode("ascii") if key.isascii() and key.isalnum() else pdfdocEnc(PDFName(key))


def _value(value: Any, document: PDFDocument) -> bytes:
    kind = type(value)
    if kind is str:  # a name, as reportlab's PDFName spells it; PDFDocEncoding is ASCII where ASCII prints
        return value.encode("ascii") if value.isascii() and value.isprintable() else pdfdocEnc(value)
    if kind is int:
        return str(value).encode("ascii")
    if kind is PDFObjectReference:  # "n v R", as it formats itself
        return b"%d %d R" % object_numbers(document)[value.name]
    if kind is PDFArray and not rl_config.pdfMultiLine:
        return b"[ " + rows([_value(item, document) for item in value.sequence], ARRAY_ROW) + b" ]"
    if kind in (PDFDictionary, PlainDictionary) and type(value.dict) is dict and not rl_config.pdfMultiLine:
        return _dictionary(value.dict, document)  # an OrderedDict keeps its order: left to reportlab
    return format(value, document)  # anything else, as reportlab formats it
