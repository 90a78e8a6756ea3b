"""Carriers of text no page shows (alt text, bookmarks, a glossary) block unless the text is the tool's own,
a plain description, or words the reader sees; each rule with a leaky file and a near miss that passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from foidesk.core.release_check import check_file, sanitise_file
from foidesk.core.release_check.findings import Severity
from foidesk.core.release_check.unseen_text import (
    SeenText,
    is_plain_description,
    is_tool_bookmark,
    is_tool_name,
    is_word_placeholder,
    property_texts,
)
from tests.core.release_check.corpus_documents import _w_part, make_docx, make_odt, w_p


def test_a_carriers_words_are_seen_in_order_and_whole() -> None:
    seen = SeenText(["Refusal reasons", "Smithfield market, Mr Jones"])
    assert seen.sees("RefusalReasons") and seen.sees("refusal_reasons") and seen.sees("MARKET")
    assert not seen.sees("Smith")  # part of a longer word
    assert not seen.sees("reasons refusal")  # not in that order
    assert not seen.sees("Jones Smithfield")


@pytest.mark.parametrize(
    "name", ["Picture 1", "Image3", "Text Box 4", "Straight Arrow Connector 7", "Table1", ""]
)
def test_the_tools_own_object_names_are_allowed(name: str) -> None:
    assert is_tool_name(name)


@pytest.mark.parametrize("name", ["Picture of J Smith", "Picture 1 SECRET", "SECRET 1"])
def test_a_name_just_outside_the_tools_own_is_not(name: str) -> None:
    assert not is_tool_name(name)


@pytest.mark.parametrize(
    "name", ["_GoBack", "_Toc123456", "_Hlk99", "_Ref12", "__RefHeading__12_345", "OLE_LINK1"]
)
def test_word_and_libreoffice_bookmarks_are_allowed(name: str) -> None:
    assert is_tool_bookmark(name)


@pytest.mark.parametrize("name", ["_SECRET_41", "_GoBackHome", "_Toc12x", "Witness"])
def test_a_bookmark_just_outside_the_tools_own_is_not(name: str) -> None:
    assert not is_tool_bookmark(name)


@pytest.mark.parametrize(
    "text",
    [
        "Bar chart of requests by month",
        "A picture containing text, logo\n\nDescription automatically generated",
        "Logo of the police service",
    ],
)
def test_plain_descriptions_are_allowed(text: str) -> None:
    assert is_plain_description(text)


@pytest.mark.parametrize(
    "text",
    [
        "SECRET-6FFF-E2BE",
        "Photo of John Smith at the station",  # a name, by the personal-data recogniser
        "Code 4172 Description automatically generated",  # figures before Word's line
        "informant lives at 4 Acacia Avenue",
        " ".join(["word"] * 21),  # longer than a description
    ],
)
def test_text_just_outside_a_plain_description_is_not(text: str) -> None:
    assert not is_plain_description(text)


def test_words_own_glossary_prompts_are_allowed_and_nothing_else() -> None:
    assert is_word_placeholder("Click or tap here to enter text.")
    assert not is_word_placeholder("Click or tap here to enter text. SECRET")


def _picture(descr: str) -> str:
    return (
        '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/>'
        f'<wp:docPr id="1" name="Picture 1" descr="{descr}"/></wp:inline></w:drawing></w:r></w:p>'
    )


def _bookmark(name: str) -> str:
    return (
        f'<w:p><w:bookmarkStart w:id="1" w:name="{name}"/>'
        '<w:r><w:t>Summary</w:t></w:r><w:bookmarkEnd w:id="1"/></w:p>'
    )


def _glossary(text: str) -> dict[str, str | bytes]:
    return {"word/glossary/document.xml": _w_part("glossaryDocument", w_p(text))}


DOCX_CASES = [
    ("alt-secret", _picture("SECRET-ALT-4411"), {}, "docx.alt_text", Severity.BLOCK),
    ("alt-seen", _picture("Dear requester"), {}, "docx.alt_text", Severity.WARN),
    ("alt-description", _picture("Bar chart of requests by month"), {}, "docx.alt_text", Severity.WARN),
    ("bookmark-secret", _bookmark("SECRET_BOOK_4412"), {}, "docx.bookmarks", Severity.BLOCK),
    ("bookmark-underscore", _bookmark("_SECRET_4413"), {}, "docx.bookmarks", Severity.BLOCK),
    ("bookmark-seen", _bookmark("Summary"), {}, "docx.bookmarks", Severity.WARN),
    ("glossary-secret", "", _glossary("SECRET-GLOSS-4414"), "docx.glossary", Severity.BLOCK),
    ("glossary-prompt", "", _glossary("Click or tap here to enter text."), "docx.glossary", Severity.WARN),
    ("glossary-empty", "", _glossary(""), "docx.glossary", Severity.WARN),
]


@pytest.mark.parametrize(
    ("name", "body", "parts", "code", "severity"), DOCX_CASES, ids=[c[0] for c in DOCX_CASES]
)
def test_docx_carriers_block_text_no_reader_sees(
    tmp_path: Path, name: str, body: str, parts: dict[str, str | bytes], code: str, severity: Severity
) -> None:
    path = tmp_path / f"{name}.docx"
    make_docx(path, body, parts=parts)
    report = check_file(str(path))
    found = {f.code: f.severity for f in report.findings}
    assert found.get(code) == severity, report.findings
    assert report.blocked == (severity == Severity.BLOCK)
    copy = tmp_path / f"copy-{name}.docx"
    sanitise_file(str(path), str(copy))
    assert b"SECRET" not in b"".join(_members(copy))
    assert not check_file(str(copy)).blocked


def _members(path: Path) -> list[bytes]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return [archive.read(name) for name in archive.namelist()]


ODT_CASES = [
    ("odt-bookmark-secret", '<text:p><text:bookmark text:name="SECRET-ODT-4415"/>x</text:p>', Severity.BLOCK),
    ("odt-bookmark-seen", '<text:p><text:bookmark text:name="Answer"/>x</text:p>', Severity.WARN),
]


@pytest.mark.parametrize(("name", "body", "severity"), ODT_CASES, ids=[c[0] for c in ODT_CASES])
def test_odt_bookmarks_block_names_no_reader_sees(
    tmp_path: Path, name: str, body: str, severity: Severity
) -> None:
    path = tmp_path / f"{name}.odt"
    make_odt(path, body)
    report = check_file(str(path))
    assert {f.code: f.severity for f in report.findings}.get("odt.bookmarks") == severity, report.findings
    assert report.blocked == (severity == Severity.BLOCK)


# ------------------------------------------------------------------ document properties


def test_free_text_and_custom_properties_are_judged_and_the_rest_are_not() -> None:
    fields = [
        ("title", "Headcount"),
        ("creator", "SECRET-AUTHOR"),
        ("description", "generated by python-docx"),
    ]
    custom = [
        ("MSIP_Label_0a1b2c3d-0000-4000-8000-000000000000_Name", "OFFICIAL-SENSITIVE"),
        ("Reviewed", "true"),  # a person's property: its name is text, its value a flag
        ("Reviewer", "SECRET-REVIEWER"),
    ]
    assert property_texts(fields, custom) == ["Headcount", "Reviewed", "Reviewer", "SECRET-REVIEWER"]
    # A tool's property name holds ids, flags and labels; a code hidden in one is judged as text.
    assert property_texts([], [("Order", "1200.0000"), ("ContentTypeId", "0x0101009C")]) == []
    assert property_texts([], [("Order", "SECRET-6608")]) == ["SECRET-6608"]


def _docx_with_properties(path: Path, **properties: str) -> Path:
    import docx

    document = docx.Document()
    document.add_heading("Headcount by rank", level=1)
    document.add_paragraph("We hold the information you asked for.")
    for name, value in properties.items():
        setattr(document.core_properties, name, value)
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("properties", "blocked"),
    [
        ({"title": "Headcount by rank"}, False),  # the heading the page shows
        ({"title": "Headcount by rank", "author": "SECRET-AUTHOR"}, False),  # who wrote it: warned of
        ({"keywords": "SECRET-KEYWORD-6601"}, True),
        ({"comments": "Do not release: SECRET-6602"}, True),
        ({"subject": "Headcount by rank, draft"}, True),  # one word more than the page shows
        ({"category": "Headcount"}, False),
    ],
)
def test_docx_properties_block_text_the_document_does_not_show(
    tmp_path: Path, properties: dict[str, str], blocked: bool
) -> None:
    path = _docx_with_properties(tmp_path / "letter.docx", **properties)
    report = check_file(str(path))
    assert report.blocked == blocked, report.findings
    copy = tmp_path / "copy.docx"
    sanitise_file(str(path), str(copy))
    assert b"SECRET" not in b"".join(_members(copy))


def _ods_with_meta(path: Path, add: object) -> Path:
    from odf import text
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow

    document = OpenDocumentSpreadsheet()
    table = Table(name="Headcount")
    row = TableRow()
    cell = TableCell()
    cell.addElement(text.P(text="Constable"))
    row.addElement(cell)
    table.addElement(row)
    document.spreadsheet.addElement(table)
    add(document)  # type: ignore[operator]
    document.save(str(path))
    return path


def _odf_title(value: str) -> object:
    from odf import dc

    return lambda document: document.meta.addElement(dc.Title(text=value))


def _odf_user_defined(name: str, value: str) -> object:
    from odf import meta

    return lambda document: document.meta.addElement(meta.UserDefined(name=name, text=value))


@pytest.mark.parametrize(
    ("add", "blocked"),
    [
        (_odf_title("Headcount"), False),  # the table's name
        (_odf_title("SECRET-ODS-TITLE-6603"), True),
        (_odf_user_defined("AppVersion", "16.0000"), False),  # carried over from a DOCX by LibreOffice
        (_odf_user_defined("Constable", "SECRET-ODS-6604"), True),
    ],
)
def test_ods_properties_block_text_no_cell_shows(tmp_path: Path, add: object, blocked: bool) -> None:
    report = check_file(str(_ods_with_meta(tmp_path / "table.ods", add)))
    assert report.blocked == blocked, report.findings


def test_odt_properties_block_text_the_document_does_not_show(tmp_path: Path) -> None:
    leaky = tmp_path / "leaky.odt"
    make_odt(leaky, "", meta="<dc:subject>SECRET-ODT-SUBJECT-6605</dc:subject>")
    assert "odt.metadata" in {f.code for f in check_file(str(leaky)).findings if f.severity is Severity.BLOCK}
    near = tmp_path / "near.odt"
    make_odt(near, "", meta="<dc:subject>Our answer</dc:subject><dc:creator>A. Officer</dc:creator>")
    assert not check_file(str(near)).blocked


@pytest.mark.parametrize(
    ("title", "custom", "blocked"),
    [
        ("Headcount by rank", None, False),
        ("SECRET-XLSX-TITLE-6606", None, True),
        (None, ("MSIP_Label_0a1b2c3d-0000-4000-8000-000000000000_Name", "OFFICIAL"), False),
        (None, ("Checked", "SECRET-XLSX-CUSTOM-6607"), True),
    ],
)
def test_xlsx_properties_block_text_no_cell_shows(
    tmp_path: Path, title: str | None, custom: tuple[str, str] | None, blocked: bool
) -> None:
    import openpyxl
    from openpyxl.packaging.custom import StringProperty

    book = openpyxl.Workbook()
    book.active.title = "Headcount"
    book.active.append(["Headcount by rank"])
    book.properties.title = title
    if custom is not None:
        book.custom_doc_props.append(StringProperty(name=custom[0], value=custom[1]))
    path = tmp_path / "book.xlsx"
    book.save(path)
    report = check_file(str(path))
    assert report.blocked == blocked, report.findings
    copy = tmp_path / "copy.xlsx"
    sanitise_file(str(path), str(copy))
    assert b"SECRET" not in b"".join(_members(copy))
