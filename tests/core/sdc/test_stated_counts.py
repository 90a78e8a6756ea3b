"""Counts written in a response's text: found in digits and words, and refused when they disclose."""

from __future__ import annotations

from foidesk.core.sdc.stated_counts import disclosing_counts, stated_counts


def test_counts_in_digits_and_words_next_to_a_noun_are_found() -> None:
    found = stated_counts("There were 3 allegations and twenty-one serving officers; 1,204 records in all.")
    assert [(c.value, c.noun) for c in found] == [(3, "allegations"), (21, "officers"), (1204, "records")]


def test_numbers_that_count_nothing_are_left_alone() -> None:
    assert stated_counts("Under section 40(2), Request 2 Q1 of 16 May 2022 is answered in 2 parts.") == ()


def test_a_small_stated_count_is_refused() -> None:
    findings = disclosing_counts([("Q1", "Three officers were dismissed.")], threshold=5)
    assert len(findings) == 1 and "Three officers" in findings[0]


def test_a_count_a_small_amount_from_a_released_count_is_refused_and_an_equal_one_is_not() -> None:
    texts = [("Q1", "We hold 812 allegations.")]
    assert disclosing_counts(texts, threshold=5, released=[810])
    assert not disclosing_counts(texts, threshold=5, released=[812, 900])
