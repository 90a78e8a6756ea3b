"""The passages of a response letter an authority may word for itself, and their placeholders.

A passage is plain text with placeholders in braces (``Dear {requester_name},``). Each passage allows
its own placeholders; anything else (an unknown name, a stray brace, ``{reference.upper}``) is a broken
placeholder, reported by ``passage_problems`` when the text is saved and refused by ``fill`` before a
letter is made, so that a letter never goes out with a hole or a literal brace in it. No Django here.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from enum import StrEnum


class Passage(StrEnum):
    OPENING = "opening"
    LATE = "late"
    REVIEW = "review"
    CLOSING = "closing"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Passage.OPENING: "Opening (after ‘Dear …’)",
    Passage.LATE: "Apology when the response is late",
    Passage.REVIEW: "Your right to an internal review",
    Passage.CLOSING: "Closing (before the signature)",
}

PLACEHOLDERS: dict[Passage, frozenset[str]] = {
    Passage.OPENING: frozenset({"received", "reference", "authority"}),
    Passage.LATE: frozenset({"due", "reference"}),
    Passage.REVIEW: frozenset({"window", "reference", "review_contact", "authority"}),
    Passage.CLOSING: frozenset({"authority", "reference"}),
}

DEFAULTS: dict[Passage, str] = {
    Passage.OPENING: "Thank you for your request for information, received on {received}.",
    Passage.LATE: "I am sorry that this response is late: it was due on {due}, and you should have had it "
    "by then.",
    Passage.REVIEW: "If you are unhappy with how your request has been handled, you may ask for an internal "
    "review within {window} working days of the date of this letter.",
    Passage.CLOSING: "Yours sincerely,",
}

# What the admin's preview fills the placeholders with.
EXAMPLE_VALUES = {
    "received": "16 May 2022",
    "reference": "01.FOI.22.024648",
    "authority": "the authority",
    "due": "14 June 2022",
    "window": "40",
    "review_contact": "the Information Rights Unit",
}


class BrokenPlaceholder(ValueError):
    """A passage's text cannot be filled: the message says which placeholder and why."""


def passage_problems(passage: Passage, text: str) -> list[str]:
    """Everything wrong with ``text`` as the wording of ``passage``, in words; empty if it is sound."""
    if not text.strip():
        return ["The passage is empty."]
    try:
        pieces = list(string.Formatter().parse(text))
    except ValueError as problem:
        return [f"A brace is not closed or not paired ({problem}): write {{{{ or }}}} for a literal brace."]
    allowed = PLACEHOLDERS[passage]
    problems = []
    for _, name, spec, conversion in pieces:
        if name is None:
            continue
        if not name:
            problems.append("An empty placeholder {} names nothing.")
        elif name not in allowed:
            problems.append(
                f"{{{name}}} is not a placeholder of this passage; it may use "
                + ", ".join(f"{{{n}}}" for n in sorted(allowed))
                + "."
            )
        elif spec or conversion:
            problems.append(f"{{{name}}} must be written plainly, without ':' or '!'.")
    return problems


def fill(passage: Passage, text: str, values: Mapping[str, str]) -> str:
    """``text`` with its placeholders filled; raises ``BrokenPlaceholder`` if ``passage_problems``
    finds anything."""
    problems = passage_problems(passage, text)
    if problems:
        raise BrokenPlaceholder(f"{passage.label}: " + " ".join(problems))
    return text.format_map({name: values.get(name, "") for name in PLACEHOLDERS[passage]})
