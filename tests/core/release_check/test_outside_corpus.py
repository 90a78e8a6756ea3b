"""The outside corpus: files made the way other people and tools make them, aimed by a red-team tester at
what the gate does not look at (tests/data/release_outside/, written by its generate.py; README there).

Each leaky file must be blocked (or, for the few kinds the gate reports as warnings by choice, at least
warned of) and its clean copy, where one is made, must hold no trace of the secret and keep the visible
text; each clean file must pass with warnings at most; no file may give a traceback. The figures of the
last scoring are in docs/benchmarks.md (``benchmarks/eval_release_outside.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from benchmarks.eval_release_outside import judge_file

CORPUS = Path(__file__).resolve().parents[2] / "data" / "release_outside" / "tuning"
ENTRIES: list[dict[str, object]] = json.loads((CORPUS / "manifest.json").read_text())

# Found, and reported as a warning on purpose (docs/release-gate-classes.md, "Warned of, not blocked, by
# choice"): alt text, bookmarks, glossaries, properties and running footers block when they hold text a
# reader does not otherwise see; personal data in plain view is seen, and whether s.40(2) withholds it is a
# decision maker's judgment, which the workflow asks for before the response goes.
WARNED_BY_CHOICE: dict[str, str] = {
    "csv_phone_bracketed.csv": "personal data in plain view: a decision maker's reason, or the redacted copy",
    "csv_email_lower.csv": "personal data in plain view: a decision maker's reason, or the redacted copy",
}

# Known misses at the last scoring, each with why. Strict: a fix makes the test fail (XPASS) until the
# entry is removed from this list.
KNOWN_MISSES: dict[str, str] = {}


def _params(kind: str) -> list[object]:
    return [
        pytest.param(
            entry,
            id=str(entry["file"]),
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[str(entry["file"])])]
            if str(entry["file"]) in KNOWN_MISSES
            else [],
        )
        for entry in ENTRIES
        if entry["kind"] == kind
    ]


LEAKY = _params("leaky")
CLEAN = _params("clean")


def test_the_corpus_is_as_large_as_the_brief_asks() -> None:
    assert len(LEAKY) >= 150
    assert len(CLEAN) >= 40


@pytest.mark.parametrize("entry", LEAKY)
def test_a_leaky_file_is_blocked_and_its_copy_holds_no_secret(entry: dict[str, object]) -> None:
    name = str(entry["file"])
    result = judge_file(entry, CORPUS)
    assert "traceback" not in result, result.get("traceback")
    if name in WARNED_BY_CHOICE:
        assert result["codes"], "the kind of leak is reported"
    else:
        assert result["blocked"], result.get("codes")
    if result.get("copy"):
        assert not result.get("secret_in_copy"), "the copy still holds the secret"
        assert not result.get("visible_lost"), f"the copy lost visible text: {result.get('visible_lost')}"


@pytest.mark.parametrize("entry", CLEAN)
def test_a_clean_file_passes_and_its_copy_keeps_what_a_reader_sees(entry: dict[str, object]) -> None:
    result = judge_file(entry, CORPUS)
    assert "traceback" not in result, result.get("traceback")
    assert not result["blocked"], result.get("codes")
    if result.get("copy"):
        assert not result.get("visible_lost"), f"the copy lost visible text: {result.get('visible_lost')}"
