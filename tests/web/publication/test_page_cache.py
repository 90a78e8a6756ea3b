"""Entry pages served from the worker's page cache (page_cache.py), over real HTTP and the real database:
a withdrawn entry is never served from it, a republished one is rendered again, and so is a page whose
related entry was withdrawn; the log's version, raised by the database's triggers, decides."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client

from foidesk.core.workflow import Role
from foidesk.web.cases.publishing import publication_withdraw
from foidesk.web.publication.models import LogVersion
from foidesk.web.publication.page_cache import PageCache, entry_pages
from foidesk.web.publication.selectors import log_version
from tests.factories import PublicationFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    entry_pages.clear()
    yield
    entry_pages.clear()


def test_a_withdrawn_entry_is_never_served_from_the_cache(client: Client) -> None:
    entry = PublicationFactory(title="Drone flights over the borough", related=[])
    first = client.get(entry.get_absolute_url())
    assert first.status_code == 200 and len(entry_pages) == 1
    assert client.get(entry.get_absolute_url()).content == first.content  # served from the cache
    publication_withdraw(publication=entry, reason="It named a witness.", actor=staff(Role.PUBLISHER))
    gone = client.get(entry.get_absolute_url())
    assert gone.status_code == 404
    assert "Drone flights over the borough" not in gone.content.decode()


def test_a_republished_entry_is_rendered_again(client: Client) -> None:
    entry = PublicationFactory(title="Overtime in 2023", related=[])
    assert "Overtime in 2023" in client.get(entry.get_absolute_url()).content.decode()
    entry.title = "Overtime in 2023, corrected"
    entry.save()  # as publishing again does (update_or_create): a new version
    body = client.get(entry.get_absolute_url()).content.decode()
    assert "Overtime in 2023, corrected" in body


def test_a_page_whose_related_entry_is_withdrawn_no_longer_shows_it(client: Client) -> None:
    other = PublicationFactory(title="Taser use in 2022", related=[])
    entry = PublicationFactory(title="Tasers", related=[other.reference])
    assert "Taser use in 2022" in client.get(entry.get_absolute_url()).content.decode()
    publication_withdraw(publication=other, reason="Wrong figures.", actor=staff(Role.PUBLISHER))
    assert "Taser use in 2022" not in client.get(entry.get_absolute_url()).content.decode()


def test_an_earlier_answer_withdrawn_leaves_the_page_that_points_to_it(client: Client) -> None:
    earlier = PublicationFactory(title="Stop and search by borough", related=[])
    entry = PublicationFactory(title="Stop and search again", related=[])
    entry.points_to.add(earlier)
    assert "Stop and search by borough" in client.get(entry.get_absolute_url()).content.decode()
    publication_withdraw(publication=earlier, reason="Wrong figures.", actor=staff(Role.PUBLISHER))
    assert "Stop and search by borough" not in client.get(entry.get_absolute_url()).content.decode()


def test_the_cache_drops_the_least_recently_used_pages_beyond_its_bounds() -> None:
    pages = PageCache(pages=2, size=10)
    pages.put("a", b"1234")
    pages.put("b", b"1234")
    assert pages.get("a") == b"1234"  # "a" is now the most recently used
    pages.put("c", b"1234")
    assert pages.get("b") is None and pages.get("a") == b"1234" and len(pages) == 2
    pages.put("d", b"12345678")  # over the size bound: the oldest go
    assert len(pages) == 1 and pages.get("d") == b"12345678"
    pages.put("huge", b"x" * 11)  # bigger than the whole cache: not kept
    assert pages.get("huge") is None


def test_withdrawing_raises_the_log_version_every_worker_checks(client: Client) -> None:
    entry = PublicationFactory(title="Drone flights", related=[])
    client.get(entry.get_absolute_url())
    before = log_version()
    assert before is not None and (entry.slug, before) in entry_pages._pages
    publication_withdraw(publication=entry, reason="It named a witness.", actor=staff(Role.PUBLISHER))
    after = log_version()
    assert after is not None and after > before
    # Another worker holding the page under the old version: the key it would look it up by is new.
    other_worker = PageCache()
    other_worker.put((entry.slug, before), b"stale", version=before)
    assert other_worker.get((entry.slug, after)) is None
    assert client.get(entry.get_absolute_url()).status_code == 404


def test_a_new_file_or_link_raises_the_log_version() -> None:
    entry = PublicationFactory(related=[])
    earlier = PublicationFactory(related=[])
    versions = [log_version()]
    entry.points_to.add(earlier)
    versions.append(log_version())
    entry.attachments.create(
        title="Figures",
        file="published/x/figures.csv",
        filename="figures.csv",
        content_type="text/csv",
        size=1,
    )
    versions.append(log_version())
    first, linked, filed = versions
    assert first is not None and linked is not None and filed is not None
    assert first < linked < filed


def test_pages_kept_under_another_log_version_are_dropped() -> None:
    pages = PageCache()
    pages.put(("a", 1), b"old", version=1)
    pages.put(("b", 2), b"new", version=2)
    assert pages.get(("a", 1)) is None and pages.get(("b", 2)) == b"new" and len(pages) == 1


def test_a_missing_version_row_means_no_cache_until_the_next_write_makes_it_again(client: Client) -> None:
    LogVersion.objects.all().delete()  # as a test's flush leaves the table
    entry = PublicationFactory(title="Speeding fines", related=[])
    assert log_version() is not None
    LogVersion.objects.all().delete()
    assert log_version() is None
    assert client.get(entry.get_absolute_url()).status_code == 200 and len(entry_pages) == 0
