"""What the release gate reports about a file: findings with a code, a severity and a place.

Shared by every format's inspector (spreadsheets, documents, PDF, images, archives).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from foidesk.core.findings import Finding as CheckerFinding


class Severity(StrEnum):
    """``block`` stops a file leaving; ``warn`` needs a decision maker's recorded override."""

    BLOCK = "block"
    WARN = "warn"


class Finding(CheckerFinding[Severity]):
    """One thing found in a file that a reader of the release would not see, or should not get;
    ``where`` names the sheet, cell range, page or XML part."""

    __slots__ = ()


def render_by_default() -> bool:
    """The second opinion is on unless FOIDESK_RENDER says otherwise (0, false, no, off): the test
    suite turns it off except where it tests the renderer itself, which spawns LibreOffice per file."""
    return os.environ.get("FOIDESK_RENDER", "1").strip().lower() not in {"0", "false", "no", "off"}


@dataclass(frozen=True, slots=True)
class InspectionLimits:
    """Bounds that keep a hostile file (zip bomb, deep nesting) from exhausting the machine.

    The ``render_*`` settings govern the renderer's second opinion (``rendering.py``, ADR 0010): files
    up to ``render_max_bytes`` are rendered (LibreOffice ``render_command`` for office files, PDFium for
    PDF) within ``render_timeout_seconds``; a missing LibreOffice blocks when ``render_required``.
    """

    max_uncompressed_bytes: int = 1_000_000_000
    max_compression_ratio: float = 200.0
    max_archive_depth: int = 3
    max_archive_members: int = 10_000
    render: bool = field(default_factory=lambda: render_by_default())
    render_required: bool = False
    render_max_bytes: int = 1_000_000
    render_timeout_seconds: float = 60.0
    render_command: str = "soffice"


# The one home of the legible size: text (or a row, a box) smaller than this cannot be read on screen or
# paper, in every format (footnotes are set at 6 pt or more). A secret set at 2.5 pt passed a 2 pt rule.
MIN_LEGIBLE_POINTS = 3.0
# The one home of the faintest opacity that can be seen (0..1): an image's alpha.
MIN_VISIBLE_ALPHA = 0.1
# The one home of the least share of text that must show for it to be read (0..1): text whose own opacity
# (a PDF's /ca or /CA, a transparency group's), times what the translucent boxes painted over it let
# through, is below this is hidden. A secret at opacity 0.12 and one under a white box at 90 % both
# passed a rule of 0.1 (outside corpus, 2026-12-07); a "DRAFT" watermark fainter than this is hidden too.
MIN_LEGIBLE_OPACITY = 0.2


class Inspector(Protocol):
    """A format's inspector: reads the file at ``path`` and returns what it finds."""

    def __call__(self, path: str, limits: InspectionLimits) -> list[Finding]: ...


class Sanitiser(Protocol):
    """A format's sanitiser: writes a clean copy of ``source`` to ``target``."""

    def __call__(self, source: str, target: str, limits: InspectionLimits) -> None: ...


class CannotInspect(Exception):
    """The file cannot be read well enough to inspect it (encrypted, corrupt, truncated, unknown).

    The gate turns this into a ``block`` finding ``file.cannot_inspect``: never a pass.
    """


def read_to_inspect(path: str) -> bytes:
    """The whole file, or ``CannotInspect`` when it cannot be read (every inspector's first step)."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise CannotInspect(f"cannot read the file: {error}") from error


class CannotSanitise(Exception):
    """No clean copy can be made of the file; the message says why."""
