"""Shared test set-up: the database comes from DATABASE_URL (SQLite by default, PostgreSQL in CI)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

TEST_DEVICE_NAME = "Test authenticator"


@pytest.fixture(scope="session", autouse=True)
def _media_root_is_removed_after_the_run() -> Iterator[None]:
    yield
    media = Path(settings.MEDIA_ROOT)
    shutil.rmtree(media, ignore_errors=True)
    # What the restore tests moved aside (web/backup.py never deletes files it finds in place).
    for aside in media.parent.glob(f"{media.name}.before-restore-*"):
        shutil.rmtree(aside, ignore_errors=True)


@pytest.fixture(autouse=True)
def _force_login_passes_two_factor(monkeypatch: pytest.MonkeyPatch) -> None:
    """`client.force_login(user)` gives a session that has passed two-factor, as a real sign-in would.

    Staff pages need a verified session (accounts/middleware.py). The user gets a real confirmed
    authenticator device and the session records it exactly as `django_otp.login()` does. Tests of
    two-factor itself sign in through the real forms with real codes instead.
    """
    plain_force_login = Client.force_login

    def force_login(self: Client, user: Any, backend: str | None = None) -> None:
        plain_force_login(self, user, backend)
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name=TEST_DEVICE_NAME, defaults={"confirmed": True}
        )
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)
