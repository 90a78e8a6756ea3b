"""`foidesk search-log` against the configured database."""

from __future__ import annotations

import json

import pytest

from foidesk.cli import main
from foidesk.datasets.disclosure_log import SERVING_OFFICERS_TITLE, demo_entries
from foidesk.web.publication.models import Publication

pytestmark = pytest.mark.django_db(transaction=True)


def test_search_log_finds_the_s21_target_through_the_topic_vocabulary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for entry in demo_entries():
        Publication.objects.create(**entry.as_row())
    Publication.objects.filter(title__startswith="Taser").update(is_published=False)
    assert main(["search-log", "sexual misconduct 2021", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert SERVING_OFFICERS_TITLE in [r["title"] for r in result["results"]]
    assert "sexual harassment" in result["also_searched_for"]["sexual misconduct"]
    assert result["all_words"] is True and result["count"] == len(result["results"])
    assert {"year", "topic", "outcome", "exemption"} <= set(result["filters"])
    assert main(["search-log", "taser", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == 0  # unpublished: never found
    assert main(["search-log", "sexual misconduct 2021"]) == 0
    assert SERVING_OFFICERS_TITLE in capsys.readouterr().out
