from foidesk.core.release_check.findings import Finding, InspectionLimits, Severity


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
