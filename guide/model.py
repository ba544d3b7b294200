"""The content model of a topic: what a summary means, independent of YAML or any output.

Loading validates input against these classes; renderers read them. Text fields hold
whitespace-normalised prose with inline markup (see ``guide.markup``); shapes that the
format accepts in several spellings (a key fact as text or as a mapping, a section as one
paragraph or a list) are normalised here, so renderers see exactly one shape.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from guide import markup

TOPIC_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANGUAGE_TAG_PATTERN = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"
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


def _clean_text(value: str) -> str:
    """Fold runs of white space and refuse control characters, which print as garbage."""
    for char in value:
        if unicodedata.category(char) == "Cc" and char not in "\t\n\r":
            raise PydanticCustomError("control_character", f"contains the control character U+{ord(char):04X}; remove it")
    value = " ".join(value.split())
    if not value:
        raise PydanticCustomError("empty_text", "must not be empty")
    return value


def _check_links(value: str) -> str:
    for url in markup.links(value):
        if not markup.is_allowed_link(url):
            raise PydanticCustomError(
                "link_scheme",
                "link '{url}' must start with http://, https:// or mailto:",
                {"url": url},
            )
    return value


Text = Annotated[str, AfterValidator(_clean_text)]
"""Plain text shown literally: names, dates, citations."""

Prose = Annotated[str, AfterValidator(_clean_text), AfterValidator(_check_links)]
"""Text with inline markup (``**bold**``, ``*italic*``, ``[label](url)``)."""


def _check_url(value: str) -> str:
    if not markup.is_allowed_link(value):
        raise PydanticCustomError("url_scheme", "must start with http://, https:// or mailto:")
    return value


Url = Annotated[str, AfterValidator(_clean_text), AfterValidator(_check_url)]


def parse_when(value: Any) -> dt.date | int | str:
    """A full ISO date becomes a date, a bare year an int; anything else stays free text."""
    if not isinstance(value, str):
        raise PydanticCustomError("when_type", "expected a date (1926-04-24), a year or text")
    text = _clean_text(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError as error:
            raise PydanticCustomError("bad_date", "'{text}' is not a real date", {"text": text}) from error
    if re.fullmatch(r"-?\d{1,4}", text):
        return int(text)
    return text


When = Annotated[
    dt.date | int | str,
    PlainValidator(parse_when, json_schema_input_type=str | int),
    WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "integer"}]}),
]
"""A date (``1926-04-24``), a year (``1926``) or free text (``April 1926``)."""


def when_sort_key(value: dt.date | int | str) -> int | None:
    """The year a date value falls in, for checking order; None for free text."""
    if isinstance(value, dt.date):
        return value.year
    return value if isinstance(value, int) else None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


def _text_as(key: str):
    """Let a bare string stand for a mapping with one key, as the format allows."""

    def wrap(value: Any) -> Any:
        return {key: value} if isinstance(value, str) else value

    return wrap


class Paragraph(_Strict):
    """Prose for the handout, with an optional short version for the deck."""

    text: Prose
    slide: Prose | None = None


ParagraphItem = Annotated[Paragraph, BeforeValidator(_text_as("text"), json_schema_input_type=str | Paragraph)]


def _as_paragraph_list(value: Any) -> Any:
    return [value] if isinstance(value, (str, dict)) else value


Section = Annotated[
    tuple[ParagraphItem, ...],
    BeforeValidator(_as_paragraph_list, json_schema_input_type=str | list[str | Paragraph]),
    Field(min_length=1),
]
"""A section of prose: one paragraph or a list of them."""


class KeyFact(_Strict):
    """A fact worth remembering; ``detail`` feeds the speaker notes."""

    fact: Prose
    detail: Prose | None = None
    sources: tuple[str, ...] = ()


KeyFactItem = Annotated[KeyFact, BeforeValidator(_text_as("fact"), json_schema_input_type=str | KeyFact)]


class TimelineEntry(_Strict):
    date: When
    event: Prose


class Person(_Strict):
    name: Text
    role: Prose
    native_name: Text | None = None


class GlossaryEntry(_Strict):
    term: Text
    definition: Prose


class Question(_Strict):
    question: Prose
    answer: Prose


def _check_source_id(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", value):
        raise PydanticCustomError("source_id", "'{value}' is not a valid source id (letters, digits, '-', '_', '.')", {"value": value})
    return value


class Source(_Strict):
    id: Annotated[str, AfterValidator(_check_source_id)] | None = None
    citation: Prose
    url: Url | None = None


class Image(_Strict):
    """A figure; ``file`` is absolute once loaded, ``alt`` describes it to those who cannot see it."""

    file: Text
    alt: Text
    caption: Prose | None = None


def _check_topic_id(value: str) -> str:
    if not re.fullmatch(TOPIC_ID_PATTERN, value):
        raise PydanticCustomError(
            "topic_id", "'{value}' is not a valid topic id (lowercase letters, digits and '-' only)", {"value": value}
        )
    return value


def _check_language(value: str) -> str:
    if not re.fullmatch(LANGUAGE_TAG_PATTERN, value):
        raise PydanticCustomError("language_tag", "'{value}' is not a BCP 47 language tag such as 'en' or 'de-AT'", {"value": value})
    return value


def _check_note_section(name: str) -> str:
    if name not in SECTION_NAMES:
        raise PydanticCustomError(
            "notes_section",
            "notes for unknown section '{name}'; sections are: {names}",
            {"name": name, "names": ", ".join(SECTION_NAMES)},
        )
    return name


NoteSection = Annotated[str, AfterValidator(_check_note_section)]


class Topic(_Strict):
    """One lesson topic, as validated from ``source/<topic-id>.yaml``."""

    id: Annotated[str, AfterValidator(_check_topic_id)]
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
    language: Annotated[str, AfterValidator(_check_language)] = "en"
    """BCP 47 language tag; chooses the built-in labels (en, de, fr, es)."""
    summary: Prose
    """One paragraph: the "At a glance" box and the overview slide."""
    key_facts: Annotated[tuple[KeyFactItem, ...], Field(min_length=1)]
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
    notes: dict[NoteSection, Prose] = Field(default_factory=dict)
    """Extra speaker notes per section name."""

    @property
    def language_code(self) -> str:
        """The primary language subtag, lower case: ``de`` for ``de-AT``."""
        return self.language.split("-")[0].lower()


class Course(_Strict):
    """A course as its handouts and decks name it, from ``source/courses/<course-id>.yaml``."""

    id: Annotated[str, AfterValidator(_check_topic_id)]
    """Output folder name; defaults to the file name (lowercase letters, digits and '-')."""
    code: Text
    """Course code, such as HIST 201."""
    title: Text
    instructor: Text | None = None
    term: Text | None = None
    institution: Text | None = None

    @property
    def heading(self) -> str:
        """Code and title, as a running header says it: ``HIST 201 · Europe Between the Wars``."""
        return f"{self.code} · {self.title}"

    @property
    def details(self) -> list[str]:
        """Instructor, term and institution, those that are given, in that order."""
        return [value for value in (self.instructor, self.term, self.institution) if value]
