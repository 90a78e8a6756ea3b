"""What a checker finds: a stable code, how grave it is, where it is, and what to do about it.

One shape for every checker (the release gate on a file, the notice check on a response). Each keeps
its own scale of gravity, because the scales mean different things: the release gate's ``block`` stops a
file leaving (core/release_check/findings.py), the notice check's ``error`` says the notice does not meet
the statute (core/notice_findings.py); ``warn`` is a judgement a person records in both.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

S = TypeVar("S", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class Finding(Generic[S]):
    """One thing found: ``code`` is stable and dotted, its checker first (``xlsx.hidden_sheet``,
    ``notice.missing_reasons``); ``where`` names the place (a sheet and cell, a page, a part)."""

    code: str
    severity: S
    where: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "where": self.where,
            "message": self.message,
        }
