"""The synthetic misconduct register: deterministic from its seed, plausible, and plainly synthetic."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from foidesk.datasets import misconduct as m
from foidesk.datasets import misconduct_synthetic as synthetic


@pytest.fixture(scope="module")
def sample() -> list[m.Allegation]:
    """4,000 allegations from the demo's seed, generated once for the module (not at import)."""
    return list(synthetic.generate_register(synthetic.AllegationGeneratorSettings(n=4000, seed=2026)))


def test_the_same_seed_gives_the_same_register() -> None:
    settings = synthetic.AllegationGeneratorSettings(n=300, seed=2026)
    assert list(synthetic.generate_register(settings)) == list(synthetic.generate_register(settings))
    assert list(synthetic.generate_register(synthetic.AllegationGeneratorSettings(n=300, seed=2027))) != list(
        synthetic.generate_register(settings)
    )


def test_synthetic_ids_are_numbered_in_order() -> None:
    small = list(synthetic.generate_register(synthetic.AllegationGeneratorSettings(n=50, seed=1)))
    assert [a.allegation_id for a in small] == [f"SYN-{i:07d}" for i in range(1, 51)]


def test_the_synthetic_register_says_it_is_synthetic(sample: list[m.Allegation]) -> None:
    assert all(a.synthetic and m.is_synthetic_id(a.allegation_id) for a in sample)
    assert len({a.allegation_id for a in sample}) == len(sample)
    assert "SYNTHETIC" in synthetic.SYNTHETIC_NOTICE and "No real" in synthetic.SYNTHETIC_NOTICE


def test_dates_fall_in_the_demo_years_by_default_and_in_a_chosen_period_otherwise(
    sample: list[m.Allegation],
) -> None:
    assert min(a.date_received for a in sample) >= dt.date(2019, 1, 1)
    assert max(a.date_received for a in sample) <= dt.date(2022, 12, 31)
    assert {a.date_received.year for a in sample} == {2019, 2020, 2021, 2022}
    april = {"start": dt.date(2023, 4, 1), "end": dt.date(2023, 4, 30)}
    settings = synthetic.AllegationGeneratorSettings(n=200, seed=3, **april)
    assert {(a.date_received.year, a.date_received.month) for a in synthetic.generate_register(settings)} == {
        (2023, 4)
    }


def test_an_officer_keeps_rank_gender_and_borough_across_allegations(sample: list[m.Allegation]) -> None:
    seen: dict[str, tuple[object, ...]] = {}
    for a in sample:
        details = (a.rank, a.gender, a.borough, a.collar_number)
        assert seen.setdefault(a.officer_id, details) == details
    repeat_subjects = sum(1 for n in Counter(a.officer_id for a in sample).values() if n > 1)
    assert repeat_subjects > 100


def test_distributions_are_plausible(sample: list[m.Allegation]) -> None:
    n = len(sample)
    ranks = Counter(a.rank for a in sample)
    assert ranks[m.Rank.CONSTABLE] / n > 0.6
    sexual = sum(1 for a in sample if a.category in m.SEXUAL_MISCONDUCT)
    assert 0.05 < sexual / n < 0.20
    modern = [a for a in sample if a.under_2020_regulations]
    rprp = sum(1 for a in modern if m.MisconductOutcome.REFLECTIVE_PRACTICE in a.outcomes)
    assert 0.2 < rprp / len(modern) < 0.5
    dismissed = sum(1 for a in sample if m.MisconductOutcome.DISMISSAL_WITHOUT_NOTICE in a.outcomes)
    assert 0.005 < dismissed / n < 0.06
    assert any(len(a.outcomes) == 2 for a in sample)


def test_serious_categories_reach_hearings_more_often(sample: list[m.Allegation]) -> None:
    def hearing_share(allegations: list[m.Allegation]) -> float:
        hearings = (m.Forum.MISCONDUCT_HEARING, m.Forum.ACCELERATED_HEARING)
        return sum(1 for a in allegations if a.forum in hearings) / len(allegations)

    serious = [a for a in sample if a.category in synthetic.SERIOUS_CATEGORIES]
    other = [a for a in sample if a.category not in synthetic.SERIOUS_CATEGORIES]
    assert hearing_share(serious) > 2 * hearing_share(other)


def test_summaries_name_the_invented_people_of_the_record(sample: list[m.Allegation]) -> None:
    for a in sample[:500]:
        assert "{" not in a.summary
        for name in a.named_persons:
            assert name in a.summary
            given, surname = name.split(" ", 1)
            assert given in synthetic.GIVEN_NAMES and surname in synthetic.SURNAMES
    assert sum(1 for a in sample if a.named_persons) > 0.8 * len(sample)


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"n": synthetic.MAX_GENERATED + 1}, "between 0"), ({"end": dt.date(2018, 1, 1)}, "before it starts")],
)
def test_generator_settings_are_checked(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        synthetic.AllegationGeneratorSettings(**{"n": 10, "seed": 1, **changes})  # type: ignore[arg-type]
