"""Search of the disclosure log on the real database (SQLite FTS5 here, PostgreSQL tsvector in CI)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Q

from foidesk.datasets.disclosure_log import demo_entries
from foidesk.web.publication.models import Publication
from foidesk.web.publication.search import (
    _rarest_terms,
    filter_by_text,
    refresh_search_terms,
    search_candidates,
    search_publications,
)

pytestmark = pytest.mark.django_db(transaction=True)

REFERENCE_REQUEST = Path(__file__).resolve().parents[3] / "src/foidesk/web/demo/reference_request.txt"


@pytest.fixture
def log() -> None:
    for entry in demo_entries():
        Publication.objects.create(**entry.as_row())


def test_the_reference_request_finds_the_serving_officers_entry_first(log: None) -> None:
    text = REFERENCE_REQUEST.read_text()
    matches = search_publications(
        text,
        topics={"sexual misconduct", "misconduct"},
        date_ranges=[(dt.date(2020, 1, 1), dt.date(2021, 12, 31))],
    )
    assert (
        matches[0].title == "Serving officers accused of alleged sexual harassment/assault from 2010 to 2021"
    )
    assert "sexual misconduct" in matches[0].why.shared_topics
    assert matches[0].why.period_coverage == 1.0
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_unpublished_entries_are_never_found(log: None) -> None:
    Publication.objects.filter(title__startswith="Taser").update(is_published=False)
    assert not [m for m in search_publications("Taser discharges in 2021") if m.title.startswith("Taser")]
    assert not filter_by_text(Publication.objects.all(), "taser").exists()


def test_search_box_words_find_entries_and_operators_are_just_words(log: None) -> None:
    found = list(filter_by_text(Publication.objects.published(), "taser discharges"))
    assert [p.title for p in found] == ["Taser discharges by officers in 2021"]
    for hostile in ['" OR 1=1 --', "NEAR(taser", "taser* AND", "'; DROP TABLE x; --", "\x00"]:
        list(filter_by_text(Publication.objects.published(), hostile))  # no error


def test_the_same_request_published_before_is_flagged_not_offered_as_an_earlier_answer(log: None) -> None:
    taser = Publication.objects.get(title__startswith="Taser")
    matches = search_publications(taser.request_text)
    assert matches[0].reference == taser.reference and matches[0].same_request
    assert not any(m.same_request for m in matches[1:])


def test_with_word_counts_the_search_starts_from_the_rarest_words(log: None) -> None:
    refresh_search_terms()  # PostgreSQL counts on demand; SQLite's FTS5 keeps its own counts
    rare = _rarest_terms(REFERENCE_REQUEST.read_text())
    assert rare and len(rare) >= 2
    matches = search_publications(
        REFERENCE_REQUEST.read_text(),
        topics={"sexual misconduct", "misconduct"},
        date_ranges=[(dt.date(2020, 1, 1), dt.date(2021, 12, 31))],
    )
    assert (
        matches[0].title == "Serving officers accused of alleged sexual harassment/assault from 2010 to 2021"
    )


def _search_rows() -> dict[int, tuple[bool, bool]]:
    """Each narrow search row: whether its date and filter values, and its words, are its entry's."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, s.published_on = p.published_on AND s.topics = p.topics AND s.outcomes = p.outcomes "
            "AND s.exemptions = p.exemptions, s.document = p.search_vector "
            "FROM publication_searchentry AS s JOIN publication_publication AS p USING (id)"
        )
        return {row[0]: (row[1], row[2]) for row in cursor.fetchall()}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the narrow search rows are PostgreSQL's")
def test_the_narrow_search_rows_follow_publishing_withdrawing_and_republishing() -> None:
    from foidesk.core.workflow import Role
    from foidesk.web.cases.publishing import publication_withdraw
    from tests.factories import PublicationFactory, staff

    entry = PublicationFactory(title="Drone flights", topics=["drones"], related=[])
    hidden = PublicationFactory(title="Not yet public", is_published=False, related=[])
    rows = _search_rows()
    assert entry.pk in rows and hidden.pk not in rows
    assert rows[entry.pk] == (True, True)  # its date, topics and words, as published
    entry.title = "Drone flights, corrected"
    entry.save()  # publishing again
    assert _search_rows()[entry.pk] == (True, True)  # the new words
    assert [row[0] for row in search_candidates(Q(), "corrected").rows] == [entry.pk]
    publication_withdraw(publication=entry, reason="It named a witness.", actor=staff(Role.PUBLISHER))
    assert entry.pk not in _search_rows()
