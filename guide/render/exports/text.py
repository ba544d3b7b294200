"""Prose as other programs take it: plain text, or the little HTML that Anki, Moodle and Canvas show.

The markup is parsed by ``guide.markup`` like everywhere else, so ``**bold**`` never reaches
another program as asterisks; every character of the user's text is escaped, so text that
looks like HTML is shown as written.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from guide import markup
from guide.markup import Span


def plain(prose: str) -> str:
    """The prose as a reader sees it, without markup."""
    return markup.plain_text(prose)


def escaped(text: str) -> str:
    """Text made safe to put between HTML tags."""
    return html.escape(text, quote=False)


def span_html(span: Span, text: str | None = None) -> str:
    """One span as HTML: bold, italic and link kept, the text (``text`` if given, already HTML) escaped."""
    shown = escaped(span.text) if text is None else text
    if span.italic:
        shown = f"<i>{shown}</i>"
    if span.bold:
        shown = f"<b>{shown}</b>"
    if span.href is not None:
        shown = f'<a href="{html.escape(span.href, quote=True)}">{shown}</a>'
    return shown


def spans_html(spans: Iterable[Span]) -> str:
    return "".join(span_html(span) for span in spans)


def inline_html(prose: str) -> str:
    """The prose as inline HTML."""
    return spans_html(markup.parse(prose))


def paragraph_html(prose: str) -> str:
    """The prose as one HTML paragraph."""
    return f"<p>{inline_html(prose)}</p>"
