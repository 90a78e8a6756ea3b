"""Reads of cases. `cases_visible_to` is the one gate to what a member of staff may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet
from django.http import Http404

from foidesk.core import clock
from foidesk.core.regime import Regime
from foidesk.web.cases.models import OPEN_STATE_VALUES, Part, Request

DUE_SOON_WORKING_DAYS = 5


def cases_visible_to(user: User | AnonymousUser) -> QuerySet[Request]:
    """Every case view starts here: staff with the case-work permission see cases; nobody else does."""
    if not user.is_authenticated or not user.is_active or not user.has_perm("cases.view_request"):
        return Request.objects.none()
    return Request.objects.all()


@dataclass(frozen=True, slots=True)
class CaseRow:
    request: Request
    due: dt.date
    working_days_left: int  # negative when late

    @property
    def is_overdue(self) -> bool:
        return self.request.is_open and self.working_days_left < 0

    @property
    def is_due_soon(self) -> bool:
        return self.request.is_open and 0 <= self.working_days_left <= DUE_SOON_WORKING_DAYS


CASE_FILTERS = {
    "open": "Open",
    "due-soon": "Due this week",
    "overdue": "Overdue",
    "mine": "Assigned to me",
    "closed": "Answered or closed",
    "all": "All",
}


def case_rows(user: User | AnonymousUser, *, show: str, today: dt.date) -> list[CaseRow]:
    """Cases for the case list, most urgent first (fewest working days left)."""
    cases = cases_visible_to(user).select_related("assigned_to")
    if show in ("open", "due-soon", "overdue"):
        cases = cases.filter(status__in=OPEN_STATE_VALUES)
    elif show == "mine":
        cases = cases.filter(assigned_to_id=user.pk, status__in=OPEN_STATE_VALUES)
    elif show == "closed":
        cases = cases.exclude(status__in=OPEN_STATE_VALUES)
    rows = [case_row(request, today) for request in cases]
    if show == "overdue":
        rows = [row for row in rows if row.is_overdue]
    elif show == "due-soon":
        rows = [row for row in rows if row.is_due_soon]
    rows.sort(key=lambda row: (not row.request.is_open, row.working_days_left, row.request.reference))
    return rows


def case_row(request: Request, today: dt.date) -> CaseRow:
    due = request.extended_due_on or request.due_on
    end = request.responded_on if not request.is_open and request.responded_on else today
    left = clock.working_days_between(end, due, Regime(request.regime), clock.default_calendar())
    return CaseRow(request=request, due=due, working_days_left=left)


def case_for(user: User | AnonymousUser, reference: str) -> Request | None:
    return (
        cases_visible_to(user)
        .select_related("assigned_to", "publication")
        .prefetch_related(
            "parts__decision__exemptions",
            "parts__answers",
            "parts__decision__s21_publication",
            "clock_events__recorded_by",
            "documents",
            "reviews",
        )
        .filter(reference=reference)
        .first()
    )


def case_or_404(user: User | AnonymousUser, reference: str) -> Request:
    """The case, if this user may see it; a 404 otherwise (whether it exists is not given away)."""
    case = case_for(user, reference)
    if case is None:
        raise Http404("No case has that reference.")
    return case


def part_or_404(case: Request, position: int) -> Part:
    part = case.parts.filter(position=position).first()
    if part is None:
        raise Http404("No such part.")
    return part


def case_counts(user: User | AnonymousUser, today: dt.date) -> dict[str, int]:
    rows = case_rows(user, show="open", today=today)
    return {
        "open": len(rows),
        "overdue": sum(row.is_overdue for row in rows),
        "due_soon": sum(row.is_due_soon for row in rows),
        "unassigned": sum(row.request.assigned_to_id is None for row in rows),
        "mine": sum(row.request.assigned_to_id == user.pk for row in rows),
    }


def search_cases(user: User | AnonymousUser, q: str) -> QuerySet[Request]:
    return cases_visible_to(user).filter(
        Q(reference__icontains=q) | Q(title__icontains=q) | Q(requester_name__icontains=q)
    )
