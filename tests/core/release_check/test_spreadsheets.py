"""XLSX/XLSM: what the streamed OOXML reading finds, and what the fresh copy keeps."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import openpyxl
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from openpyxl.styles import Color, Font, PatternFill

from foidesk.core.release_check import sanitise_file
from foidesk.core.release_check.findings import InspectionLimits
from foidesk.core.release_check.spreadsheets import (
    inspect_xlsx,
)
from tests.core.release_check.corpus import every_byte
from tests.core.release_check.corpus_spreadsheets import plain_row, raw_xlsx, rewrite_zip, summary_workbook


def _codes(path: Path) -> set[str]:
    return {f.code for f in inspect_xlsx(str(path), InspectionLimits())}


def _copy_rows(source: Path, tmp_path: Path) -> list[list[object]]:
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(source), str(copy)).clean
    sheet = openpyxl.load_workbook(copy).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


# ------------------------------------------------------------------ known answers


# ------------------------------------------------------------------ invisible text


# ------------------------------------------------------------------ sheets, rows, columns


def test_the_copy_keeps_every_visible_cell_at_its_address_and_leaves_hidden_rows_empty(
    tmp_path: Path,
) -> None:
    workbook = summary_workbook()
    workbook.active.insert_rows(3)
    workbook.active["A3"] = "SECRET"
    workbook.active.row_dimensions[3].hidden = True
    path = tmp_path / "gap.xlsx"
    workbook.save(path)
    assert _copy_rows(path, tmp_path) == [
        ["Rank", "Headcount"],
        ["Constable", 1203],
        [None, None],
        ["Sergeant", 245],
        ["Inspector", 61],
    ]


def test_the_copy_leaves_a_hidden_column_empty(tmp_path: Path) -> None:
    workbook = summary_workbook()
    workbook.active.insert_cols(2)
    workbook.active["B1"] = "Surname"
    workbook.active["B2"] = "SECRET"
    workbook.active.column_dimensions["B"].hidden = True
    path = tmp_path / "column.xlsx"
    workbook.save(path)
    assert _copy_rows(path, tmp_path)[:2] == [["Rank", None, "Headcount"], ["Constable", None, 1203]]


def test_the_copy_keeps_only_the_print_area(tmp_path: Path) -> None:
    workbook = summary_workbook()
    workbook.active["D10"] = "working note"
    workbook.active.print_area = "A1:B3"
    path = tmp_path / "print.xlsx"
    workbook.save(path)
    assert _copy_rows(path, tmp_path) == [["Rank", "Headcount"], ["Constable", 1203], ["Sergeant", 245]]


def test_the_copy_keeps_dates_as_dates_and_safe_number_formats(tmp_path: Path) -> None:
    workbook = summary_workbook()
    sheet = workbook.active
    sheet["C2"] = dt.date(2023, 3, 31)
    sheet["D2"] = 1250.5
    sheet["D2"].number_format = "£#,##0.00"
    sheet["E2"] = 0.25
    sheet["E2"].number_format = "0%"
    sheet["F2"] = 42
    sheet["F2"].number_format = '[Red]0;"SECRET"'
    path = tmp_path / "formats.xlsx"
    workbook.save(path)
    copy = tmp_path / "copy.xlsx"
    sanitise_file(str(path), str(copy))
    row = openpyxl.load_workbook(copy).active[2]
    assert row[2].value == dt.datetime(2023, 3, 31)
    assert row[2].number_format == "yyyy-mm-dd"
    assert row[3].number_format == "£#,##0.00"
    assert row[4].number_format == "0%"
    assert row[5].value == 42 and row[5].number_format == "General"


def test_the_copy_of_a_workbook_has_no_properties_or_parts_beyond_its_own(tmp_path: Path) -> None:
    import zipfile

    workbook = summary_workbook()
    workbook.properties.creator = "Jane Officer"
    path = tmp_path / "props.xlsx"
    workbook.save(path)
    copy = tmp_path / "copy.xlsx"
    sanitise_file(str(path), str(copy))
    with zipfile.ZipFile(copy) as archive:
        assert sorted(archive.namelist()) == [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/_rels/workbook.xml.rels",
            "xl/sharedStrings.xml",
            "xl/styles.xml",
            "xl/workbook.xml",
            "xl/worksheets/sheet1.xml",
        ]


def test_findings_say_how_many_cells_beyond_the_first_few(tmp_path: Path) -> None:
    workbook = summary_workbook()
    for row in range(2, 9):
        workbook.active[f"C{row}"] = f"=B{row}*2"
    path = tmp_path / "formulas.xlsx"
    workbook.save(path)
    finding = next(f for f in inspect_xlsx(str(path), InspectionLimits()) if f.code == "xlsx.formula")
    assert finding.where == "Headcount!C2, C3, C4 and 4 more"


# ------------------------------------------------------------------ the byte path, among many plain rows

PLAIN_STRINGS = ["Constable", "Sergeant", "SECRET-HIDDEN", "SECRET-UNUSED", "jane.officer@example.police.uk"]


def _many_rows(special: dict[int, str], count: int = 6_000) -> str:
    return "".join(special.get(n) or plain_row(n, n % 2, n) for n in range(1, count + 1))


def test_a_hidden_row_deep_among_plain_rows_is_found_and_left_out_of_the_copy(tmp_path: Path) -> None:
    path = tmp_path / "plain.xlsx"
    hidden = '<row r="4321" hidden="1"><c r="A4321" t="s"><v>2</v></c></row>'
    raw_xlsx(path, _many_rows({4321: hidden}), PLAIN_STRINGS)
    finding = next(f for f in inspect_xlsx(str(path), InspectionLimits()) if f.code == "xlsx.hidden_row")
    assert finding.where == "Data!4321:4321"
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    data = every_byte(copy)
    assert b"SECRET-HIDDEN" not in data and b"SECRET-UNUSED" not in data
    rows = list(openpyxl.load_workbook(copy, read_only=True).active.iter_rows(values_only=True))
    assert rows[4319] == ("Constable", 4320) and not any(rows[4320]) and rows[4321] == ("Constable", 4322)
    assert len(rows) == 6_000


def test_personal_data_in_a_shared_string_is_found_where_a_plain_row_shows_it(tmp_path: Path) -> None:
    path = tmp_path / "contact.xlsx"
    raw_xlsx(path, _many_rows({5000: plain_row(5000, 4, 1)}), PLAIN_STRINGS)
    finding = next(f for f in inspect_xlsx(str(path), InspectionLimits()) if f.code == "xlsx.personal_data")
    assert finding.where == "Data!A5000"


def test_white_text_among_plain_rows_is_found_and_dropped(tmp_path: Path) -> None:
    path = tmp_path / "white.xlsx"
    white = '<row r="3000"><c r="A3000" s="1" t="s"><v>2</v></c></row>'
    raw_xlsx(path, _many_rows({3000: white}), PLAIN_STRINGS)
    assert "xlsx.invisible_text" in {f.code for f in inspect_xlsx(str(path), InspectionLimits())}
    copy = tmp_path / "copy.xlsx"
    sanitise_file(str(path), str(copy))
    assert b"SECRET-HIDDEN" not in every_byte(copy)


def test_a_row_too_low_to_read_is_hidden_and_left_out_of_the_copy(tmp_path: Path) -> None:
    path = tmp_path / "low.xlsx"
    low = '<row r="3000" ht="2.25" customHeight="1"><c r="A3000" t="s"><v>2</v></c></row>'
    raw_xlsx(path, _many_rows({3000: low}), PLAIN_STRINGS)
    finding = next(f for f in inspect_xlsx(str(path), InspectionLimits()) if f.code == "xlsx.hidden_row")
    assert finding.where == "Data!3000:3000"
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert b"SECRET-HIDDEN" not in every_byte(copy)


def test_a_merged_title_over_many_plain_rows_hides_only_what_lies_under_it(tmp_path: Path) -> None:
    path = tmp_path / "merged.xlsx"
    title = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row>'
    merges = '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'
    raw_xlsx(path, _many_rows({1: title}), PLAIN_STRINGS, tail=merges)
    findings = {f.code: f.where for f in inspect_xlsx(str(path), InspectionLimits())}
    assert findings == {"xlsx.merged_hidden_value": "Data!B1", "xlsx.unused_string": "xl/sharedStrings.xml"}
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert b"SECRET-HIDDEN" not in every_byte(copy)
    rows = list(openpyxl.load_workbook(copy, read_only=True).active.iter_rows(values_only=True))
    assert rows[0] == ("Constable",) and rows[5_999] == ("Constable", 6_000)


@pytest.mark.parametrize(
    "odd_row",
    [
        '<row r="2000"><c r="A2000" t="s" data="SECRET-HIDDEN"><v>0</v></c></row>',
        '<row r="2000"><!-- SECRET-HIDDEN --><c r="A2000" t="s"><v>0</v></c></row>',
        '<row r="2000"><c r="A2000" t="str"><v>SECRET-HIDDEN</v></c></row>',
    ],
    ids=["unlisted attribute", "comment", "formula text without formula"],
)
def test_an_odd_row_among_plain_rows_is_rebuilt_not_copied(odd_row: str, tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    raw_xlsx(path, _many_rows({2000: odd_row}), PLAIN_STRINGS)
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    copied = every_byte(copy)
    assert b"<!--" not in copied and b"data=" not in copied
    rows = list(openpyxl.load_workbook(copy, read_only=True).active.iter_rows(values_only=True))
    assert rows[1998] == ("Sergeant", 1999)
    assert len(rows) == 6_000


# ------------------------------------------------------------------ invariants

WORDS = st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ", min_size=6, max_size=12)


@settings(max_examples=15, deadline=None)
@given(
    visible=st.lists(WORDS, min_size=1, max_size=8, unique=True),
    hidden=st.lists(WORDS, min_size=1, max_size=8, unique=True),
    hidden_rows=st.sets(st.integers(min_value=2, max_value=9), max_size=3),
)
def test_the_copy_keeps_every_shown_string_and_no_hidden_one(
    visible: list[str], hidden: list[str], hidden_rows: set[int], tmp_path_factory: pytest.TempPathFactory
) -> None:
    hidden = [word for word in hidden if word not in visible and not any(word in v for v in visible)]
    assume(hidden)
    folder = tmp_path_factory.mktemp("property")
    workbook = summary_workbook()
    sheet = workbook.active
    for row in range(2, 10):
        word = hidden[row % len(hidden)] if row in hidden_rows else visible[row % len(visible)]
        sheet[f"D{row}"] = word
        sheet.row_dimensions[row].hidden = row in hidden_rows
    staff = workbook.create_sheet("Staff")
    for word in hidden:
        staff.append([word])
    staff.sheet_state = "hidden"
    source, copy = folder / "source.xlsx", folder / "copy.xlsx"
    workbook.save(source)
    assert sanitise_file(str(source), str(copy)).clean
    copied = every_byte(copy)
    shown = {visible[row % len(visible)] for row in range(2, 10) if row not in hidden_rows}
    assert all(word.encode() in copied for word in shown)
    assert not any(word.encode() in copied for word in hidden if word not in shown)


# ------------------------------------------------------------------ step 8: merged ranges by row


# ------------------------------------------------------------------ step 8: number formats by section


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("0;;;", "SECRET-FORMAT"),
        ("0;;;", -42),
        ("0;;;", 0),
        (";;;@", 17),
        ('"";""', 17),
        ("#,##0;;", -1234),
        ('"n/a"', 17),
        ('0;0;0;"withheld"', "SECRET-FORMAT"),
        ("[White]0", 17),
        ("[Color2]0;-0", 17),
        ("0;[White]-0", -5),
        ("[>100]0;;", 17),
    ],
)
def test_a_number_format_section_that_hides_the_value_blocks_and_is_dropped(
    code: str, value: object, tmp_path: Path
) -> None:
    workbook = summary_workbook()
    workbook.active["D3"] = value
    workbook.active["D3"].number_format = code
    path = tmp_path / "format.xlsx"
    workbook.save(path)
    codes = _codes(path)
    assert codes & {"xlsx.hidden_by_format", "xlsx.invisible_text"}
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert b"SECRET-FORMAT" not in every_byte(copy)
    sheet = openpyxl.load_workbook(copy).active
    assert sheet["D3"].value is None and sheet["A1"].value == summary_workbook().active["A1"].value


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("0;;;", 42),
        (";;;@", "shown"),
        ("#,##0;;", 1234),
        ("#,##0;-#,##0;", 5),
        ("0;[Red]-0", -5),
        ('"n/a"', "text shown as it is"),
        ('0.0" km"', 3),
        ("yyyy-mm-dd;;", 45000),
        ("General", -3),
    ],
)
def test_a_number_format_that_shows_this_value_passes(code: str, value: object, tmp_path: Path) -> None:
    workbook = summary_workbook()
    workbook.active["D3"] = value
    workbook.active["D3"].number_format = code
    path = tmp_path / "format.xlsx"
    workbook.save(path)
    assert not _codes(path) & {"xlsx.hidden_by_format", "xlsx.invisible_text"}
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert openpyxl.load_workbook(copy).active["D3"].value is not None


def test_a_format_hiding_negatives_among_plain_rows_leaves_the_byte_path(tmp_path: Path) -> None:
    path = tmp_path / "plain.xlsx"
    rows = _many_rows(
        {4000: '<row r="4000"><c r="A4000" t="s"><v>0</v></c><c r="B4000" s="2"><v>-987654</v></c></row>'}
    )
    raw_xlsx(path, rows, PLAIN_STRINGS)
    data = path.read_bytes()
    rewrite_zip(
        path,
        lambda parts: parts.update(
            {
                "xl/styles.xml": parts["xl/styles.xml"]
                .replace(
                    b"<cellXfs",
                    b'<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0;;"/></numFmts><cellXfs',
                    1,
                )
                .replace(
                    b"</cellXfs>",
                    b'<xf numFmtId="164" fontId="0" fillId="0" borderId="0"/></cellXfs>',
                    1,
                )
            }
        ),
    )
    assert data != path.read_bytes()
    finding = next(
        f for f in inspect_xlsx(str(path), InspectionLimits()) if f.code == "xlsx.hidden_by_format"
    )
    assert finding.where == "Data!B4000"
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert b"987654" not in every_byte(copy)


# ------------------------------------------------------------------ step 8: colours resolved

PALETTE_WHITE_AT_10 = (
    b"<colors><indexedColors>"
    + b'<rgbColor rgb="FF000000"/>' * 10
    + b'<rgbColor rgb="FFFFFFFF"/>'
    + b"</indexedColors></colors>"
)


def _coloured(tmp_path: Path, font: Font, fill: PatternFill | None = None, palette: bool = False) -> Path:
    workbook = summary_workbook()
    workbook.active["D3"] = "SECRET-COLOUR"
    workbook.active["D3"].font = font
    if fill is not None:
        workbook.active["D3"].fill = fill
    path = tmp_path / "colours.xlsx"
    workbook.save(path)
    if palette:
        rewrite_zip(
            path,
            lambda parts: parts.update(
                {
                    "xl/styles.xml": re.sub(
                        rb"<colors>.*</colors>", PALETTE_WHITE_AT_10, parts["xl/styles.xml"]
                    )
                }
            ),
        )
    return path


def _blocked_and_dropped(path: Path, code: str, tmp_path: Path) -> None:
    assert code in _codes(path)
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert b"SECRET-COLOUR" not in every_byte(copy)
    assert openpyxl.load_workbook(copy).active["A1"].value == summary_workbook().active["A1"].value


@pytest.mark.parametrize(
    ("font", "fill", "palette"),
    [
        (Font(color=Color(theme=0)), None, False),  # lt1: white on no fill
        (
            Font(color=Color(theme=4, tint=-0.05)),
            PatternFill("solid", fgColor=Color(theme=4)),
            False,
        ),  # accent 1, a shade darker, on accent 1
        (Font(color=Color(theme=1, tint=0.95)), None, False),  # black lightened to near white
        (Font(color=Color(indexed=22)), PatternFill("solid", fgColor=Color(indexed=22)), False),
        (Font(color=Color(indexed=10)), None, True),  # the workbook's palette makes entry 10 white
    ],
    ids=["theme white", "theme tint", "tint to white", "indexed grey on grey", "custom palette"],
)
def test_text_in_its_backgrounds_resolved_colour_is_invisible(
    font: Font, fill: PatternFill | None, palette: bool, tmp_path: Path
) -> None:
    _blocked_and_dropped(_coloured(tmp_path, font, fill, palette), "xlsx.invisible_text", tmp_path)


def test_a_colour_the_gate_cannot_resolve_is_unaccounted_and_blocks(tmp_path: Path) -> None:
    _blocked_and_dropped(_coloured(tmp_path, Font(color=Color(theme=20))), "xlsx.unaccounted", tmp_path)


@pytest.mark.parametrize(
    ("font", "fill"),
    [
        (Font(color=Color(theme=1, tint=0.25)), PatternFill("solid", fgColor=Color(theme=0, tint=-0.05))),
        (Font(color=Color(indexed=10)), None),  # red in the default palette
        (Font(color=Color(theme=4, tint=-0.5)), PatternFill("solid", fgColor=Color(theme=4, tint=0.8))),
    ],
    ids=["dark grey on off-white", "indexed red", "dark blue on pale blue"],
)
def test_text_whose_resolved_colour_stands_out_passes(
    font: Font, fill: PatternFill | None, tmp_path: Path
) -> None:
    path = _coloured(tmp_path, font, fill)
    assert not _codes(path) & {"xlsx.invisible_text", "xlsx.unaccounted"}
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert openpyxl.load_workbook(copy).active["D3"].value == "SECRET-COLOUR"


# ------------------------------------------------------------------ step 8: narrow columns, low default rows


# ------------------------------------------------------------------ step 8: conditional formatting


def _conditional(
    tmp_path: Path, rule_range: str, font: Font | None, fill: PatternFill | None, kind: str
) -> Path:
    from openpyxl.formatting.rule import CellIsRule, Rule
    from openpyxl.styles.differential import DifferentialStyle

    workbook = summary_workbook()
    sheet = workbook.active
    sheet["D3"] = "SECRET-CONDITIONAL"
    if kind == "blanks":
        rule = Rule(type="containsBlanks", dxf=DifferentialStyle(font=font, fill=fill))
    else:
        rule = CellIsRule(operator="notEqual", formula=['"x"'], font=font, fill=fill)
    sheet.conditional_formatting.add(rule_range, rule)
    path = tmp_path / "conditional.xlsx"
    workbook.save(path)
    return path


@pytest.mark.parametrize(
    ("font", "fill"),
    [
        (Font(color="FFFFFF"), None),
        (Font(color="336699"), PatternFill(bgColor="336699", fill_type="solid")),
        (None, PatternFill(bgColor="000000", fill_type="solid")),
        (Font(color=Color(theme=20)), None),
    ],
    ids=["white text", "text on its own colour", "black fill under black text", "unresolvable colour"],
)
def test_a_conditional_format_that_can_hide_text_blocks_and_its_cells_are_dropped(
    font: Font | None, fill: PatternFill | None, tmp_path: Path
) -> None:
    path = _conditional(tmp_path, "D1:D10", font, fill, "cell is")
    finding = next(
        f for f in inspect_xlsx(str(path), InspectionLimits()) if f.code == "xlsx.conditional_hiding"
    )
    assert finding.where == "Headcount!D3"
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert b"SECRET-CONDITIONAL" not in every_byte(copy)
    assert openpyxl.load_workbook(copy).active["A1"].value == summary_workbook().active["A1"].value


def test_a_conditional_number_format_that_hides_values_blocks(tmp_path: Path) -> None:
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles import numbers
    from openpyxl.styles.differential import DifferentialStyle

    workbook = summary_workbook()
    workbook.active["D3"] = -4242
    dxf = DifferentialStyle(numFmt=numbers.NumberFormat(numFmtId=164, formatCode="0;;"))
    workbook.active.conditional_formatting.add("D3", Rule(type="expression", formula=["TRUE"], dxf=dxf))
    path = tmp_path / "conditional_format.xlsx"
    workbook.save(path)
    assert "xlsx.conditional_hiding" in _codes(path)
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert b"4242" not in every_byte(copy)


@pytest.mark.parametrize(
    ("rule_range", "font", "fill", "kind"),
    [
        ("D1:D10", Font(color="FF0000", bold=True), None, "cell is"),  # a visible highlight
        ("D1:D10", Font(color="FFFFFF"), PatternFill(bgColor="C00000", fill_type="solid"), "cell is"),
        ("F1:F10", Font(color="FFFFFF"), None, "cell is"),  # hides, but only empty cells are in range
        ("D1:D10", Font(color="FFFFFF"), None, "blanks"),  # applies to blank cells only
    ],
    ids=["red highlight", "white on dark red", "range without values", "blank cells only"],
)
def test_a_conditional_format_that_cannot_hide_a_value_passes(
    rule_range: str, font: Font, fill: PatternFill | None, kind: str, tmp_path: Path
) -> None:
    path = _conditional(tmp_path, rule_range, font, fill, kind)
    assert "xlsx.conditional_hiding" not in _codes(path)
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert openpyxl.load_workbook(copy).active["D3"].value == "SECRET-CONDITIONAL"


def test_a_conditional_rule_naming_a_format_the_styles_lack_blocks(tmp_path: Path) -> None:
    path = _conditional(tmp_path, "D1:D10", Font(color="FF0000"), None, "cell is")
    rewrite_zip(
        path,
        lambda parts: parts.update(
            {
                "xl/worksheets/sheet1.xml": parts["xl/worksheets/sheet1.xml"].replace(
                    b'dxfId="0"', b'dxfId="7"'
                )
            }
        ),
    )
    assert "xlsx.conditional_hiding" in _codes(path)


@pytest.mark.parametrize(("show_value", "hidden"), [(False, True), (None, False)])
def test_a_data_bar_told_not_to_show_the_value_hides_it(
    show_value: bool | None, hidden: bool, tmp_path: Path
) -> None:
    from openpyxl.formatting.rule import DataBarRule

    workbook = summary_workbook()
    workbook.active["D3"] = 98765
    rule = DataBarRule(start_type="min", end_type="max", color="638EC6", showValue=show_value)
    workbook.active.conditional_formatting.add("D1:D10", rule)
    path = tmp_path / "data_bar.xlsx"
    workbook.save(path)
    assert ("xlsx.conditional_hiding" in _codes(path)) is hidden
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert (openpyxl.load_workbook(copy).active["D3"].value is None) is hidden


def test_a_conditional_format_deep_among_plain_rows_hides_only_its_range(tmp_path: Path) -> None:
    path = tmp_path / "plain_conditional.xlsx"
    rows = _many_rows(
        {4000: '<row r="4000"><c r="A4000" t="s"><v>2</v></c><c r="B4000"><v>4000</v></c></row>'}
    )
    rule = (
        '<conditionalFormatting sqref="A4000"><cfRule type="expression" dxfId="0" priority="1">'
        "<formula>TRUE</formula></cfRule></conditionalFormatting>"
    )
    raw_xlsx(
        path, rows, PLAIN_STRINGS, tail=rule
    )  # no dxfs in the styles: the rule's format is unaccounted for
    finding = next(
        f for f in inspect_xlsx(str(path), InspectionLimits()) if f.code == "xlsx.conditional_hiding"
    )
    assert finding.where == "Data!A4000"
    copy = tmp_path / "copy.xlsx"
    assert sanitise_file(str(path), str(copy)).clean
    assert b"SECRET-HIDDEN" not in every_byte(copy)
    copied = list(openpyxl.load_workbook(copy, read_only=True).active.iter_rows(values_only=True))
    assert copied[3_999] == (None, 4000) and copied[3_998] == ("Sergeant", 3_999) and len(copied) == 6_000
