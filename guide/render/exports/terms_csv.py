"""A topic's key terms as CSV, term and definition per row, for flashcard sites and spreadsheets.

RFC 4180: comma separated, fields quoted when they hold a comma, a quote or a line break,
rows ended by CR LF, UTF-8 without a byte-order mark, and no header row (a flashcard site
would make one more card of it). Definitions are plain text: the markup is read, not copied.
A cell that a spreadsheet would read as a formula (one starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return) gets a leading apostrophe, which spreadsheets show as text and do
not run: a topic file from elsewhere cannot make a teacher's spreadsheet fetch or compute anything.
"""

from __future__ import annotations

import csv
import io

from guide.model import Course, Topic
from guide.render.exports.text import plain
from guide.session import BuildSession
from guide.theme import Theme

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP's list for CSV injection)."""


def inert(cell: str) -> str:
    """The cell as text a spreadsheet never runs: an apostrophe before a formula's first character."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def render_terms_csv(topic: Topic, theme: Theme, course: Course | None = None, session: BuildSession | None = None) -> bytes:
    """One row per key term: the term, then its definition as plain text."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, dialect="excel", lineterminator="\r\n")
    writer.writerows((inert(entry.term), inert(plain(entry.definition))) for entry in topic.glossary)
    return buffer.getvalue().encode("utf-8")
