"""A question as flashcards: what each card's front and back say, in the HTML Anki shows.

A card is studied alone, again and again, so it shows what a printed quiz shuffles in the
order written (a card that changed at each review would be another card): the options of a
multiple choice, an ordering's items alphabetically (their written order is the answer). A
matching becomes one card per pair, unless it is built from the glossary, whose terms already
have cards; a cloze text becomes a cloze note, each blank a gap Anki hides in turn.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from guide import model
from guide.labels import Labels
from guide.quiz import default_prompt, letter
from guide.render.exports.text import escaped, inline_html, plain


@dataclass(frozen=True)
class Card:
    """One note: its key within the question, ``cloze`` for a cloze note, and its two fields (HTML)."""

    key: str
    front: str
    back: str
    cloze: bool = False


def _listed(items: list[str], kind: str = "A") -> str:
    return f'<ol type="{kind}">' + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def question_cards(question: model.Question, labels: Labels) -> Iterator[Card]:
    """The cards of one question; none for a matching whose pairs are the glossary's."""
    if isinstance(question, model.OpenQuestion):
        yield Card("", inline_html(question.question), inline_html(question.answer))
    elif isinstance(question, model.ChoiceQuestion):
        options = [inline_html(option.text) for option in question.options]
        right = [
            f"{letter(index)}. {inline_html(option.text)}" + (f"<br><i>{inline_html(option.feedback)}</i>" if option.feedback else "")
            for index, option in enumerate(question.options)
            if option.correct
        ]
        yield Card("", inline_html(question.question) + _listed(options), "<br>".join(right))
    elif isinstance(question, model.TrueFalseQuestion):
        verdict = escaped(labels["true" if question.answer else "false"])
        feedback = f"<br>{inline_html(question.feedback)}" if question.feedback else ""
        yield Card("", f"{inline_html(question.question)}<br><i>{escaped(labels['true_false_instruction'])}</i>", verdict + feedback)
    elif isinstance(question, model.MatchingQuestion):
        if question.from_ != "glossary":
            for index, pair in enumerate(question.pairs, start=1):
                yield Card(f":pair:{index}", escaped(pair.left), inline_html(pair.right))
    elif isinstance(question, model.OrderingQuestion):
        prompt = inline_html(question.question) if question.question else escaped(default_prompt(question, labels))
        alphabetical = sorted(question.items, key=lambda item: plain(item).casefold())
        yield Card(
            "", prompt + _listed([inline_html(item) for item in alphabetical], "a"), _listed([inline_html(i) for i in question.items], "1")
        )
    else:
        yield Card("", cloze_text(question), inline_html(question.question) if question.question else "", cloze=True)


def cloze_text(question: model.ClozeQuestion) -> str:
    """The text with each blank Anki's ``{{cN::answer}}``; braces and colons of the user's text escaped so Anki reads them as text."""
    pieces, number = [], 0
    for part in model.cloze_parts(question.text):
        if isinstance(part, model.Blank):
            number += 1
            hidden = _braces(escaped(plain(part.answers[0]))).replace(":", "&#58;")
            pieces.append(f"{{{{c{number}::{hidden}}}}}")
        else:
            pieces.append(_braces(inline_html(part)))
    return "".join(pieces)


def _braces(html: str) -> str:
    return html.replace("{", "&#123;").replace("}", "&#125;")
