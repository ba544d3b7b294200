"""What ``--check-template`` prints: a template's layouts, the role each serves and why, its branding and fonts.

Everything here is read by guide.template; this only says it, one line per fact, so a
lecturer sees why a layout was or was not used before building a deck on it.
"""

from __future__ import annotations

from pathlib import Path

from guide.fonts import font_uses
from guide.template import read_template
from guide.theme import SLIDE_ROLES


def describe_template(path: Path) -> str:
    """What ``--check-template`` prints: each layout with its placeholders and the roles it serves."""
    template = read_template(path)
    served: dict[int, list[str]] = {}
    for role in SLIDE_ROLES:
        layout = template.roles[role]
        if layout is not None:
            served.setdefault(layout.index, []).append(role)
    lines = [f"{path.name}: {template.width_pt:g} x {template.height_pt:g} pt, fonts {template.fonts[0]} / {template.fonts[1]}"]
    for layout in template.layouts:
        roles = ", ".join(served.get(layout.index, [])) or "-"
        kinds = ", ".join(f"{placeholder.kind} ({placeholder.idx})" for placeholder in layout.placeholders) or "no placeholders"
        master = f" (master {layout.master + 1})" if len(template.masters) > 1 else ""
        lines.append(f"  [{layout.index}] {layout.shown}{master}: {kinds} -> {roles}")
    unserved = [role for role in SLIDE_ROLES if template.roles[role] is None]
    if unserved:
        lines.append(f"  no layout for: {', '.join(unserved)}")
    lines += [f"  {choice}" for choice in template.choices]
    lines.append(f"  {_font_needs((*template.fonts, *template.other_fonts))}")
    lines += [f"  warning: {warning}" for warning in template.warnings]
    lines += [f"  error: {error}" for error in template.errors]
    return "\n".join(lines) + "\n"


def _font_needs(fonts: tuple[str, ...]) -> str:
    """How each of the template's fonts is measured, and what a viewer must have installed to see it as designed."""
    uses = {use.font: use for use in font_uses(fonts)}
    roles = zip(("titles", "text", *("also",) * len(fonts)), fonts, strict=False)
    said = [f"{role} in {font} ({uses[font].how})" for role, font in roles if font]
    needed = " and ".join(dict.fromkeys(use.needed for use in uses.values()))
    return f"fonts: {'; '.join(said)}; viewers need {needed} installed to see the deck as designed"
