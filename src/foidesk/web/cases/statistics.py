"""The timeliness dashboard: the Cabinet Office categories by month and quarter, against the ICO's 90%."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence

from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.models import AnonymousUser, User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from foidesk.core.regime import Regime
from foidesk.core.timeliness import PeriodFigures, TimelinessRecord, backlog, by_month, by_quarter
from foidesk.core.workflow import State
from foidesk.render.charts import timeliness_chart
from foidesk.web.cases.models import OPEN_STATE_VALUES
from foidesk.web.cases.selectors import cases_visible_to

MONTHS_SHOWN = 12


def timeliness_records(user: User | AnonymousUser, since: dt.date) -> list[TimelinessRecord]:
    """Every visible request received since ``since`` (and every open one) as the statistics see it."""
    cases = cases_visible_to(user).exclude(status__in=[State.WITHDRAWN, State.LAPSED])
    rows = cases.filter(received_on__gte=since) | cases.filter(status__in=OPEN_STATE_VALUES)
    return [
        TimelinessRecord(
            received=received,
            regime=Regime(regime),
            due=due,
            extended_due=extended,
            answered_on=answered,
        )
        for received, regime, due, extended, answered in rows.values_list(
            "received_on", "regime", "due_on", "extended_due_on", "responded_on"
        )
    ]


@require_safe
@login_required
@permission_required("cases.view_statistics", raise_exception=True)
def statistics(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    since = _months_back(today, MONTHS_SHOWN)
    records = timeliness_records(request.user, since)
    months = [m for m in by_month(records, today) if m.start >= since]
    quarters = [q for q in by_quarter(records, today) if q.end >= since]
    if request.GET.get("format") == "csv":
        return _csv(months, quarters)
    return render(
        request,
        "staff/statistics.html",
        {
            "months": months,
            "quarters": quarters,
            "chart": mark_safe(timeliness_chart(months)),
            "backlog": backlog(records, today),
            "today": today,
        },
    )


def _csv(months: Sequence[PeriodFigures], quarters: Sequence[PeriodFigures]) -> HttpResponse:
    buffer = io.StringIO()
    rows = [p.as_row() for p in [*months, *quarters]]
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["period"])
    writer.writeheader()
    writer.writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="foi-timeliness.csv"'
    return response


def _months_back(today: dt.date, months: int) -> dt.date:
    year, month = divmod(today.year * 12 + today.month - 1 - (months - 1), 12)
    return dt.date(year, month + 1, 1)
