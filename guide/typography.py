"""Typography of shown text: curly quotes for straight ones, no-break spaces where a line must not break.

Both outputs print a topic's text through ``typeset_topic``, so the sheet and the deck set
the same sentence alike. Every rule replaces one character by one character (a straight
quote by a curly one, a space by a no-break space) and touches nothing else, so text stays
literal (``<`` and ``&`` print as typed), markup keeps its meaning and the result is the
same however often the rules run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from guide import markup
from guide.labels import MONTHS
from guide.records import map_shown_text

if TYPE_CHECKING:  # the content model is not loaded where only labels are typeset
    from guide.model import Topic

NO_BREAK_SPACE = "\u00a0"

_QUOTES = {
    # language: (opening double, closing double, opening single, closing single)
    "en": "“”‘’",
    "de": "„“‚‘",
    "fr": "«»‹›",
    "es": "«»‘’",
}
APOSTROPHE = "’"

_MONTHS = frozenset(
    [name for names in MONTHS.values() for name in names.split()]
    + ["Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.", "setiembre"]
)
_BEFORE_NUMBERS = frozenset(["Article", "Articles", "Art.", "Artikel", "p.", "pp.", "No.", "Nos.", "Nr."])
"""Words that a number after them must not be parted from: Article 2, p. 4."""
_GAP = f"[ {NO_BREAK_SPACE}]"
_NUMBER = re.compile(r"(?<!\w)\d+")
_MONTH_AFTER = re.compile(rf"\.?(?P<gap>{_GAP})(?:de(?P<gap2>{_GAP}))?(?P<word>[^\W\d_]+\.?)")
"""What follows a day: 24 April, 1. Dezember, 24 de abril."""
_WORD_BEFORE = re.compile(rf"(?P<word>[^\W\d_]+\.?)(?P<gap>{_GAP})(?:de(?P<gap2>{_GAP}))?\Z")
"""What precedes a number: April 1926, abril de 1926, Article 2, p. 4."""
_LONGEST_WORD_BEFORE = 20
_SHORT_LAST = re.compile(r"(?<=[^\W_]) (?=(?:\d{1,4}|[^\W_]{1,3})(?:[.!?…][”’»\"')\]]*(?:\s|\Z)|[”’»\"')\]]*\Z))")
"""The space before a sentence's last word of up to three letters (or a number of up to four digits): "Articles 1 to 3.",
"what it is.". Such a word alone on a paragraph's last line looks left behind, so it keeps to the word before, where
that word is at most ``_LONGEST_KEPT_WITH`` characters long (the two must still fit a narrow column's line)."""
_LONGEST_KEPT_WITH = 12
_DAY_OF_MONTH = re.compile(rf"\d{{1,2}}\.{_GAP}(?:de{_GAP})?(?:{'|'.join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))})(?!\w)")
_DIGIT = re.compile(r"\d")
_QUOTE_OR_DIGIT = re.compile(r"['\"\d]")
_STRAIGHT_QUOTE = re.compile("['\"]")
_ELIDED_DIGITS = re.compile(r"\d\ds?\b")
_OPENING_CONTEXT = " \t\n([{<\u00a0\u2009\u202f—–-/"
"""Characters after which a quote opens rather than closes (and the language's opening quotes)."""


@dataclass(frozen=True)
class Typography:
    """What a theme chooses of the typography: curly quotes (on unless turned off)."""

    smart_quotes: bool = True


def typeset(text: str, language: str = "en", smart_quotes: bool = True, sentences: bool = False) -> str:
    """Plain text as it should print: the same length, only quotes and some spaces changed.

    Where it is ``sentences`` (a topic's prose, unlike a title, a name or our labels), each one's short last word keeps
    to the word before.
    """
    if smart_quotes and _STRAIGHT_QUOTE.search(text):
        text = _curly_quotes(text, _QUOTES.get(language, _QUOTES["en"]))
    if " " in text and _DIGIT.search(text):
        text = _no_break_spaces(text)
    return _short_last_words(text) if sentences and " " in text else text


def typeset_prose(prose: str, language: str = "en", smart_quotes: bool = True) -> str:
    """Prose with markup typeset as its shown text would be; markup and link targets untouched."""
    if not (_QUOTE_OR_DIGIT if smart_quotes else _DIGIT).search(prose) and not _SHORT_LAST.search(prose):
        return prose  # nothing to typeset: spare the parse
    return markup.map_shown(prose, lambda shown: typeset(shown, language, smart_quotes, sentences=True))


def unbroken(text: str) -> str:
    """``text`` kept on one line wherever it is set: each of its spaces a no-break space.

    For what reads as one unit (a date, a figure with its unit: "24 April 1926", "5 years",
    "€ 3 m"), which a line break would tear apart.
    """
    return text.replace(" ", NO_BREAK_SPACE)


def typeset_topic(topic: Topic, typography: Typography) -> Topic:
    """The topic with every text a reader sees typeset; ids, paths and URLs stay as written.

    Text of the kind "unit" (a key fact's figure) is kept on one line too (see ``unbroken``).
    """
    language = topic.language_code

    def change(value: str, shown: str) -> str:
        if shown == "prose":
            return typeset_prose(value, language, typography.smart_quotes)
        printed = typeset(value, language, typography.smart_quotes)
        return unbroken(printed) if shown == "unit" else printed

    return map_shown_text(topic, change)


def _curly_quotes(text: str, quotes: str) -> str:
    """Each straight quote as the curly one its place calls for, read left to right.

    A single quote inside a word (Germany's) or before left-out digits ('20s) is an
    apostrophe; after a word it closes a quotation opened before, else it is an apostrophe
    too (the Joneses' house).
    """
    opening_double, closing_double, opening_single, closing_single = tuple(quotes)
    letters = list(text)
    single_open = False
    opening_context = _OPENING_CONTEXT + opening_double + opening_single
    for match in _STRAIGHT_QUOTE.finditer(text):
        index = match.start()
        before = letters[index - 1] if index else " "
        opens = before in opening_context
        if match.group() == '"':
            letters[index] = opening_double if opens else closing_double
        elif _ELIDED_DIGITS.match(text, index + 1) or (before.isalnum() and text[index + 1 : index + 2].isalnum()):
            letters[index] = APOSTROPHE
        elif opens:
            letters[index], single_open = opening_single, True
        elif single_open or not before.isalnum():
            letters[index], single_open = closing_single, False
        else:
            letters[index] = APOSTROPHE
    return "".join(letters)


def _no_break_spaces(text: str) -> str:
    """No-break spaces inside dates and between "Article", "p." and the like and their number."""
    gaps: list[int] = []
    for number in _NUMBER.finditer(text):
        start, end = number.span()
        if end - start <= 2:
            after = _MONTH_AFTER.match(text, end)
            if after and after.group("word") in _MONTHS:
                gaps += _gaps(after)
        before = _WORD_BEFORE.search(text, max(0, start - _LONGEST_WORD_BEFORE), start)
        if before and not (before.start() and text[before.start() - 1].isalnum()):
            word = before.group("word")
            if (word in _MONTHS and end - start <= 4) or (word in _BEFORE_NUMBERS and before.group("gap2") is None):
                gaps += _gaps(before)
    return _no_break_at(text, gaps)


def _short_last_words(text: str) -> str:
    """No-break spaces before the short last word of each sentence (see ``_SHORT_LAST``)."""
    gaps = [
        match.start()
        for match in _SHORT_LAST.finditer(text)
        if len(text[: match.start()].rsplit(None, 1)[-1]) <= _LONGEST_KEPT_WITH
        and not _DAY_OF_MONTH.match(text, match.end())  # "am 1. Dezember": a day, not a sentence's end
    ]
    return _no_break_at(text, gaps)


def _no_break_at(text: str, gaps: list[int]) -> str:
    """``text`` with a no-break space in place of the space at each of ``gaps``."""
    if not gaps:
        return text
    letters = list(text)
    for index in gaps:
        letters[index] = NO_BREAK_SPACE
    return "".join(letters)


def _gaps(match: re.Match[str]) -> list[int]:
    return [match.start(group) for group in ("gap", "gap2") if match.group(group) is not None]
