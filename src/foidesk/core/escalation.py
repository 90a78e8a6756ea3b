"""After the response: the deadlines of an internal review, a complaint to the regulator, its decision
notice, and an appeal from that notice, per regime, from plain values and the holiday calendar.

DOMAIN.md section A ("Internal review", "Escalation") and section G (EIR, FOISA). The review's own
working days come from `core.clock.review_deadlines` (one home for the review periods); this module adds
the window in which a review may be asked for, the appeal forum and its time limit, and the time to comply
with a decision notice. The particulars of each regime (the review window, the regulator, the appeal
forum and its time limit) have their one home in ``Regime.X.rules`` (core/regime.py).

Periods of the tribunals and courts are calendar days, not the working days of the FOI regimes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from foidesk.core.clock import (
    HolidayCalendar,
    add_working_days,
    next_working_day_on_or_after,
    review_deadlines,
    review_request_window_ends,
    rule_for,
    working_days_between,
)
from foidesk.core.regime import AppealForum, Regime

# s.50(4) FOIA: the decision notice itself states the steps and the period; the ICO usually gives
# 35 calendar days from the date of the notice [S: the ICO's standard wording]. An input, this the default.
DECISION_NOTICE_COMPLIANCE_DAYS = 35
# The regulator's letter on a complaint (s.50 FOIA; s.49(3)(a) FOISA invites the authority's comments) sets
# its own date for the authority's submissions; 20 working days is assumed until it is entered
# [UNVERIFIED: practice, not law].
REGULATOR_SUBMISSIONS_WORKING_DAYS = 20


class EscalationError(ValueError):
    """Dates the law of reviews and appeals cannot count with (a review asked for before the response)."""


# --- internal review ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewClock:
    """An internal review's own clock: when it could be asked for, when it was, and when it is due.

    ``late`` means it was asked for after ``window_ends``: the authority may refuse it (FOIA, ICO guidance)
    or need not comply (reg 11(2) EIR; s.20(5)-(6) FOISA), but the officer may still proceed.
    """

    regime: Regime
    responded: dt.date
    window_ends: dt.date
    requested: dt.date
    late: bool
    due: dt.date
    latest_due: dt.date
    working_days: int
    latest_working_days: int
    due_provision: str
    window_provision: str
    calendar_version: str

    def days_left(self, today: dt.date, calendar: HolidayCalendar) -> int:
        """Working days left until ``due`` (0 on the day; negative: working days late)."""
        return working_days_between(today, self.due, self.regime, calendar)


def review_window_ends(
    regime: Regime, responded: dt.date, calendar: HolidayCalendar, *, response_due: dt.date | None = None
) -> dt.date:
    """The last day on which a review may be asked for.

    FOIA and EIR: 40 working days after the response (ICO guidance; reg 11(2) EIR). FOISA s.20(5) and EISR
    reg 16(2) count from the end of the time allowed for the response, or from a late response, whichever
    is later: an early answer does not shorten the window [S: DOMAIN.md section H; NRS guide to FOISA].
    ``response_due`` is the statutory date the response was due (None: count from the response).
    """
    start = responded
    if regime.is_scottish and response_due is not None:
        start = max(responded, response_due)  # s.20(5)(a)-(b) FOISA
    return review_request_window_ends(regime, start, calendar)


def review_clock(
    regime: Regime,
    *,
    responded: dt.date,
    requested: dt.date,
    calendar: HolidayCalendar,
    response_due: dt.date | None = None,
) -> ReviewClock:
    """The clock of a review asked for on ``requested`` of a response sent on ``responded``.

    The period runs from the day the authority received the request for review (s.21(1) FOISA: "after
    receipt by it of the requirement"), counted by `core.clock.review_deadlines`.
    """
    if requested < responded:
        raise EscalationError(
            f"a review cannot be asked for ({requested.isoformat()}) before the response was sent "
            f"({responded.isoformat()})"
        )
    window_ends = review_window_ends(regime, responded, calendar, response_due=response_due)
    deadlines = review_deadlines(regime, requested, calendar)
    return ReviewClock(
        regime=regime,
        responded=responded,
        window_ends=window_ends,
        requested=requested,
        late=requested > window_ends,
        due=deadlines.due,
        latest_due=deadlines.latest_due,
        working_days=deadlines.working_days,
        latest_working_days=deadlines.latest_working_days,
        due_provision=regime.rules.review.decide_provision,
        window_provision=regime.rules.review.window_rule,
        calendar_version=deadlines.calendar_version,
    )


# --- the regulator and the appeal from its decision ------------------------------------------------------


def regulator_submissions_due(regime: Regime, received: dt.date, calendar: HolidayCalendar) -> dt.date:
    """When the authority's reply to the regulator about a complaint is assumed due.

    s.50 FOIA (reg 18 EIR) and s.47/s.49(3)(a) FOISA (reg 17 EISR): the regulator asks for the
    authority's comments by a date of its own; until it is known, `REGULATOR_SUBMISSIONS_WORKING_DAYS`
    working days of the regime from receipt of its letter [UNVERIFIED].
    """
    return add_working_days(received, REGULATOR_SUBMISSIONS_WORKING_DAYS, rule_for(regime), calendar)


def appeal_forum(regime: Regime) -> AppealForum:
    """Where a decision notice of the regulator under ``regime`` is appealed (s.57 FOIA; s.56 FOISA)."""
    return regime.rules.appeal


@dataclass(frozen=True, slots=True)
class DecisionNoticeDeadlines:
    """What a decision notice dated ``notice_on`` starts: the last day to appeal and the day to comply by.

    ``comply_by_lifted`` says the period given was shorter than the appeal period and was lifted to it
    (s.50(6) FOIA). Once an appeal is brought, steps it affects wait for its outcome (s.50(6) FOIA).
    """

    regime: Regime
    notice_on: dt.date
    forum: AppealForum
    appeal_by: dt.date
    compliance_days: int
    comply_by: dt.date
    comply_by_lifted: bool
    calendar_version: str


def appeal_last_day(regime: Regime, notice_on: dt.date, calendar: HolidayCalendar) -> dt.date:
    """The last day an appeal against a decision notice dated ``notice_on`` can be brought.

    FOIA/EIR: 28 days from the date the notice was sent (r.22(1)(b) GRC Rules 2009), moved to the next
    working day if it ends on another day (r.12(2)). FOISA/EISR: 42 days (UNVERIFIED, see the constant).
    """
    forum = appeal_forum(regime)
    last = notice_on + dt.timedelta(days=forum.days)
    if forum.moves_to is None:
        return last
    return next_working_day_on_or_after(last, forum.moves_to, calendar)


def decision_notice_deadlines(
    regime: Regime,
    notice_on: dt.date,
    calendar: HolidayCalendar,
    *,
    compliance_days: int = DECISION_NOTICE_COMPLIANCE_DAYS,
) -> DecisionNoticeDeadlines:
    """The deadlines a decision notice starts, for the notice's period of ``compliance_days`` calendar days.

    s.50(6) FOIA (and, for Scotland, the like rule for s.49 decisions [UNVERIFIED: subsection]): the time
    for the steps "must not expire before the end of the period within which an appeal can be brought", so
    a shorter period is lifted to the last day to appeal.
    """
    if compliance_days < 1:
        raise EscalationError(f"a decision notice gives at least one day to comply, not {compliance_days}")
    appeal_by = appeal_last_day(regime, notice_on, calendar)
    stated = notice_on + dt.timedelta(days=compliance_days)
    return DecisionNoticeDeadlines(
        regime=regime,
        notice_on=notice_on,
        forum=appeal_forum(regime),
        appeal_by=appeal_by,
        compliance_days=compliance_days,
        comply_by=max(stated, appeal_by),  # s.50(6) FOIA
        comply_by_lifted=stated < appeal_by,
        calendar_version=calendar.version,
    )
