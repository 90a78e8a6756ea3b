# ruff: noqa: E501  (the corpus carries XML written out by hand; its lines are data)
"""XLSX files for the release gate: hidden sheets, rows, columns, names, comments, formats, properties,
parts, and clean workbooks that only look alarming.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_xlsx_build import (
    MAIN_NS,
    REL_NS,
    VISIBLE,
    rewrite_zip,
    summary_workbook,
    xlsx,
    xlsx_with_parts,
    xlsx_with_sheet_xml,
)


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
