"""Importing the register is all or nothing; the synthetic register loads once."""

from __future__ import annotations

import dataclasses

import pytest

from foidesk.datasets.importer import RegisterImportError, write_register_csv
from foidesk.datasets.misconduct_synthetic import AllegationGeneratorSettings, generate_register
from foidesk.web.records.models import MisconductAllegation
from foidesk.web.records.selectors import register_size, synthetic_register_loaded
from foidesk.web.records.services import (
    AllegationsAlreadyRegistered,
    register_generate,
    register_import,
    register_import_file,
)

pytestmark = pytest.mark.django_db


def test_generate_loads_the_synthetic_register_once() -> None:
    assert register_generate(n=300, seed=5) == 300
    assert register_generate(n=300, seed=5) == 0
    assert register_size() == 300
    assert synthetic_register_loaded()
    assert all(
        a.startswith("SYN-") for a in MisconductAllegation.objects.values_list("allegation_id", flat=True)
    )


def test_rows_read_back_equal_the_allegations_written() -> None:
    allegations = list(generate_register(AllegationGeneratorSettings(n=200, seed=2)))
    register_import(rows=allegations)
    assert [row.as_allegation() for row in MisconductAllegation.objects.order_by("allegation_id")] == sorted(
        allegations, key=lambda a: a.allegation_id
    )


def test_an_import_with_an_id_already_registered_adds_nothing() -> None:
    allegations = list(generate_register(AllegationGeneratorSettings(n=50, seed=3)))
    register_import(rows=allegations[:10])
    fresh = [dataclasses.replace(a, allegation_id=f"NEW-{i}") for i, a in enumerate(allegations[10:])]
    with pytest.raises(AllegationsAlreadyRegistered, match="SYN-0000001"):
        register_import(rows=[*fresh, allegations[0]])
    assert register_size() == 10


def test_a_file_with_one_bad_row_imports_nothing(tmp_path) -> None:
    allegations = list(generate_register(AllegationGeneratorSettings(n=20, seed=4)))
    path = tmp_path / "register.csv"
    with path.open("w", newline="") as handle:
        write_register_csv(allegations, handle)
    lines = path.read_text().splitlines()
    lines[7] = lines[7].replace(allegations[6].date_received.isoformat(), "31/02/2021")
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(RegisterImportError) as caught:
        register_import_file(path=path)
    assert [(e.line, e.column) for e in caught.value.errors] == [(8, "date_received")]
    assert register_size() == 0
