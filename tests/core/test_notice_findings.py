"""A notice finding: its code is listed, its shape is the command line's."""

from __future__ import annotations

from foidesk.core.notice_findings import FINDING_CODES, Severity, error, warn


def test_error_and_warn_make_findings_of_their_severity_with_the_command_line_shape() -> None:
    found = error("notice.outdated_statute", "line 3", "Cite the Data Protection Act 2018.")
    assert found.severity is Severity.ERROR
    assert warn("notice.wrong_regulator", "letter", "x").severity is Severity.WARN
    assert found.as_dict() == {
        "code": "notice.outdated_statute",
        "severity": "error",
        "where": "line 3",
        "message": "Cite the Data Protection Act 2018.",
    }


def test_every_code_is_namespaced_and_explained() -> None:
    assert all(code.startswith("notice.") and meaning for code, meaning in FINDING_CODES.items())
