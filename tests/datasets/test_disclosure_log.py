"""Tests of datasets/disclosure_log.py: the synthetic disclosure log."""

from __future__ import annotations

import datetime as dt
import re
from itertools import islice

import pytest

from foidesk.core.outcome import Outcome
from foidesk.datasets.disclosure_log import (
    SERVING_OFFICERS_TITLE,
    SYNTHETIC_NOTICE,
    demo_entries,
    reference_slug,
    synthetic_entries,
)
from foidesk.web.publication.models import Publication

REFERENCE = re.compile(r"^01\.FOI\.(\d{2})\.(\d{6})$")


def test_the_same_seed_gives_the_same_log_and_another_seed_another() -> None:
    assert list(synthetic_entries(50)) == list(synthetic_entries(50))
    assert list(synthetic_entries(50, seed=1)) != list(synthetic_entries(50))


def test_references_are_in_the_mps_format_unique_and_rise_within_a_year() -> None:
    entries = list(synthetic_entries(5000))
    references = [e.reference for e in entries]
    assert len(set(references)) == len(references)
    last: dict[str, int] = {}
    for entry in entries:
        match = REFERENCE.match(entry.reference)
        assert match is not None, entry.reference
        year, number = match.groups()
        assert year == f"{entry.received_on.year % 100:02d}"
        assert int(number) > last.get(year, 0)
        last[year] = int(number)


def test_every_entry_says_it_is_synthetic() -> None:
    for entry in [*synthetic_entries(200), *demo_entries()]:
        assert entry.is_synthetic
        assert entry.response_text.startswith(SYNTHETIC_NOTICE)
        assert entry.as_row()["is_synthetic"] is True


def test_entries_are_coherent() -> None:
    outcomes = {o.value for o in Outcome}
    for entry in synthetic_entries(2000):
        assert entry.received_on <= entry.responded_on <= entry.published_on
        assert entry.title and entry.request_text and entry.topics
        assert set(entry.outcomes) <= outcomes
        assert set(entry.outcomes) == {p.outcome for p in entry.parts}
        assert set(entry.exemptions) == {e for p in entry.parts for e in p.exemptions}
        for start, end in entry.date_ranges:
            assert start <= end < entry.received_on


def test_a_row_has_exactly_the_fields_a_publication_stores() -> None:
    model_fields = {f.name for f in Publication._meta.concrete_fields}
    row = next(iter(synthetic_entries(1))).as_row()
    assert set(row) <= model_fields
    # Set by the database, or read from published files after publication (a synthetic entry has none).
    assert model_fields - set(row) == {"id", "created_at", "updated_at", "attachments_text"}
    assert row["parts"][0]["date_ranges"][0]["start"] <= row["parts"][0]["date_ranges"][0]["end"]


def test_the_slug_is_the_reference_in_lower_case_with_hyphens() -> None:
    assert reference_slug("01.FOI.22.024648") == "01-foi-22-024648"


def test_the_generator_is_lazy() -> None:
    first = list(islice(synthetic_entries(1_000_000), 3))
    assert [e.received_on for e in first] == [dt.date(2012, 1, 1)] * 3


def test_bad_counts_and_spans_are_refused() -> None:
    with pytest.raises(ValueError):
        next(synthetic_entries(-1))
    with pytest.raises(ValueError):
        next(synthetic_entries(10, first_day=dt.date(2020, 1, 1), last_day=dt.date(2019, 1, 1)))
    with pytest.raises(ValueError):
        next(synthetic_entries(10_000_000, first_day=dt.date(2020, 1, 1), last_day=dt.date(2020, 12, 31)))


def test_the_demo_log_holds_the_answer_the_reference_case_points_to() -> None:
    entries = demo_entries()
    serving = [e for e in entries if e.title == SERVING_OFFICERS_TITLE]
    assert len(serving) == 1
    assert "sexual misconduct" in serving[0].topics
    assert serving[0].date_ranges == ((dt.date(2010, 1, 1), dt.date(2021, 12, 31)),)
    assert len({e.reference for e in entries}) == len(entries)


@pytest.mark.slow
def test_a_million_entries_stream_with_unique_references() -> None:
    seen: set[str] = set()
    for entry in synthetic_entries(1_000_000):
        seen.add(entry.reference)
    assert len(seen) == 1_000_000
