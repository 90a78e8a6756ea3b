"""The staff workspace's lists over real HTTP: pages, my work, bulk assign, saved filters, statistics."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import tempfile
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone
from odf import teletype
from odf.opendocument import load
from odf.table import Table, TableCell, TableRow

from foidesk.core import clock
from foidesk.core.holiday_calendar import WorkingDayRule
from foidesk.core.release_check import check_file
from foidesk.core.workflow import State
from foidesk.web.accounts.roles import Role
from foidesk.web.audit.models import AuditEvent
from foidesk.web.cases import services
from foidesk.web.cases.models import Request, SavedFilter
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _open(days_ago: int, title: str = "", **fields: object) -> Request:
    case = services.request_open(
        text=f"Please tell me the number of Taser discharges in 2024. {title}",
        title=title,
        requester_name="A. Person",
        received_on=timezone.localdate() - dt.timedelta(days=days_ago),
        actor=None,
        parse=False,
    )
    if fields:
        Request.objects.filter(pk=case.pk).update(**fields)
        case.refresh_from_db()
    return case


def _working_days_from_today(days: int) -> dt.date:
    return clock.add_working_days(
        timezone.localdate(), days, WorkingDayRule.UNITED_KINGDOM, clock.default_calendar()
    )


@pytest.fixture
def officer() -> User:
    return UserFactory(username="olu", first_name="Olu", last_name="Officer", role=Role.CASE_OFFICER)


@pytest.fixture
def officer_client(client: Client, officer: User) -> Client:
    client.force_login(officer)
    return client


def _references(body: str) -> list[str]:
    return re.findall(r'name="case" type="checkbox" value="([^"]+)"', body)


# --- pages -------------------------------------------------------------------------------------------


def test_case_list_shows_fifty_a_page_most_urgent_first_across_pages(officer_client: Client) -> None:
    cases = [_open(days_ago) for days_ago in range(1, 56)]  # the oldest is the most urgent
    first = officer_client.get("/staff/cases/").content.decode()
    second = officer_client.get("/staff/cases/?page=2").content.decode()
    on_first, on_second = _references(first), _references(second)
    assert len(on_first) == 50 and len(on_second) == 5
    # Receipts over a weekend share a due date: the reference breaks the tie.
    expected = [c.reference for c in sorted(cases, key=lambda c: (c.due_on, c.reference))]
    assert on_first + on_second == expected
    assert on_first[0] == cases[-1].reference
    assert "55 cases, most urgent first" in first
    assert "govuk-pagination" in first and "Page </span>1 of 2" in first
    assert 'rel="next"' in first and 'rel="prev"' in second


def test_a_page_past_the_end_shows_the_last_page(officer_client: Client) -> None:
    case = _open(3)
    body = officer_client.get("/staff/cases/?page=99").content.decode()
    assert _references(body) == [case.reference]


def test_overview_counts_match_the_lists(officer_client: Client, officer: User) -> None:
    late = _open(60)
    soon = _open(5, due_on=_working_days_from_today(2))
    _open(1, assigned_to=officer)
    _open(90, status=State.SENT.value, responded_on=timezone.localdate() - dt.timedelta(days=20))
    body = officer_client.get("/staff/").content.decode()
    numbers = re.findall(r'govuk-!-font-size-36">(\d+)<', body)
    assert numbers == ["3", "1", "1", "1"]  # open, overdue, due this week, assigned to you
    assert late.reference in body and soon.reference in body
    overdue = officer_client.get("/staff/cases/?show=overdue").content.decode()
    due_soon = officer_client.get("/staff/cases/?show=due-soon").content.decode()
    assert _references(overdue) == [late.reference]
    assert _references(due_soon) == [soon.reference]


def test_filters_narrow_by_officer_regime_channel_dates_and_text(
    officer_client: Client, officer: User
) -> None:
    mine = _open(10, "Overtime of the dog unit", assigned_to=officer, channel="email")
    other = _open(20, "Vehicle pursuits", regime="eir")
    _open(400, "Old request about horses")
    assert _references(officer_client.get(f"/staff/cases/?officer={officer.pk}").content.decode()) == [
        mine.reference
    ]
    assert _references(officer_client.get("/staff/cases/?officer=none&regime=eir").content.decode()) == [
        other.reference
    ]
    assert _references(officer_client.get("/staff/cases/?channel=email").content.decode()) == [mine.reference]
    since = (timezone.localdate() - dt.timedelta(days=30)).isoformat()
    body = officer_client.get(f"/staff/cases/?received_from={since}&q=pursuits").content.decode()
    assert _references(body) == [other.reference]
    assert _references(officer_client.get(f"/staff/cases/?q={mine.reference}").content.decode()) == [
        mine.reference
    ]


def test_a_bad_filter_value_gives_a_message_not_an_error(officer_client: Client) -> None:
    case = _open(3)
    response = officer_client.get("/staff/cases/?received_from=31/02/2024&regime=gdpr&officer=x&show=<b>")
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    assert "“Received from” must be a real date, like 2024-03-31." in body
    assert "Choose a regime from the list." in body and "Choose an officer from the list." in body
    assert "<b>" not in body
    assert _references(body) == [case.reference]  # the rest of the filter still applies


# --- my work ---------------------------------------------------------------------------------------


def test_my_work_lists_only_my_open_cases_fewest_days_left_first_with_the_next_step(
    officer_client: Client, officer: User
) -> None:
    someone_else = UserFactory(role=Role.CASE_OFFICER)
    later = _open(2, assigned_to=officer, status=State.IN_PROGRESS.value)
    sooner = _open(15, assigned_to=officer, status=State.APPROVED.value)
    late = _open(40, assigned_to=officer, status=State.AWAITING_APPROVAL.value)
    not_mine = _open(30, assigned_to=someone_else)
    answered = _open(
        50,
        assigned_to=officer,
        status=State.SENT.value,
        responded_on=timezone.localdate() - dt.timedelta(days=5),
    )
    body = officer_client.get("/staff/my-work/").content.decode()
    positions = [body.index(c.reference) for c in (late, sooner, later)]
    assert positions == sorted(positions)
    assert not_mine.reference not in body and answered.reference not in body
    assert "Awaiting approval" in body and "Send the response" in body and "Record decisions" in body
    assert 'href="/staff/my-work/" aria-current="page"' in body


# --- bulk assign -----------------------------------------------------------------------------------


def test_bulk_assign_assigns_the_ticked_cases_and_audits_each(officer_client: Client) -> None:
    colleague = UserFactory(first_name="Cara", last_name="Colleague", role=Role.CASE_OFFICER)
    first, second, untouched = _open(3), _open(4), _open(5)
    response = officer_client.post(
        "/staff/assignments/",
        {"case": [first.reference, second.reference], "officer": str(colleague.pk), "filter": "show=all"},
    )
    assert response.status_code == 302 and response["Location"] == "/staff/cases/?show=all"
    assert set(Request.objects.filter(assigned_to=colleague).values_list("pk", flat=True)) == {
        first.pk,
        second.pk,
    }
    assert Request.objects.get(pk=untouched.pk).assigned_to is None
    events = AuditEvent.objects.filter(action="request.assigned", details__officer=colleague.username)
    assert sorted(events.values_list("object_id", flat=True)) == sorted([str(first.pk), str(second.pk)])
    assert "2 cases assigned to Cara Colleague." in officer_client.get(response["Location"]).content.decode()


def test_bulk_assign_lists_refused_cases_and_assigns_the_rest(officer_client: Client) -> None:
    colleague = UserFactory(role=Role.CASE_OFFICER)
    open_case = _open(3)
    sent = _open(40, status=State.SENT.value, responded_on=timezone.localdate() - dt.timedelta(days=3))
    response = officer_client.post(
        "/staff/assignments/", {"case": [sent.reference, open_case.reference], "officer": str(colleague.pk)}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body and f"{sent.reference}: You cannot assign this case" in body
    assert Request.objects.get(pk=open_case.pk).assigned_to == colleague
    assert Request.objects.get(pk=sent.pk).assigned_to is None


def test_only_case_workers_are_offered_and_accepted_as_assignees(officer_client: Client) -> None:
    publisher = UserFactory(first_name="Pat", last_name="Publisher", role=Role.PUBLISHER)
    case = _open(3)
    body = officer_client.get("/staff/cases/").content.decode()
    assert "Olu Officer" in body and "Pat Publisher" not in body
    response = officer_client.post(
        "/staff/assignments/", {"case": [case.reference], "officer": str(publisher.pk)}
    )
    assert response.status_code == 400
    assert "Choose the officer to assign the cases to." in response.content.decode()
    assert Request.objects.get(pk=case.pk).assigned_to is None


# --- saved filters ---------------------------------------------------------------------------------


def test_saved_filter_round_trip(officer_client: Client, officer: User) -> None:
    wanted = _open(10, "Dog unit overtime", regime="eir")
    _open(10, "Dog unit overtime", regime="foia")
    response = officer_client.post(
        "/staff/saved-filters/",
        {"name": "  EIR   dogs ", "filter": "show=all&regime=eir&q=dog&page=3&evil=1"},
    )
    saved = SavedFilter.objects.get(user=officer)
    assert saved.name == "EIR dogs"
    assert saved.query == "show=all&regime=eir&q=dog"  # unknown keys and the page are dropped
    assert response.status_code == 302 and response["Location"] == "/staff/cases/?show=all&regime=eir&q=dog"
    listing = officer_client.get("/staff/cases/").content.decode()
    assert 'href="/staff/cases/?show=all&amp;regime=eir&amp;q=dog">EIR dogs</a>' in listing
    assert _references(officer_client.get(response["Location"]).content.decode()) == [wanted.reference]
    other = Client()
    other.force_login(UserFactory(role=Role.CASE_OFFICER))
    assert "EIR dogs" not in other.get("/staff/cases/").content.decode()
    assert other.post(f"/staff/saved-filters/{saved.pk}/delete").status_code == 302
    assert SavedFilter.objects.filter(pk=saved.pk).exists()  # not theirs to delete
    officer_client.post(f"/staff/saved-filters/{saved.pk}/delete")
    assert not SavedFilter.objects.filter(pk=saved.pk).exists()


def test_saving_a_filter_with_a_bad_value_explains_and_saves_nothing(officer_client: Client) -> None:
    response = officer_client.post(
        "/staff/saved-filters/", {"name": "Bad", "filter": "received_to=yesterday"}
    )
    assert response.status_code == 400
    assert "“Received to” must be a real date" in response.content.decode()
    assert not SavedFilter.objects.exists()


# --- statistics ------------------------------------------------------------------------------------


@pytest.fixture
def statistics_cases(officer: User) -> dict[str, Request]:
    today = timezone.localdate()
    received = today - dt.timedelta(days=70)
    due = received + dt.timedelta(days=28)
    return {
        "overdue": _open(60, assigned_to=officer, due_on=today - dt.timedelta(days=10)),
        "due_soon": _open(20, assigned_to=officer, due_on=_working_days_from_today(2)),
        "later": _open(1, assigned_to=officer),
        "in_time": _open(
            70,
            assigned_to=officer,
            status=State.SENT.value,
            due_on=due,
            responded_on=due - dt.timedelta(days=3),
        ),
        "late": _open(
            70,
            assigned_to=officer,
            status=State.CLOSED.value,
            due_on=due,
            responded_on=due + dt.timedelta(days=9),
        ),
        "unassigned": _open(2),
    }


def _ods_tables(content: bytes) -> dict[str, list[list[str]]]:
    document = load(io.BytesIO(content))
    tables: dict[str, list[list[str]]] = {}
    for table in document.spreadsheet.getElementsByType(Table):
        rows = []
        for row in table.getElementsByType(TableRow):
            rows.append([teletype.extractText(cell) for cell in row.getElementsByType(TableCell)])
        tables[table.getAttribute("name")] = rows
    return tables


def test_workload_per_officer(client: Client, officer: User, statistics_cases: dict[str, Request]) -> None:
    client.force_login(UserFactory(first_name="Dana", last_name="Decider", role=Role.DECISION_MAKER))
    body = client.get("/staff/statistics/").content.decode()
    cells = re.search(r"Olu Officer</a></th>(.*?)</tr>", body, re.S)
    assert cells is not None
    assert re.findall(r">([^<>]+)</td>", cells.group(1)) == ["3", "1", "1", "2", "1 (50.0%)"]
    unassigned = re.search(r">Unassigned</a></th>(.*?)</tr>", body, re.S)
    assert unassigned is not None and re.findall(r">([^<>]+)</td>", unassigned.group(1))[0] == "1"


def test_statistics_csv_and_ods_open_and_carry_the_page_numbers(
    client: Client, statistics_cases: dict[str, Request]
) -> None:
    client.force_login(UserFactory(role=Role.DECISION_MAKER))
    page = client.get("/staff/statistics/").content.decode()
    csv_response = client.get("/staff/statistics/?format=csv")
    assert csv_response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    received_month = statistics_cases["in_time"].received_on.strftime("%B %Y")
    month = next(r for r in rows if r["period"] == received_month)
    assert month["within_20_working_days"] == "1" and month["late"] == "1"  # counted to the day sent
    month_row = re.search(rf">{received_month}</th>(.*?)</tr>", page, re.S)
    assert month_row is not None
    page_numbers = re.findall(r"numeric\">(\d+)", month_row.group(1))
    assert page_numbers[:5] == [
        month["received"],
        month["within_20_working_days"],
        month["within_permitted_extension"],
        month["late"],
        month["open_not_yet_due"],
    ]

    ods_response = client.get("/staff/statistics/?format=ods")
    assert ods_response["Content-Type"] == "application/vnd.oasis.opendocument.spreadsheet"
    tables = _ods_tables(ods_response.content)
    assert list(tables) == ["Cover", "Backlog", "Months", "Quarters", "Workload"]
    months = tables["Months"]
    header = months[1]
    ods_month = dict(zip(header, next(r for r in months if r[0] == received_month), strict=True))
    assert {k: ods_month[k] for k in month} == month
    assert ["open", "4"] in tables["Backlog"]
    workload = {row[0]: row[1:] for row in tables["Workload"][2:]}
    assert workload["Olu Officer"] == ["3", "1", "1", "2", "1", "50.0"]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "foi-timeliness.ods"
        path.write_bytes(ods_response.content)
        assert [f.code for f in check_file(str(path)).findings] == []
