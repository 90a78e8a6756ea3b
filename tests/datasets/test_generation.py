"""What the synthetic generators share: a weighted draw that is the same for a seed, and the request check."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from foidesk.datasets.generation import WeightedDraw, check_generation


def test_a_weighted_draw_follows_its_weights_and_repeats_for_a_seed() -> None:
    draw = WeightedDraw([("often", 3.0), ("seldom", 1.0), ("never", 0.0)])
    counts = Counter(draw.draw(random.Random(f"seed:{i}")) for i in range(4000))
    assert counts["never"] == 0
    assert 0.70 < counts["often"] / 4000 < 0.80
    first, second = random.Random(5), random.Random(5)
    assert [draw.draw(first) for _ in range(50)] == [draw.draw(second) for _ in range(50)]


def test_a_draw_takes_one_number_from_the_generator() -> None:
    """So a generator's later values do not shift when a table of weights changes length."""
    rng, twin = random.Random(9), random.Random(9)
    WeightedDraw([("a", 1.0), ("b", 2.0), ("c", 5.0)]).draw(rng)
    twin.random()
    assert rng.random() == twin.random()


@pytest.mark.parametrize("weighted", [[], [("a", -1.0), ("b", 2.0)], [("a", 0.0)]])
def test_a_distribution_without_weight_is_refused(weighted: list[tuple[str, float]]) -> None:
    with pytest.raises(ValueError, match="weights"):
        WeightedDraw(weighted)


@pytest.mark.parametrize(
    ("n", "end", "message"),
    [(-1, dt.date(2024, 1, 31), "between 0 and 10"), (11, dt.date(2024, 1, 31), "not 11"),
     (5, dt.date(2023, 12, 31), "before it starts")],
)  # fmt: skip
def test_what_to_generate_is_checked(n: int, end: dt.date, message: str) -> None:
    check_generation(10, 10, dt.date(2024, 1, 1), dt.date(2024, 1, 1))
    with pytest.raises(ValueError, match=message):
        check_generation(n, 10, dt.date(2024, 1, 1), end)
