"""DOCX story elements: known, known to hide, or unaccounted; fields, alt text, fallbacks, off-page boxes."""

from __future__ import annotations

from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeXml

from foidesk.core.release_check.docx_elements import (
    Page,
    alt_texts,
    bookmark_names,
    fallback_differences,
    field_instructions,
    field_with_text,
    off_page_text,
    unaccounted_elements,
)
from tests.core.release_check.corpus_documents import W_NAMESPACES, w_p
from tests.core.release_check.corpus_docx_red_team import _anchor, _complex_field


def _body(inner: str) -> Element:
    return SafeXml.fromstring(f"<w:body {W_NAMESPACES}>{inner}</w:body>")


def test_ordinary_paragraphs_tables_and_drawings_are_known() -> None:
    body = _body(w_p("Plain", "<w:b/><w:lang w:val='en-GB'/>") + _anchor(1_000_000, "Box"))
    assert unaccounted_elements(body) == []


def test_unknown_elements_and_text_outside_text_elements_are_unaccounted() -> None:
    body = _body('<w:p><w:r><w:madeUp/><w:tab>words</w:tab></w:r><x:y xmlns:x="urn:x"/></w:p>')
    assert set(unaccounted_elements(body)) == {"w:madeUp", "text in tab", "{urn:x}y"}


def test_field_instructions_are_joined_across_runs_and_judged() -> None:
    body = _body(_complex_field(' SET a "words" ', "") + _complex_field(" PAGE ", "1"))
    assert field_instructions(body) == ['SET a "words"', "PAGE"]
    assert field_with_text('SET a "words"')
    assert field_with_text('IF 1 = 2 "a" "b"')
    assert not field_with_text("PAGE \\* MERGEFORMAT")
    assert not field_with_text('HYPERLINK "https://example.org/"')
    assert field_with_text('HYPERLINK "https://example.org/" \\o "tip"')
    assert not field_with_text("= 2 + 3")
    assert not field_with_text("MACROBUTTON NoMacro [Type the name here]")  # a template's prompt, shown
    assert field_with_text('QUOTE "hidden until updated"')


def test_alt_text_tooltips_and_named_bookmarks_are_found_but_words_own_bookmarks_are_not() -> None:
    body = _body(
        '<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkStart w:id="1" w:name="Witness"/>'
        '<w:hyperlink w:tooltip="tip"><w:r><w:t>x</w:t></w:r></w:hyperlink>'
        '<w:r><w:pict><v:rect alt="a picture"/></w:pict></w:r></w:p>'
    )
    assert bookmark_names(body) == ["Witness"]
    assert sorted(alt_texts(body)) == ["a picture", "tip"]


def test_fallback_words_the_choice_does_not_show_are_found() -> None:
    same = _body(
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<mc:Choice>{w_p('Shown words')}</mc:Choice><mc:Fallback>{w_p('Shown words')}</mc:Fallback>"
        "</mc:AlternateContent>"
    )
    assert fallback_differences(same) == []
    other = _body(
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<mc:Choice>{w_p('Shown')}</mc:Choice><mc:Fallback>{w_p('Shown secret')}</mc:Fallback>"
        "</mc:AlternateContent>"
    )
    assert fallback_differences(other) == ["secret"]


def test_a_box_is_off_the_page_only_when_wholly_beyond_it() -> None:
    page = Page.of(_body(""))  # A4 when no section says otherwise
    assert off_page_text(_body(_anchor(20_000_000, "far right")), page) == ["far right"]
    assert off_page_text(_body(_anchor(5_000_000, "on the page")), page) == []
    assert off_page_text(_body(_anchor(-1_000_000, "overhanging left")), page) == []
    assert off_page_text(_body(_anchor(-12_000_000, "far left", relative="margin")), page) == ["far left"]
