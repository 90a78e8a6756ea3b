"""Shared test set-up: the database comes from DATABASE_URL (SQLite by default, PostgreSQL in CI)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
from django.conf import settings


@pytest.fixture(scope="session", autouse=True)
def _media_root_is_removed_after_the_run() -> Iterator[None]:
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
