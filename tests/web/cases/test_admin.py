"""The admin shows the case models but never writes them: every write goes through an audited service."""

from __future__ import annotations

import datetime as dt

import pytest
from django.apps import apps
from django.test import Client

from foidesk.web.cases import services
from foidesk.web.cases.models import Request
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

READ_ONLY = [
    "request",
    "part",
    "decision",
    "decisionexemption",
    "document",
    "answer",
    "ledgerentry",
    "clockevent",
    "requestlink",
    "review",
    "appeal",
    "sentemail",
    "inboundemail",
    "referencecounter",
]


@pytest.fixture
def superuser_client(client: Client) -> Client:
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", READ_ONLY)
def test_even_a_superuser_cannot_add_a_case_record_in_the_admin(superuser_client: Client, model: str) -> None:
    assert apps.get_model("cases", model)  # the name is a real model
    assert superuser_client.get(f"/admin/cases/{model}/").status_code == 200
    assert superuser_client.get(f"/admin/cases/{model}/add/").status_code == 403


def test_a_case_can_be_viewed_but_not_changed_or_deleted_in_the_admin(superuser_client: Client) -> None:
    case = services.request_open(
        text="1. How many officers were there in 2023?",
        requester_name="A. Requester",
        received_on=dt.date(2024, 5, 13),
        actor=None,
        parse=False,
    )
    url = f"/admin/cases/request/{case.pk}/change/"
    assert superuser_client.get(url).status_code == 200
    response = superuser_client.post(url, {"title": "Changed behind the services' back", "status": "closed"})
    assert response.status_code == 403
    assert (
        superuser_client.post(f"/admin/cases/request/{case.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    part = case.parts.first()
    if part is not None:
        assert superuser_client.post(f"/admin/cases/part/{part.pk}/change/", {"text": "x"}).status_code == 403
    case.refresh_from_db()
    assert case.title != "Changed behind the services' back"
    assert Request.objects.filter(pk=case.pk).exists()
