"""Reads of the disclosure log. `published_entries` is the one gate to what is public."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, cast

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import QuerySet

from foidesk.core.outcome import Outcome
from foidesk.core.search_query import SearchQuery
from foidesk.core.topics import DEFAULT_VOCABULARY
from foidesk.web.publication.models import Publication
from foidesk.web.publication.search import TextSearch, search_publications, search_text, snippets

PAGE_SIZE = 20
# Filters show how many results each value would give while the results are at most this many; beyond,
# counting every topic of every result would cost more than the search (the values are still offered).
FACET_COUNT_LIMIT = 10_000
FACET_VALUES = 60  # values offered per filter, most frequent first
SORTS = ("relevance", "newest")


def published_entries() -> QuerySet[Publication]:
    """Everything the public may see, and nothing else: every public view starts here."""
    return Publication.objects.published()


def published_entry(slug: str) -> Publication | None:
    return published_entries().prefetch_related("attachments", "points_to").filter(slug=slug).first()


def _printable(value: str) -> str:
    """Filter values as the databases can hold them: no NUL or other control characters."""
    return "".join(c for c in value if c.isprintable()).strip()


@dataclass(frozen=True, slots=True)
class LogFilters:
    """The disclosure log's search, from the query string (validated by the form or the API schema)."""

    q: str = ""
    topic: str = ""
    outcome: str = ""
    exemption: str = ""
    year: int | None = None
    sort: str = ""  # "relevance" (the default with words to search for) or "newest"

    def cleaned(self) -> LogFilters:
        return dataclasses.replace(
            self,
            q=self.q.replace("\x00", " "),
            topic=_printable(self.topic).lower(),
            outcome=_printable(self.outcome),
            exemption=_printable(self.exemption),
            sort=self.sort if self.sort in SORTS else "",
        )


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str
    count: int | None  # None: not counted (too many results)


@dataclass(frozen=True, slots=True)
class LogResults:
    page: Page[Publication]
    more: bool = False  # more entries match than the page counts: the count is a lower bound
    query: SearchQuery | None = None
    all_words: bool = True
    snippets: dict[int, str] = field(default_factory=dict)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


def _filtered(filters: LogFilters) -> tuple[QuerySet[Publication], TextSearch | None]:
    entries = topic_entries(filters.topic) if filters.topic else published_entries()
    if filters.outcome:
        entries = entries.filter(outcomes__icontains=f'"{filters.outcome}"')
    if filters.exemption:
        entries = entries.filter(exemptions__icontains=f'"{filters.exemption}"')
    if filters.year:
        entries = entries.filter(published_on__year=filters.year)
    if not filters.q:
        return entries, None
    search = search_text(entries, filters.q)
    return search.entries, search


def log_search(filters: LogFilters, page_number: int, *, for_page: bool = True) -> LogResults:
    """One page of the log's search: entries and, ``for_page`` (the web page, not the API), highlighted
    extracts and each filter's values with counts.

    The ids of the matching entries, best first, are fetched in one query (up to FACET_COUNT_LIMIT):
    the count, the page and the filters' counts all come from that list, so the search runs once.
    A search with more matches than that pages through the best FACET_COUNT_LIMIT (``more``); the whole
    log, unsearched, is counted and paged by the database (the filters are then not counted)."""
    filters = filters.cleaned()
    entries, search = _filtered(filters)
    if search is None or filters.sort == "newest":
        entries = entries.order_by("-published_on", "-id")
    head = list(entries.values_list("pk", "published_on")[: FACET_COUNT_LIMIT + 1])
    more = search is not None and len(head) > FACET_COUNT_LIMIT
    if more:
        # A search matching more than FACET_COUNT_LIMIT entries pages through the best of them: ranking
        # and counting every match again (a common word matches a tenth of a million-entry log) would
        # take seconds, and nobody reads past the first ten thousand results of a search.
        head = head[:FACET_COUNT_LIMIT]
    if len(head) <= FACET_COUNT_LIMIT:
        found = Paginator(head, PAGE_SIZE).get_page(page_number)
        ids = [pk for pk, _ in found.object_list]
        by_id = {entry.pk: entry for entry in published_entries().filter(pk__in=ids).only(*_LISTED)}
        page: Page[Publication] = Page(
            [by_id[pk] for pk in ids if pk in by_id],
            found.number,
            cast("Paginator[Publication]", found.paginator),
        )
        facets = (_uncounted_facets() if more else _facets(head)) if for_page else {}
    else:
        page = Paginator(entries.only(*_LISTED), PAGE_SIZE).get_page(page_number)
        facets = _uncounted_facets() if for_page else {}
    if search is None:
        return LogResults(page, facets=facets)
    return LogResults(
        page,
        more=more,
        query=search.query,
        all_words=search.all_words,
        snippets=snippets(search, [entry.pk for entry in page.object_list]) if for_page else {},
        facets=facets,
    )


_LISTED = ("reference", "slug", "title", "summary", "published_on", "exemptions", "outcomes", "topics")


def _facets(rows: list[tuple[int, dt.date]]) -> dict[str, list[FacetValue]]:
    """Each filter's values among the entries ``rows`` (id, published on), with how many have each; the
    lists of topics, outcomes and exemptions are counted by the database over those ids."""
    if not rows:
        return {"year": [], "topic": [], "outcome": [], "exemption": []}
    years = Counter(str(published_on.year) for _, published_on in rows)
    ids = [pk for pk, _ in rows]
    return {
        "year": [FacetValue(year, years[year]) for year in sorted(years, reverse=True)],
        "topic": _list_counts(ids, "topics"),
        "outcome": _list_counts(ids, "outcomes"),
        "exemption": _list_counts(ids, "exemptions"),
    }


def _list_counts(ids: list[int], column: str) -> list[FacetValue]:
    """How many of the entries ``ids`` hold each value of the JSON list ``column`` (a fixed name)."""
    if connection.vendor == "postgresql":
        values = (
            f"jsonb_array_elements_text(CASE WHEN jsonb_typeof(p.{column}) = 'array' "
            f"THEN p.{column} ELSE '[]'::jsonb END) AS j(value)"
        )
        chosen = "p.id = ANY(%s)"
        param: Any = ids
    elif connection.vendor == "sqlite":
        values = (
            f"json_each(CASE WHEN json_valid(p.{column}) THEN CASE WHEN json_type(p.{column}) = 'array' "
            f"THEN p.{column} ELSE '[]' END ELSE '[]' END) AS j"
        )
        chosen = "p.id IN (SELECT value FROM json_each(%s))"
        param = json.dumps(ids)
    else:
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT j.value, count(*) FROM publication_publication AS p, {values} "  # noqa: S608 - fixed names
            f"WHERE {chosen} GROUP BY j.value ORDER BY count(*) DESC, j.value LIMIT %s",
            [param, FACET_VALUES],
        )
        return [FacetValue(str(value), int(n)) for value, n in cursor.fetchall() if value]


def _uncounted_facets() -> dict[str, list[FacetValue]]:
    years = sorted({d.year for d in published_entries().dates("published_on", "year")}, reverse=True)
    return {
        "year": [FacetValue(str(y), None) for y in years],
        "topic": [FacetValue(name.lower(), None) for name in sorted(DEFAULT_VOCABULARY.names, key=str.lower)],
        "outcome": [FacetValue(o.value, None) for o in Outcome if o is not Outcome.UNDECIDED],
        "exemption": [],  # a free-text box instead
    }


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
    """The published entries under one topic (the log's topic filter, the topic's Atom feed)."""
    entries = published_entries()
    if connection.features.supports_json_field_contains:
        return entries.filter(topics__contains=[topic])
    return entries.filter(topics__icontains=f'"{topic}"')
