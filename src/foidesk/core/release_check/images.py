"""Release-gate inspection and sanitising of raster images (PNG, JPEG, TIFF, WebP, GIF)."""

from __future__ import annotations

from foidesk.core.release_check.findings import CannotInspect, CannotSanitise, Finding, InspectionLimits


def inspect_image(path: str, limits: InspectionLimits) -> list[Finding]:
    raise CannotInspect("not implemented yet")


def sanitise_image(source: str, target: str, limits: InspectionLimits) -> None:
    raise CannotSanitise("not implemented yet")
