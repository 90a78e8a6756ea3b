"""The search box's query language: words, phrases, prefixes, topic synonyms; nothing typed is syntax."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from foidesk.core.search_query import (
    MAX_GROUPS,
    MAX_WORD_CHARACTERS,
    Term,
    fts5_match,
    parse_query,
)

# What an FTS5 expression built from a query may contain: quoted [a-z0-9 ] words, *, brackets, AND/OR.
_FTS5_SAFE = re.compile(r'^(?:"[a-z0-9 ]+"\*?|\(|\)| AND | OR )*$')


def test_a_topic_phrase_is_also_searched_for_as_its_topics_other_phrases() -> None:
    query = parse_query("sexual misconduct 2021")
    first, year = query.groups
    assert first.typed == Term(("sexual", "misconduct")) and first.topic == "sexual misconduct"
    assert Term(("sexual", "harassment")) in first.synonyms
    assert year.terms == (Term(("2021",)),)
    assert query.expansions == (first,)


def test_one_word_of_a_broad_topic_is_not_expanded_but_a_topics_name_is() -> None:
    assert parse_query("assault").groups[0].synonyms == ()  # one phrase of "violent crime"
    assert Term(("stun", "gun")) in parse_query("taser").groups[0].synonyms


def test_quotes_make_a_phrase_without_synonyms_and_star_a_prefix() -> None:
    query = parse_query('"sexual misconduct" tase*')
    assert [group.terms for group in query.groups] == [
        (Term(("sexual", "misconduct")),),
        (Term(("tase",), prefix=True),),
    ]
    assert fts5_match(query) == '"sexual misconduct" AND "tase"*'
    assert fts5_match(query, all_groups=False) == '"sexual misconduct" OR "tase"*'


def test_an_unclosed_quote_runs_to_the_end_and_curly_quotes_count() -> None:
    assert parse_query('"stop and search').groups[0].typed == Term(("stop", "and", "search"))
    assert parse_query("\u201cstop and search\u201d x2").groups[0].synonyms == ()


def test_common_words_operators_and_lone_stars_are_not_searched_for() -> None:
    for text in ["the of and", "*", "a*", "AND OR NOT", '""', "\x00", "   ", "-", "( ) : ^ +"]:
        assert parse_query(text).is_empty, text
    # Operators of either language written as words are just words (NEAR is a word; OR is dropped).
    assert next(g.typed.words for g in parse_query("taser NEAR(x) OR baton").groups) == ("taser",)


def test_long_queries_are_bounded() -> None:
    query = parse_query(" ".join(f"word{i}" for i in range(1000)) + " " + "x" * 500)
    assert len(query.groups) == MAX_GROUPS
    assert all(len(word) <= MAX_WORD_CHARACTERS for g in query.groups for t in g.terms for word in t.words)


@given(st.text(max_size=300))
def test_any_text_gives_a_query_with_nothing_but_quoted_plain_words(text: str) -> None:
    query = parse_query(text)
    assert _FTS5_SAFE.match(fts5_match(query))
    assert _FTS5_SAFE.match(fts5_match(query, all_groups=False))
    for group in query.groups:
        for term in group.terms:
            assert all(re.fullmatch(r"[a-z0-9]{1,40}", word) for word in term.words)
