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


# ------------------------------------------------------------------ the wording of the letters


@pytest.fixture
def administrator_client(client: Client) -> Client:
    from foidesk.web.accounts.roles import Role

    client.force_login(UserFactory(username="ada", role=Role.ADMINISTRATOR, is_staff=True))
    return client


def test_an_administrator_words_a_passage_with_a_preview_and_an_audit_event(
    administrator_client: Client,
) -> None:
    from foidesk.web.audit.models import AuditEvent
    from foidesk.web.cases.models import LetterPassage

    broken = administrator_client.post(
        "/admin/cases/letterpassage/add/", {"passage": "closing", "text": "Regards from {authorty},"}
    )
    assert broken.status_code == 200
    assert "{authorty} is not a placeholder of this passage" in broken.content.decode()
    assert not LetterPassage.objects.exists()
    saved = administrator_client.post(
        "/admin/cases/letterpassage/add/", {"passage": "closing", "text": "With regards from {authority},"}
    )
    assert saved.status_code == 302
    row = LetterPassage.objects.get()
    assert row.changed_by is not None and row.changed_by.username == "ada"
    event = AuditEvent.objects.get(action="letter.passage_changed")
    assert event.details["text"] == "With regards from {authority},"
    page = administrator_client.get(f"/admin/cases/letterpassage/{row.pk}/change/").content.decode()
    assert "With regards from the authority," in page  # the preview, filled with example values
    assert "{authority}, {reference}" in page  # the placeholders it may use
    assert (
        administrator_client.post(f"/admin/cases/letterpassage/{row.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )


def test_a_case_officer_cannot_word_the_letters() -> None:
    from foidesk.render.letter_passages import Passage
    from foidesk.web.accounts.roles import Role

    with pytest.raises(services.CaseError):
        services.letter_passage_set(
            passage=Passage.CLOSING, text="Bye,", actor=UserFactory(role=Role.CASE_OFFICER)
        )


def test_a_broken_passage_stored_behind_the_service_stops_the_letter_before_sending() -> None:
    from foidesk.render.letters import LetterRefused
    from foidesk.web.accounts.roles import Role
    from foidesk.web.cases.letters import letter_for_case, letter_problems
    from foidesk.web.cases.models import LetterPassage
    from tests.factories import decided_case, staff

    case = decided_case(officer=staff(Role.CASE_OFFICER))
    LetterPassage.objects.create(passage="opening", text="Thank you for {request}.")
    assert [f.code for f in letter_problems(case) if f.severity == "error"] == ["letter.broken_template"]
    with pytest.raises(LetterRefused):
        letter_for_case(case, "pdf", issued=dt.date(2024, 6, 1))
