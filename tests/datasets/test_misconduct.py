"""The misconduct register: the Regulations' rules on outcomes, and what its summaries may release."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from foidesk.core.redaction import Recommendation
from foidesk.datasets import misconduct as m
from foidesk.datasets import misconduct_synthetic as synthetic


def _allegation(**changes: object) -> m.Allegation:
    base = m.Allegation(
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
        finding=m.MisconductFinding.NOT_INVESTIGATED,
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
            finding=m.MisconductFinding.MISCONDUCT_PROVEN,
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


def test_no_name_or_collar_number_of_the_record_survives_in_a_checked_summary() -> None:
    for a in synthetic.generate_register(synthetic.AllegationGeneratorSettings(n=1000, seed=2026)):
        result = m.check_summary(a)
        for name in a.named_persons:
            assert name not in result.redacted_text
            assert name.split(" ")[-1] not in result.redacted_text
        assert a.collar_number not in result.redacted_text
        assert a.station not in result.redacted_text
        if a.category in m.SEXUAL_MISCONDUCT:
            assert result.recommendation is Recommendation.WITHHOLD
