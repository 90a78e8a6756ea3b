# ruff: noqa: E501  (the corpus carries XML written out by hand; its lines are data)
"""A red-team pass over XLSX visibility (issue 14): shapes laid over cells, columns and rows made
unreadable by the sheet's defaults. Each file starts from openpyxl's summary workbook."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl

from tests.core.release_check.corpus import CorpusFile, leaky
from tests.core.release_check.corpus_spreadsheets import VISIBLE
from tests.core.release_check.corpus_xlsx_red import (
    DML,
    REL,
    SHEET,
    SHEET_FORMAT,
    SHEET_RELS,
    XDR,
    _add_relationship,
    _override,
    _sheet_edit,
    edited,
)


def entries() -> list[CorpusFile]:
    return _shape_entries() + _layout_entries()


# ------------------------------------------------------------------ shapes over cells

SOLID = f'<a:solidFill xmlns:a="{DML}"><a:srgbClr val="FFFFFF"/></a:solidFill>'


def shape(fill: str = SOLID, style: str = "", hidden: str = "") -> str:
    """A rectangle (``xdr:sp``) with the given fill in its own properties."""
    return (
        f'<xdr:sp><xdr:nvSpPr><xdr:cNvPr id="2" name="Box"{hidden}/><xdr:cNvSpPr/></xdr:nvSpPr>'
        f'<xdr:spPr><a:prstGeom xmlns:a="{DML}" prst="rect"/>{fill}</xdr:spPr>{style}</xdr:sp>'
    )


PICTURE = f'<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:a="{DML}"/></xdr:blipFill><xdr:spPr/></xdr:pic>'
CHART_FRAME = '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="4" name="Chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm/></xdr:graphicFrame>'
THEME_FILLED = shape(
    "", f'<xdr:style><a:lnRef xmlns:a="{DML}" idx="2"/><a:fillRef xmlns:a="{DML}" idx="1"/></xdr:style>'
)


def two_cell(
    content: str, first: tuple[int, int, int] = (3, 2, 0), last: tuple[int, int, int] = (4, 3, 0)
) -> str:
    """An anchor from (column, row, column offset) to (column, row, column offset), 0-based."""
    return (
        f"<xdr:twoCellAnchor><xdr:from><xdr:col>{first[0]}</xdr:col><xdr:colOff>{first[2]}</xdr:colOff><xdr:row>{first[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        f"<xdr:to><xdr:col>{last[0]}</xdr:col><xdr:colOff>{last[2]}</xdr:colOff><xdr:row>{last[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>{content}<xdr:clientData/></xdr:twoCellAnchor>"
    )


def drawing(*anchors: str) -> str:
    return f'<xdr:wsDr xmlns:xdr="{XDR}" xmlns:a="{DML}">{"".join(anchors)}</xdr:wsDr>'


def with_drawing(anchors: str, secret: str, cell: str = "D3") -> Callable[[Path], None]:
    """The summary workbook with ``secret`` in ``cell`` and a drawing part laid over the sheet."""

    def edit(workbook: openpyxl.Workbook) -> None:
        workbook.active[cell] = secret

    def change(parts: dict[str, bytes]) -> None:
        parts["xl/drawings/drawing1.xml"] = anchors.encode()
        _override(
            parts, "xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml"
        )
        _add_relationship(parts, SHEET_RELS, f"{REL}/drawing", "../drawings/drawing1.xml")
        parts[SHEET] = parts[SHEET].replace(
            b"</worksheet>", f'<drawing xmlns:r="{REL}" r:id="rIdRed"/></worksheet>'.encode()
        )

    return edited(edit, change)


def _shape_entries() -> list[CorpusFile]:
    covered = {"xlsx.covered_by_shape"}
    one_cell = (
        "<xdr:oneCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        f'<xdr:ext cx="609600" cy="190500"/>{shape()}<xdr:clientData/></xdr:oneCellAnchor>'
    )
    absolute = f'<xdr:absoluteAnchor><xdr:pos x="1828800" y="381000"/><xdr:ext cx="609600" cy="190500"/>{shape()}<xdr:clientData/></xdr:absoluteAnchor>'
    group = f'<xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr id="5" name="Group"/><xdr:cNvGrpSpPr/></xdr:nvGrpSpPr><xdr:grpSpPr/>{shape()}</xdr:grpSp>'
    half_alpha = f'<a:solidFill xmlns:a="{DML}"><a:srgbClr val="FFFFFF"><a:alpha val="50000"/></a:srgbClr></a:solidFill>'
    return [
        leaky(
            "red_white_box_over_cell.xlsx",
            with_drawing(drawing(two_cell(shape())), "SECRET-UNDER-BOX"),
            covered,
            "SECRET-UNDER-BOX",
            *VISIBLE,
        ),
        leaky(
            "red_theme_filled_shape.xlsx",
            with_drawing(drawing(two_cell(THEME_FILLED)), "SECRET-THEME-BOX"),
            covered,
            "SECRET-THEME-BOX",
            *VISIBLE,
        ),
        leaky(
            "red_picture_over_cell.xlsx",
            with_drawing(drawing(two_cell(PICTURE)), "SECRET-UNDER-PICTURE"),
            covered,
            "SECRET-UNDER-PICTURE",
            *VISIBLE,
        ),
        leaky(
            "red_chart_over_cell.xlsx",
            with_drawing(drawing(two_cell(CHART_FRAME)), "SECRET-UNDER-CHART"),
            covered,
            "SECRET-UNDER-CHART",
            *VISIBLE,
        ),
        leaky(
            "red_group_over_cell.xlsx",
            with_drawing(drawing(two_cell(group)), "SECRET-UNDER-GROUP"),
            covered,
            "SECRET-UNDER-GROUP",
            *VISIBLE,
        ),
        leaky(
            "red_one_cell_anchor.xlsx",
            with_drawing(drawing(one_cell), "SECRET-ONE-CELL"),
            covered,
            "SECRET-ONE-CELL",
            *VISIBLE,
        ),
        leaky(
            "red_absolute_anchor.xlsx",
            with_drawing(drawing(absolute), "SECRET-ABSOLUTE"),
            covered,
            "SECRET-ABSOLUTE",
            *VISIBLE,
        ),
        leaky(
            "red_half_transparent_box.xlsx",
            with_drawing(drawing(two_cell(shape(half_alpha))), "SECRET-HALF-ALPHA"),
            covered,
            "SECRET-HALF-ALPHA",
            *VISIBLE,
        ),
        leaky(
            "red_alternate_content_over_cell.xlsx",
            with_drawing(
                drawing(
                    two_cell(
                        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                        f'<mc:Choice Requires="a14">{shape()}</mc:Choice><mc:Fallback/></mc:AlternateContent>'
                    )
                ),
                "SECRET-UNDER-ALTERNATE",
            ),
            covered,
            "SECRET-UNDER-ALTERNATE",
            *VISIBLE,
        ),
        leaky(
            "red_box_reaching_into_a_cell.xlsx",
            with_drawing(drawing(two_cell(shape(), (2, 2, 400000), (3, 3, 1))), "SECRET-PARTLY-COVERED"),
            covered,
            "SECRET-PARTLY-COVERED",
            *VISIBLE,
        ),
    ]


# ------------------------------------------------------------------ narrow columns and low rows by their defaults

OWN_WIDTHS = b'<cols><col min="1" max="2" width="12" customWidth="1"/></cols>'


def with_layout(
    secret: str, sheet_format: bytes, cols: bytes = OWN_WIDTHS, cell: str = "D3"
) -> Callable[[Path], None]:
    """The summary workbook with ``secret`` in ``cell``, the given row and column defaults and columns."""

    def edit(workbook: openpyxl.Workbook) -> None:
        workbook.active[cell] = secret

    return edited(edit, _sheet_edit(SHEET_FORMAT, sheet_format + cols))


def _layout_entries() -> list[CorpusFile]:
    hidden = {"xlsx.hidden_column"}
    return [
        leaky(
            "red_default_column_width_narrow.xlsx",
            with_layout(
                "SECRET-NARROW-DEFAULT",
                b'<sheetFormatPr baseColWidth="8" defaultColWidth="0.5" defaultRowHeight="15"/>',
            ),
            hidden,
            "SECRET-NARROW-DEFAULT",
            *VISIBLE,
        ),
        leaky(
            "red_base_column_width_zero.xlsx",
            with_layout("SECRET-BASE-ZERO", b'<sheetFormatPr baseColWidth="0" defaultRowHeight="15"/>'),
            hidden,
            "SECRET-BASE-ZERO",
            *VISIBLE,
        ),
        leaky(
            "red_column_without_width_under_narrow_default.xlsx",
            with_layout(
                "SECRET-NO-OWN-WIDTH",
                b'<sheetFormatPr defaultColWidth="0.2" defaultRowHeight="15"/>',
                b'<cols><col min="1" max="2" width="12" customWidth="1"/><col min="4" max="4" style="0"/></cols>',
            ),
            hidden,
            "SECRET-NO-OWN-WIDTH",
            *VISIBLE,
        ),
        leaky(
            "red_narrow_width_not_marked_custom.xlsx",
            with_layout(
                "SECRET-NOT-CUSTOM",
                SHEET_FORMAT,
                b'<cols><col min="4" max="4" width="0.6" customWidth="0"/></cols>',
            ),
            hidden,
            "SECRET-NOT-CUSTOM",
            *VISIBLE,
        ),
        leaky(
            "red_collapsed_column_group.xlsx",
            with_layout(
                "SECRET-COLLAPSED-COLUMNS",
                SHEET_FORMAT,
                b'<cols><col min="3" max="4" width="9" hidden="1" outlineLevel="1"/><col min="5" max="5" width="9" collapsed="1"/></cols>',
            ),
            {"xlsx.collapsed_outline"},
            "SECRET-COLLAPSED-COLUMNS",
            *VISIBLE,
        ),
        leaky(
            "red_low_default_row_height.xlsx",
            edited(
                _low_rows,
                _sheet_edit(
                    SHEET_FORMAT, b'<sheetFormatPr baseColWidth="8" defaultRowHeight="3.5" customHeight="1"/>'
                ),
            ),
            {"xlsx.hidden_row"},
            "SECRET-LOW-ROWS",
            *VISIBLE,
        ),
    ]


def _low_rows(workbook: openpyxl.Workbook) -> None:
    """Rows of the answer given a height of their own; the secret's row takes the sheet's default."""
    for row in range(1, 5):
        workbook.active.row_dimensions[row].height = 15
    workbook.active["A9"] = "SECRET-LOW-ROWS"
