"""The officer who corrects a split sees why the parser split the request where it did (issue 16)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from foidesk.web.accounts.roles import Role
from foidesk.web.cases import services
from tests.factories import staff

pytestmark = pytest.mark.django_db

TEXT = (
    "Dear Sir,\n\nQuestion 1\nHow many Taser discharges were there in 2023?\n\n"
    "Question 2\nHow many in 2024?\n"
)


def test_a_parsed_part_keeps_the_parsers_reason_and_the_case_page_shows_it(client: Client) -> None:
    officer = staff(Role.CASE_OFFICER)
    case = services.request_open(
        text=TEXT, requester_name="A. Requester", received_on=dt.date(2025, 2, 3), actor=officer
    )
    parts = list(case.parts.all())
    assert [p.label for p in parts] == ["Q1", "Q2"]
    assert all(p.why for p in parts)
    client.force_login(officer)
    page = client.get(case.get_absolute_url()).content.decode()
    assert f"Split here: {parts[0].why}." in page


def test_an_officers_correction_carries_no_parser_reason() -> None:
    officer = staff(Role.CASE_OFFICER)
    case = services.request_open(
        text=TEXT, requester_name="A. Requester", received_on=dt.date(2025, 2, 3), actor=officer
    )
    services.request_parts_set(
        request=case, parts=[services.PartSpec(label="Q1", text="All Taser discharges.")], actor=officer
    )
    assert [p.why for p in case.parts.all()] == [""]
