"""Reads of the disclosure log. `published_entries` is the one gate to what is public."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from foidesk.web.publication.models import Publication
from foidesk.web.publication.search import filter_by_text

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
