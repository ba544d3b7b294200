"""A topic's questions as a QTI 1.2 package, the quiz format Canvas imports (and Blackboard, D2L).

The package is a zip of ``imsmanifest.xml`` (IMS Content Packaging 1.1, in the namespace
Canvas's own exports use) naming one assessment file, ``<topic id>/<topic id>.xml``. Each item
carries Canvas's ``question_type`` and ``points_possible`` metadata: an open question is an
essay item (the model answer its general feedback, which Canvas shows once the quiz is
submitted), multiple choice a multiple-choice or multiple-answers item with each option's
feedback, true/false a true/false item, a matching a matching item, a cloze a
fill-in-multiple-blanks item (a multiple-dropdowns item with a word bank). An ordering has no
QTI 1.2 item Canvas imports: it is left out, and the build warns naming it (``left_out``).
Every identifier is derived from the topic id, so a re-import names the same quiz and items.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from guide import model
from guide.labels import Labels, labels_for
from guide.quiz import blank_answer, blanks, default_prompt, printed_numbers, worth
from guide.render.exports.package import identifier, zipped
from guide.render.exports.text import escaped, inline_html, paragraph_html, plain
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


def render_qti(topic: model.Topic, theme: Theme, course: model.Course | None = None, session: BuildSession | None = None) -> bytes:
    """The manifest and the assessment, zipped the same way every build."""
    path = assessment_path(topic)
    return zipped([("imsmanifest.xml", _xml(manifest(topic, path))), (path, _xml(assessment(topic, course, theme.quiz_print == "paper")))])


def assessment_path(topic: model.Topic) -> str:
    return f"{topic.id}/{topic.id}.xml"


def manifest(topic: model.Topic, path: str) -> ElementTree.Element:
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


def assessment(topic: model.Topic, course: model.Course | None, quiz_on_paper: bool = True) -> ElementTree.Element:
    """One assessment named after the topic (and its course), one section, one item per question QTI 1.2 can ask.

    Each item is titled by its number on the paper that asks it ("Question 2" on the sheet,
    "Quiz question 1" on the quiz paper); its identifier stays its place in the topic.
    """
    root = _root("questestinterop", QTI_NAMESPACE, QTI_SCHEMA)
    title = f"{course.code} · {topic.title}" if course else topic.title
    test = ElementTree.SubElement(root, "assessment", ident=identifier("A", "qti assessment", topic.id), title=title)
    section = ElementTree.SubElement(test, "section", ident=identifier("S", "qti section", topic.id))
    labels = labels_for(topic.language_code)
    printed = printed_numbers(topic, quiz_on_paper)
    for number, (question, (shown, on_quiz)) in enumerate(zip(topic.questions, printed, strict=True), start=1):
        if not isinstance(question, LEFT_OUT):
            section.append(qti_item(topic.id, number, f"{labels['quiz_question' if on_quiz else 'question']} {shown}", question, labels))
    return root


LEFT_OUT = (model.OrderingQuestion,)
"""Types QTI 1.2 as Canvas reads it has no item for: Canvas imports no ordering question."""


def left_out(topic: model.Topic) -> list[tuple[tuple[str | int, ...], str]]:
    """Each question the package leaves out, at its ``type``, with why: for the build to warn."""
    return [
        (("questions", index, "type"), f"the QTI package leaves out this {question.type} question: QTI 1.2 as Canvas imports it has none")
        for index, question in enumerate(topic.questions)
        if isinstance(question, LEFT_OUT)
    ]


class _Item:
    """One item being written: its metadata, presentation, scoring and feedback, each in QTI's order."""

    def __init__(self, topic_id: str, number: int, title: str, kind: str, question: model.Question) -> None:
        self.ident = identifier("I", "qti item", topic_id, str(number))
        self.element = ElementTree.Element("item", ident=self.ident, title=title)
        fields = ElementTree.SubElement(ElementTree.SubElement(self.element, "itemmetadata"), "qtimetadata")
        for label, entry in (("question_type", kind), ("points_possible", f"{worth(question)}.0")):
            field = ElementTree.SubElement(fields, "qtimetadatafield")
            ElementTree.SubElement(field, "fieldlabel").text = label
            ElementTree.SubElement(field, "fieldentry").text = entry
        self.presentation = ElementTree.SubElement(self.element, "presentation")
        self.feedback: list[tuple[str, str]] = []

    def label_ident(self, *parts: str) -> str:
        return identifier("L", self.ident, *parts)

    def choices(
        self, response: str, labels: list[tuple[str, str]], cardinality: str = "Single", html: bool = True, material: str = ""
    ) -> None:
        """A response of choices (ident, text) to pick from; ``material`` names the response (a matching's left item, a blank)."""
        lid = ElementTree.SubElement(self.presentation, "response_lid", ident=response, rcardinality=cardinality)
        if material:
            _material(lid, material, html=False)
        choice = ElementTree.SubElement(lid, "render_choice")
        for ident, shown in labels:
            _material(ElementTree.SubElement(choice, "response_label", ident=ident), shown, html=html)

    def scoring(self) -> ElementTree.Element:
        processing = ElementTree.SubElement(self.element, "resprocessing")
        outcomes = ElementTree.SubElement(processing, "outcomes")
        ElementTree.SubElement(outcomes, "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
        return processing

    def finished(self) -> ElementTree.Element:
        for ident, html in self.feedback:
            _material(ElementTree.SubElement(ElementTree.SubElement(self.element, "itemfeedback", ident=ident), "flow_mat"), html)
        return self.element


def _condition(processing: ElementTree.Element, matches: list[tuple[str, str, bool]], go_on: bool = False) -> ElementTree.Element:
    """A condition that all (response, label, chosen) hold: ``chosen`` False means the label is not chosen."""
    condition = ElementTree.SubElement(processing, "respcondition", {"continue": "Yes" if go_on else "No"})
    holder = ElementTree.SubElement(condition, "conditionvar")
    if len(matches) > 1:
        holder = ElementTree.SubElement(holder, "and")
    for response, label, chosen in matches:
        parent = holder if chosen else ElementTree.SubElement(holder, "not")
        ElementTree.SubElement(parent, "varequal", respident=response).text = label
    return condition


def _score(condition: ElementTree.Element, value: str, action: str = "Set") -> None:
    ElementTree.SubElement(condition, "setvar", action=action, varname="SCORE").text = value


def qti_item(topic_id: str, number: int, title: str, question: model.Question, labels: Labels) -> ElementTree.Element:
    """One question as the Canvas item type that asks it the same way."""
    if isinstance(question, model.OpenQuestion):
        return essay_item(topic_id, number, title, question)
    if isinstance(question, model.ChoiceQuestion):
        return choice_item(topic_id, number, title, question)
    if isinstance(question, model.TrueFalseQuestion):
        return true_false_item(topic_id, number, title, question, labels)
    if isinstance(question, model.MatchingQuestion):
        return matching_item(topic_id, number, title, question, labels)
    assert isinstance(question, model.ClozeQuestion)
    return cloze_item(topic_id, number, title, question, labels)


def essay_item(topic_id: str, number: int, title: str, question: model.OpenQuestion) -> ElementTree.Element:
    """An open question as an essay item: a text box to answer in, marked by hand, the model answer as feedback."""
    item = _Item(topic_id, number, title, "essay_question", question)
    _material(item.presentation, paragraph_html(question.question))
    response = ElementTree.SubElement(item.presentation, "response_str", ident="response1", rcardinality="Single")
    ElementTree.SubElement(ElementTree.SubElement(response, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    processing = item.scoring()
    ElementTree.SubElement(
        ElementTree.SubElement(ElementTree.SubElement(processing, "respcondition", {"continue": "No"}), "conditionvar"), "other"
    )
    condition = ElementTree.SubElement(processing, "respcondition", {"continue": "Yes"})
    ElementTree.SubElement(ElementTree.SubElement(condition, "conditionvar"), "other")
    ElementTree.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    item.feedback.append(("general_fb", paragraph_html(question.answer)))
    return item.finished()


def choice_item(topic_id: str, number: int, title: str, question: model.ChoiceQuestion) -> ElementTree.Element:
    """One correct option: a multiple-choice item; several: a multiple-answers item, full marks for exactly the correct ones."""
    several = sum(option.correct for option in question.options) > 1
    item = _Item(topic_id, number, title, "multiple_answers_question" if several else "multiple_choice_question", question)
    _material(item.presentation, paragraph_html(question.question))
    idents = [item.label_ident("option", str(index)) for index in range(len(question.options))]
    shown = [(ident, inline_html(option.text)) for ident, option in zip(idents, question.options, strict=True)]
    item.choices("response1", shown, "Multiple" if several else "Single")
    processing = item.scoring()
    for ident, option in zip(idents, question.options, strict=True):
        if option.feedback:
            condition = _condition(processing, [("response1", ident, True)], go_on=True)
            ElementTree.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid=f"{ident}_fb")
            item.feedback.append((f"{ident}_fb", paragraph_html(option.feedback)))
    if several:
        _score(
            _condition(processing, [("response1", ident, option.correct) for ident, option in zip(idents, question.options, strict=True)]),
            "100",
        )
    else:
        right = next(ident for ident, option in zip(idents, question.options, strict=True) if option.correct)
        _score(_condition(processing, [("response1", right, True)]), "100")
    return item.finished()


def true_false_item(topic_id: str, number: int, title: str, question: model.TrueFalseQuestion, labels: Labels) -> ElementTree.Element:
    """The statement with True and False to pick, in the topic's language; the feedback shown after either."""
    item = _Item(topic_id, number, title, "true_false_question", question)
    _material(item.presentation, paragraph_html(question.question))
    idents = {value: item.label_ident(str(value)) for value in (True, False)}
    item.choices("response1", [(idents[True], escaped(labels["true"])), (idents[False], escaped(labels["false"]))])
    processing = item.scoring()
    if question.feedback:
        condition = ElementTree.SubElement(processing, "respcondition", {"continue": "Yes"})
        ElementTree.SubElement(ElementTree.SubElement(condition, "conditionvar"), "other")
        ElementTree.SubElement(condition, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
        item.feedback.append(("general_fb", paragraph_html(question.feedback)))
    _score(_condition(processing, [("response1", idents[question.answer], True)]), "100")
    return item.finished()


def matching_item(topic_id: str, number: int, title: str, question: model.MatchingQuestion, labels: Labels) -> ElementTree.Element:
    """Each left item a response choosing among all the matches (plain text, as Canvas shows them), each worth a share."""
    item = _Item(topic_id, number, title, "matching_question", question)
    _material(item.presentation, _prompt(question, labels))
    matches = [(item.label_ident("match", str(index)), plain(pair.right)) for index, pair in enumerate(question.pairs)]
    responses = [item.label_ident("left", str(index)) for index in range(len(question.pairs))]
    for response, pair in zip(responses, question.pairs, strict=True):
        item.choices(response, matches, html=False, material=pair.left)
    processing = item.scoring()
    share = f"{100 / len(question.pairs):.2f}"
    for response, (match, _) in zip(responses, matches, strict=True):
        _score(_condition(processing, [(response, match, True)], go_on=True), share, "Add")
    return item.finished()


def cloze_item(topic_id: str, number: int, title: str, question: model.ClozeQuestion, labels: Labels) -> ElementTree.Element:
    """Canvas's fill-in-multiple-blanks item (``[blank1]`` in the text), or with a word bank its multiple-dropdowns item."""
    kind = "multiple_dropdowns_question" if question.word_bank else "fill_in_multiple_blanks_question"
    item = _Item(topic_id, number, title, kind, question)
    pieces: list[str] = []
    for part in model.cloze_parts(question.text):
        pieces.append(
            f"[blank{sum(piece.startswith('[blank') for piece in pieces) + 1}]" if isinstance(part, model.Blank) else inline_html(part)
        )
    prompt = _prompt(question, labels) if question.question else ""
    _material(item.presentation, prompt + f"<p>{''.join(pieces)}</p>")
    found = blanks(question)
    bank = sorted({blank_answer(blank) for blank in found}, key=str.casefold)
    processing = item.scoring()
    share = f"{100 / len(found):.2f}"
    for place, blank in enumerate(found, start=1):
        name = f"blank{place}"
        words = bank if question.word_bank else [plain(answer) for answer in blank.answers]
        choices = [(item.label_ident(name, word), word) for word in words]
        item.choices(f"response_{name}", choices, html=False, material=name)
        for (ident, _), word in zip(choices, words, strict=True):
            if not question.word_bank or word == blank_answer(blank):  # every accepted answer scores; of a bank, the right word
                _score(_condition(processing, [(f"response_{name}", ident, True)], go_on=True), share, "Add")
    return item.finished()


def _prompt(question: model.Question, labels: Labels) -> str:
    return paragraph_html(question.question) if question.question else f"<p>{escaped(default_prompt(question, labels))}</p>"


def _material(parent: ElementTree.Element, shown: str, html: bool = True) -> None:
    """Text as QTI holds it: HTML, or plain text where Canvas shows it as such (a matching's items, a blank's words)."""
    material = ElementTree.SubElement(parent, "material")
    ElementTree.SubElement(material, "mattext", texttype="text/html" if html else "text/plain").text = shown


def _root(tag: str, namespace: str, schema: str, **attributes: str) -> ElementTree.Element:
    """A document element in ``namespace``, which its children share, naming its schema's location."""
    return ElementTree.Element(
        tag, {"xmlns": namespace, "xmlns:xsi": SCHEMA_INSTANCE, "xsi:schemaLocation": f"{namespace} {schema}", **attributes}
    )


def _xml(root: ElementTree.Element) -> bytes:
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
