"""Prose -> reportlab paragraph markup, with every character of user text escaped."""

from __future__ import annotations

from html import escape

from guide import markup


def to_markup(prose: str, link_color: str) -> str:
    """Markup for a reportlab Paragraph: ``<b>``, ``<i>`` and links from our syntax, the rest literal."""
    parts = []
    for span in markup.parse(prose):
        text = escape(span.text, quote=False)
        if span.italic:
            text = f"<i>{text}</i>"
        if span.bold:
            text = f"<b>{text}</b>"
        if span.href:
            text = f'<a href={attribute(span.href)} color="{link_color}"><u>{text}</u></a>'
        parts.append(text)
    return "".join(parts)


def literal(text: str) -> str:
    """Plain text for a reportlab Paragraph, shown exactly as typed."""
    return escape(text, quote=False)


def attribute(value: str) -> str:
    """A quoted attribute value for paragraph markup, every quote and angle bracket escaped.

    ``html.escape`` rather than ``xml.sax.saxutils``, which imports urllib's HTTP client (15 ms
    of a cold build's start).
    """
    return f'"{escape(value)}"'
