"""Answering from the records in the background: the officer's request stores a queued answer, the real
django-tasks database worker (``manage.py db_worker``) runs its disclosure check, and the answer's own
page shows how far it got, over real HTTP on the real database (SQLite, or PostgreSQL with DATABASE_URL).

The tests commit (``transaction=True``) because the worker reads the queue and the answer outside the
test's own transaction, as a worker process would.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django_tasks_db.models import DBTaskResult

from foidesk.core.periods import DateRange
from foidesk.core.workflow import Role
from foidesk.datasets.query import build_query
from foidesk.web.cases.answers import answer_create, answers_release
from foidesk.web.cases.models import Answer, Request
from foidesk.web.records.services import register_generate
from tests.factories import decided_case, staff

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

FORM = {
    "register": "misconduct",
    "rows": "category",
    "columns": "other_outcome",
    "start": "2020-01-01",
    "end": "2021-12-31",
    "where": "outcome: reflective practice",
}
REFRESH = '<meta http-equiv="refresh" content="3">'
ANSWER_PAGE = re.compile(r"^/staff/cases/[^/]+/parts/1/answers/(\d+)/$")


@pytest.fixture
def case() -> Request:
    register_generate(n=2000, seed=7)
    return decided_case(officer=staff(Role.CASE_OFFICER))


def _client_for(case: Request) -> Client:
    client = Client()
    client.force_login(case.assigned_to)
    return client


def _ask(client: Client, case: Request) -> str:
    """Submit the answer form; return the answer's own page it redirects to."""
    response = client.post(f"/staff/cases/{case.reference}/parts/1/answers/new/", FORM)
    assert response.status_code == 302
    assert ANSWER_PAGE.match(response["Location"]), response["Location"]
    return str(response["Location"])


def _run_worker() -> None:
    """The real worker of django-tasks' database backend, run until the queue is empty."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", verbosity=0)


@override_settings(FOIDESK_RUN_TASKS_INLINE=False)
def test_an_answer_is_checked_in_the_background_while_its_page_refreshes(case: Request) -> None:
    client = _client_for(case)
    url = _ask(client, case)
    answer = Answer.objects.get()
    assert answer.status == Answer.Status.QUEUED and not answer.audit_passed
    assert DBTaskResult.objects.get(id=answer.task_id).status == "READY"

    waiting = client.get(url).content.decode()
    assert REFRESH in waiting
    assert 'role="status"' in waiting and "Disclosure check: queued" in waiting
    assert "[c]" not in waiting and "<table" not in waiting  # nothing of the table before the check

    _run_worker()

    done = client.get(url).content.decode()
    assert REFRESH not in done
    assert "Disclosure check: passed" in done and "[c]" in done
    answer.refresh_from_db()
    assert answer.status == Answer.Status.PASSED and answer.audit_passed
    assert DBTaskResult.objects.get(id=answer.task_id).status == "SUCCESSFUL"


@override_settings(FOIDESK_RUN_TASKS_INLINE=False)
def test_a_case_with_an_answer_still_being_checked_cannot_be_submitted_for_approval(case: Request) -> None:
    client = _client_for(case)
    _ask(client, case)
    version = Request.objects.get(pk=case.pk).version

    response = client.post(f"/staff/cases/{case.reference}/events/submit-for-approval/", {"version": version})

    page = response.content.decode()
    assert "The disclosure check of these tables has not finished; wait for it: Q1." in page
    assert Request.objects.get(pk=case.pk).status == case.status
    assert "Disclosure check queued" in client.get(f"/staff/cases/{case.reference}/").content.decode()


@override_settings(FOIDESK_RUN_TASKS_INLINE=False, FOIDESK_LEDGER_AUDIT_SECONDS=0)
def test_a_joint_audit_that_runs_out_of_time_is_refused_with_its_reason(case: Request) -> None:
    earlier = decided_case(officer=case.assigned_to)
    query = build_query(
        "category",
        "other_outcome",
        period=DateRange(dt.date(2020, 1, 1), dt.date(2021, 6, 30)),
        where={"outcome": "reflective practice"},
    )
    released = answer_create(part=earlier.parts.get(), query=query, actor=case.assigned_to, inline=True)
    answers_release(answers=[released], reference=earlier.reference, released_on=dt.date(2022, 1, 5))
    client = _client_for(case)
    url = _ask(client, case)

    _run_worker()

    page = client.get(url).content.decode()
    assert REFRESH not in page
    assert "Disclosure check: timed out" in page and "The table is not releasable." in page
    assert "The joint audit with earlier releases did not finish within 0 seconds" in page
    assert f"/staff/cases/{case.reference}/parts/1/answers/new/" in page  # answer it again
    assert "[c]" not in page
    answer = Answer.objects.get(part__request=case)
    assert answer.status == Answer.Status.TIMED_OUT and not answer.releasable


def test_in_the_embedded_mode_the_check_runs_in_the_request(case: Request) -> None:
    with override_settings(FOIDESK_RUN_TASKS_INLINE=True):
        client = _client_for(case)
        page = client.get(_ask(client, case)).content.decode()
    assert REFRESH not in page and "Disclosure check: passed" in page
    assert not DBTaskResult.objects.exists()
