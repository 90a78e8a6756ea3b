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


def related_references(entry: Publication, limit: int = RELATED_ENTRIES) -> list[str]:
    """Other published entries about the same thing (its words, topics and periods: the s.21 matcher),
    best first. Run when the entry is published; the entry page reads what was stored."""
    matches = search_publications(f"{entry.title} {entry.request_text}", topics=entry.topics, limit=limit + 1)
    return [m.reference for m in matches if m.reference != entry.reference and not m.same_request][:limit]


def related_entries(entry: Publication, limit: int = RELATED_ENTRIES) -> list[Publication]:
    """The related entries to show on ``entry``'s page, still published, in the stored order (an entry
    published before they were stored has them looked for once an hour, cached)."""
    references = entry.related
    if references is None:
        key = f"related:{entry.pk}:{entry.updated_at.timestamp()}"
        references = cache.get(key)
        if references is None:
            references = related_references(entry, limit)
            cache.set(key, references, RELATED_CACHE_SECONDS)
    found = {
        e.reference: e
        for e in published_entries().filter(reference__in=references).only("reference", "slug", "title")
    }
    return [found[r] for r in references if r in found][:limit]


def topic_entries(topic: str) -> QuerySet[Publication]:
    """The published entries under one topic (its Atom feed), newest first."""
    entries = published_entries()
    if _json_contains_supported():
        return entries.filter(topics__contains=[topic])
    return entries.filter(topics__icontains=f'"{topic}"')
