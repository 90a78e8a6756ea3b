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


SAVED_PAGE_HEADER = (
    "Quickly exit this site by pressing the Escape key Leave this site\n"
    "We use some essential cookies to make our website work. We'd like to set additional cookies so we "
    "can remember your preferences and understand how you use our site.\n"
    "Freedom of information request reference no: 01.FOI.22.024648\n"
    "I note you seek access to the following information:\n"
)
SAVED_PAGE_FOOTER = (
    "\nI have today decided to disclose some of the requested information. Section 21 - Information "
    "reasonably accessible by other means. Please refer to this link: Serving officers accused of alleged "
    "sexual harassment/assault from 2010 to 2021\n"
)


def test_a_saved_response_page_is_searched_by_what_it_asks_even_with_its_own_entry_in_the_log(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As in the demo: the reference case's own response is published too, and the file is the web
    # page of that response (banners, the request, the reply), not the request alone.
    for entry in demo_entries():
        Publication.objects.create(**entry.as_row())
    own = next(iter(demo_entries())).as_row() | {
        "reference": "01.FOI.22.024648",
        "slug": "01-foi-22-024648",
        "title": "Police misconduct in 2020 and 2021",
        "summary": "Allegations of officer sexual misconduct in 2021 and reflective practice outcomes.",
        "request_text": REFERENCE_REQUEST.read_text(),
        "topics": ["misconduct", "sexual misconduct"],
    }
    Publication.objects.create(**own)
    page = tmp_path / "page.txt"
    page.write_text(SAVED_PAGE_HEADER + REFERENCE_REQUEST.read_text() + SAVED_PAGE_FOOTER)
    assert main(["similar", str(page), "--received", "2022-05-16", "--top", "3", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["matches"][0]["reference"] == "01.FOI.22.023911"


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
