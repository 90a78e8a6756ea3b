"""UK personal data in free text: one recogniser for every place that must find it.

Allegation summaries, request texts, spreadsheet cells and fingerprints all need to know where a
person is named or can be found (s.40(2) FOIA; UK GDPR Art 4(1): "an identifiable natural person").
The shapes live here once: emails, UK phone numbers in every written form, National Insurance
numbers in any case, postcodes, vehicle registrations in any case and spacing, full dates and dates
of birth, collar numbers after a rank, house-number addresses, ages with a gender, police station
names, names after a rank or title, full names, nicknames in quotes and the record's own known
entities. A small statistical model (``person_model``, a CRF trained on labelled summaries) adds
the names no pattern can tell ("assaulted by Ricketts", a name at a sentence's start).

A span found by any source is removed (fail closed): a publisher can put a word back, but a name
once published cannot be taken back. Every pattern is a regular expression run once over the text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class EntityKind(StrEnum):
    NAME = "name"
    COLLAR_NUMBER = "collar_number"
    WARRANT_NUMBER = "warrant_number"
    STATION = "station"
    DATE = "date"
    ADDRESS = "address"
    PHONE = "phone"
    EMAIL = "email"
    POSTCODE = "postcode"
    VEHICLE = "vehicle_registration"
    NI_NUMBER = "ni_number"
    AGE_GENDER = "age_with_gender"
    OTHER = "other"


class Source(StrEnum):
    RECORD = "record"  # one of the record's own known entities
    PATTERN = "pattern"  # the shape of an identifier
    MODEL = "model"  # the person-name model, or a caller's


@dataclass(frozen=True, slots=True)
class KnownEntities:
    """What the authority's record of the case says about the people in it."""

    names: tuple[str, ...] = ()
    collar_numbers: tuple[str, ...] = ()
    stations: tuple[str, ...] = ()
    dates: tuple[dt.date, ...] = ()
    other: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PersonalDataMatch:
    """A span of the text (``text[start:end]``) that identifies, or helps identify, a person."""

    kind: EntityKind
    start: int
    end: int
    text: str
    source: Source


# ---------------------------------------------------------------------------------------------
# Shapes, shared as strings with core/request_redaction.py and core/matching.py
# ---------------------------------------------------------------------------------------------

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
# A capitalised name word: "Campbell", "McAllister", "O'Neill", "Smith-Jones", "O'Neill-Byrne".
CAP = (
    rf"[{UPPER}][{LOWER}]*(?:[{UPPER}][{LOWER}]+)?(?:['’][{UPPER}][{LOWER}]+)?"
    rf"(?:-[{UPPER}][{LOWER}]*(?:['’][{UPPER}][{LOWER}]+)?)*"
)
INITIALS = rf"(?:[{UPPER}]\.?[ \t]*){{0,3}}"
POLICE_RANKS = r"(?:PC|DC|TDC|PS|DS|SPC|PCSO|Sgt|Insp|DI|CI|DCI|Supt|DSupt|Ch\s?Supt|Cdr)"
LONG_RANKS = (
    r"(?:Detective[ \t]+)?(?:Police[ \t]+)?(?:Chief[ \t]+)?(?:Constable|Sergeant|Inspector|Superintendent)"
    r"|Commander|Ch\.?[ \t]?Insp|Ch\.?[ \t]?Supt|DCS|DSI|PS"
)
PERSONAL_TITLES = r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Rev|Revd|Cllr|Councillor"
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+(?:the\s+)?)?"
# Full dates: (Saturday) 12 March 2021, 12th of Mar, March 12, 2021, 12/03/2021, 2021-03-12.
DAY_MONTH_DATE = rf"\b({_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?(?:,?\s+\d{{4}})?)\b"
MONTH_DAY_DATE = rf"\b({_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b"
NUMERIC_DATE = r"\b(\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})\b"
EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
# HMRC NIM39110: the first letter is never D, F, I, Q, U or V, the second never those or O, and
# the prefixes BG, GB, KN, NK, NT, TN and ZZ are never issued. Any case: people type "ab123456c".
NI_NUMBER = (
    r"\b(?!(?i:BG|GB|KN|NK|NT|TN|ZZ))(?i:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D])\b"
)
# UK numbers in every form people write them: +44 (0)20 ..., (020) ..., 07..., spaced, hyphenated,
# broken across a line; nine or ten digits after the trunk 0, with an extension if given.
PHONE = (
    r"(?<![\w+])(?:\+[ \t]?44[ \t]?(?:\(0\)[ \t]?)?|\(?0)(?:[ \t\-)]{0,2}\n?[ \t]*\d){9,10}(?!\d)"
    r"(?:[ \t]*(?:ext\.?|extension|x)[ \t]*\d{1,5}\b)?"
)
POSTCODE = r"\b([A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b"
# Current (AB12 CDE), prefix (A123 BCD) and suffix (ABC 123D) registrations, as printed.
VEHICLE_REGISTRATION = r"\b([A-Z]{2}\d{2}\s?[A-Z]{3}|[A-Z]\d{1,3}\s?[A-Z]{3}|[A-Z]{3}\s?\d{1,3}[A-Z])\b"
STREET_WORDS = (
    r"Road|Street|Lane|Avenue|Close|Grove|Crescent|Drive|Way|Place|Gardens|Terrace|Court|Hill|Square|Walk|"
    r"Rise|Park|Mews|Row|Parade|Green|Vale|View|Yard|Wharf|Estate|House|Mansions|Cottages"
)
STREET_ADDRESS = (
    rf"\b(?:(?:Flat|Apartment|Unit)[ \t]+\w{{1,4}},?[ \t]+)?\d{{1,4}}[A-Za-z]?,?[ \t]+(?:{CAP}[ \t]+){{1,3}}"
    rf"(?:{STREET_WORDS})\b"
    rf"|\b(?:Flat|Apartment)[ \t]+\d{{1,4}}[A-Za-z]?\b(?:,?[ \t]+(?:{CAP}[ \t]+){{1,3}}(?:{STREET_WORDS})\b)?"
)
_GENDERED = (
    r"man|woman|boy|girl|male|female|lad|youth|teenager|child|mother|father|son|daughter|wife|husband|"
    r"grandmother|grandfather|widow|widower|pensioner|student|person|victim|complainant|resident|driver"
)
AGE_WITH_GENDER = (
    rf"\b(?:aged[ \t]+\d{{1,3}}|\d{{1,3}}[ \t-]*(?:year|yr)s?[ \t-]*old(?:[ \t]+(?:{_GENDERED})s?\b)?)"
)

_QUOTE_OPEN = "\"'“‘"
_QUOTE_CLOSE = "\"'”’"
# Capitalised words that follow a title, stand beside another capital or open a sentence, and are
# not a person's name: institutions, places' second words, months and days, function words.
_NOT_NAMES_TEXT = """
    Please The And Or Of In On At For To From With By I We My Our Your This That These Those Also
    Thank Thanks Regards Request Police Station Team Unit Service Services Department Office Officer
    Officers Borough Council Force Constabulary Authority Sir Sirs Madam All FOI Foi Information
    Freedom Metropolitan Commissioner Colleague Colleagues Compliance Disclosure Data Protection
    Manager Chief Head Records Public Access Legal Requests There Everyone Sir/Madam Who Which What
    When Where How Is Are Was Were Has Have Did Does Command Directorate Group Squad Review Act Section
    Yard Scotland It A An He She They His Her Their Its Following After Before During Complainant
    Complaint Complainants Member Members Crown Prosecution Independent Conduct Court Hospital Market
    Street Road Lane Avenue Square Cross Town Green Hill Park Common Heath Bridge End Circular North
    South East West High Central Custody Suite Support Territorial Special Constable Detective
    Sergeant Inspector Superintendent Staff Police's Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November December
    England Wales London UK British English Muslim Muslims Christian Jewish Sikh Hindu Gypsy Traveller
    Travellers IOPC CPS TSG MPS WhatsApp TikTok Facebook Twitter Instagram Taser Ford Vauxhall BMW
    Toyota Honda Audi Mercedes Nissan Focus Corsa Fiesta Golf Civic Transport Fire Ambulance NHS
    Reports Report Statements Statement Neighbours Taxi Email Call Mr Mrs Ms Miss Dr Not No Yes Victim
    Witness Witnesses Members Acting Allegation Allegations Alleged Officers' Emergency Met Hendon
    Limited Ltd Council's Crime Criminal Justice Magistrates Magistrates' Tribunal Professional Standards
    Anti Social Behaviour Unit's Serious Organised Domestic Abuse Sexual Offences Child Protection
    PC DC TDC PS DS SPC PCSO Sgt Insp DI CI DCI Supt DSupt Ch Cdr Det Cllr Prof Rev Revd Mx PC's
    """
NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())

_RANK_OR_TITLE = rf"(?:{PERSONAL_TITLES}|{LONG_RANKS}|{POLICE_RANKS})"
_TITLED_NAME = re.compile(
    rf"\b{_RANK_OR_TITLE}\b\.?[ \t]+(?:\d{{1,6}}(?:[ \t]?[A-Z]{{2}})?\b[ \t]*)?"
    rf"(?P<name>{INITIALS}{CAP}(?:[ \t]+{CAP}){{0,2}})"
)
_FULL_NAME = re.compile(rf"(?<![\w'’-])(?P<name>{CAP}(?:[ \t]+{CAP}){{1,2}})(?![\w'’-])")
_NICKNAMED_NAME = re.compile(
    rf"\b{CAP}[ \t]+[{_QUOTE_OPEN}][^\n{_QUOTE_OPEN}{_QUOTE_CLOSE}]{{1,25}}[{_QUOTE_CLOSE}][ \t]+{CAP}\b"
)
_NICKNAME_AFTER_CUE = re.compile(
    rf"\b(?:known[ \t]+as|called|nicknamed|aka|a\.k\.a\.|alias)[ \t]+[{_QUOTE_OPEN}]"
    rf"(?P<name>[^\n{_QUOTE_OPEN}{_QUOTE_CLOSE}]{{1,25}})[{_QUOTE_CLOSE}]",
    re.IGNORECASE,
)
# "Lewisham police station", "Walworth custody suite": the name of the station, which with the
# rank and the date narrows an officer down to a handful (motivated intruder: DOMAIN.md section C).
_STATION = re.compile(
    rf"\b(?P<name>{CAP}(?:[ \t]+{CAP}){{0,2}})[ \t]+"
    r"(?i:police[ \t]+station|custody[ \t]+(?:suite|centre)|nick)\b"
)
_COLLAR = re.compile(rf"\b(?i:{POLICE_RANKS})\.?[ \t]*(\d{{1,6}}(?:[ \t]?[A-Z]{{2}})?)\b")
# A number after the name that follows a rank: "PC Jones 1187", "PC Okonkwo (2291)".
_COLLAR_AFTER_NAME = re.compile(
    rf"\b{POLICE_RANKS}\.?[ \t]+{CAP}(?:[ \t]+{CAP})?[ \t]+\(?(\d{{2,6}}(?:[ \t]?[A-Z]{{2}})?)\)?(?!\w)"
)
_COLLAR_WORDS = re.compile(
    r"\b(?:collar|shoulder|warrant)[ \t]+(?:no\.?|number)[ \t]*:?[ \t]*(\d{2,8}[A-Z]{0,2})\b", re.I
)
_SHOULDER_NUMBER = re.compile(r"\b(\d{2,5}(?!AM\b|PM\b)[A-Z]{2})\b")
_VEHICLE_ANY_CASE = re.compile(
    r"(?<![\w-])([A-Za-z]{2}\d{2}[A-Za-z]{3}|[A-Za-z]\d{1,3}[A-Za-z]{3}|[A-Za-z]{3}\d{1,3}[A-Za-z])(?![\w-])"
)
_VEHICLE_SPACED_ANY_CASE = re.compile(
    r"(?<![\w-])([A-Za-z]{2}[ \t]?\d{2}[ \t]?[A-Za-z]{3}|[A-Za-z][ \t]?\d{1,3}[ \t]?[A-Za-z]{3})(?![\w-])"
)
_VEHICLE_CUE = re.compile(
    r"\b(?:registration|reg|plate|vehicle|car|van|motorbike|lorry|taxi)\b\W{0,3}(?:\w+\W+){0,3}$", re.I
)
_VEHICLE = re.compile(VEHICLE_REGISTRATION)
_NOT_PLATE_TEXT = (
    "mph kph kmh mins min hrs yrs old day and the for are was jan feb mar apr may jun jul aug sep "
    "oct nov dec mon tue wed thu fri sat sun"
)
_NOT_PLATE_WORDS = frozenset(_NOT_PLATE_TEXT.split())
_PATTERNS: tuple[tuple[EntityKind, re.Pattern[str]], ...] = (
    (EntityKind.COLLAR_NUMBER, _COLLAR),
    (EntityKind.COLLAR_NUMBER, _COLLAR_AFTER_NAME),
    (EntityKind.COLLAR_NUMBER, _SHOULDER_NUMBER),
    (EntityKind.WARRANT_NUMBER, re.compile(r"\bwarrant\s+(?:no\.?|number)?\s*:?\s*(\d{5,8})\b", re.I)),
    (EntityKind.COLLAR_NUMBER, _COLLAR_WORDS),
    (EntityKind.EMAIL, re.compile(rf"({EMAIL})")),
    (EntityKind.PHONE, re.compile(rf"({PHONE})", re.I)),
    (EntityKind.NI_NUMBER, re.compile(rf"({NI_NUMBER})")),
    (EntityKind.POSTCODE, re.compile(POSTCODE)),
    (EntityKind.VEHICLE, _VEHICLE),
    (EntityKind.DATE, re.compile(DAY_MONTH_DATE, re.I)),
    (EntityKind.DATE, re.compile(MONTH_DAY_DATE, re.I)),
    (EntityKind.DATE, re.compile(NUMERIC_DATE)),
    (EntityKind.ADDRESS, re.compile(rf"({STREET_ADDRESS})")),
    (EntityKind.AGE_GENDER, re.compile(rf"({AGE_WITH_GENDER})", re.I)),
    (EntityKind.NAME, re.compile(rf"({_NICKNAMED_NAME.pattern})")),
)


def pattern_matches(text: str) -> list[PersonalDataMatch]:
    """Identifiers found by their shape alone (group 1 of each pattern: a rank before it stays)."""
    found = [
        PersonalDataMatch(kind, hit.start(1), hit.end(1), hit.group(1), Source.PATTERN)
        for kind, pattern in _PATTERNS
        for hit in pattern.finditer(text)
    ]
    found += _vehicles_in_any_case(text)
    found += _named(text, _STATION, require_name=True, kind=EntityKind.STATION)
    found += _named(text, _TITLED_NAME, require_name=False)
    found += _named(text, _FULL_NAME, require_name=True)
    found += [
        PersonalDataMatch(
            EntityKind.NAME, hit.start("name"), hit.end("name"), hit.group("name"), Source.PATTERN
        )
        for hit in _NICKNAME_AFTER_CUE.finditer(text)
    ]
    return found


def vehicle_matches(text: str) -> list[PersonalDataMatch]:
    """The vehicle registrations among ``pattern_matches(text)``, found by the vehicle shapes alone
    (a table's cells are checked for plates one by one: the other shapes would cost ten times more)."""
    found = [
        PersonalDataMatch(EntityKind.VEHICLE, hit.start(1), hit.end(1), hit.group(1), Source.PATTERN)
        for hit in _VEHICLE.finditer(text)
    ]
    return found + _vehicles_in_any_case(text)


def might_name_vehicle(text: str) -> bool:
    """False only where ``vehicle_matches`` finds nothing: a vehicle shape occurs somewhere, before the
    checks that rule a hit out (a word like "mph", a cue before a spaced plate)."""
    return any(p.search(text) for p in (_VEHICLE, _VEHICLE_ANY_CASE, _VEHICLE_SPACED_ANY_CASE))


def _named(
    text: str, pattern: re.Pattern[str], *, require_name: bool, kind: EntityKind = EntityKind.NAME
) -> list[PersonalDataMatch]:
    """Names in ``pattern``'s ``name`` group, without the words of NOT_NAMES at either end.

    ``require_name``: with no title before it, a run of capitals is a name only if no word of it is
    an institution, a place word or a function word ("Crown Prosecution Service", "The Met").
    """
    found = []
    for hit in pattern.finditer(text):
        start, end = hit.span("name")
        words = list(re.finditer(r"\S+", text[start:end]))
        while words and words[0].group().rstrip(".,") in NOT_NAMES:
            words.pop(0)
        while words and words[-1].group() in NOT_NAMES:
            words.pop()
        if not words:
            continue
        no_name = len(words) < 2 or any(w.group() in NOT_NAMES for w in words)
        if require_name and kind is EntityKind.NAME and no_name:
            continue
        first, last = start + words[0].start(), start + words[-1].end()
        found.append(PersonalDataMatch(kind, first, last, text[first:last], Source.PATTERN))
    return found


def _vehicles_in_any_case(text: str) -> list[PersonalDataMatch]:
    """Registrations typed in lower or mixed case: written solid anywhere ("ab12cde"), or spaced
    after a word about a vehicle ("number plate gf 63 wnx"), never "by 20 mph" or "on 12 Mar"."""
    found = []
    for hit in _VEHICLE_ANY_CASE.finditer(text):
        if hit.group(1)[-3:].lower() not in _NOT_PLATE_WORDS:
            found.append(
                PersonalDataMatch(EntityKind.VEHICLE, hit.start(1), hit.end(1), hit.group(1), Source.PATTERN)
            )
    for hit in _VEHICLE_SPACED_ANY_CASE.finditer(text):
        words = hit.group(1).split()
        if words[-1].lower() in _NOT_PLATE_WORDS or words[0].lower() in _NOT_PLATE_WORDS:
            continue
        if _VEHICLE_CUE.search(text[max(0, hit.start() - 40) : hit.start()]):
            found.append(
                PersonalDataMatch(EntityKind.VEHICLE, hit.start(1), hit.end(1), hit.group(1), Source.PATTERN)
            )
    return found


# ---------------------------------------------------------------------------------------------
# The record's own entities
# ---------------------------------------------------------------------------------------------


def known_entity_matches(text: str, known: KnownEntities) -> list[PersonalDataMatch]:
    """The record's own names, collar numbers, stations, dates and other strings, wherever they appear."""
    found: list[PersonalDataMatch] = []
    for name in known.names:
        found += _literal(text, name, EntityKind.NAME, ignore_case=True)
        for part in _name_parts(name):
            found += _literal(text, part, EntityKind.NAME, ignore_case=False)
    for collar in known.collar_numbers:
        digits = re.sub(rf"^{POLICE_RANKS}\.?\s*", "", collar.strip(), flags=re.I).replace(" ", "")
        spaced = r"\s?".join(re.escape(ch) for ch in digits)
        if spaced:
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
    """Given names, surname and each half of a double-barrelled surname: each identifies on its own."""
    words = [part for part in re.split(r"\s+", name.strip()) if part]
    parts = [*words, *(half for word in words if "-" in word for half in word.split("-"))]
    parts = [part for part in parts if len(part) >= 3]
    return parts if len(words) > 1 or len(parts) > 1 else []


def _literal(text: str, needle: str, kind: EntityKind, *, ignore_case: bool) -> list[PersonalDataMatch]:
    if not needle.strip():
        return []
    return _regex(text, rf"(?<!\w){re.escape(needle.strip())}(?!\w)", kind, re.I if ignore_case else 0)


def _regex(text: str, pattern: str, kind: EntityKind, flags: int | re.RegexFlag) -> list[PersonalDataMatch]:
    return [
        PersonalDataMatch(kind, hit.start(), hit.end(), hit.group(), Source.RECORD)
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


# ---------------------------------------------------------------------------------------------
# All sources together
# ---------------------------------------------------------------------------------------------


NO_KNOWN_ENTITIES = KnownEntities()


def find_personal_data(
    text: str, known: KnownEntities = NO_KNOWN_ENTITIES, *, use_model: bool = True
) -> list[PersonalDataMatch]:
    """Every span of ``text`` that identifies or helps identify a person, merged, in text order.

    Patterns, the record's known entities and (``use_model``) the person-name model: a span found
    by any of them is kept (fail closed). ``use_model=False`` is the patterns-only baseline.
    """
    found = [*known_entity_matches(text, known), *pattern_matches(text)]
    if use_model:
        from foidesk.core.personal_data.person_model import model_matches

        found += model_matches(text)
    return merge(found)


def merge(matches: Iterable[PersonalDataMatch]) -> list[PersonalDataMatch]:
    """Non-overlapping matches in text order: overlapping ones become one span, the longer one's kind."""
    ordered = sorted(matches, key=lambda m: (m.start, -(m.end - m.start)))
    merged: list[PersonalDataMatch] = []
    for match in ordered:
        if merged and match.start < merged[-1].end:
            last = merged[-1]
            if match.end > last.end:
                merged[-1] = PersonalDataMatch(last.kind, last.start, match.end, last.text, last.source)
            continue
        merged.append(match)
    return merged
