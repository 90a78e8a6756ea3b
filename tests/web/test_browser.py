"""Real Chromium (Debian's, driven by Playwright) against a live FOI Desk server."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from foidesk.web.accounts.roles import Role
from foidesk.web.accounts.two_factor import demo_code, demo_device_ensure
from foidesk.web.cases import services
from tests.factories import PASSWORD, PublicationFactory, UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    # One browser at a time: each xdist worker would otherwise start its own.
    pytest.mark.xdist_group("browser"),
]


def test_escape_key_leaves_the_entry_page_for_the_neutral_site(
    browser: Any, live_server: Any, settings: Any
) -> None:
    settings.FOIDESK_QUICK_EXIT_URL = f"{live_server.url}/healthz"
    PublicationFactory(
        reference="01.FOI.22.024648", slug="01-foi-22-024648", title="Police misconduct in 2020 and 2021"
    )
    page = browser.new_page()
    page.goto(f"{live_server.url}/disclosure-log/01-foi-22-024648/")
    assert page.get_by_role("heading", level=1).inner_text() == "Police misconduct in 2020 and 2021"
    page.wait_for_function("document.body.classList.contains('govuk-frontend-supported')")
    page.keyboard.press("Escape")
    page.wait_for_url(f"{live_server.url}/healthz")
    assert page.content().count("ok") >= 1
    page.close()


def test_quick_exit_works_without_javascript_as_a_link(browser: Any, live_server: Any, settings: Any) -> None:
    settings.FOIDESK_QUICK_EXIT_URL = f"{live_server.url}/healthz"
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/disclosure-log/")
    page.get_by_role("button", name="Leave this site").click()
    page.wait_for_url(f"{live_server.url}/healthz")
    context.close()


def test_case_officer_signs_in_and_sees_the_reference_case(browser: Any, live_server: Any) -> None:
    demo_device_ensure(UserFactory(username="olu", role=Role.CASE_OFFICER))
    services.request_open(
        text="REQUEST 1:\n1. A list of allegations of police officer sexual misconduct for 2021.",
        requester_name="A. Requester",
        received_on=dt.date(2022, 5, 16),
        reference="01.FOI.22.024648",
        title="Police misconduct in 2020 and 2021",
        actor=None,
        parse=False,
    )
    page = browser.new_page()
    page.goto(f"{live_server.url}/staff/cases/")
    _sign_in(page, "olu")
    page.wait_for_url(f"{live_server.url}/staff/cases/")
    page.goto(f"{live_server.url}/staff/cases/?show=all")
    assert page.get_by_role("link", name="01.FOI.22.024648").is_visible()
    page.get_by_role("link", name="01.FOI.22.024648").click()
    assert page.get_by_role("heading", level=1).inner_text() == "01.FOI.22.024648"
    page.close()


def _sign_in(page: Any, username: str) -> None:
    """Password, then the security code from the user's authenticator (the demo device's secret)."""
    from django.contrib.auth.models import User

    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Security code").fill(demo_code(User.objects.get(username=username)))
    page.get_by_role("button", name="Sign in").click()


def _staff_page(browser: Any, live_server: Any, username: str, role: Role) -> Any:
    demo_device_ensure(UserFactory(username=username, first_name=username.title(), role=role))
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/staff/")
    _sign_in(page, username)
    page.wait_for_url(f"{live_server.url}/staff/")
    return page


def test_a_request_travels_from_the_public_form_to_the_disclosure_log(
    browser: Any, live_server: Any, mailoutbox: Any
) -> None:
    from django.contrib.auth.models import User
    from django.core.management import call_command

    from foidesk.web.audit.models import AuditEvent
    from foidesk.web.cases.models import Request

    public = browser.new_context().new_page()
    public.goto(f"{live_server.url}/make-a-request/")
    public.get_by_label("Your name").fill("Rosalind Pemberton")
    public.get_by_label("Email address").fill("rosalind@example.org")
    public.get_by_label("What information do you want?").fill(
        "Dear Metropolitan Police Service,\n\n"
        "1. How many Taser discharges were recorded in Lambeth in 2024?\n"
        "2. How many of them were in custody suites?\n\nYours faithfully,\nRosalind Pemberton"
    )
    public.get_by_role("button", name="Send your request").click()
    case = Request.objects.get(requester_name="Rosalind Pemberton")
    assert case.reference in public.content()
    assert mailoutbox[-1].to == ["rosalind@example.org"] and case.reference in mailoutbox[-1].body

    decider = _staff_page(browser, live_server, "dana", Role.DECISION_MAKER)
    officer = _staff_page(browser, live_server, "olu", Role.CASE_OFFICER)
    publisher = _staff_page(browser, live_server, "sam", Role.PUBLISHER)
    case_url = f"{live_server.url}/staff/cases/{case.reference}/"

    decider.goto(f"{live_server.url}/staff/cases/")
    decider.get_by_label(f"Select {case.reference}").check()
    olu = User.objects.get(username="olu")
    decider.get_by_label("Assign the selected cases to").select_option(value=str(olu.pk))
    decider.get_by_role("button", name="Assign selected cases").click()
    case.refresh_from_db()
    assert case.assigned_to is not None and case.assigned_to.username == "olu"

    officer.goto(f"{case_url}parts/")
    officer.locator("textarea").first.fill("How many Taser discharges were recorded in Lambeth in 2024?")
    officer.get_by_role("button", name="Save the parts").click()
    for position in (1, 2):
        officer.goto(f"{case_url}parts/{position}/decision/")
        officer.get_by_label("Disclosed", exact=True).check()
        officer.get_by_label("Answer for this part").fill(f"Synthetic answer {position}: 41.")
        officer.get_by_role("button", name="Record the decision").click()
        officer.wait_for_url(case_url)
    officer.get_by_role("link", name="Submit for approval").click()
    officer.get_by_role("button", name="Submit for approval").click()
    officer.wait_for_url(case_url)
    assert "Awaiting approval" in officer.get_by_test_id("case-state").inner_text()

    decider.goto(case_url)
    decider.get_by_role("link", name="Approve the response").click()
    decider.get_by_role("button", name="Approve the response").click()
    decider.wait_for_url(case_url)
    assert "Approved by Dana" in decider.get_by_test_id("two-person").inner_text()

    officer.goto(case_url)
    officer.get_by_role("link", name="Send the response").click()
    officer.get_by_role("button", name="Send the response").click()
    officer.wait_for_url(case_url)
    sent = mailoutbox[-1]
    assert sent.to == ["rosalind@example.org"]
    assert sent.attachments[0][1].startswith(b"%PDF")

    publisher.goto(case_url)
    publisher.get_by_role("link", name="Publish to the disclosure log").click()
    marked = publisher.get_by_test_id("marked-text").inner_text()
    assert "Rosalind Pemberton" in marked  # shown to the publisher as a removal
    text = publisher.get_by_label("The request as it will be published").input_value()
    assert "Pemberton" not in text and "Taser" in text
    publisher.get_by_label("I have read the text as it will be published").check()
    publisher.get_by_label("Title on the disclosure log").fill("Taser discharges in Lambeth in 2024")
    publisher.get_by_label("Summary").fill("Taser discharges in Lambeth, and in custody suites.")
    publisher.get_by_label("The response as sent").fill("Synthetic answers: 41 and 41.")
    publisher.get_by_role("button", name="Publish", exact=True).click()
    publisher.wait_for_url(case_url)
    case.refresh_from_db()
    assert case.publication is not None

    reader = browser.new_context().new_page()
    reader.goto(f"{live_server.url}{case.publication.get_absolute_url()}")
    assert "Taser discharges in Lambeth in 2024" in reader.content()
    assert "Pemberton" not in reader.content()

    officer.goto(case_url)
    timeline = officer.locator("#timeline ~ *").first.inner_text()
    for words in ("submitted", "approved", "sent", "published"):
        assert words in timeline.lower(), words

    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"case.acknowledge", "request.assigned", "request.parts_set", "decision.recorded"} <= actions
    assert {"case.submit_for_approval", "case.approve", "case.send", "case.publish"} <= actions
    call_command("check")  # the app is whole
    from foidesk.web.audit.services import audit_verify

    assert audit_verify()["ok"]
    victim = AuditEvent.objects.get(action="case.approve")
    AuditEvent.objects.filter(pk=victim.pk).update(actor_label="someone else")
    assert audit_verify()["first_broken"] == victim.pk


def test_public_pages_and_the_api_docs_work_under_the_csp_without_violations(
    browser: Any, live_server: Any
) -> None:
    """The Content-Security-Policy blocks nothing the pages need: no console error, no CSP violation,
    GOV.UK Frontend initialised, Swagger UI drawn from its self-hosted files."""
    PublicationFactory(slug="an-entry", title="Taser use in 2021", summary="Taser discharges.")
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    for url in [
        "/disclosure-log/",
        "/disclosure-log/?q=taser",
        "/disclosure-log/an-entry/",
        "/cookies/",
        "/make-a-request/",
        "/accessibility/",
        "/staff/sign-in/",
    ]:
        page.goto(live_server.url + url)
        page.wait_for_function("document.body.classList.contains('govuk-frontend-supported')")
        violations = page.evaluate(
            "() => new Promise(resolve => { const seen = []; "
            "document.addEventListener('securitypolicyviolation', e => seen.push(e.violatedDirective)); "
            "setTimeout(() => resolve(seen), 200); })"
        )
        assert violations == [], url
    page.goto(live_server.url + "/api/v1/explorer")
    page.wait_for_selector(".swagger-ui .info .title")
    assert "FOI Desk API" in page.inner_text(".swagger-ui .info .title")
    # Every error but the browser's own /favicon.ico probe (a 404): CSP refusals are reported here.
    assert [p for p in problems if "404 (Not Found)" not in p] == []
    page.close()
