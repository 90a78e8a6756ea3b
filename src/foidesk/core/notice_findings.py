"""What the notice checks find: a code, how serious, where, and what to do.

``error``: the notice does not meet the statute; ``warn``: it is poor practice or looks wrong. Every code
a check can give is listed in ``FINDING_CODES`` with what it means.
"""

from __future__ import annotations

import re
from enum import StrEnum

from foidesk.core.findings import Finding as CheckerFinding


class Severity(StrEnum):
    """``error``: the notice does not meet the statute; ``warn``: it is poor practice or looks wrong."""

    ERROR = "error"
    WARN = "warn"


FINDING_CODES: dict[str, str] = {
    "notice.no_parts": "the response answers nothing",
    "notice.undecided_part": "a part has no outcome yet",
    "notice.missing_exemption": "a refusal names no exemption (s.17(1)(b); reg 14(3); FOISA s.16(1)(c))",
    "notice.missing_reasons": "an exemption is claimed without saying why it applies (s.17(1)(c))",
    "notice.missing_public_interest": "a qualified exemption without the public interest reasons (s.17(3))",
    "notice.public_interest_one_sided": "the public interest test lists factors on one side only",
    "notice.absolute_with_pit": "a public interest test for an absolute exemption (s.2(3)): not needed",
    "notice.pit_not_applicable": "a public interest test for a ground that takes none",
    "notice.pit_extension_not_available": "a public interest extension under a regime without one",
    "notice.pit_extension_without_pending_test": "an estimated decision date but no test is open (s.17(2))",
    "notice.pit_estimate_in_past": "the estimated public interest decision date is before the notice",
    "notice.missing_review_rights": "no particulars of the review (s.17(7)(a); reg 14(5)(a); FOISA s.19)",
    "notice.missing_ico_rights": "no particulars of the right to complain to the regulator (s.17(7)(b))",
    "notice.ncnd_not_available": "neither confirm nor deny under an exemption with no NCND provision",
    "notice.s21_without_pointer": "information said to be accessible elsewhere without saying where (s.21)",
    "notice.s12_without_estimate": "a cost-limit refusal without the estimate behind it (s.12; ICO guidance)",
    "notice.s12_limit_not_exceeded": "a cost-limit refusal whose own estimate is within the limit",
    "notice.s12_without_advice": "a cost-limit refusal without advice on narrowing the request (s.16)",
    "notice.no_cost_limit_in_regime": "a cost-limit refusal under the EIR, which have none: reg 12(4)(b)",
    "notice.missing_completion_estimate": "reg 12(4)(d) without who completes the material and when",
    "notice.wrong_regime": "an exemption of another regime than the request's (or the letter's, in text)",
    "notice.late": "the notice is issued after its due date (s.10(1), s.17(1))",
    "notice.outdated_statute": "a statute or provision that was repealed or replaced before the letter",
    "notice.wrong_regulator": "the regulator of another regime (ICO for FOISA, or the Scottish Commissioner)",
    "notice.review_window_wrong": "less time to ask for a review than the law or Code allows (40 WD)",
    "notice.wrong_cost_limit": "a cost limit, hours or hourly rate that the regulations do not set",
    "notice.absolute_misdescribed": "a qualified exemption described as absolute (or the reverse)",
    "notice.exemption_without_subsection": "a section with distinct limbs (s.31, s.40, s.43...) cited alone",
    "notice.subsection_mismatch": "the subsection cited is for another ground (s.14(2) for a vexatious one)",
    "notice.not_centrally_is_held": "'not recorded centrally' given as 'not held': local records are held",
}


class Finding(CheckerFinding[Severity]):
    """One thing wrong with a notice: a code from ``FINDING_CODES``, where it is, and what to do."""

    __slots__ = ()


def error(code: str, where: str, message: str) -> Finding:
    return Finding(code, Severity.ERROR, where, message)


def warn(code: str, where: str, message: str) -> Finding:
    return Finding(code, Severity.WARN, where, message)


# "Not recorded centrally" is not "not held": information in local records is held (s.1(1)).
NOT_CENTRALLY = re.compile(
    r"\bnot (?:recorded|held|collated|kept|stored|captured|retained) (?:\w+ )?centrally\b|"
    r"\bno central (?:record|database|system|register)\b",
    re.IGNORECASE,
)


def not_centrally(where: str) -> Finding:
    return warn(
        "notice.not_centrally_is_held",
        where,
        "Information not recorded centrally but held in local records is held (s.1(1)): search them, or "
        "refuse under s.12 with an estimate of the search and advice on narrowing the request (s.16).",
    )
