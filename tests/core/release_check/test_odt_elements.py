"""ODT elements known or unaccounted, and the places an OpenDocument text keeps words unseen."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeXml

from foidesk.core.release_check.odt_elements import (
    alt_texts,
    conditional_texts,
    form_values,
    hidden_variables,
    unaccounted_elements,
    unlisted_package_files,
)
from tests.core.release_check.corpus_documents import ODF_NAMESPACES, make_odt


def _text(inner: str) -> Element:
    return SafeXml.fromstring(
        f'<office:text {ODF_NAMESPACES} xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0">'
        f"{inner}</office:text>"
    )


def test_ordinary_text_is_known_and_extensions_are_not() -> None:
    assert unaccounted_elements(_text("<text:p>a<text:span>b</text:span><text:s/></text:p>")) == []
    assert unaccounted_elements(_text('<text:p><x:y xmlns:x="urn:x"/><text:made-up/></text:p>')) == [
        "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}made-up",
        "{urn:x}y",
    ]


def test_the_string_a_conditional_text_does_not_show_is_found() -> None:
    element = _text(
        '<text:p><text:conditional-text text:condition="x" text:string-value-if-true="hid" '
        'text:string-value-if-false="shown">shown</text:conditional-text></text:p>'
    )
    assert conditional_texts(element) == ["hid"]


def test_values_stored_and_not_displayed_are_found_and_displayed_ones_are_not() -> None:
    shown = _text(
        '<text:user-field-decls><text:user-field-decl text:name="A" office:string-value="v"/>'
        "</text:user-field-decls>"
        '<text:p><text:user-field-get text:name="A">v</text:user-field-get></text:p>'
    )
    assert hidden_variables(shown) == []
    hidden = _text(
        '<text:user-field-decls><text:user-field-decl text:name="B" office:string-value="w"/>'
        "</text:user-field-decls>"
    )
    assert hidden_variables(hidden) == ["w"]


def test_form_values_and_alt_text_are_found() -> None:
    element = _text(
        '<office:forms><form:form form:name="F"><form:text form:current-value="typed"/></form:form>'
        "</office:forms>"
        "<text:p><draw:frame><svg:title>described</svg:title></draw:frame></text:p>"
    )
    assert form_values(element) == ["typed"]
    assert alt_texts(element) == ["described"]


def test_package_files_must_be_listed_and_of_a_known_kind(tmp_path: Path) -> None:
    path = tmp_path / "a.odt"
    make_odt(path, "", parts={"notes.xml": b"x"}, unlisted={"Pictures/p.png": b"y"})
    with zipfile.ZipFile(path) as archive:
        manifest = SafeXml.fromstring(archive.read("META-INF/manifest.xml"))
        assert sorted(unlisted_package_files(archive, manifest)) == ["Pictures/p.png", "notes.xml"]
