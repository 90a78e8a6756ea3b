"""The workspace answers a part from any register the registry lists, over real HTTP on the real
database (SQLite, or PostgreSQL with DATABASE_URL): the demo's stop-and-search case (R. Campbell,
searches in Lambeth by ethnicity and outcome) is counted, protected, audited, sent and entered in the
disclosure ledger exactly as a misconduct answer is (ADR 0011). No web module names the register.
"""

from __future__ import annotations

import csv as csv_module
import datetime as dt
import io
import re

import pytest
from django.forms import ChoiceField
from django.test import Client, override_settings

from foidesk.core.workflow import Role
from foidesk.datasets.query import build_query
from foidesk.datasets.registry import REGISTRY
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.models import AuditEvent
from foidesk.web.cases import services
from foidesk.web.cases.answers import answer_create
from foidesk.web.cases.forms import AnswerForm
from foidesk.web.cases.letters import response_for_case
from foidesk.web.cases.models import Answer, LedgerEntry, Request
from foidesk.web.demo.loader import CAMPBELL_QUERY, CAMPBELL_REQUEST, campbell_period
from foidesk.web.records.services import records_generate
from tests.factories import staff

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

RECEIVED = dt.date(2025, 5, 12)
PERIOD = campbell_period(RECEIVED)
SEARCHES = 4000
SEED = 19


@pytest.fixture
def case() -> Request:
    records_generate(
        dataset="stop_search",
        n=SEARCHES,
        seed=SEED,
        start=PERIOD.start.replace(year=PERIOD.start.year - 1),
        end=PERIOD.end,
    )
    return _opened(staff(Role.CASE_OFFICER, username="olu"), received=RECEIVED)


def _opened(officer: object, *, received: dt.date) -> Request:
    opened = services.request_open(
        text=CAMPBELL_REQUEST,
        requester_name="R. Campbell",
        received_on=received,
        requester_email="r.campbell@example.invalid",
        actor=officer,
        is_synthetic=True,
    )
    services.request_assign(request=opened, officer=officer, actor=officer)
    opened.refresh_from_db()
    return opened


def _as(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _form(**changes: str) -> dict[str, str]:
    return {
        "register": "stop_search",
        "rows": "officer_defined_ethnicity",
        "columns": "outcome",
        "start": PERIOD.start.isoformat(),
        "end": PERIOD.end.isoformat(),
        "where": "borough: Lambeth",
        **changes,
    }


def _answer_url(case: Request) -> str:
    return f"/staff/cases/{case.reference}/parts/1/answers/new/"


@override_settings(FOIDESK_RUN_TASKS_INLINE=True)
def test_the_stop_and_search_case_is_answered_sent_and_ledgered_from_the_workspace(case: Request) -> None:
    officer = case.assigned_to
    as_officer = _as(officer)
    base = f"/staff/cases/{case.reference}/"

    page = as_officer.get(f"{_answer_url(case)}?register=stop_search").content.decode()
    assert "Stop and search register" in page and "Made from" in page
    assert (
        'value="officer_defined_ethnicity"' in page and 'value="category"' not in page
    )  # its own dimensions only

    response = as_officer.post(_answer_url(case), _form())
    assert response.status_code == 302, response.content.decode()
    answer = Answer.objects.get(part__request=case)
    assert answer.dataset == "stop_search" and answer.audit_passed
    # The same answer the services give for the same question (the demo's own query).
    beside = _opened(officer, received=RECEIVED).parts.get(position=1)
    expected = answer_create(part=beside, query=CAMPBELL_QUERY(RECEIVED), actor=officer)
    assert answer.display_cells == expected.display_cells and answer.row_labels == expected.row_labels
    assert "[c]" in [cell for row in answer.display_cells for cell in row]
    for cell in (c for row in answer.display_cells for c in row):
        assert cell == "[c]" or not 0 < int(cell) < 5  # nothing under the threshold leaves
    beside.request.delete()
    # The event is recorded on the part, naming the answer (ids differ between databases: compare them).
    audited = AuditEvent.objects.filter(action=AuditAction.ANSWER_CREATED, object_id=str(answer.part_id))
    assert [event.details["answer"] for event in audited] == [answer.pk]
    assert "audit passed" in as_officer.get(response["Location"]).content.decode()
    # The page remembers the register the part was answered from.
    assert "Stop and search register" in as_officer.get(_answer_url(case)).content.decode()

    # Decided, approved and sent over HTTP: the table enters the ledger when it leaves.
    decider = staff(Role.DECISION_MAKER, username="dana")
    case.refresh_from_db()
    decided = as_officer.post(
        f"{base}parts/1/decision/", {"version": 0, "outcome": "disclosed", "answer": "See the table."}
    )
    assert decided.status_code == 302, decided.content.decode()
    for client, event in (
        (as_officer, "submit-for-approval"),
        (_as(decider), "approve"),
        (as_officer, "send"),
    ):
        case.refresh_from_db()
        moved = client.post(f"{base}events/{event}/", {"version": case.version})
        assert moved.status_code == 302, (event, moved.content.decode())
    # The letter withholds the [c] cells under s.40(2) in the register's own words, not misconduct's.
    reasons = " ".join(c.reasons for p in response_for_case(case).parts for c in p.claims)
    assert "Information about a search of a person" in reasons and "misconduct" not in reasons
    entry = LedgerEntry.objects.get(answer=answer)
    assert entry.dataset == "stop_search" and entry.reference == case.reference

    # The next request's answer from the same register is audited with what was released.
    later = _opened(officer, received=RECEIVED + dt.timedelta(days=40))
    again = as_officer.post(_answer_url(later), _form(columns=""))
    assert again.status_code == 302, again.content.decode()
    second = Answer.objects.get(part__request=later)
    assert case.reference in second.report["joint_audit"]["compared_with"]


@override_settings(FOIDESK_RUN_TASKS_INLINE=True)
@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"rows": "category"}, "Select a valid choice"),  # a misconduct dimension, on stop and search
        ({"register": "taser"}, "Select a valid choice"),  # a register the registry does not list
        ({"register": ""}, "This field is required"),  # no silent fall back to the first register
        ({"where": "borough: Atlantis"}, "Atlantis"),  # a value the register does not know
    ],
)
def test_a_question_the_register_cannot_answer_is_refused_and_nothing_is_stored(
    case: Request, changes: dict[str, str], error: str
) -> None:
    response = _as(case.assigned_to).post(_answer_url(case), _form(**changes))
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page and error in page
    assert not Answer.objects.exists()


def test_asking_for_a_register_the_registry_does_not_list_shows_an_error(case: Request) -> None:
    page = _as(case.assigned_to).get(f"{_answer_url(case)}?register=overtime").content.decode()
    assert "Select a valid choice" in page


def test_the_summaries_check_and_the_record_list_take_the_register_too(case: Request) -> None:
    client = _as(case.assigned_to)
    base = f"/staff/cases/{case.reference}/parts/1/"
    data = {"register": "stop_search", "start": PERIOD.start.isoformat(), "end": PERIOD.end.isoformat()}
    summaries = client.post(f"{base}summaries/", {**data, "where": "borough: Lambeth"})
    assert summaries.status_code == 200 and "summaries checked" in summaries.content.decode()
    listed = client.post(f"{base}records/", {**data, "where": "borough: Lambeth", "k": 5, "l": 2})
    page = listed.content.decode()
    assert listed.status_code == 200 and "govuk-error-summary" not in page, page
    assert "officer-defined ethnicity" in page.lower()
    csv = client.post(
        f"{base}records/", {**data, "where": "borough: Lambeth", "k": 5, "l": 2, "download": "csv"}
    )
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv"), csv.content.decode()[:2000]
    rows = list(csv_module.DictReader(io.StringIO(csv.content.decode("utf-8-sig"))))
    assert rows and {r["Borough"] for r in rows} <= {"Lambeth", "*"}
    for withheld in ("Date and time", "Latitude", "Longitude", "Policing operation"):  # never released
        assert {r[withheld] for r in rows} == {"*"}


@pytest.mark.parametrize("name", list(REGISTRY.datasets))
def test_every_register_gets_its_own_dimensions_and_an_example_condition_that_works(name: str) -> None:
    dataset = REGISTRY.dataset(name)
    form = AnswerForm(register=name)
    rows = form.fields["rows"]
    assert isinstance(rows, ChoiceField)
    assert [code for code, _ in rows.choices] == [d.name for d in dataset.dimensions]
    hint = re.search(r"e\.g\. ‘(.+)’", str(form.fields["where"].help_text))
    assert hint is not None
    # The example the page shows is one the form and the query accept, in this register's words.
    data = {"register": name, "rows": dataset.dimensions[0].name, "start": "2020-01-01", "end": "2020-12-31"}
    bound = AnswerForm({**data, "where": hint.group(1)})
    assert bound.is_valid(), bound.errors
    query = build_query(data["rows"], where=bound.cleaned_data["where"], dataset=name)
    assert len(query.conditions) == 2
