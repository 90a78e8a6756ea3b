"""The date phrases requesters write, each a pattern with what it means (``PATTERNS``, in priority
order): whole dates in four forms, months, quarters, years and year pairs (calendar, financial and
academic), ranges between them, and relative phrases ("the last five years", "this financial year",
"since September") resolved against the day the request was received. core/periods.py finds them in a
text and joins what belongs together; the conventions for ambiguous phrases are in its docstring.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from foidesk.core import period_cues as _cue
from foidesk.core.date_ranges import (
    ACADEMIC_YEAR_START_MONTH,
    FINANCIAL_YEAR_START_MONTH,
    MONTHS_IN_YEAR,
    QUARTER_MONTHS,
    DateRange,
    PeriodFlag,
    academic_years,
    calendar_years,
    financial_year_of,
    financial_years,
    month_end,
    shift_months,
)

SCHOOL_TEACHING_ENDS_MONTH = 7  # the summer holidays start in July
MONTH_END_SLIP_FIRST_DAY = 29  # "31/09", "29/02/2023": a day past the month's end, meant as its last day
MAX_DAY = 31
EARLIEST_YEAR = 1900
LATEST_YEAR = 2099
MAX_RELATIVE_COUNT = 100  # "the last 500 years" is not a period anyone can answer
SINCE_LOOKBEHIND = 12  # characters before a date searched for "since"/"from"
SINCE_EVENT_LOOKBEHIND = 110  # characters before a date searched for "since X was introduced in"
TO_DATE_LOOKAHEAD = 40  # characters after a date searched for "to date"/"onwards"
MIN_LISTED_PAIRS = 2  # "2018-2019, 2017-2018": a list of year pairs reads as financial years
FINANCIAL_CONTEXT_WINDOW = 40  # characters before a year pair searched for "financial"
LISTED_CONTEXT_WINDOW = 160  # characters before a year pair searched for "academic years" heading a list

# --- the vocabulary of dates ---------------------------------------------------------------------


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = _cue.YEAR
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_S = r"[ \t]{0,3}"  # bounded blanks keep every pattern linear
_TO = r"(?P<to>to|until|till|through|and|[-–—])"
# "@" in these templates becomes a group-name prefix, so one pattern can hold two dates.
_WORD_DATE = rf"(?P<@d>{_DAY}){_S}(?:of{_S})?(?P<@m>{_MONTH}),?{_S}(?P<@y>{_YEAR})"
_NUM_DATE = r"(?P<@d>[0-3]?\d)[/.\-](?P<@m>[01]?\d)[/.\-](?P<@y>(?:19|20)?\d\d)(?![/.]?\d)"
_ISO_DATE = rf"(?P<@y>{_YEAR})-(?P<@m>[01]\d)-(?P<@d>[0-3]\d)"
_YEAR_PAIR = rf"(?P<@y1>{_YEAR}){_S}[/\-–]{_S}(?P<@y2>{_YEAR}|\d\d)(?![\d/])"
_FY_PREFIX = rf"(?:(?:the{_S})?(?:financial|fiscal){_S}years?{_S}|fy{_S}|)"
_NUMBER = "(?:\\d{1,3}|" + "|".join(sorted(_cue.NUMBER_WORDS, key=len, reverse=True)) + ")"


_MONTH_FIRST_DATE = rf"(?P<@m>{_MONTH}){_S}(?P<@d>{_DAY})(?!\d),?{_S}(?P<@y>{_YEAR})"  # "January 1st 2009"
_DATE_FORMS = (_WORD_DATE, _ISO_DATE, _NUM_DATE, _MONTH_FIRST_DATE)
_NUMERIC_FORM = 2  # the only form where day and month can be swapped


def _date_pattern(prefix: str) -> str:
    return (
        "(?:"
        + "|".join(form.replace("@", f"{prefix}{index}") for index, form in enumerate(_DATE_FORMS))
        + ")"
    )


@dataclass(frozen=True, slots=True)
class Found:
    range: DateRange
    flags: frozenset[PeriodFlag] = frozenset()
    is_point: bool = True  # one date, month or year: "since X" and "X to date" may extend it


Handler = Callable[["re.Match[str]", str, date], "Found | None"]


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if value < 100 else value  # "01/02/21": a two-digit year is this century


def _month(text: str) -> int:
    return _cue.MONTHS[text.lower().rstrip(".")]


def _day_from(match: re.Match[str], prefix: str) -> tuple[date, bool] | None:
    """A date from whichever date form matched; the flag says the day-first convention decided it."""
    for form in range(len(_DATE_FORMS)):
        raw_day = match.group(f"{prefix}{form}d")
        if raw_day is not None:
            return _date_of(raw_day, match.group(f"{prefix}{form}m"), match.group(f"{prefix}{form}y"), form)
    return None


def _date_of(raw_day: str, raw_month: str, raw_year: str, form: int) -> tuple[date, bool] | None:
    """The day written; "31/09/2025", a day the month does not have, is read as the month's last day."""
    day = int(re.sub(r"\D", "", raw_day))
    month_is_number = raw_month.isdigit()
    month = int(raw_month) if month_is_number else _month(raw_month)
    try:
        value = date(_year(raw_year), month, day)
    except ValueError:
        if not (1 <= month <= MONTHS_IN_YEAR and MONTH_END_SLIP_FIRST_DAY <= day <= MAX_DAY):
            return None
        value = month_end(_year(raw_year), month)  # "31/09/2025": the requester meant the end of September
    ambiguous = form == _NUMERIC_FORM and day <= MONTHS_IN_YEAR and day != month
    return value, ambiguous


# "between (and including) January 2018 and June 2021", "between the period of April 2022 and March 2023"
_BETWEEN_WRITTEN_OUT = re.compile(
    r"\bbetween[ \t]{1,3}(?:\([ \t]{0,2}(?:and[ \t]{1,3})?inclu(?:ding|sive)[ \t]{0,2}\)[ \t]{1,3})?"
    r"(?:the[ \t]{1,3}(?:period|months?)[ \t]{1,3}(?:of|from)[ \t]{1,3})?$",
    re.IGNORECASE,
)


def between_before(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]
    return bool(_cue.BETWEEN.search(before) or _BETWEEN_WRITTEN_OUT.search(before))


def _and_without_between(match: re.Match[str], text: str) -> bool:
    """ "2018 and 2021" names two years; only "between 2018 and 2021" is a range."""
    if (match.group("to") or "").lower() != "and":
        return False
    return not between_before(text, match.start())


def _flags(*pairs: tuple[bool, PeriodFlag]) -> frozenset[PeriodFlag]:
    return frozenset(flag for condition, flag in pairs if condition)


def _date_range(match: re.Match[str], text: str, received: date) -> Found | None:
    first = _day_from(match, "a")
    last = _day_from(match, "b")
    if first is None or last is None or last[0] < first[0] or _and_without_between(match, text):
        return None
    flags = _flags((first[1] or last[1], PeriodFlag.DAY_FIRST_ASSUMED))
    return Found(DateRange(first[0], last[0]), flags, is_point=False)


def _day_month_range(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "between 1 April and 30 June 2023": the first date borrows the second's year."""
    if _and_without_between(match, text):
        return None
    year = int(match.group("y"))
    try:
        start = date(year, _month(match.group("m1")), int(re.sub(r"\D", "", match.group("d1"))))
        end = date(year, _month(match.group("m2")), int(re.sub(r"\D", "", match.group("d2"))))
    except ValueError:
        return None
    if end < start:
        start = start.replace(year=year - 1)
    return Found(DateRange(start, end), is_point=False)


def _day_month_range_no_year(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "between 14 January - 14 February": no year written, so the last such span before receipt."""
    if _and_without_between(match, text):
        return None
    months = (_month(match.group("m1")), _month(match.group("m2")))
    days = (int(match.group("d1").rstrip("stndrh")), int(match.group("d2").rstrip("stndrh")))
    year = received.year
    for _ in range(2):
        end_year = year
        start_year = year if months[0] <= months[1] else year - 1
        try:
            start, end = date(start_year, months[0], days[0]), date(end_year, months[1], days[1])
        except ValueError:
            return None
        if end <= received:
            return Found(DateRange(start, end), is_point=False) if start <= end else None
        year -= 1
    return None


def _day_without_year(match: re.Match[str], text: str, received: date) -> Found | None:
    if re.search(
        r"\bby[ \t]{1,3}(?:[a-z]{3,9}day[ \t,]{1,3})?$",
        text[max(0, match.start() - 14) : match.start()],
        re.I,
    ):
        return None  # "reply by 5 December": a deadline, not a period
    if _cue.EACH_YEAR.match(text, match.end()):
        return None  # "at 31 March in each of those years": a day of years named elsewhere
    month, day = _month(match.group("m")), int(re.sub(r"\D", "", match.group("d")))
    for year in (received.year, received.year - 1):
        try:
            if (found := date(year, month, day)) <= received:
                return Found(DateRange(found, found))
        except ValueError:
            return None
    return None


def _month_without_year(match: re.Match[str], text: str, received: date) -> Found | None:
    month = _month(match.group("m"))
    year = received.year if month < received.month else received.year - 1  # the last whole one
    return Found(DateRange(date(year, month, 1), month_end(year, month)), is_point=False)


def _month_to_receipt(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "since September", "January to date": no year written, so from the start of the latest such month
    (the month of receipt itself included) to the day of receipt."""
    raw = match.group("m")
    if raw.lower().rstrip(".") in _MONTH_WORDS and not raw[0].isupper():
        return None  # "since may be", "since march": words, not months
    month = _month(raw)
    year = received.year if month <= received.month else received.year - 1
    return Found(
        DateRange(date(year, month, 1), received), frozenset({PeriodFlag.TO_DATE_OF_RECEIPT}), is_point=False
    )


_MONTH_WORDS = frozenset({"may", "mar", "march"})  # month names that are also common words


def _after_year(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "bus routes introduced after the year 2000": from the start of the next year to the day of receipt."""
    start = date(int(match.group("y")) + 1, 1, 1)
    if start > received:
        return None
    return Found(DateRange(start, received), frozenset({PeriodFlag.TO_DATE_OF_RECEIPT}), is_point=False)


def _single_date(match: re.Match[str], text: str, received: date) -> Found | None:
    found = _day_from(match, "a")
    if found is None:
        return None
    return Found(DateRange(found[0], found[0]), _flags((found[1], PeriodFlag.DAY_FIRST_ASSUMED)))


def _month_range(match: re.Match[str], text: str, received: date) -> Found | None:
    if _and_without_between(match, text):
        return None
    last_year = int(match.group("y2"))
    first_year = int(match.group("y1")) if match.group("y1") else last_year
    first_month, last_month = _month(match.group("m1")), _month(match.group("m2"))
    if not match.group("y1") and first_month > last_month:
        first_year -= 1
    start = date(first_year, first_month, 1)
    end = month_end(last_year, last_month)
    return Found(DateRange(start, end), is_point=False) if start <= end else None


def _year_then_months(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "2019 jan-March": the months of that year."""
    year, first, last = int(match.group("y")), _month(match.group("m1")), _month(match.group("m2"))
    if last < first:
        return None
    return Found(DateRange(date(year, first, 1), month_end(year, last)), is_point=False)


def _year_ending(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "the year ending 31 March 2024": the twelve months up to and including that day."""
    found = _day_from(match, "a")
    if found is None:
        return None
    end = found[0]
    a_year_before = date(end.year - 1, end.month, min(end.day, month_end(end.year - 1, end.month).day))
    start = a_year_before + timedelta(days=1)
    return Found(DateRange(start, end), is_point=False)


def _single_month(match: re.Match[str], text: str, received: date) -> Found | None:
    year, month = int(match.group("y")), _month(match.group("m"))
    return Found(DateRange(date(year, month, 1), month_end(year, month)))


def _quarter(number: str, year: str) -> DateRange:
    first_month = (int(number) - 1) * QUARTER_MONTHS + 1
    return DateRange(date(int(year), first_month, 1), month_end(int(year), first_month + QUARTER_MONTHS - 1))


def _quarter_range(match: re.Match[str], text: str, received: date) -> Found | None:
    if _and_without_between(match, text):
        return None
    first, last = (
        _quarter(match.group("q1"), match.group("y1")),
        _quarter(match.group("q2"), match.group("y2")),
    )
    return Found(DateRange(first.start, last.end), is_point=False) if first.start <= last.end else None


def _single_quarter(match: re.Match[str], text: str, received: date) -> Found | None:
    return Found(_quarter(match.group("q"), match.group("y")))


_ORDINAL_QUARTERS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "1st": "1", "2nd": "2", "3rd": "3", "4th": "4",
}  # fmt: skip


def _ordinal_quarter(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "the first quarter of 2015", "the 4th quarter of 2022"."""
    return Found(_quarter(_ORDINAL_QUARTERS[match.group("q").lower()], match.group("y")))


def _short_financial_year(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "the 18-19 financial year", "financial year 21/22": a financial year written with two digits each."""
    first, last = int(match.group("a") or match.group("a2")), int(match.group("b") or match.group("b2"))
    if last != (first + 1) % 100:
        return None
    century = received.year // 100 * 100
    year = century + first if century + first <= received.year + 1 else century - 100 + first
    more = [int(pair[:2]) for pair in re.findall(r"\d\d[ \t]*[-/][ \t]*\d\d", match.group("more") or "")]
    last_year = (
        year + max((later - first) % 100 for later in more) if more else year
    )  # "21/22, 22/23 and 23/24"
    return Found(financial_years(year, last_year), is_point=not more)


def _bracketed_short_year(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "the last three financial years (18/19) (19/20) and (20/21)": a short pair in brackets is a financial
    year only where the words around say so ("(11/12)" alone may be a day)."""
    return _short_financial_year(match, text, received) if _financial_context(match, text) else None


def _month_day_pair(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "September 3 and 4, 2016", "June 3 - 5 2023": days of one month, the month written first."""
    year, month = int(match.group("y")), _month(match.group("m"))
    first, last = int(match.group("d1").rstrip("stndrh")), int(match.group("d2").rstrip("stndrh"))
    if not 1 <= first <= last <= month_end(year, month).day:
        return None
    return Found(DateRange(date(year, month, first), date(year, month, last)), is_point=False)


def _year_pair(match: re.Match[str], prefix: str) -> tuple[int, int, bool] | None:
    """(first year, last year, is a financial-style pair) of "2019/20", "2019-2020", "2016-20"."""
    first = int(match.group(f"{prefix}y1"))
    raw_last = match.group(f"{prefix}y2")
    last = int(raw_last) if len(raw_last) == 4 else first // 100 * 100 + int(raw_last)
    if len(raw_last) == 2 and last < first:  # "1999/00" crosses a century; "2015/12" is a month
        last += 100 if first % 100 == 99 else -10_000
    if last == first + 1:
        return first, last, True
    if last > first:
        return first, last, False
    return None


def _financial_context(match: re.Match[str], text: str) -> bool:
    window = text[max(0, match.start() - FINANCIAL_CONTEXT_WINDOW) : match.end() + 20].lower()
    return bool(re.search(r"financial|fiscal|\bfy|budget", window))


def _academic_context(match: re.Match[str], text: str) -> bool:
    window = text[max(0, match.start() - FINANCIAL_CONTEXT_WINDOW) : match.end() + 20]
    listed = text[
        max(0, match.start() - LISTED_CONTEXT_WINDOW) : match.start()
    ]  # "academic years 2019/20, ..."
    after = text[match.end() : match.end() + LISTED_CONTEXT_WINDOW]  # "the 2023-24, 2022-23 academic years"
    return bool(
        _cue.ACADEMIC.search(window) or _cue.ACADEMIC_LIST.search(listed) or _cue.ACADEMIC_AFTER.match(after)
    )


def _pair_range(first: int, last: int, financial_style: bool, match: re.Match[str], text: str) -> Found:
    separator = match.group(0)
    if not financial_style:
        return Found(calendar_years(first, last), is_point=False)
    if _academic_context(match, text):
        return Found(academic_years(first, first))
    if _cue.CALENDAR_LIST.search(text[max(0, match.start() - LISTED_CONTEXT_WINDOW) : match.start()]):
        return Found(calendar_years(first, last))  # "the calendar years: 2016; ... 2021/2022 (to date)"
    said_financial = _financial_context(match, text)
    four_digit_hyphen = bool(re.search(rf"{_YEAR}{_S}[-–]{_S}{_YEAR}", separator))
    if four_digit_hyphen and not said_financial and not _listed_pairs(text):
        return Found(calendar_years(first, last), frozenset({PeriodFlag.YEAR_RANGE_AMBIGUOUS}))
    return Found(
        financial_years(first, first), _flags((not said_financial, PeriodFlag.FINANCIAL_YEAR_ASSUMED))
    )


_FOUR_DIGIT_PAIR = re.compile(rf"\b(?P<y1>{_YEAR})[-–/](?P<y2>{_YEAR})\b")


def _listed_pairs(text: str) -> bool:
    """ "2018-2019, 2017-2018, 2016-2017": pairs of years listed one after another are financial years."""
    pairs = [m for m in _FOUR_DIGIT_PAIR.finditer(text) if int(m.group("y2")) == int(m.group("y1")) + 1]
    return len(pairs) >= MIN_LISTED_PAIRS


def _year_pair_range(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "2017/18 to 2021/22", "FY2019-20 to FY2022-23": a range of financial (or academic) years."""
    first = _year_pair(match, "a")
    last = _year_pair(match, "b")
    if first is None or last is None or not (first[2] and last[2]) or last[0] < first[0]:
        return None
    if _and_without_between(match, text):
        return None
    if _academic_context(match, text):
        return Found(academic_years(first[0], last[0]), is_point=False)
    flags = _flags((not _financial_context(match, text), PeriodFlag.FINANCIAL_YEAR_ASSUMED))
    return Found(financial_years(first[0], last[0]), flags, is_point=False)


def _single_year_pair(match: re.Match[str], text: str, received: date) -> Found | None:
    pair = _year_pair(match, "a")
    if pair is None:
        return None
    return _pair_range(*pair, match, text)


def _year_range(match: re.Match[str], text: str, received: date) -> Found | None:
    first, last = int(match.group("y1")), int(match.group("y2"))
    if first > last or _and_without_between(match, text):
        return None
    if last == first + 1 and _said_financial_year(match, text):  # "the financial year 2022 to 2023"
        return Found(financial_years(first, first))
    if last > first and _financial_years_between(match, text):
        # "each fiscal year from 2003 to 2018 (April to March each year)": April 2003 to March 2018, as
        # "the financial year 2022 to 2023" is April 2022 to March 2023; flagged, the last year may be meant
        return Found(
            financial_years(first, last - 1), frozenset({PeriodFlag.YEAR_RANGE_AMBIGUOUS}), is_point=False
        )
    return Found(calendar_years(first, last), is_point=False)


_FINANCIAL_YEARS_FROM = re.compile(
    r"(?:financial|fiscal)[ \t]years?[ \t]{1,3}(?:from|between)[ \t]{1,3}(?:the[ \t]{1,3})?$", re.IGNORECASE
)
_APRIL_TO_MARCH = re.compile(
    r"[ \t,]{0,3}\(?[ \t]{0,3}(?:1(?:st)?[ \t]{1,3})?april[ \t]{1,3}(?:to|until|-|–|—)[ \t]{1,3}"
    r"(?:31(?:st)?[ \t]{1,3})?march\b",
    re.IGNORECASE,
)


def _financial_years_between(match: re.Match[str], text: str) -> bool:
    """ "each fiscal year from 2003 to 2018", "2003 to 2018 (April to March each year)": financial years."""
    before = text[max(0, match.start() - FINANCIAL_CONTEXT_WINDOW) : match.start()]
    return bool(_FINANCIAL_YEARS_FROM.search(before) or _APRIL_TO_MARCH.match(text, match.end()))


def _said_financial_year(match: re.Match[str], text: str) -> bool:
    before = text[max(0, match.start() - FINANCIAL_CONTEXT_WINDOW) : match.start()].lower()
    return bool(re.search(r"(?:financial|fiscal) year[ \t]{0,3}$", before))


# "On October census day in 2024, 2023, 2022 and 2019": the census month of each year listed
_MONTH_CENSUS_YEARS = re.compile(
    rf"\b(?P<m>{_MONTH})[ \t]{{1,3}}(?:school[ \t]{{1,3}})?(?:census|count)(?:[ \t]{{1,3}}(?:day|date))?"
    rf"[ \t]{{1,3}}(?:in|of|for)[ \t]{{1,3}}(?:{_YEAR}[ \t]{{0,3}}(?:,|and|&)[ \t]{{0,3}}){{0,9}}$",
    re.IGNORECASE,
)


def _single_year(match: re.Match[str], text: str, received: date) -> Found | None:
    year = int(match.group("y"))
    before = text[max(0, match.start() - FINANCIAL_CONTEXT_WINDOW * 2) : match.start()]
    listed = _cue.MONTH_THEN_YEARS.search(before) or _MONTH_CENSUS_YEARS.search(before)
    if listed and not _cue.BETWEEN.search(before[: listed.start()]):
        month = _month(listed.group("m"))  # "January 2024, 2023 and 2019": January of each
        return Found(DateRange(date(year, month, 1), month_end(year, month)))
    if _cue.FINANCIAL_ENDING.search(before):
        return Found(financial_years(year - 1, year - 1))  # "financial years ending 2011, 2012 and 2013"
    if _cue.FINANCIAL_NAMED.match(text[match.end() : match.end() + FINANCIAL_CONTEXT_WINDOW]):
        return Found(financial_years(year, year))  # "during the 2019 financial year"
    if _cue.FINANCIAL_FROM.search(text[max(0, match.start() - FINANCIAL_CONTEXT_WINDOW) : match.start()]):
        return Found(financial_years(year, year))  # "each financial year from 2010 to date"
    if _cue.ACADEMIC_FROM.search(text[max(0, match.start() - FINANCIAL_CONTEXT_WINDOW) : match.start()]):
        return Found(academic_years(year, year))  # "each of the academic years from 2011 to present"
    return Found(calendar_years(year, year))


def _count(raw: str | None) -> int:
    if raw is None:
        return 1
    raw = raw.lower()
    return int(raw) if raw.isdigit() else _cue.NUMBER_WORDS[raw]


def _relative(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "the last five years", "past 12 months", "the previous three financial years", "last year"."""
    raw_count = match.group("n") or match.group("n2")  # "the last three years", "the three most recent years"
    count = _count(raw_count)
    if not 0 < count <= MAX_RELATIVE_COUNT:
        return None
    unit = match.group("unit").lower().rstrip("s")
    relative = frozenset({PeriodFlag.RELATIVE})
    if unit == "decade":
        unit, count = "year", count * 10
    if unit == "year" and raw_count is None and match.group(0).lower().startswith("past"):
        unit, count = "month", MONTHS_IN_YEAR  # "the past year": the past 12 months
    if unit == "month":
        first = shift_months(received.year, received.month, -count)
        last = shift_months(received.year, received.month, -1)
        return Found(DateRange(date(*first, 1), month_end(*last)), relative)
    if unit == "week":
        return Found(DateRange(received - timedelta(days=7 * count - 1), received), relative)
    kind = (match.group("kind") or "").lower()
    if kind.startswith(("financial", "fiscal")):
        current = financial_year_of(received)
        return Found(financial_years(current - count, current - 1), relative)
    if kind.startswith(("academic", "school")):  # the complete academic years before the one of receipt
        current = received.year if received.month >= ACADEMIC_YEAR_START_MONTH else received.year - 1
        return Found(academic_years(current - count, current - 1), relative)
    return Found(calendar_years(received.year - count, received.year - 1), relative)


def _just_ended(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "the academic year just ended", "the financial year just gone": the last one ended before receipt."""
    kind = (match.group("kind") or "").lower()
    relative = frozenset({PeriodFlag.RELATIVE})
    if kind.startswith(("academic", "school")):
        # teaching ends in July: in the summer holidays the school year just ended is the one ending in August
        ended = received.year - 1 if received.month >= SCHOOL_TEACHING_ENDS_MONTH else received.year - 2
        return Found(academic_years(ended, ended), relative, is_point=False)
    if kind.startswith(("financial", "fiscal")):
        current = financial_year_of(received)
        return Found(financial_years(current - 1, current - 1), relative, is_point=False)
    return Found(calendar_years(received.year - 1, received.year - 1), relative, is_point=False)


def _decades(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "the 1970s", "the 1970s-1980s": every year of the decades named."""
    first = int(match.group("d1"))
    last = int(match.group("d2") or first)
    if last < first:
        return None
    return Found(calendar_years(first, last + 9), is_point=False)


def _current(match: re.Match[str], text: str, received: date) -> Found | None:
    """ "this year", "the current financial year", "year to date", "this month"."""
    phrase = match.group(0).lower()
    relative = frozenset({PeriodFlag.RELATIVE})
    if "month" in phrase:
        return Found(DateRange(received.replace(day=1), received), relative)
    if "financial" in phrase or "fiscal" in phrase:
        return Found(
            DateRange(date(financial_year_of(received), FINANCIAL_YEAR_START_MONTH, 1), received), relative
        )
    return Found(DateRange(date(received.year, 1, 1), received), relative)


def _today(match: re.Match[str], text: str, received: date) -> Found | None:
    return Found(DateRange(received, received), frozenset({PeriodFlag.RELATIVE}))


_TO_TODAY = (
    rf"(?:up{_S})?to{_S}(?:today(?:'s{_S}date)?|date(?!{_S}of\b)|"
    rf"the{_S}date{_S}of{_S}this{_S}(?:request|e-?mail|letter))\b"
)

# Patterns in priority order: where two overlap the longer wins, then the earlier in this list.
_PATTERNS: tuple[tuple[str, Handler], ...] = (
    (rf"\b{_date_pattern('a')}{_S}{_TO}{_S}(?:the{_S})?{_date_pattern('b')}", _date_range),  # "to the 31st"
    (
        rf"\b(?P<d1>{_DAY}){_S}(?:of{_S})?(?P<m1>{_MONTH}){_S}{_TO}{_S}(?P<d2>{_DAY}){_S}(?:of{_S})?(?P<m2>{_MONTH}),?{_S}(?P<y>{_YEAR})\b",
        _day_month_range,
    ),
    (
        rf"\b(?P<m1>{_MONTH}){_S}(?P<y1>{_YEAR})?{_S}{_TO}{_S}(?P<m2>{_MONTH}),?{_S}(?P<y2>{_YEAR})\b",
        _month_range,
    ),
    (
        rf"\b(?P<d1>{_DAY}){_S}(?:of{_S})?(?P<m1>{_MONTH}){_S}(?P<to>to|until|and|[-–—]){_S}(?P<d2>{_DAY}){_S}"
        rf"(?:of{_S})?(?P<m2>{_MONTH})\b(?!,?{_S}(?:{_YEAR}|\d))",
        _day_month_range_no_year,
    ),
    (
        rf"\bq(?:uarter{_S})?(?P<q1>[1-4]){_S}(?P<y1>{_YEAR}){_S}{_TO}{_S}q(?:uarter{_S})?(?P<q2>[1-4]){_S}(?P<y2>{_YEAR})\b",
        _quarter_range,
    ),
    (
        rf"\b{_FY_PREFIX}{_YEAR_PAIR.replace('@', 'a')}{_S}{_TO}{_S}"
        rf"(?:fy{_S})?{_YEAR_PAIR.replace('@', 'b')}",
        _year_pair_range,
    ),
    (rf"\b{_FY_PREFIX}{_YEAR_PAIR.replace('@', 'a')}", _single_year_pair),
    (rf"\b(?P<y1>{_YEAR}){_S}{_TO}{_S}(?P<y2>{_YEAR})\b(?![/\-]\d)", _year_range),
    (
        rf"\b(?:(?:financial|calendar|reporting){_S})?(?:year|12{_S}months|twelve{_S}months){_S}"
        rf"(?:ending|ended|to){_S}{_date_pattern('a')}",
        _year_ending,
    ),
    (rf"\b(?:after|later{_S}than){_S}the{_S}year{_S}(?P<y>{_YEAR})\b(?![/\-]\d)", _after_year),
    (rf"\b{_date_pattern('a')}", _single_date),
    (rf"\b(?P<m>{_MONTH}),?{_S}(?P<y>{_YEAR})\b(?![/\-]\d)", _single_month),
    # "June and September 2011": the first month takes the year written after the second
    (
        rf"\b(?P<m>{_MONTH})(?=(?:,{_S}{_MONTH}){{0,11}},?{_S}(?:and|&){_S}{_MONTH},?{_S}(?P<y>{_YEAR})\b)",
        _single_month,
    ),
    # "March 23 to August 10 2019": days written month first, the year once at the end
    (
        rf"\b(?P<m1>{_MONTH}){_S}(?P<d1>{_DAY}){_S}(?P<to>to|until|and|[-–—]){_S}(?P<m2>{_MONTH}){_S}(?P<d2>{_DAY}),?"
        rf"{_S}(?P<y>{_YEAR})\b",
        _day_month_range,
    ),
    # "on 5th November", "since March 23": a day with no year is the last one before receipt
    (rf"\b(?P<d>{_DAY}){_S}(?:of{_S})?(?P<m>{_MONTH})\b(?!,?{_S}(?:{_YEAR}|\d))", _day_without_year),
    (rf"\b(?P<m>{_MONTH}){_S}(?P<d>\d\d?(?:st|nd|rd|th)?)\b(?!,?{_S}(?:{_YEAR}|\d))", _day_without_year),
    (rf"\bmonth{_S}of{_S}(?P<m>{_MONTH})\b(?!,?{_S}(?:{_YEAR}|\d))", _month_without_year),
    # "since September", "since the start of September", "January to date": no year written
    (
        rf"\bsince{_S}(?:the{_S}(?:start|beginning){_S}of{_S})?(?P<m>{_MONTH})(?![\w'’])"
        rf"(?!,?{_S}(?:{_YEAR}|\d|(?:of{_S})?(?:last|this|next){_S}year))",
        _month_to_receipt,
    ),
    (rf"\b(?P<m>{_MONTH})(?={_S}(?:to[ \t-]date|till{_S}now|until{_S}now)\b)", _month_to_receipt),
    (rf"\bq(?:uarter{_S})?(?P<q>[1-4]){_S}(?:of{_S})?(?P<y>{_YEAR})\b", _single_quarter),
    (
        rf"\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th){_S}quarter{_S}(?:of{_S})?(?P<y>{_YEAR})\b",
        _ordinal_quarter,
    ),
    (
        rf"\b(?:(?P<a>\d\d){_S}[-/]{_S}(?P<b>\d\d){_S}(?:financial|fiscal){_S}year"
        rf"|(?:financial|fiscal){_S}years?{_S}(?P<a2>\d\d){_S}[-/]{_S}(?P<b2>\d\d)"
        rf"(?P<more>(?:(?:,|{_S}and|{_S}&){_S}\d\d{_S}[-/]{_S}\d\d){{0,10}}))\b(?![/\-]\d)",
        _short_financial_year,
    ),
    (rf"\((?P<a>\d\d){_S}/{_S}(?P<b>\d\d)\)(?P<a2>)(?P<b2>)(?P<more>)", _bracketed_short_year),
    (
        rf"\b(?P<m>{_MONTH}){_S}(?P<d1>{_DAY}){_S}(?:and|&|to|[-–]){_S}(?P<d2>{_DAY}),?{_S}(?P<y>{_YEAR})\b",
        _month_day_pair,
    ),
    # "2014,2015,2016": years may be listed with bare commas; "12,2015" and "2015,000" are numbers
    (
        rf"(?<![\d/£$.-])(?:(?<!,)|(?<=(?:19|20)\d\d,))\b(?P<y>{_YEAR})\b(?![/.]?\d|,\d(?!\d{{3}}\b))",
        _single_year,
    ),
    (rf"\b(?P<y>{_YEAR}){_S}(?P<m1>{_MONTH}){_S}[-–]{_S}(?P<m2>{_MONTH})\b", _year_then_months),
    # "the last five years", "the three most recent years", and "each of the 12 months to today's date": the
    # months before the month of receipt, as "the past 12 months"
    (
        rf"\b(?:(?:last|past|previous|preceding|most{_S}recent){_S}(?:available{_S})?(?:(?P<n>{_NUMBER})(?:{_S}|-))?|"
        rf"(?P<n2>{_NUMBER}){_S}(?:(?:most{_S}recent|last|previous|preceding){_S}|(?=months{_S}{_TO_TODAY})))"
        rf"(?:full{_S}|complete{_S}|whole{_S})?(?P<kind>calendar{_S}|financial{_S}|fiscal{_S}|academic{_S}|school{_S})?"
        rf"(?P<unit>years|year|months|month|weeks|week|decades|decade)\b(?:{_S}{_TO_TODAY})?",
        _relative,
    ),
    (
        rf"\b(?P<kind>academic{_S}|school{_S}|financial{_S}|fiscal{_S}|calendar{_S})?year{_S}"
        rf"(?:that{_S}(?:has{_S})?)?just{_S}(?:ended|finished|gone|closed)\b",
        _just_ended,
    ),
    (
        rf"\b(?P<d1>(?:19|20)\d0)'?s(?:{_S}(?:[-–]|to|and){_S}(?:the{_S})?(?P<d2>(?:19|20)\d0)'?s)?\b",
        _decades,
    ),
    (
        rf"\b(?:this|the{_S}current|current)(?:{_S}calendar|{_S}financial|{_S}fiscal)?{_S}(?:year|month)\b"
        rf"(?:{_S}(?:so{_S}far|to{_S}date))?|\byear[ -]to[ -]date\b",
        _current,
    ),
    (
        rf"\b(?:(?:as{_S}(?:of|at){_S}|until{_S}|up{_S}to{_S})(?:today(?:'s{_S}date)?|"
        rf"the{_S}date{_S}of{_S}this{_S}(?:request|e-?mail|letter))|today(?:'s{_S}date)?)\b",
        _today,
    ),
)
COMPILED_PATTERNS = tuple((re.compile(pattern, re.IGNORECASE), handler) for pattern, handler in _PATTERNS)
WORDS_ONLY = frozenset(
    {_relative, _current, _today, _month_without_year, _just_ended, _month_to_receipt}
)  # the handlers of phrases that may have no digit
DIGIT = re.compile(r"\d")
WORD_CUE = re.compile(
    r"\b(?:last|past|previous|preceding|recent|this|current|year|month|today|date|since)\b", re.IGNORECASE
)


def blanked(match: re.Match[str]) -> str:
    return re.sub(r"\d", "#", match.group(0))


# Days no one asks about: one said to be tomorrow (a quoted news story: "the trial which begins tomorrow,
# Wednesday April 19"), one to be replaced ("replacing all references to the date “31 January 2019” with")
NOT_ASKED = re.compile(
    r"\btomorrow[ \t,]{1,3}(?:(?:on[ \t]{1,3})?(?:mon|tues|wednes|thurs|fri|satur|sun)day[ \t,]{1,3})?"
    r"(?:the[ \t]{1,3})?$"
    r"|\breplac(?:e|ing)[ \t]{1,3}(?:all[ \t]{1,3})?(?:references?[ \t]{1,3}to[ \t]{1,3})?(?:the[ \t]{1,3})?"
    r"dates?[ \t]{1,3}[\"“'‘]?$",
    re.IGNORECASE,
)
