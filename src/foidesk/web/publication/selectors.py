"""Reads of the disclosure log. `published_entries` is the one gate to what is public."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from foidesk.web.publication.models import Publication
from foidesk.web.publication.search import filter_by_text, search_publications

PAGE_SIZE = 20


def published_entries() -> QuerySet[Publication]:
    """Everything the public may see, and nothing else: every public view starts here."""
    return Publication.objects.published()


def published_entry(slug: str) -> Publication | None:
    return published_entries().prefetch_related("attachments", "points_to").filter(slug=slug).first()


@dataclass(frozen=True, slots=True)
class LogFilters:
    """The disclosure log's search, from the query string (validated by the form)."""

    q: str = ""
    topic: str = ""
    outcome: str = ""
    exemption: str = ""
    year: int | None = None


def disclosure_log_search(filters: LogFilters, page_number: int) -> Page[Publication]:
    entries = published_entries()
    if filters.topic:
        entries = (
            entries.filter(topics__contains=[filters.topic])
            if _json_contains_supported()
            else entries.filter(topics__icontains=f'"{filters.topic}"')
        )
    if filters.outcome:
        entries = entries.filter(outcomes__icontains=f'"{filters.outcome}"')
    if filters.exemption:
        entries = entries.filter(exemptions__icontains=f'"{filters.exemption}"')
    if filters.year:
        entries = entries.filter(published_on__year=filters.year)
    if filters.q:
        entries = _text_search(entries, filters.q)
    paginator = Paginator(
        entries.only(
            "reference", "slug", "title", "summary", "published_on", "exemptions", "outcomes", "topics"
        ),
        PAGE_SIZE,
    )
    return paginator.get_page(page_number)


def _json_contains_supported() -> bool:
    from django.db import connection

    return connection.features.supports_json_field_contains


def _text_search(entries: QuerySet[Publication], q: str) -> QuerySet[Publication]:
    """Full-text search: PostgreSQL's tsvector or SQLite's FTS5 (publication/search.py)."""
    return filter_by_text(entries, q)


def log_facets() -> dict[str, list[str]]:
    """Values offered in the log's filters."""
    years = sorted({d.year for d in published_entries().dates("published_on", "year")}, reverse=True)
    return {"years": [str(y) for y in years]}


RELATED_ENTRIES = 5
RELATED_CACHE_SECONDS = 3600  # an entry's neighbours change only when entries are published or withdrawn


def related_entries(entry: Publication, limit: int = RELATED_ENTRIES) -> list[dict[str, str]]:
    """Other published entries about the same thing (its words, topics and periods: the s.21 matcher),
    as title, reference and address; cached for an hour per version of the entry, since the matcher
    reads the index and an entry page must stay fast."""
    key = f"related:{entry.pk}:{entry.updated_at.timestamp()}:{limit}"
    found: list[dict[str, str]] | None = cache.get(key)
    if found is None:
        matches = search_publications(
            f"{entry.title} {entry.request_text}", topics=entry.topics, limit=limit + 1
        )
        found = [
            {"title": m.title, "reference": m.reference, "url": m.url}
            for m in matches
            if m.reference != entry.reference and not m.same_request
        ][:limit]
        cache.set(key, found, RELATED_CACHE_SECONDS)
    return found


def topic_entries(topic: str) -> QuerySet[Publication]:
    """The published entries under one topic (its Atom feed), newest first."""
    entries = published_entries()
    if _json_contains_supported():
        return entries.filter(topics__contains=[topic])
    return entries.filter(topics__icontains=f'"{topic}"')
