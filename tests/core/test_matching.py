"""Tests of core/matching.py: earlier answers (s.21), repeats (s.14(2)), round-robins, aggregation (reg 5)."""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.clock import default_calendar, working_days_between
from foidesk.core.matching import (
    AGGREGATION_WORKING_DAYS,
    AggregationGround,
    Candidate,
    Enquiry,
    InvalidPeriod,
    NearDuplicateIndex,
    NearDuplicateSettings,
    ReceivedRequest,
    ScoringWeights,
    containment,
    find_aggregable,
    find_repeats,
    find_round_robins,
    fingerprint,
    key_terms,
    merge_periods,
    normalise_request_text,
    period_coverage,
    rank_earlier_answers,
    score_candidate,
    shingles,
    similarity,
    stem,
    within_working_day_window,
)
from foidesk.core.regime import Regime

D = dt.date
YEAR_2020 = (D(2020, 1, 1), D(2020, 12, 31))
YEAR_2021 = (D(2021, 1, 1), D(2021, 12, 31))


def weekdays_between(start: dt.date, end: dt.date) -> int:
    """Working days after start up to and including end, with weekends only (no bank holidays).

    A stand-in for the statutory clock with the same contract, simple enough to check by hand.
    """
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            count += 1
    return count


# --- words -------------------------------------------------------------------------------------


def test_allegation_and_alleged_share_a_stem() -> None:
    assert stem("allegations") == stem("alleged") == stem("allegation")


def test_key_terms_drop_request_boilerplate_and_keep_years() -> None:
    terms = key_terms("Please provide a list of allegations of sexual misconduct for 2021, i.e. rape.")
    assert list(terms.values()) == ["allegations", "sexual", "misconduct", "2021", "rape"]


# --- periods -----------------------------------------------------------------------------------


def test_merge_periods_joins_adjacent_and_overlapping_periods() -> None:
    merged = merge_periods([YEAR_2021, YEAR_2020, (D(2021, 6, 1), D(2022, 2, 1))])
    assert merged == ((D(2020, 1, 1), D(2022, 2, 1)),)


def test_a_2010_to_2021_entry_covers_all_of_2021() -> None:
    assert period_coverage([YEAR_2021], [(D(2010, 1, 1), D(2021, 12, 31))]) == 1.0


def test_an_entry_for_2021_covers_365_of_the_731_days_of_2020_and_2021() -> None:
    assert period_coverage([YEAR_2020, YEAR_2021], [YEAR_2021]) == pytest.approx(365 / 731)


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidPeriod):
        Enquiry("x", periods=((D(2021, 2, 1), D(2021, 1, 1)),))


# --- scoring earlier answers -------------------------------------------------------------------

REQUEST_1 = (
    "A list of allegations of police officer sexual misconduct for the calendar year of 2021. "
    "The nature of each allegation of sexual misconduct, i.e. rape, groping etc."
)

SERVING_OFFICERS = Candidate(
    reference="01.FOI.22.023911",
    title="Serving officers accused of alleged sexual harassment/assault from 2010 to 2021",
    text="Police officers and staff accused of sexual harassment or sexual assault, by year and outcome.",
    text_rank=0.3,
    topics=frozenset({"sexual misconduct", "misconduct"}),
    periods=((D(2010, 1, 1), D(2021, 12, 31)),),
)
STOP_AND_SEARCH = Candidate(
    reference="01.FOI.21.019876",
    title="Stop and search in Lambeth in 2021",
    text="Stop and search by ethnicity and outcome.",
    text_rank=0.05,
    topics=frozenset({"stop and search"}),
    periods=(YEAR_2021,),
)
MISCONDUCT_2019 = Candidate(
    reference="01.FOI.20.011111",
    title="Police officer misconduct hearings in 2019",
    text="Misconduct hearings and their outcomes.",
    text_rank=0.2,
    topics=frozenset({"misconduct"}),
    periods=((D(2019, 1, 1), D(2019, 12, 31)),),
)


def test_the_entry_covering_the_topic_and_period_ranks_first_and_says_why() -> None:
    enquiry = Enquiry(REQUEST_1, topics=frozenset({"sexual misconduct"}), periods=(YEAR_2021,))
    ranked = rank_earlier_answers(enquiry, [STOP_AND_SEARCH, MISCONDUCT_2019, SERVING_OFFICERS])
    assert ranked[0].reference == "01.FOI.22.023911"
    assert ranked[0].score > ranked[1].score + 0.2
    why = ranked[0].reasons
    assert why.shared_topics == ("sexual misconduct",)
    assert why.overlapping_periods == (YEAR_2021,)
    assert why.period_coverage == 1.0
    assert {"officers", "sexual", "alleged"} <= set(why.shared_terms)
    assert why.as_dict()["period_overlap"] == [{"start": "2021-01-01", "end": "2021-12-31"}]


def test_an_enquiry_without_topics_or_periods_is_scored_on_text_alone() -> None:
    answer = score_candidate(Enquiry("sexual assault officers"), SERVING_OFFICERS)
    text_only = score_candidate(
        Enquiry("sexual assault officers"), SERVING_OFFICERS, weights=ScoringWeights(topics=0, period=0)
    )
    assert answer.score == pytest.approx(text_only.score)
    assert answer.reasons.period_coverage is None


def test_an_entry_without_a_period_gets_neutral_credit_for_it() -> None:
    undated = Candidate("R", "Sexual misconduct by officers", "", 0.1, frozenset({"sexual misconduct"}))
    enquiry = Enquiry("sexual misconduct", topics=frozenset({"sexual misconduct"}), periods=(YEAR_2021,))
    weights = ScoringWeights()
    answer = score_candidate(enquiry, undated, weights=weights)
    with_half_cover = score_candidate(
        enquiry,
        Candidate("R", undated.title, "", 0.1, undated.topics, ((D(2021, 1, 1), D(2021, 7, 2)),)),
        weights=weights,
    )
    assert answer.score == pytest.approx(with_half_cover.score, abs=0.01)


_dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31))
_periods = st.lists(st.tuples(_dates, _dates).map(lambda p: (min(p), max(p))), max_size=3)
_topics = st.frozensets(st.sampled_from(["misconduct", "sexual misconduct", "taser", "custody"]), max_size=3)


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(max_size=200),
    rank=st.floats(min_value=0, max_value=1e6),
    topics=_topics,
    candidate_topics=_topics,
    periods=_periods,
    candidate_periods=_periods,
)
def test_every_score_is_between_0_and_1(
    text: str,
    rank: float,
    topics: frozenset[str],
    candidate_topics: frozenset[str],
    periods: list[tuple[dt.date, dt.date]],
    candidate_periods: list[tuple[dt.date, dt.date]],
) -> None:
    enquiry = Enquiry(text, topics=topics, periods=tuple(periods))
    candidate = Candidate("R", "Title", text[::-1], rank, candidate_topics, tuple(candidate_periods))
    answer = score_candidate(enquiry, candidate)
    assert 0.0 <= answer.score <= 1.0
    assert set(answer.reasons.shared_topics) == topics & candidate_topics


@settings(max_examples=60, deadline=None)
@given(asked=_periods, covered=_periods)
def test_coverage_is_a_share_and_full_when_the_entry_covers_everything(
    asked: list[tuple[dt.date, dt.date]], covered: list[tuple[dt.date, dt.date]]
) -> None:
    assert 0.0 <= period_coverage(asked, covered) <= 1.0
    if asked:
        assert period_coverage(asked, [*covered, *asked]) == 1.0


# --- normalising and near-duplicates -----------------------------------------------------------

CAMPAIGN_BODY = (
    "Please provide the number of police officers dismissed for sexual misconduct in each of the "
    "last three financial years, broken down by rank, and the number currently suspended."
)
JANE = f"""Dear Metropolitan Police Service,

{CAMPAIGN_BODY}

Yours faithfully,

Jane Example

-------------------------------------------------------------------
Please use this email address for all replies to this request:
request-812345-1a2b3c4d@whatdotheyknow.com
"""
ALI = f"""Dear Sir/Madam,
{CAMPAIGN_BODY}
Kind regards, Ali Sample
ali.sample@example.org, 1 Example Street, London SW1A 1AA, 07700 900123
"""
TO_ANOTHER_FORCE = f"Dear Kent Police,\n{CAMPAIGN_BODY}\nMany thanks\nSam Person"
UNRELATED = (
    "Dear FOI team, how many Taser discharges were recorded in Croydon in 2022, by month and by the "
    "ethnicity of the person? Regards, Jane Example"
)


def test_normalising_removes_greeting_sign_off_names_and_whatdotheyknow_boilerplate() -> None:
    expected = normalise_request_text(CAMPAIGN_BODY)
    assert normalise_request_text(JANE) == expected
    assert normalise_request_text(ALI) == expected
    assert normalise_request_text(TO_ANOTHER_FORCE) == expected
    assert "jane" not in expected and "@" not in expected


@pytest.mark.parametrize(
    ("greeting", "sign_off"),
    [
        ("FAO the FOI officer,", "Sent from my iPhone"),
        ("To the Freedom of Information team,", "Thanks again, Sam"),
        ("Hiya,", "All the best,\nSam"),
    ],
)
def test_normalising_knows_every_greeting_and_sign_off_the_request_parser_knows(
    greeting: str, sign_off: str
) -> None:
    # One home for the phrases (core/request_redaction.py): what the parser strips, matching strips.
    assert normalise_request_text(f"{greeting}\n{CAMPAIGN_BODY}\n{sign_off}") == normalise_request_text(
        CAMPAIGN_BODY
    )


def test_normalising_removes_known_personal_details_and_authority_names() -> None:
    text = "My name is Jo Bloggs of 2 High Road. How many officers does the Metropolitan Police employ?"
    normalised = normalise_request_text(
        text, personal_details=["Jo Bloggs", "2 High Road"], authority_names=["Metropolitan Police"]
    )
    assert normalised == "my name is of how many officers does the authority employ"


def test_a_greeting_without_a_comma_on_a_long_line_is_kept_as_the_request() -> None:
    text = "Hi could you tell me how many Tasers were fired in Lambeth last year please"
    assert normalise_request_text(text).startswith("hi could you tell me")


def test_shingles_of_a_short_text_are_the_text_itself() -> None:
    assert shingles("two words") == frozenset({"two words"})
    assert shingles("a b c d", size=3) == frozenset({"a b c", "b c d"})
    assert shingles("") == frozenset()


def test_copies_of_a_campaign_text_are_near_identical_and_other_requests_are_not() -> None:
    jane, ali, kent, other = (fingerprint(t) for t in (JANE, ALI, TO_ANOTHER_FORCE, UNRELATED))
    assert similarity(jane, ali) == 1.0
    assert similarity(jane, kent) == 1.0
    assert similarity(jane, other) < 0.1


def test_questions_inside_a_longer_published_request_are_contained_in_it() -> None:
    published = f"I am seeking information about misconduct.\n{CAMPAIGN_BODY}\nI am aware of section 40(2)."
    assert containment(CAMPAIGN_BODY, published) == 1.0
    assert similarity(fingerprint(CAMPAIGN_BODY), fingerprint(published)) < 0.8
    assert containment(UNRELATED, published) < 0.1
    assert containment("", published) == 0.0


def test_an_empty_request_is_similar_to_nothing_not_even_itself() -> None:
    empty = fingerprint("Dear Sir,\nYours faithfully,\nJo")
    assert empty.is_empty
    assert similarity(empty, empty) == 0.0


def test_a_lightly_edited_copy_is_still_substantially_similar() -> None:
    edited = CAMPAIGN_BODY.replace("three", "four") + " Please send the answer as a spreadsheet."
    assert similarity(fingerprint(CAMPAIGN_BODY), fingerprint(edited)) >= 0.6


@settings(max_examples=40, deadline=None)
@given(a=st.text(max_size=300), b=st.text(max_size=300))
def test_similarity_is_symmetric_and_a_share(a: str, b: str) -> None:
    fa, fb = fingerprint(a), fingerprint(b)
    assert similarity(fa, fb) == similarity(fb, fa)
    assert 0.0 <= similarity(fa, fb) <= 1.0
    assert set(normalise_request_text(a)) <= set("abcdefghijklmnopqrstuvwxyz0123456789 ")


def test_the_index_finds_a_copy_among_many_requests() -> None:
    index = NearDuplicateIndex()
    for n in range(200):
        index.add(
            f"R{n}", fingerprint(f"How many officers were posted to station number {n} in {1990 + n % 30}?")
        )
    index.add("JANE", fingerprint(JANE))
    assert index.similar_to(fingerprint(ALI), threshold=0.8) == [("JANE", 1.0)]
    with pytest.raises(KeyError):
        index.add("JANE", fingerprint(JANE))


def test_settings_refuse_inconsistent_thresholds() -> None:
    with pytest.raises(ValueError):
        NearDuplicateSettings(same_text=0.2, similar_information=0.5)
    with pytest.raises(ValueError):
        NearDuplicateSettings(permutations=100, bands=32)


# --- repeats (s.14(2)) -------------------------------------------------------------------------


def _request(
    reference: str,
    requester: str,
    received: dt.date,
    text: str = CAMPAIGN_BODY,
    *,
    complied: dt.date | None = None,
    topics: frozenset[str] = frozenset(),
    campaign: str | None = None,
) -> ReceivedRequest:
    return ReceivedRequest(reference, requester, received, fingerprint(text), topics, complied, campaign)


def test_the_same_request_from_the_same_person_soon_after_compliance_is_a_repeat() -> None:
    earlier = _request("A", "jane", D(2024, 1, 8), JANE, complied=D(2024, 2, 1))
    new = _request("B", "jane", D(2024, 3, 1), CAMPAIGN_BODY)
    repeats = find_repeats(new, [earlier], reasonable_interval=dt.timedelta(days=90))
    assert [(r.earlier_reference, r.similarity, r.days_since_compliance) for r in repeats] == [("A", 1.0, 29)]


def test_no_repeat_once_a_reasonable_interval_has_elapsed() -> None:
    earlier = _request("A", "jane", D(2024, 1, 8), complied=D(2024, 2, 1))
    new = _request("B", "jane", D(2024, 5, 1))
    assert find_repeats(new, [earlier], reasonable_interval=dt.timedelta(days=90)) == []


def test_no_repeat_when_the_earlier_request_was_never_complied_with() -> None:
    earlier = _request("A", "jane", D(2024, 1, 8))
    new = _request("B", "jane", D(2024, 1, 20))
    assert find_repeats(new, [earlier], reasonable_interval=dt.timedelta(days=90)) == []


def test_the_same_text_from_someone_else_is_not_a_repeat() -> None:
    earlier = _request("A", "ali", D(2024, 1, 8), complied=D(2024, 2, 1))
    new = _request("B", "jane", D(2024, 3, 1))
    assert find_repeats(new, [earlier], reasonable_interval=dt.timedelta(days=90)) == []


def test_a_different_request_from_the_same_person_is_not_a_repeat() -> None:
    earlier = _request("A", "jane", D(2024, 1, 8), UNRELATED, complied=D(2024, 2, 1))
    new = _request("B", "jane", D(2024, 3, 1))
    assert find_repeats(new, [earlier], reasonable_interval=dt.timedelta(days=90)) == []


# --- round-robins ------------------------------------------------------------------------------


def test_one_text_from_three_requesters_is_one_round_robin() -> None:
    requests = [
        _request("R1", "jane", D(2024, 1, 8), JANE),
        _request("R2", "ali", D(2024, 1, 9), ALI),
        _request("R3", "sam", D(2024, 1, 7), TO_ANOTHER_FORCE),
        _request("R4", "jane", D(2024, 1, 10), UNRELATED),
    ]
    groups = find_round_robins(requests)
    assert len(groups) == 1
    assert groups[0].references == ("R3", "R1", "R2")
    assert groups[0].requesters == 3
    assert groups[0].lowest_similarity == 1.0


def test_the_same_text_twice_from_one_person_is_not_a_round_robin() -> None:
    requests = [_request("R1", "jane", D(2024, 1, 8), JANE), _request("R2", "jane", D(2024, 1, 9), JANE)]
    assert find_round_robins(requests) == []


# --- aggregation (reg 5) -----------------------------------------------------------------------


def test_the_weekday_counter_used_here_counts_as_the_statutory_clock_does() -> None:
    assert weekdays_between(D(2021, 1, 4), D(2021, 1, 8)) == 4  # Mon -> Fri
    assert weekdays_between(D(2021, 1, 8), D(2021, 1, 11)) == 1  # Fri -> Mon


def test_requests_on_the_1st_and_60th_working_day_are_aggregable_but_not_the_61st() -> None:
    # Mon 4 Jan 2021 is working day 1 of the window; by hand, working day 60 is Fri 26 Mar 2021
    # (twelve weeks of five days) and Mon 29 Mar 2021 is day 61.
    first = _request("A", "jane", D(2021, 1, 4), topics=frozenset({"misconduct"}))
    day_60 = _request("B", "jane", D(2021, 3, 26), UNRELATED, topics=frozenset({"misconduct"}))
    day_61 = _request("C", "jane", D(2021, 3, 29), UNRELATED, topics=frozenset({"misconduct"}))
    found = find_aggregable(day_60, [first], working_days_between=weekdays_between)
    assert found is not None
    assert [o.reference for o in found.others] == ["A"]
    assert (found.window_start, found.window_end) == (D(2021, 1, 4), D(2021, 3, 26))
    assert find_aggregable(day_61, [first], working_days_between=weekdays_between) is None
    assert AGGREGATION_WORKING_DAYS == 60


def test_the_foia_window_skips_scottish_and_northern_irish_bank_holidays() -> None:
    # By hand, for FOIA (s.10(6): a bank holiday in any part of the UK): Tue 2 Jan 2024 is a
    # Scottish bank holiday, so the window starts Wed 3 Jan (day 1). January then has 21 working
    # days, February 21, March 1-15 eleven; Mon 18 Mar is Northern Ireland's substitute day for
    # St Patrick's Day (a Sunday), so Tue 19 Mar is day 54 and Wed 27 Mar day 60.
    foia = partial(working_days_between, regime=Regime.FOIA, calendar=default_calendar())
    received = D(2024, 1, 2)
    assert within_working_day_window(received, D(2024, 3, 27), foia, length=AGGREGATION_WORKING_DAYS)
    assert not within_working_day_window(received, D(2024, 3, 28), foia, length=AGGREGATION_WORKING_DAYS)
    first = _request("A", "jane", received, topics=frozenset({"misconduct"}))
    late = _request("B", "jane", D(2024, 3, 28), topics=frozenset({"misconduct"}))
    assert find_aggregable(late, [first], working_days_between=foia) is None


def test_a_request_received_on_a_saturday_starts_the_window_on_monday() -> None:
    saturday = _request("A", "jane", D(2021, 1, 2), topics=frozenset({"misconduct"}))
    day_60 = _request("B", "jane", D(2021, 3, 26), topics=frozenset({"misconduct"}))
    assert find_aggregable(day_60, [saturday], working_days_between=weekdays_between) is not None


def test_unrelated_requests_from_one_person_are_not_aggregated() -> None:
    first = _request("A", "jane", D(2021, 1, 4), UNRELATED, topics=frozenset({"taser"}))
    second = _request("B", "jane", D(2021, 1, 5), topics=frozenset({"misconduct"}))
    assert find_aggregable(second, [first], working_days_between=weekdays_between) is None


def test_similar_requests_from_strangers_are_not_aggregated_unless_they_act_in_concert() -> None:
    topics = frozenset({"misconduct"})
    first = _request("A", "ali", D(2021, 1, 4), UNRELATED, topics=topics)
    second = _request("B", "jane", D(2021, 1, 5), topics=topics)
    assert find_aggregable(second, [first], working_days_between=weekdays_between) is None
    first_campaign = _request("A", "ali", D(2021, 1, 4), UNRELATED, topics=topics, campaign="c1")
    second_campaign = _request("B", "jane", D(2021, 1, 5), topics=topics, campaign="c1")
    found = find_aggregable(second_campaign, [first_campaign], working_days_between=weekdays_between)
    assert found is not None and found.others[0].ground is AggregationGround.CAMPAIGN


def test_a_round_robin_text_is_evidence_of_a_campaign() -> None:
    first = _request("A", "ali", D(2021, 1, 4), ALI)
    second = _request("B", "jane", D(2021, 1, 5), JANE)
    found = find_aggregable(second, [first], working_days_between=weekdays_between)
    assert found is not None and found.others[0].ground is AggregationGround.SAME_TEXT


def test_the_window_holding_most_related_requests_is_chosen() -> None:
    topics = frozenset({"misconduct"})
    early = _request("A", "jane", D(2021, 1, 4), topics=topics)  # 60 WD before B's window ends
    middle = [_request(f"M{i}", "jane", D(2021, 3, 1 + i), topics=topics) for i in range(3)]
    new = _request("N", "jane", D(2021, 4, 20), topics=topics)
    found = find_aggregable(new, [early, *middle], working_days_between=weekdays_between)
    assert found is not None
    assert [o.reference for o in found.others] == ["M0", "M1", "M2"]
