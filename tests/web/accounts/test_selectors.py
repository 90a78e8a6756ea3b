"""Tests for reads of accounts (src/foidesk/web/accounts/selectors.py)."""

from __future__ import annotations

import pytest

from foidesk.core.workflow import Role
from foidesk.web.accounts.selectors import user_by_username
from tests.factories import staff

pytestmark = pytest.mark.django_db


def test_a_user_is_found_by_exact_username_and_no_other() -> None:
    officer = staff(Role.CASE_OFFICER, username="officer")
    staff(Role.DECISION_MAKER, username="officer2")
    assert user_by_username("officer") == officer
    assert user_by_username("Officer") is None  # usernames are exact, as at sign-in
    assert user_by_username("") is None
