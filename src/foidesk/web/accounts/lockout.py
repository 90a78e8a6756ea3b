"""Sign-in throttling: failures counted per username and per client address, and the locks they set.

After FOIDESK_SIGN_IN_MAX_FAILURES failures for one username within FOIDESK_SIGN_IN_WINDOW_MINUTES,
sign-in as that username is refused for FOIDESK_SIGN_IN_LOCKOUT_MINUTES, even with the right password;
an address with FOIDESK_SIGN_IN_MAX_FAILURES_PER_ADDRESS failures (any usernames) is paused the same way.
Usernames are counted whether or not they exist, so a lockout reveals nothing about which accounts do.
"""

from __future__ import annotations

import datetime as dt
import ipaddress

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from foidesk.web.accounts.models import SignInFailure, SignInLock
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.services import audit_record

LOCKED_MESSAGE = (
    "There have been too many failed attempts to sign in. For your security, sign-in is paused. "
    "Wait {minutes} minutes and try again, or ask an administrator."
)


def lockout_minutes() -> int:
    return int(settings.FOIDESK_SIGN_IN_LOCKOUT_MINUTES)


def locked_message() -> str:
    """The message shown while sign-in is paused: the same whether or not the account exists."""
    return LOCKED_MESSAGE.format(minutes=lockout_minutes())


def client_address(request: HttpRequest) -> str | None:
    """The client's IP address: REMOTE_ADDR, or the last entry of the proxy's header when one is set."""
    header = str(settings.FOIDESK_CLIENT_ADDRESS_HEADER)
    raw = request.META.get(header, "") if header else ""
    candidate = raw.split(",")[-1].strip() if raw else request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return None


def normalised_username(username: str) -> str:
    return username.strip().lower()[:150]


def sign_in_lock_active(*, username: str, address: str | None, now: dt.datetime | None = None) -> bool:
    """Whether sign-in is paused for this username or this address."""
    now = now or timezone.now()
    keys = [(SignInLock.Scope.USERNAME, normalised_username(username))]
    if address:
        keys.append((SignInLock.Scope.ADDRESS, address))
    return any(
        SignInLock.objects.filter(scope=scope, key=key, locked_until__gt=now).exists() for scope, key in keys
    )


def sign_in_failure_record(
    *,
    username: str,
    address: str | None,
    reason: str,
    user: User | None = None,
    now: dt.datetime | None = None,
) -> bool:
    """Record and audit one failed sign-in; lock the username or address if it reached its limit.

    ``user`` is given when the password was right and the second step failed. Returns whether this
    failure set a lock.
    """
    now = now or timezone.now()
    window_start = now - dt.timedelta(minutes=int(settings.FOIDESK_SIGN_IN_WINDOW_MINUTES))
    name = normalised_username(username)
    with transaction.atomic():
        SignInFailure.objects.filter(at__lt=window_start).delete()
        failure = SignInFailure.objects.create(username=name, address=address, at=now)
        audit_record(
            actor=user,
            actor_label=None if user else "anonymous",
            action=AuditAction.SIGN_IN_FAILED,
            obj=failure,
            details={"username": name, "address": address, "reason": reason},
        )
        locked = False
        recent = SignInFailure.objects.filter(at__gte=window_start)
        if recent.filter(username=name).count() >= int(settings.FOIDESK_SIGN_IN_MAX_FAILURES):
            locked |= _lock(SignInLock.Scope.USERNAME, name, now=now, user=user)
        per_address = int(settings.FOIDESK_SIGN_IN_MAX_FAILURES_PER_ADDRESS)
        if address and recent.filter(address=address).count() >= per_address:
            locked |= _lock(SignInLock.Scope.ADDRESS, address, now=now, user=user)
    return locked


def sign_in_failures_clear(*, username: str) -> None:
    """A successful sign-in starts the username's count afresh (an address's count stays)."""
    SignInFailure.objects.filter(username=normalised_username(username)).delete()


def _lock(scope: SignInLock.Scope, key: str, *, now: dt.datetime, user: User | None) -> bool:
    until = now + dt.timedelta(minutes=lockout_minutes())
    lock, created = SignInLock.objects.get_or_create(scope=scope, key=key, defaults={"locked_until": until})
    if not created and lock.locked_until > now:
        return False  # already locked: the lock is not extended by attempts made during it
    lock.locked_until = until
    lock.save(update_fields=["locked_until"])
    SignInFailure.objects.filter(**{scope.value: key}).delete()
    audit_record(
        actor=user,
        actor_label=None if user else "anonymous",
        action=AuditAction.ACCOUNT_LOCKED,
        obj=lock,
        details={"scope": scope.value, "key": key, "locked_until": until.isoformat()},
    )
    return True
