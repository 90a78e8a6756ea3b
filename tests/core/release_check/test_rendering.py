"""The renderer's second opinion: real LibreOffice and real PDFium on real files.

Clean files made by python-docx, openpyxl, odfpy, LibreOffice and WeasyPrint pass; leaky files that the
main check misses are caught. LibreOffice is a Debian package (``.ci/run`` installs it): without it these
tests are skipped, except in CI, where they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pikepdf
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import H, P
from openpyxl.styles import Alignment

from foidesk.core.release_check import InspectionLimits, Severity, check_file, sanitise_file
from foidesk.core.release_check.findings import Finding
from foidesk.core.release_check.formats import FileFormat
from foidesk.core.release_check.rendering import (
    CANNOT_RENDER,
    TEXT_CLIPPED,
    TEXT_NOT_SHOWN,
    UNAVAILABLE,
    second_opinion,
)

LIMITS = InspectionLimits(render=True)
SECRET = "Okonkwoshadow"  # one word of letters: the second opinion compares words with a letter


@pytest.fixture(scope="module", autouse=True)
def soffice() -> str:
    found = shutil.which(LIMITS.render_command)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is missing in CI: .ci/run installs it")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


def _render_findings(path: Path, limits: InspectionLimits = LIMITS) -> list[Finding]:
    return [f for f in check_file(str(path), limits).findings if f.code.startswith("render.")]


def _second_opinion(path: Path) -> list[Finding]:
    """The renderer's findings on their own (the main check may learn the same leak later), and the
    gate as a whole blocks the file."""
    file_format = {".docx": FileFormat.DOCX, ".xlsx": FileFormat.XLSX, ".pdf": FileFormat.PDF}[path.suffix]
    findings = second_opinion(str(path), file_format, LIMITS)
    if any(f.severity is Severity.BLOCK for f in findings):
        assert check_file(str(path), LIMITS).blocked
    return findings


def _letter_docx(path: Path, extra: str = "") -> Path:
    document = docx.Document()
    document.add_heading("Freedom of Information request", 1)
    document.add_paragraph("Dear Ms Adeyemi, thank you for your request about staffing.")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Rank", "Headcount"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Constable", "1203"
    document.sections[0].footer.paragraphs[0].text = "Information Rights Unit"
    if extra:
        paragraph = document.add_paragraph()
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{extra}</w:r>"))
    document.add_paragraph("Yours sincerely, Information Manager")
    document.save(path)
    return path


def _workbook(path: Path, build: object = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Headcount"
    sheet.append(["Rank", "Headcount", "Note"])
    sheet.append(["Constable", 1203, "Includes probationers"])
    sheet.append(["Sergeant", 245, None])
    if callable(build):
        build(sheet)
    workbook.save(path)
    return path


def _odt(path: Path) -> Path:
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Response to request 01.FOI.26.000123"))
    document.text.addElement(P(text="We hold the information you asked for; it is set out below."))
    document.save(str(path))
    return path


def _ods(path: Path) -> Path:
    document = OpenDocumentSpreadsheet()
    table = Table(name="Stops")
    for values in (("Borough", "Stops"), ("Camden", "412"), ("Hackney", "388")):
        row = TableRow()
        for value in values:
            cell = (
                TableCell(valuetype="string")
                if not value.isdigit()
                else TableCell(valuetype="float", value=value)
            )
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def _letter_pdf(path: Path, extra: str = "") -> Path:
    from weasyprint import HTML  # here, not at the top: importing WeasyPrint costs collection a second

    HTML(
        string=f"""<html><body style="font-family: DejaVu Sans">
        <h1>Freedom of Information request</h1>
        <p>Dear Mr Nowak, thank you for your request about stop and search in Camden.</p>{extra}
        <p>Yours sincerely, Information Rights Unit</p></body></html>"""
    ).write_pdf(path)
    return path


def _libreoffice_copy(source: Path, kind: str, folder: Path) -> Path:
    """The file saved by LibreOffice itself, as an office worker's LibreOffice would save it."""
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation={profile}",
            "--convert-to",
            kind,
            "--outdir",
            str(folder / "lo"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return folder / "lo" / f"{source.stem}.{kind}"


# ------------------------------------------------------------------ clean files pass


def test_clean_files_of_every_rendered_format_pass_the_second_opinion(tmp_path: Path) -> None:
    files = [
        _letter_docx(tmp_path / "letter.docx"),
        _workbook(tmp_path / "book.xlsx"),
        _odt(tmp_path / "response.odt"),
        _ods(tmp_path / "stops.ods"),
        _letter_pdf(tmp_path / "letter.pdf"),
    ]
    for path in files:
        assert _render_findings(path) == [], path.name


def test_files_saved_by_libreoffice_pass_the_second_opinion(tmp_path: Path) -> None:
    made = [
        _libreoffice_copy(_odt(tmp_path / "response.odt"), "docx", tmp_path),
        _libreoffice_copy(_ods(tmp_path / "stops.ods"), "xlsx", tmp_path),
        _libreoffice_copy(_letter_docx(tmp_path / "letter.docx"), "pdf", tmp_path),
    ]
    for path in made:
        assert _render_findings(path) == [], path.name


def test_a_workbook_with_a_print_area_and_fit_to_page_is_judged_on_its_grid(tmp_path: Path) -> None:
    """Print areas and scaling are about paper: the reader of the workbook sees every cell."""

    def paper(sheet: object) -> None:
        sheet.print_area = "A1:A2"  # type: ignore[attr-defined]
        sheet.page_setup.fitToWidth = 1  # type: ignore[attr-defined]
        sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[attr-defined]
        for column in range(4, 60):
            sheet.cell(row=1, column=column, value=f"Heading {column}")  # type: ignore[attr-defined]

    assert _render_findings(_workbook(tmp_path / "paper.xlsx", paper)) == []


def test_the_apps_own_workbook_with_a_cover_wider_than_the_page_passes(tmp_path: Path) -> None:
    """LibreOffice cuts a wide cover sheet's text at the paper's edge; the reader of the grid sees it."""
    from foidesk.render.spreadsheets import ReleasedWorkbook, TableSheet, workbook_xlsx

    cover = [
        "Freedom of information request 01.FOI.22.024648.",
        "This workbook was generated from the released figures only; it contains no hidden sheets, rows, "
        "columns, formulas or comments.",
    ]
    table = TableSheet(
        name="Table 1",
        title="Table 1: Allegations where reflective practice was an outcome, by year",
        header=["Year", "Allegations"],
        rows=[["2020", 12], ["2021", 30]],
        notes=["Suppressed values are shown as [c]; see note 1."],
    )
    note = "Values from 1 to 4 are suppressed (shown as [c]) so that no one can be identified, and others "
    note += "so that they cannot be worked out from totals."
    workbook = ReleasedWorkbook(title="Response", cover=cover, tables=[table], notes=[("1", note)])
    path = tmp_path / "answers.xlsx"
    path.write_bytes(workbook_xlsx(workbook))
    assert _render_findings(path) == []


def test_a_clean_copy_is_rendered_again_and_kept(tmp_path: Path) -> None:
    copy = tmp_path / "copy.xlsx"
    report = sanitise_file(str(_workbook(tmp_path / "book.xlsx")), str(copy), LIMITS)
    assert report.clean and copy.exists()


# ------------------------------------------------------------------ leaky files the main check misses


def test_docx_text_lowered_off_the_page_is_blocked(tmp_path: Path) -> None:
    """A run lowered by 1,500 points (w:position) is not on any page LibreOffice draws."""
    path = _letter_docx(
        tmp_path / "lowered.docx", f'<w:rPr><w:position w:val="-3000"/></w:rPr><w:t>{SECRET}</w:t>'
    )
    findings = _second_opinion(path)
    assert [(f.code, f.severity) for f in findings] == [(TEXT_NOT_SHOWN, Severity.BLOCK)]
    assert SECRET.lower() in findings[0].message


def test_xlsx_text_pushed_out_of_its_cell_by_line_breaks_is_blocked(tmp_path: Path) -> None:
    """Six line breaks before the secret: a row of default height shows only the last lines."""

    def pushed(sheet: object) -> None:
        cell = sheet["E2"]  # type: ignore[index]
        cell.value = f"{SECRET}\n\n\n\n\n\nnothing here"
        cell.alignment = Alignment(wrap_text=True)

    findings = _second_opinion(_workbook(tmp_path / "pushed.xlsx", pushed))
    assert [(f.code, f.severity, f.where) for f in findings] == [
        (TEXT_NOT_SHOWN, Severity.BLOCK, "Headcount!E2")
    ]
    assert SECRET.lower() in findings[0].message


def test_xlsx_text_flowing_left_off_the_sheet_is_blocked(tmp_path: Path) -> None:
    def flowing(sheet: object) -> None:
        cell = sheet["E5"]  # type: ignore[index]
        cell.value = f"{SECRET} and then the words that are shown at the end of a long right-aligned note"
        cell.alignment = Alignment(horizontal="right")

    findings = _second_opinion(_workbook(tmp_path / "left.xlsx", flowing))
    assert [(f.code, f.severity) for f in findings] == [(TEXT_NOT_SHOWN, Severity.BLOCK)]
    assert SECRET.lower() in findings[0].message


def test_red_team_a_cell_clipped_by_its_neighbour_is_a_warning_not_a_pass(tmp_path: Path) -> None:
    """Just outside the block rule: a neighbour explains clipping, so a wholly clipped cell still warns.

    (A cell partly shown beside a neighbour passes: its text is cut in sight, as Excel shows it.)"""

    def clipped(sheet: object) -> None:
        sheet["A5"] = SECRET  # type: ignore[index]
        sheet.column_dimensions["A"].width = 0.3  # type: ignore[attr-defined]
        sheet["B5"] = "Beside it"  # type: ignore[index]

    findings = _second_opinion(_workbook(tmp_path / "clipped.xlsx", clipped))
    assert [(f.code, f.severity) for f in findings] == [(TEXT_CLIPPED, Severity.WARN)]
    assert SECRET.lower() in findings[0].message


def _pdf_with(pdf: pikepdf.Pdf, path: Path, content: bytes, resources: dict[str, object]) -> Path:
    helvetica = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
    )
    fonts = pikepdf.Dictionary(F1=helvetica, **resources.pop("fonts", {}))  # type: ignore[arg-type]
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(Font=fonts, **resources),
        Contents=pikepdf.Stream(
            pdf, b"BT /F1 12 Tf 72 760 Td (Dear Mr Nowak, here is our answer.) Tj ET " + content
        ),
    )
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    return path


def test_pdf_text_filled_with_a_white_tiling_pattern_is_blocked(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    tile = pikepdf.Stream(pdf, b"1 1 1 rg 0 0 10 10 re f")
    tile.PatternType, tile.PaintType, tile.TilingType = 1, 1, 1
    tile.BBox, tile.XStep, tile.YStep, tile.Resources = [0, 0, 10, 10], 10, 10, pikepdf.Dictionary()
    content = f"BT /Pattern cs /P1 scn /F1 12 Tf 72 700 Td ({SECRET}) Tj ET".encode()
    path = _pdf_with(pdf, tmp_path / "pattern.pdf", content, {"Pattern": pikepdf.Dictionary(P1=tile)})
    findings = _second_opinion(path)
    assert [(f.code, f.severity) for f in findings] == [(TEXT_NOT_SHOWN, Severity.BLOCK)]
    assert SECRET.lower() in findings[0].message


def test_pdf_text_in_a_type3_font_of_blank_glyphs_is_blocked(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    blank = pikepdf.Stream(pdf, b"500 0 d0")
    to_unicode = pikepdf.Stream(
        pdf,
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Blank def "
        b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <41> <5A> <0041> endbfrange "
        b"1 beginbfrange <61> <7A> <0061> endbfrange endcmap "
        b"CMapName currentdict /CMap defineresource pop end end",
    )
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type3,
        FontBBox=[0, 0, 500, 700],
        FontMatrix=[0.001, 0, 0, 0.001, 0, 0],
        CharProcs=pikepdf.Dictionary(g=blank),
        Encoding=pikepdf.Dictionary(Differences=[65, *[pikepdf.Name.g] * 58]),
        FirstChar=65,
        LastChar=122,
        Widths=[500] * 58,
        Resources=pikepdf.Dictionary(),
        ToUnicode=to_unicode,
    )
    content = f"BT /F3 12 Tf 72 700 Td ({SECRET}) Tj ET".encode()
    path = _pdf_with(pdf, tmp_path / "type3.pdf", content, {"fonts": {"F3": font}})
    findings = _second_opinion(path)
    assert [(f.code, f.severity) for f in findings] == [(TEXT_NOT_SHOWN, Severity.BLOCK)]
    assert SECRET.lower() in findings[0].message


# ------------------------------------------------------------------ the renderer missing, slow, or not asked


def test_a_missing_renderer_warns_by_default_and_blocks_when_required(tmp_path: Path) -> None:
    path = _letter_docx(tmp_path / "letter.docx")
    missing = InspectionLimits(render=True, render_command="foidesk-no-such-renderer")
    assert [(f.code, f.severity) for f in second_opinion(str(path), FileFormat.DOCX, missing)] == [
        (UNAVAILABLE, Severity.WARN)
    ]
    required = InspectionLimits(render=True, render_command="foidesk-no-such-renderer", render_required=True)
    assert [(f.code, f.severity) for f in second_opinion(str(path), FileFormat.DOCX, required)] == [
        (UNAVAILABLE, Severity.BLOCK)
    ]


def test_a_file_not_rendered_in_time_is_blocked_and_libreoffice_is_ended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    path = _letter_docx(tmp_path / "letter.docx")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(work))  # this call's LibreOffice runs under ``work``
    hurried = InspectionLimits(render=True, render_timeout_seconds=0.01)
    findings = second_opinion(str(path), FileFormat.DOCX, hurried)
    assert [(f.code, f.severity) for f in findings] == [(CANNOT_RENDER, Severity.BLOCK)]
    leftover = subprocess.run(["pgrep", "-f", str(work)], capture_output=True, text=True).stdout
    assert leftover.strip() == ""
    assert list(work.iterdir()) == []  # its profile and files are gone


def test_files_over_the_size_limit_and_unasked_files_get_no_second_opinion(tmp_path: Path) -> None:
    path = _letter_docx(
        tmp_path / "lowered.docx", f'<w:rPr><w:position w:val="-3000"/></w:rPr><w:t>{SECRET}</w:t>'
    )
    assert (
        second_opinion(str(path), FileFormat.DOCX, InspectionLimits(render=True, render_max_bytes=1000)) == []
    )
    assert second_opinion(str(path), FileFormat.DOCX, InspectionLimits(render=False)) == []
    assert second_opinion(str(path), FileFormat.CSV, LIMITS) == []


def test_a_file_the_main_check_blocks_is_not_rendered(tmp_path: Path) -> None:
    """The main check explains what is hidden; rendering it as well would only cost time."""
    document = docx.Document()
    run = document.add_paragraph().add_run(SECRET)
    run.font.hidden = True
    document.save(tmp_path / "vanish.docx")
    findings = check_file(str(tmp_path / "vanish.docx"), LIMITS).findings
    assert any(f.severity is Severity.BLOCK for f in findings)
    assert not any(f.code.startswith("render.") for f in findings)


def test_the_commands_take_no_render_and_keep_their_json_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    from foidesk.cli import main

    path = _letter_docx(
        tmp_path / "lowered.docx", f'<w:rPr><w:position w:val="-3000"/></w:rPr><w:t>{SECRET}</w:t>'
    )
    main(["check-release", str(path), "--json"])
    rendered = json.loads(capsys.readouterr().out)
    main(["check-release", str(path), "--json", "--no-render"])
    unrendered = json.loads(capsys.readouterr().out)
    codes = [
        {finding["code"] for finding in payload["files"][0]["findings"]} for payload in (rendered, unrendered)
    ]
    main_check_blocks = any(f["severity"] == "block" for f in unrendered["files"][0]["findings"])
    assert TEXT_NOT_SHOWN not in codes[1]
    assert (TEXT_NOT_SHOWN in codes[0]) is not main_check_blocks  # rendered only when the main check passes
    assert set(rendered["files"][0]) == set(unrendered["files"][0]) == {"path", "clean", "findings"}
    assert (
        main(
            [
                "sanitise",
                str(_workbook(tmp_path / "book.xlsx")),
                "-o",
                str(tmp_path / "c.xlsx"),
                "--no-render",
            ]
        )
        == 0
    )


def test_pdf_text_cut_at_the_page_edge_is_excused_only_when_shown_elsewhere(tmp_path: Path) -> None:
    """A wide table printed over pages is cut at each page's edge; a word cut there and shown nowhere
    else is hidden (red team: the excuse is not a way out for text placed off the page)."""
    pdf = pikepdf.new()
    content = f"BT /F1 12 Tf 650 700 Td (Nowak {SECRET}) Tj ET".encode()
    path = _pdf_with(pdf, tmp_path / "off-page.pdf", content, {})
    findings = second_opinion(str(path), FileFormat.PDF, LIMITS)
    assert [(f.code, f.severity) for f in findings] == [(TEXT_NOT_SHOWN, Severity.BLOCK)]
    assert SECRET.lower() in findings[0].message
    assert "nowak" not in findings[0].message  # "Dear Mr Nowak" is on the page


def test_a_word_cut_at_a_cell_edge_is_shown_by_a_start_long_enough_to_tell() -> None:
    """LibreOffice leaves out the letters it clips: "superintende" shows "superintendent", "su" does not."""
    from foidesk.core.release_check.render_pdf import RenderedWord
    from foidesk.core.release_check.rendering import _seen

    vocabulary = {"superintendent", "item", "with", "headcount", "as", "at"}
    shown = _seen(
        [RenderedWord(run, 1, True) for run in ("superintende", "witem", "headcountasat", "su")], vocabulary
    )
    assert {"superintendent", "item", "headcount", "as", "at"} <= shown
    assert "with" not in shown  # one letter of it tells nothing


SHAPE_OVER_NAME = (
    '<w:p><w:r><w:t xml:space="preserve">Officer: John Smith</w:t></w:r><w:r><w:pict>'
    '<v:rect style="position:absolute;margin-left:50pt;width:80pt;height:14pt;z-index:2" fillcolor="black"/>'
    "</w:pict></w:r></w:p>"
)


@pytest.mark.parametrize(
    "limits",
    [
        InspectionLimits(render=False),
        InspectionLimits(render=True, render_max_bytes=10),  # over the size the renderer takes
        InspectionLimits(render=True, render_command="/nonexistent/soffice"),  # LibreOffice missing
    ],
    ids=["renderer-off", "too-big-to-render", "renderer-missing"],
)
def test_a_shape_that_may_cover_words_blocks_when_no_rendering_was_made(
    tmp_path: Path, limits: InspectionLimits
) -> None:
    from tests.core.release_check.corpus_documents import make_docx

    path = tmp_path / "box-over-name.docx"
    make_docx(path, SHAPE_OVER_NAME)
    report = check_file(str(path), limits)
    found = {f.code: f.severity for f in report.findings}
    assert found.get("docx.shape_over_text") is Severity.BLOCK, report.findings
    copy = tmp_path / "copy.docx"
    sanitise_file(str(path), str(copy), InspectionLimits(render=False))  # the shape is left out
    assert not check_file(str(copy), limits).blocked


def test_a_shape_beside_words_rendered_is_only_warned_of(tmp_path: Path) -> None:
    if not shutil.which("soffice"):
        pytest.skip("LibreOffice is not installed")
    from tests.core.release_check.corpus_documents import make_docx

    beside = SHAPE_OVER_NAME.replace("margin-left:50pt", "margin-left:400pt").replace("fillcolor", "filled")
    path = tmp_path / "box-beside.docx"
    make_docx(path, beside)
    report = check_file(str(path), LIMITS)
    assert {f.code: f.severity for f in report.findings}.get("docx.shape_over_text") is Severity.WARN
