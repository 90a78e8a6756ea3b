"""Reads of cases. `cases_visible_to` is the one gate to what a member of staff may see.

The case lists filter, sort and count in the database so that they stay fast with 100,000 cases:
the working days left are computed only for the rows on the page. Ordering by the last permitted
day (``coalesce(extended_due_on, due_on)``) orders exactly as the working days left do, and "overdue"
and "due this week" become date comparisons against two thresholds the clock computes once per
request, for each working-day rule (s.10(6) FOIA for the UK regimes, s.73 FOISA for Scotland's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser, User
from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404, QueryDict

from foidesk.core import clock
from foidesk.core.holiday_calendar import WorkingDayRule, is_working_day_by_rule
from foidesk.core.regime import Regime
from foidesk.core.workflow import Role, State
from foidesk.web.cases.models import OPEN_STATE_VALUES, Channel, Part, Request

DUE_SOON_WORKING_DAYS = 5
CASES_PER_PAGE = 50
SEARCH_MAX_CHARACTERS = 200
# The workflow's case workers (core/workflow.py `_CASE_WORKERS`): who may be assigned a case.
CASE_WORK_ROLES = (Role.CASE_OFFICER, Role.DECISION_MAKER, Role.ADMINISTRATOR)


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

    @property
    def next_step(self) -> str:
        return NEXT_STEPS.get(self.request.state, "")


# What the officer does next, from the case's state (core/workflow.py's table, in an officer's words).
NEXT_STEPS: Mapping[State, str] = {
    State.RECEIVED: "Acknowledge and start work",
    State.ACKNOWLEDGED: "Start work",
    State.IN_PROGRESS: "Record decisions and submit for approval",
    State.AWAITING_CLARIFICATION: "Wait for the requester to clarify",
    State.AWAITING_FEE: "Wait for the fee",
    State.AWAITING_APPROVAL: "Awaiting approval",
    State.APPROVED: "Send the response",
}


def case_row(request: Request, today: dt.date) -> CaseRow:
    due = request.extended_due_on or request.due_on
    end = request.responded_on if not request.is_open and request.responded_on else today
    left = clock.working_days_between(end, due, Regime(request.regime), clock.default_calendar())
    return CaseRow(request=request, due=due, working_days_left=left)


# --- urgency as date thresholds ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Urgency:
    """For each working-day rule: a case is overdue when its last day is before ``overdue_before``,
    due this week when before ``due_soon_before`` (and not overdue).

    With ``left = working_days_between(today, due)``: ``left < 0`` exactly when ``due`` is before the
    last working day on or before today, and ``left <= 5`` exactly when ``due`` is before the sixth
    working day after today. The same answers as `CaseRow`, as date comparisons a database can index.
    """

    today: dt.date
    overdue_before: Mapping[WorkingDayRule, dt.date]
    due_soon_before: Mapping[WorkingDayRule, dt.date]

    def overdue_q(self) -> Q:
        return self._before(self.overdue_before)

    def due_soon_q(self) -> Q:
        return self._before(self.due_soon_before) & ~self.overdue_q()

    def _before(self, limits: Mapping[WorkingDayRule, dt.date]) -> Q:
        query = Q(pk__in=[])
        for rule, limit in limits.items():
            query |= Q(regime__in=_REGIMES_BY_RULE[rule], last_day__lt=limit)
        return query & Q(status__in=OPEN_STATE_VALUES)

    def is_overdue(self, regime: str, last_day: dt.date) -> bool:
        return last_day < self.overdue_before[clock.rule_for(Regime(regime))]

    def is_due_soon(self, regime: str, last_day: dt.date) -> bool:
        rule = clock.rule_for(Regime(regime))
        return self.overdue_before[rule] <= last_day < self.due_soon_before[rule]


_REGIMES_BY_RULE: Mapping[WorkingDayRule, list[str]] = {
    rule: [r.value for r in Regime if clock.rule_for(r) is rule]
    for rule in (WorkingDayRule.UNITED_KINGDOM, WorkingDayRule.SCOTLAND)
}


def urgency_on(today: dt.date) -> Urgency:
    calendar = clock.default_calendar()
    overdue: dict[WorkingDayRule, dt.date] = {}
    soon: dict[WorkingDayRule, dt.date] = {}
    for rule in _REGIMES_BY_RULE:
        last_working = today
        while not is_working_day_by_rule(last_working, rule, calendar):
            last_working -= dt.timedelta(days=1)
        overdue[rule] = last_working
        soon[rule] = clock.add_working_days(today, DUE_SOON_WORKING_DAYS + 1, rule, calendar)
    return Urgency(today=today, overdue_before=overdue, due_soon_before=soon)


def _with_last_day(cases: QuerySet[Request]) -> QuerySet[Request]:
    return cases.annotate(last_day=Coalesce(F("extended_due_on"), F("due_on")))


# --- the case list's filter ----------------------------------------------------------------------

CASE_FILTERS = {
    "open": "Open",
    "due-soon": "Due this week",
    "overdue": "Overdue",
    "mine": "Assigned to me",
    "closed": "Answered or closed",
    "all": "All",
}
UNASSIGNED = "none"
FILTER_KEYS = ("show", "officer", "regime", "channel", "received_from", "received_to", "q")


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """What the case list shows: a tab (``show``) narrowed by officer, regime, channel, dates and text."""

    show: str = "open"
    officer: int | str | None = None  # a user id, or UNASSIGNED
    regime: str = ""
    channel: str = ""
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    q: str = ""
    errors: tuple[str, ...] = field(default=())

    def query_string(self) -> str:
        """The filter as a query string with only the keys set (what a saved filter stores)."""
        query = QueryDict(mutable=True)
        values: dict[str, object] = {
            "show": self.show if self.show != "open" else "",
            "officer": self.officer if self.officer is not None else "",
            "regime": self.regime,
            "channel": self.channel,
            "received_from": self.received_from.isoformat() if self.received_from else "",
            "received_to": self.received_to.isoformat() if self.received_to else "",
            "q": self.q,
        }
        for key in FILTER_KEYS:
            if values[key] != "":
                query[key] = str(values[key])
        return query.urlencode()

    @property
    def is_narrowed(self) -> bool:
        narrowing = (self.regime, self.channel, self.received_from, self.received_to, self.q)
        return self.officer is not None or any(narrowing)


def case_filter_from(params: QueryDict | Mapping[str, str]) -> CaseFilter:
    """Read a filter from request parameters: unknown keys are dropped, each bad value is left out and
    explained in ``errors`` (shown to the officer) rather than failing the page."""
    get = params.get
    errors: list[str] = []
    show = (get("show") or "open").strip()
    if show not in CASE_FILTERS:
        errors.append(f"“{show[:40]}” is not a list FOI Desk has: showing open cases.")
        show = "open"
    officer: int | str | None = None
    raw_officer = (get("officer") or "").strip()
    if raw_officer == UNASSIGNED:
        officer = UNASSIGNED
    elif raw_officer:
        if raw_officer.isdigit():
            officer = int(raw_officer)
        else:
            errors.append("Choose an officer from the list.")
    regime = (get("regime") or "").strip()
    if regime and regime not in {r.value for r in Regime}:
        errors.append("Choose a regime from the list.")
        regime = ""
    channel = (get("channel") or "").strip()
    if channel and channel not in Channel.values:
        errors.append("Choose a channel from the list.")
        channel = ""
    received_from = _date_or_error(get("received_from"), "Received from", errors)
    received_to = _date_or_error(get("received_to"), "Received to", errors)
    if received_from and received_to and received_from > received_to:
        errors.append("“Received from” must be on or before “Received to”.")
        received_from = received_to = None
    q = (get("q") or "").strip()
    if len(q) > SEARCH_MAX_CHARACTERS:
        errors.append(f"Search for at most {SEARCH_MAX_CHARACTERS} characters.")
        q = q[:SEARCH_MAX_CHARACTERS]
    return CaseFilter(
        show=show,
        officer=officer,
        regime=regime,
        channel=channel,
        received_from=received_from,
        received_to=received_to,
        q=q,
        errors=tuple(errors),
    )


def _date_or_error(raw: str | None, label: str, errors: list[str]) -> dt.date | None:
    text = (raw or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        errors.append(f"“{label}” must be a real date, like 2024-03-31.")
        return None


def filtered_cases(user: User | AnonymousUser, case_filter: CaseFilter, today: dt.date) -> QuerySet[Request]:
    """The visible cases the filter selects, most urgent first: open before answered, then by last day."""
    cases = _with_last_day(cases_visible_to(user))
    urgency = urgency_on(today)
    show = case_filter.show
    if show == "open":
        cases = cases.filter(status__in=OPEN_STATE_VALUES)
    elif show == "overdue":
        cases = cases.filter(urgency.overdue_q())
    elif show == "due-soon":
        cases = cases.filter(urgency.due_soon_q())
    elif show == "mine":
        cases = cases.filter(assigned_to_id=user.pk, status__in=OPEN_STATE_VALUES)
    elif show == "closed":
        cases = cases.exclude(status__in=OPEN_STATE_VALUES)
    if case_filter.officer == UNASSIGNED:
        cases = cases.filter(assigned_to__isnull=True)
    elif isinstance(case_filter.officer, int):
        cases = cases.filter(assigned_to_id=case_filter.officer)
    if case_filter.regime:
        cases = cases.filter(regime=case_filter.regime)
    if case_filter.channel:
        cases = cases.filter(channel=case_filter.channel)
    if case_filter.received_from:
        cases = cases.filter(received_on__gte=case_filter.received_from)
    if case_filter.received_to:
        cases = cases.filter(received_on__lte=case_filter.received_to)
    if case_filter.q:
        cases = cases.filter(Q(reference__icontains=case_filter.q) | Q(title__icontains=case_filter.q))
    answered_last = Case(
        When(status__in=OPEN_STATE_VALUES, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return cases.annotate(answered_last=answered_last).order_by("answered_last", "last_day", "reference")


@dataclass(frozen=True, slots=True)
class CasePage:
    """One page of a case list: its rows (with working days left) and the paginator's page."""

    rows: Sequence[CaseRow]
    page: Page[int]  # the pager: numbers and links (its object_list holds the page's ids)

    @property
    def total(self) -> int:
        return self.page.paginator.count


def case_page(cases: QuerySet[Request], page_number: str | None, today: dt.date) -> CasePage:
    """The page asked for (the last if past the end, the first if not a number), rows computed for it only.

    The database sorts and skips narrow rows (the keys only) and then reads the page's 50 cases whole:
    sorting 100,000 full rows (request text and all) to reach a deep page would spill to disk.
    """
    paginator = Paginator(cases.values_list("pk", flat=True), CASES_PER_PAGE, allow_empty_first_page=True)
    page = paginator.get_page(page_number)
    ids = list(page.object_list)
    by_id = Request.objects.select_related("assigned_to").in_bulk(ids)
    return CasePage(rows=[case_row(by_id[pk], today) for pk in ids if pk in by_id], page=page)


def my_work(user: User | AnonymousUser, today: dt.date) -> QuerySet[Request]:
    """The signed-in officer's open cases, fewest working days left first."""
    return filtered_cases(user, CaseFilter(show="mine"), today)


def urgent_rows(user: User | AnonymousUser, today: dt.date, limit: int = 10) -> list[CaseRow]:
    """The most urgent open cases that are overdue or due this week, for the overview."""
    urgency = urgency_on(today)
    cases = filtered_cases(user, CaseFilter(show="open"), today).filter(
        urgency.overdue_q() | urgency.due_soon_q()
    )
    return [case_row(request, today) for request in cases.select_related("assigned_to")[:limit]]


def case_counts(user: User | AnonymousUser, today: dt.date) -> dict[str, int]:
    """The overview's numbers in one aggregate query."""
    urgency = urgency_on(today)
    open_cases = _with_last_day(cases_visible_to(user)).filter(status__in=OPEN_STATE_VALUES)
    counts = open_cases.aggregate(
        open=Count("pk"),
        overdue=Count("pk", filter=urgency.overdue_q()),
        due_soon=Count("pk", filter=urgency.due_soon_q()),
        unassigned=Count("pk", filter=Q(assigned_to__isnull=True)),
        mine=Count("pk", filter=Q(assigned_to_id=user.pk)),
    )
    return {key: int(value or 0) for key, value in counts.items()}


def case_workers() -> QuerySet[User]:
    """Active users holding a case-work role (or superusers): the only people a case may be assigned to."""
    return (
        User.objects.filter(is_active=True)
        .filter(Q(groups__name__in=[role.value for role in CASE_WORK_ROLES]) | Q(is_superuser=True))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


# --- one case ------------------------------------------------------------------------------------


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


def case_by_reference(reference: str) -> Request | None:
    """One case by its reference, for the operator's command line (which answers for every case)."""
    return Request.objects.filter(reference=reference).first()


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


def search_cases(user: User | AnonymousUser, q: str) -> QuerySet[Request]:
    return cases_visible_to(user).filter(
        Q(reference__icontains=q) | Q(title__icontains=q) | Q(requester_name__icontains=q)
    )
