"""A topic's review material as an Anki package (.apkg), written with genanki.

Three note types: a key term studied both ways (term to definition, definition to term), a
key fact with its **bold** words blanked (a cloze), and a question with its answer; a cloze
question is a cloze note too (``guide.render.exports.cards`` says what each type's cards hold).
Each note's GUID is derived from the topic id and the item's stable key, so importing the
package again after the topic was edited updates the notes Anki already has (with their
review history) instead of adding copies; the note types' and the deck's ids are derived
the same way. A term's key is the term itself; a key fact's and a question's key is its
place in its list, so rewording one keeps its note.

genanki stamps notes with the time of the build and zips a file with its date: here every
time is derived from the content and the archive is written by ``package.zipped``, so a
topic gives the same bytes every build. Anki updates a note on import only if the incoming
modification time differs from its own ("update notes: always") or is later ("if newer",
its default): a note's time is therefore derived from its text, so it changes whenever the
text does; it is not later on every edit, so re-import with "update notes: always".
"""

from __future__ import annotations

import itertools
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import genanki

from guide import markup
from guide.labels import labels_for
from guide.markup import Span
from guide.model import Course, KeyFact, Topic
from guide.render.exports.cards import question_cards
from guide.render.exports.package import stable_number, zipped
from guide.render.exports.text import escaped, inline_html, span_html
from guide.session import BuildSession
from guide.theme import Theme

MODIFIED = 1_577_836_800
"""The note types' and the deck's modification time (1 January 2020), and the earliest of any note's.
Raise it when the note types change, so that Anki takes the new ones."""
NOTE_TIMES = 10 * 365 * 24 * 3600
"""A note's modification time falls within ten years after MODIFIED, derived from its text."""
ANKI_IDS = (1 << 30, 1 << 31)
"""The range genanki recommends for note type and deck ids."""
ROW_IDS = (1_000_000_000_000, 1_500_000_000_000)
"""Where a topic's note and card ids start: a millisecond time, as Anki's own ids are, before any real one."""
CSS = ".card { font-family: sans-serif; font-size: 22px; text-align: center; } .topic { font-size: 14px; color: #666; }"
TOPIC_LINE = '<div class="topic">{{Topic}}</div>'


def _model(
    name: str, fields: list[str], templates: list[tuple[str, str, str]], model_type: int = genanki.Model.FRONT_BACK
) -> genanki.Model:
    """A note type, its id derived from its name: the same note type for every topic, not one per topic."""
    return genanki.Model(
        stable_number(*ANKI_IDS, "anki note type", name),
        name,
        fields=[{"name": field} for field in [*fields, "Topic"]],
        templates=[{"name": title, "qfmt": front, "afmt": back} for title, front, back in templates],
        css=CSS,
        model_type=model_type,
    )


TERM = _model(
    "make_materials key term",
    ["Term", "Definition"],
    [
        ("Term to definition", "{{Term}}" + TOPIC_LINE, '{{FrontSide}}<hr id="answer">{{Definition}}'),
        ("Definition to term", "{{Definition}}" + TOPIC_LINE, '{{FrontSide}}<hr id="answer">{{Term}}'),
    ],
)
FACT = _model(
    "make_materials key fact",
    ["Text", "Extra"],
    [("Key fact", "{{cloze:Text}}" + TOPIC_LINE, "{{cloze:Text}}<br>{{Extra}}" + TOPIC_LINE)],
    model_type=genanki.Model.CLOZE,
)
QUESTION = _model(
    "make_materials question",
    ["Question", "Answer"],
    [("Question", "{{Question}}" + TOPIC_LINE, '{{FrontSide}}<hr id="answer">{{Answer}}')],
)


def render_anki(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """The topic's deck as .apkg bytes: the same topic gives the same bytes."""
    deck = genanki.Deck(
        stable_number(*ANKI_IDS, "anki deck", course.id if course else "", topic.id), deck_name(topic, course), inline_html(topic.summary)
    )
    for note in notes(topic):
        deck.add_note(note)
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            # The file is thrown away after reading: nothing is gained by forcing each write to the disk.
            connection.execute("PRAGMA synchronous = OFF")
            connection.execute("PRAGMA journal_mode = MEMORY")
            first_id = stable_number(*ROW_IDS, "anki rows", topic.id)
            genanki.Package(deck).write_to_db(connection.cursor(), MODIFIED, itertools.count(first_id))
            connection.commit()
        finally:
            connection.close()
        collection = database.read_bytes()
    return zipped([("collection.anki2", collection), ("media", b"{}")])


def deck_name(topic: Topic, course: Course | None) -> str:
    """The course's deck (``HIST 201 Europe Between the Wars``) with the topic's below it; ``::`` nests decks in Anki."""
    names = [f"{course.code} {course.title}", topic.title] if course else [topic.title]
    return "::".join(name.replace("::", ":") for name in names)


def note_keys(topic: Topic) -> Iterator[tuple[str, genanki.Model, list[str]]]:
    """Each note's stable key, note type and fields (HTML), in the order of the topic."""
    title = escaped(topic.title)
    for entry in topic.glossary:
        yield f"term:{entry.term.casefold()}", TERM, [escaped(entry.term), inline_html(entry.definition), title]
    for number, fact in enumerate(topic.key_facts, start=1):
        text = cloze_html(fact)
        if text is not None:
            yield f"fact:{number}", FACT, [text, inline_html(fact.detail) if fact.detail else "", title]
    labels = labels_for(topic.language_code)
    for number, question in enumerate(topic.questions, start=1):
        for card in question_cards(question, labels):
            yield f"question:{number}{card.key}", FACT if card.cloze else QUESTION, [card.front, card.back, title]


class _TimedNote(genanki.Note):
    """A note written with a modification time of its own, not the package's."""

    def __init__(self, modified: int, **note: object) -> None:
        super().__init__(**note)
        self.modified = modified

    def write_to_db(self, cursor: sqlite3.Cursor, timestamp: float, deck_id: int, id_gen: Iterator[int]) -> None:
        super().write_to_db(cursor, self.modified, deck_id, id_gen)


def notes(topic: Topic) -> Iterator[genanki.Note]:
    """The notes, each GUID derived from the topic id and its key (a repeated term's copies numbered)."""
    seen: dict[str, int] = {}
    for key, model, fields in note_keys(topic):
        seen[key] = seen.get(key, 0) + 1
        unique = key if seen[key] == 1 else f"{key}#{seen[key]}"
        modified = MODIFIED + stable_number(0, NOTE_TIMES, model.name, *fields)
        yield _TimedNote(modified, model=model, fields=fields, guid=genanki.guid_for(topic.id, unique), tags=[topic.id])


def cloze_html(fact: KeyFact) -> str | None:
    """The fact with its bold words blanked, each its own cloze; else its figure where the text says it.

    None if the fact has neither: there is nothing to ask, and Anki refuses a cloze without a blank.
    """
    spans = list(markup.parse(fact.fact))
    if not any(span.bold for span in spans):
        bolded = _figure_bolded(spans, fact.figure)
        if bolded is None:
            return None
        spans = bolded
    pieces, blanks = [], 0
    for span in spans:
        text = escaped(span.text).replace("{", "&#123;").replace("}", "&#125;")
        if span.bold:
            blanks += 1
            hidden = text.replace(":", "&#58;")
            pieces.append(span_html(Span(span.text, italic=span.italic, href=span.href), f"{{{{c{blanks}::{hidden}}}}}"))
        else:
            pieces.append(span_html(span, text))
    return "".join(pieces)


def _figure_bolded(spans: list[Span], figure: str | None) -> list[Span] | None:
    """The spans with the first place the figure is written marked bold, or None if it is not written."""
    if figure is None:
        return None
    for index, span in enumerate(spans):
        at = span.text.find(figure)
        if at >= 0:
            parts = [(span.text[:at], False), (figure, True), (span.text[at + len(figure) :], False)]
            split = [Span(text, bold, span.italic, span.href) for text, bold in parts if text]
            return [*spans[:index], *split, *spans[index + 1 :]]
    return None
