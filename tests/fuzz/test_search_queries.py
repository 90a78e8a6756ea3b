"""Fuzzing the disclosure log's search over real HTTP, page and API: any query answers, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import example, given
from hypothesis import strategies as st

from tests.factories import PublicationFactory
from tests.fuzz.strategies import ANY_TEXT, fuzz

pytestmark = pytest.mark.django_db

QUERY_FRAGMENTS = st.sampled_from(
    [
        '"',
        "'",
        "%",
        "_",
        "\\",
        "*",
        "&",
        "|",
        "!",
        ":*",
        "<->",
        "(",
        ")",
        "--",
        ";",
        "OR",
        "AND",
        "NOT",
        "taser",
    ]
)
QUERIES = st.one_of(
    ANY_TEXT.map(lambda t: t[:300]),
    st.lists(st.one_of(QUERY_FRAGMENTS, ANY_TEXT.map(lambda t: t[:10])), max_size=12).map(" ".join),
)
PARAMETERS = st.fixed_dictionaries(
    {"q": QUERIES},
    optional={
        "topic": ANY_TEXT.map(lambda t: t[:100]),
        "exemption": ANY_TEXT.map(lambda t: t[:50]),
        "year": st.one_of(st.integers(-(10**20), 10**20).map(str), ANY_TEXT.map(lambda t: t[:8])),
        "page": st.one_of(st.integers(-(10**20), 10**20).map(str), ANY_TEXT.map(lambda t: t[:8])),
    },
)


def test_any_search_of_the_disclosure_log_answers_without_a_server_error() -> None:
    PublicationFactory(reference="01.FOI.24.000001", title="Taser discharges in Lambeth")
    PublicationFactory(reference="01.FOI.24.000002", title="Overtime paid to officers")
    client = Client(raise_request_exception=False)

    @fuzz(30)
    @given(params=PARAMETERS)
    @example(params={"q": "taser & | ! :* <-> ('"})
    @example(params={"q": "\x00"})
    @example(params={"q": "a", "year": "99999999999999999999", "page": "-1"})
    def search(params: dict[str, str]) -> None:
        page = client.get("/disclosure-log/", query_params=params)
        assert page.status_code in {200, 400}, (params, page.status_code)
        api = client.get("/api/v1/disclosures", query_params=params)
        assert api.status_code in {200, 400, 422}, (params, api.status_code)
        assert api["Content-Type"].startswith("application/json")

    search()
