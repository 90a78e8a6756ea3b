"""Release-gate inspection and sanitising of PDF files."""

from __future__ import annotations

from foidesk.core.release_check.findings import CannotInspect, CannotSanitise, Finding, InspectionLimits


def inspect_pdf(path: str, limits: InspectionLimits) -> list[Finding]:
    raise CannotInspect("not implemented yet")


def sanitise_pdf(source: str, target: str, limits: InspectionLimits) -> None:
    raise CannotSanitise("not implemented yet")
