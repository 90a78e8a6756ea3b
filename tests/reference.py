"""The published reference answer (01.FOI.22.024648) as the page shows it, kept inside the repository."""

from __future__ import annotations

from pathlib import Path

REFERENCE_PAGE = Path(__file__).resolve().parent / "data" / "requests" / "102.txt"
