"""What someone typed in the disclosure log's search box, read as a query the database can run safely.

Anyone may type anything: operators of either database's query language, unbalanced quotes, NUL bytes,
megabytes. ``parse_query`` keeps only plain lower-case words (``[a-z0-9]``) grouped as the reader meant
them, so no typed character ever reaches a query language as syntax:

- ``"stop and search"`` (in double quotes) is a phrase: its words in that order;
- ``tase*`` is a prefix: every word beginning ``tase``;
- any other word is a word; a phrase of the topic vocabulary (core/topics.py) is also searched for as
  each of its topic's other phrases ("sexual misconduct" also finds "sexual harassment");
- common English words ("the", "of") are dropped, as PostgreSQL's ``english`` configuration drops them.

Each group must match (all words) unless the caller falls back to any group matching. ``fts5_match``
writes the query in SQLite FTS5's syntax (every word quoted); PostgreSQL's is built with bound
parameters by web/publication/search.py.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from foidesk.core.topics import DEFAULT_VOCABULARY, TopicVocabulary

MAX_QUERY_CHARACTERS = 500  # what is read of a typed query; the search form allows 200
MAX_GROUPS = 12  # words or phrases searched for; the rest are ignored
MAX_PHRASE_WORDS = 8
MAX_WORD_CHARACTERS = 40
MIN_PREFIX_CHARACTERS = 2  # "a*" would match most of the log
MAX_ALTERNATIVES = 10  # phrases of a topic searched for besides the one typed
# Words too common to search for: PostgreSQL's english stop list (the subset a search box meets).
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being below
    between both but by can did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours out over own same she should
    so some such than that the their theirs them then there these they this those through to too
    under until up very was we were what when where which while who whom why will with you your
    yours
    """.split()  # noqa: SIM905 - a word list reads better as text
)

_WORD = re.compile(r"[a-z0-9]+")
_TOKEN = re.compile(r'"([^"]*)"?|([^\s"]+)')


@dataclass(frozen=True, slots=True)
class Term:
    """Words in order (one word, or a phrase); ``prefix``: the last word may be the start of a word."""

    words: tuple[str, ...]
    prefix: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words) + ("*" if self.prefix else "")


@dataclass(frozen=True, slots=True)
class Group:
    """What one typed word or phrase stands for: any of its terms matches."""

    typed: Term
    synonyms: tuple[Term, ...] = ()
    topic: str = ""

    @property
    def terms(self) -> tuple[Term, ...]:
        return (self.typed, *self.synonyms)


@dataclass(frozen=True, slots=True)
class SearchQuery:
    groups: tuple[Group, ...]

    @property
    def is_empty(self) -> bool:
        return not self.groups

    @property
    def expansions(self) -> tuple[Group, ...]:
        """Groups searched for with a topic's other phrases (to say so on the page)."""
        return tuple(group for group in self.groups if group.synonyms)


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text[:MAX_QUERY_CHARACTERS])
    text = "".join(" " if unicodedata.category(c)[0] in "CZ" else c for c in text)
    return text.replace("\u201c", '"').replace("\u201d", '"')


def _words(text: str) -> tuple[str, ...]:
    return tuple(word[:MAX_WORD_CHARACTERS] for word in _WORD.findall(text.lower()))


def _searchable(words: tuple[str, ...]) -> bool:
    return any(word not in STOP_WORDS and (len(word) > 1 or word.isdigit()) for word in words)


def _topic_group(typed: tuple[str, ...], topics: frozenset[str], vocabulary: TopicVocabulary) -> Group:
    synonyms: list[Term] = []
    seen = {typed}
    for topic in vocabulary.topics:
        if topic.name not in topics:
            continue
        for phrase in topic.phrases:
            words = _words(phrase)[:MAX_PHRASE_WORDS]
            if words and words not in seen and _searchable(words) and len(synonyms) < MAX_ALTERNATIVES:
                seen.add(words)
                synonyms.append(Term(words))
    name = vocabulary.ordered(topics)
    return Group(Term(typed), tuple(synonyms), topic=name[0] if name else "")


def _names_a_topic(word: str, topics: frozenset[str]) -> bool:
    """One typed word is expanded only where it is a topic's name ("misconduct", "taser" for Tasers):
    a single word of a broad topic ("assault") would bring in all its other subjects."""
    return any(word in (name.lower(), name.lower().removesuffix("s")) for name in topics)


def _bare_groups(text: str, vocabulary: TopicVocabulary) -> list[Group]:
    """Groups of text outside quotes: topic phrases (with their synonyms), prefixes, words."""
    groups: list[Group] = []
    position = 0
    for mention in vocabulary.find(text):
        if text[mention.end_offset : mention.end_offset + 1] == "*":
            continue  # "taser*" is a prefix, not the topic
        groups.extend(_plain_groups(text[position : mention.start_offset]))
        words = _words(mention.phrase)[:MAX_PHRASE_WORDS]
        if not words or not _searchable(words):
            pass
        elif len(words) > 1 or _names_a_topic(words[0], mention.topics):
            groups.append(_topic_group(words, mention.topics, vocabulary))
        else:  # one word of a broad topic ("assault" of violent crime): itself only
            groups.extend(_plain_groups(mention.phrase))
        position = mention.end_offset
    groups.extend(_plain_groups(text[position:]))
    return groups


def _plain_groups(text: str) -> list[Group]:
    groups: list[Group] = []
    for token in text.split():
        words = _words(token)
        if not words:
            continue
        prefix = token.endswith("*") and len(words[-1]) >= MIN_PREFIX_CHARACTERS
        for index, word in enumerate(words):
            is_prefix = prefix and index == len(words) - 1
            if is_prefix or _searchable((word,)):
                groups.append(Group(Term((word,), prefix=is_prefix)))
    return groups


def parse_query(text: str, vocabulary: TopicVocabulary = DEFAULT_VOCABULARY) -> SearchQuery:
    """The groups of words and phrases in ``text``, at most MAX_GROUPS, each group once."""
    groups: list[Group] = []
    bare: list[str] = []
    for match in _TOKEN.finditer(_clean(text)):
        quoted, word = match.group(1), match.group(2)
        if word is not None:
            bare.append(word)
            continue
        groups.extend(_bare_groups(" ".join(bare), vocabulary))
        bare = []
        words = _words(quoted or "")[:MAX_PHRASE_WORDS]
        if words and _searchable(words):
            groups.append(Group(Term(words)))
    groups.extend(_bare_groups(" ".join(bare), vocabulary))
    unique: dict[tuple[Term, ...], Group] = {}
    for group in groups:
        unique.setdefault(group.terms, group)
    return SearchQuery(tuple(unique.values())[:MAX_GROUPS])


def fts5_term(term: Term) -> str:
    """A term in FTS5's syntax: every word quoted (words are ``[a-z0-9]+``, so nothing is syntax)."""
    return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")


def fts5_match(query: SearchQuery, *, all_groups: bool = True) -> str:
    """The query as an FTS5 MATCH expression: each group's terms ORed; groups ANDed (or ORed)."""
    parts = []
    for group in query.groups:
        terms = [fts5_term(term) for term in group.terms]
        parts.append(terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")")
    return (" AND " if all_groups else " OR ").join(parts)
