"""`foidesk similar` against the configured database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foidesk.cli import main
from foidesk.datasets.disclosure_log import demo_entries
from foidesk.web.publication.models import Publication

pytestmark = pytest.mark.django_db(transaction=True)

REFERENCE_REQUEST = Path(__file__).resolve().parents[2] / "src/foidesk/web/demo/reference_request.txt"


def test_reference_request_ranks_the_serving_officers_entry_first(capsys: pytest.CaptureFixture[str]) -> None:
    for entry in demo_entries():
        Publication.objects.create(**entry.as_row())
    assert main(["similar", str(REFERENCE_REQUEST), "--received", "2022-05-16", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    first = result["matches"][0]
    assert first["title"] == "Serving officers accused of alleged sexual harassment/assault from 2010 to 2021"
    assert first["url"] == "/disclosure-log/01-foi-22-023911/"
    assert 0 < first["score"] <= 1


def test_empty_text_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    assert main(["similar", str(empty), "--json"]) == 2
    assert "empty" in capsys.readouterr().err


def test_search_terms_recounts_on_postgresql_and_is_harmless_on_sqlite(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from django.db import connection

    for entry in demo_entries():
        Publication.objects.create(**entry.as_row())
    assert main(["search-terms", "--json"]) == 0
    words = json.loads(capsys.readouterr().out)["words"]
    assert (words > 50) if connection.vendor == "postgresql" else words == 0
