"""Prose and plain text -> HTML, every character of user text escaped."""

from __future__ import annotations

from html import escape

from guide import markup


def text(value: str) -> str:
    """Plain text for an element's content, shown exactly as typed."""
    return escape(value, quote=False)


def attribute(value: str) -> str:
    """A double-quoted attribute value, every quote, ampersand and angle bracket escaped."""
    return f'"{escape(value)}"'


def link(href: str, shown: str) -> str:
    """A link whose text is ``shown`` (already HTML): the reader hears where it goes."""
    return f"<a href={attribute(href)}>{shown}</a>"


def prose(value: str) -> str:
    """Prose as HTML: ``<strong>``, ``<em>`` and links from our markup, the rest literal.

    A link labelled with its own URL shows the short form the other outputs show
    (host and path), so a screen reader does not spell out a whole address.
    """
    parts = []
    for span in markup.parse(value):
        shown = text(markup.link_text(span.href) if span.href and span.text == span.href else span.text)
        if span.italic:
            shown = f"<em>{shown}</em>"
        if span.bold:
            shown = f"<strong>{shown}</strong>"
        if span.href:
            shown = link(span.href, shown)
        parts.append(shown)
    return "".join(parts)


def in_language(html: str, lang: str | None) -> str:
    """``html`` marked as written in ``lang``, where it is not the page's, so a screen reader switches voice."""
    return f"<span lang={attribute(lang)}>{html}</span>" if lang else html
