"""A case's decisions become a Response and a letter."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from docx import Document as DocxDocument

from foidesk.core.notice import check_response
from foidesk.core.outcome import Outcome
from foidesk.render.letters import LetterRefused
from foidesk.web.cases import services
from foidesk.web.cases.letters import letter_for_case, response_for_case
from foidesk.web.cases.models import Request
from tests.factories import a_decider

pytestmark = pytest.mark.django_db


@pytest.fixture
def case() -> Request:
    request = services.request_open(
        text="1. How many officers work in Camden? 2. What are your surveillance tactics?",
        requester_name="A. Requester",
        actor=None,
        received_on=dt.date(2024, 2, 1),
        parse=False,
    )
    q1, q2, q3 = services.request_parts_set(
        request=request,
        actor=a_decider(),
        parts=[
            services.PartSpec(label="Q1", text="How many officers work in Camden?"),
            services.PartSpec(label="Q2", text="What are your surveillance tactics?"),
            services.PartSpec(label="Q3", text="Stop and search figures?"),
        ],
    )
    services.decision_record(
        part=q1, outcome=Outcome.DISCLOSED, actor=a_decider(), answer="There are 812 officers."
    )
    services.decision_record(
        part=q2,
        outcome=Outcome.WITHHELD,
        actor=a_decider(),
        exemptions=[
            services.ExemptionSpec(
                code="s.31",
                reasons="Disclosure would prejudice the prevention of crime.",
                public_interest_for="Transparency.\nAccountability of the police.",
                public_interest_against="Offenders would learn the tactics.",
                public_interest_conclusion="The balance favours withholding.",
            )
        ],
    )
    services.decision_record(
        part=q3,
        outcome=Outcome.ALREADY_PUBLISHED,
        actor=a_decider(),
        exemptions=[services.ExemptionSpec(code="s.21", reasons="The figures are published.")],
        s21_url="https://www.met.police.uk/stop-and-search",
    )
    return request


def test_response_for_case_reads_every_decision(case: Request) -> None:
    response = response_for_case(case, issued=dt.date(2024, 2, 20))
    assert [p.label for p in response.parts] == ["Q1", "Q2", "Q3"]
    q2 = response.parts[1]
    assert q2.outcome is Outcome.WITHHELD
    assert q2.claims[0].exemption.code == "s.31"
    assert q2.claims[0].public_interest is not None
    assert q2.claims[0].public_interest.for_disclosure == ("Transparency.", "Accountability of the police.")
    assert response.parts[2].s21_pointer == "https://www.met.police.uk/stop-and-search"
    assert [f.code for f in check_response(response) if f.severity == "error"] == []


def test_letter_for_case_html_and_docx(case: Request) -> None:
    html = letter_for_case(case, "html", issued=dt.date(2024, 2, 20)).decode()
    assert "20 February 2024" in html
    assert "How many officers work in Camden?" in html
    assert "There are 812 officers." in html
    assert "https://www.met.police.uk/stop-and-search" in html
    doc = DocxDocument(io.BytesIO(letter_for_case(case, "docx", issued=dt.date(2024, 2, 20))))
    assert any(p.style.name == "Heading 2" for p in doc.paragraphs)


def test_undecided_case_is_refused() -> None:
    request = services.request_open(
        text="Anything?", requester_name="B", actor=None, received_on=dt.date(2024, 2, 1), parse=False
    )
    services.request_parts_set(
        request=request, actor=a_decider(), parts=[services.PartSpec(label="Q1", text="Anything?")]
    )
    with pytest.raises(LetterRefused) as caught:
        letter_for_case(request, "html", issued=dt.date(2024, 2, 20))
    assert [f.code for f in caught.value.findings] == ["notice.undecided_part"]


def test_the_letter_names_where_to_ask_for_a_review_and_its_window(case: Request, settings: object) -> None:
    html = letter_for_case(case, "html", issued=dt.date(2024, 2, 20)).decode()
    assert "within 40 working days of the date of this letter" in html
    assert "write to the Information Rights Unit" in html and case.reference in html
    assert html.count("Wycliffe House") == 1


def test_an_s21_pointer_to_an_earlier_entry_reads_on_paper(settings: object) -> None:
    from tests.factories import PublicationFactory

    earlier = PublicationFactory(title="Serving officers accused of sexual misconduct 2010 to 2021")
    request = services.request_open(
        text="Misconduct figures?",
        requester_name="C",
        actor=None,
        received_on=dt.date(2024, 2, 1),
        parse=False,
    )
    [part] = services.request_parts_set(
        request=request, actor=a_decider(), parts=[services.PartSpec(label="Q1", text="Misconduct figures?")]
    )
    services.decision_record(
        part=part,
        outcome=Outcome.ALREADY_PUBLISHED,
        actor=a_decider(),
        exemptions=[services.ExemptionSpec(code="s.21", reasons="The figures are published.")],
        s21_publication_id=earlier.pk,
    )
    pointer = response_for_case(request).parts[0].s21_pointer
    assert "'Serving officers accused of sexual misconduct 2010 to 2021'" in pointer
    assert earlier.reference in pointer and earlier.get_absolute_url() in pointer


def test_missing_review_particulars_refuse_the_letter_before_it_is_sent(case: Request, settings: Any) -> None:
    from foidesk.web.cases.letters import letter_problems

    settings.FOIDESK_REVIEW_EMAIL = ""
    settings.FOIDESK_REVIEW_ADDRESS = ""
    with pytest.raises(LetterRefused) as caught:
        letter_for_case(case, "pdf", issued=dt.date(2024, 2, 20))
    assert "letter.missing_review_contact" in [f.code for f in caught.value.findings]
    assert "letter.missing_review_contact" in [f.code for f in letter_problems(case)]
    settings.FOIDESK_REVIEW_ADDRESS = "Information Rights Unit; PO Box 313; Sidcup DA15 0HH"
    assert "PO Box 313" in letter_for_case(case, "html", issued=dt.date(2024, 2, 20)).decode()


def test_without_a_base_url_a_pointer_to_the_disclosure_log_refuses_the_letter(settings: Any) -> None:
    from tests.factories import PublicationFactory

    earlier = PublicationFactory(title="Stop and search 2021")
    request = services.request_open(
        text="Stop and search?", requester_name="C", actor=None, received_on=dt.date(2024, 2, 1), parse=False
    )
    [part] = services.request_parts_set(
        request=request, actor=a_decider(), parts=[services.PartSpec(label="Q1", text="Stop and search?")]
    )
    services.decision_record(
        part=part,
        outcome=Outcome.ALREADY_PUBLISHED,
        actor=a_decider(),
        exemptions=[services.ExemptionSpec(code="s.21", reasons="Published.")],
        s21_publication_id=earlier.pk,
    )
    settings.FOIDESK_BASE_URL = ""
    with pytest.raises(LetterRefused) as caught:
        letter_for_case(request, "html", issued=dt.date(2024, 2, 20))
    assert [f.code for f in caught.value.findings] == ["letter.relative_link"]
    settings.FOIDESK_BASE_URL = "https://foi.example.police.uk"
    html = letter_for_case(request, "html", issued=dt.date(2024, 2, 20)).decode()
    assert f'href="https://foi.example.police.uk{earlier.get_absolute_url()}"' in html
