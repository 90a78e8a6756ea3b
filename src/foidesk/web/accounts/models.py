"""What accounts keep beyond Django's users: API tokens, and the state of sign-in throttling.

API tokens are for staff systems that call FOI Desk's JSON API (e.g. an email gateway posting requests).
Sign-in failures and locks live in the database because it is the one store that every gunicorn
worker shares.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models

TOKEN_PREFIX = "foid_"  # noqa: S105 - a prefix that marks our tokens, not a secret


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiToken(models.Model):
    """A bearer token; only its SHA-256 digest is stored, so a database leak does not leak tokens."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What uses it, e.g. 'email gateway'.")
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    @classmethod
    def issue(cls, *, user: object, name: str) -> tuple[ApiToken, str]:
        """Create a token; the plain token is returned once and never stored."""
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, digest=token_digest(token)), token


class SignInFailure(models.Model):
    """One failed sign-in (wrong password, or wrong code after the password), counted for lockouts.

    The username is kept as typed (lower-cased) whether or not such a user exists, so a lockout says
    nothing about which accounts exist. Rows older than the window are pruned; the audit trail keeps
    the lasting record.
    """

    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"failed sign-in as {self.username!r} from {self.address or 'unknown address'}"


class SignInLock(models.Model):
    """Sign-in paused for a username or a client address until a time."""

    class Scope(models.TextChoices):
        USERNAME = "username", "Username"
        ADDRESS = "address", "Client address"

    scope = models.CharField(max_length=10, choices=Scope.choices)
    key = models.CharField(max_length=150)
    locked_until = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key"], name="sign_in_lock_unique")]

    def __str__(self) -> str:
        return f"sign-in lock on {self.scope} {self.key!r} until {self.locked_until:%Y-%m-%d %H:%M}"


class RateCount(models.Model):
    """Requests from one client address in one window of one rate limit (web/rate_limits.py).

    Kept in the database so that every application server counts the same requests; rows of windows
    that have ended are pruned as new windows begin.
    """

    key = models.CharField(max_length=200, unique=True)
    window_ends = models.DateTimeField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"
