"""The disclosure log's search box over real HTTP and the real database (SQLite FTS5; PostgreSQL with
DATABASE_URL): stemming, synonyms, fallback, phrases, prefixes, weights, snippets, filters, sorting."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foidesk.datasets.disclosure_log import SERVING_OFFICERS_TITLE, demo_entries
from foidesk.web.publication.models import Publication
from foidesk.web.publication.search import search_text, snippets
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db(transaction=True)

SECRET = "Zebedee Quixotic-Farnsworth"


@pytest.fixture
def log() -> None:
    for entry in demo_entries():
        Publication.objects.create(**entry.as_row())


def _titles(client: Client, query: str) -> list[str]:
    body = client.get("/disclosure-log/" + query).content.decode()
    return re.findall(
        r'<h2 class="govuk-heading-m[^"]*"><a class="govuk-link" href="[^"]+">([^<]+)</a>', body
    )


def test_synonyms_from_the_topic_vocabulary_find_the_s21_target(log: None, client: Client) -> None:
    # The target says "sexual harassment", not "sexual misconduct".
    assert SERVING_OFFICERS_TITLE in _titles(client, "?q=sexual+misconduct+2021")
    body = client.get("/disclosure-log/?q=sexual+misconduct+2021").content.decode()
    assert "Also searched for:" in body and "sexual harassment" in body


def test_words_are_stemmed(client: Client) -> None:
    PublicationFactory(title="Officers dismissed after hearings")
    PublicationFactory(title="Overtime payments")
    assert _titles(client, "?q=officer+hearing") == ["Officers dismissed after hearings"]
    assert _titles(client, "?q=officers+hearings") == ["Officers dismissed after hearings"]


def test_when_no_entry_has_every_word_entries_with_most_of_them_are_shown_and_it_says_so(
    client: Client,
) -> None:
    PublicationFactory(title="Taser discharges by borough")
    PublicationFactory(title="Overtime payments")
    body = client.get("/disclosure-log/?q=taser+discharges+xylophone").content.decode()
    assert "No entry has all your words; showing entries with most of them." in body
    assert "Taser discharges by borough" in body and "Overtime payments" not in body
    plain = client.get("/disclosure-log/?q=taser+discharges").content.decode()
    assert "No entry has all your words" not in plain


def test_a_quoted_phrase_needs_its_words_together_and_a_star_matches_a_prefix(client: Client) -> None:
    PublicationFactory(title="Stop and search in Lambeth")
    PublicationFactory(title="Search of vehicles at a stop")
    assert _titles(client, '?q="stop+and+search"') == ["Stop and search in Lambeth"]
    assert _titles(client, "?q=lamb*") == ["Stop and search in Lambeth"]
    assert _titles(client, "?q=lamb") == []


def test_a_word_in_the_title_outranks_the_same_word_in_the_response(client: Client) -> None:
    PublicationFactory(title="Budgets", response_text="Figures about helicopters are attached.")
    PublicationFactory(title="Helicopter hours flown", response_text="Nothing else.")
    assert _titles(client, "?q=helicopter") == ["Helicopter hours flown", "Budgets"]
    newest = _titles(client, "?q=helicopter&sort=newest")
    assert sorted(newest) == ["Budgets", "Helicopter hours flown"]


def test_snippets_highlight_published_text_escaped_and_never_unpublished_text(client: Client) -> None:
    PublicationFactory(
        title="Drones",
        summary="Use of <b>drones</b> & other aircraft by the force in 2022.",
        response_text="",
    )
    PublicationFactory(title="Drones withdrawn", summary=f"drones {SECRET}", is_published=False)
    body = client.get("/disclosure-log/?q=drones").content.decode()
    assert "<mark>drones</mark>" in body.lower()
    assert (
        re.search(r"&amp;\s+other (<mark>)?aircraft", body) and "<b>" not in body
    )  # escaped (PostgreSQL drops tags)
    assert "Quixotic" not in body and "Drones withdrawn" not in body
    search = search_text(Publication.objects.all(), "drones quixotic")
    every = list(Publication.objects.values_list("pk", flat=True))
    assert all("Quixotic" not in text for text in snippets(search, every).values())


def test_every_filter_narrows_the_results_and_shows_counts(client: Client) -> None:
    PublicationFactory(
        title="Taser use 2021",
        topics=["tasers"],
        outcomes=["disclosed"],
        exemptions=["s.40(2)"],
        published_on=dt.date(2021, 5, 1),
    )
    PublicationFactory(
        title="Taser training",
        topics=["tasers", "training"],
        outcomes=["withheld"],
        exemptions=["s.31(1)(a)"],
        published_on=dt.date(2022, 5, 1),
    )
    PublicationFactory(title="Overtime 2022", topics=["overtime"], published_on=dt.date(2022, 6, 1))
    body = client.get("/disclosure-log/?q=taser").content.decode()
    assert '<option value="tasers">tasers (2)</option>' in body
    assert '<option value="training">training (1)</option>' in body
    assert (
        '<option value="2021">2021 (1)</option>' in body and '<option value="2022">2022 (1)</option>' in body
    )
    assert "s.40(2)" in body and "(1)</option>" in body
    assert _titles(client, "?q=taser&topic=training") == ["Taser training"]
    assert _titles(client, "?q=taser&year=2021") == ["Taser use 2021"]
    assert _titles(client, "?q=taser&outcome=withheld") == ["Taser training"]
    assert _titles(client, "?exemption=s.40(2)") == ["Taser use 2021"]
    assert _titles(client, "?topic=overtime") == ["Overtime 2022"]
    assert '<option value="withheld">Withheld (1)</option>' in body
    # One bad value drops that filter only, with an error; the others still apply.
    assert _titles(client, "?q=taser&year=2021&outcome=nonsense") == ["Taser use 2021"]
    chosen = client.get("/disclosure-log/?topic=training").content.decode()
    assert '<option value="training" selected>training (1)</option>' in chosen


def test_the_api_searches_the_same_way(log: None, client: Client) -> None:
    found = client.get("/api/v1/disclosures", {"q": "sexual misconduct 2021"}).json()
    assert SERVING_OFFICERS_TITLE in [r["title"] for r in found["results"]]


_HOSTILE = st.one_of(
    st.text(max_size=400),
    st.lists(
        st.sampled_from(
            [
                '"',
                "*",
                "NEAR(",
                ")",
                "OR",
                "AND",
                "NOT",
                "^",
                ":",
                "-",
                "\x00",
                "'",
                "\\",
                "{",
                "}",
                "col:",
                "NEAR/2",
                "+",
                "taser",
                "2021",
                "<->",
                "&",
                "|",
                "!",
                "\ud800",
                "%",
            ]
        ),
        max_size=30,
    ).map(" ".join),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=_HOSTILE, field=st.sampled_from(["q", "topic", "exemption", "outcome", "year", "sort", "page"]))
def test_hostile_queries_never_give_a_server_error_on_the_page_or_the_api(
    client: Client, q: str, field: str
) -> None:
    PublicationFactory(title="Taser use 2021", topics=["tasers"], exemptions=["s.40(2)"])
    value = q.encode("utf-8", "surrogatepass")  # lone surrogates: bytes that are not UTF-8
    from urllib.parse import quote_from_bytes

    query = f"?{field}={quote_from_bytes(value)}"
    _answered_clearly(client, query)


@pytest.mark.parametrize(
    "query", ["?topic=%00", "?q=%00", "?exemption=%00", "?q=%FF%FE", "?q=" + "a%22" * 3000]
)
def test_known_hostile_queries(client: Client, query: str) -> None:
    PublicationFactory()
    _answered_clearly(client, query)


def _answered_clearly(client: Client, query: str) -> None:
    """The page and the API answer, or refuse with a reason (web/request_guard.py: NUL and bytes that are
    not UTF-8 are a 400 before any view); never a server error."""
    page = client.get("/disclosure-log/" + query)
    assert page.status_code in (200, 400)
    if page.status_code == 400:
        assert "Bad request:" in page.content.decode()
    answer = client.get("/api/v1/disclosures" + query)
    assert answer.status_code in (200, 400, 422)
    if answer.status_code != 200:
        assert answer["Content-Type"].startswith("application/json")


def test_the_api_says_when_it_fell_back_to_any_word_and_sorts_newest(client: Client) -> None:
    PublicationFactory(title="Taser use", published_on=dt.date(2021, 1, 1))
    PublicationFactory(title="Taser training taser taser", published_on=dt.date(2020, 1, 1))
    found = client.get("/api/v1/disclosures", {"q": "taser xylophone"}).json()
    assert found["all_words"] is False and found["count"] == 2
    newest = client.get("/api/v1/disclosures", {"q": "taser", "sort": "newest"}).json()
    assert [r["title"] for r in newest["results"]] == ["Taser use", "Taser training taser taser"]


def test_a_search_matching_more_than_it_counts_pages_through_the_best_and_says_so(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from foidesk.web.publication import search

    monkeypatch.setattr(search, "CANDIDATE_LIMIT", 10)  # the threshold, as if the log were large
    for n in range(12):
        PublicationFactory(title=f"Taser use {n}")
    page = client.get("/disclosure-log/?q=taser").content.decode()
    assert "More than 10 published responses" in page
    found = client.get("/api/v1/disclosures?q=taser").json()
    assert found["count"] == 10 and found["more"] is True and len(found["results"]) == 10
    # The candidates are the most recently published matches: the two first published are left out.
    assert {r["title"] for r in found["results"]} == {f"Taser use {n}" for n in range(2, 12)}
    assert "the 10 most recent that match are listed, best first" in page
    newest = client.get("/api/v1/disclosures?q=taser&sort=newest").json()
    assert {r["title"] for r in newest["results"]} == {f"Taser use {n}" for n in range(2, 12)}
    few = client.get("/api/v1/disclosures?q=taser+use+3").json()
    assert few["more"] is False
