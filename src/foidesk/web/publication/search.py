"""Full-text search of published disclosure-log entries (the index is made by migration 0002).

The search box (``search_text``): what was typed is read by core/search_query.py into plain words,
phrases and prefixes, with a topic's other phrases as alternatives; PostgreSQL runs it as a tsquery of
bound parameters (``english`` stemming, the stored ``search_vector`` with its GIN index, ranked by
``ts_rank_cd`` over the A-D weights), SQLite as an FTS5 MATCH (porter stemming, ranked by ``bm25`` with
SQLITE_COLUMN_WEIGHTS). The log's search box takes its candidates (``search_candidates``) from the narrow
search rows on PostgreSQL (models.SearchEntry, migration 0007) and ranks them among themselves on SQLite
(``sqlite_ranks``). Snippets are the databases' own (``ts_headline``, FTS5 ``snippet``), escaped here.
Matching a whole request (``search_publications``): an OR of key terms, the database's rank then combined
with shared topics and overlapping periods by core/matching.py, and every match says why it matched.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import BooleanField, FloatField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

from foidesk.core.matching import (
    Candidate,
    Enquiry,
    MatchReasons,
    NearDuplicateSettings,
    containment,
    fingerprint,
    key_terms,
    rank_earlier_answers,
    similarity,
)
from foidesk.core.periods import Period
from foidesk.core.search_query import SearchQuery, fts5_match, parse_query
from foidesk.web.publication.models import Publication, SearchEntry

CANDIDATES = 100  # entries the database ranks before topics and periods re-rank them
RANKED_HITS = 1000  # PostgreSQL: entries whose rank is computed, at most (bounds the time per query)
NET_ENTRIES = 2_000  # with word counts: the rarest words are taken until they would net more entries
MIN_NET_TERMS = 2
MAX_NET_TERMS = 8
KEY_TERMS = 24  # distinctive words of a request used to find candidates
# An entry whose request text is this alike to what is asked publishes the same request (a repeat or a
# round-robin): reported as such, apart from the earlier answers.
SAME_REQUEST_SIMILARITY = NearDuplicateSettings().same_text  # matching's own threshold, one home
SAME_REQUEST_ROOM = 3
_SAFE_WORD = re.compile(r"[a-z0-9]{2,40}")


@dataclass(frozen=True, slots=True)
class Match:
    """A published entry that may already answer a request (s.21)."""

    reference: str
    title: str
    score: float
    url: str
    why: MatchReasons
    same_request: bool = False
    """The entry publishes this very request (a near-duplicate text), not an earlier answer to it."""

    def as_dict(self) -> dict[str, object]:
        return {
            "reference": self.reference,
            "title": self.title,
            "score": round(self.score, 3),
            "url": self.url,
            "why": self.why.as_dict(),
        }


def _words(text: str, limit: int) -> list[str]:
    """Plain lower-case words only: nothing a query language could read as an operator."""
    words = []
    for word in key_terms(text, limit=limit * 2).values():
        if _SAFE_WORD.fullmatch(word) and word not in words:
            words.append(word)
        if len(words) == limit:
            break
    return words


# Weights of the FTS5 columns for bm25 (title, summary, request, response), as PostgreSQL's A-D weights
# of migration 0002 rank a word in the title above one in the response.
SQLITE_COLUMN_WEIGHTS = (10.0, 4.0, 2.0, 1.0, 1.0)  # title, summary, request, response, files
SNIPPET_WORDS = 24  # SQLite: tokens per snippet; PostgreSQL: MaxWords
SNIPPET_OPTIONS = (
    'StartSel="\ue000", StopSel="\ue001", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'
)
_MARK_START, _MARK_END = "\ue000", "\ue001"


@dataclass(frozen=True, slots=True)
class TextSearch:
    """Entries matching a typed query, best first; ``all_words`` False when no entry had every word and
    entries with any of them are shown instead."""

    entries: QuerySet[Publication]
    query: SearchQuery
    all_words: bool = True


# A typed search ranks at most this many matching entries, the most recently published first (by id,
# the order entries are published in): ranking or counting every entry holding a common word would grow
# with the log (a tenth of a million-entry log holds "search"). The page says when the bound applies.
CANDIDATE_LIMIT = 200
RECENT_IDS = 5_000  # PostgreSQL: the newest entries searched first, newest match first


@dataclass(frozen=True, slots=True)
class Candidates:
    """The entries a typed search ranks, as rows (id, rank, published on, *extra columns), in no order;
    ``more`` when more entries match than CANDIDATE_LIMIT (the rows are then the newest of them)."""

    rows: list[tuple[Any, ...]]
    search: TextSearch
    more: bool


def search_candidates(
    condition: Q, q: str, *, limit: int | None = None, columns: Sequence[str] = ()
) -> Candidates:
    """At most ``limit`` published entries meeting the filters' ``condition`` (on the fields Publication
    and SearchEntry share) and matching what was typed (all words, else any word), newest first, each with
    its rank and ``columns``: one query where the all-words search finds anything."""
    limit = CANDIDATE_LIMIT if limit is None else limit
    query = parse_query(q)
    entries = Publication.objects.published().filter(condition).order_by()
    if query.is_empty:
        return Candidates([], TextSearch(entries.none(), query), more=False)
    all_words = True
    rows = _candidate_rows(entries, condition, query, True, limit + 1, columns)
    if not rows and len(query.groups) > 1:
        all_words = False
        rows = _candidate_rows(entries, condition, query, False, limit + 1, columns)
    search = TextSearch(_matching(entries, query, all_groups=all_words), query, all_words)
    return Candidates(rows[:limit], search, more=len(rows) > limit)


def _candidate_rows(
    entries: QuerySet[Publication],
    condition: Q,
    query: SearchQuery,
    all_groups: bool,
    limit: int,
    columns: Sequence[str],
) -> list[tuple[Any, ...]]:
    fields = ("pk", "rank", "published_on", *columns)
    if connection.vendor == "postgresql":
        tsquery, params = postgres_tsquery(query, all_groups=all_groups)
        # The narrow search rows (models.SearchEntry, published entries only), not the log's own rows.
        narrow = SearchEntry.objects.filter(condition).order_by()
        found = _postgres_ranked(narrow, "publication_searchentry.document", tsquery, params)
        return _postgres_candidates(found, fields, limit)
    if connection.vendor == "sqlite":
        # FTS5 hands the matches over newest id first and stops at the limit; they are ranked after
        # (sqlite_ranks), among themselves.
        found = entries.extra(  # the match expression is a bound parameter
            tables=["publication_search"],
            where=["publication_search.rowid = publication_publication.id", "publication_search MATCH %s"],
            params=[fts5_match(query, all_groups=all_groups)],
            order_by=["-publication_search.rowid"],
        )
        rows = list(found.values_list("pk", "published_on", *columns)[:limit])
        ranks = sqlite_ranks(query, all_groups, [row[0] for row in rows])
        return [(pk, ranks.get(pk, 0.0), *rest) for pk, *rest in rows]
    plain = _matching(entries, query, all_groups=all_groups).order_by("-pk")
    return [(pk, 0.0, *rest) for pk, *rest in plain.values_list("pk", "published_on", *columns)[:limit]]


def _postgres_candidates(
    found: QuerySet[SearchEntry], fields: Sequence[str], limit: int
) -> list[tuple[Any, ...]]:
    """The newest matches among the last RECENT_IDS search rows, walked newest first by primary key and
    each tested (a common word fills the limit there, testing at most that many rows; no bitmap of the
    whole GIN index, which costs 30-300 ms for a few common words at a million entries); if they are too
    few, other matches as the GIN index hands them over, as many as are still wanted. Neither step reads
    more rows than its bound, whatever the planner estimates (ordering every match of a phrase by id read
    30,000 rows for "body worn video")."""
    floor = RawSQL("(SELECT max(id) FROM publication_searchentry) - %s", [RECENT_IDS])
    recent = found.filter(pk__gt=floor).order_by("-pk")
    with connection.cursor() as cursor:
        # Undone after, and by the rollback of a failed transaction.
        cursor.execute("SET enable_seqscan = off; SET enable_bitmapscan = off")
        try:
            rows: list[tuple[Any, ...]] = list(recent.values_list(*fields)[:limit])
        finally:
            cursor.execute("RESET enable_seqscan; RESET enable_bitmapscan")
        if len(rows) >= limit:
            return rows
        # Every match this time (a bound on the id would be a bitmap of the whole primary key), the ones
        # already taken skipped: bitmap scans of the GIN index only, neither the whole table nor the
        # primary key walked row by row (the planner's estimate of a phrase's matches can be wrong
        # either way).
        taken = {row[0] for row in rows}
        cursor.execute("SET enable_seqscan = off; SET enable_indexscan = off")
        try:
            more = found.values_list(*fields)[:limit]
            rows += [row for row in more if row[0] not in taken][: limit - len(rows)]
        finally:
            cursor.execute("RESET enable_seqscan; RESET enable_indexscan")
    return rows


_FTS5_COLUMNS = "title, summary, request_text, response_text, attachments_text"


def sqlite_ranks(query: SearchQuery, all_groups: bool, ids: Sequence[int]) -> dict[int, float]:
    """SQLite: the bm25 rank (SQLITE_COLUMN_WEIGHTS, higher is better) of the candidate entries ``ids``
    among themselves. Their published text is copied into a scratch FTS5 table of the index's tokenizer,
    private to this connection, and ranked there: bm25 over the whole index first counts every entry
    holding each of the query's phrases (180 ms for a topic's synonyms with a phrase of common words at a
    million entries); over 200 candidates that costs about 15 ms, whatever the log's size."""
    if not ids:
        return {}
    weights = ", ".join(str(w) for w in SQLITE_COLUMN_WEIGHTS)
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.rank_probe USING fts5({_FTS5_COLUMNS}, "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        cursor.execute("DELETE FROM temp.rank_probe")
        cursor.execute(
            f"INSERT INTO temp.rank_probe(rowid, {_FTS5_COLUMNS}) SELECT id, {_FTS5_COLUMNS} "  # noqa: S608
            f"FROM publication_publication WHERE is_published AND id IN ({placeholders})",
            list(ids),
        )
        cursor.execute(
            f"SELECT rowid, -bm25(rank_probe, {weights}) FROM temp.rank_probe WHERE rank_probe MATCH %s",  # noqa: S608
            [fts5_match(query, all_groups=all_groups)],
        )
        return {int(pk): float(rank) for pk, rank in cursor.fetchall()}


def filter_by_text(entries: QuerySet[Publication], q: str) -> QuerySet[Publication]:
    """Published entries matching what someone typed in the search box, best first."""
    return search_text(entries, q).entries


def _postgres_ranked(rows: QuerySet[Any], vector: str, tsquery: str, params: Sequence[Any]) -> QuerySet[Any]:
    """``rows`` whose text search ``vector`` (a fixed column name) matches ``tsquery``, with its rank.

    f-strings join fixed SQL only; every typed word is a bound parameter in ``params``.
    """
    ranked: QuerySet[Any] = (
        rows.alias(
            hit=RawSQL(f"{vector} @@ {tsquery}", params, output_field=BooleanField())  # noqa: S611
        )
        .filter(hit=True)
        .annotate(
            rank=RawSQL(f"ts_rank_cd({vector}, {tsquery})", params, output_field=FloatField())  # noqa: S611
        )
    )
    return ranked


def search_text(entries: QuerySet[Publication], q: str) -> TextSearch:
    """Entries with all the typed words (a topic's phrases standing in for each other), or failing that
    with any of them; stemmed, phrases kept whole, ``word*`` as a prefix (core/search_query.py)."""
    query = parse_query(q)
    entries = entries.filter(is_published=True)
    if query.is_empty:
        return TextSearch(entries.none(), query)
    found = _matching(entries, query, all_groups=True)
    if len(query.groups) > 1 and not found.exists():
        return TextSearch(_matching(entries, query, all_groups=False), query, all_words=False)
    return TextSearch(found, query)


def _matching(
    entries: QuerySet[Publication], query: SearchQuery, *, all_groups: bool
) -> QuerySet[Publication]:
    if connection.vendor == "postgresql":
        tsquery, params = postgres_tsquery(query, all_groups=all_groups)
        return _postgres_ranked(entries, "publication_publication.search_vector", tsquery, params).order_by(
            "-rank", "-published_on", "-id"
        )
    if connection.vendor == "sqlite":
        weights = ", ".join(str(w) for w in SQLITE_COLUMN_WEIGHTS)
        return entries.extra(  # noqa: S610 - fixed SQL, the match expression is a bound parameter
            tables=["publication_search"],
            where=["publication_search.rowid = publication_publication.id", "publication_search MATCH %s"],
            params=[fts5_match(query, all_groups=all_groups)],
            select={"rank": f"-bm25(publication_search, {weights})"},
        ).order_by("-rank", "-published_on", "-id")
    condition = Q()
    for group in query.groups:  # no index: the typed words in the title or summary, unstemmed
        word = " ".join(group.typed.words)
        hit = Q(title__icontains=word) | Q(summary__icontains=word)
        condition = (condition & hit) if all_groups else (condition | hit)
    return entries.filter(condition)


def postgres_tsquery(query: SearchQuery, *, all_groups: bool = True) -> tuple[str, list[str]]:
    """The query as a PostgreSQL tsquery expression of bound parameters (``english`` stemming)."""
    groups = []
    params: list[str] = []
    for group in query.groups:
        terms = []
        for term in group.terms:
            if term.prefix:
                terms.append("(to_tsquery('english', %s) || to_tsquery('simple', %s))")
                params += [f"{term.words[-1]}:*"] * 2
            else:
                terms.append("phraseto_tsquery('english', %s)")
                params.append(" ".join(term.words))
        groups.append("(" + " || ".join(terms) + ")")
    return "(" + (" && " if all_groups else " || ").join(groups) + ")", params


def snippets(search: TextSearch, ids: Sequence[int]) -> dict[int, str]:
    """Highlighted extracts (safe HTML, ``<mark>`` around matched words) of the published text of the
    entries ``ids``: summary, request and response as published. Nothing else is read: unpublished
    entries are not in the index (SQLite) or are excluded (PostgreSQL)."""
    if search.query.is_empty or not ids:
        return {}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tsquery, params = postgres_tsquery(search.query, all_groups=search.all_words)
            cursor.execute(
                "SELECT id, ts_headline('english', concat_ws(' … ', nullif(summary, ''), "  # noqa: S608
                f"nullif(request_text, ''), nullif(response_text, '')), {tsquery}, %s) "
                "FROM publication_publication WHERE is_published AND id = ANY(%s)",
                [*params, SNIPPET_OPTIONS, list(ids)],
            )
        elif connection.vendor == "sqlite":
            # The summary, request and response (columns 1-3; the title is shown anyway): the first
            # with a matched word, else the first with text.
            # The shown entries' published text copied into a scratch FTS5 table of the index's tokenizer,
            # private to this connection: its snippets are the index's, without seeking 20 entries
            # through the doclists of common words (30 ms a page at a million entries).
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.snippet_probe USING fts5("
                "summary, request_text, response_text, tokenize='porter unicode61 remove_diacritics 2')"
            )
            cursor.execute("DELETE FROM temp.snippet_probe")
            placeholders = ", ".join(["%s"] * len(ids))
            cursor.execute(
                "INSERT INTO temp.snippet_probe(rowid, summary, request_text, response_text) "  # noqa: S608
                "SELECT id, summary, request_text, response_text FROM publication_publication "
                f"WHERE is_published AND id IN ({placeholders})",
                list(ids),
            )
            marks: list[str | int] = [_MARK_START, _MARK_END, SNIPPET_WORDS]
            columns = ", ".join(
                f"snippet(snippet_probe, {column}, %s, %s, ' … ', %s)" for column in (0, 1, 2)
            )
            cursor.execute(
                f"SELECT rowid, {columns} FROM temp.snippet_probe WHERE snippet_probe MATCH %s",  # noqa: S608
                [*marks * 3, fts5_match(search.query, all_groups=search.all_words)],
            )
            found: dict[int, str] = {}
            for pk, *texts in cursor.fetchall():
                marked = [t for t in texts if t and _MARK_START in t] or [t for t in texts if t]
                if marked:
                    found[int(pk)] = _marked(str(marked[0]))
            return found
        else:
            return {}
        return {int(pk): _marked(str(text)) for pk, text in cursor.fetchall() if text}


def _marked(text: str) -> str:
    """Escaped text with the database's markers turned into ``<mark>``; unbalanced markers (a published
    text that happens to hold one) are dropped rather than trusted."""
    escaped = escape(text)
    if escaped.count(_MARK_START) != escaped.count(_MARK_END):
        return mark_safe(escaped.replace(_MARK_START, "").replace(_MARK_END, ""))
    return mark_safe(escaped.replace(_MARK_START, "<mark>").replace(_MARK_END, "</mark>"))


def search_publications(
    text: str, *, topics: Iterable[str] = (), date_ranges: Sequence[Period] = (), limit: int = 10
) -> list[Match]:
    """Published entries that may already answer ``text`` (a request or one part), best first."""
    words = _words(text, KEY_TERMS)
    if not words:
        return []
    ranks = _candidate_ranks(words, text)
    if not ranks:
        return []
    entries = (
        Publication.objects.published()
        .filter(pk__in=ranks)
        .only("reference", "slug", "title", "summary", "request_text", "topics", "parts")
    )
    candidates = []
    urls = {}
    for entry in entries:
        urls[entry.reference] = entry.get_absolute_url()
        candidates.append(
            Candidate(
                reference=entry.reference,
                title=entry.title,
                text=f"{entry.summary} {entry.request_text}",
                text_rank=ranks[entry.pk],
                topics=frozenset(entry.topics),
                periods=_periods(entry),
            )
        )
    enquiry = Enquiry(text=text, topics=frozenset(topics), periods=tuple(date_ranges))
    asked = fingerprint(text)
    texts = {entry.reference: entry.request_text for entry in entries}
    matches = []
    for answer in rank_earlier_answers(enquiry, candidates, limit=limit + SAME_REQUEST_ROOM):
        published = texts[answer.reference]
        same = (
            similarity(asked, fingerprint(published)) >= SAME_REQUEST_SIMILARITY
            or containment(text, published) >= SAME_REQUEST_SIMILARITY
        )
        matches.append(
            Match(
                answer.reference,
                answer.title,
                answer.score,
                urls[answer.reference],
                answer.reasons,
                same_request=same,
            )
        )
    others = [m for m in matches if not m.same_request][:limit]
    return [m for m in matches if m.same_request] + others


def _candidate_ranks(words: list[str], text: str) -> dict[int, float]:
    """Entries sharing the request's words, with the database's rank. Where the index knows how many
    entries hold each word, the net is cast with the rarest words (a few thousand entries at most);
    else with the first key words, ranking at most RANKED_HITS of them on PostgreSQL."""
    rare = _rarest_terms(text)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if rare:
                cursor.execute(
                    "WITH query AS (SELECT to_tsquery('simple', %s) AS net, to_tsquery('english', %s) AS q), "
                    "hits AS (SELECT id, search_vector FROM publication_publication, query "
                    "  WHERE is_published AND search_vector @@ query.net LIMIT %s) "
                    "SELECT id, ts_rank_cd(search_vector, query.q) AS rank FROM hits, query "
                    "ORDER BY rank DESC LIMIT %s",
                    (" | ".join(rare), " | ".join(words), RANKED_HITS, CANDIDATES),
                )
            else:
                # Rank at most RANKED_HITS of the entries sharing two of the first key words: ranking
                # every hit of a common word would grow with the log.
                cursor.execute(
                    "WITH query AS (SELECT to_tsquery('english', %s) AS q, "
                    "to_tsquery('english', %s) AS strong), "
                    "hits AS (SELECT id, search_vector FROM publication_publication, query "
                    "  WHERE is_published AND search_vector @@ query.strong LIMIT %s) "
                    "SELECT id, ts_rank_cd(search_vector, query.q) AS rank FROM hits, query "
                    "ORDER BY rank DESC LIMIT %s",
                    (" | ".join(words), _strong_query(words), RANKED_HITS, CANDIDATES),
                )
        elif connection.vendor == "sqlite":
            cursor.execute(
                "SELECT rowid, -bm25(publication_search) AS rank FROM publication_search "
                "WHERE publication_search MATCH %s ORDER BY bm25(publication_search) LIMIT %s",
                (" OR ".join(f'"{w}"' for w in (rare or words)), CANDIDATES),
            )
        else:
            published = Publication.objects.published().values_list("pk", flat=True)
            return dict.fromkeys(published[:CANDIDATES], 0.0)
        return {int(pk): float(rank) for pk, rank in cursor.fetchall()}


def _rarest_terms(text: str) -> list[str]:
    """The request's indexed terms (as the index stems them) that the fewest entries hold, chosen rarest
    first until they would net more than NET_ENTRIES entries (and at least MAX_NET_TERMS words, or more
    while the net holds fewer than CANDIDATES entries); empty where the index keeps no counts."""
    counts = _term_counts(text)
    chosen: list[str] = []
    total = 0
    for term, entries in sorted(counts, key=lambda pair: (pair[1], pair[0])):
        if entries <= 0 or not _SAFE_WORD.fullmatch(term):
            continue
        if len(chosen) >= MIN_NET_TERMS and total + entries > NET_ENTRIES:
            break
        chosen.append(term)
        total += entries
        # Words only this request's own wording uses (a requester's examples, typos) net next to
        # nothing: keep adding words until the net holds enough entries to rank.
        if len(chosen) >= MAX_NET_TERMS and total >= CANDIDATES:
            break
    return chosen


def _term_counts(text: str) -> list[tuple[str, int]]:
    words = " ".join(_words(text, KEY_TERMS * 2))
    if not words:
        return []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT word, ndoc FROM publication_search_terms "
                "WHERE word = ANY(tsvector_to_array(to_tsvector('english', %s)))",
                (words,),
            )
            return [(str(w), int(n)) for w, n in cursor.fetchall()]
        if connection.vendor == "sqlite":
            # The request's words stemmed as the index stems them: through a scratch FTS5 table of the
            # same tokenizer, private to this connection.
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_probe USING fts5("
                "t, tokenize='porter unicode61 remove_diacritics 2')"
            )
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_probe_terms USING fts5vocab(temp, "
                "search_probe, 'row')"
            )
            cursor.execute("DELETE FROM temp.search_probe")
            cursor.execute("INSERT INTO temp.search_probe(t) VALUES (%s)", (words,))
            cursor.execute(
                "SELECT p.term, coalesce(s.doc, 0) FROM temp.search_probe_terms AS p "
                "LEFT JOIN publication_search_terms AS s ON s.term = p.term"
            )
            return [(str(w), int(n)) for w, n in cursor.fetchall()]
    return []


def refresh_search_terms() -> int:
    """PostgreSQL: recount how many published entries hold each word (after bulk loads; periodically).
    SQLite keeps its counts itself. Returns the number of words counted."""
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM publication_search_terms")
        cursor.execute(
            "INSERT INTO publication_search_terms (word, ndoc) SELECT word, ndoc FROM "
            "ts_stat('SELECT search_vector FROM publication_publication WHERE is_published')"
        )
        return int(cursor.rowcount)


def _strong_query(words: list[str]) -> str:
    """Entries sharing at least two of the first key words (pairs ANDed, ORed together): a narrower net."""
    head = words[:8]
    if len(head) < 2:
        return " | ".join(head)
    pairs = [f"({a} & {b})" for i, a in enumerate(head) for b in head[i + 1 :]]
    return " | ".join(pairs)


def _periods(entry: Publication) -> tuple[Period, ...]:
    periods = []
    for part in entry.parts or []:
        for item in part.get("date_ranges", []) if isinstance(part, dict) else []:
            try:
                periods.append((dt.date.fromisoformat(item["start"]), dt.date.fromisoformat(item["end"])))
            except (KeyError, TypeError, ValueError):
                continue
    return tuple(p for p in periods if p[0] <= p[1])
