"""The timeliness dashboard: the Cabinet Office categories by month and quarter against the ICO's 90%,
the open backlog, and each officer's workload; downloadable as CSV and ODS.

Timeliness counts to ``responded_on``, the day the response was *sent* to the requester (the workflow's
SENT state), not the day it was published: s.10(1) FOIA asks when the authority complied, and it
complies when the requester has the answer. One query reads the year's requests (and every open one)
as plain values; the categories come from core/timeliness.py, so they have one home.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from foidesk.core.regime import Regime
from foidesk.core.timeliness import (
    Backlog,
    PeriodFigures,
    Timeliness,
    TimelinessRecord,
    backlog,
    by_month,
    by_quarter,
    classify,
)
from foidesk.core.workflow import State
from foidesk.render.charts import timeliness_chart
from foidesk.render.spreadsheets import ReleasedWorkbook, TableSheet, table_csv, workbook_ods
from foidesk.web.cases.models import OPEN_STATE_VALUES
from foidesk.web.cases.selectors import Urgency, case_workers, cases_visible_to, urgency_on

MONTHS_SHOWN = 12
ODS_CONTENT_TYPE = "application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True, slots=True)
class CaseFigures:
    """One request as the statistics read it: the timeliness record plus who has it and its state."""

    record: TimelinessRecord
    officer_id: int | None
    is_open: bool


def case_figures(user: User | AnonymousUser, since: dt.date) -> list[CaseFigures]:
    """Every visible request received or answered since ``since``, and every open one (one query).

    Withdrawn and lapsed requests are left out: the Cabinet Office counts neither as answered nor late.
    """
    cases = cases_visible_to(user).exclude(status__in=[State.WITHDRAWN, State.LAPSED])
    rows = cases.filter(
        Q(received_on__gte=since) | Q(responded_on__gte=since) | Q(status__in=OPEN_STATE_VALUES)
    ).values_list(
        "received_on", "regime", "due_on", "extended_due_on", "responded_on", "assigned_to_id", "status"
    )
    open_states = set(OPEN_STATE_VALUES)
    return [
        CaseFigures(
            record=TimelinessRecord(
                received=received, regime=Regime(regime), due=due, extended_due=extended, answered_on=answered
            ),
            officer_id=officer,
            is_open=status in open_states,
        )
        for received, regime, due, extended, answered, officer, status in rows.iterator(chunk_size=5000)
    ]


@dataclass(frozen=True, slots=True)
class Workload:
    """One officer's cases: open now, overdue, due this week, and answered in time over the last year."""

    officer_id: int | None
    name: str
    open: int
    overdue: int
    due_this_week: int
    answered: int
    answered_in_time: int

    @property
    def percent_in_time(self) -> str:
        return f"{self.answered_in_time / self.answered * 100:.1f}" if self.answered else ""


def workload(figures: Sequence[CaseFigures], urgency: Urgency, since: dt.date) -> list[Workload]:
    """Per officer (every case worker, and anyone else holding cases; "Unassigned" last when any).

    Overdue and due this week are the case list's (working days left); in time is the Cabinet Office's,
    over requests answered (sent) on or after ``since``.
    """
    tallies: dict[int | None, list[int]] = {}
    for f in figures:
        tally = tallies.setdefault(f.officer_id, [0, 0, 0, 0, 0])
        last_day = f.record.extended_due or f.record.due
        if f.is_open:
            tally[0] += 1
            tally[1] += urgency.is_overdue(f.record.regime, last_day)
            tally[2] += urgency.is_due_soon(f.record.regime, last_day)
        elif f.record.answered_on is not None and f.record.answered_on >= since:
            tally[3] += 1
            tally[4] += classify(f.record, urgency.today) in (
                Timeliness.WITHIN_20_WORKING_DAYS,
                Timeliness.WITHIN_EXTENSION,
            )
    people = {u.pk: u.get_full_name() or u.get_username() for u in case_workers()}
    missing = [pk for pk in tallies if pk is not None and pk not in people]
    people |= {u.pk: u.get_full_name() or u.get_username() for u in User.objects.filter(pk__in=missing)}
    result = [Workload(pk, name, *tallies.get(pk, [0, 0, 0, 0, 0])) for pk, name in people.items()]
    result.sort(key=lambda w: (-w.open, w.name))
    if None in tallies:
        result.append(Workload(None, "Unassigned", *tallies[None]))
    return result


@dataclass(frozen=True, slots=True)
class Dashboard:
    today: dt.date
    since: dt.date
    months: Sequence[PeriodFigures]
    quarters: Sequence[PeriodFigures]
    backlog: Backlog
    workload: Sequence[Workload]


def dashboard(user: User | AnonymousUser, today: dt.date) -> Dashboard:
    since = _months_back(today, MONTHS_SHOWN)
    figures = case_figures(user, since)
    records = [f.record for f in figures if f.record.received >= since or f.record.answered_on is None]
    return Dashboard(
        today=today,
        since=since,
        months=[m for m in by_month(records, today) if m.start >= since],
        quarters=[q for q in by_quarter(records, today) if q.end >= since],
        backlog=backlog(records, today),
        workload=workload(figures, urgency_on(today), since),
    )


@require_safe
@login_required
@permission_required("cases.view_statistics", raise_exception=True)
def statistics(request: HttpRequest) -> HttpResponse:
    board = dashboard(request.user, timezone.localdate())
    download = request.GET.get("format", "")
    if download == "csv":
        return _download(table_csv(_periods_table(board)), "text/csv; charset=utf-8", "csv")
    if download == "ods":
        return _download(workbook_ods(_workbook(board)), ODS_CONTENT_TYPE, "ods")
    return render(
        request,
        "staff/statistics.html",
        {
            "months": board.months,
            "quarters": board.quarters,
            "chart": mark_safe(timeliness_chart(board.months)),
            "backlog": board.backlog,
            "workload": board.workload,
            "since": board.since,
            "today": board.today,
        },
    )


def _download(content: bytes, content_type: str, extension: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="foi-timeliness.{extension}"'
    return response


PERIOD_HEADER = (
    "period",
    "start",
    "end",
    "received",
    "within_20_working_days",
    "within_permitted_extension",
    "late",
    "open_not_yet_due",
    "percent_in_time",
    "ico_band",
)


def _periods_table(
    board: Dashboard, periods: Sequence[PeriodFigures] | None = None, name: str = "Periods"
) -> TableSheet:
    chosen = [*board.months, *board.quarters] if periods is None else periods
    return TableSheet(
        name=name,
        title=f"Requests by {name.lower().rstrip('s')} received, Cabinet Office timeliness categories",
        header=PERIOD_HEADER,
        rows=[[p.as_row()[key] for key in PERIOD_HEADER] for p in chosen],
    )


def _workbook(board: Dashboard) -> ReleasedWorkbook:
    b = board.backlog
    return ReleasedWorkbook(
        title="FOI timeliness",
        cover=[
            f"Requests received from {board.since.isoformat()} to {board.today.isoformat()}, "
            f"and the open backlog on {board.today.isoformat()}.",
            "Timeliness is counted to the day the response was sent to the requester "
            "(Cabinet Office categories); the ICO expects at least 90% in time.",
        ],
        tables=[
            TableSheet(
                name="Backlog",
                title=f"Open requests on {b.as_of.isoformat()}",
                header=("measure", "requests"),
                rows=[
                    ["open", b.open],
                    ["overdue", b.overdue],
                    ["open over 6 months", b.over_six_months],
                    ["open over a year", b.over_a_year],
                ],
            ),
            _periods_table(board, board.months, "Months"),
            _periods_table(board, board.quarters, "Quarters"),
            TableSheet(
                name="Workload",
                title="Workload per officer",
                header=(
                    "officer",
                    "open",
                    "overdue",
                    "due_this_week",
                    "answered_last_12_months",
                    "answered_in_time",
                    "percent_in_time",
                ),
                rows=[
                    [
                        w.name,
                        w.open,
                        w.overdue,
                        w.due_this_week,
                        w.answered,
                        w.answered_in_time,
                        w.percent_in_time,
                    ]
                    for w in board.workload
                ],
            ),
        ],
    )


def _months_back(today: dt.date, months: int) -> dt.date:
    year, month = divmod(today.year * 12 + today.month - 1 - (months - 1), 12)
    return dt.date(year, month + 1, 1)
