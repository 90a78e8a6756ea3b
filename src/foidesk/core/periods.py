"""Date phrases in a request -> the inclusive periods they ask about.

Requesters write periods in many UK forms: "1st January 2020", "01/01/2020" (day first),
"Jan 2020 – Mar 2021", "2021", "2018 to 2022", "2019/20" and "FY2019-20" (financial years,
1 April to 31 March), "since 2018", "the last five years", "this year". Each becomes a
``DateRange`` with both ends inclusive. Relative and open-ended phrases are resolved against the
date the request was received (s.10(1) FOIA: the request is answered as it stood on receipt).

Conventions where the phrase is ambiguous (each adds a ``PeriodFlag`` so an officer can check):
- ``01/02/2020`` is 1 February 2020 (UK day first); flagged when both numbers could be a month.
- ``2019/20``, ``2019-20`` and ``2019/2020`` are the financial year 1 April 2019 – 31 March 2020
  (the police and council reporting year); flagged unless the text says "financial" or "FY".
- ``2019-2020`` (two full years, a hyphen, no "financial") is the calendar years 2019 and 2020; flagged.
- "the last/past N years" is the N complete calendar years before the year of receipt;
  "the last N financial years" the N complete financial years before the one of receipt;
  "the last/past N months" the N complete calendar months before the month of receipt;
  "last year" the previous calendar year; "this year", "year to date" 1 January to the day of receipt;
  "this financial year" 1 April to the day of receipt. All flagged ``relative``.
- "since X", "from X" (with no end), "X to date" run from the start of X to the day of receipt;
  "since September", "January to date" (no year) from the latest such month, that of receipt included.
- "academic year 2021/22" is 1 September 2021 – 31 August 2022.
- "each financial year from 2003 to 2018", "2003 to 2018 (April to March each year)" is 1 April 2003 –
  31 March 2018 (the years written are the ends, as in "the financial year 2022 to 2023"); flagged.
- A year in a statute's title ("Mental Health Act 1983") or a reference number is not a period.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from foidesk.core import period_cues as _cue
from foidesk.core.date_ranges import MONTHS_IN_YEAR, month_end, shift_months

# The types and calendar arithmetic of periods live in core/date_ranges.py; imported from here too.
from foidesk.core.date_ranges import DateRange as DateRange
from foidesk.core.date_ranges import InvalidDateRange as InvalidDateRange
from foidesk.core.date_ranges import Period as Period
from foidesk.core.date_ranges import PeriodFlag as PeriodFlag
from foidesk.core.date_ranges import PeriodMention as PeriodMention
from foidesk.core.date_ranges import academic_years as academic_years
from foidesk.core.date_ranges import calendar_years as calendar_years
from foidesk.core.date_ranges import financial_year_of as financial_year_of
from foidesk.core.date_ranges import financial_years as financial_years
from foidesk.core.date_ranges import merge_ranges as merge_ranges
from foidesk.core.period_forms import (
    COMPILED_PATTERNS,
    DIGIT,
    LISTED_CONTEXT_WINDOW,
    NOT_ASKED,
    SINCE_EVENT_LOOKBEHIND,
    SINCE_LOOKBEHIND,
    TO_DATE_LOOKAHEAD,
    WORD_CUE,
    WORDS_ONLY,
    Found,
    Handler,
    between_before,
    blanked,
)


def find_periods(text: str, received: date) -> list[PeriodMention]:
    """Every date phrase in ``text``, in order, with the period it means.

    Linear in the length of ``text``: every pattern is anchored at a word boundary and uses
    bounded repetition only.
    """
    has_digit = DIGIT.search(text) is not None
    has_cue = WORD_CUE.search(text) is not None
    if not has_digit and not has_cue:  # most sentences name no period: skip every pattern
        return []
    masked = _cue.NOT_PERIODS.sub(blanked, text) if has_digit else text
    candidates: list[tuple[int, int, int, re.Match[str], Handler]] = []
    for priority, (pattern, handler) in enumerate(COMPILED_PATTERNS):
        if not (has_cue if handler in WORDS_ONLY else has_digit):
            continue
        for match in pattern.finditer(masked):
            candidates.append((match.start(), -(match.end() - match.start()), priority, match, handler))
    candidates.sort(key=lambda item: (item[0], item[1], item[2]))
    mentions: list[PeriodMention] = []
    taken_until = -1
    for start, _negative_length, _priority, match, handler in candidates:
        if start < taken_until:
            continue
        found = handler(match, masked, received)
        if found is None:
            continue
        taken_until = match.end()
        mention = _extend(found, match, masked, text, received)
        if mention.range.start > received and _cue.PLANNED_BY.search(
            masked[max(0, match.start() - 20) : match.start()]
        ):
            continue  # "by 2025", "by the end of 2026": a plan or a target, not a period asked about
        if NOT_ASKED.search(masked[max(0, match.start() - 40) : match.start()]):
            continue  # "begins tomorrow, Wednesday April 19", "replacing the date “31 January 2019”"
        mentions.append(mention)
    return mentions


# "2023 thus far", "(22 July 2004 till now)", "2019 up until now", "2013/14 YTD": to the day of receipt
_TO_DATE_MORE = re.compile(
    r"^[ \t,]{0,3}(?:[(\-–—][ \t]{0,2})?"
    r"(?:thus[ \t]far|(?:up[ \t])?(?:till?|until)[ \t](?:now|today|date|present)|"
    r"up[ \t]to[ \t]date|ytd)\b",
    re.IGNORECASE,
)


# "since Stalking Protection Orders were brought in in Jan 2020", "since the new legislation was introduced in
# 2011/12": the date of the event, and the period runs from it to the day of receipt
_SINCE_EVENT = re.compile(
    r"\bsince[ \t][^.,;:?!()\n]{1,60}?[ \t](?:was|were|has[ \t]been|have[ \t]been|came|first)[ \t]"
    r"(?:introduced|brought[ \t]in|launched|implemented|created|formed|set[ \t]up|established|opened|started|"
    r"began|into[ \t](?:force|effect|use))[ \t]{1,3}"
    r"(?:in[ \t]{1,3}){0,2}(?:on[ \t]{1,3})?(?:the[ \t]{1,3})?$",
    re.IGNORECASE,
)


def _extend(found: Found, match: re.Match[str], masked: str, text: str, received: date) -> PeriodMention:
    """Apply "since X" / "X to date" (to the day of receipt) and "at the end of X" (its last day)."""
    before = masked[max(0, match.start() - SINCE_LOOKBEHIND - 20) : match.start()]
    after = masked[match.end() : match.end() + TO_DATE_LOOKAHEAD]
    period, flags, end_offset = found.range, set(found.flags), match.end()
    extendable = found.is_point and PeriodFlag.RELATIVE not in flags
    to_date = _cue.TO_DATE.search(after) or _TO_DATE_MORE.search(after)
    if _cue.POINT_IN_TIME.search(masked[max(0, match.start() - LISTED_CONTEXT_WINDOW) : match.start()]):
        period = DateRange(period.end, period.end)
    elif _cue.FROM_NOW.search(before) and received <= period.end:
        period = DateRange(received, period.end)  # "between now and end of year 2021"
    elif extendable and _cue.SO_FAR.search(before) and period.start <= received < period.end:
        period = DateRange(period.start, received)  # "so far in 2024", "the current 2026 period"
        flags.add(PeriodFlag.TO_DATE_OF_RECEIPT)
    elif extendable and (
        to_date
        or (_cue.SINCE.search(before) and not _cue.MONTH_LIST_NEXT.match(after))
        or _SINCE_EVENT.search(masked[max(0, match.start() - SINCE_EVENT_LOOKBEHIND) : match.start()])
    ):
        if received >= period.start:
            period = DateRange(period.start, received)
            flags.add(PeriodFlag.TO_DATE_OF_RECEIPT)
        if to_date:
            end_offset += to_date.end()
    elif to_date and re.search("year|ytd", to_date.group(0), re.I) and period.start <= received:
        # "2015/16 to 2024/25 (year-to-date)": the range runs on to the day of receipt (but "between 2015 and
        # 2019 to date" is read as written)
        period = DateRange(period.start, received)
        flags.add(PeriodFlag.TO_DATE_OF_RECEIPT)
        end_offset += to_date.end()
    if period.end > received:
        flags.add(PeriodFlag.AFTER_RECEIPT)
    return PeriodMention(
        phrase=text[match.start() : end_offset],
        start_offset=match.start(),
        end_offset=end_offset,
        range=period,
        flags=frozenset(flags),
    )


# "(2019 to 2024, up to and inclusive of 16th February 2024)": the range ends on the day written
_INCLUSIVE_OF = re.compile(
    r"^[ \t]{0,3},?[ \t]{0,3}(?:up[ \t])?(?:to|until|till)[ \t](?:and[ \t])?inclusive[ \t]of"
    r"(?:[ \t]the)?[ \t]{0,3}$",
    re.IGNORECASE,
)


_BLANKS = re.compile(r"[ \t]{1,3}$")


def _joined(mentions: list[PeriodMention], text: str) -> list[PeriodMention]:
    """ "2017 to 1 November 2023", "January 1, 2019, to December 31, 2024": two dates joined by "to"
    (or "between ... and") are one period, from the start of the first to the end of the second."""
    joined: list[PeriodMention] = []
    for mention in mentions:
        if joined:
            last = joined[-1]
            gap = text[last.end_offset : mention.start_offset]
            # "between Jan 2017 and December 2021", or with no "and": "between Jan 2017 December 2021"
            between = (_cue.BETWEEN_AND.match(gap) or _BLANKS.match(gap)) and between_before(
                text, last.start_offset
            )
            joinable = PeriodFlag.RELATIVE not in last.flags  # "the last year to 31 March" is anchored below
            if (
                joinable
                and (_cue.CONNECTOR.match(gap) or _INCLUSIVE_OF.match(gap) or between)
                and last.range.start <= mention.range.end
            ):
                joined[-1] = PeriodMention(
                    phrase=text[last.start_offset : mention.end_offset],
                    start_offset=last.start_offset,
                    end_offset=mention.end_offset,
                    range=DateRange(last.range.start, mention.range.end),
                    # the joined period ends where the second does: only its end can fall after receipt
                    flags=(last.flags - {PeriodFlag.AFTER_RECEIPT}) | mention.flags,
                )
                continue
        joined.append(mention)
    return joined


_YEAR_END = re.compile(
    r"^[ \t,]{0,3}(?:with|for|to)?[ \t]{0,3}(?:a|the)?[ \t]{0,3}"
    r"(?:(?:financial[ \t])?year[- \t]?end(?:ing|ed)?|ending|ended|to)[ \t]{0,3}(?:of|on|at)?[ \t]{0,3}$",
    re.IGNORECASE,
)


def _anchored_at_year_end(mentions: list[PeriodMention], text: str) -> list[PeriodMention]:
    """ "the last three years, with a year-end March 31st 2023": three years ending on that day; "the last 12
    months (beginning September 1 2015)": twelve months from that day."""
    anchored: list[PeriodMention] = []
    for mention in mentions:
        last = anchored[-1] if anchored else None
        if (
            last is not None
            and PeriodFlag.RELATIVE in last.flags
            and mention.range.start == mention.range.end
            and _YEAR_END.match(text[last.end_offset : mention.start_offset])
        ):
            years = last.range.end.year - last.range.start.year + 1
            end = mention.range.end
            start = date(end.year - years, end.month, 1) + timedelta(days=end.day)
            anchored[-1] = _relative_anchored(last, mention, DateRange(start, end), text)
            continue
        if (
            last is not None
            and PeriodFlag.RELATIVE in last.flags
            and _STARTING.match(text[last.end_offset : mention.start_offset])
        ):
            months = _whole_months(last.range)
            if months:
                # "the last 12 months (beginning September 1 2015)": that many months from the day written
                start = mention.range.start
                year, month = shift_months(start.year, start.month, months)
                end = date(year, month, min(start.day, month_end(year, month).day)) - timedelta(days=1)
                anchored[-1] = _relative_anchored(last, mention, DateRange(start, end), text)
                continue
        anchored.append(mention)
    return anchored


def _relative_anchored(
    relative: PeriodMention, day: PeriodMention, period: DateRange, text: str
) -> PeriodMention:
    """A relative phrase and the day that anchors it, read together as one mention of ``period``."""
    return PeriodMention(
        text[relative.start_offset : day.end_offset],
        relative.start_offset,
        day.end_offset,
        period,
        relative.flags,
    )


_STARTING = re.compile(
    r"^[ \t]{0,3}[(,]?[ \t]{0,3}(?:beginning|starting|commencing)[ \t]{1,3}(?:on[ \t]{1,3})?$", re.I
)


def _whole_months(period: DateRange) -> int:
    """How many calendar months ``period`` spans, or 0 if it does not start and end on a month's edges."""
    start, end = period.start, period.end
    if start.day != 1 or end != month_end(end.year, end.month):
        return 0
    return (end.year - start.year) * MONTHS_IN_YEAR + end.month - start.month + 1


def _without_restated(mentions: list[PeriodMention]) -> list[PeriodMention]:
    """ "the last five years (September 2014 to September 2019)": the dates written out say what the
    relative phrase meant, so they decide."""
    written = [mention for mention in mentions if PeriodFlag.RELATIVE not in mention.flags]
    if not written:
        return mentions
    return [
        mention
        for mention in mentions
        if PeriodFlag.RELATIVE not in mention.flags
        or not any(mention.range.overlaps(other.range) for other in written)
    ]


def periods_in(text: str, received: date) -> tuple[tuple[DateRange, ...], frozenset[PeriodFlag]]:
    """The merged periods of ``text`` and every flag raised finding them."""
    mentions = _without_restated(_anchored_at_year_end(_joined(find_periods(text, received), text), text))
    flags: frozenset[PeriodFlag] = frozenset().union(*(mention.flags for mention in mentions))
    return merge_ranges(mention.range for mention in mentions), flags
