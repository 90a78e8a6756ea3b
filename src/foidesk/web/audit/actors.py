"""Who did something: the actor every service and the audit trail are given, and the user it stands for.

A service is called by a signed-in user (a view, the API), by nobody in particular (a command run from
cron, a background task: ``None``) or, through a public page, by an anonymous visitor. The audit trail
records each; a ``*_by`` column can only point at a user.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User

Actor = User | AnonymousUser | None


def acting_user(actor: Actor) -> User | None:
    """The user behind ``actor`` for a ``*_by`` column: None for the system or an anonymous visitor."""
    return actor if isinstance(actor, User) else None
