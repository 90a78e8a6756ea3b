"""Benchmark: due dates for 1,000,000 (date of receipt, regime) pairs, against a naive day-by-day loop.

Target (issue 5): under 2 s, and at least 20x faster than the naive loop measured in the same run. The
naive loop is timed on a sample and scaled linearly to the full count (it costs the same per pair); its
answers are checked against the fast ones on that sample.
"""

from __future__ import annotations

import datetime as dt
import time

import numpy as np

from foidesk.core.clock import response_due, response_due_ordinals
from foidesk.core.holiday_calendar import HolidayCalendar, WorkingDayRule, default_calendar
from foidesk.core.regime import Regime

PAIRS = 1_000_000
NAIVE_SAMPLE = 50_000
TARGET_SECONDS = 2.0
TARGET_SPEEDUP = 20.0
WORKING_DAYS = 20
REGIMES = tuple(Regime)


def _closed_weekdays(calendar: HolidayCalendar, rule: WorkingDayRule) -> set[dt.date]:
    tables = calendar.tables(rule)
    first = calendar.first.toordinal()
    return {
        dt.date.fromordinal(first + int(i))
        for i in np.flatnonzero(~tables.working)
        if dt.date.fromordinal(first + int(i)).weekday() < 5
    }


def naive_due(received: dt.date, closed: set[dt.date]) -> dt.date:
    """Walk forward one day at a time, counting the days that are not weekends or closed."""
    day, counted = received, 0
    while counted < WORKING_DAYS:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in closed:
            counted += 1
    return day


def main() -> str:
    started = time.perf_counter()
    default_calendar.cache_clear()
    calendar = default_calendar()
    build_seconds = time.perf_counter() - started

    rng = np.random.default_rng(2024)
    received = rng.integers(dt.date(2005, 1, 1).toordinal(), dt.date(2055, 12, 31).toordinal(), size=PAIRS)
    regime_codes = rng.integers(0, len(REGIMES), size=PAIRS)
    is_scottish = np.array([r.is_scottish for r in REGIMES])

    fast_runs = []
    for _ in range(3):
        t0 = time.perf_counter()
        due = response_due_ordinals(received, is_scottish[regime_codes], calendar)
        fast_runs.append(time.perf_counter() - t0)
    fast = min(fast_runs)

    as_dates = [dt.date.fromordinal(int(o)) for o in received]
    regimes = [REGIMES[c] for c in regime_codes.tolist()]
    t0 = time.perf_counter()
    ordinals = np.fromiter((d.toordinal() for d in as_dates), dtype=np.int64, count=PAIRS)
    scottish = np.fromiter((r.is_scottish for r in regimes), dtype=np.bool_, count=PAIRS)
    due_dates = [dt.date.fromordinal(o) for o in response_due_ordinals(ordinals, scottish, calendar).tolist()]
    end_to_end = time.perf_counter() - t0
    del as_dates, regimes, due_dates

    closed = {
        False: _closed_weekdays(calendar, WorkingDayRule.UNITED_KINGDOM),
        True: _closed_weekdays(calendar, WorkingDayRule.SCOTLAND),
    }
    sample_received = [dt.date.fromordinal(int(o)) for o in received[:NAIVE_SAMPLE]]
    sample_scottish = is_scottish[regime_codes[:NAIVE_SAMPLE]].tolist()
    t0 = time.perf_counter()
    naive = [naive_due(r, closed[s]) for r, s in zip(sample_received, sample_scottish, strict=True)]
    naive_sample_seconds = time.perf_counter() - t0
    naive_full = naive_sample_seconds * PAIRS / NAIVE_SAMPLE
    agree = all(n.toordinal() == int(d) for n, d in zip(naive, due[:NAIVE_SAMPLE], strict=True))

    scalar_calls = 20_000
    t0 = time.perf_counter()
    for r, code in zip(sample_received[:scalar_calls], regime_codes[:scalar_calls].tolist(), strict=True):
        response_due(REGIMES[code], r, calendar)
    scalar_us = (time.perf_counter() - t0) / scalar_calls * 1e6

    speedup = naive_full / fast
    rows = [
        (
            "Due dates for 1,000,000 pairs (vectorised, best of 3)",
            f"{fast:.3f} s",
            "< 2 s",
            fast < TARGET_SECONDS,
        ),
        (
            "The same from Python `date`s and `Regime`s to `date`s (conversions included)",
            f"{end_to_end:.2f} s",
            "< 2 s",
            end_to_end < TARGET_SECONDS,
        ),
        (
            f"Naive day-by-day loop (timed on {NAIVE_SAMPLE:,}, scaled to 1,000,000)",
            f"{naive_full:.1f} s",
            "",
            None,
        ),
        ("Speed-up over the naive loop", f"{speedup:.0f}x", ">= 20x", speedup >= TARGET_SPEEDUP),
        (
            "Speed-up, conversions included",
            f"{naive_full / end_to_end:.0f}x",
            ">= 20x",
            naive_full / end_to_end >= TARGET_SPEEDUP,
        ),
        (f"Fast and naive agree on the {NAIVE_SAMPLE:,} sampled pairs", str(agree), "True", agree),
        ("One due date through the scalar API (`response_due`)", f"{scalar_us:.1f} µs", "", None),
        (
            "Building the holiday calendar and its tables (once per process)",
            f"{build_seconds:.2f} s",
            "",
            None,
        ),
    ]
    lines = [
        "## Statutory clock",
        "",
        f"Calendar {calendar.version}; receipts uniform over 2005-2055, regimes uniform over "
        f"{', '.join(r.value for r in REGIMES)}.",
        "",
        "| Figure | Value | Target | Met? |",
        "|---|---|---|---|",
    ]
    for figure, value, target, met in rows:
        verdict = "" if met is None else ("yes" if met else "**no**")
        lines.append(f"| {figure} | {value} | {target} | {verdict} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
