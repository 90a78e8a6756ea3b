"""Counts stated in the words of a response: "3 allegations", "three officers", and whether they disclose.

A small number written in a letter is released as surely as one in a table, and escapes the
table's suppression (s.40(2) FOIA; DOMAIN.md section C). So is a number that differs by a small
amount from a count released in a table: the intruder subtracts. This module finds counts near a
countable noun, in digits or in words, and says which of them may not leave. It reads plain text
and plain numbers; the web layer gathers the letter's text and the released values.

Deliberately simple: a number is a count only when a noun for people or records follows it within
two words ("3 allegations", "three serving officers"), so "section 40", "Request 2" and dates are
left alone. A count stated in other ways ("a single officer") is not found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS: dict[str, int] = {word: n for n, word in enumerate(_UNITS)} | _TENS
COUNT_NOUNS = [
    "allegation",
    "allegations",
    "officer",
    "officers",
    "complaint",
    "complaints",
    "case",
    "cases",
    "record",
    "records",
    "person",
    "people",
    "persons",
    "individual",
    "individuals",
    "investigation",
    "investigations",
    "dismissal",
    "dismissals",
    "warning",
    "warnings",
    "hearing",
    "hearings",
    "referral",
    "referrals",
    "incident",
    "incidents",
    "victim",
    "victims",
    "complainant",
    "complainants",
    "member",
    "members",
    "staff",
    "employee",
    "employees",
    "constable",
    "constables",
    "sergeant",
    "sergeants",
    "inspector",
    "inspectors",
    "men",
    "women",
    "man",
    "woman",
    "instance",
    "instances",
    "occasion",
    "occasions",
]

_NUMBER = (
    r"(?P<number>\d{1,3}(?:,\d{3})*|\d+|"
    + r"(?:"
    + "|".join(_TENS)
    + r")(?:[- ](?:"
    + "|".join(_UNITS[1:10])
    + r"))?|"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")"
)
_COUNT = re.compile(
    r"\b" + _NUMBER + r"\s+(?:[a-z-]+\s+){0,2}?(?P<noun>" + "|".join(COUNT_NOUNS) + r")\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class StatedCount:
    """A count found in text: its value, the noun it counts and the phrase, and where it was written."""

    value: int
    noun: str
    phrase: str
    where: str


def stated_counts(text: str, *, where: str = "") -> tuple[StatedCount, ...]:
    """Every count near a countable noun in ``text``, in the order written."""
    found = []
    for match in _COUNT.finditer(text):
        value = _value(match.group("number"))
        if value is not None:
            found.append(StatedCount(value, match.group("noun").lower(), match.group(0), where))
    return tuple(found)


def _value(number: str) -> int | None:
    word = number.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    tens, _, unit = word.replace("-", " ").partition(" ")
    if tens in _TENS and unit in NUMBER_WORDS:
        return _TENS[tens] + NUMBER_WORDS[unit]
    return None


def disclosing_counts(
    texts: Sequence[tuple[str, str]], *, threshold: int, released: Iterable[int] = ()
) -> tuple[str, ...]:
    """What stops the response: every stated count that is small (1 .. threshold - 1), or that differs
    from a released count by a small amount (the difference would be a small count). ``texts`` are
    (where, text) pairs; ``released`` the counts published in the response's tables and the ledger's
    totals. Returns one sentence per finding."""
    values = sorted(set(released))
    findings = []
    for where, text in texts:
        for count in stated_counts(text, where=where):
            if 0 < count.value < threshold:
                findings.append(
                    f'{where}: "{count.phrase}" states a count below {threshold}; '
                    f'withhold it or say "fewer than {threshold}".'
                )
                continue
            near = [v for v in values if 0 < abs(count.value - v) < threshold]
            if near:
                findings.append(
                    f'{where}: "{count.phrase}" differs by fewer than {threshold} '
                    f"from the released count {near[0]}, "
                    "so the difference would disclose a small count; round it or leave it out."
                )
    return tuple(findings)
