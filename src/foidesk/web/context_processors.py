"""Template context shared by every page: who the authority is."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from foidesk.web.security import brand_colour


def authority(request: HttpRequest) -> dict[str, str]:
    return {
        "authority_name": settings.FOIDESK_AUTHORITY_NAME,
        "authority_short_name": settings.FOIDESK_AUTHORITY_SHORT_NAME,
        "brand_colour": brand_colour(),
        "feedback_url": settings.FOIDESK_FEEDBACK_URL,
        "quick_exit_url": settings.FOIDESK_QUICK_EXIT_URL,
    }
