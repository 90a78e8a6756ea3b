"""`foidesk letter REFERENCE --format html|pdf|docx -o OUT`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pikepdf
import pytest

from foidesk.cli import main
from foidesk.core.outcome import Outcome
from foidesk.web.cases import services
from foidesk.web.cases.models import Request
from tests.factories import a_decider

pytestmark = pytest.mark.django_db


def _case(*, decided: bool = True) -> Request:
    request = services.request_open(
        text="How many officers work in Camden?",
        requester_name="A. Requester",
        actor=None,
        received_on=dt.date(2024, 2, 1),
        parse=False,
    )
    (part,) = services.request_parts_set(
        request=request, actor=a_decider(), parts=[services.PartSpec(label="Q1", text="How many officers?")]
    )
    if decided:
        services.decision_record(
            part=part,
            outcome=Outcome.WITHHELD,
            actor=a_decider(),
            exemptions=[
                services.ExemptionSpec(
                    code="s.40(2)", reasons="The names are personal data of junior officers."
                )
            ],
        )
    return request


def test_html_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = _case()
    out = tmp_path / "letter.html"
    args = ["letter", case.reference, "--format", "html", "-o", str(out), "--issued", "2024-02-20", "--json"]
    assert main(args) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is True
    html = out.read_text()
    assert "20 February 2024" in html
    assert "s.40(2)" in html


def test_pdf_is_tagged(tmp_path: Path) -> None:
    case = _case()
    out = tmp_path / "letter.pdf"
    assert main(["letter", case.reference, "--format", "pdf", "-o", str(out)]) == 0
    with pikepdf.open(out) as pdf:
        assert "/StructTreeRoot" in pdf.Root


def test_docx(tmp_path: Path) -> None:
    case = _case()
    out = tmp_path / "letter.docx"
    assert main(["letter", case.reference, "--format", "docx", "-o", str(out)]) == 0
    assert out.read_bytes()[:2] == b"PK"


def test_unknown_reference_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["letter", "NO.SUCH.REF", "-o", str(tmp_path / "x.html")]) == 2
    assert "no case with reference" in capsys.readouterr().err


def test_failing_s17_prints_findings_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = _case(decided=False)
    out = tmp_path / "x.html"
    assert main(["letter", case.reference, "-o", str(out)]) == 1
    assert "notice.undecided_part" in capsys.readouterr().err
    assert not out.exists()
