"""The reference case's letter is one a decision maker would sign: every s.17 element, absolute links,
the review contact, the [c] cells explained as a partial refusal under s.40(2), the "not recorded
centrally" part refused under s.12 with its estimate, and nothing said twice; in HTML, PDF and DOCX."""

from __future__ import annotations

import io
import re
from collections import Counter
from html import unescape
from pathlib import Path

import pikepdf
import pytest
from docx import Document as DocxDocument

from foidesk.core.notice import Severity, check_response
from foidesk.core.release_check import check_file
from foidesk.web.cases.letters import letter_for_case, letter_problems, response_for_case
from foidesk.web.cases.models import Request
from foidesk.web.demo.loader import REFERENCE, load_demo

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def case() -> Request:
    load_demo(register_size=300)
    return Request.objects.get(reference=REFERENCE)


def _paragraphs(html: str) -> list[str]:
    blocks = re.findall(r"<(p|li)>(.*?)</\1>", html, flags=re.DOTALL)
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split()) for _, body in blocks]


def _normalised(text: str) -> str:
    return " ".join(text.split())


def test_the_reference_letter_has_every_element_and_says_nothing_twice(case: Request) -> None:
    assert [f.code for f in check_response(response_for_case(case)) if f.severity is Severity.ERROR] == []
    assert [f.code for f in letter_problems(case)] == []
    html = letter_for_case(case, "html").decode()
    text = " ".join(_paragraphs(html))
    # s.17(1): refused, the exemptions named, why they apply
    assert "Refusal Notice under section 17 of the Freedom of Information Act 2000" in text
    assert "s.40(2) Personal information" in text and "s.21 Information accessible" in text
    assert "motivated intruder" in text
    # s.17(5): the s.12 refusal says so, with the estimate item by item and s.16 advice
    assert "Request 2, Q4 of your request is refused under section 12(1)" in text
    assert "complying would take 30 hours, costing £750.00" in text
    assert "Advice and assistance (section 16)" in text
    assert "The information you asked for in this part is not held" not in text  # it is held, locally
    # the [c] cells: a partial refusal, which table, which cells, why, citing s.40(2)
    assert "Request 2, Q1: Partly disclosed" in html
    assert re.search(r"Withheld from the table ‘Misconduct register: .*’ under s\.40\(2\): \d+ cells", text)
    assert "Use of force: No case to answer" in text
    # s.17(7): the review, with where to write, and the ICO, once each
    assert text.count("internal review within 40 working days") == 1
    assert 'href="mailto:' in html
    assert text.count("Wycliffe House") == 1
    # every link absolute
    links = re.findall(r'href="([^"]+)"', html)
    assert links and all(link.startswith(("https://", "http://", "mailto:")) for link in links)
    # no repeated block: no paragraph said twice; a later part refers back to the first in one line
    said = Counter(p for p in _paragraphs(html) if len(p) > 60 and not p.endswith(" above."))
    assert [p for p, n in said.items() if n > 1] == []
    assert "for the reasons given under Request 1, Q1 above." in text
    assert "Dana" in text  # signed by the approving decision maker


def test_the_reference_letter_as_pdf_and_docx(case: Request, tmp_path: Path) -> None:
    from pypdf import PdfReader  # here, not at the top: importing pypdf costs collection most of a second

    pdf = letter_for_case(case, "pdf")
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert "/StructTreeRoot" in document.Root
        assert str(document.Root.Lang) == "en-GB"
        assert str(document.open_metadata().get("dc:title")) == f"Freedom of Information request {REFERENCE}"
    pdf_text = _normalised(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))
    assert "section 12(1) of the Freedom of Information Act 2000" in pdf_text
    assert "under s.40(2)" in pdf_text and "[c]" in pdf_text
    assert "internal review" in pdf_text
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    assert {f.code for f in check_file(str(path)).findings} <= {"pdf.metadata"}
    docx = DocxDocument(io.BytesIO(letter_for_case(case, "docx")))
    docx_text = _normalised(" ".join(p.text for p in docx.paragraphs))
    assert "Request 2, Q1: Partly disclosed" in docx_text
    assert "under s.40(2)" in docx_text and "motivated intruder" in docx_text
    assert "complying would take 30 hours" in docx_text
    assert docx.core_properties.language == "en-GB"
