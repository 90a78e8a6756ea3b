"""Every DOCX part accounted for by relationship type and content type, never by its name."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

from foidesk.core.release_check.docx_parts import read_package, rels_of, resolve
from tests.core.release_check.corpus_documents import COMMENTS, Rel, make_docx
from tests.core.release_check.corpus_docx_red_team import COMMENTS_TYPE


def _package(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    with zipfile.ZipFile(path) as archive:
        package = read_package(archive, set(archive.namelist()))
    return package.roles, package.unaccounted


def test_targets_resolve_from_their_source_part() -> None:
    assert resolve("", "word/document.xml") == "word/document.xml"
    assert resolve("word/document.xml", "../customXml/item1.xml") == "customXml/item1.xml"
    assert resolve("word/document.xml", "/word/media/a.png") == "word/media/a.png"
    assert rels_of("word/document.xml") == "word/_rels/document.xml.rels"


def test_a_python_docx_document_is_wholly_accounted_for() -> None:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Plain")
    document.sections[0].header.paragraphs[0].text = "Header"
    document.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        package = read_package(archive, set(archive.namelist()))
    assert package.unaccounted == {}
    assert package.part("main") == "word/document.xml"
    assert package.parts("header") and package.part("theme") == "word/theme/theme1.xml"


def test_comments_under_another_name_are_comments_by_their_relationship(tmp_path: Path) -> None:
    path = tmp_path / "renamed.docx"
    make_docx(
        path,
        "",
        parts={"word/notes1.xml": COMMENTS},
        rels=[Rel("rId30", "comments", "notes1.xml")],
        types=COMMENTS_TYPE,
    )
    roles, unaccounted = _package(path)
    assert roles["word/notes1.xml"] == "comments"
    assert unaccounted == {}


def test_a_part_no_relationship_reaches_and_a_stray_rels_are_unaccounted(tmp_path: Path) -> None:
    path = tmp_path / "stray.docx"
    make_docx(path, "", parts={"word/comments2.xml": COMMENTS, "word/_rels/ghost.xml.rels": "<x/>"})
    _, unaccounted = _package(path)
    assert set(unaccounted) == {"word/comments2.xml", "word/_rels/ghost.xml.rels"}


def test_a_known_relationship_to_a_part_of_the_wrong_type_is_unaccounted_but_read_for_looks(
    tmp_path: Path,
) -> None:
    path = tmp_path / "wrong.docx"
    make_docx(
        path, "", parts={"word/styles.xml": "<w:styles/>"}, types={"word/styles.xml": "application/xml"}
    )
    with zipfile.ZipFile(path) as archive:
        package = read_package(archive, set(archive.namelist()))
    assert "word/styles.xml" in package.unaccounted
    assert package.look_roles()["word/styles.xml"] == "styles"


def test_an_unknown_relationship_type_is_unaccounted(tmp_path: Path) -> None:
    path = tmp_path / "unknown.docx"
    make_docx(
        path, "", parts={"word/x.xml": "<x/>"}, rels=[Rel("rId9", "http://example.org/rel/secret", "x.xml")]
    )
    _, unaccounted = _package(path)
    assert "word/x.xml" in unaccounted and "secret" in unaccounted["word/x.xml"]
