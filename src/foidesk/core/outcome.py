"""What was decided for one part of a request."""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """The outcome of one part (DESIGN.md, "Decision")."""

    DISCLOSED = "disclosed"
    PARTLY_DISCLOSED = "partly_disclosed"
    WITHHELD = "withheld"
    NOT_HELD = "not_held"
    ALREADY_PUBLISHED = "already_published"  # s.21, with a pointer
    COST_LIMIT = "cost_limit"  # s.12
    NCND = "ncnd"  # neither confirm nor deny
    CLARIFICATION_NEEDED = "clarification_needed"  # s.1(3)
    UNDECIDED = "undecided"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_refusal(self) -> bool:
        """Outcomes that need a refusal notice under s.17."""
        return self in _REFUSALS


_LABELS = {
    Outcome.DISCLOSED: "Disclosed",
    Outcome.PARTLY_DISCLOSED: "Partly disclosed",
    Outcome.WITHHELD: "Withheld",
    Outcome.NOT_HELD: "Not held",
    Outcome.ALREADY_PUBLISHED: "Already published (s.21)",
    Outcome.COST_LIMIT: "Cost limit (s.12)",
    Outcome.NCND: "Neither confirm nor deny",
    Outcome.CLARIFICATION_NEEDED: "Clarification needed",
    Outcome.UNDECIDED: "Not yet decided",
}
_REFUSALS = frozenset(
    {Outcome.PARTLY_DISCLOSED, Outcome.WITHHELD, Outcome.ALREADY_PUBLISHED, Outcome.COST_LIMIT, Outcome.NCND}
)
