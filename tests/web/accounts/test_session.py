"""Staff sessions: signed out when idle, and staff pages never kept by a browser or proxy."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from foidesk.web.accounts.middleware import LAST_SEEN_KEY
from foidesk.web.accounts.roles import Role
from foidesk.web.audit.models import AuditEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _last_seen_minutes_ago(client: Client, minutes: int) -> None:
    session = client.session
    session[LAST_SEEN_KEY] = int(timezone.now().timestamp()) - minutes * 60
    session.save()


def test_a_session_idle_for_more_than_30_minutes_is_signed_out(client: Client) -> None:
    user = UserFactory(role=Role.CASE_OFFICER)
    client.force_login(user)
    assert client.get("/staff/cases/").status_code == 200
    _last_seen_minutes_ago(client, 31)
    response = client.get("/staff/cases/")
    assert response["Location"].startswith("/staff/sign-in/?next=")
    assert "not used for 30 minutes" in client.get("/staff/sign-in/").content.decode()
    assert client.get("/staff/cases/").status_code == 302
    event = AuditEvent.objects.get(action="account.sign_out")
    assert event.actor == user and event.details["reason"] == "idle"


def test_activity_within_the_timeout_keeps_the_session(client: Client) -> None:
    client.force_login(UserFactory(role=Role.CASE_OFFICER))
    client.get("/staff/")
    _last_seen_minutes_ago(client, 29)
    before = int(timezone.now().timestamp())
    assert client.get("/staff/cases/").status_code == 200
    assert client.session[LAST_SEEN_KEY] >= before  # refreshed by the request, however long it took


def test_the_timeout_is_a_setting(client: Client, settings: object) -> None:
    settings.FOIDESK_IDLE_TIMEOUT_MINUTES = 5  # type: ignore[attr-defined]
    client.force_login(UserFactory(role=Role.CASE_OFFICER))
    client.get("/staff/")
    _last_seen_minutes_ago(client, 6)
    assert client.get("/staff/cases/").status_code == 302


@pytest.mark.parametrize("url", ["/staff/sign-in/", "/staff/cases/", "/staff/account/password/", "/admin/"])
def test_staff_and_admin_pages_are_never_stored(client: Client, url: str) -> None:
    if url != "/staff/sign-in/":
        client.force_login(UserFactory(role=Role.ADMINISTRATOR, is_staff=True))
    response = client.get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response["Pragma"] == "no-cache"


def test_the_public_site_is_left_to_its_own_caching(client: Client) -> None:
    assert "no-store" not in client.get("/disclosure-log/").get("Cache-Control", "")
