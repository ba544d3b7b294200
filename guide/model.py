"""The content model of a topic: what a summary means, independent of YAML or any output.

Loading validates input against these classes; renderers read them. Text fields hold
whitespace-normalised prose with inline markup (see ``guide.markup``); shapes that the
format accepts in several spellings (a key fact as text or as a mapping, a section as one
paragraph or a list) are normalised here, so renderers see exactly one shape.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from guide import markup
from guide.errors import quoted
from guide.outputs import REGISTRY
from guide.records import (
    KEY,
    BadValueError,
    Many,
    Mapping,
    Record,
    Value,
    Variants,
    integer,
    kind_of,
    record,
    record_of,
    suggestion,
    text,
)
from guide.theme import HandoutLayout

TOPIC_ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANGUAGE_TAG_PATTERN = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$"
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Unicode's control characters (category Cc) but tab, line feed and carriage return."""
MAX_LINE_CHARS = 300
"""Plain text (a title, a name, a term, alt text): a few lines at most on a page or slide."""
MAX_ENTRY_CHARS = 1_000
"""One entry of a timeline, table or list drawn as a row, which never splits across pages."""
MAX_DATE_CHARS = 60
"""A date written as free text ("spring 1926"): it heads a narrow column of the timeline."""
MAX_NAME_CHARS = 100
"""A party's name: all of them share one line under the title, with the date and place."""
MAX_PARAGRAPH_CHARS = 3_000
"""One paragraph of prose (about 500 words): every one must fit on one page and a few slides."""
MAX_WORD_CHARS = 200
"""One word (a run without spaces, a bare address included): lines break between words, and
measuring one far longer than a line costs the deck time in proportion to its length squared."""
MAX_ID_CHARS = 100
"""A topic, course or source id: ids name output files, which file systems bound."""
MAX_URL_CHARS = 400
"""A link's address: shown on the sources slide, so it is bounded like a word, generously."""
MAX_ITEMS = {
    "parties": 12,
    "key_facts": 40,
    "paragraphs": 30,
    "timeline": 100,
    "people": 60,
    "glossary": 100,
    "questions": 60,
    "sources": 100,
    "images": 20,
    "objectives": 10,
    "excerpts": 10,
}
"""How many items a list may hold ("paragraphs": of context and of significance, each)."""
MAX_OBJECTIVE_CHARS = 200
"""A learning objective: one or two lines of a short list that opens the sheet and the deck."""
MAX_EXCERPT_CHARS = 1_500
"""A passage quoted from a source: set apart as one block, which must fit one slide."""
MAX_CREDIT_CHARS = 200
"""Who said, wrote or made something (an excerpt's attribution, a picture's credit): a line under it."""
MAX_FIGURE_CHARS = 24
"""A key fact's figure ("5 years"), shown big: a few words on one line."""
MAX_ANSWER_LINES = 12
"""Ruled lines left for one answer: more would leave a question alone on its page."""
MAX_POINTS = 100
"""What one question may be worth."""
MAX_KEY_POINTS = 8
"""Marking points of one open question: what a marker checks an answer for at a glance."""
MAX_KEY_POINT_CHARS = 200
"""One marking point: a line or two under the answer in the key."""
MAX_OPTIONS = 8
"""Options of one multiple-choice question: more than a column of tick boxes reads at a glance."""
MAX_PAIRS = 12
"""Pairs of a matching question, items of an ordering question: what fits beside each other on one page."""
MAX_BLANKS = 20
"""Blanks of one cloze text."""
MAX_TOPIC_CHARS = 150_000
"""All the text of one topic (about 25,000 words): this bounds a sheet's pages and a deck's slides
(measured: at most about 60 pages and 250 slides, for topics that fill one section to its bounds)."""
_LINK_TARGET = re.compile(r"\]\([^\s()]*\)")
"""A link's ``](address)``: the address is not printed, so it is not a word of the text."""
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
REQUIRED_SECTIONS = ("summary", "key_facts", "context", "significance")
"""The sections every topic has."""
COVER = "cover"
"""An image's ``section`` for the title slide."""


def clean_text(value: str) -> str:
    """Fold runs of white space and refuse control characters, which print as garbage."""
    control = CONTROL_CHARACTER.search(value)
    if control:
        raise BadValueError(f"contains the control character U+{ord(control.group()):04X}; remove it")
    value = " ".join(value.split())
    if not value:
        raise BadValueError("must not be empty")
    return value


def at_most(limit: int) -> Callable[[str], str]:
    """A check refusing text longer than ``limit`` characters, saying how long it is."""

    def check(value: str) -> str:
        if len(value) > limit:
            raise BadValueError(f"is {len(value):,} characters long; at most {limit:,} are allowed here")
        return value

    return check


def words_at_most(limit: int, printed: Callable[[str], str] = str) -> Callable[[str], str]:
    """A check refusing a word (a run without spaces) longer than ``limit`` in the text as ``printed``."""

    too_long = re.compile(f"[^ ]{{{limit + 1},}}")

    def check(value: str) -> str:
        if len(value) <= limit or not too_long.search(shown := printed(value)):
            return value  # most texts are shorter than one long word, and printing never lengthens them
        longest = max(shown.split(" "), key=len)
        raise BadValueError(f"has a word of {len(longest):,} characters ({quoted(longest)}); words are at most {limit}")

    return check


def _check_links(value: str) -> str:
    for url in markup.links(value):
        if len(url) > MAX_URL_CHARS:
            raise BadValueError(f"a link's address is {len(url):,} characters long; at most {MAX_URL_CHARS} are allowed")
        if not markup.is_allowed_link(url):
            raise BadValueError(f"link '{url}' must start with http://, https:// or mailto:")
    return value


def _one_of(what: str, allowed: Sequence[str]) -> Callable[[str], str]:
    """A check that text names one of ``allowed``, suggesting the closest when it does not."""

    def check(value: str) -> str:
        if value not in allowed:
            raise BadValueError(f"unknown {what} {quoted(value)}; {suggestion(value, allowed)}")
        return value

    return check


def _printed_words(value: str) -> str:
    return _LINK_TARGET.sub("]", value)


def line_text(limit: int = MAX_LINE_CHARS, shown: str | None = "text", **json: Any) -> Value:
    """Plain text of at most ``limit`` characters, each word at most MAX_WORD_CHARS; ``shown`` as for ``Value``."""
    return text(clean_text, words_at_most(MAX_WORD_CHARS), at_most(limit), shown=shown, maxLength=limit, **json)


Text = Annotated[str, line_text()]
"""Plain text shown literally: names, dates, citations."""

FileName = Annotated[str, text(clean_text, at_most(MAX_LINE_CHARS), maxLength=MAX_LINE_CHARS)]
"""A path to a file, relative to the file that names it; never typeset, so its words are not bounded."""


def prose_text(limit: int = MAX_PARAGRAPH_CHARS) -> Value:
    """Prose of at most ``limit`` characters, each printed word at most MAX_WORD_CHARS; links looked for last, in bounded text."""
    return text(clean_text, words_at_most(MAX_WORD_CHARS, _printed_words), at_most(limit), _check_links, shown="prose", maxLength=limit)


PROSE = prose_text()
Prose = Annotated[str, PROSE]
"""Text with inline markup (``**bold**``, ``*italic*``, ``[label](url)``)."""
Entry = Annotated[str, prose_text(MAX_ENTRY_CHARS)]
"""Prose of one entry of a list drawn as a row (an event, a role, a definition, a citation, a
caption, a question, a slide's short version): each row must fit on one page."""


def _check_url(value: str) -> str:
    if not markup.is_allowed_link(value):
        raise BadValueError("must start with http://, https:// or mailto:")
    return value


Url = Annotated[str, text(at_most(MAX_URL_CHARS), clean_text, _check_url, format="uri", maxLength=MAX_URL_CHARS)]


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
    written = clean_text(at_most(MAX_DATE_CHARS)(value))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", written):
        try:
            return dt.date.fromisoformat(written)
        except ValueError as error:
            raise BadValueError(f"'{written}' is not a real date") from error
    if re.fullmatch(r"-?\d{1,4}", written):
        return int(written)
    return written


When = Annotated[dt.date | int | str, Value(parse_when, {"anyOf": [{"type": "string"}, {"type": "integer"}]}, shown="text")]
"""A date (``1926-04-24``), a year (``1926``) or free text (``April 1926``)."""


def when_sort_key(value: dt.date | int) -> int:
    """The year a date or a bare year falls in, for checking order (free text has none)."""
    return value.year if isinstance(value, dt.date) else value


@record
class Paragraph:
    """Prose for the handout, with an optional short version for the deck."""

    text: Prose
    slide: Entry | None = None


Section = Annotated[
    tuple[Paragraph, ...], Many(Record(Paragraph, shorthand="text"), min_length=1, single=(str, dict), max_length=MAX_ITEMS["paragraphs"])
]
"""A section of prose: one paragraph or a list of them."""


@record
class KeyFact:
    """A fact worth remembering; ``detail`` feeds the speaker notes."""

    fact: Prose
    figure: Annotated[str, line_text(MAX_FIGURE_CHARS, shown="unit")] | None = None
    """A short number or phrase to show big: "5 years", "4 articles"; it never breaks across lines."""
    detail: Prose | None = None
    sources: Annotated[tuple[str, ...], Many(kind_of(str), max_length=MAX_ITEMS["sources"])] = ()


@record
class TimelineEntry:
    date: When
    event: Entry


def _check_language(value: str) -> str:
    if not re.fullmatch(LANGUAGE_TAG_PATTERN, value):
        raise BadValueError(f"'{value}' is not a BCP 47 language tag such as 'en' or 'de-AT'")
    return value


LanguageTag = Annotated[str, text(at_most(MAX_ID_CHARS), _check_language, pattern=LANGUAGE_TAG_PATTERN, maxLength=MAX_ID_CHARS)]
"""A BCP 47 language tag: ``en``, ``de-AT``."""


@record
class Person:
    name: Text
    role: Entry
    native_name: Text | None = None
    native_name_lang: LanguageTag | None = None
    """The language of the native name, if not the topic's: ``ru`` for Николай Крестинский."""
    image: FileName | None = None
    """A portrait, PNG or JPEG, relative to the topic file; absolute once loaded."""


@record
class GlossaryEntry:
    term: Text
    definition: Entry


def _check_source_id(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", value):
        raise BadValueError(f"'{value}' is not a valid source id (letters, digits, '-', '_', '.')")
    return value


SourceId = Annotated[str, text(at_most(MAX_ID_CHARS), _check_source_id, maxLength=MAX_ID_CHARS)]
Points = Annotated[int, integer(1, MAX_POINTS)]
"""What a question is worth, in whole points."""


@record
class OpenQuestion:
    """A question answered in the student's own words, on ruled lines."""

    type: Literal["open"] = "open"
    question: Entry
    answer: Prose
    """The model answer: in the answer key, the speaker notes and the exports' grader information."""
    key_points: Annotated[tuple[str, ...], Many(prose_text(MAX_KEY_POINT_CHARS), max_length=MAX_KEY_POINTS)] = ()
    """The marking points: what a marker looks for in an answer, printed under it in the answer key ("Look for")."""
    lines: Annotated[int, integer(1, MAX_ANSWER_LINES)] | None = None
    """How many ruled lines to leave for the answer."""
    points: Points | None = None
    source: SourceId | None = None
    """The id of the source the question is about."""


@record
class Option:
    """One option of a multiple-choice question; ``feedback`` says why it is right or wrong."""

    text: Entry
    correct: bool = False
    feedback: Entry | None = None


@record
class ChoiceQuestion:
    """Options to tick, one or more of them correct."""

    type: Literal["multiple_choice"]
    question: Entry
    options: Annotated[tuple[Option, ...], Many(Record(Option, shorthand="text"), min_length=2, max_length=MAX_OPTIONS)]
    """The options; each as text (a wrong option) or {text, correct, feedback}."""
    shuffle: bool = True
    """False keeps the options in the order written (for "all of the above")."""
    points: Points | None = None
    source: SourceId | None = None


@record
class TrueFalseQuestion:
    """A statement to judge true or false."""

    type: Literal["true_false"]
    question: Entry
    """The statement."""
    answer: bool
    feedback: Entry | None = None
    """Why the statement is true or false: in the answer key and the exports."""
    points: Points | None = None
    source: SourceId | None = None


@record
class Pair:
    """An item of a matching question's left column and the one it matches in the right column."""

    left: Annotated[str, line_text()]
    right: Entry


@record
class MatchingQuestion:
    """Items to connect across two columns: the right column is shuffled."""

    type: Literal["matching"]
    question: Entry | None = None
    """The instruction; a built-in one when not given."""
    pairs: Annotated[tuple[Pair, ...], Many(record_of(Pair), max_length=MAX_PAIRS)] = ()
    from_: Annotated[str, text(_one_of("list", ("glossary",)), enum=["glossary"])] | None = dataclasses.field(
        default=None, metadata={KEY: "from"}
    )
    """glossary: the key terms and their definitions are the pairs."""
    points: Points | None = None
    source: SourceId | None = None


@record
class OrderingQuestion:
    """Items to put in order by numbering them; they are printed shuffled."""

    type: Literal["ordering"]
    question: Entry | None = None
    """The instruction; a built-in one when not given."""
    items: Annotated[tuple[str, ...], Many(prose_text(MAX_ENTRY_CHARS), max_length=MAX_PAIRS)] = ()
    """The items in their right order."""
    from_: Annotated[str, text(_one_of("list", ("timeline",)), enum=["timeline"])] | None = dataclasses.field(
        default=None, metadata={KEY: "from"}
    )
    """timeline: the timeline's events are the items."""
    points: Points | None = None
    source: SourceId | None = None


@record
class ClozeQuestion:
    """A text with gaps to fill: each ``[[answer]]`` is a blank (``[[answer|also right]]`` accepts either)."""

    type: Literal["cloze"]
    question: Entry | None = None
    """The instruction; a built-in one when not given."""
    text: Prose
    word_bank: bool = False
    """True prints the missing words, shuffled, in a box for students to choose from."""
    points: Points | None = None
    source: SourceId | None = None


Question = OpenQuestion | ChoiceQuestion | TrueFalseQuestion | MatchingQuestion | OrderingQuestion | ClozeQuestion
QUESTION_TYPES: dict[str, type] = {
    "open": OpenQuestion,
    "multiple_choice": ChoiceQuestion,
    "true_false": TrueFalseQuestion,
    "matching": MatchingQuestion,
    "ordering": OrderingQuestion,
    "cloze": ClozeQuestion,
}
"""Each question type by the name its ``type:`` key gives; a question without one is open."""


@dataclass(frozen=True)
class Blank:
    """A gap in a cloze text: the answer printed in the key first, then others also accepted."""

    answers: tuple[str, ...]


BLANK = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


def cloze_parts(written: str) -> list[str | Blank]:
    """A cloze text as its prose pieces and blanks, in order; an empty blank has no answers."""
    parts: list[str | Blank] = []
    at = 0
    for found in BLANK.finditer(written):
        if found.start() > at:
            parts.append(written[at : found.start()])
        parts.append(Blank(tuple(answer.strip() for answer in found.group(1).split("|") if answer.strip())))
        at = found.end()
    if at < len(written):
        parts.append(written[at:])
    return parts


@record
class Source:
    id: SourceId | None = None
    citation: Entry
    url: Url | None = None


@record
class Image:
    """A figure; ``file`` is absolute once loaded, ``alt`` describes it to those who cannot see it."""

    file: FileName
    alt: Annotated[str, line_text(shown=None)]
    """Read aloud by screen readers in place of the picture; kept exactly as written."""
    caption: Entry | None = None
    credit: Annotated[str, line_text(MAX_CREDIT_CHARS)] | None = None
    """Who made the picture or holds its rights."""
    section: Annotated[str, text(_one_of("section", (*SECTION_NAMES, COVER)), enum=[*SECTION_NAMES, COVER])] | None = None
    """The section the picture illustrates, or cover for the title."""


@record
class Excerpt:
    """A passage quoted from a primary source, with who said or wrote it."""

    text: Annotated[str, prose_text(MAX_EXCERPT_CHARS)]
    source: SourceId
    """The id of the source it is quoted from."""
    attribution: Annotated[str, line_text(MAX_CREDIT_CHARS)]
    """Whose words they are: "Treaty of Berlin, Article 2"."""
    section: Annotated[str, text(_one_of("section", SECTION_NAMES), enum=list(SECTION_NAMES))] | None = None
    """The section the passage belongs with."""
    lang: LanguageTag | None = None
    """The language the passage is written in, if not the topic's: ``de`` for a treaty's German original."""
    id: SourceId | None = None
    """A name other excerpts refer to it by (``article-2``): a translation names its original so."""
    translates: SourceId | None = None
    """The ``id`` of the excerpt this one translates: the two are shown side by side, with the original."""


def _check_topic_id(value: str) -> str:
    if not re.fullmatch(TOPIC_ID_PATTERN, value):
        raise BadValueError(f"'{value}' is not a valid topic id (lowercase letters, digits and '-' only)")
    return value


def _check_note_section(name: str) -> str:
    if name not in SECTION_NAMES:
        raise BadValueError(f"notes for unknown section '{name}'; sections are: {', '.join(SECTION_NAMES)}")
    return name


@record
class Topic:
    """One lesson topic, as validated from ``source/<topic-id>.yaml``."""

    id: Annotated[str, text(at_most(MAX_ID_CHARS), _check_topic_id, pattern=TOPIC_ID_PATTERN, maxLength=MAX_ID_CHARS)]
    """Output name; defaults to the file name (lowercase letters, digits and '-')."""
    title: Text
    """Sheet heading and title slide."""
    subtitle: Text | None = None
    """Shown under the title."""
    date: When | None = None
    """A date (1926-04-24), a year (1926) or free text (April 1926)."""
    place: Text | None = None
    parties: Annotated[tuple[str, ...], Many(line_text(MAX_NAME_CHARS), max_length=MAX_ITEMS["parties"])] = ()
    """Who took part, as a list of names."""
    author: Text | None = None
    """Who wrote the summary; the PDF and deck metadata name them."""
    language: LanguageTag = "en"
    """BCP 47 language tag; chooses the built-in labels (en, de, fr, es)."""
    summary: Prose
    """One paragraph: the "At a glance" box and the overview slide."""
    objectives: Annotated[tuple[str, ...], Many(prose_text(MAX_OBJECTIVE_CHARS), max_length=MAX_ITEMS["objectives"])] = ()
    """What a student can do by the end: "By the end you can ..."."""
    key_facts: Annotated[tuple[KeyFact, ...], Many(Record(KeyFact, shorthand="fact"), min_length=1, max_length=MAX_ITEMS["key_facts"])]
    """Facts as text, or {fact, figure, detail, sources}; detail goes to the speaker notes."""
    context: Section
    """What happened: one paragraph or a list of them ({text, slide})."""
    significance: Section
    """Why it matters: one paragraph or a list of them ({text, slide})."""
    timeline: Annotated[tuple[TimelineEntry, ...], Many(record_of(TimelineEntry), max_length=MAX_ITEMS["timeline"])] = ()
    """Dated events, in order."""
    people: Annotated[tuple[Person, ...], Many(record_of(Person), max_length=MAX_ITEMS["people"])] = ()
    glossary: Annotated[tuple[GlossaryEntry, ...], Many(record_of(GlossaryEntry), max_length=MAX_ITEMS["glossary"])] = ()
    questions: Annotated[tuple[Question, ...], Many(Variants("type", "open", QUESTION_TYPES), max_length=MAX_ITEMS["questions"])] = ()
    """Review questions of any type (open unless ``type:`` says); answers go to the answer key and the speaker notes only."""
    excerpts: Annotated[tuple[Excerpt, ...], Many(record_of(Excerpt), max_length=MAX_ITEMS["excerpts"])] = ()
    """Primary-source passages, each from a listed source."""
    sources: Annotated[tuple[Source, ...], Many(record_of(Source), max_length=MAX_ITEMS["sources"])] = ()
    images: Annotated[tuple[Image, ...], Many(record_of(Image), max_length=MAX_ITEMS["images"])] = ()
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

    id: Annotated[str, text(at_most(MAX_ID_CHARS), _check_topic_id, pattern=TOPIC_ID_PATTERN, maxLength=MAX_ID_CHARS)]
    """Output folder name; defaults to the file name (lowercase letters, digits and '-')."""
    code: Text
    """Course code, such as HIST 201."""
    title: Text
    instructor: Text | None = None
    term: Text | None = None
    institution: Text | None = None
    outputs: OutputNames | None = None
    """The outputs its topics build when the command line names none."""
    handout: HandoutLayout | None = None
    """The handout's layout (lines, notes, 2, 4, 6 or 9), over the theme's, unless ``--handout`` says."""

    @property
    def heading(self) -> str:
        """Code and title, as a running header says it: ``HIST 201 · Europe Between the Wars``."""
        return f"{self.code} · {self.title}"

    @property
    def details(self) -> list[str]:
        """Instructor, term and institution, those that are given, in that order."""
        return [value for value in (self.instructor, self.term, self.institution) if value]
