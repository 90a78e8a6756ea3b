"""What one DOCX story part holds that a reader does not see, finding by finding."""

from __future__ import annotations

import defusedxml.ElementTree as SafeXml

from foidesk.core.release_check.docx_elements import Page
from foidesk.core.release_check.docx_findings import story_findings
from foidesk.core.release_check.docx_styles import DocxStyles
from foidesk.core.release_check.findings import Severity
from foidesk.core.release_check.unseen_text import SeenText
from tests.core.release_check.corpus_documents import W_NAMESPACES, w_p
from tests.core.release_check.corpus_docx_red_team import _complex_field


def _codes(inner: str, fill: str | None = None, seen: str = "") -> dict[str, Severity]:
    root = SafeXml.fromstring(f"<w:document {W_NAMESPACES}><w:body>{inner}</w:body></w:document>")
    page = Page.of(root)
    findings = story_findings(root, "word/document.xml", DocxStyles(None), page, fill, SeenText([seen]))
    return {f.code: f.severity for f in findings}


def test_a_plain_story_has_no_findings() -> None:
    assert _codes(w_p("Plain text") + _complex_field(" PAGE ", "1")) == {}


def test_each_hiding_place_has_its_code_and_severity() -> None:
    assert _codes(w_p("x", "<w:vanish/>")) == {"docx.hidden_text": Severity.BLOCK}
    assert _codes(w_p("x", '<w:w w:val="1"/>')) == {"docx.tiny_text": Severity.BLOCK}
    assert _codes(w_p("x", '<w:color w:val="000000"/>'), fill="000000") == {"docx.white_text": Severity.BLOCK}
    assert _codes(w_p("x", '<w:color w:val="000000" w:themeColor="text1"/>')) == {
        "docx.unaccounted": Severity.BLOCK
    }
    assert _codes(_complex_field(' SET a "b" ', "")) == {"docx.field_text": Severity.BLOCK}
    assert _codes(_complex_field(" AUTHOR ", "A. Officer")) == {"docx.fields": Severity.WARN}
    assert _codes('<w:altChunk r:id="rId1"/>') == {"docx.alt_chunk": Severity.BLOCK}
    assert _codes('<w:p><w:bookmarkStart w:id="1" w:name="Name"/></w:p>') == {
        "docx.bookmarks": Severity.BLOCK
    }
    assert _codes('<w:p><w:bookmarkStart w:id="1" w:name="Name"/></w:p>', seen="Name:") == {
        "docx.bookmarks": Severity.WARN
    }
    assert _codes('<w:p><w:bookmarkStart w:id="1" w:name="_GoBack"/></w:p>') == {}
