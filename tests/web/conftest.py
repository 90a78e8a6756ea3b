"""Shared by the browser tests: Debian's Chromium driven by Playwright (its own browser download cannot
work on these machines)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not os.path.exists(CHROMIUM) and not os.environ.get("CI"):
        pytest.skip("Chromium not installed")
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
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
