"""WCAG 2.2 AA on every public page type, checked by axe-core in real Chromium, and the pages used by
keyboard alone (issue 17). axe-core is vendored in tests/web/vendor/axe-core (npm registry, MPL-2.0)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.factories import PublicationFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("browser"),
]

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

PAGES = {
    "log": "/disclosure-log/",
    "search with results": "/disclosure-log/?q=taser",
    "search with none": "/disclosure-log/?q=zzzqqq",
    "entry": "/disclosure-log/01-foi-22-024648/",
    "cookies": "/cookies/",
    "accessibility statement": "/accessibility/",
    "make a request": "/make-a-request/",
    "not found": "/disclosure-log/no-such-entry/",
    "API docs": "/api/v1/docs",
}


def _entries() -> None:
    PublicationFactory(
        reference="01.FOI.22.024648",
        slug="01-foi-22-024648",
        title="Taser discharges by borough",
        request_text="How many times was a Taser discharged in each borough in 2021?",
        topics=["taser"],
    )
    PublicationFactory(
        title="Taser use in 2022", request_text="How often were Tasers used?", topics=["taser"]
    )


def _violations(page: Any) -> list[str]:
    page.add_script_tag(content=AXE)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("name", list(PAGES))
def test_every_public_page_type_has_no_wcag_violation(browser: Any, live_server: Any, name: str) -> None:
    _entries()
    context = browser.new_context(bypass_csp=True)  # axe is injected as a script the page's CSP would refuse
    page = context.new_page()
    page.goto(f"{live_server.url}{PAGES[name]}")
    assert _violations(page) == []
    context.close()


def test_the_request_form_with_errors_has_no_wcag_violation(browser: Any, live_server: Any) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/make-a-request/")
    page.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_selector(".govuk-error-summary")
    assert _violations(page) == []
    context.close()


def test_the_log_is_usable_by_keyboard_alone(browser: Any, live_server: Any) -> None:
    _entries()
    page = browser.new_page()
    page.goto(f"{live_server.url}/disclosure-log/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    # Tab on to the search box, type, and submit with Enter: no mouse anywhere.
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "q":
            break
    else:
        pytest.fail("the search box cannot be reached with Tab")
    page.keyboard.type("taser")
    page.keyboard.press("Enter")
    page.wait_for_url("**q=taser**")
    link = page.get_by_role("link", name="Taser discharges by borough")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Taser discharges by borough":
            break
    else:
        pytest.fail("the result cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/01-foi-22-024648/")
    assert link is not None
    page.close()
