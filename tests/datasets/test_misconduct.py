"""The misconduct register: the Regulations' rules on outcomes, and the synthetic generator."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest

from foidesk.core.redaction import Recommendation
from foidesk.datasets import misconduct as m

SAMPLE = list(m.generate_register(m.GeneratorSettings(n=4000, seed=2026)))


def _allegation(**changes: object) -> m.MisconductAllegation:
    base = m.MisconductAllegation(
        allegation_id="T-1",
        officer_id="OFF-1",
        collar_number="123AS",
        rank=m.Rank.CONSTABLE,
        gender=m.Gender.MALE,
        borough=m.Borough.LAMBETH,
        station="Brixton",
        date_received=dt.date(2021, 5, 4),
        category=m.Category.INDIVIDUAL_BEHAVIOURS,
        nature="Incivility",
        standard=m.Standard.AUTHORITY_RESPECT_COURTESY,
        forum=m.Forum.NO_PROCEEDINGS,
        finding=m.Finding.NOT_INVESTIGATED,
        outcomes=(m.MisconductOutcome.REFLECTIVE_PRACTICE,),
        summary="",
    )
    return dataclasses.replace(base, **changes)


def test_reflective_practice_before_1_february_2020_is_refused() -> None:
    reflective_practice = (m.MisconductOutcome.REFLECTIVE_PRACTICE,)
    assert _allegation(date_received=dt.date(2020, 2, 1)).outcomes == reflective_practice
    with pytest.raises(m.InvalidAllegation, match="Part 6"):
        _allegation(date_received=dt.date(2020, 1, 31))


def test_management_action_after_1_february_2020_is_refused() -> None:
    assert _allegation(date_received=dt.date(2019, 12, 2), outcomes=(m.MisconductOutcome.MANAGEMENT_ACTION,))
    with pytest.raises(m.InvalidAllegation, match="abolished"):
        _allegation(outcomes=(m.MisconductOutcome.MANAGEMENT_ACTION,))


def test_a_misconduct_meeting_cannot_dismiss() -> None:
    with pytest.raises(m.InvalidAllegation, match="reg 42"):
        _allegation(
            forum=m.Forum.MISCONDUCT_MEETING,
            finding=m.Finding.MISCONDUCT_PROVEN,
            outcomes=(m.MisconductOutcome.DISMISSAL_WITHOUT_NOTICE,),
        )


def test_a_sanction_needs_proceedings() -> None:
    with pytest.raises(m.InvalidAllegation, match="meeting or hearing"):
        _allegation(outcomes=(m.MisconductOutcome.WRITTEN_WARNING,))


@pytest.mark.parametrize(
    "outcomes",
    [(), (m.MisconductOutcome.NO_CASE_TO_ANSWER,) * 2, (m.MisconductOutcome.NO_CASE_TO_ANSWER,
                                                       m.MisconductOutcome.NO_FURTHER_ACTION,
                                                       m.MisconductOutcome.REFLECTIVE_PRACTICE)],
)  # fmt: skip
def test_an_allegation_has_one_or_two_different_outcomes(outcomes: tuple[m.MisconductOutcome, ...]) -> None:
    with pytest.raises(m.InvalidAllegation):
        _allegation(outcomes=outcomes)


def test_bcu_and_rank_band_follow_from_borough_and_rank() -> None:
    allegation = _allegation(rank=m.Rank.SERGEANT)
    assert allegation.bcu is m.BCU.CENTRAL_SOUTH
    assert allegation.rank_band is m.RankBand.CONSTABLE_OR_SERGEANT


def test_the_same_seed_gives_the_same_register() -> None:
    settings = m.GeneratorSettings(n=300, seed=2026)
    assert list(m.generate_register(settings)) == list(m.generate_register(settings))
    assert list(m.generate_register(m.GeneratorSettings(n=300, seed=2027))) != list(
        m.generate_register(settings)
    )


def test_synthetic_ids_are_numbered_in_order() -> None:
    small = list(m.generate_register(m.GeneratorSettings(n=50, seed=1)))
    assert [a.allegation_id for a in small] == [f"SYN-{i:07d}" for i in range(1, 51)]


def test_the_synthetic_register_says_it_is_synthetic() -> None:
    assert all(a.synthetic and m.is_synthetic_id(a.allegation_id) for a in SAMPLE)
    assert len({a.allegation_id for a in SAMPLE}) == len(SAMPLE)
    assert "SYNTHETIC" in m.SYNTHETIC_NOTICE and "No real" in m.SYNTHETIC_NOTICE


def test_dates_fall_in_the_demo_years_by_default_and_in_a_chosen_period_otherwise() -> None:
    assert min(a.date_received for a in SAMPLE) >= dt.date(2019, 1, 1)
    assert max(a.date_received for a in SAMPLE) <= dt.date(2022, 12, 31)
    assert {a.date_received.year for a in SAMPLE} == {2019, 2020, 2021, 2022}
    settings = m.GeneratorSettings(n=200, seed=3, start=dt.date(2023, 4, 1), end=dt.date(2023, 4, 30))
    assert {(a.date_received.year, a.date_received.month) for a in m.generate_register(settings)} == {
        (2023, 4)
    }


def test_an_officer_keeps_rank_gender_and_borough_across_allegations() -> None:
    seen: dict[str, tuple[object, ...]] = {}
    for a in SAMPLE:
        details = (a.rank, a.gender, a.borough, a.collar_number)
        assert seen.setdefault(a.officer_id, details) == details
    repeat_subjects = sum(1 for n in Counter(a.officer_id for a in SAMPLE).values() if n > 1)
    assert repeat_subjects > 100


def test_distributions_are_plausible() -> None:
    n = len(SAMPLE)
    ranks = Counter(a.rank for a in SAMPLE)
    assert ranks[m.Rank.CONSTABLE] / n > 0.6
    sexual = sum(1 for a in SAMPLE if a.category in m.SEXUAL_MISCONDUCT)
    assert 0.05 < sexual / n < 0.20
    modern = [a for a in SAMPLE if a.under_2020_regulations]
    rprp = sum(1 for a in modern if m.MisconductOutcome.REFLECTIVE_PRACTICE in a.outcomes)
    assert 0.2 < rprp / len(modern) < 0.5
    dismissed = sum(1 for a in SAMPLE if m.MisconductOutcome.DISMISSAL_WITHOUT_NOTICE in a.outcomes)
    assert 0.005 < dismissed / n < 0.06
    assert any(len(a.outcomes) == 2 for a in SAMPLE)


def test_serious_categories_reach_hearings_more_often() -> None:
    def hearing_share(allegations: list[m.MisconductAllegation]) -> float:
        hearings = (m.Forum.MISCONDUCT_HEARING, m.Forum.ACCELERATED_HEARING)
        return sum(1 for a in allegations if a.forum in hearings) / len(allegations)

    serious = [a for a in SAMPLE if a.category in m.SERIOUS_CATEGORIES]
    other = [a for a in SAMPLE if a.category not in m.SERIOUS_CATEGORIES]
    assert hearing_share(serious) > 2 * hearing_share(other)


def test_summaries_name_the_invented_people_of_the_record() -> None:
    for a in SAMPLE[:500]:
        assert "{" not in a.summary
        for name in a.named_persons:
            assert name in a.summary
            given, surname = name.split(" ", 1)
            assert given in m.GIVEN_NAMES and surname in m.SURNAMES
    assert sum(1 for a in SAMPLE if a.named_persons) > 0.8 * len(SAMPLE)


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"n": m.MAX_GENERATED + 1}, "between 0"), ({"end": dt.date(2018, 1, 1)}, "before it starts")],
)
def test_generator_settings_are_checked(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        m.GeneratorSettings(**{"n": 10, "seed": 1, **changes})  # type: ignore[arg-type]


def test_no_name_or_collar_number_of_the_record_survives_in_a_checked_summary() -> None:
    for a in SAMPLE[:1000]:
        result = m.check_summary(a)
        for name in a.named_persons:
            assert name not in result.redacted_text
            assert name.split(" ")[-1] not in result.redacted_text
        assert a.collar_number not in result.redacted_text
        assert a.station not in result.redacted_text
        if a.category in m.SEXUAL_MISCONDUCT:
            assert result.recommendation is Recommendation.WITHHOLD
