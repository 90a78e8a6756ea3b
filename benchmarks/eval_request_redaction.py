"""Score ``redact_request`` on the labelled request texts in tests/data/request_redaction/.

Each line of a ``.jsonl`` file is one request: ``text``, ``requester_name``, ``requester_email``,
``requester_contacts``, ``authority_names``, the exact substrings that must be gone from the output
(``expected_removed``: personal data) and those that must survive (``must_keep``). Reported per file:
recall (share of personal-data substrings gone), precision (share of must-keep substrings kept),
texts fully right, and the throughput on 2 KB texts (requests per second, the target is 500).

    PYTHONPATH=src python benchmarks/eval_request_redaction.py [training|blind|FILE...] [--show]

The blind file was written before any rule and is scored once, at the end (see its commit).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from foidesk.core.request_redaction import RedactedRequest, redact_request

DATA = Path(__file__).resolve().parents[1] / "tests/data/request_redaction"
TARGET_PER_SECOND = 500
BENCH_TEXT_CHARS = 2048
BENCH_ROUNDS = 5
AUTHORITY_NAMES = ("Metropolitan Police Service", "Metropolitan Police", "MPS")


@dataclass(slots=True)
class Score:
    removed: int = 0
    expected: int = 0
    kept: int = 0
    keep: int = 0
    right: int = 0
    texts: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.removed / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.kept / self.keep if self.keep else 1.0


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def redact_case(case: dict[str, Any]) -> RedactedRequest:
    """The redaction as the application calls it, with the case's requester details."""
    contacts = [case.get("requester_email", ""), *case.get("requester_contacts", [])]
    return redact_request(
        case["text"],
        requester_names=[case["requester_name"]] if case.get("requester_name") else [],
        requester_contacts=[contact for contact in contacts if contact],
        authority_names=case.get("authority_names") or AUTHORITY_NAMES,
    )


def case_failures(case: dict[str, Any], output: str) -> tuple[list[str], list[str]]:
    """(personal data left in the output, must-keep text lost from it)."""
    leaked = [item for item in case["expected_removed"] if item in output]
    lost = [item for item in case["must_keep"] if item not in output]
    return leaked, lost


def score(cases: list[dict[str, Any]]) -> Score:
    result = Score()
    for number, case in enumerate(cases, 1):
        output = redact_case(case).text
        leaked, lost = case_failures(case, output)
        result.texts += 1
        result.expected += len(case["expected_removed"])
        result.removed += len(case["expected_removed"]) - len(leaked)
        result.keep += len(case["must_keep"])
        result.kept += len(case["must_keep"]) - len(lost)
        if not leaked and not lost:
            result.right += 1
        else:
            result.misses.append(f"#{number} ({case.get('kind', '')}): leaked {leaked} lost {lost}")
    return result


def throughput(cases: list[dict[str, Any]]) -> float:
    """Requests per second on texts padded to about 2 KB with their own body (best of five rounds)."""
    padded = []
    for case in cases:
        text = case["text"]
        while len(text) < BENCH_TEXT_CHARS:
            text = f"{case['text']}\n\n{text}"
        padded.append(case | {"text": text[-BENCH_TEXT_CHARS:]})
    best = float("inf")
    gc.disable()
    try:
        for _ in range(BENCH_ROUNDS):
            began = time.perf_counter()
            for case in padded:
                redact_case(case)
            best = min(best, time.perf_counter() - began)
    finally:
        gc.enable()
    return len(padded) / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", default=["training"])
    parser.add_argument("--show", action="store_true", help="print each text that is not fully right")
    args = parser.parse_args(argv)
    for name in args.files:
        path = Path(name) if name.endswith(".jsonl") else DATA / f"{name}.jsonl"
        cases = load(path)
        result = score(cases)
        rate = throughput(cases)
        print(
            f"{path.name}: recall {result.recall:.1%} ({result.removed}/{result.expected}), "
            f"precision {result.precision:.1%} ({result.kept}/{result.keep}), "
            f"fully right {result.right}/{result.texts}, {rate:,.0f} requests/s on 2 KB texts "
            f"(target {TARGET_PER_SECOND})"
        )
        if args.show:
            for miss in result.misses:
                print("  " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
