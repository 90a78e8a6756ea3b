# ruff: noqa: E501 - the corpus is written as literal XML, HTML and PDF operators, kept on one line each
"""XLSX files: openpyxl and xlsxwriter workbooks, some edited as XML the way other tools write them. The
building blocks are in gen_xlsx_tricks.
"""

from __future__ import annotations

from common import Spec
from gen_xlsx_tricks import (
    clean_openpyxl,
    comment_part,
    conditional,
    default_row_height,
    hidden_sheet,
    merged_over,
    narrow_column,
    padded,
    palette,
    shared_string_extra,
    stray_part,
    styled,
    table_style_white,
    with_cell_extra,
    wrapped_lines,
    xw_clean,
    xw_cover,
)
from openpyxl.styles import Alignment, Color, Font, PatternFill


def specs(batch: str) -> list[Spec]:
    t = batch == "tuning"
    vis = ["Released in full", "Refused under section 40", "Partly released"]
    s: list[Spec] = []

    def leak(name: str, cls: str, trick: str, build, tool: str = "openpyxl", style: str = "dash") -> None:
        s.append(Spec(name, "xlsx", "leaky", cls, trick, tool, build=build, visible=list(vis), tag=style))

    white_theme = Font(color=Color(theme=0))
    if t:
        leak(
            "xlsx_theme0_white.xlsx",
            "xlsx.visibility",
            "Font colour given as theme 0 (background white), no rgb.",
            styled(font=white_theme),
        )
        leak(
            "xlsx_theme_tint_same.xlsx",
            "xlsx.visibility",
            "Font and fill both theme 4 with tint 0.8: same colour.",
            styled(
                font=Font(color=Color(theme=4, tint=0.7999816888943144)),
                fill=PatternFill("solid", fgColor=Color(theme=4, tint=0.7999816888943144)),
            ),
        )
        leak(
            "xlsx_indexed_white.xlsx",
            "xlsx.visibility",
            "Font colour indexed 9 (white in the default palette).",
            styled(font=Font(color=Color(indexed=9))),
        )
        leak(
            "xlsx_custom_palette.xlsx",
            "xlsx.visibility",
            "Indexed colour 10 redefined as white by a custom palette (Excel; LibreOffice keeps its own palette).",
            palette(10, "FFFFFF"),
        )
        leak(
            "xlsx_near_white_rgb.xlsx",
            "xlsx.visibility",
            "Font F2F2F2 on white: within the same-colour distance.",
            styled(font=Font(color="F2F2F2")),
        )
        leak(
            "xlsx_fmt_empty_sections.xlsx",
            "xlsx.visibility",
            'Number format "";"";"" shows nothing for a number.',
            styled(fmt='"";"";""', numeric=True),
            style="digits",
        )
        leak(
            "xlsx_fmt_literal.xlsx",
            "xlsx.visibility",
            'Number format "Withheld" shows literal text instead of the number.',
            styled(fmt='"Withheld"', numeric=True),
            style="digits",
        )
        leak(
            "xlsx_fmt_text_section_empty.xlsx",
            "xlsx.visibility",
            "Format 0;-0;0; has an empty text section: text shows nothing.",
            styled(fmt="0;-0;0;"),
        )
        leak(
            "xlsx_fmt_color_white.xlsx",
            "xlsx.visibility",
            "Format [Color2]@ paints text in palette colour 2, white in Excel (LibreOffice shows black).",
            styled(fmt="[Color2]@"),
        )
        leak(
            "xlsx_cf_cellis_white.xlsx",
            "xlsx.visibility",
            "Conditional format (cellIs not equal) turns the font white.",
            conditional("cellis"),
        )
        leak(
            "xlsx_cf_formula_same.xlsx",
            "xlsx.visibility",
            "Conditional formula paints font and fill the same pale blue.",
            conditional("formula"),
        )
        leak(
            "xlsx_cf_databar_novalue.xlsx",
            "xlsx.visibility",
            "Data bar told not to show the value hides the number.",
            conditional("databar"),
            style="digits",
        )
        leak(
            "xlsx_cf_numfmt.xlsx",
            "xlsx.visibility",
            "Conditional format whose dxf carries number format ;;;.",
            conditional("numfmt"),
        )
        leak(
            "xlsx_row_height_tiny.xlsx",
            "xlsx.visibility",
            "Row height 0.75 pt (custom) hides the row's text.",
            styled(row_height=0.75),
        )
        leak(
            "xlsx_default_row_tiny.xlsx",
            "xlsx.visibility",
            "Default row height 0.5 pt; the secret's row has no <row> height (Excel clips it; LibreOffice draws it over the row above).",
            default_row_height(0.5),
        )
        leak(
            "xlsx_narrow_column.xlsx",
            "xlsx.visibility",
            "Column 1.3 wide with a filled neighbour: only one letter shows.",
            narrow_column(1.3, True),
        )
        leak(
            "xlsx_wrapped_lines.xlsx",
            "xlsx.visibility",
            "Wrapped cell, row 15 pt high, secret on the sixth line.",
            wrapped_lines(6),
        )
        leak(
            "xlsx_padded_spaces.xlsx",
            "xlsx.visibility",
            "Secret after 200 spaces in a cell whose neighbour is filled: clipped.",
            padded(200),
        )
        leak(
            "xlsx_indent_clipped.xlsx",
            "xlsx.visibility",
            "Indent 250 pushes the text out of the cell; neighbour filled (Excel hides it; LibreOffice ignores the indent).",
            styled(align=Alignment(indent=250)),
        )
        leak("xlsx_font_tiny.xlsx", "xlsx.visibility", "Font size 1 pt.", styled(font=Font(size=1)))
        leak(
            "xlsx_orphan_shared_string.xlsx",
            "xlsx.parts",
            "A shared string no cell uses.",
            shared_string_extra("orphan"),
        )
        leak(
            "xlsx_phonetic_run.xlsx",
            "xlsx.parts",
            "Secret in a phonetic (rPh) run of a shown string.",
            shared_string_extra("phonetic"),
        )
        leak(
            "xlsx_comment_renamed.xlsx",
            "xlsx.parts",
            "Comments part stored as xl/notes/remarks.xml.",
            comment_part("xl/notes/remarks.xml"),
        )
        leak(
            "xlsx_stray_rels.xlsx",
            "xlsx.parts",
            "A .rels for a sheet that does not exist, with the secret as a target.",
            stray_part(
                "xl/worksheets/_rels/sheet9.xml.rels",
                '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                'relationships"><Relationship Id="r1" Type="http://example.org/x" Target="{secret}.xml"/>'
                "</Relationships>",
            ),
        )
        leak(
            "xlsx_orphan_part.xlsx",
            "xlsx.parts",
            "An XML part that no relationship reaches (customXml/item9.xml).",
            stray_part("customXml/item9.xml", "<data><reviewer>{secret}</reviewer></data>"),
        )
        leak(
            "xlsx_table_comment.xlsx",
            "xlsx.parts",
            "A table definition's comment attribute.",
            with_cell_extra("table_comment"),
        )
        leak(
            "xlsx_validation_prompt.xlsx",
            "xlsx.parts",
            "Data validation input prompt.",
            with_cell_extra("validation"),
        )
        leak("xlsx_hyperlink_tooltip.xlsx", "xlsx.parts", "Hyperlink tooltip.", with_cell_extra("tooltip"))
        leak(
            "xlsx_comment_plain.xlsx",
            "xlsx.parts",
            "An ordinary cell comment (baseline).",
            with_cell_extra("comment"),
        )
        leak(
            "xlsx_defined_name_value.xlsx",
            "xlsx.parts",
            "Defined name holding a string constant.",
            with_cell_extra("defined_name"),
        )
        leak(
            "xlsx_even_footer.xlsx",
            "xlsx.parts",
            "Even-page footer (differentOddEven off, so never printed).",
            with_cell_extra("header"),
        )
        leak(
            "xlsx_very_hidden.xlsx",
            "xlsx.structure",
            "veryHidden sheet (baseline).",
            hidden_sheet("veryHidden"),
        )
        leak(
            "xlsx_merged_over.xlsx",
            "xlsx.visibility",
            "Secret in B of a merged A:B range (only A shows).",
            merged_over(),
        )
        leak(
            "xlsx_table_style_white.xlsx",
            "xlsx.visibility",
            "Custom table style whose wholeTable dxf paints text white (Excel; LibreOffice ignores custom table styles).",
            table_style_white(),
            tool="hand-xml",
        )
        leak(
            "xlsx_xw_textbox_cover.xlsx",
            "xlsx.cover",
            "xlsxwriter white text box over the cell.",
            xw_cover("textbox"),
            tool="xlsxwriter",
        )
        leak(
            "xlsx_xw_image_cover.xlsx",
            "xlsx.cover",
            "xlsxwriter opaque white picture over the cell.",
            xw_cover("image"),
            tool="xlsxwriter",
        )
    else:
        leak(
            "b_xlsx_theme_dk_on_dk.xlsx",
            "xlsx.visibility",
            "Font theme 1 (text dark) on fill theme 1: black on black.",
            styled(font=Font(color=Color(theme=1)), fill=PatternFill("solid", fgColor=Color(theme=1))),
        )
        leak(
            "b_xlsx_shade_tint.xlsx",
            "xlsx.visibility",
            "Font theme 0 tint -0.05 (near white) on default fill.",
            styled(font=Font(color=Color(theme=0, tint=-0.0499893185216834))),
        )
        leak(
            "b_xlsx_palette_swap.xlsx",
            "xlsx.visibility",
            "Palette redefines index 8 (black) as white.",
            palette(8, "FFFFFF"),
        )
        leak(
            "b_xlsx_fmt_cond_section.xlsx",
            "xlsx.visibility",
            'Format [>0]"";0 hides positive numbers.',
            styled(fmt='[>0]"";0', numeric=True),
            style="digits",
        )
        leak(
            "b_xlsx_fmt_star_fill.xlsx",
            "xlsx.visibility",
            "Format ;;;* (fill character only, no value).",
            styled(fmt=";;;* "),
        )
        leak(
            "b_xlsx_cf_iconset.xlsx",
            "xlsx.visibility",
            "Icon set with showValue=0 hides the number.",
            conditional("iconset"),
            style="digits",
        )
        leak(
            "b_xlsx_wrapped_long.xlsx",
            "xlsx.visibility",
            "Wrapped text, secret on line 12 of a 15 pt row.",
            wrapped_lines(12),
        )
        leak(
            "b_xlsx_narrow_2.xlsx",
            "xlsx.visibility",
            "Column 2.0 wide, neighbour filled.",
            narrow_column(2.0, True),
        )
        leak(
            "b_xlsx_comment_custom_part.xlsx",
            "xlsx.parts",
            "Comments part stored as xl/data/c.xml.",
            comment_part("xl/data/c.xml"),
        )
        leak(
            "b_xlsx_stray_docprops.xlsx",
            "xlsx.parts",
            "An unreferenced docProps/extra.xml part.",
            stray_part("docProps/extra.xml", "<props><owner>{secret}</owner></props>"),
        )
        leak(
            "b_xlsx_font_grey.xlsx",
            "xlsx.visibility",
            "Font EBEBEB on white (contrast 1.2:1).",
            styled(font=Font(color="EBEBEB")),
        )
        leak(
            "b_xlsx_xw_same_colour.xlsx",
            "xlsx.visibility",
            "xlsxwriter format with white font and white fill.",
            xw_cover("font_theme"),
            tool="xlsxwriter",
        )
    s.append(
        Spec(
            "xlsx_clean_xw_chart.xlsx" if t else "b_xlsx_clean_xw.xlsx",
            "xlsx",
            "clean",
            "xlsx.clean",
            "xlsxwriter table with currency/date formats"
            + (" and a chart." if t else " and frozen panes, conditional formats."),
            "xlsxwriter",
            build=xw_clean("chart" if t else "freeze"),
            visible=list(vis),
        )
    )
    cleans = ["theme_header", "formats", "merges", "yellow", "wrapped"] if t else ["theme_header", "formats"]
    for kind in cleans:
        s.append(
            Spec(
                f"{'' if t else 'b_'}xlsx_clean_{kind}.xlsx",
                "xlsx",
                "clean",
                "xlsx.clean",
                f"openpyxl workbook ({kind}) that only looks alarming.",
                "openpyxl",
                build=clean_openpyxl(kind),
                visible=list(vis),
            )
        )
    if t:
        s.append(
            Spec(
                "xlsx_clean_xw_freeze.xlsx",
                "xlsx",
                "clean",
                "xlsx.clean",
                "xlsxwriter table with frozen panes, autofilter, red-on-pink and data-bar conditional formats.",
                "xlsxwriter",
                build=xw_clean("freeze"),
                visible=list(vis),
            )
        )
    return s
