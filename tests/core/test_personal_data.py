"""The one recogniser of UK personal data: each shape, the red-team case just outside it, the model."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from foidesk.core.personal_data import (
    EntityKind,
    KnownEntities,
    Source,
    find_personal_data,
)
from foidesk.core.redaction import check_free_text

BLIND = Path(__file__).resolve().parents[1] / "data/summaries/blind.jsonl"


def _found(text: str, *, use_model: bool = True) -> list[tuple[str, str]]:
    return [(m.kind.value, m.text) for m in find_personal_data(text, use_model=use_model)]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("seen by PC 1234 at the scene", EntityKind.COLLAR_NUMBER, "1234"),
        ("seen by PC1234 at the scene", EntityKind.COLLAR_NUMBER, "1234"),
        ("seen by pc 1234 at the scene", EntityKind.COLLAR_NUMBER, "1234"),
        ("PC Evans 3092 failed to act", EntityKind.COLLAR_NUMBER, "3092"),
        ("PC Achebe (4410) used force", EntityKind.COLLAR_NUMBER, "4410"),
        ("It is alleged that Sgt. O'Neill swore.", EntityKind.NAME, "O'Neill"),
        ("It is alleged that DS Smith-Jones lied.", EntityKind.NAME, "Smith-Jones"),
        ("Ch Supt Alice Warrender failed to act", EntityKind.NAME, "Alice Warrender"),
        ("Chief Inspector Zulu made a remark", EntityKind.NAME, "Zulu"),
        ("call (020) 7946 0000 now", EntityKind.PHONE, "(020) 7946 0000"),
        ("call (020) 7946-0000 now", EntityKind.PHONE, "(020) 7946-0000"),
        ("call +44 7700 900123 now", EntityKind.PHONE, "+44 7700 900123"),
        ("call 07700-900-331 now", EntityKind.PHONE, "07700-900-331"),
        ("NI number AB 12 34 56 C given", EntityKind.NI_NUMBER, "AB 12 34 56 C"),
        ("NI number ab 12 34 56 c given", EntityKind.NI_NUMBER, "ab 12 34 56 c"),
        ("NI number jk604118b given", EntityKind.NI_NUMBER, "jk604118b"),
        ("the car AB12 CDE was seized", EntityKind.VEHICLE, "AB12 CDE"),
        ("the car ab12cde was seized", EntityKind.VEHICLE, "ab12cde"),
        ("the number plate gf 63 wnx was seen", EntityKind.VEHICLE, "gf 63 wnx"),
        ("write to jo.bloggs+foi@example.org.uk now", EntityKind.EMAIL, "jo.bloggs+foi@example.org.uk"),
        ("lives at SW1A 1AA", EntityKind.POSTCODE, "SW1A 1AA"),
        ("born on 21/11/1979 in Kent", EntityKind.DATE, "21/11/1979"),
        ("on Tuesday 4 June 2024 at noon", EntityKind.DATE, "Tuesday 4 June 2024"),
        ("officers attended 12 Acacia Avenue at night", EntityKind.ADDRESS, "12 Acacia Avenue"),
        ("officers entered Flat 14, Marlowe House", EntityKind.ADDRESS, "Flat 14, Marlowe House"),
        ("it involved a 34-year-old woman", EntityKind.AGE_GENDER, "34-year-old woman"),
        ("a 63 year old man was threatened", EntityKind.AGE_GENDER, "63 year old man"),
        ("the complainant, aged 52, was hurt", EntityKind.AGE_GENDER, "aged 52"),
        ("held at Upper Norwood police station", EntityKind.STATION, "Upper Norwood"),
        ("John 'Jonno' Smith complained", EntityKind.NAME, "John 'Jonno' Smith"),
        ('he was known as "Big Tel" by officers', EntityKind.NAME, "Big Tel"),
        ("Complainant Rosalind Pargeter alleges it.", EntityKind.NAME, "Rosalind Pargeter"),
    ],
)
def test_each_shape_is_found(text: str, kind: EntityKind, expected: str) -> None:
    assert (kind.value, expected) in _found(text, use_model=False)


@pytest.mark.parametrize(
    "text",
    [
        "The officer drove at 30 mph in a 20 mph zone near Croydon town centre.",
        "A member of the public complained about parking on Acacia Avenue in May.",
        "The chief inspector failed to act; the duty sergeant was not told.",
        "Officers used excessive force at a protest in Parliament Square and on the High Street.",
        "It is alleged that the Crown Prosecution Service was not told by the Independent Office.",
        "Croydon officers are alleged to have failed to investigate reports in March 2021.",
        "Victoria Station staff reported an officer at the police station.",
    ],
)
def test_hard_negatives_are_left_alone(text: str) -> None:
    assert _found(text) == []


def test_known_entities_are_found_and_win_over_other_sources() -> None:
    known = KnownEntities(
        names=("Thabo Mbeki-Smith",), collar_numbers=("DI 88",), dates=(dt.date(2023, 5, 2),)
    )
    found = find_personal_data("Mbeki and Smith met 88 on 2nd May.", known)
    assert [(m.text, m.source) for m in found] == [
        ("Mbeki", Source.RECORD),
        ("Smith", Source.RECORD),
        ("88", Source.RECORD),
        ("2nd May", Source.RECORD),
    ]


def _blind() -> list[dict[str, object]]:
    return [json.loads(line) for line in BLIND.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("record", [r for r in _blind() if r.get("known")], ids=lambda r: str(r["id"]))
def test_no_known_entity_of_a_blind_summary_survives(record: dict[str, object]) -> None:
    """Blind summaries are scored in benchmarks/eval_redaction.py; here only: no known person leaks."""
    known = record["known"]
    assert isinstance(known, dict)
    entities = KnownEntities(
        names=tuple(known.get("names", ())),
        collar_numbers=tuple(known.get("collar_numbers", ())),
        stations=tuple(known.get("stations", ())),
        dates=tuple(dt.date.fromisoformat(d) for d in known.get("dates", ())),
    )
    redacted = check_free_text(str(record["text"]), entities).redacted_text
    for name in entities.names:
        for part in re.split(r"[\s-]+", name):
            assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", redacted, re.I), part
    for collar in entities.collar_numbers:
        digits = re.sub(r"\D", "", collar)
        assert not re.search(rf"(?<!\d){digits}(?!\d)", redacted), collar
