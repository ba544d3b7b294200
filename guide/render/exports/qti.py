"""A topic's questions as a QTI 1.2 package, the quiz format Canvas imports (and Blackboard, D2L).

The package is a zip of ``imsmanifest.xml`` (IMS Content Packaging 1.1, in the namespace
Canvas's own exports use) naming one assessment file, ``<topic id>/<topic id>.xml``. An open question is an essay item worth one
point, with Canvas's ``question_type`` metadata so Canvas knows it; the model answer is the
item's general feedback, which Canvas shows a student once the quiz is submitted. Every
identifier is derived from the topic id, so a re-import names the same quiz and items.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from guide.model import Course, Question, Topic
from guide.render.exports.package import identifier, zipped
from guide.render.exports.text import paragraph_html
from guide.session import BuildSession
from guide.theme import Theme

QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QTI_SCHEMA = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
PACKAGE_NAMESPACE = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
"""IMS Content Packaging 1.1 as Canvas writes it in its own quiz exports (the Common Cartridge 1.1 name of it)."""
PACKAGE_SCHEMA = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
SCHEMA_INSTANCE = "http://www.w3.org/2001/XMLSchema-instance"
QTI_RESOURCE = "imsqti_xmlv1p2"
"""The resource type Canvas looks for in a package's manifest."""
POINTS = "1.0"


def render_qti(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The manifest and the assessment, zipped the same way every build."""
    path = assessment_path(topic)
    return zipped([("imsmanifest.xml", _xml(manifest(topic, path))), (path, _xml(assessment(topic, course)))])


def assessment_path(topic: Topic) -> str:
    return f"{topic.id}/{topic.id}.xml"


def manifest(topic: Topic, path: str) -> ElementTree.Element:
    """The package's table of contents: one QTI resource, the assessment."""
    root = _root("manifest", PACKAGE_NAMESPACE, PACKAGE_SCHEMA, identifier=identifier("M", "qti manifest", topic.id))
    metadata = ElementTree.SubElement(root, "metadata")
    ElementTree.SubElement(metadata, "schema").text = "IMS Content"
    ElementTree.SubElement(metadata, "schemaversion").text = "1.1.3"
    ElementTree.SubElement(root, "organizations")
    resources = ElementTree.SubElement(root, "resources")
    resource = ElementTree.SubElement(
        resources, "resource", identifier=identifier("R", "qti resource", topic.id), type=QTI_RESOURCE, href=path
    )
    ElementTree.SubElement(resource, "file", href=path)
    return root


def assessment(topic: Topic, course: Course | None) -> ElementTree.Element:
    """One assessment named after the topic (and its course), one section, one item per question."""
    root = _root("questestinterop", QTI_NAMESPACE, QTI_SCHEMA)
    title = f"{course.code} · {topic.title}" if course else topic.title
    test = ElementTree.SubElement(root, "assessment", ident=identifier("A", "qti assessment", topic.id), title=title)
    section = ElementTree.SubElement(test, "section", ident=identifier("S", "qti section", topic.id))
    for number, question in enumerate(topic.questions, start=1):
        section.append(essay_item(topic.id, number, question))
    return root


def essay_item(topic_id: str, number: int, question: Question) -> ElementTree.Element:
    """An open question as an essay item: a text box to answer in, marked by hand, the model answer as feedback."""
    item = ElementTree.Element("item", ident=identifier("I", "qti item", topic_id, str(number)), title=f"Question {number}")
    fields = ElementTree.SubElement(ElementTree.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in (("question_type", "essay_question"), ("points_possible", POINTS)):
        field = ElementTree.SubElement(fields, "qtimetadatafield")
        ElementTree.SubElement(field, "fieldlabel").text = label
        ElementTree.SubElement(field, "fieldentry").text = entry
    presentation = ElementTree.SubElement(item, "presentation")
    _material(presentation, paragraph_html(question.question))
    response = ElementTree.SubElement(presentation, "response_str", ident="response1", rcardinality="Single")
    ElementTree.SubElement(ElementTree.SubElement(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    processing = ElementTree.SubElement(item, "resprocessing")
    ElementTree.SubElement(
        ElementTree.SubElement(processing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal"
    )
    ElementTree.SubElement(
        ElementTree.SubElement(ElementTree.SubElement(processing, "respcondition", {"continue": "No"}), "conditionvar"), "other"
    )
    condition = ElementTree.SubElement(processing, "respcondition", {"continue": "Yes"})
    ElementTree.SubElement(ElementTree.SubElement(condition, "conditionvar"), "other")
    ElementTree.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    feedback = ElementTree.SubElement(item, "itemfeedback", ident="general_fb")
    _material(ElementTree.SubElement(feedback, "flow_mat"), paragraph_html(question.answer))
    return item


def _material(parent: ElementTree.Element, html: str) -> None:
    material = ElementTree.SubElement(parent, "material")
    ElementTree.SubElement(material, "mattext", texttype="text/html").text = html


def _root(tag: str, namespace: str, schema: str, **attributes: str) -> ElementTree.Element:
    """A document element in ``namespace``, which its children share, naming its schema's location."""
    return ElementTree.Element(
        tag, {"xmlns": namespace, "xmlns:xsi": SCHEMA_INSTANCE, "xsi:schemaLocation": f"{namespace} {schema}", **attributes}
    )


def _xml(root: ElementTree.Element) -> bytes:
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
