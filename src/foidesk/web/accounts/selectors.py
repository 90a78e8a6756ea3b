"""Reads of accounts."""

from __future__ import annotations

from django.contrib.auth.models import User


def user_by_username(username: str) -> User | None:
    """The user signing in as ``username``, or None."""
    return User.objects.filter(username=username).first()
