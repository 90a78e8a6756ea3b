"""Score the request parser on the labelled sets: `python benchmarks/eval_parsing.py [DIR] [-v]`.

With no folder, every labelled set in ``tests/data/`` is scored on its own (``requests/``, the sets
written for FOI Desk; ``requests_real/`` and ``requests_real2/``, real requests used for tuning;
``requests_blind/`` to ``requests_blind6/``, real requests each scored once, blind, when it was added;
the first five have been tuned against since) and the blind sets' figures are printed
beside the tuned ones. With a folder, that folder alone is scored. ``-v`` lists each expected part that
was missed or wrong, except for the latest blind set: its failures are counted, never listed, unless its
folder is named.

Each request is ``NNN.txt`` (the text as received) and ``NNN.json`` (``received`` and the expected
``parts``: label, a phrase the part's text ``contains``, ``date_ranges`` and, in ``requests/`` only,
``topics``). The labelling convention is ``tests/data/requests/README.md``.

- Part-split F1: a predicted part matches an expected one when the labels are equal and the
  predicted text contains the expected phrase (each expected part matched at most once).
- Date-range exact match: the share of expected parts whose matched part has exactly the expected
  ranges (an unmatched part counts as wrong).
- Topic F1: micro-averaged over (part, topic) pairs of the parts labelled with topics; topics of
  unmatched parts count as misses. Sets without topic labels print "n/a".

Targets: issue 6 for one set (part F1 >= 0.95, date ranges >= 0.9, topic F1 >= 0.8); issue 16 for
all of them (blind set part F1 >= 0.92 and dates >= 0.85; all sets together >= 0.95 and >= 0.9).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path

from foidesk.core.parsing import ParsedPart, parse_request

PART_F1_TARGET = 0.95
DATE_MATCH_TARGET = 0.9
TOPIC_F1_TARGET = 0.8
BLIND_PART_F1_TARGET = 0.92  # issue 16: the blind batch, scored once
BLIND_DATE_MATCH_TARGET = 0.85

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
BLIND = "requests_blind"
BLIND2 = "requests_blind2"
BLIND3 = "requests_blind3"
BLIND4 = "requests_blind4"
BLIND5 = "requests_blind5"
BLIND6 = "requests_blind6"
BLIND_SETS = (BLIND, BLIND2, BLIND3, BLIND4, BLIND5, BLIND6)  # each scored once, blind, when it was added
LATEST_BLIND = BLIND6  # the batch the issue 16 blind targets were read on (scored once; periods tuned since)
LABELLED_SETS = {
    "requests": "written for FOI Desk (tuning, issue 6)",
    "requests_real": "real requests (tuning, issue 16)",
    "requests_real2": "real requests, second set (tuning, issue 16)",
    BLIND: "real requests (first blind batch, scored once; no longer blind)",
    BLIND2: "real requests (second blind batch, scored once; tuned against since)",
    BLIND3: "real requests (third blind batch, scored once; tuned against since)",
    BLIND4: "real requests (fourth blind batch, scored once; tuned against since)",
    BLIND5: "real requests (fifth blind batch, scored once; tuned against since)",
    BLIND6: "real requests (sixth blind batch, scored once; its periods tuned against since)",
}


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

    def __add__(self, other: Scores) -> Scores:
        return Scores(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

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
    def has_topics(self) -> bool:
        return self.topic_tp + self.topic_fp + self.topic_fn > 0

    @property
    def topic_f1(self) -> float:
        return _f1(self.topic_tp, self.topic_fp, self.topic_fn)

    @property
    def targets_met(self) -> bool:
        return (
            self.part_f1 >= PART_F1_TARGET
            and self.date_match >= DATE_MATCH_TARGET
            and (not self.has_topics or self.topic_f1 >= TOPIC_F1_TARGET)
        )


def _f1(tp: int, fp: int, fn: int) -> float:
    if tp == 0:
        return 0.0
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _ranges(part: ParsedPart) -> set[tuple[str, str]]:
    return {(period.start.isoformat(), period.end.isoformat()) for period in part.date_ranges}


def score_request(text: str, expected: dict[str, object], scores: Scores, name: str) -> None:
    received = date.fromisoformat(str(expected["received"]))
    predicted = list(parse_request(text, received).parts)
    wanted = list(expected["parts"])  # type: ignore[call-overload]
    scores.requests += 1
    scores.expected_parts += len(wanted)
    scores.predicted_parts += len(predicted)
    unmatched = list(predicted)
    topics_labelled = any("topics" in part for part in wanted)
    for part in wanted:
        match = next(
            (
                p
                for p in unmatched
                if p.label == part["label"] and _normal(part["contains"]) in _normal(p.text)
            ),
            None,
        )
        expected_topics = set(part.get("topics", ()))
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
        if "topics" not in part:
            continue
        got = set(match.topics)
        scores.topic_tp += len(got & expected_topics)
        scores.topic_fp += len(got - expected_topics)
        scores.topic_fn += len(expected_topics - got)
        if got != expected_topics:
            scores.problems.append(
                f"{name} {part['label']}: topics {sorted(got)} != {sorted(expected_topics)}"
            )
    for part in unmatched:
        if topics_labelled:
            scores.topic_fp += len(part.topics)
        scores.problems.append(f"{name} {part.label}: unexpected part {part.text[:70]!r}")


def evaluate(directory: Path) -> Scores:
    scores = Scores()
    for text_path in sorted(directory.glob("*.txt")):
        expected = json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8"))
        score_request(text_path.read_text(encoding="utf-8"), expected, scores, text_path.stem)
    return scores


def _met(value: float, target: float) -> str:
    return "yes" if value >= target else "no"


def _topic(scores: Scores) -> str:
    return f"{scores.topic_f1:.3f}" if scores.has_topics else "n/a"


def report(scores: Scores) -> str:
    """One set against the targets of issue 6."""
    topic_met = _met(scores.topic_f1, TOPIC_F1_TARGET) if scores.has_topics else "n/a"
    return "\n".join(
        [
            f"Requests: {scores.requests}; expected parts: {scores.expected_parts}; "
            f"predicted parts: {scores.predicted_parts}",
            "",
            "| figure | value | target | met? |",
            "|---|---|---|---|",
            f"| part-split F1 | {scores.part_f1:.3f} | >= {PART_F1_TARGET} | "
            f"{_met(scores.part_f1, PART_F1_TARGET)} |",
            f"| date ranges exactly right | {scores.date_match:.3f} | >= {DATE_MATCH_TARGET} | "
            f"{_met(scores.date_match, DATE_MATCH_TARGET)} |",
            f"| topic F1 | {_topic(scores)} | >= {TOPIC_F1_TARGET} | {topic_met} |",
        ]
    )


def evaluate_sets(data: Path = DATA) -> dict[str, Scores]:
    """Every labelled set that exists under ``data``, each scored on its own."""
    return {name: evaluate(data / name) for name in LABELLED_SETS if (data / name).is_dir()}


def all_sets_targets_met(by_set: dict[str, Scores]) -> bool:
    """Issue 16: the blind set and all sets together."""
    together = sum(by_set.values(), Scores())
    blind = by_set.get(LATEST_BLIND)
    blind_met = blind is None or (
        blind.part_f1 >= BLIND_PART_F1_TARGET and blind.date_match >= BLIND_DATE_MATCH_TARGET
    )
    return blind_met and together.part_f1 >= PART_F1_TARGET and together.date_match >= DATE_MATCH_TARGET


def report_sets(by_set: dict[str, Scores]) -> str:
    """One row per set, then the tuned sets together and all together; the blind row is marked."""
    tuned = sum((s for name, s in by_set.items() if name not in BLIND_SETS), Scores())
    together = sum(by_set.values(), Scores())
    rows = [(f"`{name}/`", LABELLED_SETS[name], scores) for name, scores in by_set.items()]
    rows += [("tuned sets together", "", tuned), ("all sets together", "", together)]
    lines = [
        "| set | what | requests | parts | part F1 | precision | recall | dates right | topic F1 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, what, scores in rows:
        precision = scores.matched_parts / scores.predicted_parts if scores.predicted_parts else 0.0
        recall = scores.matched_parts / scores.expected_parts if scores.expected_parts else 0.0
        lines.append(
            f"| {name} | {what} | {scores.requests} | {scores.expected_parts} | {scores.part_f1:.3f} | "
            f"{precision:.3f} | {recall:.3f} | {scores.date_match:.3f} | {_topic(scores)} |"
        )
    blind = by_set.get(LATEST_BLIND)
    lines += ["", "Targets (issue 16):"]
    if blind is not None:
        lines.append(
            f"- blind set `{LATEST_BLIND}/`: part F1 {blind.part_f1:.3f} (>= {BLIND_PART_F1_TARGET}: "
            f"{_met(blind.part_f1, BLIND_PART_F1_TARGET)}), dates {blind.date_match:.3f} "
            f"(>= {BLIND_DATE_MATCH_TARGET}: {_met(blind.date_match, BLIND_DATE_MATCH_TARGET)}); "
            f"{len(blind.problems)} problems, not listed"
        )
    lines.append(
        f"- all sets together: part F1 {together.part_f1:.3f} (>= {PART_F1_TARGET}: "
        f"{_met(together.part_f1, PART_F1_TARGET)}), dates {together.date_match:.3f} "
        f"(>= {DATE_MATCH_TARGET}: {_met(together.date_match, DATE_MATCH_TARGET)})"
    )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [arg for arg in argv if arg != "-v"]
    if paths:
        scores = evaluate(Path(paths[0]))
        print(report(scores))
        if verbose:
            print()
            print("\n".join(scores.problems))
        return 0 if scores.targets_met else 1
    by_set = evaluate_sets()
    print(report_sets(by_set))
    if verbose:
        for name, scores in by_set.items():
            if name != LATEST_BLIND and scores.problems:
                print(f"\n{name}/:")
                print("\n".join(scores.problems))
    return 0 if all_sets_targets_met(by_set) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
