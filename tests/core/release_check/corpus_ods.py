"""ODS files for the release gate, written with odfpy: hidden tables, rows, columns, annotations, formulas,
metadata, named expressions, database ranges.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_xlsx_build import SUMMARY_ROWS, VISIBLE, rewrite_zip

# ------------------------------------------------------------------ ODS


def ods(edit: Callable[[object, object], None]) -> Callable[[Path], None]:
    """An ODS with the summary table, then ``edit(document, table)`` adds the leak."""

    def build(path: Path) -> None:
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import Table

        document = OpenDocumentSpreadsheet()
        table = Table(name="Headcount")
        for row in SUMMARY_ROWS:
            table.addElement(ods_row(row))
        document.spreadsheet.addElement(table)
        edit(document, table)
        document.save(str(path))

    return build


def ods_row(values: list[object], **attributes: object) -> object:
    from odf.table import TableCell, TableRow
    from odf.text import P

    row = TableRow(**attributes)
    for value in values:
        if isinstance(value, int | float):
            cell = TableCell(valuetype="float", value=value)
        else:
            cell = TableCell(valuetype="string")
        cell.addElement(P(text=str(value)))
        row.addElement(cell)
    return row


def _ods_hidden_sheet(document: object, table: object) -> None:
    from odf.style import Style, TableProperties
    from odf.table import Table

    hidden = Style(name="taHidden", family="table")
    hidden.addElement(TableProperties(display="false"))
    document.automaticstyles.addElement(hidden)  # type: ignore[attr-defined]
    staff = Table(name="Staff", stylename=hidden)
    staff.addElement(ods_row(["SECRET-ODS-HIDDEN-SHEET", 40123]))
    document.spreadsheet.addElement(staff)  # type: ignore[attr-defined]


def _ods_hidden_row(document: object, table: object) -> None:
    table.addElement(ods_row(["SECRET-ODS-HIDDEN-ROW", 1], visibility="collapse"))  # type: ignore[attr-defined]


def _ods_hidden_column(document: object, table: object) -> None:
    from odf.table import TableColumn

    table.insertBefore(TableColumn(numbercolumnsrepeated=2), table.firstChild)  # type: ignore[attr-defined]
    table.insertBefore(TableColumn(visibility="collapse"), table.childNodes[1])  # type: ignore[attr-defined]
    table.childNodes[2].addElement(_ods_cell("SECRET-ODS-HIDDEN-COLUMN"))  # type: ignore[attr-defined]


def _ods_cell(text: str, **attributes: object) -> object:
    from odf.table import TableCell
    from odf.text import P

    cell = TableCell(valuetype="string", **attributes)
    cell.addElement(P(text=text))
    return cell


def _ods_annotation(document: object, table: object) -> None:
    from odf.office import Annotation
    from odf.text import P

    cell = table.childNodes[1].childNodes[1]  # type: ignore[attr-defined]
    note = Annotation()
    note.addElement(P(text="SECRET-ODS-ANNOTATION"))
    cell.addElement(note)


def _ods_formula(document: object, table: object) -> None:
    from odf.table import TableCell
    from odf.text import P

    cell = TableCell(valuetype="float", value=1509, formula='of:=SUM([.B2:.B4])+0*LEN("SECRET-ODS-FORMULA")')
    cell.addElement(P(text="1509"))
    table.childNodes[0].addElement(cell)  # type: ignore[attr-defined]


def _ods_white_text(document: object, table: object) -> None:
    from odf.style import Style, TextProperties

    white = Style(name="ceWhite", family="table-cell")
    white.addElement(TextProperties(color="#ffffff"))
    document.automaticstyles.addElement(white)  # type: ignore[attr-defined]
    table.childNodes[1].addElement(_ods_cell("SECRET-ODS-WHITE", stylename=white))  # type: ignore[attr-defined]


def _ods_meta(document: object, table: object) -> None:
    from odf import dc, meta

    document.meta.addElement(meta.InitialCreator(text="SECRET-ODS-AUTHOR"))  # type: ignore[attr-defined]
    document.meta.addElement(dc.Creator(text="SECRET-ODS-AUTHOR"))  # type: ignore[attr-defined]


def _ods_user_defined(document: object, table: object) -> None:
    from odf import meta

    document.meta.addElement(meta.UserDefined(name="Reviewer", text="SECRET-ODS-CUSTOM"))  # type: ignore[attr-defined]


def _ods_named_expression(document: object, table: object) -> None:
    from odf.table import NamedExpression, NamedExpressions

    names = NamedExpressions()
    names.addElement(NamedExpression(name="Note", expression='of:="SECRET-ODS-NAME"'))
    document.spreadsheet.addElement(names)  # type: ignore[attr-defined]


def _ods_database(document: object, table: object) -> None:
    from odf.table import DatabaseRange, DatabaseRanges, DatabaseSourceSql

    ranges = DatabaseRanges()
    database = DatabaseRange(name="HR", targetrangeaddress="Headcount.A1:Headcount.B4")
    database.addElement(
        DatabaseSourceSql(databasename="SECRET-ODS-DATABASE", sqlstatement="SELECT * FROM staff")
    )
    ranges.addElement(database)
    document.spreadsheet.addElement(ranges)  # type: ignore[attr-defined]


def _ods_pilot(document: object, table: object) -> None:
    from odf.table import DataPilotTable, DataPilotTables

    pilots = DataPilotTables()
    pilots.addElement(DataPilotTable(name="SECRET-ODS-PIVOT", targetrangeaddress="Headcount.D1:Headcount.E4"))
    document.spreadsheet.addElement(pilots)  # type: ignore[attr-defined]


def _ods_personal(document: object, table: object) -> None:
    table.addElement(ods_row(["Contact", "jane.officer@example.police.uk"]))  # type: ignore[attr-defined]


def _ods_covered(document: object, table: object) -> None:
    from odf.table import CoveredTableCell, TableCell, TableRow
    from odf.text import P

    row = TableRow()
    merged = TableCell(valuetype="string", numbercolumnsspanned=2)
    merged.addElement(P(text="Total"))
    covered = CoveredTableCell(valuetype="string")
    covered.addElement(P(text="SECRET-ODS-COVERED"))
    row.addElement(merged)
    row.addElement(covered)
    table.addElement(row)  # type: ignore[attr-defined]


def _ods_macro(path: Path) -> None:
    ods(lambda document, table: None)(path)
    rewrite_zip(
        path, lambda parts: parts.update({"Basic/Standard/Module1.xml": b"<module>SECRET-ODS-MACRO</module>"})
    )


def _ods_entries() -> list[CorpusFile]:
    return [
        leaky(
            "ods_hidden_sheet.ods",
            ods(_ods_hidden_sheet),
            {"ods.hidden_sheet"},
            "SECRET-ODS-HIDDEN-SHEET",
            *VISIBLE,
        ),
        leaky(
            "ods_hidden_row.ods", ods(_ods_hidden_row), {"ods.hidden_row"}, "SECRET-ODS-HIDDEN-ROW", *VISIBLE
        ),
        leaky(
            "ods_hidden_column.ods",
            ods(_ods_hidden_column),
            {"ods.hidden_column"},
            "SECRET-ODS-HIDDEN-COLUMN",
            *VISIBLE,
        ),
        leaky("ods_annotation.ods", ods(_ods_annotation), {"ods.comment"}, "SECRET-ODS-ANNOTATION", *VISIBLE),
        leaky("ods_formula.ods", ods(_ods_formula), {"ods.formula"}, "SECRET-ODS-FORMULA", *VISIBLE),
        leaky(
            "ods_white_text.ods", ods(_ods_white_text), {"ods.invisible_text"}, "SECRET-ODS-WHITE", *VISIBLE
        ),
        leaky("ods_meta.ods", ods(_ods_meta), {"ods.document_properties"}, "SECRET-ODS-AUTHOR", *VISIBLE),
        leaky(
            "ods_user_defined.ods",
            ods(_ods_user_defined),
            {"ods.custom_properties"},
            "SECRET-ODS-CUSTOM",
            *VISIBLE,
        ),
        leaky(
            "ods_named_expression.ods",
            ods(_ods_named_expression),
            {"ods.name_with_data"},
            "SECRET-ODS-NAME",
            *VISIBLE,
        ),
        leaky(
            "ods_database.ods", ods(_ods_database), {"ods.data_connection"}, "SECRET-ODS-DATABASE", *VISIBLE
        ),
        leaky("ods_pivot.ods", ods(_ods_pilot), {"ods.pivot_table"}, "SECRET-ODS-PIVOT", *VISIBLE),
        leaky(
            "ods_personal.ods",
            ods(_ods_personal),
            {"ods.personal_data"},
            "jane.officer@example.police.uk",
            *VISIBLE,
        ),
        leaky(
            "ods_covered.ods",
            ods(_ods_covered),
            {"ods.merged_hidden_value"},
            "SECRET-ODS-COVERED",
            *VISIBLE,
            "Total",
        ),
        leaky("ods_macro.ods", _ods_macro, {"ods.macro"}, "SECRET-ODS-MACRO", *VISIBLE),
        clean("clean_summary.ods", ods(lambda document, table: None), *VISIBLE),
    ]
