"""The content model of a topic: what a summary means, independent of YAML or any output.

Loading validates input against these classes; renderers read them. Text fields hold
whitespace-normalised prose with inline markup (see ``guide.markup``); shapes that the
format accepts in several spellings (a key fact as text or as a mapping, a section as one
paragraph or a list) are normalised here, so renderers see exactly one shape.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field
from typing import Annotated, Any

from guide import markup
from guide.outputs import REGISTRY
from guide.records import BadValueError, Many, Mapping, Record, Value, record, text

TOPIC_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANGUAGE_TAG_PATTERN = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Unicode's control characters (category Cc) but tab, line feed and carriage return."""
SECTION_NAMES = (
    "summary",
    "key_facts",
    "context",
    "significance",
    "timeline",
    "people",
    "glossary",
    "questions",
    "images",
    "sources",
)


def clean_text(value: str) -> str:
    """Fold runs of white space and refuse control characters, which print as garbage."""
    control = CONTROL_CHARACTER.search(value)
    if control:
        raise BadValueError(f"contains the control character U+{ord(control.group()):04X}; remove it")
    value = " ".join(value.split())
    if not value:
        raise BadValueError("must not be empty")
    return value


def _check_links(value: str) -> str:
    for url in markup.links(value):
        if not markup.is_allowed_link(url):
            raise BadValueError(f"link '{url}' must start with http://, https:// or mailto:")
    return value


Text = Annotated[str, text(clean_text)]
"""Plain text shown literally: names, dates, citations."""

PROSE = text(clean_text, _check_links)
Prose = Annotated[str, PROSE]
"""Text with inline markup (``**bold**``, ``*italic*``, ``[label](url)``)."""


def _check_url(value: str) -> str:
    if not markup.is_allowed_link(value):
        raise BadValueError("must start with http://, https:// or mailto:")
    return value


Url = Annotated[str, text(clean_text, _check_url, format="uri")]


def _check_output_name(value: str) -> str:
    if value not in REGISTRY.names():
        raise BadValueError(f"unknown output '{value}'; known outputs: {', '.join(REGISTRY.names())}")
    return value


OutputNames = tuple[Annotated[str, text(clean_text, _check_output_name, enum=list(REGISTRY.names()))], ...]
"""Outputs to build by default, by registry name (``[sheet, deck]``)."""


def parse_when(value: Any) -> dt.date | int | str:
    """A full ISO date becomes a date, a bare year an int; anything else stays free text."""
    if not isinstance(value, str):
        raise BadValueError("expected a date (1926-04-24), a year or text")
    written = clean_text(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", written):
        try:
            return dt.date.fromisoformat(written)
        except ValueError as error:
            raise BadValueError(f"'{written}' is not a real date") from error
    if re.fullmatch(r"-?\d{1,4}", written):
        return int(written)
    return written


When = Annotated[dt.date | int | str, Value(parse_when, {"anyOf": [{"type": "string"}, {"type": "integer"}]})]
"""A date (``1926-04-24``), a year (``1926``) or free text (``April 1926``)."""


def when_sort_key(value: dt.date | int) -> int:
    """The year a date or a bare year falls in, for checking order (free text has none)."""
    return value.year if isinstance(value, dt.date) else value


@record
class Paragraph:
    """Prose for the handout, with an optional short version for the deck."""

    text: Prose
    slide: Prose | None = None


Section = Annotated[tuple[Paragraph, ...], Many(Record(Paragraph, shorthand="text"), min_length=1, single=(str, dict))]
"""A section of prose: one paragraph or a list of them."""


@record
class KeyFact:
    """A fact worth remembering; ``detail`` feeds the speaker notes."""

    fact: Prose
    detail: Prose | None = None
    sources: tuple[str, ...] = ()


@record
class TimelineEntry:
    date: When
    event: Prose


@record
class Person:
    name: Text
    role: Prose
    native_name: Text | None = None


@record
class GlossaryEntry:
    term: Text
    definition: Prose


@record
class Question:
    question: Prose
    answer: Prose


def _check_source_id(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", value):
        raise BadValueError(f"'{value}' is not a valid source id (letters, digits, '-', '_', '.')")
    return value


@record
class Source:
    id: Annotated[str, text(_check_source_id)] | None = None
    citation: Prose
    url: Url | None = None


@record
class Image:
    """A figure; ``file`` is absolute once loaded, ``alt`` describes it to those who cannot see it."""

    file: Text
    alt: Text
    caption: Prose | None = None


def _check_topic_id(value: str) -> str:
    if not re.fullmatch(TOPIC_ID_PATTERN, value):
        raise BadValueError(f"'{value}' is not a valid topic id (lowercase letters, digits and '-' only)")
    return value


def _check_language(value: str) -> str:
    if not re.fullmatch(LANGUAGE_TAG_PATTERN, value):
        raise BadValueError(f"'{value}' is not a BCP 47 language tag such as 'en' or 'de-AT'")
    return value


def _check_note_section(name: str) -> str:
    if name not in SECTION_NAMES:
        raise BadValueError(f"notes for unknown section '{name}'; sections are: {', '.join(SECTION_NAMES)}")
    return name


@record
class Topic:
    """One lesson topic, as validated from ``source/<topic-id>.yaml``."""

    id: Annotated[str, text(_check_topic_id, pattern=TOPIC_ID_PATTERN)]
    """Output name; defaults to the file name (lowercase letters, digits and '-')."""
    title: Text
    """Sheet heading and title slide."""
    subtitle: Text | None = None
    """Shown under the title."""
    date: When | None = None
    """A date (1926-04-24), a year (1926) or free text (April 1926)."""
    place: Text | None = None
    parties: tuple[Text, ...] = ()
    """Who took part, as a list of names."""
    author: Text | None = None
    """Who wrote the summary; the PDF and deck metadata name them."""
    language: Annotated[str, text(_check_language, pattern=LANGUAGE_TAG_PATTERN)] = "en"
    """BCP 47 language tag; chooses the built-in labels (en, de, fr, es)."""
    summary: Prose
    """One paragraph: the "At a glance" box and the overview slide."""
    key_facts: Annotated[tuple[KeyFact, ...], Many(Record(KeyFact, shorthand="fact"), min_length=1)]
    """Facts as text, or {fact, detail, sources}; detail goes to the speaker notes."""
    context: Section
    """What happened: one paragraph or a list of them ({text, slide})."""
    significance: Section
    """Why it matters: one paragraph or a list of them ({text, slide})."""
    timeline: tuple[TimelineEntry, ...] = ()
    """Dated events, in order."""
    people: tuple[Person, ...] = ()
    glossary: tuple[GlossaryEntry, ...] = ()
    questions: tuple[Question, ...] = ()
    """Review questions; answers go to the answer key and the speaker notes only."""
    sources: tuple[Source, ...] = ()
    images: tuple[Image, ...] = ()
    """Figures; file is relative to the topic file, alt is required."""
    notes: Annotated[dict[str, str], Mapping(text(_check_note_section, enum=list(SECTION_NAMES)), PROSE)] = field(default_factory=dict)
    """Extra speaker notes per section name."""

    @property
    def language_code(self) -> str:
        """The primary language subtag, lower case: ``de`` for ``de-AT``."""
        return self.language.split("-")[0].lower()


@record
class Course:
    """A course as its handouts and decks name it, from ``source/courses/<course-id>.yaml``."""

    id: Annotated[str, text(_check_topic_id, pattern=TOPIC_ID_PATTERN)]
    """Output folder name; defaults to the file name (lowercase letters, digits and '-')."""
    code: Text
    """Course code, such as HIST 201."""
    title: Text
    instructor: Text | None = None
    term: Text | None = None
    institution: Text | None = None
    outputs: OutputNames | None = None
    """The outputs its topics build when the command line names none."""

    @property
    def heading(self) -> str:
        """Code and title, as a running header says it: ``HIST 201 · Europe Between the Wars``."""
        return f"{self.code} · {self.title}"

    @property
    def details(self) -> list[str]:
        """Instructor, term and institution, those that are given, in that order."""
        return [value for value in (self.instructor, self.term, self.institution) if value]
