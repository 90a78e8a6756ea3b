"""Free-text redaction (core/personal_data): the blind summaries, per entity type, and throughput.

The section of docs/benchmarks.md written by ``make bench``; the scoring is benchmarks/eval_redaction.py.
"""

from __future__ import annotations

import platform

from eval_redaction import DATA, TARGET_PER_SECOND, per_second, read, table


def main() -> str:
    records = read(DATA / "blind.jsonl")
    text, _ = table("blind.jsonl", records)
    speed = per_second(records)
    verdict = "meets" if speed >= TARGET_PER_SECOND else "misses"
    return f"""## Free text: personal data in allegation summaries

Recall and precision of `core/personal_data.find_personal_data` on tests/data/summaries/blind.jsonl,
written and committed before any rule or model and scored once. A gold span counts as found only
when every letter and digit of it is covered; a found span is right when it overlaps a gold span.
"Patterns alone" is the baseline (no model, no known entities).

{text}

Throughput (patterns, known entities and the CRF name model): {speed:.0f} summaries/s on one core
(target {TARGET_PER_SECOND}: {verdict} it); Python {platform.python_version()}.
"""
