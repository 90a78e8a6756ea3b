"""Reads of the disclosure log. `published_entries` is the one gate to what is public."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, cast

from django.core.cache import cache
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Q, QuerySet

from foidesk.core.outcome import Outcome
from foidesk.core.search_query import SearchQuery
from foidesk.core.topics import DEFAULT_VOCABULARY
from foidesk.web.publication.models import Publication
from foidesk.web.publication.search import CANDIDATE_LIMIT, search_candidates, search_publications, snippets

PAGE_SIZE = 20
# A typed search ranks and counts at most search.CANDIDATE_LIMIT entries (the newest that match); the
# filters' counts are taken over the same entries, so the search runs once.
FACET_VALUES = 60  # values offered per filter, most frequent first
SORTS = ("relevance", "newest")


def published_entries() -> QuerySet[Publication]:
    """Everything the public may see, and nothing else: every public view starts here."""
    return Publication.objects.published()


def published_entry(slug: str) -> Publication | None:
    return published_entries().prefetch_related("attachments", "points_to").filter(slug=slug).first()


def log_version() -> int | None:
    """The log's version, which the database raises on every write to an entry, its files or its links
    (migration 0006): entry pages are cached under it. One primary-key read, no ORM; None where there is
    no version row (a database emptied by a test's flush), and then nothing is cached."""
    if connection.vendor not in ("postgresql", "sqlite"):  # the triggers exist on these two only
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT generation FROM publication_logversion WHERE id = 1")
        found = cursor.fetchone()
    return None if found is None else int(found[0])


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


def _condition(filters: LogFilters) -> Q:
    """The filters as one condition on the fields a Publication and its SearchEntry share."""
    condition = topic_condition(filters.topic) if filters.topic else Q()
    if filters.outcome:
        condition &= Q(outcomes__icontains=f'"{filters.outcome}"')
    if filters.exemption:
        condition &= Q(exemptions__icontains=f'"{filters.exemption}"')
    if filters.year:
        condition &= Q(published_on__year=filters.year)
    return condition


_FACETED = ("topics", "outcomes", "exemptions")


def log_search(filters: LogFilters, page_number: int, *, for_page: bool = True) -> LogResults:
    """One page of the log's search: entries and, ``for_page`` (the web page, not the API), highlighted
    extracts of the entries shown and each filter's values with counts.

    A typed search takes its candidates in one query (search.search_candidates: at most CANDIDATE_LIMIT
    entries, the newest that match, with their rank and, for the page, their filter values): the count,
    the page and the filters' counts all come from those rows. When more entries match (``more``), the
    page says so and lists the best of the candidates. The whole log, unsearched, is paged by the database
    (the filters are then offered uncounted)."""
    filters = filters.cleaned()
    condition = _condition(filters)
    entries = published_entries().filter(condition)
    columns = _FACETED if for_page else ()
    if not filters.q:
        newest = entries.order_by("-published_on", "-id")
        head = list(newest.values_list("pk", "published_on", "published_on", *columns)[: CANDIDATE_LIMIT + 1])
        if len(head) > CANDIDATE_LIMIT:  # the log itself, or a broad filter: paged by the database
            page = Paginator(newest.only(*_LISTED), PAGE_SIZE).get_page(page_number)
            return LogResults(page, facets=_uncounted_facets() if for_page else {})
        return _listed(head, page_number, facets=_facets(head) if for_page else {})
    found = search_candidates(condition, filters.q, columns=columns)
    rows = found.rows
    if filters.sort == "newest":
        rows.sort(key=lambda row: (row[2], row[0]), reverse=True)
    else:
        rows.sort(key=lambda row: (row[1], row[2], row[0]), reverse=True)
    results = _listed(rows, page_number, facets=_facets(rows) if for_page else {})
    return dataclasses.replace(
        results,
        more=found.more,
        query=found.search.query,
        all_words=found.search.all_words,
        snippets=snippets(found.search, [e.pk for e in results.page.object_list]) if for_page else {},
    )


def _listed(rows: list[tuple[Any, ...]], page_number: int, facets: dict[str, list[FacetValue]]) -> LogResults:
    """The page ``page_number`` of the entries ``rows`` (ids first), in that order."""
    listed = Paginator([row[0] for row in rows], PAGE_SIZE).get_page(page_number)
    ids = list(listed.object_list)
    by_id = {entry.pk: entry for entry in published_entries().filter(pk__in=ids).only(*_LISTED)}
    page: Page[Publication] = Page(
        [by_id[pk] for pk in ids if pk in by_id],
        listed.number,
        cast("Paginator[Publication]", listed.paginator),
    )
    return LogResults(page, facets=facets)


_LISTED = ("reference", "slug", "title", "summary", "published_on", "exemptions", "outcomes", "topics")


def _facets(rows: list[tuple[Any, ...]]) -> dict[str, list[FacetValue]]:
    """Each filter's values among the candidate ``rows`` (id, rank, published on, topics, outcomes,
    exemptions), with how many hold each, most first."""
    years = Counter(str(row[2].year) for row in rows)
    facets = {"year": [FacetValue(year, years[year]) for year in sorted(years, reverse=True)]}
    for index, name in enumerate(("topic", "outcome", "exemption"), start=3):
        counts: Counter[str] = Counter()
        for row in rows:
            values = row[index]
            if isinstance(values, list):
                counts.update({str(v) for v in values if v})
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:FACET_VALUES]
        facets[name] = [FacetValue(value, n) for value, n in ranked]
    return facets


def _uncounted_facets() -> dict[str, list[FacetValue]]:
    # The first and the last year from the index on publication dates, not every entry's date.
    dates = published_entries().order_by("published_on").values_list("published_on", flat=True)
    first, last = dates.first(), dates.last()
    years = range(last.year, first.year - 1, -1) if first and last else range(0)
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
    return published_entries().filter(topic_condition(topic))


def topic_condition(topic: str) -> Q:
    """Entries under one topic: a JSON containment where the database has one, else the quoted name."""
    if connection.features.supports_json_field_contains:
        return Q(topics__contains=[topic])
    return Q(topics__icontains=f'"{topic}"')
