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


Flag = PartFlag | PeriodFlag


@dataclass(frozen=True, slots=True)
class Part:
    """One thing asked: ``label`` is how the response cites it ("Request 2, Q1", "Q3", "Q2(a)")."""

    label: str
    request: int | None
    question: int
    subquestion: str | None
    text: str
    date_ranges: tuple[DateRange, ...]
    topics: tuple[str, ...]
    flags: tuple[Flag, ...] = ()

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
        }


@dataclass(frozen=True, slots=True)
class ParsedRequest:
    """The parts of a request, in the order asked, and the text they were read from."""

    parts: tuple[Part, ...]
    cleaned_text: str
    received: date

    def as_dict(self) -> dict[str, object]:
        return {"parts": [part.as_dict() for part in self.parts]}
