"""The labelled corpus of published responses (tests/data/notices) is well formed.

It checks the labels, not the checker: every label parses, names its source, regime, date and batch, and
names only finding codes the checker has (or that issue 15 announces and the catalogue does not have yet).
The checker's scores on the corpus are measured by benchmarks/eval_notices.py, not asserted here.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from foidesk.core.notice_findings import FINDING_CODES
from foidesk.core.regime import Regime

NOTICES = Path(__file__).resolve().parents[1] / "data" / "notices"
KINDS = frozenset({"police", "council", "nhs", "central", "scottish", "other"})
BATCHES = frozenset({"tuning", "blind", "blind2"})
LABEL_FIELDS = ("source", "authority", "kind", "regime", "dated", "batch", "complete", "expected", "unscored")
KEYS = {*LABEL_FIELDS, "notes"}
MIN_LETTERS = 48  # issue 15 item 5 asks for 40; the brief for 48
MIN_BLIND = 16
MIN_BLIND2 = 15  # the second blind batch (051-092), labelled before the checker was tuned on 051-092

LABELS = sorted(NOTICES.glob("*.json"))


def _label(path: Path) -> dict[str, Any]:
    label: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return label


def test_corpus_is_big_enough_with_a_blind_batch() -> None:
    batches = [_label(p)["batch"] for p in LABELS]
    assert len(batches) >= MIN_LETTERS
    assert batches.count("blind") >= MIN_BLIND
    assert batches.count("blind2") >= MIN_BLIND2


def test_every_text_has_a_label_and_every_label_a_text() -> None:
    texts = {p.stem for p in NOTICES.glob("*.txt")}
    labels = {p.stem for p in LABELS}
    assert texts == labels
    assert all(re.fullmatch(r"\d{3}", stem) for stem in texts)


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.stem)
def test_label_is_well_formed(path: Path) -> None:
    label = _label(path)
    assert set(label) == KEYS
    assert re.match(r"https?://\S+$", label["source"])
    assert label["authority"].strip()
    assert label["kind"] in KINDS
    assert label["regime"] in {r.value for r in Regime}
    assert label["batch"] in BATCHES
    assert isinstance(label["complete"], bool)
    if label["dated"] is not None:
        assert date.fromisoformat(label["dated"]) <= date(2026, 12, 31)
    assert path.with_suffix(".txt").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("path", LABELS, ids=lambda p: p.stem)
def test_label_names_only_known_codes_each_with_a_reason(path: Path) -> None:
    label = _label(path)
    known = set(FINDING_CODES)
    expected = [item["code"] for item in label["expected"]]
    unscored = [item["code"] for item in label["unscored"]]
    assert set(expected) <= known, set(expected) - known
    assert set(unscored) <= known, set(unscored) - known
    assert len(expected) == len(set(expected))
    assert len(unscored) == len(set(unscored))
    assert not set(expected) & set(unscored)
    assert all(item["why"].strip() for item in label["expected"] + label["unscored"])
