"""The release gate on DOCX and ODT: what a reader of the page does not see, and a fresh clean copy."""

from __future__ import annotations

import contextlib
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from odf import teletype
from odf.opendocument import load
from odf.text import H, P

from foidesk.core.release_check.documents import inspect_docx, inspect_odt, sanitise_docx, sanitise_odt
from foidesk.core.release_check.findings import CannotInspect, CannotSanitise, InspectionLimits, Severity
from tests.core.release_check.corpus import CorpusFile, every_byte
from tests.core.release_check.corpus_documents import DOCX, ODT, Rel, _drawing, make_docx, make_odt, w_p
from tests.core.release_check.corpus_docx_red_team import DOCX_RED_TEAM
from tests.core.release_check.corpus_odt_red_team import ODT_RED_TEAM
from tests.fuzz.strategies import damage

LIMITS = InspectionLimits()


def _inspect(path: Path) -> set[str]:
    inspect = inspect_docx if path.suffix == ".docx" else inspect_odt
    return {finding.code for finding in inspect(str(path), LIMITS)}


def _sanitise(source: Path, target: Path) -> None:
    sanitise = sanitise_docx if source.suffix == ".docx" else sanitise_odt
    sanitise(str(source), str(target), LIMITS)


def _docx_text(path: Path) -> str:
    """Everything python-docx reads back: body paragraphs, table cells, headers and footers."""
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        texts += [p.text for p in section.header.paragraphs] + [p.text for p in section.footer.paragraphs]
    return "\n".join(texts)


def _odt_text(path: Path) -> str:
    document = load(str(path))
    return "\n".join(teletype.extractText(e) for kind in (P, H) for e in document.getElementsByType(kind))


def _read_back(path: Path) -> str:
    return _docx_text(path) if path.suffix == ".docx" else _odt_text(path)


@pytest.mark.parametrize("entry", DOCX + DOCX_RED_TEAM + ODT + ODT_RED_TEAM, ids=lambda e: e.name)
def test_corpus_document_findings_are_exactly_the_expected_ones(entry: CorpusFile, tmp_path: Path) -> None:
    path = tmp_path / entry.name
    entry.build(path)
    assert _inspect(path) == entry.expected


@pytest.mark.parametrize("entry", DOCX + DOCX_RED_TEAM + ODT + ODT_RED_TEAM, ids=lambda e: e.name)
def test_document_sanitises_to_a_clean_copy_that_keeps_the_visible_text(
    entry: CorpusFile, tmp_path: Path
) -> None:
    source, target = tmp_path / entry.name, tmp_path / f"clean-{entry.name}"
    entry.build(source)
    if entry.secret:
        assert entry.secret.encode() in every_byte(source)
    _sanitise(source, target)
    assert _inspect(target) == set()
    if entry.secret:
        assert entry.secret.encode() not in every_byte(target)
    shown = _read_back(target)
    for visible in entry.visible:
        assert visible in shown


def test_the_original_visible_text_is_readable_by_python_docx(tmp_path: Path) -> None:
    path = tmp_path / "tracked.docx"
    next(e for e in DOCX if e.name == "tracked-changes.docx").build(path)
    assert "Dear requester" in _docx_text(path)


def test_sanitised_docx_keeps_the_picture_without_its_metadata(tmp_path: Path) -> None:
    source, target = tmp_path / "a.docx", tmp_path / "b.docx"
    next(e for e in DOCX if e.name == "picture-exif.docx").build(source)
    sanitise_docx(str(source), str(target), LIMITS)
    with zipfile.ZipFile(target) as archive:
        media = [n for n in archive.namelist() if n.startswith("word/media/")]
    assert len(media) == 1
    assert len(docx.Document(str(target)).inline_shapes) == 1


def test_sanitised_docx_has_no_author_thumbnail_or_custom_xml(tmp_path: Path) -> None:
    source, target = tmp_path / "a.docx", tmp_path / "b.docx"
    next(e for e in DOCX if e.name == "core-properties.docx").build(source)
    sanitise_docx(str(source), str(target), LIMITS)
    properties = docx.Document(str(target)).core_properties
    assert properties.author == ""
    assert properties.last_modified_by == ""
    with zipfile.ZipFile(target) as archive:
        assert not [n for n in archive.namelist() if n.startswith(("customXml/", "docProps/thumbnail"))]


def test_tracked_changes_are_accepted_in_the_clean_copy(tmp_path: Path) -> None:
    source, target = tmp_path / "a.docx", tmp_path / "b.docx"
    next(e for e in DOCX if e.name == "tracked-changes.docx").build(source)
    sanitise_docx(str(source), str(target), LIMITS)
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    assert "The answer is withheld under section 40(2)" in paragraphs


def test_field_result_is_kept_as_plain_text(tmp_path: Path) -> None:
    source, target = tmp_path / "a.docx", tmp_path / "b.docx"
    next(e for e in DOCX if e.name == "field-code.docx").build(source)
    sanitise_docx(str(source), str(target), LIMITS)
    assert "Included summary" in _docx_text(target)
    with zipfile.ZipFile(target) as archive:
        assert b"instrText" not in archive.read("word/document.xml")


def test_footnotes_are_kept_as_numbered_notes(tmp_path: Path) -> None:
    source, target = tmp_path / "a.docx", tmp_path / "b.docx"
    next(e for e in DOCX if e.name == "header-and-footnote.docx").build(source)
    sanitise_docx(str(source), str(target), LIMITS)
    text = _docx_text(target)
    assert "Complaints rose[1]" in text
    assert "[1] Source: published statistics" in text


def test_hidden_text_is_a_block_and_metadata_a_warning(tmp_path: Path) -> None:
    hidden, meta = tmp_path / "h.docx", tmp_path / "m.docx"
    next(e for e in DOCX if e.name == "hidden-run.docx").build(hidden)
    next(e for e in DOCX if e.name == "core-properties.docx").build(meta)
    assert [f.severity for f in inspect_docx(str(hidden), LIMITS)] == [Severity.BLOCK]
    assert [f.severity for f in inspect_docx(str(meta), LIMITS)] == [Severity.WARN]


def test_white_text_on_a_white_cell_fill_is_still_white_text(tmp_path: Path) -> None:
    path = tmp_path / "w.docx"
    cell = '<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:fill="FFFFFF"/></w:tcPr>'
    make_docx(path, cell + w_p("SECRET", '<w:color w:val="FEFEFE"/>') + "</w:tc></w:tr></w:tbl>")
    assert _inspect(path) == {"docx.white_text"}


def test_empty_file_cannot_be_inspected(tmp_path: Path) -> None:
    for name in ("empty.docx", "empty.odt"):
        path = tmp_path / name
        path.write_bytes(b"")
        with pytest.raises(CannotInspect):
            _inspect(path)


def test_password_protected_office_file_cannot_be_inspected(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    )  # an OLE compound file: Word's encryption
    with pytest.raises(CannotInspect, match="password"):
        inspect_docx(str(path), LIMITS)
    with pytest.raises(CannotSanitise):
        sanitise_docx(str(path), str(tmp_path / "out.docx"), LIMITS)


def test_truncated_docx_cannot_be_inspected(tmp_path: Path) -> None:
    whole, cut = tmp_path / "whole.docx", tmp_path / "cut.docx"
    make_docx(whole, w_p("text"))
    cut.write_bytes(whole.read_bytes()[:-60])
    with pytest.raises(CannotInspect):
        inspect_docx(str(cut), LIMITS)


def test_a_zip_that_is_not_a_word_document_cannot_be_inspected(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(CannotInspect):
        inspect_docx(str(path), LIMITS)


def test_xml_entity_expansion_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "billion.docx"
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&b;</w:styles>'
    )
    make_docx(path, "", parts={"word/styles.xml": bomb})
    with pytest.raises(CannotInspect):
        inspect_docx(str(path), LIMITS)


def test_package_over_the_size_limit_cannot_be_inspected(tmp_path: Path) -> None:
    path = tmp_path / "big.docx"
    make_docx(path, w_p("x" * 5000))
    with pytest.raises(CannotInspect, match="limit"):
        inspect_docx(str(path), InspectionLimits(max_uncompressed_bytes=1000))


def test_password_protected_odt_cannot_be_inspected(tmp_path: Path) -> None:
    path = tmp_path / "locked.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b"\x8a\x01encrypted bytes")
        archive.writestr("META-INF/manifest.xml", "<manifest><manifest:encryption-data/></manifest>")
    with pytest.raises(CannotInspect, match="password"):
        inspect_odt(str(path), LIMITS)


RUNS = st.lists(
    st.tuples(st.text(alphabet="abcdefghjkmnpqrstuvwxyz", min_size=4, max_size=12), st.booleans()),
    min_size=1,
    max_size=6,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(runs=RUNS)
def test_hidden_runs_are_found_and_only_visible_runs_survive(
    tmp_path: Path, runs: list[tuple[str, bool]]
) -> None:
    words = [(f"W{index}{word}Z", hidden) for index, (word, hidden) in enumerate(runs)]
    body = "".join(w_p(word, "<w:vanish/>" if hidden else "") for word, hidden in words)
    source, target = tmp_path / "a.docx", tmp_path / "b.docx"
    make_docx(source, body)
    assert ("docx.hidden_text" in _inspect(source)) == any(hidden for _, hidden in words)
    sanitise_docx(str(source), str(target), LIMITS)
    shown = _docx_text(target)
    for word, hidden in words:
        assert (word in shown) != hidden
        assert (word.encode() in every_byte(target)) != hidden


def test_a_picture_that_cannot_be_checked_is_replaced_by_a_note(tmp_path: Path) -> None:
    source, target = tmp_path / "a.docx", tmp_path / "b.docx"
    make_docx(
        source,
        _drawing("rId7"),
        parts={"word/media/image1.emf": b"\x01\x00\x00\x00 SECRET-DOCX-vector drawing"},
        rels=[Rel("rId7", "image", "media/image1.emf")],
    )
    assert _inspect(source) == {"docx.image_metadata"}
    sanitise_docx(str(source), str(target), LIMITS)
    assert "[picture omitted" in _docx_text(target)
    assert b"SECRET-DOCX-vector" not in every_byte(target)


def _replace_member(path: Path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(path) as source:
        members = {member: source.read(member) for member in source.namelist()}
    members[name] = data
    with zipfile.ZipFile(path, "w") as target:
        for member, content in members.items():
            target.writestr(member, content)


def test_strict_office_open_xml_is_refused_rather_than_passed(tmp_path: Path) -> None:
    path = tmp_path / "strict.docx"
    make_docx(path, "")
    strict = (
        '<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body><w:p><w:r>'
        "<w:rPr><w:vanish/></w:rPr><w:t>SECRET</w:t></w:r></w:p></w:body></w:document>"
    )
    _replace_member(path, "word/document.xml", strict.encode())
    with pytest.raises(CannotInspect, match="Transitional"):
        inspect_docx(str(path), LIMITS)


def test_an_odt_package_holding_a_spreadsheet_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sheet.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "content.xml",
            '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
            "<office:body><office:spreadsheet/></office:body></office:document-content>",
        )
    with pytest.raises(CannotInspect):
        inspect_odt(str(path), LIMITS)


def test_a_zip_bomb_posing_as_a_document_is_refused_before_it_is_inflated(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    make_docx(path, "")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/padding.bin", b"\0" * 30_000_000)  # deflates about a thousandfold
    with pytest.raises(CannotInspect, match="zip bomb"):
        inspect_docx(str(path), LIMITS)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_damaged_document_is_read_or_refused_never_crashes(tmp_path: Path, data: st.DataObject) -> None:
    entry = data.draw(st.sampled_from([e for e in DOCX + ODT if e.name in ("comments.docx", "comment.odt")]))
    source, target = tmp_path / entry.name, tmp_path / f"clean-{entry.name}"
    entry.build(source)
    damage(source, data)
    with contextlib.suppress(CannotInspect):
        _inspect(source)
    try:
        _sanitise(source, target)
    except CannotSanitise:
        return
    assert _inspect(target) == set()


DATA = Path(__file__).parents[2] / "data" / "release_check"
LIBREOFFICE_FILES = {
    "libreoffice-text-box-footnote.docx": ("Boxed note text", "Source: published statistics", "Year"),
    "libreoffice-text-box-footnote.odt": ("Boxed note text", "Source: published statistics", "Year"),
    "libreoffice-from-html.docx": ("reversed out", "the disclosure log", "2023"),
    "libreoffice-from-html.odt": ("reversed out", "the disclosure log", "2023"),
    "libreoffice-round-trip.docx": ("Response to your request", "A list item", "FOI response"),
    "libreoffice-from-python-docx.odt": ("Response to your request", "A list item", "FOI response"),
}


@pytest.mark.parametrize("name", sorted(LIBREOFFICE_FILES))
def test_documents_saved_by_libreoffice_pass_and_sanitise_keeping_their_text(
    name: str, tmp_path: Path
) -> None:
    """Saved by LibreOffice 7 headless (text boxes, footnotes, white on dark cells, lists, headers)."""
    source, target = DATA / name, tmp_path / f"clean-{name}"
    inspect = inspect_docx if name.endswith(".docx") else inspect_odt
    blocks = [f for f in inspect(str(source), LIMITS) if f.severity is Severity.BLOCK]
    assert blocks == []
    _sanitise(source, target)
    assert _inspect(target) == set()
    shown = _read_back(target)
    for text in LIBREOFFICE_FILES[name]:
        assert text in shown


def test_a_document_written_by_python_docx_passes_with_warnings_at_most(tmp_path: Path) -> None:
    source, target = tmp_path / "made.docx", tmp_path / "clean.docx"
    document = docx.Document()
    document.add_heading("Response to your request", 1)
    paragraph = document.add_paragraph("Plain and ")
    paragraph.add_run("bold").bold = True
    table = document.add_table(rows=2, cols=2)
    table.style = "Light Grid Accent 1"
    table.cell(0, 0).text = "Year"
    table.cell(1, 0).text = "2023"
    document.add_paragraph("A point", style="List Bullet")
    document.sections[0].header.paragraphs[0].text = "FOI response"
    document.save(str(source))
    assert all(f.severity is Severity.WARN for f in inspect_docx(str(source), LIMITS))
    _sanitise(source, target)
    assert _inspect(target) == set()
    shown = _docx_text(target)
    for text in ("Response to your request", "Plain and bold", "Year", "A point", "FOI response"):
        assert text in shown


SPAN_LOOKS = {
    "plain": "",
    "hidden": 'text:display="none"',
    "white": 'fo:color="#ffffff"',
    "tiny": 'fo:font-size="1%"',
}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spans=st.lists(st.sampled_from(sorted(SPAN_LOOKS)), min_size=1, max_size=6))
def test_odt_spans_a_reader_cannot_see_are_found_and_only_visible_spans_survive(
    tmp_path: Path, spans: list[str]
) -> None:
    """Each span gets a named style in styles.xml, inherited by an automatic style in content.xml."""
    named = "".join(
        f'<style:style style:name="N{i}" style:family="text">'
        f"<style:text-properties {SPAN_LOOKS[k]}/></style:style>"
        for i, k in enumerate(spans)
    )
    automatic = "".join(
        f'<style:style style:name="A{i}" style:family="text" style:parent-style-name="N{i}"/>'
        for i in range(len(spans))
    )
    body = (
        "<text:p>"
        + " ".join(
            f'<text:span text:style-name="A{i}">W{i}{kind}Z</text:span>' for i, kind in enumerate(spans)
        )
        + "</text:p>"
    )
    source, target = tmp_path / "a.odt", tmp_path / "b.odt"
    make_odt(source, body, automatic=automatic, styles=f"<office:styles>{named}</office:styles>")
    expected = {f"odt.{kind}_text" for kind in spans if kind != "plain"}
    assert _inspect(source) == expected
    sanitise_odt(str(source), str(target), LIMITS)
    shown = _odt_text(target)
    for index, kind in enumerate(spans):
        word = f"W{index}{kind}Z"
        assert (word in shown) == (kind == "plain")
        assert (word.encode() in every_byte(target)) == (kind == "plain")
