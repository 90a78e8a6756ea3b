"""The labelled request sets are well formed (tests/data/requests*/, README there): no scores here."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETS = (
    "requests",
    "requests_real",
    "requests_blind",
    "requests_real2",
    "requests_blind2",
    "requests_blind3",
    "requests_blind4",
    "requests_blind5",
    "requests_blind6",
)
REAL_SETS = SETS[1:]
LABEL = re.compile(r"(?:(?:Request|Part) (?P<request>\d+), )?Q(?P<question>\d+)(?:\((?P<sub>[a-z]+)\))?")


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _labelled(name: str) -> list[tuple[Path, dict[str, object]]]:
    folder = ROOT / "tests" / "data" / name
    return [
        (path, json.loads(path.with_suffix(".json").read_text(encoding="utf-8")))
        for path in sorted(folder.glob("*.txt"))
    ]


@pytest.mark.parametrize("name", SETS)
def test_every_text_has_its_labels_and_every_label_its_text(name: str) -> None:
    folder = ROOT / "tests" / "data" / name
    texts = {p.stem for p in folder.glob("*.txt")}
    labels = {p.stem for p in folder.glob("*.json")}
    assert texts, f"{name}/ holds no requests"
    assert texts == labels


@pytest.mark.parametrize("name", SETS)
def test_every_part_is_well_formed_and_its_phrase_is_in_the_text(name: str) -> None:
    for path, label in _labelled(name):
        text = _normal(path.read_text(encoding="utf-8"))
        date.fromisoformat(str(label["received"]))
        parts = label["parts"]
        assert isinstance(parts, list) and parts, path.name
        seen = set()
        for part in parts:
            where = f"{path.name} {part['label']}"
            match = LABEL.fullmatch(part["label"])
            assert match, where
            assert part["label"] not in seen, f"{where}: label twice"
            seen.add(part["label"])
            assert part["question"] == int(match["question"]), where
            if match["request"]:
                assert part["request"] == int(match["request"]), where
            assert part["contains"].strip(), where
            assert _normal(part["contains"]) in text, f"{where}: {part['contains']!r} is not in the text"
            for period in part["date_ranges"]:
                assert date.fromisoformat(period["start"]) <= date.fromisoformat(period["end"]), where


@pytest.mark.parametrize("name", REAL_SETS)
def test_every_real_request_says_where_it_came_from(name: str) -> None:
    for path, label in _labelled(name):
        assert str(label["source"]).startswith(("http://", "https://")), path.name
        assert label["authority"], path.name
        assert label["received_from"], path.name


def test_no_request_is_in_two_sets() -> None:
    texts: dict[str, str] = {}
    for name in SETS:
        for path, _ in _labelled(name):
            key = _normal(path.read_text(encoding="utf-8"))
            assert key not in texts, f"{name}/{path.name} repeats {texts.get(key)}"
            texts[key] = f"{name}/{path.name}"
