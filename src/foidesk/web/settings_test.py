"""Settings for the test suite: the production settings with plain static files and a fast hasher."""

from __future__ import annotations

import os

os.environ.setdefault("FOIDESK_STATIC_MANIFEST", "0")
# The renderer's second opinion spawns LibreOffice for every file that passes: it is tested where it is
# the subject (tests/core/release_check/test_rendering.py, the commands' --no-render), off elsewhere.
os.environ.setdefault("FOIDESK_RENDER", "0")

# Many tests send many requests from one address: rate limits are tested where they are the subject.
os.environ.setdefault("FOIDESK_RATE_LIMIT_REQUEST_FORM", "0")
os.environ.setdefault("FOIDESK_RATE_LIMIT_SEARCH", "0")
os.environ.setdefault("FOIDESK_RATE_LIMIT_API", "0")

from foidesk.web.settings import *  # noqa: F403
from foidesk.web.settings import MEDIA_ROOT as _MEDIA_ROOT

# Hashing passwords slowly is right in production and pointless in tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = _MEDIA_ROOT.parent / f"media-test-{os.getpid()}"
