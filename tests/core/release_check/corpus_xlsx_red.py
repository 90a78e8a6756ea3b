# ruff: noqa: E501  (the corpus carries XML written out by hand; its lines are data)
"""A red-team pass over the XLSX rules (issue 14): each file hides a secret just outside a rule.

Parts renamed so that their name no longer says what they are, relationships and content types the
gate does not know, text kept in validation messages, tooltips, custom views, scenarios, phonetic
guides and document titles, shapes laid over cells, columns made narrow by their defaults. Each file
starts from openpyxl's summary workbook and is edited part by part where openpyxl cannot write the leak.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation

from tests.core.release_check.corpus import CorpusFile, clean, leaky
from tests.core.release_check.corpus_spreadsheets import VISIBLE, rewrite_zip, summary_workbook, xlsx

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml."
SHEET = "xl/worksheets/sheet1.xml"
SHEET_RELS = "xl/worksheets/_rels/sheet1.xml.rels"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
DML = "http://schemas.openxmlformats.org/drawingml/2006/main"
SHEET_FORMAT = b'<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>'


# ------------------------------------------------------------------ building blocks


def _add_relationship(
    parts: dict[str, bytes], rels_part: str, kind: str, target: str, rid: str = "rIdRed"
) -> None:
    rel = f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
    if rels_part in parts:
        parts[rels_part] = parts[rels_part].replace(b"</Relationships>", rel.encode() + b"</Relationships>")
    else:
        parts[rels_part] = f'<Relationships xmlns="{PKG_REL}">{rel}</Relationships>'.encode()


def _override(parts: dict[str, bytes], name: str, content_type: str) -> None:
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/{name}" ContentType="{content_type}"/></Types>'.encode()
    )


def with_part(
    name: str,
    data: str,
    content_type: str | None,
    relationship: tuple[str, str, str] | None = None,
) -> Callable[[Path], None]:
    """The summary workbook with one part added: its content type (if any) and a relationship
    (rels part, type, target) leading to it (if any)."""

    def build(path: Path) -> None:
        summary_workbook().save(path)

        def change(parts: dict[str, bytes]) -> None:
            parts[name] = data.encode()
            if content_type is not None:
                _override(parts, name, content_type)
            if relationship is not None:
                _add_relationship(parts, *relationship)

        rewrite_zip(path, change)

    return build


def edited(
    edit: Callable[[openpyxl.Workbook], None], change: Callable[[dict[str, bytes]], None]
) -> Callable[[Path], None]:
    """The summary workbook edited by openpyxl, then part by part."""

    def build(path: Path) -> None:
        workbook = summary_workbook()
        edit(workbook)
        workbook.save(path)
        rewrite_zip(path, change)

    return build


def _sheet_edit(old: bytes, new: bytes, part: str = SHEET) -> Callable[[dict[str, bytes]], None]:
    def change(parts: dict[str, bytes]) -> None:
        assert old in parts[part], f"corpus edit {old!r} did not apply"
        parts[part] = parts[part].replace(old, new, 1)

    return change


def _nothing(workbook: openpyxl.Workbook) -> None:
    del workbook


def _comment(workbook: openpyxl.Workbook) -> None:
    workbook.active["B2"].comment = Comment("SECRET-RENAMED-COMMENT", "Reviewer")


def _rename(old: str, new: str) -> Callable[[dict[str, bytes]], None]:
    """Move a part to another name, rewriting the references to it (openpyxl writes absolute ones)."""

    def change(parts: dict[str, bytes]) -> None:
        parts[new] = parts.pop(old)
        for name in list(parts):
            if name.endswith(".rels") or name == "[Content_Types].xml":
                parts[name] = parts[name].replace(f"/{old}".encode(), f"/{new}".encode())

    return change


COMMENTS_XML = f'<comments xmlns="{MAIN_NS}"><authors><author>A</author></authors><commentList><comment ref="B2" authorId="0"><text><t>SECRET-COMMENT-AS-SHEET</t></text></comment></commentList></comments>'
PERSON_XML = '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="SECRET-PERSON-NAME" id="{1}" userId="x" providerId="None"/></personList>'
PIVOT_XML = f'<pivotCacheDefinition xmlns="{MAIN_NS}"><cacheFields count="1"><cacheField name="Surname"><sharedItems><s v="SECRET-PIVOT-RENAMED"/></sharedItems></cacheField></cacheFields></pivotCacheDefinition>'
LINK_XML = f'<externalLink xmlns="{MAIN_NS}"><externalBook><sheetNames><sheetName val="SECRET-EXTERNAL-SHEET"/></sheetNames></externalBook></externalLink>'
CONNECTIONS_XML = (
    f'<connections xmlns="{MAIN_NS}"><connection id="1" name="SECRET-CONNECTION" type="1"/></connections>'
)


def _package_entries() -> list[CorpusFile]:
    worksheet = SML + "worksheet+xml"
    return [
        leaky(
            "red_comments_renamed.xlsx",
            edited(_comment, _rename("xl/comments/comment1.xml", "xl/worksheets/sheet7.xml")),
            {"xlsx.comment"},
            "SECRET-RENAMED-COMMENT",
            *VISIBLE,
        ),
        leaky(
            "red_comments_typed_as_worksheet.xlsx",
            with_part(
                "xl/notes.xml", COMMENTS_XML, worksheet, (SHEET_RELS, f"{REL}/comments", "../notes.xml")
            ),
            {"xlsx.comment"},
            "SECRET-COMMENT-AS-SHEET",
            *VISIBLE,
        ),
        leaky(
            "red_comments_content_type_only.xlsx",
            with_part(
                "xl/worksheets/sheet2.xml",
                COMMENTS_XML,
                SML + "comments+xml",
                (SHEET_RELS, f"{REL}/comments", "sheet2.xml"),
            ),
            {"xlsx.comment"},
            "SECRET-COMMENT-AS-SHEET",
            *VISIBLE,
        ),
        leaky(
            "red_stray_rels.xlsx",
            with_part(
                "xl/worksheets/_rels/sheet9.xml.rels",
                f'<Relationships xmlns="{PKG_REL}"><Relationship Id="r1" Type="{REL}/hyperlink" Target="https://example.org/SECRET-STRAY-RELS" TargetMode="External"/></Relationships>',
                None,
            ),
            {"xlsx.unaccounted"},
            "SECRET-STRAY-RELS",
            *VISIBLE,
        ),
        leaky(
            "red_rels_outside_a_rels_folder.xlsx",
            with_part(
                "xl/worksheets/sheet1.xml.rels",
                f'<Relationships xmlns="{PKG_REL}"><Relationship Id="r1" Type="{REL}/hyperlink" Target="SECRET-LOOSE-RELS" TargetMode="External"/></Relationships>',
                None,
            ),
            {"xlsx.unaccounted"},
            "SECRET-LOOSE-RELS",
            *VISIBLE,
        ),
        leaky(
            "red_unknown_relationship_type.xlsx",
            with_part(
                "xl/extra/notes.xml",
                "<notes>SECRET-UNKNOWN-RELATIONSHIP</notes>",
                SML + "worksheet+xml",
                (WORKBOOK_RELS, "http://example.org/relationships/notes", "extra/notes.xml"),
            ),
            {"xlsx.unaccounted"},
            "SECRET-UNKNOWN-RELATIONSHIP",
            *VISIBLE,
        ),
        leaky(
            "red_part_without_content_type.xlsx",
            with_part("xl/worksheets/sheet1.bin", "SECRET-NO-CONTENT-TYPE", None),
            {"xlsx.unaccounted", "xlsx.unreferenced_part"},
            "SECRET-NO-CONTENT-TYPE",
            *VISIBLE,
        ),
        leaky(
            "red_theme_of_generic_type.xlsx",
            with_part(
                "xl/theme/theme7.xml",
                "<theme>SECRET-GENERIC-TYPE</theme>",
                None,
                (WORKBOOK_RELS, f"{REL}/theme", "theme/theme7.xml"),
            ),
            {"xlsx.unaccounted"},
            "SECRET-GENERIC-TYPE",
            *VISIBLE,
        ),
        leaky(
            "red_unreferenced_worksheet_elsewhere.xlsx",
            with_part(
                "xl/archive/old.xml",
                f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>SECRET-ORPHAN-SHEET</t></is></c></row></sheetData></worksheet>',
                worksheet,
            ),
            {"xlsx.unreferenced_part"},
            "SECRET-ORPHAN-SHEET",
            *VISIBLE,
        ),
        leaky(
            "red_person_list_renamed.xlsx",
            with_part(
                "xl/people.xml",
                PERSON_XML,
                "application/vnd.ms-excel.person+xml",
                (
                    WORKBOOK_RELS,
                    "http://schemas.microsoft.com/office/2017/10/relationships/person",
                    "people.xml",
                ),
            ),
            {"xlsx.threaded_comment"},
            "SECRET-PERSON-NAME",
            *VISIBLE,
        ),
        leaky(
            "red_pivot_cache_renamed.xlsx",
            with_part(
                "xl/worksheets/cache.xml",
                PIVOT_XML,
                SML + "pivotCacheDefinition+xml",
                (WORKBOOK_RELS, f"{REL}/pivotCacheDefinition", "worksheets/cache.xml"),
            ),
            {"xlsx.pivot_cache"},
            "SECRET-PIVOT-RENAMED",
            *VISIBLE,
        ),
        leaky(
            "red_external_link_renamed.xlsx",
            with_part(
                "xl/links/book.xml",
                LINK_XML,
                SML + "externalLink+xml",
                (WORKBOOK_RELS, f"{REL}/externalLink", "links/book.xml"),
            ),
            {"xlsx.external_link"},
            "SECRET-EXTERNAL-SHEET",
            *VISIBLE,
        ),
        leaky(
            "red_connections_renamed.xlsx",
            with_part(
                "xl/styles2.xml",
                CONNECTIONS_XML,
                SML + "connections+xml",
                (WORKBOOK_RELS, f"{REL}/connections", "styles2.xml"),
            ),
            {"xlsx.data_connection"},
            "SECRET-CONNECTION",
            *VISIBLE,
        ),
        leaky(
            "red_query_table_by_relationship.xlsx",
            with_part(
                "xl/tables/table9.xml",
                f'<queryTable xmlns="{MAIN_NS}" name="SECRET-QUERY-TABLE" connectionId="1"/>',
                SML + "table+xml",
                (SHEET_RELS, f"{REL}/queryTable", "../tables/table9.xml"),
            ),
            {"xlsx.query_table"},
            "SECRET-QUERY-TABLE",
            *VISIBLE,
        ),
        leaky(
            "red_custom_xml_renamed.xlsx",
            with_part(
                "xl/data/item1.xml",
                "<data>SECRET-CUSTOM-XML-ELSEWHERE</data>",
                "application/xml",
                (WORKBOOK_RELS, f"{REL}/customXml", "data/item1.xml"),
            ),
            {"xlsx.custom_xml"},
            "SECRET-CUSTOM-XML-ELSEWHERE",
            *VISIBLE,
        ),
        leaky(
            "red_table_comment.xlsx",
            edited(
                _table,
                _sheet_edit(
                    b'name="Ranks"', b'name="Ranks" comment="SECRET-TABLE-COMMENT"', "xl/tables/table1.xml"
                ),
            ),
            {"xlsx.comment"},
            "SECRET-TABLE-COMMENT",
            *VISIBLE,
        ),
        leaky(
            "red_table_column_comment.xlsx",
            edited(
                _table,
                _sheet_edit(
                    b'name="Headcount"',
                    b'name="Headcount" comment="SECRET-COLUMN-COMMENT"',
                    "xl/tables/table1.xml",
                ),
            ),
            {"xlsx.comment"},
            "SECRET-COLUMN-COMMENT",
            *VISIBLE,
        ),
    ]


def _table(workbook: openpyxl.Workbook) -> None:
    from openpyxl.worksheet.table import Table

    workbook.active.add_table(Table(displayName="Ranks", ref="A1:B4"))


# ------------------------------------------------------------------ text kept outside the cells


def _validation(**messages: str) -> Callable[[openpyxl.Workbook], None]:
    def edit(workbook: openpyxl.Workbook) -> None:
        validation = DataValidation(type="whole", operator="greaterThan", formula1="0", **messages)  # type: ignore[arg-type]
        validation.add("B2:B4")
        workbook.active.add_data_validation(validation)

    return edit


def _tooltip(workbook: openpyxl.Workbook) -> None:
    cell = workbook.active["A2"]
    cell.hyperlink = "https://www.example.org/ranks"
    assert cell.hyperlink is not None
    cell.hyperlink.tooltip = "SECRET-TOOLTIP"


def _workbook_edit(old: bytes, new: bytes) -> Callable[[dict[str, bytes]], None]:
    return _sheet_edit(old, new, "xl/workbook.xml")


def _text_entries() -> list[CorpusFile]:
    return [
        leaky(
            "red_validation_prompt.xlsx",
            xlsx(_validation(promptTitle="Note", prompt="SECRET-VALIDATION-PROMPT", showInputMessage=True)),  # type: ignore[arg-type]
            {"xlsx.validation_message"},
            "SECRET-VALIDATION-PROMPT",
            *VISIBLE,
        ),
        leaky(
            "red_validation_prompt_not_shown.xlsx",
            xlsx(_validation(prompt="SECRET-PROMPT-NOT-SHOWN")),
            {"xlsx.validation_message"},
            "SECRET-PROMPT-NOT-SHOWN",
            *VISIBLE,
        ),
        leaky(
            "red_validation_error_title.xlsx",
            xlsx(_validation(errorTitle="SECRET-ERROR-TITLE")),
            {"xlsx.validation_message"},
            "SECRET-ERROR-TITLE",
            *VISIBLE,
        ),
        leaky(
            "red_validation_prompt_in_extension.xlsx",
            edited(
                _nothing,
                _sheet_edit(
                    b"</worksheet>",
                    b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
                    b'<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" showInputMessage="1" prompt="SECRET-X14-PROMPT">'
                    b"<x14:formula1><xm:f>Headcount!$A$2:$A$4</xm:f></x14:formula1><xm:sqref>B2</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>",
                ),
            ),
            {"xlsx.validation_message"},
            "SECRET-X14-PROMPT",
            *VISIBLE,
        ),
        leaky(
            "red_validation_error.xlsx",
            xlsx(_validation(error="SECRET-VALIDATION-ERROR", showErrorMessage=True)),  # type: ignore[arg-type]
            {"xlsx.validation_message"},
            "SECRET-VALIDATION-ERROR",
            *VISIBLE,
        ),
        leaky(
            "red_hyperlink_tooltip.xlsx",
            xlsx(_tooltip),
            {"xlsx.hyperlink_text"},
            "SECRET-TOOLTIP",
            *VISIBLE,
        ),
        leaky(
            "red_hyperlink_display.xlsx",
            edited(
                _nothing,
                _sheet_edit(
                    b"</sheetData>",
                    b'</sheetData><hyperlinks><hyperlink ref="A2" location="Headcount!A1" display="SECRET-LINK-DISPLAY"/></hyperlinks>',
                ),
            ),
            {"xlsx.hyperlink_display"},
            "SECRET-LINK-DISPLAY",
            *VISIBLE,
        ),
        leaky(
            "red_custom_sheet_view.xlsx",
            edited(
                _nothing,
                _sheet_edit(
                    b"</sheetData>",
                    b'</sheetData><customSheetViews><customSheetView guid="{00000000-0000-0000-0000-000000000001}"><headerFooter><oddHeader>SECRET-CUSTOM-VIEW</oddHeader></headerFooter></customSheetView></customSheetViews>',
                ),
            ),
            {"xlsx.custom_view"},
            "SECRET-CUSTOM-VIEW",
            *VISIBLE,
        ),
        leaky(
            "red_custom_workbook_view.xlsx",
            edited(
                _nothing,
                _workbook_edit(
                    b"<sheets>",
                    b'<customWorkbookViews><customWorkbookView name="SECRET-WORKBOOK-VIEW" guid="{00000000-0000-0000-0000-000000000002}" windowWidth="800" windowHeight="600" activeSheetId="1"/></customWorkbookViews><sheets>',
                ),
            ),
            {"xlsx.custom_view"},
            "SECRET-WORKBOOK-VIEW",
            *VISIBLE,
        ),
        leaky(
            "red_scenario.xlsx",
            edited(
                _nothing,
                _sheet_edit(
                    b"</sheetData>",
                    b'</sheetData><scenarios><scenario name="Worst case" count="1" user="SECRET-SCENARIO-USER"><inputCells r="B2" val="999"/></scenario></scenarios>',
                ),
            ),
            {"xlsx.scenario"},
            "SECRET-SCENARIO-USER",
            *VISIBLE,
        ),
        leaky(
            "red_phonetic_inline.xlsx",
            edited(
                _nothing,
                _sheet_edit(
                    b"<t>Constable</t>",
                    b'<t>Constable</t><rPh sb="0" eb="1"><t>SECRET-PHONETIC-INLINE</t></rPh>',
                ),
            ),
            {"xlsx.phonetic_text"},
            "SECRET-PHONETIC-INLINE",
            *VISIBLE,
        ),
        leaky(
            "red_phonetic_shared.xlsx",
            _phonetic_shared,
            {"xlsx.phonetic_text"},
            "SECRET-PHONETIC-SHARED",
            *VISIBLE,
        ),
        leaky(
            "red_name_with_text_and_reference.xlsx",
            xlsx(_name_with_text),
            {"xlsx.name_with_data"},
            "SECRET-NAME-TEXT",
            *VISIBLE,
        ),
        leaky(
            "red_stale_title_of_parts.xlsx",
            edited(_nothing, _stale_title),
            {"xlsx.stale_title"},
            "SECRET-DELETED-SHEET",
            *VISIBLE,
        ),
        leaky(
            "red_document_title.xlsx",
            xlsx(_title),
            {"xlsx.document_properties"},
            "SECRET-DOC-TITLE",
            *VISIBLE,
        ),
    ]


def _name_with_text(workbook: openpyxl.Workbook) -> None:
    from openpyxl.workbook.defined_name import DefinedName

    workbook.defined_names["Remark"] = DefinedName(
        "Remark", attr_text='IF(Headcount!$B$2>0,"SECRET-NAME-TEXT","")'
    )


def _title(workbook: openpyxl.Workbook) -> None:
    workbook.properties.title = "SECRET-DOC-TITLE"


def _stale_title(parts: dict[str, bytes]) -> None:
    parts["docProps/app.xml"] = (
        b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        b'<TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>Headcount</vt:lpstr>'
        b"<vt:lpstr>SECRET-DELETED-SHEET</vt:lpstr></vt:vector></TitlesOfParts></Properties>"
    )


def _phonetic_shared(path: Path) -> None:
    summary_workbook().save(path)

    def change(parts: dict[str, bytes]) -> None:
        parts[SHEET] = parts[SHEET].replace(
            b'<c r="A2" t="inlineStr"><is><t>Constable</t></is></c>', b'<c r="A2" t="s"><v>0</v></c>'
        )
        parts["xl/sharedStrings.xml"] = (
            f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>Constable</t>'
            '<rPh sb="0" eb="4"><t>SECRET-PHONETIC-SHARED</t></rPh></si></sst>'
        ).encode()
        _add_relationship(parts, WORKBOOK_RELS, f"{REL}/sharedStrings", "sharedStrings.xml", "rIdS")
        _override(parts, "xl/sharedStrings.xml", SML + "sharedStrings+xml")

    rewrite_zip(path, change)


# ------------------------------------------------------------------ entries


def entries() -> list[CorpusFile]:
    from tests.core.release_check import corpus_xlsx_layout_red, corpus_xlsx_visibility

    return (
        _package_entries()
        + corpus_xlsx_layout_red.entries()
        + _text_entries()
        + corpus_xlsx_visibility.entries()
        + _string_entries()
        + _sheet_element_entries()
        + _clean_entries()
    )


def _clean_entries() -> list[CorpusFile]:
    def table(workbook: openpyxl.Workbook) -> None:
        _table(workbook)

    def list_validation(workbook: openpyxl.Workbook) -> None:
        validation = DataValidation(type="whole", operator="greaterThan", formula1="0")
        validation.add("B2:B4")
        workbook.active.add_data_validation(validation)

    def link(workbook: openpyxl.Workbook) -> None:
        workbook.active["A5"] = "https://www.example.org/ranks"
        workbook.active["A5"].hyperlink = "https://www.example.org/ranks"

    def titles(parts: dict[str, bytes]) -> None:
        parts["docProps/app.xml"] = (
            b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            b'<TitlesOfParts><vt:vector size="2" baseType="lpstr"><vt:lpstr>Headcount</vt:lpstr>'
            b"<vt:lpstr>Headcount!Print_Area</vt:lpstr></vt:vector></TitlesOfParts></Properties>"
        )

    def print_area(workbook: openpyxl.Workbook) -> None:
        workbook.active.print_area = "A1:B4"

    wide = b'<sheetFormatPr baseColWidth="10" defaultColWidth="12" defaultRowHeight="15"/>'
    return [
        clean("clean_red_titles_of_sheets_and_print_area.xlsx", edited(print_area, titles), *VISIBLE),
        clean(
            "clean_red_wide_default_columns.xlsx", edited(_nothing, _sheet_edit(SHEET_FORMAT, wide)), *VISIBLE
        ),
        clean("clean_red_table.xlsx", xlsx(table), *VISIBLE),
        clean("clean_red_validation_without_messages.xlsx", xlsx(list_validation), *VISIBLE),
        clean("clean_red_hyperlink.xlsx", xlsx(link), *VISIBLE),
    ]


def _orphan_string(path: Path) -> None:
    """A shared string no cell refers to (Excel drops such strings on saving; a tool need not)."""
    from tests.core.release_check.corpus_spreadsheets import plain_row, raw_xlsx

    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    rows += "".join(plain_row(n, 2 + n % 2, n) for n in range(2, 5))
    raw_xlsx(path, rows, ["Rank", "Headcount", "Constable", "Sergeant", "SECRET-ORPHAN-STRING"])


def _phonetic_only_string(path: Path) -> None:
    """A string item whose only text is a phonetic run: shown as empty, its guide holds the secret."""
    from tests.core.release_check.corpus_spreadsheets import plain_row, raw_xlsx

    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    rows += "".join(plain_row(n, 2 + n % 2, n) for n in range(2, 5))
    rows += '<row r="6"><c r="A6" t="s"><v>4</v></c></row>'
    raw_xlsx(
        path,
        rows,
        [
            "Rank",
            "Headcount",
            "Constable",
            "Sergeant",
            '</t><rPh sb="0" eb="0"><t>SECRET-PHONETIC-ONLY</t></rPh><t>',
        ],
    )


def _string_entries() -> list[CorpusFile]:
    return [
        leaky(
            "red_orphan_shared_string.xlsx",
            _orphan_string,
            {"xlsx.unused_string"},
            "SECRET-ORPHAN-STRING",
            *VISIBLE,
        ),
        leaky(
            "red_phonetic_only_string.xlsx",
            _phonetic_only_string,
            {"xlsx.phonetic_text"},
            "SECRET-PHONETIC-ONLY",
            *VISIBLE,
        ),
    ]


def _sheet_element_entries() -> list[CorpusFile]:
    return [
        leaky(
            "red_smart_tags.xlsx",
            edited(
                _nothing,
                _sheet_edit(
                    b"</sheetData>",
                    b'</sheetData><smartTags><cellSmartTags r="A2"><cellSmartTag type="0"><cellSmartTagPr key="name" val="SECRET-SMART-TAG"/></cellSmartTag></cellSmartTags></smartTags>',
                ),
            ),
            {"xlsx.unaccounted"},
            "SECRET-SMART-TAG",
            *VISIBLE,
        ),
        leaky(
            "red_web_publish_title.xlsx",
            edited(
                _nothing,
                _sheet_edit(
                    b"</worksheet>",
                    b'<webPublishItems count="1"><webPublishItem id="1" divId="x" sourceType="sheet" destinationFile="x.htm" title="SECRET-WEB-TITLE"/></webPublishItems></worksheet>',
                ),
            ),
            {"xlsx.unaccounted"},
            "SECRET-WEB-TITLE",
            *VISIBLE,
        ),
    ]
