# ruff: noqa: E501 - the corpus is written as literal XML, HTML and PDF operators, kept on one line each
"""ODT and ODS files: odfpy packages with their content written as OpenDocument XML, and LibreOffice's saves."""

from __future__ import annotations

import re
from pathlib import Path

from common import Spec, member, rezip
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import P

TEXT_P = "<text:p>{}</text:p>"
NAMESPACES = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "form": "urn:oasis:names:tc:opendocument:xmlns:form:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    "ooow": "http://openoffice.org/2004/writer",
}


def _odf(path: Path, kind: str) -> None:
    document = OpenDocumentText() if kind == "odt" else OpenDocumentSpreadsheet()
    standard = Style(name="Standard", family="paragraph")
    standard.addElement(TextProperties(fontsize="11pt"))
    document.styles.addElement(standard)
    if kind == "odt":
        document.text.addElement(P(text="placeholder"))
    else:
        from odf.table import Table

        document.spreadsheet.addElement(Table(name="Sheet1"))
    document.save(str(path))


def odf_with(kind: str, body: str, auto: str = "", named: str = "", settings: str = "", prelude: str = ""):
    """An odfpy package whose body is ``body`` (with {secret} and {v0}, {v1}, ... filled in)."""

    def build(path: Path, secret: str, visible: list[str]) -> None:
        _odf(path, kind)
        fill = {"secret": secret, **{f"v{i}": text for i, text in enumerate(visible)}}
        content = member(path, "content.xml")
        root = re.search(r"<office:document-content[^>]*>", content)
        assert root is not None
        for prefix, uri in NAMESPACES.items():  # odfpy declares only the namespaces its own elements use
            if f"xmlns:{prefix}=" not in content[: root.end()]:
                content = content.replace(
                    "<office:document-content ", f'<office:document-content xmlns:{prefix}="{uri}" ', 1
                )
        root = re.search(r"<office:document-content[^>]*>", content)
        assert root is not None
        office = "text" if kind == "odt" else "spreadsheet"
        xml = (
            content[: root.end()] + f"<office:automatic-styles>{auto}</office:automatic-styles>"
            f"<office:body><office:{office}>{prelude}{body}</office:{office}></office:body></office:document-content>"
        )
        edits: dict[str, bytes | None] = {"content.xml": xml.format(**fill).encode()}
        if named:
            styles = member(path, "styles.xml")
            styles = re.sub(r"<office:styles>", "<office:styles>" + named, styles, count=1)
            edits["styles.xml"] = styles.format(**fill).encode() if "{secret}" in named else styles.encode()
        adds: dict[str, bytes] = {}
        if settings:
            edits["settings.xml"] = None
            adds["settings.xml"] = settings.format(**fill).encode()
        rezip(path, edits, adds)

    return build


def paragraphs(*extra: str) -> str:
    return "<text:p>{v0}</text:p><text:p>{v1}</text:p>" + "".join(extra)


def sheet(
    secret_cell: str, name: str = "Requests", extra_rows: str = "", table_style: str = "", cols: str = ""
) -> str:
    style = f' table:style-name="{table_style}"' if table_style else ""
    head = (
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Case</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>Outcome</text:p></table:table-cell></table:table-row>'
    )
    rows = "".join(
        f'<table:table-row><table:table-cell office:value-type="string"><text:p>FOI-000{i}</text:p></table:table-cell>'
        f'<table:table-cell office:value-type="string"><text:p>{{v{i}}}</text:p></table:table-cell></table:table-row>'
        for i in range(2)
    )
    cols = cols or '<table:table-column table:number-columns-repeated="3"/>'
    return (
        f'<table:table table:name="{name}"{style}>{cols}{head}{rows}{secret_cell}</table:table>{extra_rows}'
    )


def cell_row(cell: str, row_style: str = "") -> str:
    style = f' table:style-name="{row_style}"' if row_style else ""
    return f'<table:table-row{style}><table:table-cell office:value-type="string"><text:p>FOI-0009</text:p></table:table-cell>{cell}</table:table-row>'


def text_cell(content: str, style: str = "") -> str:
    attr = f' table:style-name="{style}"' if style else ""
    return f'<table:table-cell{attr} office:value-type="string"><text:p>{content}</text:p></table:table-cell>'


WHITE_NAMED_P = '<style:style style:name="Quiet" style:family="paragraph"><style:text-properties fo:color="#ffffff"/></style:style>'
WHITE_NAMED_CELL = (
    '<style:style style:name="QuietCell" style:family="table-cell"><style:text-properties fo:color="#ffffff"/>'
    "</style:style>"
)
SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-settings '
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.2"><office:settings>'
    '<config:config-item-set config:name="ooo:configuration-settings">'
    '<config:config-item config:name="PrinterName" config:type="string">{secret}</config:config-item>'
    "</config:config-item-set></office:settings></office:document-settings>"
)


def specs(batch: str) -> list[Spec]:
    t = batch == "tuning"
    vis_t = ["Your request has been considered.", "Some information is exempt."]
    vis_s = ["Released", "Withheld in part"]
    s: list[Spec] = []

    def odt(name: str, cls: str, trick: str, build, style: str = "dash") -> None:
        s.append(Spec(name, "odt", "leaky", cls, trick, "odfpy", build=build, visible=list(vis_t), tag=style))

    def ods(name: str, cls: str, trick: str, build, style: str = "dash") -> None:
        s.append(Spec(name, "ods", "leaky", cls, trick, "odfpy", build=build, visible=list(vis_s), tag=style))

    white_auto = '<style:style style:name="T9" style:family="text"><style:text-properties fo:color="#ffffff"/></style:style>'
    if t:
        odt(
            "odt_named_style_white.odt",
            "odf.style",
            "Named paragraph style (styles.xml) with white text.",
            odf_with(
                "odt", paragraphs('<text:p text:style-name="Quiet">{secret}</text:p>'), named=WHITE_NAMED_P
            ),
        )
        odt(
            "odt_inherited_white.odt",
            "odf.style",
            "Automatic style whose parent (named, styles.xml) is white.",
            odf_with(
                "odt",
                paragraphs('<text:p text:style-name="P9">{secret}</text:p>'),
                auto='<style:style style:name="P9" style:family="paragraph" style:parent-style-name="Quiet"/>',
                named=WHITE_NAMED_P,
            ),
        )
        odt(
            "odt_white_span.odt",
            "odf.visibility",
            "White span inside a visible paragraph.",
            odf_with(
                "odt",
                paragraphs('<text:p>Decision: <text:span text:style-name="T9">{secret}</text:span></text:p>'),
                auto=white_auto,
            ),
        )
        odt(
            "odt_conditional_text.odt",
            "odf.fields",
            "Conditional text whose true branch (not shown) holds the secret.",
            odf_with(
                "odt",
                paragraphs(
                    '<text:p><text:conditional-text text:condition="ooow:1==2" text:string-value-if-true="{secret}" '
                    'text:string-value-if-false="n/a" text:current-value="false">n/a</text:conditional-text></text:p>'
                ),
            ),
        )
        odt(
            "odt_hidden_variable.odt",
            "odf.fields",
            "Variable set with text:display none.",
            odf_with(
                "odt",
                paragraphs(
                    '<text:p><text:variable-set text:name="Rev" office:value-type="string" text:display="none">{secret}</text:variable-set>Done.</text:p>'
                ),
                prelude='<text:variable-decls><text:variable-decl office:value-type="string" text:name="Rev"/></text:variable-decls>',
            ),
        )
        odt(
            "odt_user_field.odt",
            "odf.fields",
            "User field declaration value never placed in the text.",
            odf_with(
                "odt",
                paragraphs(),
                prelude='<text:user-field-decls><text:user-field-decl office:value-type="string" '
                'office:string-value="{secret}" text:name="Reviewer"/></text:user-field-decls>',
            ),
        )
        odt(
            "odt_form_value.odt",
            "odf.parts",
            "Form control value with no control placed on the page.",
            odf_with(
                "odt",
                paragraphs(),
                prelude='<office:forms><form:form form:name="Form"><form:text form:name="Note" '
                'form:control-implementation="ooo:com.sun.star.form.component.TextField" form:id="control1" '
                'form:current-value="{secret}"/></form:form></office:forms>',
            ),
        )
        odt(
            "odt_display_none_style.odt",
            "odf.style",
            "Named text style with text:display none.",
            odf_with(
                "odt",
                paragraphs('<text:p>Ref: <text:span text:style-name="Ghost">{secret}</text:span></text:p>'),
                named='<style:style style:name="Ghost" style:family="text"><style:text-properties text:display="none"/></style:style>',
            ),
        )
        odt(
            "odt_settings_printer.odt",
            "odf.parts",
            "settings.xml PrinterName holds the secret.",
            odf_with("odt", paragraphs(), settings=SETTINGS),
        )
        odt(
            "odt_tracked_deletion.odt",
            "odf.tracked",
            "Tracked deletion region (baseline).",
            odf_with(
                "odt",
                paragraphs('<text:p><text:change text:change-id="ct1"/>Released.</text:p>'),
                prelude='<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><office:change-info>'
                "<dc:creator>Officer</dc:creator><dc:date>2024-03-01T09:00:00</dc:date></office:change-info>"
                "<text:p>{secret}</text:p></text:deletion></text:changed-region></text:tracked-changes>",
            ),
        )
        odt(
            "odt_bookmark_name.odt",
            "odf.parts",
            "Bookmark named with the secret.",
            odf_with("odt", paragraphs('<text:p><text:bookmark text:name="{secret}"/>Annex A.</text:p>')),
        )
        odt(
            "odt_default_style_white.odt",
            "odf.style",
            "Default paragraph style white; visible paragraphs black by automatic style.",
            odf_with(
                "odt",
                '<text:p text:style-name="B1">{v0}</text:p><text:p text:style-name="B1">{v1}</text:p><text:p>{secret}</text:p>',
                auto='<style:style style:name="B1" style:family="paragraph"><style:text-properties fo:color="#000000"/></style:style>',
                named='<style:default-style style:family="paragraph"><style:text-properties fo:color="#ffffff"/></style:default-style>',
            ),
        )
        odt(
            "odt_background_same.odt",
            "odf.style",
            "Named paragraph style, black background and black text.",
            odf_with(
                "odt",
                paragraphs('<text:p text:style-name="Dark">{secret}</text:p>'),
                named='<style:style style:name="Dark" style:family="paragraph"><style:paragraph-properties fo:background-color="#000000"/>'
                '<style:text-properties fo:color="#000000"/></style:style>',
            ),
        )
        # ODS
        ods(
            "ods_named_cell_white.ods",
            "odf.style",
            "Cell uses a named cell style (styles.xml) with white text.",
            odf_with("ods", sheet(cell_row(text_cell("{secret}", "QuietCell"))), named=WHITE_NAMED_CELL),
        )
        ods(
            "ods_inherited_cell_white.ods",
            "odf.style",
            "Automatic cell style whose parent named style is white.",
            odf_with(
                "ods",
                sheet(cell_row(text_cell("{secret}", "ce9"))),
                auto='<style:style style:name="ce9" style:family="table-cell" style:parent-style-name="QuietCell"/>',
                named=WHITE_NAMED_CELL,
            ),
        )
        ods(
            "ods_white_span.ods",
            "odf.visibility",
            "White span inside a cell's paragraph.",
            odf_with(
                "ods",
                sheet(cell_row(text_cell('Closed <text:span text:style-name="T9">{secret}</text:span>'))),
                auto=white_auto,
            ),
        )
        ods(
            "ods_tiny_row.ods",
            "odf.visibility",
            "Row height 0.02 cm.",
            odf_with(
                "ods",
                sheet(cell_row(text_cell("{secret}"), "ro9")),
                auto='<style:style style:name="ro9" style:family="table-row"><style:table-row-properties style:row-height="0.02cm" '
                'style:use-optimal-row-height="false"/></style:style>',
            ),
        )
        ods(
            "ods_narrow_column.ods",
            "odf.visibility",
            "Column 0.05 cm wide.",
            odf_with(
                "ods",
                sheet(
                    cell_row(text_cell("x") + text_cell("{secret}") + text_cell("end")),
                    cols='<table:table-column table:number-columns-repeated="2"/><table:table-column table:style-name="co9"/>',
                ),
                auto='<style:style style:name="co9" style:family="table-column"><style:table-column-properties style:column-width="0.05cm"/></style:style>',
            ),
        )
        ods(
            "ods_hidden_sheet.ods",
            "odf.structure",
            "Second sheet hidden by table:display false (baseline).",
            odf_with(
                "ods",
                sheet(cell_row(text_cell("ok")))
                + '<table:table table:name="Lookup" table:style-name="ta9"><table:table-column/>'
                "<table:table-row>" + text_cell("{secret}") + "</table:table-row></table:table>",
                auto='<style:style style:name="ta9" style:family="table"><style:table-properties table:display="false"/></style:style>',
            ),
        )
        ods(
            "ods_annotation.ods",
            "odf.parts",
            "Cell annotation (comment), not shown.",
            odf_with(
                "ods",
                sheet(
                    cell_row(
                        '<table:table-cell office:value-type="string"><office:annotation><dc:creator>Officer</dc:creator>'
                        "<text:p>{secret}</text:p></office:annotation><text:p>Closed</text:p></table:table-cell>"
                    )
                ),
            ),
        )
        ods(
            "ods_validation_help.ods",
            "odf.parts",
            "Content validation help message.",
            odf_with(
                "ods",
                sheet(cell_row(text_cell("Closed"))),
                prelude='<table:content-validations><table:content-validation table:name="val1" table:allow-empty-cell="true">'
                '<table:help-message table:title="Note" table:display="true"><text:p>{secret}</text:p></table:help-message>'
                "</table:content-validation></table:content-validations>",
            ),
        )
        ods(
            "ods_named_expression.ods",
            "odf.parts",
            "Named expression holding a string.",
            odf_with(
                "ods",
                sheet(cell_row(text_cell("Closed")))
                + '<table:named-expressions><table:named-expression table:name="Reviewer" table:expression="of:=&quot;{secret}&quot;"/></table:named-expressions>',
            ),
        )
        ods(
            "ods_style_map_white.ods",
            "odf.style",
            "Conditional style map applies a white named style to non-empty cells.",
            odf_with(
                "ods",
                sheet(cell_row(text_cell("{secret}", "ce5"))),
                auto='<style:style style:name="ce5" style:family="table-cell"><style:map style:condition="cell-content()!=&quot;&quot;" '
                'style:apply-style-name="QuietCell"/></style:style>',
                named=WHITE_NAMED_CELL,
            ),
        )
        ods(
            "ods_background_same.ods",
            "odf.style",
            "Named cell style with navy background and navy text.",
            odf_with(
                "ods",
                sheet(cell_row(text_cell("{secret}", "Navy"))),
                named='<style:style style:name="Navy" style:family="table-cell"><style:table-cell-properties fo:background-color="#1f3864"/>'
                '<style:text-properties fo:color="#1f3864"/></style:style>',
            ),
        )
    else:
        odt(
            "b_odt_font_tiny.odt",
            "odf.visibility",
            "Span at 0.5 pt.",
            odf_with(
                "odt",
                paragraphs('<text:p>End.<text:span text:style-name="T9">{secret}</text:span></text:p>'),
                auto='<style:style style:name="T9" style:family="text"><style:text-properties fo:font-size="0.5pt"/></style:style>',
            ),
        )
        ods(
            "b_ods_span_grey.ods",
            "odf.visibility",
            "Span #fefefe inside a cell.",
            odf_with(
                "ods",
                sheet(cell_row(text_cell('Open <text:span text:style-name="T9">{secret}</text:span>'))),
                auto='<style:style style:name="T9" style:family="text"><style:text-properties fo:color="#fefefe"/></style:style>',
            ),
        )
        ods(
            "b_ods_row_inherited.ods",
            "odf.style",
            "Column default cell style (a named white style) for a cell with no style of its own.",
            odf_with(
                "ods",
                sheet(
                    cell_row(text_cell("Closed") + text_cell("{secret}")),
                    cols='<table:table-column table:number-columns-repeated="2"/>'
                    '<table:table-column table:default-cell-style-name="QuietCell"/>',
                ),
                named=WHITE_NAMED_CELL,
            ),
        )
    # LibreOffice conversions of ODF tricks, and of XLSX tricks to ODS.
    from gen_xlsx import conditional, styled
    from openpyxl.styles import Color, Font

    conv = []
    named_white_odt = odf_with(
        "odt", paragraphs('<text:p text:style-name="Quiet">{secret}</text:p>'), named=WHITE_NAMED_P
    )
    named_white_ods = odf_with(
        "ods", sheet(cell_row(text_cell("{secret}", "QuietCell"))), named=WHITE_NAMED_CELL
    )
    if t:
        conv += [
            (
                "lo_odt_named_white.docx",
                "docx",
                "odt",
                "docx",
                named_white_odt,
                "an ODT whose named style is white",
                vis_t,
            ),
            (
                "lo_ods_named_white.xlsx",
                "xlsx",
                "ods",
                "xlsx",
                named_white_ods,
                "an ODS whose named cell style is white",
                vis_s,
            ),
            (
                "lo_ods_tiny_row.xlsx",
                "xlsx",
                "ods",
                "xlsx",
                odf_with(
                    "ods",
                    sheet(cell_row(text_cell("{secret}"), "ro9")),
                    auto='<style:style style:name="ro9" style:family="table-row"><style:table-row-properties style:row-height="0.02cm" '
                    'style:use-optimal-row-height="false"/></style:style>',
                ),
                "an ODS with a 0.02 cm row",
                vis_s,
            ),
            (
                "lo_xlsx_theme_white.ods",
                "ods",
                "xlsx",
                "ods",
                styled(font=Font(color=Color(theme=0))),
                "an XLSX with theme-white text",
                ["Released in full", "Refused under section 40", "Partly released"],
            ),
            (
                "lo_xlsx_cf_white.ods",
                "ods",
                "xlsx",
                "ods",
                conditional("cellis"),
                "an XLSX whose conditional format paints text white",
                ["Released in full", "Refused under section 40", "Partly released"],
            ),
            ("lo_ods_named_white.pdf", "pdf", "ods", "pdf", named_white_ods, "an ODS with white text", vis_s),
            (
                "unsupported_sheet.fods",
                "fods",
                "ods",
                "fods",
                named_white_ods,
                "an ODS with white text",
                vis_s,
            ),
            (
                "unsupported_sheet.xls",
                "xls",
                "ods",
                "xls:MS Excel 97",
                named_white_ods,
                "an ODS with white text",
                vis_s,
            ),
        ]
    else:
        conv += [
            (
                "b_lo_odt_named_white.docx",
                "docx",
                "odt",
                "docx",
                named_white_odt,
                "an ODT whose named style is white",
                vis_t,
            ),
            (
                "b_lo_ods_named_white.xlsx",
                "xlsx",
                "ods",
                "xlsx",
                named_white_ods,
                "an ODS whose named cell style is white",
                vis_s,
            ),
        ]
    # A number style that shows literal text instead of the number, as LibreOffice itself writes one.
    number_name, number_format = (
        ("lo_xlsx_fmt_literal.ods", '"Withheld"') if t else ("b_lo_xlsx_fmt_see_note.ods", '"see note"')
    )
    s.append(
        Spec(
            number_name,
            "ods",
            "leaky",
            "odf.visibility",
            f"LibreOffice saved an XLSX whose number format {number_format} shows text instead of the number as ODS "
            "(a number:number-style made only of number:text).",
            "libreoffice",
            source=styled(fmt=number_format, numeric=True),
            source_ext="xlsx",
            convert="ods",
            visible=["Released in full", "Refused under section 40", "Partly released"],
            tag="digits",
        )
    )
    for name, fmt, src, target, builder, what, vis in conv:
        cls = "detect" if name.startswith("unsupported") else f"{fmt}.libreoffice"
        s.append(
            Spec(
                name,
                fmt,
                "leaky",
                cls,
                f"LibreOffice saved {what} as {fmt.upper()}.",
                "libreoffice",
                source=builder,
                source_ext=src,
                convert=target,
                visible=list(vis),
            )
        )
    # clean ODF files
    clean_odt = odf_with(
        "odt",
        paragraphs('<text:p text:style-name="Head">Summary</text:p>'),
        named='<style:style style:name="Head" style:family="paragraph"><style:paragraph-properties fo:background-color="#1f3864"/>'
        '<style:text-properties fo:color="#ffffff" fo:font-weight="bold"/></style:style>',
    )
    clean_ods = odf_with(
        "ods",
        sheet(cell_row(text_cell("Totals", "Head"))),
        named='<style:style style:name="Head" style:family="table-cell"><style:table-cell-properties fo:background-color="#1f3864"/>'
        '<style:text-properties fo:color="#ffffff"/></style:style>',
    )
    prefix = "" if t else "b_"
    s.append(
        Spec(
            f"{prefix}odt_clean_heading.odt",
            "odt",
            "clean",
            "odt.clean",
            "White bold heading on navy background.",
            "odfpy",
            build=clean_odt,
            visible=list(vis_t),
        )
    )
    s.append(
        Spec(
            f"{prefix}ods_clean_header.ods",
            "ods",
            "clean",
            "ods.clean",
            "White header cell on navy background.",
            "odfpy",
            build=clean_ods,
            visible=list(vis_s),
        )
    )
    if t:
        s.append(
            Spec(
                "odt_clean_plain.odt",
                "odt",
                "clean",
                "odt.clean",
                "Two plain paragraphs.",
                "odfpy",
                build=odf_with("odt", paragraphs()),
                visible=list(vis_t),
            )
        )
        s.append(
            Spec(
                "lo_ods_clean.xlsx",
                "xlsx",
                "clean",
                "xlsx.clean",
                "LibreOffice's XLSX of a plain ODS with a navy header.",
                "libreoffice",
                source=clean_ods,
                source_ext="ods",
                convert="xlsx",
                visible=list(vis_s),
            )
        )
        s.append(
            Spec(
                "lo_odt_clean.docx",
                "docx",
                "clean",
                "docx.clean",
                "LibreOffice's DOCX of a plain ODT with a navy heading.",
                "libreoffice",
                source=clean_odt,
                source_ext="odt",
                convert="docx",
                visible=list(vis_t),
            )
        )
        from gen_xlsx import xw_clean

        s.append(
            Spec(
                "lo_xlsx_clean.ods",
                "ods",
                "clean",
                "ods.clean",
                "LibreOffice's ODS of an xlsxwriter table with formats.",
                "libreoffice",
                source=xw_clean("freeze"),
                source_ext="xlsx",
                convert="ods",
                visible=["Released in full", "Refused under section 40", "Partly released"],
            )
        )
        s.append(
            Spec(
                "lo_xlsx_clean.pdf",
                "pdf",
                "clean",
                "pdf.clean",
                "LibreOffice's PDF of an xlsxwriter table.",
                "libreoffice",
                source=xw_clean("chart"),
                source_ext="xlsx",
                convert="pdf",
                visible=["Released in full", "Refused under section 40", "Partly released"],
            )
        )
    return s
