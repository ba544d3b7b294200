"""What a topic lacks for readers who use a screen reader, that only its author can supply.

The outputs are made accessible by construction (alt text where a picture is, a page
language, headings, list structure); what no renderer can invent is good wording: alt text
that says what a picture shows, links that say where they go, sources with a title, dates a
machine can read. Each check here is narrow, so that a warning is almost always right; each
says where, at the topic's line, and what to write instead. ``--strict`` makes them errors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import PurePath

from guide import markup
from guide.errors import Location, Origin, Problem
from guide.labels import MONTHS
from guide.model import Topic
from guide.records import shown_texts

GENERIC_ALT = frozenset(
    {
        *("image", "picture", "photo", "photograph", "graphic", "figure", "img", "pic", "diagram"),
        *("map", "chart", "logo", "icon", "illustration", "drawing", "portrait", "screenshot"),
    }
)
"""Alt texts that name the kind of picture and nothing of what it shows ("Map", "Figure 2")."""
_GENERIC_ALT = re.compile(r"(?:an? |the )?(\w+)(?: \d+)?", re.IGNORECASE)
_ANNOUNCING = re.compile(r"(?:an? )?(?:image|picture|photo|photograph|graphic) (?:of|showing)\b", re.IGNORECASE)
"""An opening that repeats what a screen reader says before every picture."""
_FILE_NAME = re.compile(r"[\w.-]+\.(?:png|jpe?g|gif|webp|svg|tiff?|bmp)", re.IGNORECASE)

VAGUE_LINK_TEXT = frozenset(
    ["here", "click here", "click", "this", "this link", "link", "more", "read more", "more here", "see here", "this page", "website"]
)
"""Link texts that make sense only beside the sentence around them: screen readers list links on their own."""
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)

_MONTH_NUMBERS = {name.casefold(): number for names in MONTHS.values() for number, name in enumerate(names.split(), start=1)}
_MONTH = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"(?P<day>\d{{1,2}})\.?\s+(?:de\s+)?(?P<month>{_MONTH})\s+(?:de\s+)?(?P<year>\d{{4}})", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})", re.IGNORECASE)


def accessibility_warnings(topic: Topic, origin: Origin) -> list[Problem]:
    """Every warning for the topic, in the order its file gives the fields."""
    found = [*_alt_text_warnings(topic), *_link_warnings(topic), *_citation_warnings(topic), *_date_warnings(topic)]
    return sorted(origin.problem(location, f"warning: {message}") for location, message in found)


def _alt_text_warnings(topic: Topic) -> Iterator[tuple[Location, str]]:
    for index, image in enumerate(topic.images):
        alt, location = image.alt.strip(), ("images", index, "alt")
        generic = _GENERIC_ALT.fullmatch(alt.rstrip("."))
        file = PurePath(image.file)
        if generic and generic.group(1).casefold() in GENERIC_ALT:
            yield location, f"alt text '{alt}' names the kind of picture, not what it shows; describe it for readers who cannot see it"
        elif alt.casefold() in (file.name.casefold(), file.stem.casefold()) or _FILE_NAME.fullmatch(alt):
            yield location, f"alt text '{alt}' is a file name; describe what the picture shows"
        elif announcing := _ANNOUNCING.match(alt):
            opening = announcing.group()
            yield location, f"alt text starts with '{opening}'; screen readers already say it is a picture, so begin with what it shows"
        elif image.caption and _folded(markup.plain_text(image.caption)) == _folded(alt):
            yield location, "alt text repeats the caption, and screen readers read both; let the alt text describe the picture"


def _link_warnings(topic: Topic) -> Iterator[tuple[Location, str]]:
    for location, text, shown in shown_texts(topic):
        if shown != "prose" or "](" not in text:  # no link without "](": long prose is not parsed again
            continue
        for span in markup.parse(text):
            label = span.text.strip()
            if span.href is None:
                continue
            if _folded(label) in VAGUE_LINK_TEXT:
                yield location, f"link text '{label}' does not say where the link goes; use words that name its target"
            elif _ADDRESS.fullmatch(label):
                yield location, f"link text '{label}' is a web address, read out character by character; name what it links to"


def _citation_warnings(topic: Topic) -> Iterator[tuple[Location, str]]:
    for index, source in enumerate(topic.sources):
        citation = markup.plain_text(source.citation).strip()
        if _ADDRESS.fullmatch(citation):
            yield ("sources", index, "citation"), "the citation is only a web address; give the title of the work and who published it"


def _date_warnings(topic: Topic) -> Iterator[tuple[Location, str]]:
    dates: list[tuple[Location, object]] = [(("date",), topic.date)]
    dates += [(("timeline", index, "date"), entry.date) for index, entry in enumerate(topic.timeline)]
    for location, value in dates:
        if isinstance(value, str) and (iso := _as_iso_date(value)):
            advice = "so it is shown in the topic's language and read as a date"
            yield location, f"'{value}' is a date written as text; write it as {iso} {advice}"


def _as_iso_date(text: str) -> str | None:
    """The ISO form of a full date written out (24 April 1926, April 24, 1926, 24. April 1926), if it is a real one."""
    match = _DAY_MONTH_YEAR.fullmatch(text.strip()) or _MONTH_DAY_YEAR.fullmatch(text.strip())
    if match is None:
        return None
    try:
        day = dt.date(int(match["year"]), _MONTH_NUMBERS[match["month"].casefold()], int(match["day"]))
    except ValueError:
        return None
    return day.isoformat()


def _folded(text: str) -> str:
    """Text compared as words: lower case, one space between words, no punctuation at the ends."""
    return " ".join(text.casefold().split()).strip(" .,:;!?()\"'“”‘’")
