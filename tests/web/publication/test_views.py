"""The public disclosure log over real HTTP (Django's test client)."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def test_published_entry_is_shown_at_its_stable_address(client: Client) -> None:
    entry = PublicationFactory(
        reference="01.FOI.23.000123", slug="01-foi-23-000123", title="Overtime in 2023"
    )
    response = client.get("/disclosure-log/01-foi-23-000123/")
    assert response.status_code == 200
    body = response.content.decode()
    assert entry.reference in body
    assert "Overtime in 2023" in body


def test_unpublished_entry_answers_404_and_is_not_listed(client: Client) -> None:
    PublicationFactory(slug="withdrawn-one", title="Withdrawn secret title", is_published=False)
    assert client.get("/disclosure-log/withdrawn-one/").status_code == 404
    listing = client.get("/disclosure-log/").content.decode()
    assert "Withdrawn secret title" not in listing
    assert "Withdrawn secret title" not in client.get("/disclosure-log/feed.atom").content.decode()
    assert "withdrawn-one" not in client.get("/sitemap.xml").content.decode()


def test_unknown_reference_gets_a_clear_404_page(client: Client) -> None:
    response = client.get("/disclosure-log/no-such-thing/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["?page=abc", "?year=notayear", "?page=-4", "?outcome=<script>", "?q=" + "x" * 5000]
)
def test_bad_query_parameters_never_break_the_log(client: Client, query: str) -> None:
    PublicationFactory()
    response = client.get("/disclosure-log/" + query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</form>")[-1]


def test_search_finds_by_words_in_the_title(client: Client) -> None:
    PublicationFactory(title="Taser discharges by borough")
    PublicationFactory(title="Overtime payments")
    body = client.get("/disclosure-log/?q=taser").content.decode()
    assert "Taser discharges by borough" in body
    assert "Overtime payments" not in body


def test_every_public_page_has_quick_exit_phase_banner_and_no_tracking_cookies(client: Client) -> None:
    PublicationFactory(slug="an-entry")
    for url in [
        "/disclosure-log/",
        "/disclosure-log/an-entry/",
        "/cookies/",
        "/accessibility/",
        "/make-a-request/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Leave this site" in body, url
        assert "data-quick-exit" in body, url
        assert "govuk-phase-banner" in body and "Beta" in body, url
        assert "sessionid" not in response.cookies, url


def test_cookies_page_says_essential_cookies_only(client: Client) -> None:
    body = client.get("/cookies/").content.decode()
    assert "essential cookies" in body
    assert "no cookie banner" in body


def test_atom_feed_and_healthz(client: Client) -> None:
    PublicationFactory(title="Feed item")
    feed = client.get("/disclosure-log/feed.atom")
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/atom+xml")
    assert "Feed item" in feed.content.decode()
    assert client.get("/healthz").json()["status"] == "ok"  # tests/web/test_health.py


def test_an_entry_page_shows_related_entries_a_citation_and_what_each_download_is(client: Client) -> None:
    entry = PublicationFactory(
        title="Taser discharges by borough in 2021",
        request_text="How many times was a Taser discharged in each borough in 2021?",
        topics=["taser"],
    )
    PublicationFactory(
        title="Taser use by officers in 2022",
        request_text="How many times did officers use a Taser in 2022?",
        topics=["taser"],
    )
    PublicationFactory(title="Overtime payments", request_text="How much overtime was paid?", topics=["pay"])
    body = client.get(entry.get_absolute_url()).content.decode()
    related = body.split('id="related-heading"')[1].split("</aside>")[0]
    assert "Taser use by officers in 2022" in related
    assert "Overtime payments" not in related and "Taser discharges by borough" not in related
    citation = body.split('id="citation">')[1].split("</p>")[0]
    assert "Metropolitan Police Service (2023). Taser discharges by borough in 2021." in citation
    assert f"response {entry.reference}, published 1 June 2023." in citation
    assert f"http://127.0.0.1:8000/disclosure-log/{entry.slug}/" in citation


def test_download_kinds_are_named_in_words() -> None:
    from foidesk.web.publication.views import file_kind

    assert file_kind("Figures.XLSX") == "Excel spreadsheet (XLSX)"
    assert file_kind("figures.ods") == "OpenDocument spreadsheet (ODS)"
    assert file_kind("data.parquet") == "PARQUET file"
    assert file_kind("README") == "File"


def test_a_topic_has_its_own_atom_feed_of_published_entries_only(client: Client) -> None:
    PublicationFactory(title="Stop and search in Lambeth", topics=["stop and search"])
    PublicationFactory(title="Withdrawn stop and search", topics=["stop and search"], is_published=False)
    PublicationFactory(title="Overtime payments", topics=["pay"])
    feed = client.get("/disclosure-log/topic.atom", {"topic": "stop and search"})
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    text = feed.content.decode()
    assert "Stop and search in Lambeth" in text
    assert "Withdrawn stop and search" not in text and "Overtime payments" not in text
    assert ": stop and search</title>" in text


@pytest.mark.parametrize(
    ("topic", "status"), [("", 404), ("no such topic", 404), ("x" * 500, 404), ("stop\x00and search", 400)]
)
def test_an_unknown_or_hostile_topic_feed_is_refused(client: Client, topic: str, status: int) -> None:
    PublicationFactory(topics=["stop and search"])
    assert client.get("/disclosure-log/topic.atom", {"topic": topic}).status_code == status


def test_related_entries_stored_at_publication_are_shown_while_still_published(client: Client) -> None:
    other = PublicationFactory(title="Taser use in 2022")
    gone = PublicationFactory(title="Withdrawn taser answer", is_published=False)
    entry = PublicationFactory(title="Tasers", related=[gone.reference, other.reference])
    related = client.get(entry.get_absolute_url()).content.decode().split('id="related-heading"')[1]
    assert "Taser use in 2022" in related and "Withdrawn taser answer" not in related
