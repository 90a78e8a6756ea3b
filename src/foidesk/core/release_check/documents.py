"""Release-gate inspection and sanitising of word-processing documents (DOCX and ODT)."""

from __future__ import annotations

from foidesk.core.release_check.findings import CannotInspect, CannotSanitise, Finding, InspectionLimits


def inspect_docx(path: str, limits: InspectionLimits) -> list[Finding]:
    raise CannotInspect("not implemented yet")


def sanitise_docx(source: str, target: str, limits: InspectionLimits) -> None:
    raise CannotSanitise("not implemented yet")


def inspect_odt(path: str, limits: InspectionLimits) -> list[Finding]:
    raise CannotInspect("not implemented yet")


def sanitise_odt(source: str, target: str, limits: InspectionLimits) -> None:
    raise CannotSanitise("not implemented yet")
