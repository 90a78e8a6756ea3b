"""Free text before release: find what identifies a person, redact it, or advise withholding it.

A summary is checked against the record's own known entities (the names, collar numbers, stations
and dates the authority holds for that case) and against patterns of identifiers (collar and warrant
numbers, phone numbers, emails, UK postcodes, vehicle registrations, National Insurance numbers,
full dates, titled names). The answer recommends release, redaction or withholding under s.40(2)
FOIA, with its reasons and the redacted text; a person signs it off (DOMAIN.md section C).

The test is the ICO's "motivated intruder" (Anonymisation Code, 2012): could someone with other
available information identify a person? Free-text allegation summaries are high risk: rank, date,
station and allegation together can identify an officer or a complainant, so a summary that mixes
many kinds of identifier, or would be mostly redacted, is better withheld than redacted. No NER
model is used: none with a bundled model installs offline here (a caller may add its matches).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

EXEMPTION = "s.40(2) FOIA"  # third-party personal data (DOMAIN.md section B)
DEFAULT_MARKER = "[redacted]"
DEFAULT_WITHHOLD_SHARE = 0.40  # a design choice: beyond this share redacted, what is left misleads
DEFAULT_WITHHOLD_KINDS = 4  # a design choice: this many kinds of identifier in one summary


class Recommendation(StrEnum):
    RELEASE = "release"
    REDACT = "redact"
    WITHHOLD = "withhold"


class EntityKind(StrEnum):
    NAME = "name"
    COLLAR_NUMBER = "collar_number"
    WARRANT_NUMBER = "warrant_number"
    STATION = "station"
    DATE = "date"
    PHONE = "phone"
    EMAIL = "email"
    POSTCODE = "postcode"
    VEHICLE = "vehicle_registration"
    NI_NUMBER = "ni_number"
    OTHER = "other"


class Source(StrEnum):
    RECORD = "record"  # one of the record's own known entities
    PATTERN = "pattern"  # the shape of an identifier
    MODEL = "model"  # supplied by a caller's NER model


DIRECT_IDENTIFIERS = frozenset(
    {
        EntityKind.NAME,
        EntityKind.COLLAR_NUMBER,
        EntityKind.WARRANT_NUMBER,
        EntityKind.PHONE,
        EntityKind.EMAIL,
        EntityKind.NI_NUMBER,
        EntityKind.VEHICLE,
    }
)


@dataclass(frozen=True, slots=True)
class KnownEntities:
    """What the authority's record of the case says about the people in it."""

    names: tuple[str, ...] = ()
    collar_numbers: tuple[str, ...] = ()
    stations: tuple[str, ...] = ()
    dates: tuple[dt.date, ...] = ()
    other: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    """A span of the text (``text[start:end]``) that identifies, or helps identify, a person."""

    kind: EntityKind
    start: int
    end: int
    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class RedactionPolicy:
    marker: str = DEFAULT_MARKER
    withhold_share: float = DEFAULT_WITHHOLD_SHARE
    withhold_kinds: int = DEFAULT_WITHHOLD_KINDS


@dataclass(frozen=True, slots=True)
class RedactionResult:
    recommendation: Recommendation
    reasons: tuple[str, ...]
    matches: tuple[Match, ...]
    redacted_text: str
    redacted_share: float

    @property
    def exemption(self) -> str | None:
        return None if self.recommendation is Recommendation.RELEASE else EXEMPTION

    @property
    def kinds(self) -> frozenset[EntityKind]:
        return frozenset(match.kind for match in self.matches)


# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------

POLICE_RANKS = r"(?:PC|DC|TDC|PS|DS|SPC|PCSO|Sgt|Insp|DI|CI|DCI|Supt|DSupt|Ch\s?Supt|Cdr)"
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_PHONE = r"(?<![\w+])((?:\+44\s?(?:\(0\)\s?)?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4})(?!\d)"
_NI_NUMBER = r"\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D])\b"
POSTCODE = r"\b([A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b"
# Current (AB12 CDE), prefix (A123 BCD) and suffix (ABC 123D) registrations.
VEHICLE_REGISTRATION = r"\b([A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])\b"
# Full dates: 12 March 2021, 12th of Mar, March 12, 2021, 12/03/2021, 2021-03-12.
DAY_MONTH_DATE = rf"\b(\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?(?:,?\s+\d{{4}})?)\b"
MONTH_DAY_DATE = rf"\b({_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b"
NUMERIC_DATE = r"\b(\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\b"
# A title and a capitalised word: "Ms Okafor", "Mr. O'Brien".
_TITLED_NAME = r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+([A-Z](?:[a-z]+|'[A-Z][a-z]+)(?:-[A-Z][a-z]+)?)"
_PATTERNS: tuple[tuple[EntityKind, re.Pattern[str]], ...] = (
    # The number after a rank: "PC 1234AB", "DS 567", "Sgt. 12CW" (group 1 only: the rank stays).
    (EntityKind.COLLAR_NUMBER, re.compile(rf"\b{POLICE_RANKS}\.?\s*(\d{{1,6}}(?:\s?[A-Z]{{2}})?)\b")),
    # A shoulder number on its own: digits and a two-letter borough or BCU code ("4821CW").
    (EntityKind.COLLAR_NUMBER, re.compile(r"\b(\d{2,5}(?!AM\b|PM\b)[A-Z]{2})\b")),
    (EntityKind.WARRANT_NUMBER, re.compile(r"\bwarrant\s+(?:no\.?|number)?\s*:?\s*(\d{5,8})\b", re.I)),
    (EntityKind.EMAIL, re.compile(r"\b([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\b")),
    (EntityKind.PHONE, re.compile(_PHONE)),
    (EntityKind.NI_NUMBER, re.compile(_NI_NUMBER)),
    (EntityKind.POSTCODE, re.compile(POSTCODE)),
    (EntityKind.VEHICLE, re.compile(VEHICLE_REGISTRATION)),
    (EntityKind.DATE, re.compile(DAY_MONTH_DATE, re.I)),
    (EntityKind.DATE, re.compile(MONTH_DAY_DATE, re.I)),
    (EntityKind.DATE, re.compile(NUMERIC_DATE)),
    (EntityKind.NAME, re.compile(_TITLED_NAME)),
)


def pattern_matches(text: str) -> list[Match]:
    """Identifiers found by their shape alone."""
    found = []
    for kind, pattern in _PATTERNS:
        for hit in pattern.finditer(text):
            found.append(Match(kind, hit.start(1), hit.end(1), hit.group(1), Source.PATTERN))
    return found


def known_entity_matches(text: str, known: KnownEntities) -> list[Match]:
    """The record's own names, collar numbers, stations, dates and other strings, wherever they appear."""
    found: list[Match] = []
    for name in known.names:
        found += _literal(text, name, EntityKind.NAME, ignore_case=True)
        for part in _name_parts(name):
            found += _literal(text, part, EntityKind.NAME, ignore_case=False)
    for collar in known.collar_numbers:
        spaced = r"\s?".join(re.escape(ch) for ch in collar.replace(" ", ""))
        found += _regex(text, rf"(?<![\w]){spaced}(?![\w])", EntityKind.COLLAR_NUMBER, re.I)
    for station in known.stations:
        found += _literal(text, station, EntityKind.STATION, ignore_case=True)
    for day in known.dates:
        for written in _date_spellings(day):
            found += _literal(text, written, EntityKind.DATE, ignore_case=True)
    for other in known.other:
        found += _literal(text, other, EntityKind.OTHER, ignore_case=True)
    return found


def _name_parts(name: str) -> list[str]:
    """Given name and surname of a known name, each of which identifies on its own in a case summary."""
    parts = [part for part in re.split(r"\s+", name.strip()) if len(part) >= 3]
    return parts if len(parts) > 1 else []


def _literal(text: str, needle: str, kind: EntityKind, *, ignore_case: bool) -> list[Match]:
    if not needle.strip():
        return []
    return _regex(text, rf"(?<!\w){re.escape(needle.strip())}(?!\w)", kind, re.I if ignore_case else 0)


def _regex(text: str, pattern: str, kind: EntityKind, flags: int | re.RegexFlag) -> list[Match]:
    return [
        Match(kind, hit.start(), hit.end(), hit.group(), Source.RECORD)
        for hit in re.finditer(pattern, text, flags)
    ]


def _date_spellings(day: dt.date) -> list[str]:
    """How a known date may be written in a summary (day-month forms with and without the year)."""
    suffix = "th" if 11 <= day.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day.day % 10, "th")
    long_month, short_month = f"{day:%B}", f"{day:%b}"
    spellings = []
    for d in (str(day.day), f"{day.day:02d}", f"{day.day}{suffix}"):
        for month in (long_month, short_month):
            spellings += [f"{d} {month} {day.year}", f"{d} {month}", f"{d} of {month}"]
    spellings += [
        f"{day:%d/%m/%Y}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day:%d/%m/%y}",
        day.isoformat(),
        f"{long_month} {day.day}, {day.year}",
    ]
    return sorted(set(spellings), key=len, reverse=True)


def merge(matches: Iterable[Match]) -> list[Match]:
    """Non-overlapping matches in text order: overlapping ones become one span, the longer one's kind."""
    ordered = sorted(matches, key=lambda m: (m.start, -(m.end - m.start)))
    merged: list[Match] = []
    for match in ordered:
        if merged and match.start < merged[-1].end:
            last = merged[-1]
            if match.end > last.end:
                merged[-1] = Match(last.kind, last.start, match.end, last.text, last.source)
            continue
        merged.append(match)
    return merged


def redact(text: str, matches: Sequence[Match], marker: str = DEFAULT_MARKER) -> str:
    """``text`` with every (merged) match replaced by ``marker``."""
    pieces = []
    position = 0
    for match in merge(matches):
        pieces.append(text[position : match.start])
        pieces.append(marker)
        position = match.end
    pieces.append(text[position:])
    return "".join(pieces)


# ---------------------------------------------------------------------------------------------
# The recommendation
# ---------------------------------------------------------------------------------------------


def check_free_text(
    text: str,
    known: KnownEntities = KnownEntities(),
    *,
    policy: RedactionPolicy = RedactionPolicy(),
    special_category: bool = False,
    extra_matches: Sequence[Match] = (),
) -> RedactionResult:
    """Recommend release, redaction or withholding of ``text`` under s.40(2), with reasons.

    ``special_category``: the text concerns a sexual offence or other special category or
    criminal-offence data (UK GDPR Art 9 and 10); then any identifier at all means withholding,
    since a complainant of a sexual offence has lifelong anonymity (Sexual Offences (Amendment)
    Act 1992 s.1). ``extra_matches`` lets a caller add the spans an NER model found.
    """
    found = merge([*known_entity_matches(text, known), *pattern_matches(text), *extra_matches])
    redacted = redact(text, found, policy.marker)
    share = sum(m.end - m.start for m in found) / len(text) if text.strip() else 0.0
    if not found:
        return RedactionResult(
            Recommendation.RELEASE,
            (
                "no name, number, station or date of the record and no identifier pattern was found",
                "free text stays high risk: a person confirms no one can be identified from the narrative",
            ),
            (),
            text,
            0.0,
        )
    kinds = sorted({m.kind for m in found})
    reasons = [_found_reason(found)]
    withhold = []
    if special_category:
        withhold.append(
            "it concerns special category or criminal-offence data and identifies someone: a complainant "
            "of a sexual offence has lifelong anonymity (Sexual Offences (Amendment) Act 1992 s.1)"
        )
    if share > policy.withhold_share:
        withhold.append(
            f"redaction would remove {share:.0%} of the text, leaving too little to be meaningful"
        )
    if len(kinds) >= policy.withhold_kinds:
        withhold.append(
            f"it combines {len(kinds)} kinds of identifier ({', '.join(kinds)}): with what colleagues "
            "and the community know, the narrative left could still identify a person (motivated intruder)"
        )
    if withhold:
        return RedactionResult(
            Recommendation.WITHHOLD,
            (
                *reasons,
                *withhold,
                f"withhold under {EXEMPTION}: disclosure would breach the data protection principles",
            ),
            tuple(found),
            redacted,
            share,
        )
    reasons.append(f"release with these redacted under {EXEMPTION}; a person checks the narrative left")
    return RedactionResult(Recommendation.REDACT, tuple(reasons), tuple(found), redacted, share)


def _found_reason(found: Sequence[Match]) -> str:
    by_kind: dict[str, int] = {}
    for match in found:
        by_kind[match.kind.value] = by_kind.get(match.kind.value, 0) + 1
    listed = ", ".join(f"{kind} ({n})" for kind, n in sorted(by_kind.items()))
    return f"identifying details found: {listed}"
