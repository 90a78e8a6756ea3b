"""What a reader of an office document can make out: one home for legible size and colour contrast.

Shared by the DOCX and ODT readers. Text is invisible when it is smaller than ``MIN_READABLE_POINTS``, or
when its colour is too close to what is behind it: nearly the same RGB (``SAME_COLOUR_DISTANCE``), or so
little luminance contrast (WCAG 2 contrast ratio under ``MIN_CONTRAST_RATIO``) that, between two colours
not far apart, the letters cannot be told from the ground (dark grey on black, pale grey on white).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import TypeVar

from foidesk.core.release_check.findings import MIN_LEGIBLE_POINTS

MIN_READABLE_POINTS = MIN_LEGIBLE_POINTS
SAME_COLOUR_DISTANCE = 0.08  # Euclidean distance in RGB (0..1) below which text and background look alike
MIN_CONTRAST_RATIO = 1.2  # WCAG 2 contrast ratio under which near colours cannot be told apart
NEAR_COLOURS = 0.3  # the contrast rule applies only to colours this close (yellow on white stays visible)
WHITE = (1.0, 1.0, 1.0)


def hex_colour(value: str | None) -> tuple[float, float, float] | None:
    if not value or not re.fullmatch(r"#?[0-9A-Fa-f]{6}", value):
        return None
    digits = value.lstrip("#")
    return (int(digits[0:2], 16) / 255, int(digits[2:4], 16) / 255, int(digits[4:6], 16) / 255)


def _luminance(colour: tuple[float, float, float]) -> float:
    """WCAG 2 relative luminance."""
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in colour]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def looks_alike(text: str | None, background: str | None) -> bool:
    """True when text of colour ``text`` cannot be made out on ``background`` (None: white paper)."""
    colour = hex_colour(text)
    if colour is None:
        return False
    behind = hex_colour(background) or WHITE
    distance = math.dist(colour, behind)
    if distance < SAME_COLOUR_DISTANCE:
        return True
    return distance < NEAR_COLOURS and contrast_ratio(colour, behind) < MIN_CONTRAST_RATIO


Look = TypeVar("Look")


def style_chain(styles: Mapping[str, tuple[Look, str | None]], name: str | None) -> list[Look]:
    """A style's own look, then its parent's and so on up (a loop in the chain ends it)."""
    chain: list[Look] = []
    seen: set[str] = set()
    while name and name in styles and name not in seen:
        seen.add(name)
        look, name = styles[name]
        chain.append(look)
    return chain
