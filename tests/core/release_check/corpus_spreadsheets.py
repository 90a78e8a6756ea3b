"""Spreadsheets, CSV files and ZIP archives for the release gate, generated at test time.

Each leaky file carries one kind of leak (and a secret string where something is hidden), each clean file
only looks alarming. XLSX files start from openpyxl (creator cleared, as a careful exporter would) and are
then edited part by part where openpyxl cannot write the leak; ODS files come from odfpy. The files are in
corpus_xlsx (building blocks in corpus_xlsx_build), corpus_ods, corpus_csv_zip and corpus_bad_inputs;
``entries()`` gathers them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from tests.core.release_check.corpus import CorpusFile
from tests.core.release_check.corpus_bad_inputs import BAD_INPUTS as BAD_INPUTS
from tests.core.release_check.corpus_bad_inputs import encrypted_xlsx as encrypted_xlsx
from tests.core.release_check.corpus_bad_inputs import nested_zips as nested_zips
from tests.core.release_check.corpus_bad_inputs import pdf_named_xlsx as pdf_named_xlsx
from tests.core.release_check.corpus_bad_inputs import zip_bomb as zip_bomb
from tests.core.release_check.corpus_csv_zip import CSV_HEAD as CSV_HEAD
from tests.core.release_check.corpus_csv_zip import _csv_entries, _zip_entries
from tests.core.release_check.corpus_csv_zip import zip_of as zip_of
from tests.core.release_check.corpus_ods import _ods_entries
from tests.core.release_check.corpus_ods import ods as ods
from tests.core.release_check.corpus_ods import ods_row as ods_row
from tests.core.release_check.corpus_xlsx import _clean_xlsx_entries, _xlsx_entries
from tests.core.release_check.corpus_xlsx import _hidden_sheet as _hidden_sheet
from tests.core.release_check.corpus_xlsx_build import VISIBLE as VISIBLE
from tests.core.release_check.corpus_xlsx_build import plain_row as plain_row
from tests.core.release_check.corpus_xlsx_build import raw_xlsx as raw_xlsx
from tests.core.release_check.corpus_xlsx_build import rewrite_zip as rewrite_zip
from tests.core.release_check.corpus_xlsx_build import summary_workbook as summary_workbook
from tests.core.release_check.corpus_xlsx_build import xlsx as xlsx


def entries() -> list[CorpusFile]:
    from tests.core.release_check import corpus_ods_red, corpus_xlsx_red

    return (
        _xlsx_entries()
        + _clean_xlsx_entries()
        + corpus_xlsx_red.entries()
        + _ods_entries()
        + corpus_ods_red.entries()
        + _csv_entries()
        + _zip_entries()
    )


# ------------------------------------------------------------------ reading a copy back


def visible_text(path: Path) -> str:
    """Every value a reader sees in a spreadsheet, CSV or archive of them, read by the real libraries."""
    data = path.read_bytes()
    if data.startswith(b"PK") and path.suffix.lower() == ".zip":
        parts = []
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                member = path.with_name(f"{path.stem}-read-{Path(name).name}")
                member.write_bytes(archive.read(name))
                parts.append(visible_text(member))
                member.unlink()
        return "\n".join(parts)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        workbook = openpyxl.load_workbook(path, read_only=True)
        values = [
            str(v)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for v in row
            if v is not None
        ]
        workbook.close()
        return "\n".join(values)
    if path.suffix.lower() == ".ods":
        from odf import teletype
        from odf.opendocument import load
        from odf.table import TableCell

        document = load(str(path))
        return "\n".join(
            teletype.extractText(cell) for cell in document.spreadsheet.getElementsByType(TableCell)
        )
    return data.decode("utf-8-sig")
