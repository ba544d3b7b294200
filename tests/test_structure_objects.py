"""A structure element's dictionary is written in the very bytes reportlab writes a dictionary of the same entries in."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObjectReference, PDFString

from guide.render.pdf.structure_objects import ContentKid, ElementKid, ElementObject, Kid, ObjectKid
from tests.test_plain_objects import REFERENCES, document

object_names = st.integers(0, REFERENCES - 1).map(lambda number: f"object-{number}")
kids = st.one_of(
    st.builds(ContentKid, st.integers(0, 999), st.none() | object_names),
    st.builds(ElementKid, object_names),
    st.builds(ObjectKid, object_names, object_names),
)
texts = st.none() | st.text(max_size=12)


def reportlab_kid(kid: Kid) -> Any:
    """The kid as the dictionary of reportlab's objects it stands for."""
    if isinstance(kid, ContentKid):
        if kid.page is None:
            return kid.mcid
        return PDFDictionary({"Type": PDFName("MCR"), "Pg": PDFObjectReference(kid.page), "MCID": kid.mcid})
    if isinstance(kid, ElementKid):
        return PDFObjectReference(kid.name)
    return PDFDictionary({"Type": PDFName("OBJR"), "Obj": PDFObjectReference(kid.name), "Pg": PDFObjectReference(kid.page)})


@settings(max_examples=60, deadline=None)
@given(
    role=st.sampled_from(["P", "H1", "LBody", "TH", "Link", "Span"]),
    parent=object_names,
    page=st.none() | object_names,
    element_kids=st.lists(kids, min_size=1, max_size=23),
    alt=texts,
    lang=texts,
    scope=st.none() | st.sampled_from(["Row", "Column"]),
)
def test_an_element_is_written_as_reportlab_writes_its_dictionary(
    role: str, parent: str, page: str | None, element_kids: list[Kid], alt: str | None, lang: str | None, scope: str | None
) -> None:
    entries: dict[str, Any] = {"Type": PDFName("StructElem"), "S": PDFName(role), "P": PDFObjectReference(parent)}
    if page is not None:
        entries["Pg"] = PDFObjectReference(page)
    formatted = [reportlab_kid(kid) for kid in element_kids]
    entries["K"] = formatted[0] if len(formatted) == 1 else PDFArray(formatted)
    if alt is not None:
        entries["Alt"] = PDFString(alt)
    if lang is not None:
        entries["Lang"] = PDFString(lang)
    if scope is not None:
        entries["A"] = PDFDictionary({"O": PDFName("Table"), "Scope": PDFName(scope)})
    ours = ElementObject(role, parent, page, element_kids, alt=alt, lang=lang, scope=scope)
    assert ours.format(document()) == PDFDictionary(entries).format(document())
