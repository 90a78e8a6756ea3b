"""The clean copy of a PDF: re-rendered pages, with nothing hidden and unapplied redactions applied."""

from __future__ import annotations

import contextlib
from pathlib import Path

import numpy as np
import pikepdf
import pypdfium2 as pdfium
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foidesk.core.release_check.findings import CannotInspect, CannotSanitise, InspectionLimits
from foidesk.core.release_check.pdf import inspect_pdf
from foidesk.core.release_check.pdf_copy import sanitise_pdf
from tests.core.release_check.corpus import CorpusFile, every_byte
from tests.core.release_check.corpus_pdf import PDFS, _box, _pdf, _text, make_pdf

LIMITS = InspectionLimits()
RENDER_SCALE = 1.0
# Mean difference (0..255) between a page rendered before and after sanitising; resampling costs a little.
MAX_MEAN_PIXEL_DIFFERENCE = 3.0
WORDS = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=3, max_size=20)


def _render(path: Path) -> np.ndarray:
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[0]
        image = page.render(scale=RENDER_SCALE, draw_annots=True).to_pil().convert("L")
        return np.asarray(image, dtype=np.float64)
    finally:
        document.close()


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


def test_pdf_with_only_an_owner_password_cannot_be_inspected_but_can_be_sanitised(tmp_path: Path) -> None:
    path, target = tmp_path / "restricted.pdf", tmp_path / "clean.pdf"
    make_pdf(path, "", encryption=pikepdf.Encryption(user="", owner="owner"))
    with pytest.raises(CannotInspect, match="encrypted"):
        inspect_pdf(str(path), LIMITS)
    sanitise_pdf(str(path), str(target), LIMITS)
    assert inspect_pdf(str(target), LIMITS) == []


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
