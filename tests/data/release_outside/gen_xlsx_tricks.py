# ruff: noqa: E501 - the corpus is written as literal XML, HTML and PDF operators, kept on one line each
"""Building blocks of the outside corpus's XLSX files: openpyxl and xlsxwriter workbooks, styles, palettes,
layouts, conditional formats, parts and shapes edited as XML the way other tools write them.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
from common import add_override, add_rel, fix_zip_times, member, rezip
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule, DataBarRule, FormulaRule, IconSetRule
from openpyxl.styles import Alignment, Color, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table

CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
HEADER = ["Case", "Outcome", "Days"]


def _book(visible: list[str]) -> tuple[openpyxl.Workbook, object]:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Requests"
    sheet.append(HEADER)
    for number, text in enumerate(visible, start=1):
        sheet.append([f"FOI-{number:04d}", text, number * 3])
    sheet.column_dimensions["B"].width = 30  # every outcome shows in full; only the planted secret is cut
    book.properties.creator = None
    return book, sheet


def _save(book: openpyxl.Workbook, path: Path) -> None:
    import datetime as dt

    book.properties.created = dt.datetime(2024, 3, 1, 9, 30)
    book.properties.modified = dt.datetime(2024, 3, 1, 9, 30)
    book.save(path)
    fix_zip_times(path)


def styled(
    font: Font | None = None,
    fill: PatternFill | None = None,
    fmt: str | None = None,
    numeric: bool = False,
    align: Alignment | None = None,
    row_height: float | None = None,
):
    """A workbook whose cell B<n> holds the secret with the given look."""

    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, sheet = _book(visible)
        row = len(visible) + 2
        sheet.cell(row, 1, f"FOI-{row:04d}")
        cell = sheet.cell(row, 2, int(secret) if numeric else secret)
        if font:
            cell.font = font
        if fill:
            cell.fill = fill
        if fmt:
            cell.number_format = fmt
        if align:
            cell.alignment = align
            sheet.cell(row, 3, "x")
        if row_height is not None:
            sheet.row_dimensions[row].height = row_height
        _save(book, path)

    return build


def _styles_edit(path: Path, change) -> None:
    rezip(path, {"xl/styles.xml": change(member(path, "xl/styles.xml")).encode()})


def _sheet_edit(path: Path, change, part: str = "xl/worksheets/sheet1.xml") -> None:
    rezip(path, {part: change(member(path, part)).encode()})


def palette(index: int, rgb: str):
    """The secret in indexed colour ``index``, with the workbook's palette redefining that index as ``rgb``."""

    def build(path: Path, secret: str, visible: list[str]) -> None:
        styled(font=Font(color=Color(indexed=index)))(path, secret, visible)
        colours = ["FF000000"] * 64
        colours[index] = "FF" + rgb
        if index >= 8:  # LibreOffice reads the list from index 8: the same colour there too
            colours[index - 8] = "FF" + rgb
        block = "<colors><indexedColors>" + "".join(f'<rgbColor rgb="{c}"/>' for c in colours)
        block += "</indexedColors></colors>"

        def change(xml: str) -> str:
            if "<colors>" in xml:  # openpyxl writes the default palette: replace it, as Excel would
                return re.sub(r"<colors>.*?</colors>", block, xml, count=1, flags=re.DOTALL)
            spot = xml.find("<extLst") if "<extLst" in xml else xml.find("</styleSheet>")
            return xml[:spot] + block + xml[spot:]

        _styles_edit(path, change)

    return build


def narrow_column(width: float, neighbour: bool):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, sheet = _book(visible)
        row = len(visible) + 2
        sheet.cell(row, 4, secret)
        if neighbour:
            sheet.cell(row, 5, "end")
        for number in range(2, row):
            sheet.cell(number, 5, "end")
        sheet.column_dimensions["D"].width = width
        _save(book, path)

    return build


def default_row_height(points: float):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, sheet = _book(visible)
        sheet.cell(len(visible) + 2, 2, secret)
        for number in range(1, len(visible) + 2):
            sheet.row_dimensions[number].height = 15
        _save(book, path)

        def change(xml: str) -> str:
            return re.sub(
                r"<sheetFormatPr[^>]*/>",
                f'<sheetFormatPr defaultRowHeight="{points}" customHeight="1"/>',
                xml,
            )

        _sheet_edit(path, change)

    return build


def wrapped_lines(lines: int):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, sheet = _book(visible)
        row = len(visible) + 2
        cell = sheet.cell(row, 2, "Closed" + "\n" * lines + secret)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[row].height = 15
        _save(book, path)

    return build


def padded(spaces: int):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, sheet = _book(visible)
        row = len(visible) + 2
        sheet.cell(row, 2, "Withheld" + " " * spaces + secret)
        sheet.cell(row, 3, 0)
        _save(book, path)

    return build


def conditional(kind: str):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, sheet = _book(visible)
        row = len(visible) + 2
        sheet.cell(row, 2, secret)
        sheet.cell(row, 3, 5)
        where = f"B{row}:C{row}"
        white = Font(color="FFFFFF")
        if kind == "cellis":
            sheet.conditional_formatting.add(
                where, CellIsRule(operator="notEqual", formula=['"x"'], font=white)
            )
        elif kind == "formula":
            sheet.conditional_formatting.add(
                where,
                FormulaRule(
                    formula=["LEN(B1)>0"],
                    font=Font(color="DDEBF7"),
                    fill=PatternFill("solid", fgColor="DDEBF7"),
                ),
            )
        elif kind == "databar":
            sheet.cell(row, 2, int(secret))
            sheet.conditional_formatting.add(
                where, DataBarRule(start_type="min", end_type="max", color="638EC6", showValue=False)
            )
        elif kind == "iconset":
            sheet.cell(row, 2, int(secret))
            sheet.conditional_formatting.add(
                where, IconSetRule("3Arrows", "percent", [0, 33, 67], showValue=False)
            )
        elif kind == "numfmt":
            sheet.conditional_formatting.add(where, FormulaRule(formula=["TRUE"], font=Font(color="000000")))
            _save(book, path)

            def change(xml: str) -> str:
                return xml.replace("<dxf>", '<dxf><numFmt numFmtId="200" formatCode=";;;"/>', 1)

            _styles_edit(path, change)
            return
        _save(book, path)

    return build


def to_shared_strings(
    path: Path, extra: str = "", phonetic_for: str | None = None, phonetic: str = ""
) -> None:
    """Move the sheet's inline strings into xl/sharedStrings.xml, the way Excel stores them."""
    sheet = member(path, "xl/worksheets/sheet1.xml")
    items: list[str] = []

    def shared(match: re.Match[str]) -> str:
        text = match.group(2)
        items.append(text)
        return f'{match.group(1)} t="s"><v>{len(items) - 1}</v></c>'

    sheet = re.sub(
        r'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is><t>([^<]*)</t></is></c>', shared, sheet
    )
    body = ""
    for text in items:
        if text == phonetic_for:
            body += (
                f'<si><t>{text}</t><rPh sb="0" eb="3"><t>{phonetic}</t></rPh>'
                '<phoneticPr fontId="0" type="noConversion"/></si>'
            )
        else:
            body += f"<si><t>{text}</t></si>"
    count = len(items) + (1 if extra else 0)
    sst = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{count}" '
        f'uniqueCount="{count}">{body}{extra}</sst>'
    )
    rels = add_rel(
        member(path, "xl/_rels/workbook.xml.rels"),
        "rIdS1",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
        "sharedStrings.xml",
    )
    types = add_override(
        member(path, "[Content_Types].xml"),
        "/xl/sharedStrings.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
    )
    rezip(
        path,
        {
            "xl/worksheets/sheet1.xml": sheet.encode(),
            "xl/_rels/workbook.xml.rels": rels.encode(),
            "[Content_Types].xml": types.encode(),
        },
        {"xl/sharedStrings.xml": sst.encode()},
    )


def shared_string_extra(mode: str):
    """A shared string the sheet never shows: orphan item, or phonetic run."""

    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, _sheet = _book(visible)
        _save(book, path)
        if mode == "orphan":
            to_shared_strings(path, extra=f"<si><t>{secret}</t></si>")
        else:
            to_shared_strings(path, phonetic_for=visible[0], phonetic=secret)

    return build


def comment_part(name: str):
    """A cell comment whose part is stored under another name (and no legacy drawing to show it)."""

    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, _sheet = _book(visible)
        _save(book, path)
        xml = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            "<authors><author>Officer</author></authors><commentList>"
            f'<comment ref="B2" authorId="0"><text><r><t>{secret}</t></r></text></comment>'
            "</commentList></comments>"
        )
        rels_name = "xl/worksheets/_rels/sheet1.xml.rels"
        with __import__("zipfile").ZipFile(path) as archive:
            has_rels = rels_name in archive.namelist()
        rels = (
            member(path, rels_name)
            if has_rels
            else (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'
            )
        )
        rels = add_rel(rels, "rIdC9", RT_COMMENTS, "../" + name.removeprefix("xl/"))
        types = add_override(member(path, "[Content_Types].xml"), "/" + name, CT_COMMENTS)
        edits: dict[str, bytes | None] = {"[Content_Types].xml": types.encode()}
        adds = {name: xml.encode()}
        if has_rels:
            edits[rels_name] = rels.encode()
        else:
            adds[rels_name] = rels.encode()
        rezip(path, edits, adds)

    return build


def stray_part(name: str, wrap: str):
    """A part in the package that no relationship reaches (a stray .rels or an orphan XML part)."""

    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, _sheet = _book(visible)
        _save(book, path)
        rezip(path, {}, {name: wrap.format(secret=secret).encode()})

    return build


def with_cell_extra(kind: str):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, sheet = _book(visible)
        row = len(visible) + 1
        if kind == "validation":
            rule = DataValidation(
                type="list",
                formula1='"Open,Closed"',
                showInputMessage=True,
                promptTitle="Note",
                prompt=secret,
            )
            sheet.add_data_validation(rule)
            rule.add(f"B2:B{row}")
        elif kind == "tooltip":
            sheet["A2"].hyperlink = "https://example.org/foi"
            sheet["A2"].hyperlink.tooltip = secret
        elif kind == "table_comment":
            table = Table(displayName="Requests", ref=f"A1:C{row}")
            sheet.add_table(table)
        elif kind == "comment":
            sheet["B2"].comment = Comment(secret, "Officer")
        elif kind == "defined_name":
            from openpyxl.workbook.defined_name import DefinedName

            book.defined_names["Reviewer"] = DefinedName("Reviewer", attr_text=f'"{secret}"')
        elif kind == "header":
            sheet.oddFooter.center.text = "Page &P"
            sheet.evenFooter.center.text = secret
        _save(book, path)
        if kind == "table_comment":
            part = "xl/tables/table1.xml"
            rezip(
                path, {part: member(path, part).replace("<table ", f'<table comment="{secret}" ', 1).encode()}
            )

    return build


def hidden_sheet(state: str):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, _sheet = _book(visible)
        other = book.create_sheet("Lookup")
        other["A1"] = secret
        other.sheet_state = state
        _save(book, path)

    return build


def merged_over():
    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, sheet = _book(visible)
        row = len(visible) + 2
        sheet.cell(row, 1, "Summary")
        sheet.cell(row, 2, secret)
        _save(book, path)
        _sheet_edit(
            path,
            lambda xml: xml.replace(
                "</sheetData>",
                f'</sheetData><mergeCells count="1"><mergeCell ref="A{row}:B{row}"/></mergeCells>',
            ),
        )

    return build


def table_style_white():
    """A custom table style whose whole-table format paints the text in the fill's colour."""

    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, sheet = _book(visible)
        sheet.cell(len(visible) + 2, 1, "FOI-9999")
        sheet.cell(len(visible) + 2, 2, secret)
        sheet.cell(len(visible) + 2, 3, 1)
        _save(book, path)
        start, end = len(visible) + 2, len(visible) + 2
        table = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Quiet" '
            f'displayName="Quiet" ref="A{start}:C{end}" headerRowCount="0" totalsRowShown="0">'
            '<tableColumns count="3"><tableColumn id="1" name="C1"/><tableColumn id="2" name="C2"/>'
            '<tableColumn id="3" name="C3"/></tableColumns>'
            '<tableStyleInfo name="QuietStyle" showFirstColumn="0" showLastColumn="0" showRowStripes="0" '
            'showColumnStripes="0"/></table>'
        )

        def styles(xml: str) -> str:
            dxf = '<dxfs count="1"><dxf><font><color rgb="FFFFFFFF"/></font></dxf></dxfs>'
            xml = re.sub(r'<dxfs count="0"\s*/>', dxf, xml)
            style = (
                '<tableStyles count="1" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16">'
                '<tableStyle name="QuietStyle" pivot="0" count="1"><tableStyleElement type="wholeTable" dxfId="0"/>'
                "</tableStyle></tableStyles>"
            )
            return re.sub(r"<tableStyles[^>]*/>", style, xml)

        sheet_xml = member(path, "xl/worksheets/sheet1.xml").replace(
            "</worksheet>", '<tableParts count="1"><tablePart r:id="rIdT1"/></tableParts></worksheet>'
        )
        if "xmlns:r=" not in sheet_xml:
            sheet_xml = sheet_xml.replace(
                "<worksheet ",
                '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ',
                1,
            )
        rels = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdT1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" '
            'Target="../tables/table1.xml"/></Relationships>'
        )
        types = add_override(
            member(path, "[Content_Types].xml"),
            "/xl/tables/table1.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
        )
        styles_xml = styles(member(path, "xl/styles.xml"))
        rezip(
            path,
            {
                "xl/worksheets/sheet1.xml": sheet_xml.encode(),
                "xl/styles.xml": styles_xml.encode(),
                "[Content_Types].xml": types.encode(),
            },
            {"xl/tables/table1.xml": table.encode(), "xl/worksheets/_rels/sheet1.xml.rels": rels.encode()},
        )

    return build


# ------------------------------------------------------------------ xlsxwriter (Excel-like files)


def xw_cover(kind: str):
    """xlsxwriter: a filled text box or an opaque picture placed over the secret's cell."""

    def build(path: Path, secret: str, visible: list[str]) -> None:
        import datetime as dt

        import xlsxwriter

        book = xlsxwriter.Workbook(str(path))
        book.set_properties({"created": dt.datetime(2024, 3, 1, 9, 30)})
        sheet = book.add_worksheet("Requests")
        sheet.set_column(1, 1, 30)
        sheet.write_row(0, 0, HEADER)
        for number, text in enumerate(visible, start=1):
            sheet.write_row(number, 0, [f"FOI-{number:04d}", text, number * 3])
        row = len(visible) + 1
        sheet.write(row, 1, secret)
        if kind == "textbox":
            sheet.insert_textbox(
                row, 1, "", {"width": 300, "height": 22, "fill": {"color": "#FFFFFF"}, "line": {"none": True}}
            )
        elif kind == "image":
            from io import BytesIO

            from PIL import Image

            buffer = BytesIO()
            Image.new("RGB", (300, 22), "white").save(buffer, "PNG")
            sheet.insert_image(row, 1, "cover.png", {"image_data": buffer})
        elif kind == "font_theme":
            fmt = book.add_format({"font_color": "#FFFFFF", "bg_color": "#FFFFFF"})
            sheet.write(row, 1, secret, fmt)
        book.close()

    return build


def xw_clean(kind: str):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        import datetime as dt

        import xlsxwriter

        book = xlsxwriter.Workbook(str(path))
        book.set_properties({"created": dt.datetime(2024, 3, 1, 9, 30)})
        sheet = book.add_worksheet("Requests")
        bold = book.add_format({"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E79"})
        money = book.add_format({"num_format": "£#,##0.00;[Red]-£#,##0.00"})
        date = book.add_format({"num_format": "dd/mm/yyyy"})
        sheet.write_row(0, 0, [*HEADER, "Cost", "Received"], bold)
        for number, text in enumerate(visible, start=1):
            sheet.write_row(number, 0, [f"FOI-{number:04d}", text, number * 3])
            sheet.write_number(number, 3, number * 12.5 - 20, money)
            sheet.write_datetime(number, 4, dt.datetime(2024, 1, number), date)
        sheet.set_column(0, 4, 16)
        sheet.set_column(1, 1, 30)  # wide enough for every outcome: no text cut by the next cell
        if kind == "chart":
            chart = book.add_chart({"type": "column"})
            chart.add_series(
                {
                    "categories": ["Requests", 1, 0, len(visible), 0],
                    "values": ["Requests", 1, 2, len(visible), 2],
                    "name": "Days",
                }
            )
            sheet.insert_chart(len(visible) + 3, 0, chart)
        elif kind == "freeze":
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, len(visible), 4)
            sheet.conditional_format(
                1,
                2,
                len(visible),
                2,
                {
                    "type": "cell",
                    "criteria": ">",
                    "value": 5,
                    "format": book.add_format({"font_color": "#9C0006", "bg_color": "#FFC7CE"}),
                },
            )
            sheet.conditional_format(1, 2, len(visible), 2, {"type": "data_bar"})
        book.close()

    return build


def clean_openpyxl(kind: str):
    def build(path: Path, secret: str, visible: list[str]) -> None:
        book, sheet = _book(visible)
        if kind == "theme_header":
            for cell in sheet[1]:
                cell.font = Font(bold=True, color=Color(theme=0))
                cell.fill = PatternFill("solid", fgColor=Color(theme=4))
        elif kind == "formats":
            sheet["D1"] = "Share"
            for number in range(2, len(visible) + 2):
                sheet.cell(number, 4, number / 10).number_format = "0.0%"
                sheet.cell(number, 3).number_format = '#,##0;(#,##0);"-"'
            sheet.cell(len(visible) + 2, 3, 0).number_format = '#,##0;(#,##0);"-"'
        elif kind == "merges":
            for number in range(2, 10_002):  # a merged E:F note on every row, beside the table
                sheet.cell(number, 5, f"R{number}")
                sheet.merge_cells(start_row=number, start_column=5, end_row=number, end_column=6)
        elif kind == "yellow":
            for row in sheet.iter_rows(min_row=2):
                row[1].fill = PatternFill("solid", fgColor="FFFF00")
                row[1].font = Font(color="000000", size=9)
        elif kind == "wrapped":
            sheet.cell(2, 2).alignment = Alignment(wrap_text=True)
            sheet.row_dimensions[2].height = 30
            sheet.column_dimensions["B"].width = 40
        _save(book, path)

    return build
