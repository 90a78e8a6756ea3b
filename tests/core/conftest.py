"""Fixtures shared by the tests of core/."""

from __future__ import annotations

import pytest

from foidesk.core.holiday_calendar import HolidayCalendar, default_calendar


@pytest.fixture(scope="session")
def calendar() -> HolidayCalendar:
    """The shipped holiday calendar, built when a test first needs it (not while the tests are collected)."""
    return default_calendar()
