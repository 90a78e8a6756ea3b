"""A red-team pass over the rules of issue 14's last misses: custom table styles, and text cut off by
its cell (a narrow column with a filled neighbour, wrapped lines past a fixed row height, padding
spaces, an indent). Each leaky file hides a secret just outside a rule; each clean one lies just inside
the legible side and must pass.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment, Font

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_spreadsheets import VISIBLE, rewrite_zip, summary_workbook

STYLES = "xl/styles.xml"
TABLE = "xl/tables/table1.xml"


def table_styled(name: str, definition: bytes, dxfs: bytes, secret: str) -> Callable[[Path], None]:
    """The summary workbook with a table over A5:B5 (``secret`` in A5) in the table style ``name``, the
    workbook's styles given ``definition`` (a ``tableStyles`` element) and ``dxfs``."""
    from openpyxl.worksheet.table import Table, TableStyleInfo

    def build(path: Path) -> None:
        workbook = summary_workbook()
        sheet = workbook.active
        sheet["A5"], sheet["B5"] = secret, 1
        table = Table(displayName="Quiet", ref="A5:B5", headerRowCount=0)
        table.tableStyleInfo = TableStyleInfo(name=name, showRowStripes=False)
        sheet.add_table(table)
        workbook.save(path)

        def change(parts: dict[str, bytes]) -> None:
            styles = parts[STYLES]
            styles = (
                styles.replace(b"<tableStyles", b"<tableStylesOld") if b"<tableStyles" in styles else styles
            )
            parts[STYLES] = styles.replace(b"</styleSheet>", dxfs + definition + b"</styleSheet>")
            if b"<tableStylesOld" in parts[STYLES]:  # openpyxl writes an empty tableStyles element
                start = parts[STYLES].index(b"<tableStylesOld")
                end = parts[STYLES].index(b"/>", start) + 2
                parts[STYLES] = parts[STYLES][:start] + parts[STYLES][end:]

        rewrite_zip(path, change)

    return build


def _custom(name: str, dxf_id: str = "0") -> bytes:
    return (
        f'<tableStyles count="1"><tableStyle name="{name}" pivot="0" count="1">'
        f'<tableStyleElement type="wholeTable" dxfId="{dxf_id}"/></tableStyle></tableStyles>'
    ).encode()


WHITE_TEXT = b'<dxfs count="1"><dxf><font><color rgb="FFFFFFFF"/></font></dxf></dxfs>'
BLUE_FILL_WHITE_TEXT = (
    b'<dxfs count="1"><dxf><font><color rgb="FFFFFFFF"/></font>'
    b'<fill><patternFill patternType="solid"><bgColor rgb="FF1F4E79"/></patternFill></fill></dxf></dxfs>'
)
# Theme colour 0 is light 1 (white) in Office's theme: a theme colour is resolved, not taken as black.
THEME_WHITE_TEXT = b'<dxfs count="1"><dxf><font><color theme="0"/></font></dxf></dxfs>'


def _table_entries() -> list[CorpusFile]:
    hides = {"xlsx.table_style_hiding"}
    return [
        leaky(
            "red_table_style_white_text.xlsx",
            table_styled("Quiet", _custom("Quiet"), WHITE_TEXT, "SECRET-TABLE-WHITE"),
            hides,
            "SECRET-TABLE-WHITE",
            *VISIBLE,
        ),
        leaky(
            "red_table_style_theme_white.xlsx",
            table_styled("Quiet", _custom("Quiet"), THEME_WHITE_TEXT, "SECRET-TABLE-THEME"),
            hides,
            "SECRET-TABLE-THEME",
            *VISIBLE,
        ),
        leaky(
            "red_table_style_missing_dxf.xlsx",
            table_styled("Quiet", _custom("Quiet", "3"), WHITE_TEXT, "SECRET-TABLE-NODXF"),
            hides,
            "SECRET-TABLE-NODXF",
            *VISIBLE,
        ),
        leaky(
            "red_table_style_undefined.xlsx",
            table_styled("NoSuchStyle", b"", b"", "SECRET-TABLE-UNDEFINED"),
            hides,
            "SECRET-TABLE-UNDEFINED",
            *VISIBLE,
        ),
        leaky(
            "red_table_style_lookalike_name.xlsx",
            table_styled("TableStyleMedium29", b"", b"", "SECRET-TABLE-MEDIUM29"),
            hides,
            "SECRET-TABLE-MEDIUM29",
            *VISIBLE,
        ),
        clean(
            "clean_table_style_custom_legible.xlsx",
            table_styled("Quiet", _custom("Quiet"), BLUE_FILL_WHITE_TEXT, "Shown on blue"),
            *VISIBLE,
            "Shown on blue",
        ),
        clean(
            "clean_table_style_built_in.xlsx",
            table_styled("TableStyleMedium9", b"", b"", "Shown plainly"),
            *VISIBLE,
            "Shown plainly",
        ),
    ]


# ------------------------------------------------------------------ text cut off by its cell


def laid_out(edit: Callable[[openpyxl.worksheet.worksheet.Worksheet], None]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        workbook = summary_workbook()
        edit(workbook.active)
        workbook.save(path)

    return build


def _narrow(text: str, width: float, neighbour: str | None = "end") -> Callable[[Path], None]:
    def edit(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
        sheet.column_dimensions["D"].width = width
        sheet["D6"] = text
        if neighbour is not None:
            sheet["E6"] = neighbour

    return laid_out(edit)


def _wrapped(text: str, height: float | None, width: float = 30) -> Callable[[Path], None]:
    def edit(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
        sheet.column_dimensions["D"].width = width
        sheet["D6"] = text
        sheet["D6"].alignment = Alignment(wrap_text=True, vertical="top")
        if height is not None:
            sheet.row_dimensions[6].height = height

    return laid_out(edit)


def _aligned(
    text: str, alignment: Alignment, left: bool = False, right: bool = True, size: float = 11
) -> Callable[[Path], None]:
    def edit(sheet: openpyxl.worksheet.worksheet.Worksheet) -> None:
        sheet.column_dimensions["D"].width = 12
        sheet["D6"] = text
        sheet["D6"].alignment = alignment
        sheet["D6"].font = Font(size=size)
        if left:
            sheet["C6"] = "left"
        if right:
            sheet["E6"] = "right"

    return laid_out(edit)


def _clip_entries() -> list[CorpusFile]:
    clipped = {"xlsx.text_may_be_clipped"}
    paragraph = "The request was refused under section 40(2) because it asks for personal data."
    return [
        leaky(
            "red_clip_narrow_column.xlsx",
            _narrow("SECRET-CLIP-NARROW", 1.5),
            clipped,
            "SECRET-CLIP-NARROW",
            *VISIBLE,
        ),
        leaky(
            "red_clip_spaces.xlsx",
            _narrow("Withheld" + " " * 60 + "SECRET-CLIP-SPACES", 20),
            clipped,
            "SECRET-CLIP-SPACES",
            *VISIBLE,
        ),
        leaky(
            "red_clip_wrapped_fixed_row.xlsx",
            _wrapped("Closed\n\n\nSECRET-CLIP-WRAP", 15),
            clipped,
            "SECRET-CLIP-WRAP",
            *VISIBLE,
        ),
        leaky(
            "red_clip_wrapped_long_line.xlsx",
            _wrapped("Closed " + "and filed " * 12 + "SECRET-CLIP-WORDS", 30),
            clipped,
            "SECRET-CLIP-WORDS",
            *VISIBLE,
        ),
        leaky(
            "red_clip_indent.xlsx",
            _aligned("SECRET-CLIP-INDENT", Alignment(indent=40)),
            clipped,
            "SECRET-CLIP-INDENT",
            *VISIBLE,
        ),
        leaky(
            "red_clip_right_aligned.xlsx",
            _aligned(
                "SECRET-CLIP-RIGHT-ALIGNED-PAST-THE-EDGE",
                Alignment(horizontal="right"),
                left=True,
                right=False,
            ),
            clipped,
            "SECRET-CLIP-RIGHT-ALIGNED-PAST-THE-EDGE",
            *VISIBLE,
        ),
        leaky(
            "red_clip_centred.xlsx",
            _aligned("SECRET-CLIP-CENTRED-PAST-BOTH-EDGES", Alignment(horizontal="center")),
            clipped,
            "SECRET-CLIP-CENTRED-PAST-BOTH-EDGES",
            *VISIBLE,
        ),
        leaky(
            "red_clip_fill.xlsx",
            _aligned("SECRET-CLIP-FILL-PAST-THE-EDGE", Alignment(horizontal="fill"), right=False),
            clipped,
            "SECRET-CLIP-FILL-PAST-THE-EDGE",
            *VISIBLE,
        ),
        leaky(
            "red_clip_big_font.xlsx",
            _aligned("SECRET-BIG", Alignment(), size=40),
            clipped,
            "SECRET-BIG",
            *VISIBLE,
        ),
        leaky(
            "red_clip_shrunk_unreadable.xlsx",
            _aligned("SECRET-SHRUNK " * 20, Alignment(shrink_to_fit=True)),
            clipped,
            "SECRET-SHRUNK",
            *VISIBLE,
        ),
        clean(
            "clean_clip_overflows_into_empty_cell.xlsx",
            _narrow("Shown across empty cells", 3, None),
            *VISIBLE,
            "Shown across empty cells",
        ),
        clean("clean_clip_fits_its_column.xlsx", _narrow("Fits", 8), *VISIBLE, "Fits"),
        clean("clean_clip_wrapped_tall_row.xlsx", _wrapped(paragraph, 60), *VISIBLE, paragraph),
        clean("clean_clip_wrapped_auto_height.xlsx", _wrapped(paragraph, None), *VISIBLE, paragraph),
        clean(
            "clean_clip_right_aligned_into_empty.xlsx",
            _aligned("Right aligned, spilling left", Alignment(horizontal="right"), right=True),
            *VISIBLE,
            "Right aligned, spilling left",
        ),
        clean(
            "clean_clip_small_indent.xlsx", _aligned("Indented", Alignment(indent=1)), *VISIBLE, "Indented"
        ),
        clean(
            "clean_clip_shrunk_legible.xlsx",
            _aligned("Shrunk to fit", Alignment(shrink_to_fit=True)),
            *VISIBLE,
            "Shrunk to fit",
        ),
    ]


def entries() -> list[CorpusFile]:
    return _table_entries() + _clip_entries()
