# ruff: noqa: E501  (the corpus carries ODF XML written out by hand; its lines are data)
"""A red-team pass over the ODS rules (issue 14, "ODF"): each file hides a secret just outside a rule.

The files are written as LibreOffice writes them (``content.xml`` and ``styles.xml`` by hand, with named
styles, parents and defaults), and a few are saved by LibreOffice itself (``soffice --convert-to``).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_spreadsheets import VISIBLE

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
    'xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0" '
    'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'office:version="1.3"'
)
MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)
NAMED_STYLES = (
    '<style:default-style style:family="table-cell"><style:text-properties fo:font-size="10pt"/></style:default-style>'
    '<style:style style:name="Default" style:family="table-cell"/>'
)
SUMMARY = [("Rank", "Headcount"), ("Constable", 1203), ("Sergeant", 245), ("Inspector", 61)]


def cell(value: object, attributes: str = "", inner: str | None = None) -> str:
    """A cell: a float for a number, else a string, with ``inner`` in place of its paragraph."""
    if isinstance(value, int):
        body = inner if inner is not None else f"<text:p>{value}</text:p>"
        return f'<table:table-cell office:value-type="float" office:value="{value}" calcext:value-type="float"{attributes}>{body}</table:table-cell>'
    body = inner if inner is not None else f"<text:p>{value}</text:p>"
    return f'<table:table-cell office:value-type="string" calcext:value-type="string"{attributes}>{body}</table:table-cell>'


def row(*cells: str, attributes: str = "") -> str:
    return f"<table:table-row{attributes}>{''.join(cells)}</table:table-row>"


def summary_rows() -> str:
    return "".join(row(cell(label), cell(value)) for label, value in SUMMARY)


def raw_ods(
    rows: str = "",
    automatic: str = "",
    named: str = "",
    columns: str = '<table:table-column table:number-columns-repeated="3"/>',
    before_table: str = "",
    in_table: str = "",
    table_attributes: str = "",
    after_tables: str = "",
) -> Callable[[Path], None]:
    """An ODS written as LibreOffice writes it: the summary table, then ``rows``; the given automatic
    styles (content.xml), named styles (styles.xml) and elements around the table."""

    def build(path: Path) -> None:
        content = (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
            f"<office:automatic-styles>{automatic}</office:automatic-styles><office:body><office:spreadsheet>{before_table}"
            f'<table:table table:name="Headcount"{table_attributes}>{columns}{summary_rows()}{rows}{in_table}</table:table>'
            f"{after_tables}</office:spreadsheet></office:body></office:document-content>"
        )
        styles = (
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NAMESPACES}>'
            f"<office:styles>{NAMED_STYLES}{named}</office:styles></office:document-styles>"
        )
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("META-INF/manifest.xml", MANIFEST)
            archive.writestr("content.xml", content)
            archive.writestr("styles.xml", styles)

    return build


def cell_style(name: str, properties: str, parent: str = "", extra: str = "") -> str:
    parent_attribute = f' style:parent-style-name="{parent}"' if parent else ""
    return f'<style:style style:name="{name}" style:family="table-cell"{parent_attribute}{extra}>{properties}</style:style>'


WHITE = '<style:text-properties fo:color="#ffffff"/>'
QUIET = cell_style("Quiet", WHITE, "Default")
TEXT_STYLE = '<number:text-style style:name="N100"><number:text>withheld</number:text></number:text-style>'


def secret_row(secret: str, attributes: str = "", row_attributes: str = "") -> str:
    return row(cell("Superintendent"), cell(secret, attributes), attributes=row_attributes)


def _style_entries() -> list[CorpusFile]:
    invisible = {"ods.invisible_text"}
    return [
        leaky(
            "red_ods_named_parent_white.ods",
            raw_ods(
                secret_row("SECRET-ODS-PARENT", ' table:style-name="ce1"'),
                cell_style("ce1", "", "Quiet"),
                QUIET,
            ),
            invisible,
            "SECRET-ODS-PARENT",
            *VISIBLE,
        ),
        leaky(
            "red_ods_grandparent_white.ods",
            raw_ods(
                secret_row("SECRET-ODS-GRANDPARENT", ' table:style-name="ce1"'),
                cell_style("ce1", '<style:text-properties fo:font-weight="bold"/>', "Middle"),
                QUIET + cell_style("Middle", "", "Quiet"),
            ),
            invisible,
            "SECRET-ODS-GRANDPARENT",
            *VISIBLE,
        ),
        leaky(
            "red_ods_column_default_cell_style.ods",
            raw_ods(
                row(cell("Superintendent"), cell(3), cell("SECRET-ODS-COLUMN-STYLE")),
                named=QUIET,
                columns='<table:table-column table:number-columns-repeated="2"/><table:table-column table:default-cell-style-name="Quiet"/>',
            ),
            invisible,
            "SECRET-ODS-COLUMN-STYLE",
            *VISIBLE,
        ),
        leaky(
            "red_ods_row_default_cell_style.ods",
            raw_ods(
                secret_row("SECRET-ODS-ROW-STYLE", row_attributes=' table:default-cell-style-name="Quiet"'),
                named=QUIET,
            ),
            invisible,
            "SECRET-ODS-ROW-STYLE",
            *VISIBLE,
        ),
        leaky(
            "red_ods_white_span.ods",
            raw_ods(
                row(
                    cell(
                        "Chief Inspector",
                        inner='<text:p>Chief Inspector<text:span text:style-name="T1">SECRET-ODS-SPAN</text:span></text:p>',
                    )
                ),
                '<style:style style:name="T1" style:family="text"><style:text-properties fo:color="#ffffff"/></style:style>',
            ),
            invisible,
            "SECRET-ODS-SPAN",
            *VISIBLE,
            "Chief Inspector",
        ),
        leaky(
            "red_ods_tiny_span.ods",
            raw_ods(
                row(
                    cell(
                        "Chief Inspector",
                        inner='<text:p>Chief Inspector<text:span text:style-name="T1">SECRET-ODS-TINY-SPAN</text:span></text:p>',
                    )
                ),
                '<style:style style:name="T1" style:family="text"><style:text-properties fo:font-size="1pt"/></style:style>',
            ),
            invisible,
            "SECRET-ODS-TINY-SPAN",
            *VISIBLE,
            "Chief Inspector",
        ),
        leaky(
            "red_ods_undisplayed_span.ods",
            raw_ods(
                row(
                    cell(
                        "Chief Inspector",
                        inner='<text:p>Chief Inspector<text:span text:style-name="T1">SECRET-ODS-NO-DISPLAY</text:span></text:p>',
                    )
                ),
                '<style:style style:name="T1" style:family="text"><style:text-properties text:display="none"/></style:style>',
            ),
            invisible,
            "SECRET-ODS-NO-DISPLAY",
            *VISIBLE,
            "Chief Inspector",
        ),
        leaky(
            "red_ods_white_paragraph_style.ods",
            raw_ods(
                row(
                    cell(
                        "SECRET-ODS-PARAGRAPH",
                        inner='<text:p text:style-name="P1">SECRET-ODS-PARAGRAPH</text:p>',
                    )
                ),
                '<style:style style:name="P1" style:family="paragraph"><style:text-properties fo:color="#fefefe"/></style:style>',
            ),
            invisible,
            "SECRET-ODS-PARAGRAPH",
            *VISIBLE,
        ),
        leaky(
            "red_ods_percent_font_size.ods",
            raw_ods(
                secret_row("SECRET-ODS-PERCENT", ' table:style-name="ce1"'),
                cell_style("ce1", '<style:text-properties fo:font-size="20%"/>'),
            ),
            invisible,
            "SECRET-ODS-PERCENT",
            *VISIBLE,
        ),
        leaky(
            "red_ods_named_background_match.ods",
            raw_ods(
                secret_row("SECRET-ODS-ON-GREY", ' table:style-name="ce1"'),
                cell_style("ce1", '<style:text-properties fo:color="#808080"/>', "Grey"),
                cell_style("Grey", '<style:table-cell-properties fo:background-color="#858585"/>'),
            ),
            invisible,
            "SECRET-ODS-ON-GREY",
            *VISIBLE,
        ),
        leaky(
            "red_ods_hidden_table_by_parent_style.ods",
            raw_ods(
                table_attributes="",
                after_tables='<table:table table:name="Staff" table:style-name="ta1"><table:table-row><table:table-cell office:value-type="string"><text:p>SECRET-ODS-HIDDEN-TABLE</text:p></table:table-cell></table:table-row></table:table>',
                automatic='<style:style style:name="ta1" style:family="table" style:parent-style-name="Away"/>',
                named='<style:style style:name="Away" style:family="table"><style:table-properties table:display="false"/></style:style>',
            ),
            {"ods.hidden_sheet"},
            "SECRET-ODS-HIDDEN-TABLE",
            *VISIBLE,
        ),
    ]


def _format_entries() -> list[CorpusFile]:
    by_format = {"ods.hidden_by_format"}
    return [
        leaky(
            "red_ods_text_style_without_content.ods",
            raw_ods(
                secret_row("SECRET-ODS-TEXT-STYLE", ' table:style-name="ce1"'),
                cell_style("ce1", "", extra=' style:data-style-name="N100"') + TEXT_STYLE,
            ),
            by_format,
            "SECRET-ODS-TEXT-STYLE",
            *VISIBLE,
        ),
        leaky(
            "red_ods_number_style_fixed_text.ods",
            raw_ods(
                row(cell("Superintendent"), cell(90210123, ' table:style-name="ce1"')),
                cell_style("ce1", "", extra=' style:data-style-name="N101"')
                + '<number:number-style style:name="N101"><number:text>n/a</number:text></number:number-style>',
            ),
            by_format,
            "90210123",
            *VISIBLE,
        ),
        leaky(
            "red_ods_number_style_empty.ods",
            raw_ods(
                row(cell("Superintendent"), cell(90210456, ' table:style-name="ce1"')),
                named=cell_style("ce1", "", extra=' style:data-style-name="N102"')
                + '<number:number-style style:name="N102"/>',
            ),
            by_format,
            "90210456",
            *VISIBLE,
        ),
        leaky(
            "red_ods_number_style_white.ods",
            raw_ods(
                row(cell("Superintendent"), cell(90210789, ' table:style-name="ce1"')),
                cell_style("ce1", "", extra=' style:data-style-name="N103"')
                + '<number:number-style style:name="N103"><style:text-properties fo:color="#ffffff"/><number:number number:min-integer-digits="1"/></number:number-style>',
            ),
            by_format,
            "90210789",
            *VISIBLE,
        ),
        leaky(
            "red_ods_number_style_map_to_nothing.ods",
            raw_ods(
                row(cell("Superintendent"), cell(90210999, ' table:style-name="ce1"')),
                cell_style("ce1", "", extra=' style:data-style-name="N104"')
                + '<number:number-style style:name="N104P0"/>'
                + '<number:number-style style:name="N104"><number:number number:min-integer-digits="1"/><style:map style:condition="value()&gt;0" style:apply-style-name="N104P0"/></number:number-style>',
            ),
            by_format,
            "90210999",
            *VISIBLE,
        ),
        leaky(
            "red_ods_cell_style_map_to_white.ods",
            raw_ods(
                secret_row("SECRET-ODS-STYLE-MAP", ' table:style-name="ce1"'),
                cell_style("ce1", "", extra="").replace(
                    "</style:style>",
                    '<style:map style:condition="cell-content()!=&quot;&quot;" style:apply-style-name="Quiet" style:base-cell-address="Headcount.B6"/></style:style>',
                ),
                QUIET,
            ),
            {"ods.conditional_hiding"},
            "SECRET-ODS-STYLE-MAP",
            *VISIBLE,
        ),
        leaky(
            "red_ods_calcext_conditional_format.ods",
            raw_ods(
                secret_row("SECRET-ODS-CONDITIONAL"),
                named=QUIET,
                in_table='<calcext:conditional-formats><calcext:conditional-format calcext:target-range-address="Headcount.B5:Headcount.B5"><calcext:condition calcext:apply-style-name="Quiet" calcext:value="!=&quot;&quot;" calcext:base-cell-address="Headcount.B5"/></calcext:conditional-format></calcext:conditional-formats>',
            ),
            {"ods.conditional_hiding"},
            "SECRET-ODS-CONDITIONAL",
            *VISIBLE,
        ),
    ]


def _layout_entries() -> list[CorpusFile]:
    return [
        leaky(
            "red_ods_tiny_row.ods",
            raw_ods(
                secret_row("SECRET-ODS-TINY-ROW", row_attributes=' table:style-name="ro1"'),
                '<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:row-height="0.05cm"/></style:style>',
            ),
            {"ods.hidden_row"},
            "SECRET-ODS-TINY-ROW",
            *VISIBLE,
        ),
        leaky(
            "red_ods_narrow_column.ods",
            raw_ods(
                row(cell("Superintendent"), cell(3), cell("SECRET-ODS-NARROW")),
                '<style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="0.1cm"/></style:style>',
                columns='<table:table-column table:number-columns-repeated="2"/><table:table-column table:style-name="co1"/>',
            ),
            {"ods.hidden_column"},
            "SECRET-ODS-NARROW",
            *VISIBLE,
        ),
        leaky(
            "red_ods_filtered_row.ods",
            raw_ods(secret_row("SECRET-ODS-FILTERED", row_attributes=' table:visibility="filter"')),
            {"ods.hidden_row"},
            "SECRET-ODS-FILTERED",
            *VISIBLE,
        ),
    ]


def _content_entries() -> list[CorpusFile]:
    return [
        leaky(
            "red_ods_annotation_inside_paragraph.ods",
            raw_ods(
                row(
                    cell(
                        "Chief Inspector",
                        inner="<text:p>Chief Inspector<office:annotation><text:p>SECRET-ODS-NESTED-NOTE</text:p></office:annotation></text:p>",
                    )
                )
            ),
            {"ods.comment"},
            "SECRET-ODS-NESTED-NOTE",
            *VISIBLE,
            "Chief Inspector",
        ),
        leaky(
            "red_ods_hidden_text_field.ods",
            raw_ods(
                row(
                    cell(
                        "Chief Inspector",
                        inner='<text:p>Chief Inspector<text:hidden-text text:condition="ooow:1" text:string-value="SECRET-ODS-HIDDEN-TEXT" text:is-hidden="true"/></text:p>',
                    )
                )
            ),
            {"ods.unaccounted"},
            "SECRET-ODS-HIDDEN-TEXT",
            *VISIBLE,
            "Chief Inspector",
        ),
        leaky(
            "red_ods_conditional_text_field.ods",
            raw_ods(
                row(
                    cell(
                        "Chief Inspector",
                        inner='<text:p>Chief Inspector<text:conditional-text text:condition="ooow:0" text:string-value-if-true="SECRET-ODS-COND-TEXT" text:string-value-if-false="">x</text:conditional-text></text:p>',
                    )
                )
            ),
            {"ods.unaccounted"},
            "SECRET-ODS-COND-TEXT",
            *VISIBLE,
            "Chief Inspector",
        ),
        leaky(
            "red_ods_user_field.ods",
            raw_ods(
                before_table='<text:user-field-decls><text:user-field-decl text:name="Informant" office:value-type="string" office:string-value="SECRET-ODS-USER-FIELD"/></text:user-field-decls>'
            ),
            {"ods.hidden_variable"},
            "SECRET-ODS-USER-FIELD",
            *VISIBLE,
        ),
        leaky(
            "red_ods_validation_help.ods",
            raw_ods(
                before_table='<table:content-validations><table:content-validation table:name="val1" table:condition="of:cell-content-is-whole-number()" table:allow-empty-cell="true"><table:help-message table:title="Note" table:display="false"><text:p>SECRET-ODS-HELP</text:p></table:help-message></table:content-validation></table:content-validations>'
            ),
            {"ods.validation_message"},
            "SECRET-ODS-HELP",
            *VISIBLE,
        ),
        leaky(
            "red_ods_validation_error.ods",
            raw_ods(
                before_table='<table:content-validations><table:content-validation table:name="val1" table:condition="of:cell-content-is-whole-number()"><table:error-message table:message-type="stop" table:display="true" table:title="SECRET-ODS-ERROR-TITLE"/></table:content-validation></table:content-validations>'
            ),
            {"ods.validation_message"},
            "SECRET-ODS-ERROR-TITLE",
            *VISIBLE,
        ),
        leaky(
            "red_ods_form_value.ods",
            raw_ods(
                in_table='<office:forms form:automatic-focus="false" form:apply-design-mode="false"><form:form form:name="Form"><form:text form:name="Name" form:control-implementation="ooo:com.sun.star.form.component.TextField" form:id="control1" form:current-value="SECRET-ODS-FORM-VALUE"/></form:form></office:forms>'
            ),
            {"ods.form"},
            "SECRET-ODS-FORM-VALUE",
            *VISIBLE,
        ),
        leaky(
            "red_ods_named_expression_text.ods",
            raw_ods(
                after_tables='<table:named-expressions><table:named-range table:name="Remark" table:base-cell-address="$Headcount.$A$1" table:cell-range-address="$Headcount.$A$1&amp;&quot;SECRET-ODS-NAME-TEXT&quot;"/></table:named-expressions>'
            ),
            {"ods.name_with_data"},
            "SECRET-ODS-NAME-TEXT",
            *VISIBLE,
        ),
    ]


def _clean_entries() -> list[CorpusFile]:
    dark = cell_style(
        "Banner",
        '<style:table-cell-properties fo:background-color="#1f4e79"/><style:text-properties fo:color="#ffffff"/>',
    )
    automatic_on_dark = cell_style(
        "Night",
        '<style:table-cell-properties fo:background-color="#000000"/><style:text-properties style:use-window-font-color="true"/>',
    )
    text_content = '<number:text-style style:name="N200"><number:text-content/></number:text-style><number:number-style style:name="N201"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text> officers</number:text></number:number-style>'
    return [
        clean(
            "clean_red_ods_validation_without_messages.ods",
            raw_ods(
                before_table='<table:content-validations><table:content-validation table:name="val1" table:condition="of:cell-content-is-whole-number()" table:allow-empty-cell="true"/></table:content-validations>'
            ),
            *VISIBLE,
        ),
        clean(
            "clean_red_ods_white_on_dark_named_style.ods",
            raw_ods(
                row(cell("Chief Inspector", ' table:style-name="ce1"')), cell_style("ce1", "", "Banner"), dark
            ),
            *VISIBLE,
            "Chief Inspector",
        ),
        clean(
            "clean_red_ods_automatic_colour_on_black.ods",
            raw_ods(row(cell("Chief Inspector", ' table:style-name="Night"')), named=automatic_on_dark),
            *VISIBLE,
            "Chief Inspector",
        ),
        clean(
            "clean_red_ods_number_styles_that_show_values.ods",
            raw_ods(
                row(cell("Chief Inspector", ' table:style-name="ce1"'), cell(12, ' table:style-name="ce2"')),
                cell_style("ce1", "", extra=' style:data-style-name="N200"')
                + cell_style("ce2", "", extra=' style:data-style-name="N201"')
                + text_content,
            ),
            *VISIBLE,
            "Chief Inspector",
        ),
        clean(
            "clean_red_ods_readable_rows_and_columns.ods",
            raw_ods(
                row(cell("Chief Inspector"), cell(12), attributes=' table:style-name="ro1"'),
                '<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:row-height="0.178in"/></style:style>'
                '<style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="0.3cm"/></style:style>',
                columns='<table:table-column table:number-columns-repeated="2"/><table:table-column table:style-name="co1"/>',
            ),
            *VISIBLE,
            "Chief Inspector",
        ),
    ]


# ------------------------------------------------------------------ saved by LibreOffice itself


def libreoffice_saved(source: Callable[[Path], None], extension: str) -> Callable[[Path], None]:
    """``source`` written, then opened and saved again by LibreOffice (``soffice --convert-to``)."""

    def build(path: Path) -> None:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        assert soffice is not None, "LibreOffice (soffice) is needed to build this corpus file"
        with tempfile.TemporaryDirectory(prefix="foidesk-lo-") as folder:
            original = Path(folder) / f"source.{'ods' if extension == 'xlsx' else 'fods'}"
            if extension == "xlsx":
                source(original)
            else:
                source(original.with_suffix(".ods"))
                original = original.with_suffix(".ods")
            out = Path(folder) / "out"
            subprocess.run(
                [
                    soffice,
                    "--headless",
                    f"-env:UserInstallation=file://{folder}/profile",
                    "--convert-to",
                    extension,
                    "--outdir",
                    str(out),
                    str(original),
                ],
                check=True,
                capture_output=True,
                timeout=180,
            )
            shutil.copyfile(out / f"{original.stem}.{extension}", path)

    return build


def _libreoffice_entries() -> list[CorpusFile]:
    white_source = raw_ods(
        secret_row("SECRET-LO-PARENT-WHITE", ' table:style-name="ce1"'), cell_style("ce1", "", "Quiet"), QUIET
    )
    tiny_row = raw_ods(
        secret_row("SECRET-LO-TINY-ROW", row_attributes=' table:style-name="ro1"'),
        '<style:style style:name="ro1" style:family="table-row"><style:table-row-properties style:row-height="0.05cm" style:use-optimal-row-height="false"/></style:style>',
    )
    return [
        leaky(
            "red_lo_saved_named_white.ods",
            libreoffice_saved(white_source, "ods"),
            {"ods.invisible_text"},
            "SECRET-LO-PARENT-WHITE",
            *VISIBLE,
        ),
        leaky(
            "red_lo_saved_named_white.xlsx",
            libreoffice_saved(white_source, "xlsx"),
            {"xlsx.invisible_text"},
            "SECRET-LO-PARENT-WHITE",
            *VISIBLE,
        ),
        leaky(
            "red_lo_saved_tiny_row.xlsx",
            libreoffice_saved(tiny_row, "xlsx"),
            {"xlsx.hidden_row"},
            "SECRET-LO-TINY-ROW",
            *VISIBLE,
        ),
    ]


def entries() -> list[CorpusFile]:
    return (
        _style_entries()
        + _format_entries()
        + _layout_entries()
        + _content_entries()
        + _unlisted_entries()
        + _shape_entries()
        + _clean_entries()
        + _libreoffice_entries()
    )


def _with_unlisted_part(path: Path) -> None:
    raw_ods()(path)
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("content2.xml", "<notes>SECRET-ODS-UNLISTED</notes>")


def _unlisted_entries() -> list[CorpusFile]:
    return [
        leaky(
            "red_ods_unlisted_part.ods",
            _with_unlisted_part,
            {"ods.unaccounted"},
            "SECRET-ODS-UNLISTED",
            *VISIBLE,
        )
    ]


def graphic(name: str, fill: str) -> str:
    return f'<style:style style:name="{name}" style:family="graphic"><style:graphic-properties {fill}/></style:style>'


def shape_over(end: str, style: str = "gr1", kind: str = "custom-shape") -> str:
    return f'<draw:{kind} draw:style-name="{style}" table:end-cell-address="Headcount.{end}" svg:width="2cm" svg:height="0.5cm" svg:x="0cm" svg:y="0cm"/>'


def _shape_entries() -> list[CorpusFile]:
    covered = {"ods.covered_by_shape"}
    return [
        leaky(
            "red_ods_shape_over_its_cell.ods",
            raw_ods(
                row(
                    cell("Superintendent"),
                    cell(
                        "SECRET-ODS-UNDER-SHAPE",
                        inner="<text:p>SECRET-ODS-UNDER-SHAPE</text:p>" + shape_over("B5"),
                    ),
                ),
                graphic("gr1", 'draw:fill="solid" draw:fill-color="#ffffff"'),
            ),
            covered,
            "SECRET-ODS-UNDER-SHAPE",
            *VISIBLE,
        ),
        leaky(
            "red_ods_frame_over_next_row.ods",
            raw_ods(
                row(
                    cell(
                        "Superintendent",
                        inner="<text:p>Superintendent</text:p>" + shape_over("B6", kind="frame"),
                    ),
                    cell(4),
                )
                + row(cell("Chief Superintendent"), cell("SECRET-ODS-UNDER-FRAME")),
                graphic("gr1", ""),
            ),
            covered,
            "SECRET-ODS-UNDER-FRAME",
            *VISIBLE,
        ),
        leaky(
            "red_ods_half_transparent_shape.ods",
            raw_ods(
                row(
                    cell("Superintendent"),
                    cell(
                        "SECRET-ODS-HALF-SHAPE",
                        inner="<text:p>SECRET-ODS-HALF-SHAPE</text:p>" + shape_over("B5"),
                    ),
                ),
                graphic("gr1", 'draw:fill="solid" draw:opacity="50%"'),
            ),
            covered,
            "SECRET-ODS-HALF-SHAPE",
            *VISIBLE,
        ),
    ]
