"""Colour arithmetic on hex strings: normal form, mixing, and WCAG contrast.

Themes write colours as ``#RGB`` or ``#RRGGBB``; everything past the loader sees ``#RRGGBB``
in upper case, so two spellings of one colour are the same value (and the same bytes).
"""

from __future__ import annotations

import re

HEX_COLOR = re.compile(r"#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})")

WHITE = "#FFFFFF"


def normal_hex(color: str) -> str:
    """``#abc`` -> ``#AABBCC``; ``#a1b2c3`` -> ``#A1B2C3``. Raises ValueError for anything else."""
    if not HEX_COLOR.fullmatch(color):
        raise ValueError(f"'{color}' is not a #RGB or #RRGGBB colour")
    digits = color[1:]
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return "#" + digits.upper()


def _channels(color: str) -> tuple[int, int, int]:
    digits = normal_hex(color)[1:]
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def mix(color: str, other: str, share_of_other: float) -> str:
    """``color`` moved ``share_of_other`` of the way towards ``other`` (0 = color, 1 = other)."""
    mixed = (round(a + (b - a) * share_of_other) for a, b in zip(_channels(color), _channels(other), strict=True))
    return "#" + "".join(f"{channel:02X}" for channel in mixed)


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance, 0 for black to 1 for white."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in _channels(color))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
