"""The questions of the web page: each type as lists and a table a screen reader announces, answers only in the teacher's copy.

Options, a matching's right column, an ordering's items and a cloze's word bank come in the
order ``guide.quiz`` gives the printed sheet, so the page and the paper quiz agree.
"""

from __future__ import annotations

from collections.abc import Sequence

from guide import model
from guide.labels import Labels
from guide.quiz import Arranged, blank_answer, blanks, correct_letters, letter, matching_key, shown
from guide.render.html.inline import prose, text

GAP = "_" * 10


def questions_html(items: Sequence[Arranged], labels: Labels, answers: bool) -> list[str]:
    """An ordered list of the questions; with ``answers``, each followed by its answer."""
    if not items:
        return []
    return ['<ol class="questions">', *(f"<li>{_question(item, labels, answers)}</li>" for item in items), "</ol>"]


def _stem(written: str | None, labels: Labels, fallback: str, points: int | None) -> str:
    shown_text = prose(written) if written else text(labels[fallback])
    worth = f' <span class="points">({points}\u00a0{text(labels["points"])})</span>' if points else ""
    return f"<p>{shown_text}{worth}</p>"


def _answer(content: str, labels: Labels) -> str:
    return f'<p class="answer"><strong>{text(labels["answer"])}:</strong> {content}</p>'


def _looked_for(points: Sequence[str], labels: Labels) -> str:
    """An open question's marking points under its answer, as the answer key lists them ("Look for")."""
    if not points:
        return ""
    listed = "".join(f"<li>{prose(point)}</li>" for point in points)
    return f'<p class="key-points"><strong>{text(labels["key_points"])}:</strong></p><ul class="key-points">{listed}</ul>'


def _question(item: Arranged, labels: Labels, answers: bool) -> str:
    """The question as the sheet asks it; with ``answers``, one answer paragraph after it (and the key's marks in it)."""
    question = item.question
    if isinstance(question, model.OpenQuestion):
        asked = _stem(question.question, labels, "question", question.points)
        return asked + (_answer(prose(question.answer), labels) + _looked_for(question.key_points, labels) if answers else "")
    asked = _asked(item, labels, answers)
    return asked + (_answer(_short_answer(item, labels), labels) if answers else "")


def _asked(item: Arranged, labels: Labels, answers: bool) -> str:
    question = item.question
    if isinstance(question, model.ChoiceQuestion):
        options = []
        for index in item.order:
            option = question.options[index]
            shown_text = prose(option.text)
            if answers and option.correct:
                shown_text = f'<strong class="correct">{shown_text} ✓</strong>'
            if answers and option.feedback:
                shown_text += f' <em class="feedback">{prose(option.feedback)}</em>'
            options.append(f"<li>{shown_text}</li>")
        instruction = "tick_all" if sum(option.correct for option in question.options) > 1 else "tick_one"
        stem = [_stem(question.question, labels, "question", question.points), f"<p><em>{text(labels[instruction])}</em></p>"]
        return "".join([*stem, '<ol class="options" type="A">', *options, "</ol>"])
    if isinstance(question, model.TrueFalseQuestion):
        return _stem(question.question, labels, "question", question.points) + f"<p><em>{text(labels['true_false_instruction'])}</em></p>"
    if isinstance(question, model.MatchingQuestion):
        matches = shown([pair.right for pair in question.pairs], item)
        key = matching_key(item)
        rows = [
            f'<tr><td>{number}. {text(pair.left)}</td><td class="box">{key[number - 1] if answers else ""}</td>'
            f"<td>{letter(number - 1)}. {prose(matches[number - 1])}</td></tr>"
            for number, pair in enumerate(question.pairs, start=1)
        ]
        return _stem(question.question, labels, "match_instruction", question.points) + "".join(
            ['<table class="matching">', *rows, "</table>"]
        )
    if isinstance(question, model.OrderingQuestion):
        listed = [f"<li>{prose(question.items[index])}</li>" for index in item.order]
        return _stem(question.question, labels, "order_instruction", question.points) + "".join(['<ol type="A">', *listed, "</ol>"])
    assert isinstance(question, model.ClozeQuestion)
    body = _stem(question.question, labels, "cloze_instruction", question.points) + f'<p class="cloze">{_cloze(question, answers)}</p>'
    if question.word_bank:
        bank = " · ".join(text(word) for word in shown([blank_answer(blank) for blank in blanks(question)], item))
        body += f'<p class="word-bank"><strong>{text(labels["word_bank"])}:</strong> {bank}</p>'
    return body


def _short_answer(item: Arranged, labels: Labels) -> str:
    """The answer as a teacher marks it: the letters ticked, the letter of each match, the items' letters in order, the words."""
    question = item.question
    if isinstance(question, model.ChoiceQuestion):
        return ", ".join(correct_letters(item))
    if isinstance(question, model.TrueFalseQuestion):
        verdict = text(labels["true" if question.answer else "false"])
        return verdict + (f' <em class="feedback">{prose(question.feedback)}</em>' if question.feedback else "")
    if isinstance(question, model.MatchingQuestion):
        return ", ".join(f"{number} — {mark}" for number, mark in enumerate(matching_key(item), start=1))
    if isinstance(question, model.OrderingQuestion):
        return ", ".join(letter(item.shown_position(index)) for index in range(len(question.items)))
    assert isinstance(question, model.ClozeQuestion)
    return "; ".join(f"({number}) {text(' / '.join(blank.answers))}" for number, blank in enumerate(blanks(question), start=1))


def _cloze(question: model.ClozeQuestion, answers: bool) -> str:
    pieces, number = [], 0
    for part in model.cloze_parts(question.text):
        if isinstance(part, model.Blank):
            number += 1
            pieces.append(f"<mark>{text(blank_answer(part))}</mark>" if answers else f'<span class="gap">({number}) {GAP}</span>')
        else:
            pieces.append(prose(part))
    return "".join(pieces)
