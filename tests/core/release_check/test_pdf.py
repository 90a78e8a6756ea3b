"""The release gate on PDF: what is under, beside and behind the page, and a re-rendered clean copy."""

from __future__ import annotations

import contextlib
from pathlib import Path

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from foidesk.core.release_check.findings import CannotInspect, CannotSanitise, InspectionLimits, Severity
from foidesk.core.release_check.pdf import inspect_pdf, sanitise_pdf
from tests.core.release_check.corpus import CorpusFile, every_byte
from tests.core.release_check.corpus_pdf import PAGE_WIDTH, PDFS, VISIBLE_PDF, _box, _pdf, _text, make_pdf

LIMITS = InspectionLimits()
RENDER_SCALE = 1.0
# Mean difference (0..255) between a page rendered before and after sanitising; resampling costs a little.
MAX_MEAN_PIXEL_DIFFERENCE = 3.0


def _codes(path: Path) -> set[str]:
    return {finding.code for finding in inspect_pdf(str(path), LIMITS)}


def _render(path: Path) -> np.ndarray:
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[0]
        image = page.render(scale=RENDER_SCALE, draw_annots=True).to_pil().convert("L")
        return np.asarray(image, dtype=np.float64)
    finally:
        document.close()


@pytest.mark.parametrize("entry", PDFS, ids=lambda e: e.name)
def test_corpus_pdf_findings_are_exactly_the_expected_ones(entry: CorpusFile, tmp_path: Path) -> None:
    path = tmp_path / entry.name
    entry.build(path)
    assert _codes(path) == entry.expected


@pytest.mark.parametrize("entry", [e for e in PDFS if not e.is_clean], ids=lambda e: e.name)
def test_leaky_pdf_sanitises_to_a_copy_without_the_secret(entry: CorpusFile, tmp_path: Path) -> None:
    source, target = tmp_path / entry.name, tmp_path / f"clean-{entry.name}"
    entry.build(source)
    if entry.secret:
        assert entry.secret.encode() in every_byte(source)
    sanitise_pdf(str(source), str(target), LIMITS)
    assert inspect_pdf(str(target), LIMITS) == []
    if entry.secret:
        assert entry.secret.encode() not in every_byte(target)


@pytest.mark.parametrize(
    "entry", [e for e in PDFS if e.name not in ("redact-mark.pdf", "annotation.pdf")], ids=lambda e: e.name
)
def test_sanitised_pdf_looks_like_the_original(entry: CorpusFile, tmp_path: Path) -> None:
    source, target = tmp_path / entry.name, tmp_path / f"clean-{entry.name}"
    entry.build(source)
    sanitise_pdf(str(source), str(target), LIMITS)
    before, after = _render(source), _render(target)
    assert before.shape == after.shape
    assert float(np.abs(before - after).mean()) < MAX_MEAN_PIXEL_DIFFERENCE
    # the visible line is still there: dark pixels where it was written (72 pt in, 82 pt from the top)
    assert after[70:84, 72:250].min() < 100


def test_unapplied_redaction_mark_is_applied_in_the_sanitised_copy(tmp_path: Path) -> None:
    entry = next(e for e in PDFS if e.name == "redact-mark.pdf")
    source, target = tmp_path / "a.pdf", tmp_path / "b.pdf"
    entry.build(source)
    sanitise_pdf(str(source), str(target), LIMITS)
    after = _render(target)
    top = 842 - 615
    assert after[top + 2 : top + 18, 75:395].max() < 30  # the marked area is black
    assert after[70:84, 72:250].min() < 100  # the rest is still readable


def test_sanitised_pdf_has_no_text_and_no_metadata(tmp_path: Path) -> None:
    source, target = tmp_path / "a.pdf", tmp_path / "b.pdf"
    next(e for e in PDFS if e.name == "info.pdf").build(source)
    sanitise_pdf(str(source), str(target), LIMITS)
    with pikepdf.open(target) as pdf:
        assert "/Info" not in pdf.trailer or len(pdf.trailer.Info.keys()) == 0
        assert "/Metadata" not in pdf.Root
        assert len(pdf.pages) == 1
        assert [float(v) for v in pdf.pages[0].mediabox] == pytest.approx([0, 0, 595, 842], abs=0.5)
    document = pdfium.PdfDocument(str(target))
    try:
        assert document[0].get_textpage().get_text_range() == ""
    finally:
        document.close()


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


def test_pdf_with_only_an_owner_password_cannot_be_inspected_but_can_be_sanitised(tmp_path: Path) -> None:
    path, target = tmp_path / "restricted.pdf", tmp_path / "clean.pdf"
    make_pdf(path, "", encryption=pikepdf.Encryption(user="", owner="owner"))
    with pytest.raises(CannotInspect, match="encrypted"):
        inspect_pdf(str(path), LIMITS)
    sanitise_pdf(str(path), str(target), LIMITS)
    assert inspect_pdf(str(target), LIMITS) == []


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


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(word=WORDS, mode=st.sampled_from([0, 3]), covered=st.booleans())
def test_no_text_at_all_survives_sanitising(tmp_path: Path, word: str, mode: int, covered: bool) -> None:
    source, target = tmp_path / "a.pdf", tmp_path / "b.pdf"
    secret = f"SECRET{word}"
    _pdf(_text(72, 600, secret, mode=mode) + (_box(70, 595, 400, 20) if covered else ""))(source)
    sanitise_pdf(str(source), str(target), LIMITS)
    assert secret.encode() not in every_byte(target)
    assert inspect_pdf(str(target), LIMITS) == []


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_redaction_mark_is_applied_on_a_rotated_page(tmp_path: Path, rotation: int) -> None:
    entry = next(e for e in PDFS if e.name == "redact-mark.pdf")
    source, target = tmp_path / "a.pdf", tmp_path / "b.pdf"
    entry.build(source)
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        pdf.pages[0].Rotate = rotation
        pdf.save(source)
    sanitise_pdf(str(source), str(target), LIMITS)
    assert b"SECRET-PDF-marked" not in every_byte(target)
    before, after = _render(source), _render(target)
    assert before.shape == after.shape
    black = after < 30
    # the marked band (330 x 20 pt) is black in the clean copy, turned with the page
    assert black.sum() >= 330 * 20 * 0.9


def test_a_huge_page_is_rendered_coarser_not_at_full_resolution(tmp_path: Path) -> None:
    source, target = tmp_path / "a.pdf", tmp_path / "b.pdf"
    make_pdf(source, "")
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        pdf.pages[0].MediaBox = [0, 0, 14400, 14400]  # 200 inches square, the largest a PDF page may be
        pdf.save(source)
    sanitise_pdf(str(source), str(target), LIMITS)
    with pikepdf.open(target) as pdf:
        image = pdf.pages[0].Resources.XObject.Page
        assert int(image.Width) * int(image.Height) <= 60_000_000 * 1.001  # the renderer rounds up a pixel


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_damaged_pdf_is_read_or_refused_never_crashes(tmp_path: Path, data: st.DataObject) -> None:
    entry = data.draw(st.sampled_from([e for e in PDFS if e.name in ("black-box.pdf", "annotation.pdf")]))
    source, target = tmp_path / "a.pdf", tmp_path / "b.pdf"
    entry.build(source)
    damaged = bytearray(source.read_bytes())
    for _ in range(data.draw(st.integers(1, 12))):
        damaged[data.draw(st.integers(0, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    source.write_bytes(bytes(damaged))
    with contextlib.suppress(CannotInspect):
        inspect_pdf(str(source), LIMITS)
    try:
        sanitise_pdf(str(source), str(target), LIMITS)
    except CannotSanitise:
        return
    assert inspect_pdf(str(target), LIMITS) == []


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
