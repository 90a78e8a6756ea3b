"""Score the free-text recogniser (core/personal_data) on the labelled summaries in tests/data/summaries/.

Each gold span counts as found only when every letter and digit of it is inside a found span (a
half-redacted name still identifies); a found span counts as right when it overlaps some gold span
(of any type: "Lewisham" found as a name inside "Lewisham police station" still protects). Recall
is per gold type, precision per found type. Three runs on the same texts: patterns alone (the
baseline), patterns with the record's known entities, and patterns, known entities and the
person-name model together (what ``check_free_text`` uses). Also: summaries with personal data
that ``check_free_text`` would still recommend for release, and summaries per second.

    PYTHONPATH=src python benchmarks/eval_redaction.py [training|blind|FILE...] [--show]

blind.jsonl was written and committed before any rule or model (see its commit) and is scored
once, at the end; training.jsonl is what the model learnt from and what the rules were tuned on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from foidesk.core.personal_data import EntityKind, KnownEntities, PersonalDataMatch, find_personal_data
from foidesk.core.redaction import Recommendation, check_free_text

DATA = Path(__file__).resolve().parents[1] / "tests/data/summaries"
TYPES = ("name", "collar", "station", "date", "address", "vehicle", "ni", "phone", "email", "age")
KIND_TYPE = {
    EntityKind.NAME: "name",
    EntityKind.COLLAR_NUMBER: "collar",
    EntityKind.WARRANT_NUMBER: "collar",
    EntityKind.STATION: "station",
    EntityKind.DATE: "date",
    EntityKind.ADDRESS: "address",
    EntityKind.POSTCODE: "address",
    EntityKind.VEHICLE: "vehicle",
    EntityKind.NI_NUMBER: "ni",
    EntityKind.PHONE: "phone",
    EntityKind.EMAIL: "email",
    EntityKind.AGE_GENDER: "age",
    EntityKind.OTHER: "other",
}
RUNS = ("patterns alone", "patterns + known entities", "patterns + known entities + model")
TARGET_RECALL, TARGET_PRECISION, TARGET_PER_SECOND = 0.95, 0.85, 300
BENCH_ROUNDS = 5


@dataclass(slots=True)
class Score:
    gold: Counter[str] = field(default_factory=Counter)
    recalled: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    released_with_personal_data: int = 0
    with_personal_data: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    def recall(self, kind: str | None = None) -> float:
        gold = self.gold[kind] if kind else sum(self.gold.values())
        recalled = self.recalled[kind] if kind else sum(self.recalled.values())
        return recalled / gold if gold else 1.0

    def precision(self, kind: str | None = None) -> float:
        found = self.found[kind] if kind else sum(self.found.values())
        right = self.right[kind] if kind else sum(self.right.values())
        return right / found if found else 1.0


def read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def known_of(record: dict[str, object]) -> KnownEntities:
    known = record.get("known") or {}
    assert isinstance(known, dict)
    return KnownEntities(
        names=tuple(known.get("names", ())),
        collar_numbers=tuple(known.get("collar_numbers", ())),
        stations=tuple(known.get("stations", ())),
        dates=tuple(dt.date.fromisoformat(d) for d in known.get("dates", ())),
    )


def _covered(text: str, start: int, end: int, found: list[PersonalDataMatch]) -> bool:
    return all(not text[i].isalnum() or any(m.start <= i < m.end for m in found) for i in range(start, end))


def score(records: list[dict[str, object]], run: str) -> Score:
    result = Score()
    use_known, use_model = run != RUNS[0], run == RUNS[2]
    for record in records:
        text = str(record["text"])
        spans = record["spans"]
        assert isinstance(spans, list)
        known = known_of(record) if use_known else KnownEntities()
        found = find_personal_data(text, known, use_model=use_model)
        for span in spans:
            kind = span["type"]
            result.gold[kind] += 1
            if _covered(text, span["start"], span["end"], found):
                result.recalled[kind] += 1
            else:
                result.misses.append(f"{record['id']} {kind}: {span['text']!r}")
        for match in found:
            kind = KIND_TYPE[match.kind]
            result.found[kind] += 1
            if any(match.start < s["end"] and s["start"] < match.end for s in spans):
                result.right[kind] += 1
            else:
                result.false_alarms.append(f"{record['id']} {kind}: {match.text!r}")
        if spans:
            result.with_personal_data += 1
            if use_model and check_free_text(text, known).recommendation is Recommendation.RELEASE:
                result.released_with_personal_data += 1
    return result


def per_second(records: list[dict[str, object]]) -> float:
    """Summaries per second through the whole recogniser (patterns, known entities, model)."""
    find_personal_data("warm up the model", KnownEntities())
    started = time.perf_counter()
    for _ in range(BENCH_ROUNDS):
        for record in records:
            find_personal_data(str(record["text"]), known_of(record))
    return BENCH_ROUNDS * len(records) / (time.perf_counter() - started)


def table(name: str, records: list[dict[str, object]]) -> tuple[str, dict[str, Score]]:
    scores = {run: score(records, run) for run in RUNS}
    lines = [
        f"**{name}** ({len(records)} summaries, {sum(len(r['spans']) for r in records)} spans; "  # type: ignore[arg-type]
        f"recall / precision; target {TARGET_RECALL:.2f} / {TARGET_PRECISION:.2f} per type)",
        "",
        "| Type | Spans | " + " | ".join(RUNS) + " |",
        "|---|---:|" + "---:|" * len(RUNS),
    ]
    for kind in (*TYPES, None):
        gold = scores[RUNS[0]].gold[kind] if kind else sum(scores[RUNS[0]].gold.values())
        cells = [f"{s.recall(kind):.2f} / {s.precision(kind):.2f}" for s in scores.values()]
        lines.append(f"| {kind or '**all**'} | {gold} | " + " | ".join(cells) + " |")
    full = scores[RUNS[2]]
    lines += [
        "",
        f"Summaries with personal data that `check_free_text` still recommends for release: "
        f"{full.released_with_personal_data} of {full.with_personal_data}.",
    ]
    return "\n".join(lines), scores


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=["training"])
    parser.add_argument("--show", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args(argv)
    for name in args.files:
        path = DATA / f"{name}.jsonl" if not name.endswith(".jsonl") else Path(name)
        records = read(path)
        text, scores = table(path.name, records)
        print(text)
        print(f"\n{per_second(records):.0f} summaries/s (target {TARGET_PER_SECOND})\n")
        if args.show:
            for run, found in scores.items():
                print(f"-- {run}: misses")
                print("\n".join(found.misses))
                print(f"-- {run}: false alarms")
                print("\n".join(found.false_alarms))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
