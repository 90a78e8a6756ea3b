"""Rate limits over real HTTP: the public form, searches and the API each answer 429 over their limit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client, override_settings

from foidesk.web import rate_limits
from foidesk.web.accounts.models import RateCount
from foidesk.web.cases.models import Request

pytestmark = pytest.mark.django_db


def _send(client: Client, i: int) -> int:
    data = {
        "name": "Jo",
        "email": "jo@example.org",
        "request": f"Please send the Taser figures for {2000 + i}.",
    }
    return client.post("/make-a-request/", data).status_code


@override_settings(FOIDESK_RATE_LIMIT_REQUEST_FORM=2)
def test_the_request_form_pauses_an_address_after_its_limit_with_a_clear_page(client: Client) -> None:
    assert [_send(client, i) for i in range(2)] == [302, 302]
    response = client.post(
        "/make-a-request/", {"name": "Jo", "email": "jo@example.org", "request": "Please send one more."}
    )
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "Too many requests from your connection" in response.content.decode()
    assert Request.objects.count() == 2
    assert client.get("/make-a-request/").status_code == 200  # reading the form is not counted
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert _send(other, 9) == 302  # another address has its own count


@override_settings(FOIDESK_RATE_LIMIT_SEARCH=3)
def test_searches_are_limited_on_the_page_and_the_api_together(client: Client) -> None:
    for _ in range(2):
        assert client.get("/disclosure-log/?q=taser").status_code == 200
    assert client.get("/api/v1/disclosures?q=taser").status_code == 200
    page = client.get("/disclosure-log/?q=taser")
    assert page.status_code == 429 and "searches" in page.content.decode()
    api = client.get("/api/v1/disclosures?q=taser")
    assert api.status_code == 429
    assert api["Content-Type"].startswith("application/json") and "retry_after" in api.json()
    assert client.get("/disclosure-log/").status_code == 200  # browsing without a search is not counted


@override_settings(FOIDESK_RATE_LIMIT_API=2)
def test_every_api_call_counts_against_the_api_limit(client: Client) -> None:
    assert [client.get("/api/v1/disclosures").status_code for _ in range(3)] == [200, 200, 429]
    assert client.get("/disclosure-log/").status_code == 200


def test_a_limit_of_zero_is_off_and_counts_nothing(client: Client) -> None:
    for _ in range(5):
        assert client.get("/api/v1/disclosures?q=x").status_code == 200
    assert not RateCount.objects.exists()


@override_settings(FOIDESK_RATE_LIMIT_SEARCH=1)
def test_a_new_window_starts_a_new_count_and_prunes_ended_ones() -> None:
    start = dt.datetime(2026, 3, 2, 9, 0, 0, tzinfo=dt.UTC)
    assert not rate_limits.count(rate_limits.SEARCH, "192.0.2.1", start).over
    assert rate_limits.count(rate_limits.SEARCH, "192.0.2.1", start + dt.timedelta(seconds=30)).over
    later = start + dt.timedelta(minutes=5)
    assert not rate_limits.count(rate_limits.SEARCH, "192.0.2.1", later).over
    assert RateCount.objects.count() == 1
