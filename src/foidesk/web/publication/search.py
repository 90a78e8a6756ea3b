"""Full-text search of published disclosure-log entries (the index is made by migration 0002).

PostgreSQL: the stored ``search_vector`` with its GIN index, ``websearch_to_tsquery`` for what
people type in the log's search box, an OR of key terms for matching a whole request, ranked by
``ts_rank_cd``. SQLite: the FTS5 table ``publication_search`` (published entries only), ranked by
``bm25``. The database's rank is then combined with shared topics and overlapping periods by
core/matching.py, and every match says why it matched.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL

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
from foidesk.web.publication.models import Publication

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

Period = tuple[dt.date, dt.date]


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


def filter_by_text(entries: QuerySet[Publication], q: str) -> QuerySet[Publication]:
    """Published entries matching what someone typed in the search box, best first."""
    entries = entries.filter(is_published=True)
    q = q.replace("\x00", " ")
    if connection.vendor == "postgresql":
        # f-strings below join fixed SQL only; what was typed is always a bound parameter.
        query = "websearch_to_tsquery('english', %s)"
        return (
            entries.alias(
                hit=RawSQL(  # noqa: S611 - parameters bound
                    f"publication_publication.search_vector @@ {query}", (q,), output_field=BooleanField()
                )
            )
            .filter(hit=True)
            .annotate(
                rank=RawSQL(  # noqa: S611 - parameters bound
                    f"ts_rank_cd(publication_publication.search_vector, {query})",
                    (q,),
                    output_field=FloatField(),
                )
            )
            .order_by("-rank", "-published_on", "-id")
        )
    words = [w for w in re.findall(r"[a-z0-9]+", q.lower()) if len(w) > 1][:16]
    if not words:
        return entries.none()
    if connection.vendor == "sqlite":
        match = " ".join(f'"{w}"' for w in words)
        return (
            entries.filter(
                id__in=RawSQL(
                    "SELECT rowid FROM publication_search WHERE publication_search MATCH %s", (match,)
                )
            )
            .annotate(
                rank=RawSQL(
                    "(SELECT -bm25(publication_search) FROM publication_search "
                    "WHERE publication_search MATCH %s AND rowid = publication_publication.id)",
                    (match,),
                    output_field=FloatField(),
                )
            )
            .order_by("-rank", "-published_on", "-id")
        )
    for word in words:
        entries = entries.filter(title__icontains=word) | entries.filter(summary__icontains=word)
    return entries


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
