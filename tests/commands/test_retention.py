"""`foidesk retention` against the configured database: what was (or would be) erased, as text or JSON."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from foidesk.cli import main
from foidesk.core.workflow import State
from foidesk.web.cases import services
from foidesk.web.cases.models import Request, Review

pytestmark = pytest.mark.django_db(transaction=True)

TODAY = "2026-06-01"
LONG_AGO = dt.date(2024, 5, 1)


def _case(text: str = "How many arrests in 2023?\n\nKind regards\nJo Bloggs\n07700 900 123") -> Request:
    request = services.request_open(
        text=text,
        requester_name="Jo Bloggs",
        requester_email="jo@example.org",
        received_on=dt.date(2024, 4, 1),
        actor=None,
        parse=False,
    )
    Request.objects.filter(pk=request.pk).update(status=State.CLOSED.value, ended_on=LONG_AGO)
    return request


def test_dry_run_json_lists_what_would_be_erased_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    case = _case()
    assert main(["retention", "--dry-run", "--today", TODAY, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["dry_run"] is True
    assert result["cutoff"] == "2024-06-01"
    assert result["retention_days"] == 730
    assert result["erased"] == [
        {
            "reference": case.reference,
            "ended_on": "2024-05-01",
            "fields": ["requester_name", "requester_email", "text"],
            "text_removals": {"signature": 1},
            "inbound_emails": 0,
            "sent_emails": 1,  # the acknowledgement, with the requester's address
        }
    ]
    assert result["skipped"] == []
    assert Request.objects.get(pk=case.pk).requester_name == "Jo Bloggs"


def test_the_sweep_erases_and_says_so_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    case, reviewed = _case(), _case()
    Review.objects.create(request=reviewed, requested_on=LONG_AGO, due_on=LONG_AGO)
    assert main(["retention", "--today", TODAY]) == 0
    out = capsys.readouterr().out
    assert "Erased requester data of 1 case(s) that ended before 2024-06-01." in out
    assert f"{case.reference} (ended 2024-05-01): requester_name, requester_email, text" in out
    assert f"skipped {reviewed.reference}: an internal review is still open" in out
    assert "Bloggs" not in out
    assert Request.objects.get(pk=case.pk).requester_name == "[erased]"


def test_a_bad_date_is_an_error_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["retention", "--today", "yesterday", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--today" in captured.err
