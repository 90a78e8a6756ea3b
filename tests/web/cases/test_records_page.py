"""Produce a record list for a part, over real HTTP: the report, the gated CSV and XLSX, permissions."""

from __future__ import annotations

import csv
import io
from collections import Counter

import openpyxl
import pytest
from django.contrib.auth.models import User
from django.test import Client

from foidesk.web.accounts.roles import Role
from foidesk.web.cases.models import Request
from foidesk.web.records.services import register_generate
from tests.factories import UserFactory, case_with_parts

pytestmark = pytest.mark.django_db

FORM = {"register": "misconduct", "start": "2021-01-01", "end": "2021-12-31", "where": "", "k": "5", "l": "2"}
QUASI_LABELS = ("Rank", "Gender", "Borough", "Police station", "Date received", "Allegation category")


@pytest.fixture
def officer() -> User:
    return UserFactory(role=Role.CASE_OFFICER)


@pytest.fixture
def case(officer: User) -> Request:
    register_generate(n=1500, seed=5)
    return case_with_parts(officer=officer, texts=("A list of allegations in 2021 and their outcomes.",))


def _url(case: Request) -> str:
    return f"/staff/cases/{case.reference}/parts/1/records/"


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_form_starts_at_the_threshold_and_l_of_two(case: Request, officer: User) -> None:
    page = _client(officer).get(_url(case))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Produce a record list" in body
    assert 'name="k" value="5"' in body and 'name="l" value="2"' in body


def test_the_report_shows_levels_groups_and_what_was_withheld(case: Request, officer: User) -> None:
    page = _client(officer).post(_url(case), FORM)
    assert page.status_code == 200
    report = page.context["report"]
    assert report["smallest_group"] >= 5
    assert report["l_diversity"]["outcomes"]["smallest_l"] >= 2
    body = page.content.decode()
    assert "can be released" in body and "How each quasi-identifier is released" in body
    assert "Never released" in body and "collar_number" in body
    assert "Download as CSV" in body


def test_the_csv_passes_the_gate_and_every_group_has_k_records_and_l_outcomes(
    case: Request, officer: User
) -> None:
    response = _client(officer).post(_url(case), {**FORM, "download": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('-records.csv"')
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows
    quasi = [name for name in rows[0] if name.split(" (")[0] in QUASI_LABELS]
    assert len(quasi) == len(QUASI_LABELS)
    sizes = Counter(tuple(row[name] for name in quasi) for row in rows)
    assert min(sizes.values()) >= 5
    outcomes: dict[tuple[str, ...], set[str]] = {}
    for row in rows:
        outcomes.setdefault(tuple(row[name] for name in quasi), set()).add(row["Outcome"])
    assert min(len(values) for values in outcomes.values()) >= 2
    assert "Summary" not in rows[0] and "Collar number" not in rows[0]


def test_the_xlsx_is_a_workbook_of_the_released_records(case: Request, officer: User) -> None:
    response = _client(officer).post(_url(case), {**FORM, "download": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Cover", "Records"]
    header = [cell.value for cell in workbook["Records"][2]]
    assert "Outcome" in header and "Officer (pseudonymous)" not in header


def test_a_bad_condition_is_shown_on_the_form(case: Request, officer: User) -> None:
    page = _client(officer).post(_url(case), {**FORM, "where": "colour: blue"})
    assert page.status_code == 200
    assert "colour" in page.content.decode() and page.context["report"] is None


def test_a_publisher_may_not_produce_a_record_list(case: Request) -> None:
    publisher = UserFactory(role=Role.PUBLISHER)
    assert _client(publisher).get(_url(case)).status_code == 403
    assert _client(publisher).post(_url(case), {**FORM, "download": "csv"}).status_code == 403


def test_not_once_the_response_is_sent(case: Request, officer: User) -> None:
    Request.objects.filter(pk=case.pk).update(status="sent")
    response = _client(officer).post(_url(case), {**FORM, "download": "csv"})
    assert response.status_code == 409
    assert "text/csv" not in response["Content-Type"]
