"""Score the request parser on the labelled set: `python benchmarks/eval_parsing.py tests/data/requests [-v]`.

Each request is ``NNN.txt`` (the text as received) and ``NNN.json`` (``received`` and the expected
``parts``: label, a phrase the part's text ``contains``, ``date_ranges`` and ``topics``).

- Part-split F1: a predicted part matches an expected one when the labels are equal and the
  predicted text contains the expected phrase (each expected part matched at most once).
- Date-range exact match: the share of expected parts whose matched part has exactly the expected
  ranges (an unmatched part counts as wrong).
- Topic F1: micro-averaged over (part, topic) pairs; topics of unmatched parts count as misses.

Targets (issue 6): part F1 >= 0.95, date ranges >= 0.9, topic F1 >= 0.8.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from foidesk.core.parsing import Part, parse_request

PART_F1_TARGET = 0.95
DATE_MATCH_TARGET = 0.9
TOPIC_F1_TARGET = 0.8


@dataclass
class Scores:
    requests: int = 0
    expected_parts: int = 0
    predicted_parts: int = 0
    matched_parts: int = 0
    exact_dates: int = 0
    topic_tp: int = 0
    topic_fp: int = 0
    topic_fn: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def part_f1(self) -> float:
        return _f1(
            self.matched_parts,
            self.predicted_parts - self.matched_parts,
            self.expected_parts - self.matched_parts,
        )

    @property
    def date_match(self) -> float:
        return self.exact_dates / self.expected_parts if self.expected_parts else 0.0

    @property
    def topic_f1(self) -> float:
        return _f1(self.topic_tp, self.topic_fp, self.topic_fn)

    @property
    def targets_met(self) -> bool:
        return (
            self.part_f1 >= PART_F1_TARGET
            and self.date_match >= DATE_MATCH_TARGET
            and self.topic_f1 >= TOPIC_F1_TARGET
        )


def _f1(tp: int, fp: int, fn: int) -> float:
    if tp == 0:
        return 0.0
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _ranges(part: Part) -> set[tuple[str, str]]:
    return {(period.start.isoformat(), period.end.isoformat()) for period in part.date_ranges}


def score_request(text: str, expected: dict[str, object], scores: Scores, name: str) -> None:
    received = date.fromisoformat(str(expected["received"]))
    predicted = list(parse_request(text, received).parts)
    wanted = list(expected["parts"])  # type: ignore[call-overload]
    scores.requests += 1
    scores.expected_parts += len(wanted)
    scores.predicted_parts += len(predicted)
    unmatched = list(predicted)
    for part in wanted:
        match = next(
            (
                p
                for p in unmatched
                if p.label == part["label"] and _normal(part["contains"]) in _normal(p.text)
            ),
            None,
        )
        expected_topics = set(part["topics"])
        if match is None:
            scores.topic_fn += len(expected_topics)
            scores.problems.append(f"{name} {part['label']}: no part matches ({part['contains']!r})")
            continue
        unmatched.remove(match)
        scores.matched_parts += 1
        expected_ranges = {(r["start"], r["end"]) for r in part["date_ranges"]}
        if _ranges(match) == expected_ranges:
            scores.exact_dates += 1
        else:
            scores.problems.append(
                f"{name} {part['label']}: dates {sorted(_ranges(match))} != {sorted(expected_ranges)}"
            )
        got = set(match.topics)
        scores.topic_tp += len(got & expected_topics)
        scores.topic_fp += len(got - expected_topics)
        scores.topic_fn += len(expected_topics - got)
        if got != expected_topics:
            scores.problems.append(
                f"{name} {part['label']}: topics {sorted(got)} != {sorted(expected_topics)}"
            )
    for part in unmatched:
        scores.topic_fp += len(part.topics)
        scores.problems.append(f"{name} {part.label}: unexpected part {part.text[:70]!r}")


def evaluate(directory: Path) -> Scores:
    scores = Scores()
    for text_path in sorted(directory.glob("*.txt")):
        expected = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
        score_request(text_path.read_text(encoding="utf-8"), expected, scores, text_path.stem)
    return scores


def report(scores: Scores) -> str:
    def met(value: float, target: float) -> str:
        return "yes" if value >= target else "no"

    return "\n".join(
        [
            f"Requests: {scores.requests}; expected parts: {scores.expected_parts}; "
            f"predicted parts: {scores.predicted_parts}",
            "",
            "| figure | value | target | met? |",
            "|---|---|---|---|",
            f"| part-split F1 | {scores.part_f1:.3f} | >= {PART_F1_TARGET} | "
            f"{met(scores.part_f1, PART_F1_TARGET)} |",
            f"| date ranges exactly right | {scores.date_match:.3f} | >= {DATE_MATCH_TARGET} | "
            f"{met(scores.date_match, DATE_MATCH_TARGET)} |",
            f"| topic F1 | {scores.topic_f1:.3f} | >= {TOPIC_F1_TARGET} | "
            f"{met(scores.topic_f1, TOPIC_F1_TARGET)} |",
        ]
    )


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [arg for arg in argv if arg != "-v"]
    directory = (
        Path(paths[0]) if paths else Path(__file__).resolve().parent.parent / "tests" / "data" / "requests"
    )
    scores = evaluate(directory)
    print(report(scores))
    if verbose:
        print()
        print("\n".join(scores.problems))
    return 0 if scores.targets_met else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
