"""Matching a request against what came before: earlier answers, repeats, round-robins, aggregation.

Four questions an FOI officer asks in the first hour of every request, answered from plain values
handed in (the database search, the parser and the statutory clock live elsewhere):

- Has this already been published? An earlier disclosure-log entry makes the information
  "reasonably accessible to the applicant otherwise than under section 1" (s.21 FOIA). Candidates
  found by the database's full-text search are scored here by text rank, shared topics and
  overlapping periods, and every score says why.
- Is it a repeat? s.14(2) FOIA: the authority "is not obliged to comply with a subsequent identical
  or substantially similar request from that person unless a reasonable interval has elapsed
  between compliance with the previous request and the making of the current request".
- Is it a round-robin? The same text sent by many people, or to many authorities. Not a legal
  category, but the officer answers them alike and it is evidence of a campaign.
- May its cost be aggregated? Fees Regulations (SI 2004/3244) reg 5: requests for the same or
  similar information, by one person or by people who appear to act in concert or in pursuance of
  a campaign, received within any period of 60 consecutive working days.

Near-duplicates are found with word shingles and MinHash signatures (datasketch), after a
normaliser has removed what differs between copies of one campaign text: greetings, sign-offs,
names, email and postal addresses, WhatDoTheyKnow boilerplate and the authority's own name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from foidesk.core.periods import Period
from foidesk.core.personal_data import EMAIL, PHONE, POSTCODE
from foidesk.core.request_redaction import GREETING_PHRASE, SIGN_OFF_PHRASE

"""An inclusive date range (start, end), as the parser returns them."""

WorkingDaysBetween = Callable[[dt.date, dt.date], int]
"""The statutory clock's counter: working days after ``start`` up to and including ``end``."""

AGGREGATION_WORKING_DAYS = 60  # reg 5(2)(c), SI 2004/3244: "any period of sixty consecutive working days"


class InvalidPeriod(ValueError):
    """A period ends before it starts."""


# --------------------------------------------------------------------------------------------
# Words: the terms a request and an entry share
# --------------------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

# Common English words, and the words every FOI request uses whatever it is about.
_STOPWORD_TEXT = """
    a about above after again all also am an and any are as at be because been before being below
    between both but by can could did do does doing done down during each either etc few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    may me might more most much must my no nor not now of off on once only or other our ours out
    over own per please same shall she should so some such than that the their theirs them then
    there these they this those through to too under until up upon us very via was we were what
    when where whether which while who whom whose why will with within would you your yours
    dear sir madam yours faithfully sincerely regards thanks thank kind many best wishes
    freedom information act foi foia request requests requested requesting provide provided
    providing give like know let list lists copy copies details detail data figures number numbers
    total totals breakdown break following specific specifically possible including include
    includes included each every regarding relating related relation respect held hold holds
    record recorded records e g ie eg i.e e.g x y
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s")


def stem(word: str) -> str:
    """A light English stem, so that "allegations", "alleged" and "allegation" meet.

    Deliberately crude (suffix stripping, no dictionary): it only decides which words two texts
    share for the explanation of a match; ranking itself is done by the database's stemmer.
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            return base + "y" if suffix in ("ies", "ied") else base
    return word


def key_terms(text: str, *, limit: int | None = None) -> dict[str, str]:
    """The distinctive words of ``text``: stem -> the first form it took, in order of first use.

    Stopwords and the vocabulary every FOI request shares are dropped; four-digit years are kept.
    """
    terms: dict[str, str] = {}
    for word in _WORD.findall(text.lower()):
        if word in STOPWORDS or len(word) < 3 or (word.isdigit() and len(word) != 4):
            continue
        terms.setdefault(stem(word), word)
        if limit is not None and len(terms) >= limit:
            break
    return terms


# --------------------------------------------------------------------------------------------
# Earlier answers (s.21)
# --------------------------------------------------------------------------------------------


def _checked(periods: Iterable[Period]) -> tuple[Period, ...]:
    checked = tuple(periods)
    for start, end in checked:
        if end < start:
            raise InvalidPeriod(f"period ends {end.isoformat()} before it starts {start.isoformat()}")
    return checked


@dataclass(frozen=True, slots=True)
class Enquiry:
    """What is asked: a whole request or one part of it."""

    text: str
    topics: frozenset[str] = frozenset()
    periods: tuple[Period, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "periods", _checked(self.periods))


@dataclass(frozen=True, slots=True)
class Candidate:
    """A published disclosure-log entry that the database's full-text search returned.

    ``text_rank`` is the database's own relevance (PostgreSQL ``ts_rank_cd``, or SQLite FTS5's
    ``-bm25``): non-negative, higher is better, unbounded.
    """

    reference: str
    title: str
    text: str
    text_rank: float
    topics: frozenset[str] = frozenset()
    periods: tuple[Period, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "periods", _checked(self.periods))


@dataclass(frozen=True, slots=True)
class MatchReasons:
    """Why an entry matched: what a reader checks before relying on s.21."""

    shared_topics: tuple[str, ...]
    overlapping_periods: tuple[Period, ...]
    shared_terms: tuple[str, ...]
    period_coverage: float | None
    """Share of the days asked about that the entry covers; None when either side names no period."""

    def as_dict(self) -> dict[str, object]:
        return {
            "shared_topics": list(self.shared_topics),
            "period_overlap": [
                {"start": s.isoformat(), "end": e.isoformat()} for s, e in self.overlapping_periods
            ],
            "period_coverage": None if self.period_coverage is None else round(self.period_coverage, 3),
            "shared_terms": list(self.shared_terms),
        }


@dataclass(frozen=True, slots=True)
class EarlierAnswer:
    """A scored candidate: ``score`` in [0, 1], 1 meaning it answers the enquiry outright."""

    reference: str
    title: str
    score: float
    reasons: MatchReasons


@dataclass(frozen=True, slots=True)
class ScoringWeights:
    """How the evidence is combined. A design choice, not law: tune it on the evaluation set.

    The text component mixes the database rank (saturated: ``rank / (rank + rank_half_point)``,
    so a rank equal to the half point counts 0.5) with the share of the entry's own key terms
    that the enquiry uses. A component with no evidence on the enquiry's side (no topics, no
    period asked about) is left out and the other weights are scaled up.
    """

    text: float = 0.5
    topics: float = 0.3
    period: float = 0.2
    rank_share: float = 0.6
    rank_half_point: float = 0.1
    unknown_period_credit: float = 0.5
    """Credit for an entry that names no period when the enquiry does: neither for nor against."""

    def __post_init__(self) -> None:
        values = (self.text, self.topics, self.period, self.rank_share, self.unknown_period_credit)
        if min(values) < 0 or self.rank_half_point <= 0 or self.rank_share > 1:
            raise ValueError("weights must be non-negative, rank_share at most 1, rank_half_point positive")
        if self.text + self.topics + self.period <= 0:
            raise ValueError("at least one weight must be positive")


def merge_periods(periods: Iterable[Period]) -> tuple[Period, ...]:
    """Sorted, non-overlapping periods covering the same days (adjacent periods are joined)."""
    merged: list[Period] = []
    for start, end in sorted(_checked(periods)):
        if merged and start <= merged[-1][1] + dt.timedelta(days=1):
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return tuple(merged)


def _days(period: Period) -> int:
    return (period[1] - period[0]).days + 1


def period_overlap(asked: Iterable[Period], covered: Iterable[Period]) -> tuple[Period, ...]:
    """The days both asked about and covered, as merged periods."""
    overlap: list[Period] = []
    covered_merged = merge_periods(covered)
    for start, end in merge_periods(asked):
        for c_start, c_end in covered_merged:
            lo, hi = max(start, c_start), min(end, c_end)
            if lo <= hi:
                overlap.append((lo, hi))
    return merge_periods(overlap)


def period_coverage(asked: Iterable[Period], covered: Iterable[Period]) -> float:
    """Share of the days asked about that ``covered`` includes, in [0, 1]."""
    asked_merged = merge_periods(asked)
    total = sum(_days(p) for p in asked_merged)
    if total == 0:
        return 0.0
    return sum(_days(p) for p in period_overlap(asked_merged, covered)) / total


def _saturate(rank: float, half_point: float) -> float:
    rank = max(rank, 0.0)
    return rank / (rank + half_point)


def score_candidate(
    enquiry: Enquiry,
    candidate: Candidate,
    *,
    weights: ScoringWeights | None = None,
    enquiry_terms: dict[str, str] | None = None,
) -> EarlierAnswer:
    """Score one candidate for one enquiry; see ScoringWeights for the formula."""
    weights = weights or ScoringWeights()
    asked_terms = enquiry_terms if enquiry_terms is not None else key_terms(enquiry.text)
    entry_terms = key_terms(f"{candidate.title} {candidate.text}")
    shared_stems = [s for s in entry_terms if s in asked_terms]
    term_share = len(shared_stems) / len(entry_terms) if entry_terms else 0.0
    text_score = (
        weights.rank_share * _saturate(candidate.text_rank, weights.rank_half_point)
        + (1 - weights.rank_share) * term_share
    )

    parts: list[tuple[float, float]] = [(weights.text, text_score)]
    shared_topics = tuple(sorted(enquiry.topics & candidate.topics))
    if enquiry.topics:
        parts.append((weights.topics, len(shared_topics) / len(enquiry.topics)))

    coverage: float | None = None
    overlapping: tuple[Period, ...] = ()
    if enquiry.periods and candidate.periods:
        overlapping = period_overlap(enquiry.periods, candidate.periods)
        coverage = period_coverage(enquiry.periods, candidate.periods)
        parts.append((weights.period, coverage))
    elif enquiry.periods:
        parts.append((weights.period, weights.unknown_period_credit))

    total_weight = sum(w for w, _ in parts)
    score = sum(w * v for w, v in parts) / total_weight if total_weight > 0 else 0.0
    reasons = MatchReasons(
        shared_topics=shared_topics,
        overlapping_periods=overlapping,
        shared_terms=tuple(entry_terms[s] for s in shared_stems),
        period_coverage=coverage,
    )
    return EarlierAnswer(
        reference=candidate.reference,
        title=candidate.title,
        score=min(max(score, 0.0), 1.0),
        reasons=reasons,
    )


def rank_earlier_answers(
    enquiry: Enquiry,
    candidates: Iterable[Candidate],
    *,
    weights: ScoringWeights | None = None,
    limit: int | None = None,
) -> list[EarlierAnswer]:
    """Candidates scored and sorted best first (ties: the database's rank, then the reference)."""
    asked_terms = key_terms(enquiry.text)
    scored = [
        (score_candidate(enquiry, c, weights=weights, enquiry_terms=asked_terms), c.text_rank)
        for c in candidates
    ]
    scored.sort(key=lambda pair: (-pair[0].score, -pair[1], pair[0].reference))
    answers = [answer for answer, _ in scored]
    return answers if limit is None else answers[:limit]


# --------------------------------------------------------------------------------------------
# Near-duplicates: normalising, shingles, MinHash
# --------------------------------------------------------------------------------------------

# The greeting line and the sign-off are the request parser's and the redaction's own phrases
# (core/request_redaction.py), one home: here the greeting takes the rest of its line, and a sign-off
# is a line of its own ("Yours faithfully," or "Kind regards, Jane Smith"), or ends the last sentence
# ("... 2021? Many thanks, Jane Smith"); whatever follows it is at most a name.
_GREETING = re.compile(
    rf"^[ \t]*{GREETING_PHRASE}(?:[^\n,]{{0,80}},|[^\n,]{{0,50}}(?:\n|\Z))",
    re.IGNORECASE | re.MULTILINE,
)
_SIGN_OFF = re.compile(
    rf"(?:^[ \t]*{SIGN_OFF_PHRASE}[ \t]*(?:[,.!-][^\n]{{0,60}})?(?:\n|\Z)"
    rf"|(?<=[.!?])[ \t]+{SIGN_OFF_PHRASE}[ \t]*(?:[,.!-][^\n.?!]{{0,60}})?\Z)",
    re.IGNORECASE | re.MULTILINE,
)
_BOILERPLATE_LINE = re.compile(
    r"^[^\n]*(?:whatdotheyknow|please use this email address for all replies|is request-|"
    r"disclaimer: this message|if you find this service useful|-{10,}|_{10,})[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_EMAIL = re.compile(EMAIL)
_URL = re.compile(r"(?:https?://|www\.)\S{1,2000}", re.IGNORECASE)
_POSTCODE = re.compile(POSTCODE)
_PHONE = re.compile(PHONE, re.IGNORECASE)
_NON_WORD = re.compile(r"[^a-z0-9]+")


def normalise_request_text(
    text: str,
    *,
    personal_details: Iterable[str] = (),
    authority_names: Iterable[str] = (),
) -> str:
    """The body of a request without what differs between copies of the same campaign text.

    Removes the greeting line ("Dear Sir/Madam", "Dear Metropolitan Police Service"), everything
    from the sign-off on ("Yours faithfully, Jane ..."), WhatDoTheyKnow boilerplate, email
    addresses, URLs, postcodes and phone numbers; replaces the requester's own details (name,
    address lines, as the case holds them) and the authority's names; lower-cases and collapses
    punctuation. Linear in the length of the text.
    """
    body = _BOILERPLATE_LINE.sub(" ", text)
    body = _GREETING.sub(" ", body, count=1)
    body = body.strip()
    sign_off = _SIGN_OFF.search(body)
    if sign_off is not None:
        body = body[: sign_off.start()]
    if "@" in body:
        body = _EMAIL.sub(" ", body)
    for pattern in (_URL, _POSTCODE, _PHONE):
        body = pattern.sub(" ", body)
    lowered = f" {_NON_WORD.sub(' ', body.lower())} "
    for detail in personal_details:
        words = _NON_WORD.sub(" ", detail.lower()).strip()
        if words:
            lowered = lowered.replace(f" {words} ", " ")
    for name in authority_names:
        words = _NON_WORD.sub(" ", name.lower()).strip()
        if words:
            lowered = lowered.replace(f" {words} ", " authority ")
    return " ".join(lowered.split())


def shingles(normalised: str, *, size: int = 3) -> frozenset[str]:
    """Word ``size``-grams of a normalised text; a text shorter than that is one shingle."""
    words = normalised.split()
    if not words:
        return frozenset()
    if len(words) <= size:
        return frozenset({" ".join(words)})
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


@dataclass(frozen=True, slots=True)
class NearDuplicateSettings:
    """Shingle size, signature length and thresholds (settings, not law)."""

    shingle_size: int = 3
    permutations: int = 128
    bands: int = 32
    """LSH bands: with 128 permutations, 32 bands of 4 rows find pairs above about 0.42 similarity."""
    seed: int = 1
    same_text: float = 0.8
    """Estimated Jaccard similarity at or above which two texts are "substantially similar"."""
    similar_information: float = 0.3
    """Looser similarity at or above which two requests ask for "similar information" (reg 5)."""

    def __post_init__(self) -> None:
        if self.shingle_size < 1 or self.permutations < 1 or self.bands < 1:
            raise ValueError("shingle size, permutations and bands must be positive")
        if self.permutations % self.bands:
            raise ValueError("permutations must be a multiple of bands")
        if not 0 < self.similar_information <= self.same_text <= 1:
            raise ValueError("thresholds must satisfy 0 < similar_information <= same_text <= 1")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A MinHash signature of a normalised request text; storable as a list of integers."""

    signature: tuple[int, ...]

    @property
    def is_empty(self) -> bool:
        return not self.signature


def fingerprint(
    text: str,
    *,
    settings: NearDuplicateSettings | None = None,
    personal_details: Iterable[str] = (),
    authority_names: Iterable[str] = (),
) -> Fingerprint:
    """The MinHash fingerprint of ``text`` after normalise_request_text; empty for an empty body."""
    settings = settings or NearDuplicateSettings()
    normalised = normalise_request_text(
        text, personal_details=personal_details, authority_names=authority_names
    )
    grams = shingles(normalised, size=settings.shingle_size)
    if not grams:
        return Fingerprint(())
    # Imported here: datasketch's package imports scipy (about a second), which start-up does not need.
    from datasketch import MinHash

    minhash = MinHash(num_perm=settings.permutations, seed=settings.seed)
    minhash.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return Fingerprint(tuple(int(v) for v in minhash.hashvalues))


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1]."""
    if a.is_empty or b.is_empty or len(a.signature) != len(b.signature):
        return 0.0
    same = sum(1 for x, y in zip(a.signature, b.signature, strict=True) if x == y)
    return same / len(a.signature)


def containment(asked: str, published: str, *, shingle_size: int = 3) -> float:
    """Share of the shingles of ``asked`` found in ``published``, in [0, 1] (exact, no MinHash).

    Where Jaccard similarity compares two whole texts, containment asks whether one text's wording
    is within the other: the questions of a request inside a published request that also has a
    preamble and a closing paragraph. 0 for an empty ``asked``.
    """
    asked_shingles = shingles(normalise_request_text(asked), size=shingle_size)
    if not asked_shingles:
        return 0.0
    published_shingles = shingles(normalise_request_text(published), size=shingle_size)
    return len(asked_shingles & published_shingles) / len(asked_shingles)


@dataclass(slots=True)
class NearDuplicateIndex:
    """Locality-sensitive hashing over fingerprints: finds likely near-duplicates without comparing
    every pair (banding: two signatures that agree on every row of any one band are candidates)."""

    settings: NearDuplicateSettings = field(default_factory=NearDuplicateSettings)
    _buckets: dict[tuple[int, tuple[int, ...]], list[str]] = field(default_factory=lambda: defaultdict(list))
    _fingerprints: dict[str, Fingerprint] = field(default_factory=dict)

    def _bands(self, fp: Fingerprint) -> Iterable[tuple[int, tuple[int, ...]]]:
        rows = len(fp.signature) // self.settings.bands
        for band in range(self.settings.bands):
            yield band, fp.signature[band * rows : (band + 1) * rows]

    def add(self, key: str, fp: Fingerprint) -> None:
        if key in self._fingerprints:
            raise KeyError(f"{key} is already in the index")
        self._fingerprints[key] = fp
        if fp.is_empty:
            return
        for bucket in self._bands(fp):
            self._buckets[bucket].append(key)

    def similar_to(self, fp: Fingerprint, *, threshold: float) -> list[tuple[str, float]]:
        """Keys whose estimated similarity to ``fp`` is at least ``threshold``, most similar first."""
        if fp.is_empty:
            return []
        seen: set[str] = set()
        for bucket in self._bands(fp):
            seen.update(self._buckets.get(bucket, ()))
        found = [(key, similarity(fp, self._fingerprints[key])) for key in seen]
        return sorted(((k, s) for k, s in found if s >= threshold), key=lambda ks: (-ks[1], ks[0]))


# --------------------------------------------------------------------------------------------
# Requests received: repeats, round-robins, aggregation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReceivedRequest:
    """What matching needs to know of a request the authority has received."""

    reference: str
    requester: str
    """A stable key for the requester (e.g. a normalised email address); never shown."""
    received_on: dt.date
    fingerprint: Fingerprint
    topics: frozenset[str] = frozenset()
    complied_on: dt.date | None = None
    """When the authority complied: sent the information or confirmed it is not held (s.14(2))."""
    campaign: str | None = None
    """An officer's finding that the requester acts in concert with others, named (reg 5(2)(b))."""


@dataclass(frozen=True, slots=True)
class Repeat:
    """An earlier request of which ``reference`` may be a repeat under s.14(2)."""

    earlier_reference: str
    similarity: float
    days_since_compliance: int


def find_repeats(
    new: ReceivedRequest,
    earlier: Iterable[ReceivedRequest],
    *,
    reasonable_interval: dt.timedelta,
    settings: NearDuplicateSettings | None = None,
) -> list[Repeat]:
    """Earlier requests that make ``new`` a repeated request under s.14(2) FOIA.

    All must hold: the same requester; the authority complied with the earlier request (provided
    the information or confirmed it is not held, ICO guidance on s.14(2)) before ``new`` arrived;
    the texts are substantially similar (``settings.same_text``); and less than
    ``reasonable_interval`` passed between that compliance and ``new``. The interval is a setting:
    the ICO ties it to how likely the information is to have changed, not to a fixed period.
    """
    settings = settings or NearDuplicateSettings()
    repeats: list[Repeat] = []
    for old in earlier:
        if old.reference == new.reference or old.requester != new.requester or old.complied_on is None:
            continue
        if old.complied_on > new.received_on:
            continue
        elapsed = new.received_on - old.complied_on
        if elapsed >= reasonable_interval:
            continue
        score = similarity(new.fingerprint, old.fingerprint)
        if score >= settings.same_text:
            repeats.append(Repeat(old.reference, score, elapsed.days))
    return sorted(repeats, key=lambda r: (-r.similarity, r.earlier_reference))


@dataclass(frozen=True, slots=True)
class RoundRobin:
    """One text received from several requesters: the references, oldest first."""

    references: tuple[str, ...]
    requesters: int
    lowest_similarity: float
    """The least similar pair that joined the group (groups are joined transitively)."""


def find_round_robins(
    requests: Iterable[ReceivedRequest],
    *,
    settings: NearDuplicateSettings | None = None,
) -> list[RoundRobin]:
    """Groups of near-identical requests that came from at least two different requesters."""
    settings = settings or NearDuplicateSettings()
    ordered = sorted(requests, key=lambda r: (r.received_on, r.reference))
    by_reference = {r.reference: r for r in ordered}
    index = NearDuplicateIndex(settings)
    parent = {r.reference: r.reference for r in ordered}
    links: list[tuple[str, float]] = []

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for request in ordered:
        for other, score in index.similar_to(request.fingerprint, threshold=settings.same_text):
            links.append((request.reference, score))
            a, b = root(request.reference), root(other)
            if a != b:
                parent[a] = b
        index.add(request.reference, request.fingerprint)

    groups: dict[str, list[str]] = defaultdict(list)
    for request in ordered:
        groups[root(request.reference)].append(request.reference)
    weakest: dict[str, float] = {}
    for reference, score in links:
        key = root(reference)
        weakest[key] = min(score, weakest.get(key, 1.0))
    found: list[RoundRobin] = []
    for key, members in groups.items():
        requesters = {by_reference[m].requester for m in members}
        if len(requesters) >= 2:
            found.append(RoundRobin(tuple(members), len(requesters), weakest.get(key, 1.0)))
    return sorted(found, key=lambda g: (by_reference[g.references[0]].received_on, g.references))


class AggregationGround(StrEnum):
    """Why two requests may be treated as one for the cost limit (reg 5(2)(b))."""

    SAME_REQUESTER = "same_requester"
    CAMPAIGN = "campaign"
    SAME_TEXT = "same_text"
    """Different requesters, near-identical text: they appear to act in pursuance of a campaign."""


@dataclass(frozen=True, slots=True)
class AggregableRequest:
    reference: str
    received_on: dt.date
    ground: AggregationGround
    shared_topics: tuple[str, ...]
    similarity: float


@dataclass(frozen=True, slots=True)
class Aggregation:
    """Requests whose costs may be added to the new one's (reg 5), all in one 60-working-day window."""

    reference: str
    window_start: dt.date
    window_end: dt.date
    others: tuple[AggregableRequest, ...]


def within_working_day_window(
    first: dt.date, last: dt.date, working_days_between: WorkingDaysBetween, *, length: int
) -> bool:
    """True when both dates fall inside one period of ``length`` consecutive working days.

    The window starts on ``first`` if that is a working day, else on the next working day (a
    request can be received on a weekend). ``working_days_between`` counts the working days after
    its start up to and including its end, as the statutory clock does (s.10 FOIA).
    """
    if last < first:
        first, last = last, first
    first_is_working = working_days_between(first - dt.timedelta(days=1), first) == 1
    span = working_days_between(first, last) + (1 if first_is_working else 0)
    return span <= length


def _aggregation_ground(
    new: ReceivedRequest, old: ReceivedRequest, score: float, settings: NearDuplicateSettings
) -> AggregationGround | None:
    if old.requester == new.requester:
        return AggregationGround.SAME_REQUESTER
    if new.campaign is not None and new.campaign == old.campaign:
        return AggregationGround.CAMPAIGN
    if score >= settings.same_text:
        return AggregationGround.SAME_TEXT
    return None


def find_aggregable(
    new: ReceivedRequest,
    others: Iterable[ReceivedRequest],
    *,
    working_days_between: WorkingDaysBetween,
    settings: NearDuplicateSettings | None = None,
) -> Aggregation | None:
    """Requests whose estimated costs may be aggregated with ``new``'s under reg 5, SI 2004/3244.

    reg 5(2): two or more requests (a) by one person, or by different persons who appear to be
    acting in concert or in pursuance of a campaign, (b) relating to any extent to the same or
    similar information (here: a shared topic, or texts at least ``similar_information`` alike),
    (c) received within any period of sixty consecutive working days. Of the windows that hold
    ``new``, the one holding the most related requests is returned; None when no other fits.
    """
    settings = settings or NearDuplicateSettings()
    related: list[AggregableRequest] = []
    for old in others:
        if old.reference == new.reference:
            continue
        score = similarity(new.fingerprint, old.fingerprint)
        ground = _aggregation_ground(new, old, score, settings)
        shared = tuple(sorted(new.topics & old.topics))
        if ground is None or not (shared or score >= settings.similar_information):
            continue
        if within_working_day_window(
            old.received_on, new.received_on, working_days_between, length=AGGREGATION_WORKING_DAYS
        ):
            related.append(AggregableRequest(old.reference, old.received_on, ground, shared, score))
    if not related:
        return None
    best = _largest_window(new.received_on, related, working_days_between)
    dates = [new.received_on, *(r.received_on for r in best)]
    return Aggregation(new.reference, min(dates), max(dates), tuple(best))


def _largest_window(
    anchor: dt.date, related: Sequence[AggregableRequest], working_days_between: WorkingDaysBetween
) -> list[AggregableRequest]:
    """The largest set of ``related`` that fits in one 60-working-day window with ``anchor``."""

    def fits(start: dt.date, day: dt.date) -> bool:
        return within_working_day_window(start, day, working_days_between, length=AGGREGATION_WORKING_DAYS)

    ordered = sorted(related, key=lambda r: (r.received_on, r.reference))
    starts = sorted({anchor, *(r.received_on for r in ordered if r.received_on <= anchor)})
    best: list[AggregableRequest] = []
    for start in starts:
        if not fits(start, anchor):
            continue
        members = [r for r in ordered if r.received_on >= start and fits(start, r.received_on)]
        if len(members) > len(best):
            best = members
    return best
