"""The clean copy of a PDF: re-rendered pages, with nothing hidden and unapplied redactions applied."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
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
from tests.core.release_check.corpus_pdf import PDFS, REAL_TOOL_PDFS, VISIBLE_PDF, _box, _pdf, _text, make_pdf
from tests.fuzz.strategies import damage

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
    if entry in REAL_TOOL_PDFS:  # laid out by the tool: text somewhere on the page
        assert after.min() < 100
    else:  # the visible line is still there: dark pixels where it was written (72 pt in, 82 pt from the top)
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


def _text_of(path: Path) -> str:
    document = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_sanitised_pdf_keeps_only_its_visible_text_and_no_metadata(tmp_path: Path) -> None:
    source, target = tmp_path / "a.pdf", tmp_path / "b.pdf"
    next(e for e in PDFS if e.name == "info.pdf").build(source)
    sanitise_pdf(str(source), str(target), LIMITS)
    with pikepdf.open(target) as pdf:
        assert dict(pdf.trailer.Info.items()) == {"/Title": VISIBLE_PDF}  # the first line, shown on the page
        assert "/Metadata" not in pdf.Root
        assert len(pdf.pages) == 1
        assert [float(v) for v in pdf.pages[0].mediabox] == pytest.approx([0, 0, 595, 842], abs=0.5)
    assert _text_of(target).strip() == VISIBLE_PDF


@pytest.mark.parametrize("entry", PDFS, ids=lambda e: e.name)
def test_every_copy_extracts_the_visible_text_and_no_secret(entry: CorpusFile, tmp_path: Path) -> None:
    source, target = tmp_path / entry.name, tmp_path / f"clean-{entry.name}"
    entry.build(source)
    sanitise_pdf(str(source), str(target), LIMITS)
    text = " ".join(_text_of(target).split())
    for visible in entry.visible:
        assert visible in text
    if entry.secret:
        assert entry.secret not in text


def test_the_text_layer_is_tagged_with_language_title_and_marked_paragraphs(tmp_path: Path) -> None:
    source, target = tmp_path / "a.pdf", tmp_path / "b.pdf"
    make_pdf(source, _text(72, 600, "Second line of the answer"), lambda pdf, page: None)
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        pdf.Root.Lang = pikepdf.String("cy-GB")
        pdf.save(source)
    sanitise_pdf(str(source), str(target), LIMITS)
    with pikepdf.open(target) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "cy-GB"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        document = pdf.Root.StructTreeRoot.K
        paragraphs = list(document.K)
        assert [str(p.S) for p in paragraphs] == ["/P", "/P"]
        assert [int(p.K) for p in paragraphs] == [0, 1]
        assert paragraphs[0].Pg.objgen == pdf.pages[0].obj.objgen
        assert list(pdf.Root.StructTreeRoot.ParentTree.Nums[1]) == paragraphs
        content = pdf.pages[0].obj.Contents.read_bytes()
        assert b"/Artifact BMC" in content and b"/MCID 1" in content and b"3 Tr" in content
        assert b"beginbfchar" in pdf.pages[0].Resources.Font.T1.ToUnicode.read_bytes()
    assert inspect_pdf(str(target), LIMITS) == []


def test_a_language_that_is_not_a_tag_is_not_copied(tmp_path: Path) -> None:
    source, target = tmp_path / "a.pdf", tmp_path / "b.pdf"
    make_pdf(source, "")
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        pdf.Root.Lang = pikepdf.String("SECRET-PDF-lang: the officer's name")
        pdf.save(source)
    assert "pdf.unaccounted" in {f.code for f in inspect_pdf(str(source), LIMITS)}
    sanitise_pdf(str(source), str(target), LIMITS)
    assert b"SECRET-PDF-lang" not in every_byte(target)
    with pikepdf.open(target) as pdf:
        assert str(pdf.Root.Lang) == "en-GB"


def test_a_rotated_page_keeps_its_text_where_the_picture_shows_it(tmp_path: Path) -> None:
    source, target = tmp_path / "a.pdf", tmp_path / "b.pdf"
    make_pdf(source, "")
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        pdf.pages[0].Rotate = 90
        pdf.save(source)
    sanitise_pdf(str(source), str(target), LIMITS)
    document = pdfium.PdfDocument(str(target))
    try:
        textpage = document[0].get_textpage()
        assert textpage.get_text_range().strip() == VISIBLE_PDF
        left, bottom, right, top = textpage.get_charbox(0)
    finally:
        document.close()
    # the line starts 72 pt from the left and on a baseline 82 pt from the top of the 595 x 842 page;
    # turned clockwise the copy is 842 x 595 and the line runs down from (842 - 82, 595 - 72)
    assert left < 842 - 82 + 1 and right > 842 - 82 - 15
    assert bottom < 595 - 72 + 1 and top > 595 - 72 - 15


def test_an_edited_copy_loses_the_trust_in_its_text_layer(tmp_path: Path) -> None:
    """The seal covers the page: a secret slipped into the invisible layer of a copy is blocked."""
    source, target = tmp_path / "a.pdf", tmp_path / "b.pdf"
    make_pdf(source, "")
    sanitise_pdf(str(source), str(target), LIMITS)
    with pikepdf.open(target, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        extra = b"BT 3 Tr /T1 12 Tf 72 500 Td <0001> Tj ET"
        page.obj.Contents = pdf.make_stream(page.obj.Contents.read_bytes() + extra)
        pdf.save(target)
    assert "pdf.invisible_text" in {f.code for f in inspect_pdf(str(target), LIMITS)}


def test_a_copy_sanitised_again_keeps_its_text(tmp_path: Path) -> None:
    source, once, twice = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "c.pdf"
    make_pdf(source, _text(72, 600, "Kept twice"))
    sanitise_pdf(str(source), str(once), LIMITS)
    sanitise_pdf(str(once), str(twice), LIMITS)
    assert "Kept twice" in _text_of(twice)
    assert inspect_pdf(str(twice), LIMITS) == []


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
    damage(source, data)
    with contextlib.suppress(CannotInspect):
        inspect_pdf(str(source), LIMITS)
    try:
        sanitise_pdf(str(source), str(target), LIMITS)
    except CannotSanitise:
        return
    assert inspect_pdf(str(target), LIMITS) == []


@pytest.mark.parametrize(
    "name",
    ["layer-base-state-off.pdf", "layer-ocmd-not-expression.pdf", "layer-form-off.pdf", "layer-on.pdf"],
)
def test_text_in_a_layer_that_is_off_is_neither_in_the_picture_nor_in_the_text_layer(
    name: str, tmp_path: Path
) -> None:
    entry = next(e for e in PDFS if e.name == name)
    source, target = tmp_path / name, tmp_path / f"clean-{name}"
    entry.build(source)
    sanitise_pdf(str(source), str(target), LIMITS)
    ink = int((_render(target)[842 - 612 : 842 - 596, 60:400] < 128).sum())  # where line 2 is drawn
    if entry.is_clean:
        assert ink > 0 and "An ordinary layer, on" in _text_of(target)
    else:
        assert ink == 0
        assert "SECRET" not in _text_of(target)


def _square_annotation(paint: str) -> Callable[[object, object], None]:
    """A Square annotation over the line at 72, 500 whose appearance runs ``paint``."""

    def setup(pdf: object, page: object) -> None:
        assert isinstance(pdf, pikepdf.Pdf) and isinstance(page, pikepdf.Page)
        appearance = pikepdf.Stream(pdf, paint.encode())
        appearance.Type, appearance.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        appearance.BBox = [0, 0, 230, 24]
        square = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot,
            Subtype=pikepdf.Name.Square,
            Rect=[68, 494, 298, 518],
            AP=pikepdf.Dictionary(N=pdf.make_indirect(appearance)),
        )
        page.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(square)]))

    return setup


def test_text_under_an_opaque_annotation_leaves_the_copys_text_layer(tmp_path: Path) -> None:
    source, target = tmp_path / "a.pdf", tmp_path / "b.pdf"
    content = _text(72, 700, VISIBLE_PDF) + _text(72, 500, "SECRET-UNDER-SQUARE")
    make_pdf(source, content, _square_annotation("1 g 0 0 230 24 re f"))
    sanitise_pdf(str(source), str(target), LIMITS)
    text = _text_of(target)
    assert VISIBLE_PDF in text
    assert "SECRET" not in text and "SQUARE" not in text


def test_text_inside_an_annotations_outline_stays_in_the_copys_text_layer(tmp_path: Path) -> None:
    # Just inside the rule: a stroked square drawn around a line leaves the line's pixels as they were.
    source, target = tmp_path / "a.pdf", tmp_path / "b.pdf"
    content = _text(72, 700, VISIBLE_PDF) + _text(80, 502, "Boxed in")
    make_pdf(source, content, _square_annotation("0 G 1 w 0.5 0.5 229 23 re S"))
    sanitise_pdf(str(source), str(target), LIMITS)
    assert "Boxed in" in _text_of(target)
