"""Audited writes of accounts: signing in and out, API tokens, and changes to users made in the admin."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.models import Device

from foidesk.web.accounts.lockout import client_address, sign_in_failures_clear
from foidesk.web.accounts.models import ApiToken
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.services import audit_record

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def sign_in(request: HttpRequest, *, user: User, device: Device | None, method: str) -> None:
    """Start (or complete) a staff session; with a device, the session is verified for two-factor.

    ``method`` says what proved the user: "password" (the second step still to come, or set up),
    "app" or "recovery code".
    """
    with transaction.atomic():
        if request.user.is_authenticated and request.user.pk == user.pk:
            request.session.cycle_key()  # a new session key for the more trusted session
        else:
            login(request, user, backend=getattr(user, "backend", MODEL_BACKEND))
        if device is not None:
            otp_login(request, device)
        sign_in_failures_clear(username=user.get_username())
        details: dict[str, Any] = {"method": method, "address": client_address(request)}
        audit_record(actor=user, action=AuditAction.SIGN_IN, obj=user, details=details)


def sign_in_password_step(request: HttpRequest, *, user: User) -> None:
    """The password was right; the session is not yet verified, so only the second step is open.

    Not audited yet (the sign-in is, when the second step is passed), and the username's failure
    count stays, so someone who knows the password cannot reset it between guesses at the code.
    """
    login(request, user, backend=getattr(user, "backend", MODEL_BACKEND))


def sign_out(request: HttpRequest, *, reason: str) -> None:
    """End the session (audited when someone was signed in); ``reason`` is "user" or "idle"."""
    user = request.user
    if isinstance(user, User):  # also true of the lazy user that the middleware installs
        audit_record(
            actor=user,
            action=AuditAction.SIGN_OUT,
            obj=user,
            details={"reason": reason, "address": client_address(request)},
        )
    logout(request)


def password_change(request: HttpRequest, *, form: PasswordChangeForm) -> None:
    """Save a valid password change (ending the user's other sessions, keeping this one); audited."""
    with transaction.atomic():
        user = form.save()
        update_session_auth_hash(request, user)
        audit_record(actor=user, action=AuditAction.PASSWORD_CHANGED, obj=user)


def api_token_issue(*, user: User, name: str, actor: User) -> tuple[ApiToken, str]:
    """Issue a token for ``user``; audited. The plain token is returned once and never stored."""
    with transaction.atomic():
        token, plain = ApiToken.issue(user=user, name=name)
        audit_record(actor=actor, action=AuditAction.API_TOKEN_ISSUED, obj=token, details={"for": str(user)})
    return token, plain


def api_token_revoke(*, token: ApiToken, actor: User) -> None:
    """Revoke a token for good; audited. Revoking a revoked token changes nothing."""
    with transaction.atomic():
        if token.revoked:
            return
        token.revoked = True
        token.save(update_fields=["revoked"])
        audit_record(actor=actor, action=AuditAction.API_TOKEN_REVOKED, obj=token)


def user_change_record(*, actor: User, user: User, change: str, details: dict[str, Any]) -> None:
    """Audit a change to a user made in the admin (added, changed, password set, deleted)."""
    audit_record(
        actor=actor, action=AuditAction.USER_CHANGED, obj=user, details={"change": change, **details}
    )
