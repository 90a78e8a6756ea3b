"""Every checker's finding has one shape (core/findings.py), on its own scale of gravity."""

from __future__ import annotations

import dataclasses

import pytest

from foidesk.core import notice_findings
from foidesk.core.findings import Finding
from foidesk.core.release_check import findings as release_findings


def test_the_release_gate_and_the_notice_check_report_findings_of_one_shape() -> None:
    gate = release_findings.Finding("xlsx.hidden_sheet", release_findings.Severity.BLOCK, "Staff", "Hidden.")
    notice = notice_findings.error("notice.missing_reasons", "Q1", "Say why s.40(2) applies.")
    assert isinstance(gate, Finding) and isinstance(notice, Finding)
    assert [f.name for f in dataclasses.fields(gate)] == [f.name for f in dataclasses.fields(notice)]
    assert gate.as_dict() == {
        "code": "xlsx.hidden_sheet",
        "severity": "block",
        "where": "Staff",
        "message": "Hidden.",
    }
    assert notice.as_dict()["severity"] == "error"


def test_each_checker_keeps_its_own_scale() -> None:
    assert {s.value for s in release_findings.Severity} == {"block", "warn"}
    assert {s.value for s in notice_findings.Severity} == {"error", "warn"}


def test_a_finding_cannot_be_changed_once_made() -> None:
    finding = notice_findings.warn("notice.public_interest_one_sided", "Q2", "One side only.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.code = "notice.no_parts"  # type: ignore[misc]
