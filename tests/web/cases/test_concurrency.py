"""Many people at once on PostgreSQL: distinct references, no 500, an unbroken audit chain."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth.models import User
from django.core import signing
from django.db import connection, connections
from django.test import Client

from foidesk.core.outcome import Outcome
from foidesk.core.workflow import Role
from foidesk.web.audit.models import AuditEvent
from foidesk.web.audit.services import audit_verify
from foidesk.web.cases import services
from foidesk.web.cases.errors import Conflict
from foidesk.web.cases.models import Request
from foidesk.web.cases.public_views import RECEIPT_SALT
from tests.factories import case_with_parts, staff

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.slow,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers are tested on PostgreSQL"
    ),
]
THREADS = 8
N = 100


def _in_threads(work: Callable[[int], object], n: int = N) -> list[object]:
    def run(i: int) -> object:
        try:
            return work(i)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(run, range(n)))


def test_a_hundred_public_requests_at_once_each_get_their_own_reference() -> None:
    def submit(i: int) -> int:
        response = Client().post(
            "/make-a-request/",
            {"name": f"Requester {i}", "email": f"r{i}@example.org", "request": f"Please tell me fact {i}."},
        )
        return response.status_code

    codes = _in_threads(submit)
    assert codes == [302] * N  # each redirected to its confirmation (post-redirect-get)
    references = list(Request.objects.values_list("reference", flat=True))
    assert len(references) == N == len(set(references))
    assert audit_verify()["ok"]


def test_the_same_public_form_sent_many_times_at_once_opens_one_case() -> None:
    form = {
        "name": "Jo",
        "email": "jo@example.org",
        "request": "Please tell me the fact.",
        "submission": "t" * 32,
    }

    def submit(i: int) -> str:
        response = Client().post("/make-a-request/", form)
        assert response.status_code == 302
        return str(signing.loads(response["Location"].split("/")[-2], salt=RECEIPT_SALT))

    references = _in_threads(submit, n=16)
    assert len(set(references)) == 1
    assert Request.objects.count() == 1
    assert audit_verify()["ok"]


def test_a_hundred_staff_actions_at_once_keep_the_audit_chain_whole() -> None:
    officers = [staff(Role.CASE_OFFICER) for _ in range(4)]
    decider = staff(Role.DECISION_MAKER)
    cases = [case_with_parts(officer=officers[0], texts=(f"Question {i}?",)) for i in range(10)]
    before = AuditEvent.objects.count()

    def act(i: int) -> str:
        case = Request.objects.get(pk=cases[i % len(cases)].pk)
        user = User.objects.get(pk=officers[i % len(officers)].pk)
        if i % 2:
            services.request_assign(request=case, officer=user, actor=decider)
        else:
            part = case.parts.get()
            try:
                services.decision_record(
                    part=part,
                    outcome=Outcome.DISCLOSED,
                    answer=f"Answer {i}",
                    actor=user,
                    expected_version=None,
                )
            except Conflict:
                return "conflict"
        return "ok"

    results = _in_threads(act)
    assert set(results) <= {"ok", "conflict"}
    verdict = audit_verify()
    assert verdict["ok"], verdict
    previous = list(AuditEvent.objects.order_by("id").values_list("previous_hash", flat=True))
    assert len(previous) == len(set(previous))  # no two events share a predecessor: no fork
    assert AuditEvent.objects.count() > before + N


def test_the_audit_verify_names_a_row_altered_directly_and_a_deleted_tail() -> None:
    for i in range(3):
        Client().post(
            "/make-a-request/", {"name": "A", "email": "a@example.org", "request": f"Please tell me {i}."}
        )
    assert audit_verify()["ok"]
    victim = AuditEvent.objects.order_by("id")[1]
    AuditEvent.objects.filter(pk=victim.pk).update(details={"forged": True})
    assert audit_verify()["first_broken"] == victim.pk
    AuditEvent.objects.filter(pk__gte=victim.pk).delete()
    verdict = audit_verify()
    assert not verdict["ok"] and verdict["reason"] == "head"


def test_received_dates_in_one_year_share_a_counter_across_threads() -> None:
    def open_one(i: int) -> str:
        case = services.request_open(
            text=f"Please tell me item {i}.",
            requester_name="B",
            received_on=dt.date(2025, 3, 3),
            actor=None,
            parse=False,
        )
        return case.reference

    references = _in_threads(open_one, 40)
    numbers = sorted(int(str(r).rsplit(".", 1)[1]) for r in references)
    assert numbers == list(range(1, 41))
