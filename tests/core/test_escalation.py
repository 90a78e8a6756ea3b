"""Deadlines after the response. Every expected date was counted by hand on a printed calendar; the comment
beside it lists the days that do not count."""

from __future__ import annotations

import datetime as dt

import pytest

from foidesk.core.escalation import (
    EscalationError,
    appeal_forum,
    appeal_last_day,
    decision_notice_deadlines,
    regulator_submissions_due,
    review_clock,
    review_window_ends,
)
from foidesk.core.holiday_calendar import HolidayCalendar
from foidesk.core.regime import Regime

D = dt.date
FOIA, EIR, FOISA, EISR = Regime.FOIA, Regime.EIR, Regime.FOISA, Regime.EISR


# --- the review's own clock ------------------------------------------------------------------------------


def test_foia_review_over_christmas_skips_scotlands_second_of_january(calendar: HolidayCalendar) -> None:
    # Asked Fri 13 Dec 2024. Not counted: 25, 26 Dec, 1 Jan and (s.10(6): any part of the UK) 2 Jan 2025.
    # Day 20 is Thu 16 Jan; day 40, the ICO's outer limit, is Thu 13 Feb 2025.
    review = review_clock(FOIA, responded=D(2024, 12, 2), requested=D(2024, 12, 13), calendar=calendar)
    assert review.due == D(2025, 1, 16)
    assert review.latest_due == D(2025, 2, 13)
    assert (review.working_days, review.latest_working_days) == (20, 40)
    assert not review.late


def test_foisa_review_counts_st_patricks_day_that_foia_skips(calendar: HolidayCalendar) -> None:
    # Asked Wed 12 Mar 2025. FOISA s.73 counts Mon 17 Mar (a Northern Irish holiday only): day 20 is
    # Wed 9 Apr. FOIA skips it, so day 20 is Thu 10 Apr 2025.
    assert review_clock(FOISA, responded=D(2025, 3, 3), requested=D(2025, 3, 12), calendar=calendar).due == D(
        2025, 4, 9
    )
    assert review_clock(FOIA, responded=D(2025, 3, 3), requested=D(2025, 3, 12), calendar=calendar).due == D(
        2025, 4, 10
    )


def test_eir_reconsideration_takes_forty_working_days_over_easter(calendar: HolidayCalendar) -> None:
    # reg 11(4) EIR. Asked Wed 12 Mar 2025; not counted: 17 Mar (NI), Good Friday 18 Apr, Easter Monday
    # 21 Apr, Early May 5 May. Day 40 is Tue 13 May 2025, and it is also the latest date.
    review = review_clock(EIR, responded=D(2025, 3, 3), requested=D(2025, 3, 12), calendar=calendar)
    assert review.due == review.latest_due == D(2025, 5, 13)
    assert "reg 11(4)" in review.due_provision


def test_days_left_count_working_days_to_the_review_date(calendar: HolidayCalendar) -> None:
    review = review_clock(FOIA, responded=D(2024, 12, 2), requested=D(2024, 12, 13), calendar=calendar)
    # From Thu 9 Jan 2025 to Thu 16 Jan: Fri 10, Mon 13, Tue 14, Wed 15, Thu 16.
    assert review.days_left(D(2025, 1, 9), calendar) == 5
    assert review.days_left(D(2025, 1, 16), calendar) == 0
    assert review.days_left(D(2025, 1, 17), calendar) == -1


def test_a_review_cannot_be_asked_for_before_the_response(calendar: HolidayCalendar) -> None:
    with pytest.raises(EscalationError, match="before the response"):
        review_clock(FOIA, responded=D(2025, 3, 12), requested=D(2025, 3, 11), calendar=calendar)


# --- the window in which a review may be asked for ------------------------------------------------------


def test_foia_review_asked_for_after_forty_working_days_is_late(calendar: HolidayCalendar) -> None:
    # Responded Fri 13 Dec 2024: the 40th working day after it is Thu 13 Feb 2025 (see above).
    assert review_window_ends(FOIA, D(2024, 12, 13), calendar) == D(2025, 2, 13)
    on_time = review_clock(FOIA, responded=D(2024, 12, 13), requested=D(2025, 2, 13), calendar=calendar)
    late = review_clock(FOIA, responded=D(2024, 12, 13), requested=D(2025, 2, 14), calendar=calendar)
    assert (on_time.late, late.late) == (False, True)
    assert late.window_ends == D(2025, 2, 13)


def test_foisa_window_runs_from_the_end_of_the_twenty_days_when_the_answer_came_early(
    calendar: HolidayCalendar,
) -> None:
    # s.20(5)(a) FOISA. Due Wed 9 Apr 2025, answered early on Mon 24 Mar. Scottish days not counted:
    # Good Friday 18 Apr, Early May 5 May, Spring 26 May (Easter Monday 21 Apr counts). Day 40 after
    # 9 Apr is Mon 9 Jun 2025.
    ends = review_window_ends(FOISA, D(2025, 3, 24), calendar, response_due=D(2025, 4, 9))
    assert ends == D(2025, 6, 9)


def test_foisa_window_runs_from_a_late_response(calendar: HolidayCalendar) -> None:
    # s.20(5)(b) FOISA. Due Wed 9 Apr 2025, answered late on Wed 16 Apr: five working days later than
    # the count above, so day 40 is Mon 16 Jun 2025.
    ends = review_window_ends(FOISA, D(2025, 4, 16), calendar, response_due=D(2025, 4, 9))
    assert ends == D(2025, 6, 16)


def test_foia_window_ignores_the_due_date_of_the_response(calendar: HolidayCalendar) -> None:
    assert review_window_ends(FOIA, D(2024, 12, 13), calendar, response_due=D(2025, 1, 10)) == D(2025, 2, 13)


# --- the regulator and appeals ---------------------------------------------------------------------------


def test_regulator_submissions_assumed_due_in_twenty_working_days(calendar: HolidayCalendar) -> None:
    # Complaint letter received Fri 13 Dec 2024: the 20th working day after is Thu 16 Jan 2025.
    assert regulator_submissions_due(FOIA, D(2024, 12, 13), calendar) == D(2025, 1, 16)


def test_foia_appeal_is_to_the_first_tier_tribunal_within_28_days(calendar: HolidayCalendar) -> None:
    # Notice Fri 1 Aug 2025 + 28 days = Fri 29 Aug 2025, a working day.
    assert appeal_forum(FOIA).name.startswith("First-tier Tribunal")
    assert appeal_forum(EIR).provision == "s.57 FOIA, as applied by reg 18 EIR"
    assert appeal_last_day(FOIA, D(2025, 8, 1), calendar) == D(2025, 8, 29)


def test_foia_appeal_ending_on_the_august_bank_holiday_moves_to_the_next_working_day(
    calendar: HolidayCalendar,
) -> None:
    # Notice Mon 28 Jul 2025 + 28 days = Mon 25 Aug 2025, the summer bank holiday in England and Wales:
    # the appeal is in time on Tue 26 Aug (r.12(2) GRC Rules 2009).
    assert appeal_last_day(FOIA, D(2025, 7, 28), calendar) == D(2025, 8, 26)


def test_foisa_appeal_is_to_the_court_of_session_within_42_days(calendar: HolidayCalendar) -> None:
    # Notice Mon 28 Jul 2025 + 42 days = Mon 8 Sep 2025.
    assert appeal_forum(FOISA).name.startswith("Court of Session")
    assert appeal_forum(EISR).provision == "s.56 FOISA, as applied by reg 17 EISR"
    assert appeal_last_day(FOISA, D(2025, 7, 28), calendar) == D(2025, 9, 8)


def test_decision_notice_gives_35_days_to_comply_by_default(calendar: HolidayCalendar) -> None:
    # Notice Mon 28 Jul 2025 + 35 days = Mon 1 Sep 2025, after the last day to appeal (Tue 26 Aug).
    notice = decision_notice_deadlines(FOIA, D(2025, 7, 28), calendar)
    assert (notice.appeal_by, notice.comply_by, notice.comply_by_lifted) == (
        D(2025, 8, 26),
        D(2025, 9, 1),
        False,
    )


def test_time_to_comply_never_ends_before_the_appeal_period(calendar: HolidayCalendar) -> None:
    # s.50(6) FOIA. 20 days from Mon 28 Jul 2025 is Sun 17 Aug; lifted to Tue 26 Aug.
    notice = decision_notice_deadlines(FOIA, D(2025, 7, 28), calendar, compliance_days=20)
    assert (notice.comply_by, notice.comply_by_lifted) == (D(2025, 8, 26), True)
    # FOISA: the ICO-style 35 days (Mon 1 Sep) is shorter than the 42 to appeal (Mon 8 Sep).
    scottish = decision_notice_deadlines(FOISA, D(2025, 7, 28), calendar)
    assert (scottish.comply_by, scottish.comply_by_lifted) == (D(2025, 9, 8), True)


def test_a_decision_notice_gives_some_time_to_comply(calendar: HolidayCalendar) -> None:
    with pytest.raises(EscalationError):
        decision_notice_deadlines(FOIA, D(2025, 7, 28), calendar, compliance_days=0)
