"""``deducible_ranges`` on one warm-started HiGHS model (core/sdc/lp.py) against a plain reference.

The reference here is the textbook audit: for every target, a fresh SciPy ``linprog`` for its minimum
and another for its maximum. The fast path must reach the same verdict for every target, report the
same bounds wherever it calls them exact, and never claim an interval wider than the true one.
"""

from __future__ import annotations

import math
import time

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.sdc.audit import AuditIncomplete, deducible_ranges
from foidesk.core.sdc.lp import SolveStatus, WarmProgramme

Floats = npt.NDArray[np.float64]
TOLERANCE = 1e-6


def reference_ranges(equalities: Floats, rhs: Floats, targets: Floats) -> tuple[Floats, Floats]:
    """Each target's exact min and max over ``{z >= 0 : A z = b}``, one fresh programme per question."""
    from scipy.optimize import linprog

    lower, upper = np.zeros(targets.shape[0]), np.zeros(targets.shape[0])
    for k, row in enumerate(targets):
        if equalities.shape[0] == 0:
            lower[k] = 0.0 if np.all(row >= 0) else -math.inf
            upper[k] = math.inf if np.any(row > 0) else 0.0
            continue
        low = linprog(row, A_eq=equalities, b_eq=rhs, bounds=(0, None), method="highs")
        high = linprog(-row, A_eq=equalities, b_eq=rhs, bounds=(0, None), method="highs")
        assert low.status in (0, 3) and high.status in (0, 3)
        lower[k] = low.fun if low.status == 0 else -math.inf
        upper[k] = -high.fun if high.status == 0 else math.inf
    return lower, upper


def verdicts(
    lower: Floats, upper: Floats, reach_low: Floats, reach_high: Floats, width: Floats
) -> list[bool]:
    return [
        bool(lo <= rl + TOLERANCE and hi >= rh - TOLERANCE and hi - lo >= w - TOLERANCE)
        for lo, hi, rl, rh, w in zip(lower, upper, reach_low, reach_high, width, strict=True)
    ]


@st.composite
def systems(draw: st.DrawFn) -> tuple[Floats, Floats, Floats, Floats, Floats, Floats]:
    """A small consistent release: counts ``z0``, published sums ``A z0`` (some with a total's -1,
    some of them 0), targets that are single counts or sums, and requirements near the true values."""
    n = draw(st.integers(1, 7))
    m = draw(st.integers(0, 5))
    z0 = np.array(draw(st.lists(st.integers(0, 9), min_size=n, max_size=n)), dtype=np.float64)
    zero_some = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    z0[np.array(zero_some)] = 0.0
    coefficients = st.lists(st.sampled_from([0, 0, 1, 1, 1, -1, 2]), min_size=n, max_size=n)
    equalities = np.array([draw(coefficients) for _ in range(m)], dtype=np.float64).reshape(m, n)
    rhs = equalities @ z0
    extra = draw(st.integers(0, 3))
    sums = [draw(st.lists(st.sampled_from([0, 1]), min_size=n, max_size=n)) for _ in range(extra)]
    targets = np.vstack([np.eye(n), np.array(sums, dtype=np.float64).reshape(extra, n)])
    truth = targets @ z0
    t = targets.shape[0]
    needs = draw(
        st.lists(st.tuples(st.booleans(), st.integers(0, 4), st.integers(0, 4)), min_size=t, max_size=t)
    )
    widths = draw(st.lists(st.sampled_from([0.0, 0.0, 1.0, 3.0, 5.0]), min_size=t, max_size=t))
    reach_low = np.array([v - d if on else math.inf for v, (on, d, _) in zip(truth, needs, strict=True)])
    reach_high = np.array([v + u if on else -math.inf for v, (on, _, u) in zip(truth, needs, strict=True)])
    return equalities, rhs, targets, reach_low, reach_high, np.array(widths)


@settings(max_examples=150, deadline=None)
@given(systems(), st.booleans())
def test_the_fast_ranges_agree_with_one_linprog_per_question(
    system: tuple[Floats, Floats, Floats, Floats, Floats, Floats], exact: bool
) -> None:
    import scipy.sparse as sp

    equalities, rhs, targets, reach_low, reach_high, width = system
    true_low, true_high = reference_ranges(equalities, rhs, targets)
    lower, upper, is_exact = deducible_ranges(
        sp.csr_matrix(equalities),
        rhs,
        sp.csr_matrix(targets),
        reach_low,
        reach_high,
        exact=exact,
        width=width,
    )
    assert verdicts(lower, upper, reach_low, reach_high, width) == verdicts(
        true_low, true_high, reach_low, reach_high, width
    )
    if exact:
        assert is_exact.all()
    for k in range(targets.shape[0]):
        # Never wider than the truth (every witness is a consistent table) ...
        assert lower[k] >= true_low[k] - TOLERANCE
        assert upper[k] <= true_high[k] + TOLERANCE or math.isinf(true_high[k])
        # ... and exactly the truth where it says so.
        if is_exact[k]:
            assert lower[k] == pytest.approx(true_low[k], abs=TOLERANCE)
            assert upper[k] == pytest.approx(true_high[k], abs=TOLERANCE) or upper[k] == true_high[k]


def test_a_piece_of_a_published_zero_is_settled_without_its_programmes() -> None:
    # z0 + z1 = 0 (a published 0), z1 + z2 + z3 = 12, z3 <= 4 by z3 + z4 = 4.
    import scipy.sparse as sp

    equalities = sp.csr_matrix(np.array([[1, 1, 0, 0, 0], [0, 1, 1, 1, 0], [0, 0, 0, 1, 1]], dtype=float))
    rhs = np.array([0.0, 12.0, 4.0])
    targets = sp.identity(5, format="csr")
    lower, upper, is_exact = deducible_ranges(
        equalities, rhs, targets, np.full(5, math.inf), np.full(5, -math.inf), exact=True
    )
    assert is_exact.all()
    assert list(lower) == [0, 0, 8, 0, 0]
    assert list(upper) == [0, 0, 12, 4, 4]


def test_the_warm_programme_reuses_its_model_and_tells_unbounded_from_infeasible() -> None:
    import scipy.sparse as sp

    programme = WarmProgramme(sp.csr_matrix(np.array([[1.0, -1.0]])), np.array([2.0]))
    outcome, solution = programme.minimise(np.array([1.0, 0.0]))
    assert outcome is SolveStatus.OPTIMAL and solution is not None and solution[0] == pytest.approx(2.0)
    assert programme.minimise(np.array([-1.0, 0.0]))[0] is SolveStatus.UNBOUNDED
    outcome, solution = programme.minimise(np.array([-1.0, 0.0]), cap=10.0)
    assert outcome is SolveStatus.OPTIMAL and solution is not None and solution[0] == pytest.approx(10.0)
    assert programme.solves == 3
    empty = WarmProgramme(sp.csr_matrix(np.array([[1.0, 1.0]])), np.array([-1.0]))
    assert empty.minimise(np.array([1.0, 0.0]))[0] is SolveStatus.INFEASIBLE


def test_ranges_out_of_time_raise_rather_than_report() -> None:
    import scipy.sparse as sp

    equalities = sp.csr_matrix(np.ones((1, 4)))
    with pytest.raises(AuditIncomplete):
        deducible_ranges(
            equalities,
            np.array([7.0]),
            sp.identity(4, format="csr"),
            np.full(4, 0.0),
            np.full(4, 7.0),
            exact=False,
            deadline=time.monotonic() - 1,
        )
