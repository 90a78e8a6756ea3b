from pathlib import Path

import pytest

from foidesk.core.release_check.findings import (
    CannotInspect,
    Finding,
    InspectionLimits,
    Severity,
    read_to_inspect,
)


def test_a_finding_serialises_to_the_command_line_contract() -> None:
    finding = Finding("xlsx.hidden_sheet", Severity.BLOCK, "Sheet2", "A hidden sheet holds data.")
    assert finding.as_dict() == {
        "code": "xlsx.hidden_sheet",
        "severity": "block",
        "where": "Sheet2",
        "message": "A hidden sheet holds data.",
    }


def test_default_limits_bound_archives() -> None:
    limits = InspectionLimits()
    assert (
        limits.max_compression_ratio > 1 and limits.max_archive_depth >= 1 and limits.max_archive_members > 0
    )


def test_the_second_opinion_is_on_unless_the_environment_turns_it_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:

    monkeypatch.delenv("FOIDESK_RENDER", raising=False)
    assert InspectionLimits().render
    for off in ("0", "false", "No", "off"):
        monkeypatch.setenv("FOIDESK_RENDER", off)
        assert not InspectionLimits().render
    monkeypatch.setenv("FOIDESK_RENDER", "1")
    assert InspectionLimits().render


def test_a_file_that_cannot_be_read_cannot_be_inspected(tmp_path: Path) -> None:
    (tmp_path / "answer.pdf").write_bytes(b"%PDF-1.7")
    assert read_to_inspect(str(tmp_path / "answer.pdf")) == b"%PDF-1.7"
    with pytest.raises(CannotInspect, match="cannot read the file"):
        read_to_inspect(str(tmp_path / "missing.pdf"))
    with pytest.raises(CannotInspect, match="cannot read the file"):
        read_to_inspect(str(tmp_path))
