"""`foidesk deadline`: when a response, a review or a subject access request is due."""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import dataclass
from typing import Any

from foidesk.commands import CommandFailed, emit_json
from foidesk.core.clock import (
    SAR_EXTENSION_MONTHS,
    SAR_MONTHS,
    ClockError,
    DeadlineEvent,
    EventKind,
    Pause,
    Period,
    add_working_days,
    case_deadlines,
    format_uk_date,
    merge_pauses,
    review_deadlines,
    review_request_window_ends,
    rule_for,
    sar_deadlines,
    working_days_between_by_rule,
)
from foidesk.core.holiday_calendar import (
    CalendarError,
    HolidayCalendar,
    Jurisdiction,
    WorkingDayRule,
    default_calendar,
)
from foidesk.core.regime import Regime

NAME = "deadline"
HELP = "Work out when a request is due: FOIA, EIR, FOISA, an internal review, or a subject access request."

REVIEW = Period.REVIEW.value
SAR = Period.SAR.value
REGIME_CHOICES = (*(r.value for r in Regime), REVIEW, SAR)


@dataclass(frozen=True, slots=True)
class _Answer:
    payload: dict[str, Any]  # Any: a JSON object
    line: str
    rule: WorkingDayRule  # the working days the answer was counted in


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("received", metavar="RECEIVED", help="date of receipt, YYYY-MM-DD")
    parser.add_argument(
        "--regime",
        default=Regime.FOIA.value,
        metavar="|".join(REGIME_CHOICES),
        help="the law the request falls under, or 'review' (RECEIVED is the day the review was asked for) "
        "or 'sar' (default: foia)",
    )
    parser.add_argument(
        "--pause",
        action="append",
        default=[],
        metavar="FROM..TO",
        help="days that do not count, e.g. fees notice to payment (s.10(2) FOIA); repeatable",
    )
    parser.add_argument(
        "--extend",
        type=int,
        default=0,
        metavar="DAYS",
        help="further working days: a public interest extension (FOIA, s.10(3)), 20 for the EIR's 40 "
        "(reg 7), or up to 20 for an internal review",
    )
    parser.add_argument(
        "--clarified", metavar="DATE", help="the day clarification arrived: a fresh 20 working days (s.1(3))"
    )
    parser.add_argument(
        "--answered",
        metavar="DATE",
        help="the day the response was sent, for the requester's 40-working-day window to ask for a review "
        "(default: the due date)",
    )
    parser.add_argument(
        "--review-of",
        default=Regime.FOIA.value,
        metavar="|".join(r.value for r in Regime),
        help="with --regime review: the law of the original request (default: foia)",
    )
    parser.add_argument(
        "--complex",
        action="store_true",
        help="with --regime sar: the two-month extension for complex or numerous requests (Art 12(3))",
    )
    parser.add_argument(
        "--jurisdiction",
        default=Jurisdiction.ENGLAND_AND_WALES.value,
        metavar="|".join(j.value for j in Jurisdiction),
        help="with --regime sar: whose bank holidays move a due date (default: england-and-wales)",
    )
    parser.add_argument(
        "--today", metavar="DATE", help="also say how many working days are left (negative: days late)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def run(args: argparse.Namespace) -> int:
    received = parse_date(args.received, "RECEIVED")
    if args.regime not in REGIME_CHOICES:
        raise CommandFailed(f"unknown regime {args.regime!r}; choose one of {', '.join(REGIME_CHOICES)}")
    pauses = [parse_pause(text) for text in args.pause]
    if args.extend < 0:
        raise CommandFailed(f"--extend takes a number of working days to add, not {args.extend}")
    try:
        calendar = default_calendar()
        if args.regime == SAR:
            answer = _sar(args, received, pauses, calendar)
        elif args.regime == REVIEW:
            answer = _review(args, received, pauses, calendar)
        else:
            answer = _response(args, Regime(args.regime), received, pauses, calendar)
        if args.today:
            answer = _with_days_left(answer, parse_date(args.today, "--today"), calendar)
    except (ClockError, CalendarError) as error:
        raise CommandFailed(str(error)) from error
    if args.json:
        emit_json(answer.payload)
    else:
        print(answer.line)
    return 0


def parse_date(text: str, what: str) -> dt.date:
    """A strict ISO date (YYYY-MM-DD); anything else is a user error with the reason."""
    try:
        if len(text) != len("YYYY-MM-DD"):
            raise ValueError("expected YYYY-MM-DD")
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise CommandFailed(f"{what} is not a valid date: {text!r} ({error})") from error


def parse_pause(text: str) -> Pause:
    start, separator, end = text.partition("..")
    if not separator:
        raise CommandFailed(f"--pause takes FROM..TO, e.g. 2024-01-15..2024-01-19, not {text!r}")
    try:
        return Pause(parse_date(start, "--pause FROM"), parse_date(end, "--pause TO"))
    except ClockError as error:
        raise CommandFailed(str(error)) from error


def _response(
    args: argparse.Namespace,
    regime: Regime,
    received: dt.date,
    pauses: list[Pause],
    calendar: HolidayCalendar,
) -> _Answer:
    events = [
        event
        for pause in merge_pauses(pauses)
        for event in (
            DeadlineEvent(EventKind.FEE_NOTICE_GIVEN, pause.start),
            DeadlineEvent(EventKind.FEE_PAID, pause.end),
        )
    ]
    if args.clarified:
        events.append(
            DeadlineEvent(EventKind.CLARIFICATION_RECEIVED, parse_date(args.clarified, "--clarified"))
        )
    if args.extend:
        events.append(_extension_event(regime, received, args.extend))
    deadlines = case_deadlines(regime, received, events, calendar)
    answered = parse_date(args.answered, "--answered") if args.answered else deadlines.due
    working_days = regime.rules.clock.response_working_days
    payload = _base_payload(regime.value, received, deadlines.due, working_days, pauses, args.extend)
    payload |= {
        "extended_due": _iso(deadlines.extended_due),
        "clock_start": deadlines.clock_start.isoformat(),
        "review_request_window_ends": review_request_window_ends(regime, answered, calendar).isoformat(),
        "calendar_version": deadlines.calendar_version,
    }
    after = format_uk_date(deadlines.clock_start)
    reason = " (the day clarification arrived)" if deadlines.clock_start != received else ""
    line = f"Due {format_uk_date(deadlines.due)} ({working_days} working days after {after}{reason}"
    line += f", not counting {len(pauses)} pause(s))" if pauses else ")"
    if deadlines.extended_due:
        line += f"; extended to {format_uk_date(deadlines.extended_due)}"
    return _Answer(payload, line + ".", rule_for(regime))


def _extension_event(regime: Regime, received: dt.date, days: int) -> DeadlineEvent:
    clock_rules = regime.rules.clock
    if clock_rules.volume_extension_working_days is not None:  # reg 7 EIR and EISR
        extended = clock_rules.volume_extension_working_days
        if days != extended - clock_rules.response_working_days:
            raise CommandFailed(
                f"reg 7 extends the time to {extended} working days: use --extend "
                f"{extended - clock_rules.response_working_days}, not {days}"
            )
        return DeadlineEvent(EventKind.EIR_EXTENSION, received)
    return DeadlineEvent(EventKind.PIT_EXTENSION, received, extra_working_days=days)


def _review(
    args: argparse.Namespace, requested: dt.date, pauses: list[Pause], calendar: HolidayCalendar
) -> _Answer:
    if args.review_of not in {r.value for r in Regime}:
        raise CommandFailed(f"unknown --review-of {args.review_of!r}")
    if pauses or args.clarified:
        raise CommandFailed(
            "a review's clock has no pauses or clarification; leave out --pause and --clarified"
        )
    review = review_deadlines(Regime(args.review_of), requested, calendar)
    extra = review.latest_working_days - review.working_days
    if args.extend > extra:
        raise CommandFailed(
            f"a {args.review_of} review may take at most {review.latest_working_days} working days; "
            f"--extend can add at most {extra}"
        )
    extended_due = None
    if args.extend:
        rule = rule_for(review.regime)
        extended_due = add_working_days(requested, review.working_days + args.extend, rule, calendar)
    payload = _base_payload(REVIEW, requested, review.due, review.working_days, [], args.extend)
    payload |= {
        "review_of": review.regime.value,
        "extended_due": _iso(extended_due),
        "latest_due": review.latest_due.isoformat(),
        "calendar_version": review.calendar_version,
    }
    line = (
        f"Review due {format_uk_date(review.due)} ({review.working_days} working days after "
        f"{format_uk_date(requested)}); at the latest {format_uk_date(review.latest_due)}."
    )
    return _Answer(payload, line, rule_for(review.regime))


def _sar(
    args: argparse.Namespace, received: dt.date, pauses: list[Pause], calendar: HolidayCalendar
) -> _Answer:
    if pauses or args.clarified or args.extend:
        raise CommandFailed(
            "a subject access request runs in calendar months: leave out --pause, --clarified and --extend "
            "(use --complex for the two-month extension)"
        )
    if args.jurisdiction not in {j.value for j in Jurisdiction}:
        raise CommandFailed(f"unknown --jurisdiction {args.jurisdiction!r}")
    sar = sar_deadlines(
        received, calendar, extended=args.complex, jurisdiction=Jurisdiction(args.jurisdiction)
    )
    payload = _base_payload(SAR, received, sar.due, None, [], 0)
    payload |= {
        "months": SAR_MONTHS,
        "extension_months": SAR_EXTENSION_MONTHS if args.complex else 0,
        "extended_due": _iso(sar.extended_due),
        "jurisdiction": sar.jurisdiction.value,
        "calendar_version": sar.calendar_version,
    }
    line = f"Due {format_uk_date(sar.due)} (one calendar month from {format_uk_date(received)})"
    if sar.extended_due:
        line += f"; extended to {format_uk_date(sar.extended_due)}"
    return _Answer(payload, line + ".", WorkingDayRule(sar.jurisdiction.value))


def _with_days_left(answer: _Answer, today: dt.date, calendar: HolidayCalendar) -> _Answer:
    """Working days from ``today`` to the last day in time (the extended date if there is one)."""
    last_day = dt.date.fromisoformat(answer.payload["extended_due"] or answer.payload["due"])
    left = working_days_between_by_rule(today, last_day, answer.rule, calendar)
    words = f"{left} working day(s) left" if left >= 0 else f"{-left} working day(s) late"
    return _Answer(
        payload=answer.payload | {"today": today.isoformat(), "days_left": left},
        line=f"{answer.line} On {format_uk_date(today)}: {words}.",
        rule=answer.rule,
    )


def _base_payload(
    regime: str,
    received: dt.date,
    due: dt.date,
    working_days: int | None,
    pauses: list[Pause],
    extension_days: int,
) -> dict[str, Any]:  # Any: a JSON object
    """The keys of the command-line contract (DESIGN.md), plus the weekday of the due date."""
    return {
        "regime": regime,
        "received": received.isoformat(),
        "due": due.isoformat(),
        "working_days": working_days,
        "pauses": [{"from": p.start.isoformat(), "to": p.end.isoformat()} for p in pauses],
        "extension_days": extension_days,
        "weekday": f"{due:%A}",
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
