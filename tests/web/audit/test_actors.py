"""Who did something: only a signed-in user is named in a ``*_by`` column."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

from foidesk.web.audit.actors import acting_user


def test_a_user_is_the_acting_user() -> None:
    officer = User(username="officer")
    assert acting_user(officer) is officer


def test_the_system_and_an_anonymous_visitor_are_no_user() -> None:
    assert acting_user(None) is None
    assert acting_user(AnonymousUser()) is None
