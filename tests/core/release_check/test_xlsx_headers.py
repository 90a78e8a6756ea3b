"""A worksheet's header or footer: printed (a warning) or never printed (a block), as openpyxl writes it."""

from __future__ import annotations

from pathlib import Path

import pytest

from foidesk.core.release_check import check_file, sanitise_file
from tests.core.release_check.corpus import every_byte
from tests.core.release_check.corpus_xlsx_build import xlsx


def _footer_book(path: Path, set_up: object) -> Path:
    xlsx(lambda workbook: set_up(workbook.active))(path)  # type: ignore[operator]
    return path


def _even(sheet: object, apart: bool) -> None:
    sheet.evenFooter.center.text = "SECRET-EVEN-5501"  # type: ignore[attr-defined]
    sheet.HeaderFooter.differentOddEven = apart  # type: ignore[attr-defined]


def _right_footer(text: str, **look: object) -> object:
    def set_up(sheet: object) -> None:
        part = sheet.oddFooter.right  # type: ignore[attr-defined]
        part.text = text
        for name, value in look.items():
            setattr(part, name, value)

    return set_up


FOOTERS = [
    ("printed-official", lambda s: setattr(s.oddFooter.center, "text", "OFFICIAL"), "warn"),
    ("page-number-only", lambda s: setattr(s.oddFooter.center, "text", "Page &P of &N"), "warn"),
    ("fields-only", lambda s: setattr(s.oddFooter.center, "text", "&P &D &F"), None),
    ("even-not-apart", lambda s: _even(s, False), "block"),
    ("even-apart", lambda s: _even(s, True), "warn"),
    ("first-not-apart", lambda s: setattr(s.firstHeader.left, "text", "SECRET-FIRST-5502"), "block"),
    ("white-footer", _right_footer("SECRET-WHITE-5503", color="FFFFFF"), "block"),
    ("near-white-footer", _right_footer("SECRET-PALE-5505", color="F2F2F2"), "block"),
    ("grey-footer", _right_footer("OFFICIAL", color="808080"), "warn"),
    ("tiny-footer", _right_footer("SECRET-TINY-5504", size=2), "block"),
]


@pytest.mark.parametrize(("name", "set_up", "verdict"), FOOTERS, ids=[f[0] for f in FOOTERS])
def test_a_header_or_footer_no_printed_page_shows_blocks(
    tmp_path: Path, name: str, set_up: object, verdict: str | None
) -> None:
    path = _footer_book(tmp_path / f"{name}.xlsx", set_up)
    report = check_file(str(path))
    found = {f.code: f.severity.value for f in report.findings if "header_footer" in f.code}
    expected = {
        None: {},
        "warn": {"xlsx.header_footer": "warn"},
        "block": {"xlsx.hidden_header_footer": "block"},
    }[verdict]
    assert found == expected, report.findings
    assert report.blocked == (verdict == "block")
    copy = tmp_path / f"copy-{name}.xlsx"
    sanitise_file(str(path), str(copy))
    assert b"SECRET" not in every_byte(copy)
