"""What the parser gives: the parts of a request, and the errors it raises on text it cannot read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from foidesk.core.periods import DateRange, PeriodFlag


class InvalidRequestText(ValueError):
    """The text cannot be read as a request: empty, binary, or too long to parse."""


class RequestTooLong(InvalidRequestText):
    """Longer than ``MAX_REQUEST_CHARS``."""


class PartFlag(StrEnum):
    """Why an officer should look at a part the parser produced."""

    PERIOD_INHERITED = "period_inherited"
    TOPICS_INHERITED = "topics_inherited"
    NO_QUESTION_FOUND = "no_question_found"
    LANGUAGE_NOT_RECOGNISED = "language_not_recognised"
    PERIOD_FROM_CLARIFICATION = "period_from_clarification"


Flag = PartFlag | PeriodFlag


@dataclass(frozen=True, slots=True)
class ParsedPart:
    """One thing asked: ``label`` is how the response cites it ("Request 2, Q1", "Q3", "Q2(a)")."""

    label: str
    request: int | None
    question: int
    subquestion: str | None
    text: str
    date_ranges: tuple[DateRange, ...]
    topics: tuple[str, ...]
    flags: tuple[Flag, ...] = ()
    why: str = (
        ""  # why it was split here, for the officer who corrects the split ("numbered 2)", "Q heading")
    )

    def as_dict(self) -> dict[str, object]:
        return {
            "label": self.label,
            "request": self.request,
            "question": self.question,
            "subquestion": self.subquestion,
            "text": self.text,
            "date_ranges": [period.as_dict() for period in self.date_ranges],
            "topics": list(self.topics),
            "flags": [flag.value for flag in self.flags],
            "why": self.why,
        }


@dataclass(frozen=True, slots=True)
class ParsedRequest:
    """The parts of a request, in the order asked, and the text they were read from.

    ``context``: what the requester wrote that is not asked (format preferences, notes, offers to
    clarify, reasons, an appended clarification), kept for the officer, in the order written.
    """

    parts: tuple[ParsedPart, ...]
    cleaned_text: str
    received: date
    context: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {"parts": [part.as_dict() for part in self.parts], "context": list(self.context)}
