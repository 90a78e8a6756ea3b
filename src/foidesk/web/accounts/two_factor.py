"""Two-factor sign-in: an authenticator app (TOTP, RFC 6238) and single-use recovery codes.

Built on django-otp's devices: a confirmed `TOTPDevice` per user for the app, and a `StaticDevice`
holding the recovery codes (each is deleted when used). A session is verified by `django_otp.login`,
which `OTPMiddleware` reads back on every request as ``request.user.is_verified()``.
"""

from __future__ import annotations

import base64
import re

import segno
from django.contrib.auth.models import User
from django.db import transaction
from django.http import HttpRequest
from django_otp import user_has_device
from django_otp.models import Device
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.services import audit_record

APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10
# The demo's published secret (base32, 20 bytes): anyone may know it, so `foidesk totp` computes codes
# only for devices that use it, and such a device protects nothing but demo data.
DEMO_TOTP_SECRET = "FOIDESKDEMOSECRETFOIDESKDEMOKEY2"  # noqa: S105 - public by design, see above
DEMO_DEVICE_NAME = "Demo authenticator"

_TOTP_CODE = re.compile(r"^\d{6}$")


class NotADemoDevice(ValueError):
    """`foidesk totp` was asked for a code of a user whose device does not use the demo secret."""


def session_verified(request: HttpRequest) -> bool:
    """Whether this session passed the second step (read by django-otp's OTPMiddleware)."""
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified()) if callable(is_verified) else False


def has_two_factor(user: User) -> bool:
    """Whether the user has set up two-factor sign-in (a confirmed device of any kind)."""
    return bool(user_has_device(user, confirmed=True))


def secret_base32(device: TOTPDevice) -> str:
    """The device's secret as people type it into an authenticator app."""
    return base64.b32encode(device.bin_key).decode("ascii")


def qr_code_svg(uri: str) -> str:
    """The otpauth:// URI as an inline SVG QR code (no script, no external request)."""
    return str(segno.make(uri, error="m").svg_inline(scale=4, title="QR code for your authenticator app"))


def enrolment_device(user: User) -> TOTPDevice:
    """The user's unconfirmed app device, created on first use, so the secret stays put across reloads."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def two_factor_enrol(*, user: User, device: TOTPDevice, code: str) -> bool:
    """Confirm the app device if ``code`` is its current code; audited. Returns whether it was confirmed."""
    with transaction.atomic():
        locked = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user, confirmed=False)
        if not locked.verify_token(_compact(code)):
            return False
        locked.confirmed = True
        locked.save(update_fields=["confirmed"])
        audit_record(
            actor=user, action=AuditAction.TWO_FACTOR_ENROLLED, obj=locked, details={"device": locked.name}
        )
    device.refresh_from_db()
    return True


def two_factor_reset(*, user: User, actor: User) -> None:
    """Remove the user's app and recovery codes (a lost phone); audited. They set it up again on sign-in."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
        audit_record(actor=actor, action=AuditAction.TWO_FACTOR_RESET, obj=user)


def recovery_codes_issue(*, user: User) -> list[str]:
    """Replace the user's recovery codes with new ones; audited. The codes are returned once, never kept."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
        audit_record(
            actor=user, action=AuditAction.RECOVERY_CODES_ISSUED, obj=device, details={"count": len(codes)}
        )
    return codes


def recovery_codes_left(user: User) -> int:
    return int(StaticToken.objects.filter(device__user=user, device__confirmed=True).count())


def second_factor_check(*, user: User, code: str) -> Device | None:
    """The confirmed device that accepts ``code`` (a 6-digit app code, or a recovery code, used up).

    The code's shape picks the kind of device, so a mistyped app code does not count against the
    recovery codes' throttle (django-otp slows each device down after failures).
    """
    compact = _compact(code)
    kind: type[Device] = TOTPDevice if _TOTP_CODE.match(compact) else StaticDevice
    with transaction.atomic():
        for device in kind.objects.filter(user=user, confirmed=True).select_for_update():
            if device.verify_token(compact.lower()):
                return device
    return None


def demo_device_ensure(user: User, secret: str = DEMO_TOTP_SECRET) -> TOTPDevice:
    """Give a demo user a confirmed app device with a known secret (for `foidesk demo`; idempotent)."""
    key = base64.b32decode(secret.upper()).hex()
    device, _ = TOTPDevice.objects.update_or_create(
        user=user, name=DEMO_DEVICE_NAME, defaults={"key": key, "confirmed": True}
    )
    return device


def demo_code(user: User) -> str:
    """The current code of the user's demo device; refused unless that device uses the demo secret."""
    demo_key = base64.b32decode(DEMO_TOTP_SECRET).hex()
    device = TOTPDevice.objects.filter(user=user, confirmed=True, key=demo_key).first()
    if device is None:
        raise NotADemoDevice(f"{user.get_username()} has no demo authenticator: this is not the demo")
    code: int = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{code:0{device.digits}d}"


def _compact(code: str) -> str:
    return re.sub(r"[\s-]", "", code)
