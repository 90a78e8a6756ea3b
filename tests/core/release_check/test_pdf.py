"""The release gate on PDF: what is under, beside and behind the page (the copy: test_pdf_copy)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from foidesk.core.release_check.findings import CannotInspect, InspectionLimits, Severity
from foidesk.core.release_check.pdf import inspect_pdf
from tests.core.release_check.corpus import CorpusFile
from tests.core.release_check.corpus_pdf import PAGE_WIDTH, PDFS, VISIBLE_PDF, _pdf, _text, make_pdf

LIMITS = InspectionLimits()


def _codes(path: Path) -> set[str]:
    return {finding.code for finding in inspect_pdf(str(path), LIMITS)}


@pytest.mark.parametrize("entry", PDFS, ids=lambda e: e.name)
def test_corpus_pdf_findings_are_exactly_the_expected_ones(entry: CorpusFile, tmp_path: Path) -> None:
    path = tmp_path / entry.name
    entry.build(path)
    assert _codes(path) == entry.expected


def test_covered_text_finding_names_the_page_and_the_text(tmp_path: Path) -> None:
    path = tmp_path / "box.pdf"
    next(e for e in PDFS if e.name == "black-box.pdf").build(path)
    [finding] = inspect_pdf(str(path), LIMITS)
    assert finding.severity is Severity.BLOCK
    assert finding.where == "page 1"
    assert "SECRET-PDF-covered" in finding.message


def test_box_painted_before_the_text_hides_nothing_but_painted_after_hides_it(tmp_path: Path) -> None:
    box = "q 0 g 70 595 330 20 re f Q\n"
    white_text = _text(72, 600, "On the dark band", colour="1 g")
    before, after = tmp_path / "before.pdf", tmp_path / "after.pdf"
    _pdf(box + white_text)(before)
    _pdf(white_text + box)(after)
    assert _codes(before) == set()
    assert _codes(after) == {"pdf.covered_text"}


def test_box_restored_by_graphics_state_keeps_its_position(tmp_path: Path) -> None:
    path = tmp_path / "moved.pdf"
    moved_box = "q 1 0 0 1 0 -300 cm 0 g 70 595 330 20 re f Q\n"  # drawn 300 pt lower, away from the text
    _pdf(_text(72, 600, "Stays readable") + moved_box)(path)
    assert _codes(path) == set()


def test_text_positioned_by_a_scaled_matrix_is_found_under_the_box(tmp_path: Path) -> None:
    path = tmp_path / "scaled.pdf"
    content = "q 2 0 0 2 0 0 cm BT /F1 6 Tf 36 300 Td (SECRET-PDF-scaled) Tj ET Q 0 g 70 595 200 20 re f\n"
    _pdf(content)(path)
    assert _codes(path) == {"pdf.covered_text"}


def test_empty_file_cannot_be_inspected(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(CannotInspect):
        inspect_pdf(str(path), LIMITS)


def test_truncated_pdf_cannot_be_inspected(tmp_path: Path) -> None:
    whole, cut = tmp_path / "whole.pdf", tmp_path / "cut.pdf"
    make_pdf(whole, "")
    cut.write_bytes(whole.read_bytes()[: len(whole.read_bytes()) // 2])
    with pytest.raises(CannotInspect):
        inspect_pdf(str(cut), LIMITS)


def test_password_protected_pdf_cannot_be_inspected(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    make_pdf(path, "", encryption=pikepdf.Encryption(user="secret", owner="secret"))
    with pytest.raises(CannotInspect, match="encrypted"):
        inspect_pdf(str(path), LIMITS)


def test_a_text_file_named_pdf_cannot_be_inspected(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("Dear requester,\n")
    with pytest.raises(CannotInspect):
        inspect_pdf(str(path), LIMITS)


def test_visible_line_is_in_every_corpus_file() -> None:
    assert VISIBLE_PDF.startswith("Dear requester")


def _weasyprint_pdf(path: Path, html: str) -> None:
    import weasyprint

    weasyprint.HTML(string=html).write_pdf(path)


def test_black_box_drawn_by_css_over_a_name_in_a_real_pdf_is_found(tmp_path: Path) -> None:
    path = tmp_path / "css-box.pdf"
    _weasyprint_pdf(
        path,
        '<p>Officer: <span style="position:relative">John Smith<span style="position:absolute;left:0;top:0;'
        'width:100%;height:100%;background:black"></span></span> attended.</p>',
    )
    [finding] = inspect_pdf(str(path), LIMITS)
    assert finding.code == "pdf.covered_text"
    assert "John Smith" in finding.message  # read through the font's ToUnicode map


def test_real_pdf_with_a_dark_table_header_underline_and_highlight_is_clean(tmp_path: Path) -> None:
    path = tmp_path / "table.pdf"
    _weasyprint_pdf(
        path,
        "<h1>Response</h1><table><tr>"
        '<th style="background:#000;color:#fff">Year</th>'
        '<th style="background:#000;color:#fff">Count</th></tr>'
        "<tr><td>2023</td><td>[c]</td></tr></table>"
        '<p><u>underlined</u>, <s>struck</s> and <span style="background:yellow">highlighted</span></p>'
        '<p style="font-size:7pt">Small print that is still readable.</p>',
    )
    assert inspect_pdf(str(path), LIMITS) == []


WORDS = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=3, max_size=20)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=WORDS, x=st.integers(20, 300), y=st.integers(40, 680), size=st.integers(6, 30))  # below line 1
def test_a_box_painted_after_text_and_enclosing_it_always_covers_it(
    tmp_path: Path, word: str, x: int, y: int, size: int
) -> None:
    width = len(word) * size  # Helvetica capitals are under one em wide
    assume(x + width < PAGE_WIDTH)
    box = f"q 0 g {x - 2} {y - size / 2} {width + 4} {size * 2} re f Q\n"
    text = _text(x, y, word, size=size)
    path = tmp_path / "box.pdf"
    _pdf(text + box)(path)
    assert _codes(path) == {"pdf.covered_text"}
    _pdf(box + text.replace("0 g", "1 g"))(path)
    assert _codes(path) == set()


def test_an_update_with_its_eof_marker_removed_is_found_by_the_trailer_chain(tmp_path: Path) -> None:
    from tests.core.release_check.corpus_pdf import pdf_with_incremental_update

    path = tmp_path / "faked.pdf"
    pdf_with_incremental_update(path)
    data = path.read_bytes()
    first = data.index(b"%%EOF")
    path.write_bytes(data[:first] + b"%%EOX" + data[first + 5 :])  # one marker left: counting is fooled
    assert "pdf.incremental_update" in _codes(path)


def test_a_linearised_pdf_with_its_two_sections_is_not_an_update(tmp_path: Path) -> None:
    path = tmp_path / "linear.pdf"
    make_pdf(path, _text(72, 600, "Fast web view"), linearize=True)
    assert "pdf.incremental_update" not in _codes(path)


def test_a_broken_trailer_chain_is_reported(tmp_path: Path) -> None:
    from tests.core.release_check.corpus_pdf import pdf_with_incremental_update

    path = tmp_path / "broken.pdf"
    pdf_with_incremental_update(path)
    data = path.read_bytes()
    at = data.rindex(b"/Prev ") + len(b"/Prev ")
    end = data.index(b" ", at)
    path.write_bytes(data[:at] + b"7".rjust(end - at, b"0") + data[end:])
    assert "pdf.incremental_update" in _codes(path)


def test_text_under_a_mask_the_gate_cannot_read_is_blocked_and_under_a_signatures_mask_passes(
    tmp_path: Path,
) -> None:
    unknown, signature = tmp_path / "unknown.pdf", tmp_path / "signature.pdf"
    next(e for e in PDFS if e.name == "soft-mask-in-state-over-text.pdf").build(unknown)
    next(e for e in PDFS if e.name == "signature-over-text.pdf").build(signature)
    [finding] = inspect_pdf(str(unknown), LIMITS)
    assert (finding.code, finding.severity) == ("pdf.uncertain_cover", Severity.BLOCK)
    assert "SECRET-PDF-covered" in finding.message
    assert inspect_pdf(str(signature), LIMITS) == []
