"""Prose -> reportlab paragraph markup, with every character of user text escaped."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from guide import markup


def to_markup(prose: str, link_color: str) -> str:
    """Markup for a reportlab Paragraph: ``<b>``, ``<i>`` and links from our syntax, the rest literal."""
    parts = []
    for span in markup.parse(prose):
        text = escape(span.text)
        if span.italic:
            text = f"<i>{text}</i>"
        if span.bold:
            text = f"<b>{text}</b>"
        if span.href:
            text = f'<a href={quoteattr(span.href)} color="{link_color}"><u>{text}</u></a>'
        parts.append(text)
    return "".join(parts)


def literal(text: str) -> str:
    """Plain text for a reportlab Paragraph, shown exactly as typed."""
    return escape(text)
