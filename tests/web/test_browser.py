"""Real Chromium (Debian's, driven by Playwright) against a live FOI Desk server."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

from foidesk.web.accounts.roles import Role
from foidesk.web.cases import services
from tests.factories import PASSWORD, PublicationFactory, UserFactory

CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM) and not os.environ.get("CI"), reason="Chromium not installed"
    ),
    # One browser at a time: each xdist worker would otherwise start its own.
    pytest.mark.xdist_group("browser"),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright_api = pytest.importorskip("playwright.sync_api")
    assert shutil.which(CHROMIUM) or os.path.exists(CHROMIUM), (
        "Debian's chromium is needed (apt-get install chromium)"
    )
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the test itself
    # are synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-gpu",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


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
    UserFactory(username="olu", role=Role.CASE_OFFICER)
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
    page.get_by_label("Username").fill("olu")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/staff/cases/")
    page.goto(f"{live_server.url}/staff/cases/?show=all")
    assert page.get_by_role("link", name="01.FOI.22.024648").is_visible()
    page.get_by_role("link", name="01.FOI.22.024648").click()
    assert page.get_by_role("heading", level=1).inner_text() == "01.FOI.22.024648"
    page.close()
