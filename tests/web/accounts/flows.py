"""Signing in through the real pages, with real codes computed from the device's key (RFC 6238)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import User
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import PASSWORD

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response


def app_device(user: User) -> TOTPDevice:
    """A confirmed authenticator app, as if the user had set it up."""
    return TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    device.refresh_from_db()
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{code:06d}"


def password_step(client: Client, username: str, password: str = PASSWORD, next_url: str = "") -> Response:
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post("/staff/sign-in/", data)


def code_step(client: Client, code: str, next_url: str = "/staff/") -> Response:
    return client.post("/staff/sign-in/code/", {"code": code, "next": next_url})


def sign_in(client: Client, user: User, device: TOTPDevice) -> None:
    """Both steps, asserting each one worked."""
    assert password_step(client, user.username)["Location"].startswith("/staff/sign-in/code/")
    assert code_step(client, current_code(device)).status_code == 302
