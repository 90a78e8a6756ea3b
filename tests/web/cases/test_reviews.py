"""Internal reviews and appeals over real HTTP, on a real database.

The response is marked as sent by updating the case directly in set-up (the sending service is written in
parallel). Expected dates were counted by hand on a calendar; each comment lists the days that do not count.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.template.loader import render_to_string
from django.test import Client

from foidesk.core import clock, escalation
from foidesk.core.outcome import Outcome
from foidesk.core.regime import Regime
from foidesk.web.accounts.roles import Role
from foidesk.web.audit.models import AuditEvent
from foidesk.web.cases import reviews, services
from foidesk.web.cases.models import Appeal, Decision, Request, Review
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

D = dt.date
RECEIVED = D(2025, 3, 3)
RESPONDED = D(2025, 3, 24)
ASKED = D(2025, 4, 1)
TEXT = "1. How many officers were dismissed in 2023?\n2. How many of them for sexual misconduct?"


@pytest.fixture
def original_decider() -> User:
    return UserFactory(username="orla", role=Role.DECISION_MAKER)


@pytest.fixture
def reviewer() -> User:
    return UserFactory(username="rhys", role=Role.DECISION_MAKER)


@pytest.fixture
def officer() -> User:
    return UserFactory(username="olu", role=Role.CASE_OFFICER)


def _case(decider: User, regime: Regime = Regime.FOIA, *, sent: bool = True) -> Request:
    case = services.request_open(
        text=TEXT, requester_name="A. Person", received_on=RECEIVED, regime=regime, actor=None
    )
    for part in case.parts.all():
        services.decision_record(
            part=part,
            outcome=Outcome.WITHHELD,
            actor=decider,
            exemptions=[
                services.ExemptionSpec(
                    "FOISA s.38(1)(b)" if regime is Regime.FOISA else "s.40(2)",
                    "Third-party personal data of the officers.",
                )
            ],
        )
    if sent:  # the lead's sending service will do this
        Request.objects.filter(pk=case.pk).update(status="sent", responded_on=RESPONDED)
    case.refresh_from_db()
    return case


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _open_review(case: Request, user: User, requested_on: dt.date = ASKED) -> Review:
    return reviews.review_open(
        request=case, requested_on=requested_on, grounds="The s.40(2) is wrong.", actor=user
    )


# --- opening ---------------------------------------------------------------------------------------------


def test_a_review_cannot_be_opened_before_the_response_is_sent(officer: User, original_decider: User) -> None:
    case = _case(original_decider, sent=False)
    client = _client(officer)
    page = client.get(f"/staff/cases/{case.reference}/reviews/new/")
    assert page.status_code == 409
    assert "while the case is in progress" in page.content.decode()
    posted = client.post(f"/staff/cases/{case.reference}/reviews/new/", {"requested_on": "2025-04-01"})
    assert posted.status_code == 409
    assert not Review.objects.exists()


def test_officer_opens_a_review_after_the_response_with_its_own_clock(
    officer: User, original_decider: User
) -> None:
    case = _case(original_decider)
    version = case.version
    client = _client(officer)
    response = client.post(
        f"/staff/cases/{case.reference}/reviews/new/",
        {"requested_on": "2025-04-01", "grounds": "The exemption does not apply to totals."},
    )
    review = Review.objects.get(request=case)
    assert response.status_code == 302
    assert response["Location"] == f"/staff/cases/{case.reference}/reviews/{review.pk}/"
    # FOIA, asked Tue 1 Apr 2025: not counted Good Friday 18 Apr, Easter Monday 21 Apr; day 20 is Thu 1 May.
    assert review.due_on == D(2025, 5, 1)
    expected = escalation.review_clock(
        Regime.FOIA, responded=RESPONDED, requested=ASKED, calendar=clock.default_calendar()
    )
    assert (review.due_on, review.latest_due_on) == (expected.due, expected.latest_due)
    assert review.opened_by == officer
    case.refresh_from_db()
    assert case.version == version + 1
    event = AuditEvent.objects.get(action="review.opened", object_id=str(review.pk))
    assert event.details["late"] is False
    page = client.get(response["Location"]).content.decode()
    assert "Thursday 1 May 2025" in page
    assert expected.latest_due.strftime("%-d %B %Y") in page
    assert "Review opened, by olu" in page
    assert "The exemption does not apply to totals." in page


def test_a_review_asked_for_after_the_window_is_opened_but_flagged(
    officer: User, original_decider: User
) -> None:
    case = _case(original_decider)
    # Responded Mon 24 Mar 2025; not counted 18, 21 Apr, 5 May: day 40 is Thu 22 May. Fri 23 May is late.
    review = _open_review(case, officer, D(2025, 5, 23))
    assert AuditEvent.objects.get(action="review.opened", object_id=str(review.pk)).details["late"] is True
    page = _client(officer).get(f"/staff/cases/{case.reference}/reviews/{review.pk}/").content.decode()
    assert "Asked for after the window closed on 22 May 2025" in page
    assert f'href="{case.get_absolute_url()}">{case.reference}</a></li>' in page  # the way back to the case


@pytest.mark.parametrize(
    ("requested_on", "message"),
    [
        ("2099-01-01", "cannot be in the future"),
        ("2025-03-21", "cannot be before the response was sent"),
        ("not a date", "Enter a valid date"),
    ],
)
def test_bad_review_dates_show_an_error_summary_and_save_nothing(
    officer: User, original_decider: User, requested_on: str, message: str
) -> None:
    case = _case(original_decider)
    response = _client(officer).post(
        f"/staff/cases/{case.reference}/reviews/new/", {"requested_on": requested_on}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body and message in body
    assert not Review.objects.exists()
    assert not AuditEvent.objects.filter(action="review.opened").exists()


# --- deciding --------------------------------------------------------------------------------------------


def test_the_original_decision_maker_cannot_decide_the_review(original_decider: User, officer: User) -> None:
    case = _case(original_decider)
    review = _open_review(case, officer)
    client = _client(original_decider)
    page = client.get(f"/staff/cases/{case.reference}/reviews/{review.pk}/").content.decode()
    assert "You took part in the original decision" in page
    assert "Record the outcome" not in page
    response = client.post(
        f"/staff/cases/{case.reference}/reviews/{review.pk}/",
        {"outcome": "upheld", "reasons": "The exemption was rightly applied.", "decided_on": "2025-04-10"},
    )
    assert response.status_code == 403
    assert "You took part in the original decision" in response.content.decode()
    review.refresh_from_db()
    assert review.outcome == Review.ReviewOutcome.PENDING


def test_whoever_approved_the_response_cannot_decide_the_review(
    original_decider: User, reviewer: User, officer: User
) -> None:
    case = _case(original_decider)
    Request.objects.filter(pk=case.pk).update(approved_by=reviewer)
    review = _open_review(case, officer)
    response = _client(reviewer).post(
        f"/staff/cases/{case.reference}/reviews/{review.pk}/",
        {"outcome": "upheld", "reasons": "The exemption was rightly applied.", "decided_on": "2025-04-10"},
    )
    assert response.status_code == 403


def test_a_case_officer_cannot_decide_a_review(original_decider: User, officer: User) -> None:
    case = _case(original_decider)
    review = _open_review(case, officer)
    response = _client(officer).post(
        f"/staff/cases/{case.reference}/reviews/{review.pk}/",
        {"outcome": "upheld", "reasons": "The exemption was rightly applied.", "decided_on": "2025-04-10"},
    )
    assert response.status_code == 403
    assert "decision maker or administrator can decide an internal review" in response.content.decode()


def test_another_decision_maker_partly_upholds_naming_the_decision_changed(
    original_decider: User, reviewer: User, officer: User
) -> None:
    case = _case(original_decider)
    review = _open_review(case, officer)
    first = Decision.objects.filter(part__request=case).order_by("part__position").first()
    assert first is not None
    client = _client(reviewer)
    response = client.post(
        f"/staff/cases/{case.reference}/reviews/{review.pk}/",
        {
            "outcome": "partly_upheld",
            "decisions": [str(first.pk)],
            "reasons": "Totals of dismissals identify nobody; the breakdown still would.",
            "decided_on": "2025-04-10",
        },
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.outcome == Review.ReviewOutcome.PARTLY_UPHELD
    assert review.reviewer == reviewer
    assert review.decided_on == D(2025, 4, 10)
    assert list(review.decisions.all()) == [first]
    event = AuditEvent.objects.get(action="review.decided", object_id=str(review.pk))
    assert event.details["in_time"] is True
    assert event.details["decisions_changed"] == [first.part.label]
    page = client.get(response["Location"]).content.decode()
    assert "Changed by the review" in page
    assert f"Decided: Partly upheld (changes {first.part.label}), by rhys" in page
    again = client.post(
        f"/staff/cases/{case.reference}/reviews/{review.pk}/",
        {"outcome": "upheld", "reasons": "Changed my mind about all of it.", "decided_on": "2025-04-11"},
    )
    assert again.status_code == 409


def test_partly_upheld_without_decisions_or_reasons_is_refused_on_the_form(
    original_decider: User, reviewer: User, officer: User
) -> None:
    case = _case(original_decider)
    review = _open_review(case, officer)
    url = f"/staff/cases/{case.reference}/reviews/{review.pk}/"
    client = _client(reviewer)
    no_decisions = client.post(
        url,
        {
            "outcome": "overturned",
            "reasons": "Everything should have been released.",
            "decided_on": "2025-04-10",
        },
    ).content.decode()
    assert "govuk-error-summary" in no_decisions and "must name the decisions it changes" in no_decisions
    no_reasons = client.post(url, {"outcome": "upheld", "reasons": "Fine.", "decided_on": "2025-04-10"})
    assert "Give the reasons for the outcome" in no_reasons.content.decode()
    before_review = client.post(
        url,
        {"outcome": "upheld", "reasons": "The exemption was rightly applied.", "decided_on": "2025-03-31"},
    )
    assert "cannot be before the review was asked for" in before_review.content.decode()
    review.refresh_from_db()
    assert review.outcome == Review.ReviewOutcome.PENDING
    assert not AuditEvent.objects.filter(action="review.decided").exists()


# --- the regulator and appeals ---------------------------------------------------------------------------


def test_a_foisa_case_names_the_scottish_information_commissioner(
    original_decider: User, reviewer: User, officer: User
) -> None:
    case = _case(original_decider, Regime.FOISA)
    review = _open_review(case, officer)
    # FOISA s.21(1), Scottish days: Good Friday 18 Apr counts out, Easter Monday 21 Apr counts; day 20
    # after Tue 1 Apr 2025 is Wed 30 Apr.
    assert review.due_on == D(2025, 4, 30)
    client = _client(reviewer)
    response = client.post(
        f"/staff/cases/{case.reference}/appeals/new/",
        {"stage": "ico_complaint", "received_on": "2025-06-02", "external_reference": "202500123"},
    )
    appeal = Appeal.objects.get(request=case)
    assert response.status_code == 302
    assert appeal.regulator == "Scottish Information Commissioner"
    page = client.get(response["Location"]).content.decode()
    assert "Scottish Information Commissioner" in page
    assert "section 47 of the Freedom of Information (Scotland) Act 2002" in page


def test_after_a_decision_notice_the_appeal_deadline_is_set(original_decider: User, reviewer: User) -> None:
    case = _case(original_decider)
    client = _client(reviewer)
    refused = client.post(
        f"/staff/cases/{case.reference}/appeals/new/", {"stage": "tribunal", "received_on": "2025-08-01"}
    )
    assert "A tribunal appeal can only follow a decision notice" in refused.content.decode()
    response = client.post(
        f"/staff/cases/{case.reference}/appeals/new/",
        {"stage": "decision_notice", "received_on": "2025-07-28", "external_reference": "IC-123456-A1B2"},
    )
    notice = Appeal.objects.get(request=case, stage=Appeal.Stage.DECISION_NOTICE)
    # 28 days after Mon 28 Jul 2025 is Mon 25 Aug, the August bank holiday: Tue 26 Aug (r.12 GRC Rules).
    assert notice.due_on == D(2025, 8, 26)
    assert notice.regulator == "Information Commissioner"
    page = client.get(response["Location"]).content.decode()
    assert "Tuesday 26 August 2025" in page  # the last day to appeal
    assert "Monday 1 September 2025" in page  # 35 days to comply
    assert "First-tier Tribunal" in page
    tribunal = client.post(
        f"/staff/cases/{case.reference}/appeals/new/", {"stage": "tribunal", "received_on": "2025-08-20"}
    )
    assert tribunal.status_code == 302
    appeal = Appeal.objects.get(request=case, stage=Appeal.Stage.TRIBUNAL)
    outcome = client.post(
        f"/staff/cases/{case.reference}/appeals/{appeal.pk}/",
        {"outcome": "Appeal dismissed.", "decided_on": "2025-12-01"},
    )
    assert outcome.status_code == 302
    appeal.refresh_from_db()
    assert (appeal.outcome, appeal.decided_on) == ("Appeal dismissed.", D(2025, 12, 1))
    assert AuditEvent.objects.filter(action="appeal.updated", object_id=str(appeal.pk)).exists()
    page = client.get(f"/staff/cases/{case.reference}/appeals/{appeal.pk}/").content.decode()
    assert f'href="{case.get_absolute_url()}">{case.reference}</a></li>' in page  # the way back to the case


def test_bad_appeal_dates_show_an_error_summary_and_save_nothing(
    original_decider: User, reviewer: User
) -> None:
    case = _case(original_decider)
    client = _client(reviewer)
    for day, message in (("2099-01-01", "cannot be in the future"), ("2025-03-01", "cannot be before")):
        body = client.post(
            f"/staff/cases/{case.reference}/appeals/new/", {"stage": "ico_complaint", "received_on": day}
        ).content.decode()
        assert "govuk-error-summary" in body and message in body
    assert not Appeal.objects.exists()


def test_a_case_officer_may_not_record_an_appeal(original_decider: User, officer: User) -> None:
    case = _case(original_decider)
    response = _client(officer).get(f"/staff/cases/{case.reference}/appeals/new/")
    assert response.status_code == 403
    assert "Only a" in response.content.decode()


def test_the_summary_lists_reviews_and_appeals_with_links(
    original_decider: User, reviewer: User, officer: User
) -> None:
    case = _case(original_decider)
    review = _open_review(case, officer)
    appeal = reviews.appeal_record(
        request=case,
        stage="ico_complaint",
        received_on=D(2025, 6, 2),
        external_reference="IC-1",
        review=review,
        actor=reviewer,
    )
    html = render_to_string(
        "staff/components/reviews_summary.html",
        {"case": case, **reviews.reviews_summary(case, officer).as_context()},
    )
    assert f"{case.get_absolute_url()}reviews/{review.pk}/" in html
    assert f"{case.get_absolute_url()}appeals/{appeal.pk}/" in html
    assert "Open an internal review" in html
    assert "1 May 2025" in html
    assert "Record a complaint" not in html  # a case officer may not
