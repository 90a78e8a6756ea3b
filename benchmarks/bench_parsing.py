"""Request parsing: speed on the labelled requests and the scores of `make eval` (issues 6 and 16)."""

from __future__ import annotations

import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eval_parsing import (  # noqa: E402  (benchmarks/ is not a package)
    DATE_MATCH_TARGET,
    PART_F1_TARGET,
    TOPIC_F1_TARGET,
    evaluate,
    evaluate_sets,
    report_sets,
)

from foidesk.core.parsing import parse_request  # noqa: E402

REQUESTS = HERE.parent / "tests" / "data" / "requests"
SPEED_TARGET = 1_000  # requests per second (issue 16; issue 6 asked 200)
ROUNDS = 5
LONG_REQUEST_CHARS = 150_000


def _corpus() -> list[tuple[str, date]]:
    corpus = []
    for text_path in sorted(REQUESTS.glob("*.txt")):
        received = date.fromisoformat(json.loads(text_path.with_suffix(".json").read_text())["received"])
        corpus.append((text_path.read_text(encoding="utf-8"), received))
    return corpus


def _requests_per_second(corpus: list[tuple[str, date]]) -> float:
    rates = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for text, received in corpus:
            parse_request(text, received)
        rates.append(len(corpus) / (time.perf_counter() - started))
    return statistics.median(rates)


def _long_request_seconds() -> float:
    """The reference request (it has no sign-off to stop at) repeated to ``LONG_REQUEST_CHARS``."""
    reference = (REQUESTS / "001.txt").read_text(encoding="utf-8")
    text = (reference * (LONG_REQUEST_CHARS // len(reference) + 1))[:LONG_REQUEST_CHARS]
    started = time.perf_counter()
    parse_request(text, date(2024, 1, 1))
    return time.perf_counter() - started


def main() -> str:
    corpus = _corpus()
    rate = _requests_per_second(corpus)
    long_seconds = _long_request_seconds()
    scores = evaluate(REQUESTS)

    def met(ok: bool) -> str:
        return "yes" if ok else "no"

    rows = [
        (
            "requests parsed per second (median of 5 passes)",
            f"{rate:,.0f}",
            f">= {SPEED_TARGET}",
            rate >= SPEED_TARGET,
        ),
        ("part-split F1", f"{scores.part_f1:.3f}", f">= {PART_F1_TARGET}", scores.part_f1 >= PART_F1_TARGET),
        (
            "parts with date ranges exactly right",
            f"{scores.date_match:.3f}",
            f">= {DATE_MATCH_TARGET}",
            scores.date_match >= DATE_MATCH_TARGET,
        ),
        ("topic F1", f"{scores.topic_f1:.3f}", f">= {TOPIC_F1_TARGET}", scores.topic_f1 >= TOPIC_F1_TARGET),
        (
            f"one request of {LONG_REQUEST_CHARS:,} characters",
            f"{long_seconds:.2f} s",
            "no hang",
            long_seconds < 5,
        ),
    ]
    lines = [
        "## Request parsing",
        "",
        f"The labelled set in `tests/data/requests/`: {scores.requests} requests, "
        f"{scores.expected_parts} parts; speed over all {len(corpus)} texts; scores as in `make eval`.",
        "",
        "| figure | value | target | met? |",
        "|---|---|---|---|",
        *(f"| {name} | {value} | {target} | {met(ok)} |" for name, value, target, ok in rows),
        "",
        "Every labelled set on its own (`make eval`; the latest blind batch was scored once, when added):",
        "",
        report_sets(evaluate_sets()),
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
