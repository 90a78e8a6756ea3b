"""Tests for `foidesk check-notice` (src/foidesk/commands/check_notice.py): the DESIGN.md contract."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from foidesk.cli import main
from foidesk.core.notice_findings import Severity
from tests.core.test_notice_text import CASES
from tests.reference import REFERENCE_PAGE

REFERENCE = REFERENCE_PAGE
FOIDESK = Path(sys.executable).parent / "foidesk"
RIGHTS = (
    "You may ask for an internal review of this decision.\n"
    "You may then complain to the Information Commissioner under section 50.\n"
)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, object]]:
    code = main(["check-notice", *argv, "--json"])
    out = capsys.readouterr().out
    assert out.count("\n") == 1  # exactly one JSON object
    return code, json.loads(out)


def test_reference_letter_reports_missing_rights_and_cites_s21_and_s40_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, payload = run_json(capsys, str(REFERENCE), "--dated", "2022-09-01")
    assert code == 1
    assert payload["exemptions"] == ["s.40(2)", "s.21"]
    assert [f["code"] for f in payload["findings"]] == [
        "notice.missing_review_rights",
        "notice.missing_ico_rights",
        "notice.not_centrally_is_held",  # local records are held
        "notice.outdated_statute",  # the Data Protection Act 1998, repealed in 2018
    ]  # type: ignore[index]


def test_a_letter_dated_before_the_repeal_may_name_the_1998_act(capsys: pytest.CaptureFixture[str]) -> None:
    _, payload = run_json(capsys, str(REFERENCE), "--dated", "2017-09-01")
    assert "notice.outdated_statute" not in [f["code"] for f in payload["findings"]]  # type: ignore[index,union-attr]
    assert all(set(f) == {"code", "severity", "where", "message"} for f in payload["findings"])  # type: ignore[union-attr]


def test_clean_letter_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Section 40(2) applies because disclosure would identify officers.\n" + RIGHTS)
    code, payload = run_json(capsys, str(letter))
    assert code == 0
    assert payload == {"findings": [], "input": "letter", "exemptions": ["s.40(2)"]}


def test_json_response_from_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    response = {
        "reference": "01.FOI.22.024648",
        "regime": "foia",
        "parts": [
            {
                "label": "Request 1, Q3",
                "outcome": "withheld",
                "exemptions": [{"code": "s.31(1)(a)", "reasons": "x"}],
            }
        ],
    }
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(response).encode())))
    code, payload = run_json(capsys, "-")
    assert code == 1
    assert payload["input"] == "response"
    assert [f["code"] for f in payload["findings"]] == [  # type: ignore[index]
        "notice.missing_public_interest",
        "notice.missing_review_rights",
        "notice.missing_ico_rights",
    ]
    assert payload["findings"][0]["where"] == "Request 1, Q3: s.31(1)(a)"  # type: ignore[index]


def test_invalid_json_response_is_a_user_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"parts": [{"outcome": "withheld", "exemptions": [{"code": "s.99"}]}]}')
    assert main(["check-notice", str(bad), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "unknown exemption 's.99'" in captured.err


def test_unreadable_file_and_empty_input_are_user_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check-notice", str(tmp_path / "missing.txt"), "--json"]) == 2
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    assert main(["check-notice", str(empty), "--json"]) == 2
    assert capsys.readouterr().out == ""


def test_forcing_text_reads_json_looking_input_as_a_letter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "odd.txt"
    odd.write_text(
        "{not json} Section 21 applies as the data are published at https://example.org\n" + RIGHTS
    )
    code, payload = run_json(capsys, str(odd), "--input", "text")
    assert (code, payload["input"], payload["exemptions"]) == (0, "letter", ["s.21"])


def test_human_output_without_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("We refuse this under Section 31(1)(a) because it would prejudice crime prevention.\n")
    assert main(["check-notice", str(letter)]) == 1
    out = capsys.readouterr().out
    assert "notice.missing_public_interest" in out
    assert "notice.missing_review_rights" in out


@pytest.mark.skipif(not FOIDESK.exists(), reason="foidesk is not installed in this environment")
def test_installed_command_reads_stdin() -> None:
    letter = "Section 40(2) applies because disclosure would identify officers.\n"
    done = subprocess.run(
        [str(FOIDESK), "check-notice", "-", "--json"],
        input=letter,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    codes = [f["code"] for f in json.loads(done.stdout)["findings"]]
    assert codes == ["notice.missing_review_rights", "notice.missing_ico_rights"]


def test_reference_page_reports_the_dpa_1998_and_the_missing_s17_7_particulars(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, payload = run_json(capsys, str(REFERENCE), "--dated", "2022-06-10")
    found = {f["code"]: f for f in payload["findings"]}  # type: ignore[union-attr,index]
    assert "Data Protection Act 1998" in found["notice.outdated_statute"]["message"]
    assert found["notice.outdated_statute"]["severity"] == "error"
    line = int(found["notice.outdated_statute"]["where"].removeprefix("line "))
    assert "Data Protection Act 1998" in REFERENCE.read_text(encoding="utf-8").splitlines()[line - 1]
    assert "s.17(7)(a)" in found["notice.missing_review_rights"]["message"]
    assert "s.17(7)(b)" in found["notice.missing_ico_rights"]["message"]


@pytest.mark.parametrize(("code", "failing", "passing", "severity"), CASES, ids=[c[0] for c in CASES])
def test_each_code_of_issue_15_is_reported_by_the_command(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    code: str,
    failing: str,
    passing: str,
    severity: Severity,
) -> None:
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text(failing, encoding="utf-8")
    good.write_text(passing, encoding="utf-8")
    exit_code, payload = run_json(capsys, str(bad), "--dated", "2024-01-08")
    assert exit_code == 1
    assert [(f["code"], f["severity"]) for f in payload["findings"]] == [(code, severity.value)]  # type: ignore[index,union-attr]
    exit_code, payload = run_json(capsys, str(good), "--dated", "2024-01-08")
    assert (exit_code, payload["findings"]) == (0, [])
