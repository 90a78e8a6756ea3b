"""Score the notice checker on real published responses.

    PYTHONPATH=src python benchmarks/eval_notices.py FOLDER [--batch tuning|blind|blind2|all] [--json OUT]

FOLDER holds ``NNN.txt`` (a response as the authority published it) and ``NNN.json`` (its label: source,
authority, kind, regime, dated, batch, ``expected`` findings with a practitioner's reason, ``unscored``
codes the stored text cannot decide, e.g. the rights paragraphs of a letter cut short); see
``tests/data/notices/README.md``. Each text goes through ``check_notice_text`` with the label's regime and
date. Per letter and code (a code counts once per letter, whatever the number of its findings):

- a hit: expected and reported; a miss: expected, not reported;
- a false alarm: reported, not expected, not unscored; counted apart for ``error`` and ``warn``.

Only codes in ``FINDING_CODES`` count. An expected code the catalogue does not (yet) have is listed apart,
neither hit nor miss, so the figures move when the checker learns it. Reported per batch (tuning, blind,
blind2): recall, false alarms per letter and in total, silence on sound letters, a per-code table, and the
misses and false alarms with the line the checker pointed at. ``--json OUT`` writes every letter's outcome.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from foidesk.core.notice import check_notice_text
from foidesk.core.notice_findings import FINDING_CODES, Finding
from foidesk.core.regime import Regime

BATCHES = ("tuning", "blind", "blind2")


@dataclass
class Letter:
    """One labelled response and what the checker made of it."""

    name: str
    label: dict[str, Any]
    text: str
    expected: dict[str, str] = field(default_factory=dict)  # code -> why
    not_in_catalogue: dict[str, str] = field(default_factory=dict)
    unscored: set[str] = field(default_factory=set)
    reported: dict[str, list[Finding]] = field(default_factory=dict)  # scored codes only

    @property
    def hits(self) -> set[str]:
        return set(self.expected) & set(self.reported)

    @property
    def misses(self) -> set[str]:
        return set(self.expected) - set(self.reported)

    @property
    def false_alarms(self) -> set[str]:
        return set(self.reported) - set(self.expected)

    def severity(self, code: str) -> str:
        """``error`` if any finding of the code is an error, else ``warn``."""
        return "error" if any(f.severity.value == "error" for f in self.reported[code]) else "warn"


def load(folder: Path, batch: str) -> list[Letter]:
    letters = []
    for label_path in sorted(folder.glob("*.json")):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        if batch != "all" and label["batch"] != batch:
            continue
        text = label_path.with_suffix(".txt").read_text(encoding="utf-8")
        letter = Letter(label_path.stem, label, text)
        for item in label["expected"]:
            target = letter.expected if item["code"] in FINDING_CODES else letter.not_in_catalogue
            target[item["code"]] = item["why"]
        letter.unscored = {item["code"] for item in label["unscored"]}
        letters.append(letter)
    return letters


def run(letter: Letter) -> None:
    dated = date.fromisoformat(letter.label["dated"]) if letter.label["dated"] else None
    check = check_notice_text(letter.text, Regime(letter.label["regime"]), dated)
    reported: dict[str, list[Finding]] = defaultdict(list)
    for finding in check.findings:
        if finding.code in FINDING_CODES and finding.code not in letter.unscored:
            reported[finding.code].append(finding)
    letter.reported = dict(reported)


def line_of(letter: Letter, finding: Finding) -> str:
    """The sentence the finding points at: the letter's line when ``where`` is ``line N``."""
    where = " ".join(finding.where.split())
    numbered = re.fullmatch(r"line (\d+)", where)
    lines = letter.text.splitlines()
    if numbered and 0 < int(numbered.group(1)) <= len(lines):
        return f"{where}: {lines[int(numbered.group(1)) - 1].strip()[:140]}"
    return "(whole letter)" if where in ("letter", "") else where[:160]


def summary(letters: list[Letter]) -> dict[str, Any]:
    expected = sum(len(x.expected) for x in letters)
    hits = sum(len(x.hits) for x in letters)
    false_by_severity: Counter[str] = Counter()
    for x in letters:
        false_by_severity.update(x.severity(code) for code in x.false_alarms)
    sound = [x for x in letters if not x.expected]
    false_total = sum(false_by_severity.values())
    return {
        "letters": len(letters),
        "expected": expected,
        "hits": hits,
        "recall": round(hits / expected, 3) if expected else None,
        "false_alarms": false_total,
        "false_alarms_error": false_by_severity["error"],
        "false_alarms_warn": false_by_severity["warn"],
        "false_alarms_per_letter": round(false_total / len(letters), 2) if letters else None,
        "letters_with_false_alarm": sum(1 for x in letters if x.false_alarms),
        "sound_letters": len(sound),
        "sound_letters_silent": sum(1 for x in sound if not x.reported),
        "expected_not_in_catalogue": sum(len(x.not_in_catalogue) for x in letters),
    }


def per_code(letters: list[Letter]) -> dict[str, dict[str, int]]:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for x in letters:
        for code in x.expected:
            table[code]["expected"] += 1
        for code in x.hits:
            table[code]["found"] += 1
        for code in x.misses:
            table[code]["missed"] += 1
        for code in x.false_alarms:
            table[code][f"false_{x.severity(code)}"] += 1
    return {code: dict(counts) for code, counts in sorted(table.items())}


def outcome(letter: Letter) -> dict[str, Any]:
    return {
        "file": letter.name,
        "batch": letter.label["batch"],
        "authority": letter.label["authority"],
        "expected": sorted(letter.expected),
        "hits": sorted(letter.hits),
        "misses": [{"code": c, "why": letter.expected[c]} for c in sorted(letter.misses)],
        "false_alarms": [
            {"code": c, "severity": f.severity.value, "where": line_of(letter, f), "message": f.message}
            for c in sorted(letter.false_alarms)
            for f in letter.reported[c][:1]
        ],
        "not_in_catalogue": sorted(letter.not_in_catalogue),
    }


def markdown(batch: str, letters: list[Letter]) -> str:
    s = summary(letters)
    recall = "n/a" if s["recall"] is None else f"{s['recall']:.0%}"
    lines = [
        f"## Batch: {batch} ({s['letters']} letters)",
        "",
        f"- recall: {s['hits']}/{s['expected']} expected findings reported ({recall})",
        f"- false alarms: {s['false_alarms']} ({s['false_alarms_error']} error, "
        f"{s['false_alarms_warn']} warn), {s['false_alarms_per_letter']} a letter, "
        f"on {s['letters_with_false_alarm']} of {s['letters']} letters",
        f"- sound letters (nothing expected) with no finding at all: "
        f"{s['sound_letters_silent']}/{s['sound_letters']}",
        f"- expected codes not in FINDING_CODES (not scored): {s['expected_not_in_catalogue']}",
        "",
        "| code | expected | found | missed | false (error) | false (warn) |",
        "|---|---|---|---|---|---|",
    ]
    for code, c in per_code(letters).items():
        lines.append(
            f"| `{code}` | {c.get('expected', 0)} | {c.get('found', 0)} | {c.get('missed', 0)} "
            f"| {c.get('false_error', 0)} | {c.get('false_warn', 0)} |"
        )
    lines += ["", "Misses and false alarms:", ""]
    for x in letters:
        for code in sorted(x.misses):
            lines.append(f"- {x.name} MISSED `{code}`: {x.expected[code]}")
        for code in sorted(x.false_alarms):
            f = x.reported[code][0]
            lines.append(f"- {x.name} FALSE `{code}` ({f.severity.value}) at {line_of(x, f)!r}: {f.message}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score the notice checker on labelled published responses.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--batch", choices=(*BATCHES, "all"), default="all")
    parser.add_argument("--json", type=Path, help="write every letter's outcome here")
    args = parser.parse_args(argv)
    letters = load(args.folder, args.batch)
    if not letters:
        print(f"no labelled letters in {args.folder} for batch {args.batch}", file=sys.stderr)
        return 2
    for letter in letters:
        run(letter)
    batches = BATCHES if args.batch == "all" else (args.batch,)
    report: dict[str, Any] = {}
    for batch in batches:
        chosen = [x for x in letters if x.label["batch"] == batch]
        if not chosen:
            continue
        print(markdown(batch, chosen))
        report[batch] = {"summary": summary(chosen), "per_code": per_code(chosen)}
    report["letters"] = [outcome(x) for x in letters]
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
