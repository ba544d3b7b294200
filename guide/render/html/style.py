"""The page's CSS, from the theme: its colours and its fonts' family names, readable on a phone and on paper."""

from __future__ import annotations

from guide.fonts import FontFamily
from guide.theme import Theme

_SERIF_HINTS = ("serif", "times", "georgia", "garamond", "cambria", "book")


def _css_string(name: str) -> str:
    """A family name as a CSS string: quotes, backslashes and angle brackets escaped, so no name ends the style element."""
    escaped = "".join(f"\\{ord(character):x} " if character in '"\\<>&' or not character.isprintable() else character for character in name)
    return f'"{escaped}"'


def font_stack(family: FontFamily) -> str:
    """The family's own name, the Office name it matches, then a generic family for readers who have neither."""
    names = [family.name] if family.name == family.office_name else [family.name, family.office_name]
    both = " ".join(names).casefold()
    generic = "serif" if any(hint in both for hint in _SERIF_HINTS) and "sans" not in both else "sans-serif"
    return ", ".join([*(_css_string(name) for name in names), generic])


def stylesheet(theme: Theme) -> str:
    """Inline CSS for the page: rem units and a readable measure, no fixed widths; colours held when printed."""
    colors = theme.colors
    if theme.fills:
        band = f"background: {colors.primary}; color: {colors.background}; border-bottom: 0.3rem solid {colors.accent};"
        box = f"background: {colors.tint}; border-left: 0.25rem solid {colors.accent};"
    else:
        band = f"border-top: 0.12rem solid {colors.primary}; border-bottom: 0.12rem solid {colors.primary}; color: {colors.primary};"
        box = f"border: 0.06rem solid {colors.muted}; border-left: 0.25rem solid {colors.primary};"
    return f"""
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; background: {colors.background}; color: {colors.text}; font-family: {font_stack(theme.body_font)};
  font-size: 1.0625rem; line-height: 1.55; overflow-wrap: break-word; }}
main, .band-inner, footer {{ max-width: 46rem; margin: 0 auto; padding: 0 1rem; }}
h1, h2, .kicker {{ font-family: {font_stack(theme.heading_font)}; line-height: 1.2; }}
header.band {{ {band} padding: 1.25rem 0 1.1rem; margin-bottom: 1.5rem; }}
.band-inner {{ display: flex; gap: 1rem; align-items: center; justify-content: space-between; }}
.kicker {{ margin: 0 0 0.35rem; font-size: 0.8rem; font-weight: bold; letter-spacing: 0.08em; text-transform: uppercase; }}
h1 {{ margin: 0; font-size: 1.9rem; }}
.subtitle {{ margin: 0.35rem 0 0; font-size: 1.15rem; }}
.meta {{ margin: 0.5rem 0 0; font-size: 0.95rem; }}
.logo {{ max-width: 7rem; max-height: 3rem; width: auto; height: auto; background: {colors.background}; padding: 0.25rem; }}
h2 {{ color: {colors.primary}; font-size: 1.3rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem;
  border-bottom: 0.06rem solid {colors.muted}; }}
.box {{ {box} padding: 0.6rem 1rem; margin: 1rem 0; }}
.box h2 {{ margin-top: 0.4rem; border-bottom: 0; font-size: 1rem; letter-spacing: 0.06em; text-transform: uppercase; }}
a {{ color: {colors.primary}; text-decoration: underline; }}
ul, ol {{ padding-left: 1.4rem; }}
li {{ margin: 0.3rem 0; }}
li::marker {{ color: {colors.accent}; font-weight: bold; }}
sup {{ line-height: 0; }}
sup a {{ text-decoration: none; font-weight: bold; padding: 0 0.1rem; }}
.figure {{ display: block; color: {colors.primary}; }}
ol.timeline {{ list-style: none; padding-left: 0; border-left: 0.2rem solid {colors.accent}; margin-left: 0.4rem; }}
ol.timeline li {{ padding-left: 1rem; margin: 0.5rem 0; }}
ol.timeline time, ol.timeline .date {{ display: block; font-weight: bold; color: {colors.primary}; }}
dl.terms dt {{ font-weight: bold; margin-top: 0.6rem; }}
dl.terms dd {{ margin: 0.1rem 0 0 1.2rem; }}
figure {{ margin: 1.25rem 0; }}
figure img {{ display: block; max-width: 100%; height: auto; }}
figcaption {{ color: {colors.muted}; font-size: 0.9rem; margin-top: 0.4rem; }}
.portrait {{ display: block; max-width: 8rem; height: auto; margin: 0.3rem 0; }}
blockquote {{ margin: 0; padding: 0.2rem 0 0.2rem 1rem; border-left: 0.2rem solid {colors.muted}; font-style: italic; }}
figure.excerpt figcaption {{ padding-left: 1rem; }}
.points, .feedback {{ color: {colors.muted}; }}
table.matching td {{ padding: 0.2rem 0.5rem; vertical-align: top; }}
table.matching td.box {{ border: 1px solid {colors.text}; min-width: 1.5rem; text-align: center; }}
.gap {{ white-space: nowrap; }}
.answer {{ margin: 0.3rem 0 0.8rem; padding: 0.4rem 0.8rem; border-left: 0.2rem solid {colors.accent}; }}
p.key-points {{ margin: -0.4rem 0 0.2rem; padding-left: 1rem; }}
ul.key-points {{ margin: 0 0 0.8rem; padding-left: 2.4rem; }}
footer {{ margin-top: 2.5rem; padding-bottom: 2rem; color: {colors.muted}; font-size: 0.85rem; }}
@media (max-width: 30rem) {{
  body {{ font-size: 1rem; }}
  h1 {{ font-size: 1.5rem; }}
  .band-inner {{ flex-direction: column-reverse; align-items: flex-start; }}
  .box {{ padding: 0.5rem 0.75rem; margin-left: -0.25rem; margin-right: -0.25rem; }}
  blockquote {{ padding-left: 0.75rem; }}
  figure.excerpt figcaption {{ padding-left: 0.75rem; }}
}}
@media print {{
  body {{ font-size: 11pt; }}
  main, .band-inner, footer {{ max-width: none; padding: 0; }}
  header.band, .box, li::marker {{ print-color-adjust: exact; -webkit-print-color-adjust: exact; }}
  h2 {{ break-after: avoid; }}
  figure, li, dt, dd, blockquote {{ break-inside: avoid; }}
  figure img {{ max-height: 9cm; width: auto; }}
}}
""".strip()
