"""The particulars a letter states as facts of law, checked against the law: statutes, regulators, windows,
cost limits, and what kind of exemption each one is.

A refusal can meet s.17 in form and still tell the requester something false: that the Data Protection
Act 1998 applies (repealed on 25 May 2018), that s.40(5) lets the authority neither confirm nor deny
(replaced by s.40(5A) and (5B) the same day), that a FOISA requester may complain to the Information
Commissioner (the Scottish Information Commissioner decides: FOISA s.47), that a review must be asked
for within 20 working days (the law and the s.45 Code give 40: EIR reg 11(2), FOISA s.20(5), Code of
Practice 2018 para 5.4), that the cost limit is £450 at 24 hours (the hours are the limit at £25 an hour:
18 for £450, 24 for £600; reg 3 and 4(4) SI 2004/3244; FOISA £600 at up to £15 an hour), or that a
qualified exemption is absolute (FOIA s.2(3)). Each check reads only sentences that state the particular,
so an explanation that merely mentions a figure is left alone. Sources: DOMAIN.md sections A, D and H.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from foidesk.core.exemptions import parse_citation
from foidesk.core.notice_findings import Finding, Severity, error, warn
from foidesk.core.regime import Regime

# The requester's window to ask for a review: the regime's rules (EIR reg 11(2); FOISA s.20(5); FOIA s.45
# Code of Practice para 5.4), 40 working days under each.
REVIEW_WINDOW_WORKING_DAYS = Regime.FOIA.rules.review.request_window_working_days


@dataclass(frozen=True, slots=True)
class _Outdated:
    pattern: re.Pattern[str]
    since: date
    message: str
    severity: Severity = Severity.ERROR


_GDPR_DAY = date(2018, 5, 25)
_OUTDATED: tuple[_Outdated, ...] = (
    _Outdated(
        re.compile(r"Data Protection Act,? 1998|\bDPA,? 1998\b", re.IGNORECASE),
        _GDPR_DAY,
        "The Data Protection Act 1998 was repealed on 25 May 2018: cite the UK GDPR and the Data "
        "Protection Act 2018.",
    ),
    _Outdated(
        re.compile(r"\b(?:s\.|sections?\s?)\s?40\s?\(5\)(?!\s?\(?[AB]\b)", re.IGNORECASE),
        _GDPR_DAY,
        "s.40(5) was replaced on 25 May 2018 (DPA 2018 Sch 19): cite s.40(5A) for the requester's own "
        "data or s.40(5B) for third parties.",
        Severity.WARN,  # the power still exists, renumbered: a citation to update, not a false statement
    ),
    _Outdated(
        re.compile(r"\b40\s?\(3\)\s?\(a\)\s?\((?:i|ii)\)", re.IGNORECASE),
        _GDPR_DAY,
        "s.40(3)(a)(i) was replaced on 25 May 2018: cite s.40(3A)(a) (the first condition).",
    ),
    _Outdated(
        # A bare "s.40(3)" (no (a)(i)): the old condition, replaced the same day by s.40(3A) and (3B).
        re.compile(r"\b(?:s\.|sections?\s?)\s?40\s?\(3\)(?!\s?\(\s?a\s?\)\s?\((?:i|ii)\))", re.IGNORECASE),
        _GDPR_DAY,
        "s.40(3) was replaced on 25 May 2018 (DPA 2018 Sch 19): cite s.40(3A) (the first condition) or "
        "s.40(3B).",
        Severity.WARN,  # renumbered, like s.40(5): a citation to update
    ),
    _Outdated(
        re.compile(r"Environmental Information Regulations,? 1992", re.IGNORECASE),
        date(2005, 1, 1),
        "The Environmental Information Regulations 1992 were replaced on 1 January 2005 by the 2004 "
        "Regulations.",
    ),
    _Outdated(
        re.compile(r"\bthe Information Tribunal\b", re.IGNORECASE),
        date(2010, 1, 18),
        "The Information Tribunal became the First-tier Tribunal (Information Rights) on 18 January 2010.",
    ),
)

_SCOTTISH_REGULATOR = re.compile(
    r"Scottish Information Commissioner|itspublicknowledge|foi\.scot\b|Commissioner's Office,? Kinburn",
    re.IGNORECASE,
)
_UK_REGULATOR = re.compile(
    r"(?<!Scottish )Information Commissioner(?!,? (?:in|for) Scotland)|\bICO\b|ico\.org\.uk|Wycliffe House",
    re.IGNORECASE,
)

# A sentence ends at . ! ? followed by a space and a capital (not inside "s.40(2)" or "£25.00"), at ";"
# or at a line break.
_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'‘“])|;\s*|\n")
_REVIEW_WORDS = re.compile(r"\breview\b|reconsider", re.IGNORECASE)
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10,
    "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "sixty": 60,
}  # fmt: skip
_NUMBER = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_WINDOW = re.compile(
    rf"(?:\bwithin|\byou have|\bno later than)\s+{_NUMBER}\s*(?:\(\d+\)\s*)?"
    r"(working\s+days?|calendar\s+days?|days?|weeks?|(?:calendar\s+)?months?)",
    re.IGNORECASE,
)
# Whose time it is: the requester's ("your request must be made within..."), not the authority's ("we
# will respond to your review within 20 working days").
_REQUESTERS_WINDOW = re.compile(
    r"\byou (?:must|should|need to|have to|have|may|can)\b|"
    r"\b(?:must|should) be (?:made|submitted|received|sent|lodged)\b|"
    r"\b(?:of|from) (?:the date of )?(?:this|our|the) (?:letter|response|reply|decision|notice|email)\b|"
    r"\b(?:requests?|applications?|complaints?) (?:for (?:an? )?(?:internal )?review )?(?:must|should)\b",
    re.IGNORECASE,
)
_AUTHORITYS_WINDOW = re.compile(
    r"\bwe (?:will|shall|aim|would|endeavour|try|expect)\b|\bour (?:target|aim)\b|\bto respond\b",
    re.IGNORECASE,
)

_COST_WORDS = re.compile(r"appropriate limit|cost limit|\blimit\b|section 12\b|\bs\.\s?12\b", re.IGNORECASE)
_LIMIT_AMOUNT = re.compile(
    r"(?:limit(?:\s+for\s+[\w\s]{1,30}?)?\s+(?:of|is|at|set at)|set at|equates to|equivalent to|which is)"
    r"\s+£\s?(\d{3,4})\b|"
    r"£\s?(\d{3,4})\s+(?:appropriate |cost )?limit",
    re.IGNORECASE,
)
_LIMIT_HOURS = re.compile(
    r"(?:limit (?:of|is|at|set at)|set at|equates to|equivalent to|represents)\s+"
    r"(?:£\s?\d+\s*(?:,|or|/|\()?\s*)?(\d{1,3})\s*(?:working\s+)?hours?\b|"
    r"\b(\d{1,3})[- ]hours?\s+(?:cost |time |appropriate )?limit",
    re.IGNORECASE,
)
_HOURLY_RATE = re.compile(r"£\s?(\d{1,3})(?:\.00)?\s*(?:per|an|a)\s+(?:person\s+)?hour", re.IGNORECASE)
_CLAIMED_COST_LIMIT = re.compile(
    r"appropriate limit|cost limit|\bsection 12\b|\bs\.\s?12\b|\b(?:18|24)[- ]hours?\s+(?:limit|threshold)",
    re.IGNORECASE,
)
_EIR_COST_GROUND = re.compile(r"12\s?\(4\)\s?\(b\)|10\s?\(4\)\s?\(b\)|manifestly unreasonable", re.IGNORECASE)
_KIND = re.compile(r"\b(not\s+(?:an?\s+)?)?(absolute|qualified)\s+exemptions?\b", re.IGNORECASE)


def particulars_findings(text: str, regime: Regime, dated: date | None = None) -> list[Finding]:
    """Everything the letter states as a particular of law that the law does not say."""
    return [
        *_outdated_statute(text, dated),
        *_regulator(text, regime),
        *_review_window(text, regime),
        *_cost_limit(text, regime),
        *_kind_of_exemption(text, regime),
    ]


def _outdated_statute(text: str, dated: date | None) -> Iterator[Finding]:
    for rule in _OUTDATED:
        match = rule.pattern.search(text)
        if match and (dated is None or dated >= rule.since):
            yield Finding(
                "notice.outdated_statute", rule.severity, line_at(text, match.start()), rule.message
            )


def _regulator(text: str, regime: Regime) -> Iterator[Finding]:
    scottish, uk = _SCOTTISH_REGULATOR.search(text), _UK_REGULATOR.search(text)
    if regime.is_scottish and uk:
        make = warn if scottish else error
        yield make(
            "notice.wrong_regulator",
            line_at(text, uk.start()),
            "Under FOISA and the EISR the requester complains to the Scottish Information Commissioner "
            "(FOISA s.47), not the Information Commissioner.",
        )
    elif not regime.is_scottish and scottish:
        make = warn if uk else error
        yield make(
            "notice.wrong_regulator",
            line_at(text, scottish.start()),
            "Under the FOIA and the EIR the requester complains to the Information Commissioner (s.50; "
            "reg 18), not the Scottish Information Commissioner.",
        )


def _review_window(text: str, regime: Regime) -> Iterator[Finding]:
    review = regime.rules.review
    for sentence, start in sentences(text):
        if not _REVIEW_WORDS.search(sentence) or _AUTHORITYS_WINDOW.search(sentence):
            continue
        if not _REQUESTERS_WINDOW.search(sentence):
            continue
        for match in _WINDOW.finditer(sentence):
            days = _working_days(match.group(1), match.group(2))
            if days is not None and days < review.request_window_working_days:
                yield warn(
                    "notice.review_window_wrong",
                    line_at(text, start),
                    f"'{match.group(0)}' gives the requester less than {review.request_window_working_days} "
                    f"working days to ask for the {review.name} ({review.request_window_provision}).",
                )
                return


def _working_days(count: str, unit: str) -> float | None:
    number = int(count) if count.isdigit() else _NUMBER_WORDS.get(count.lower())
    if number is None:
        return None
    unit = unit.lower()
    if unit.startswith("working"):
        return number
    if "day" in unit:
        return number * 5 / 7
    if unit.startswith("week"):
        return number * 5
    return number * 21  # the shortest months hold 20 working days; two months always hold at least 40


def _cost_limit(text: str, regime: Regime) -> Iterator[Finding]:
    cost = regime.rules.cost
    if not cost.has_limit:
        limit = _CLAIMED_COST_LIMIT.search(text)
        if limit and not _EIR_COST_GROUND.search(text):
            yield error(
                "notice.no_cost_limit_in_regime",
                line_at(text, limit.start()),
                f"The {regime.short_name} have no cost limit: refuse a costly request as manifestly "
                f"unreasonable ({cost.ground}).",
            )
        return
    amounts: set[int] = set()
    hours: set[int] = set()
    rates: list[tuple[int, int]] = []
    for sentence, start in sentences(text):
        if not _COST_WORDS.search(sentence):
            continue
        amounts.update(int(a or b) for a, b in _LIMIT_AMOUNT.findall(sentence))
        hours.update(int(a or b) for a, b in _LIMIT_HOURS.findall(sentence))
        rates.extend((int(rate), start) for rate in _HOURLY_RATE.findall(sentence))
    yield from _limit_findings(text, regime, amounts, hours, rates)


def _limit_findings(
    text: str, regime: Regime, amounts: set[int], hours: set[int], rates: list[tuple[int, int]]
) -> Iterator[Finding]:
    cost = regime.rules.cost
    rate = cost.hourly_rate or Decimal(1)  # a regime with a limit has a rate (tests/core/test_regime.py)
    allowed_amounts = {int(limit) for limit in cost.limits}
    if cost.hourly_rate_is_maximum:
        # The actual rate up to the cap, so the hours follow from the staff's pay: only the cap is checked.
        bad_rates = [(r, at) for r, at in rates if Decimal(r) > rate]
        pairs: dict[int, int] = {}
        rate_rule = f"at most £{rate} an hour ({cost.regulations})"
    else:
        bad_rates = [(r, at) for r, at in rates if Decimal(r) != rate]
        pairs = {int(limit): int(limit / rate) for limit in cost.limits}
        rate_rule = f"£{rate} an hour ({cost.regulations})"
    where = "letter"
    for amount in sorted(amounts - allowed_amounts):
        yield error(
            "notice.wrong_cost_limit",
            where,
            f"£{amount} is not a cost limit under the {regime.short_name}: "
            + ", ".join(f"£{a}" for a in sorted(allowed_amounts))
            + ".",
        )
    for amount in sorted(amounts & set(pairs)):
        expected = pairs[amount]
        if hours and expected not in hours:
            yield error(
                "notice.wrong_cost_limit",
                where,
                f"A limit of £{amount} is {expected} hours at £{rate} an hour, not "
                + " or ".join(str(h) for h in sorted(hours))
                + ".",
            )
    if pairs and not amounts and hours - set(pairs.values()):
        yield error(
            "notice.wrong_cost_limit",
            where,
            f"The {regime.short_name} cost limit is "
            + " or ".join(f"{h} hours (£{a})" for a, h in sorted(pairs.items()))
            + f" at £{rate} an hour.",
        )
    for bad, start in bad_rates[:1]:
        yield error(
            "notice.wrong_cost_limit",
            line_at(text, start),
            f"Staff time is costed at {rate_rule}, not £{bad}.",
        )


def _kind_of_exemption(text: str, regime: Regime) -> Iterator[Finding]:
    """A clause that calls the exemption it cites absolute or qualified must be right (FOIA s.2(3))."""
    starts = [start for _, start in sentences(text)]
    boundary = 0
    for match in _KIND.finditer(text):
        sentence_start = max((s for s in starts if s <= match.start()), default=0)
        clause = text[max(boundary, sentence_start) : match.start()]
        boundary = match.end()
        if match.group(1):
            continue  # "not an absolute exemption": a denial, not a claim
        called_absolute = match.group(2).lower() == "absolute"
        for cited in parse_citation(clause, regime):
            if cited.procedural or cited.absolute_only_under_first_condition:
                continue
            if cited.absolute != called_absolute:
                truth = "absolute" if cited.absolute else "qualified"
                yield error(
                    "notice.absolute_misdescribed",
                    line_at(text, match.start()),
                    f"{cited.code} is {truth}, not {match.group(2).lower()}" + _absolute_list(regime),
                )


def _absolute_list(regime: Regime) -> str:
    listed = regime.rules.notice.absolute_list
    return f" ({listed} lists the absolute exemptions)." if listed else "."


def sentences(text: str) -> Iterator[tuple[str, int]]:
    """The sentences of ``text`` with their offsets; a line break or ";" ends one too."""
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.start() > start:
            yield text[start : match.start()], start
        start = match.end()
    if start < len(text):
        yield text[start:], start


def line_at(text: str, offset: int) -> str:
    """Where ``offset`` is, as a finding names it: "line 3"."""
    return f"line {text.count(chr(10), 0, offset) + 1}"
