"""The staff boundary (/staff/, /admin/): pages never cached, idle sessions ended, two-factor required.

Views still check sign-in and permissions themselves; these gates hold for every staff and admin
page, including ones added later that forget to.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from foidesk.web.accounts.services import sign_out
from foidesk.web.accounts.two_factor import has_two_factor, session_verified

STAFF_PREFIXES = ("/staff/", "/admin/")
SIGN_IN_URL = "/staff/sign-in/"
SECOND_STEP_URL = "/staff/sign-in/code/"
ENROLMENT_URL = "/staff/account/two-factor/"
# Open to anyone: signing in and out (the admin's own sign-in page only redirects to ours).
OPEN_PATHS = frozenset({SIGN_IN_URL, "/staff/sign-out/", "/admin/login/", "/admin/logout/"})
LAST_SEEN_KEY = "foidesk_last_seen"
LAST_SEEN_GRANULARITY_SECONDS = 60  # write the session at most once a minute for activity

Handler = Callable[[HttpRequest], HttpResponse]


def is_staff_path(path: str) -> bool:
    return path.startswith(STAFF_PREFIXES)


class NoStoreMiddleware:
    """Staff and admin pages hold personal data: no browser or proxy may keep a copy."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if is_staff_path(request.path):
            add_never_cache_headers(response)
            response["Pragma"] = "no-cache"
        return response


class IdleSignOutMiddleware:
    """Sign a user out after FOIDESK_IDLE_TIMEOUT_MINUTES without a request (a desk left unlocked)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.get_response(request)
        now = int(timezone.now().timestamp())
        last_seen = request.session.get(LAST_SEEN_KEY)
        timeout = int(settings.FOIDESK_IDLE_TIMEOUT_MINUTES) * 60
        if isinstance(last_seen, int) and now - last_seen > timeout:
            sign_out(request, reason="idle")
            minutes = int(settings.FOIDESK_IDLE_TIMEOUT_MINUTES)
            messages.info(
                request, f"You were signed out because FOI Desk was not used for {minutes} minutes."
            )
            if is_staff_path(request.path) and request.path not in OPEN_PATHS:
                return redirect_to_login(request.get_full_path(), SIGN_IN_URL)
            return self.get_response(request)
        if not isinstance(last_seen, int) or now - last_seen >= LAST_SEEN_GRANULARITY_SECONDS:
            request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)


class TwoFactorMiddleware:
    """Every staff and admin page needs a signed-in user whose session passed the second step.

    A user with a device is sent to the code page; one without is sent to set up an authenticator
    app (unless FOIDESK_REQUIRE_2FA is off). Until then, only those pages and sign-out are open.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path
        if not is_staff_path(path) or path in OPEN_PATHS:
            return self.get_response(request)
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), SIGN_IN_URL)
        if session_verified(request):
            return self.get_response(request)
        if isinstance(user, User) and has_two_factor(user):
            step = SECOND_STEP_URL
        elif settings.FOIDESK_REQUIRE_2FA:
            step = ENROLMENT_URL
        else:
            return self.get_response(request)
        if path == step:
            return self.get_response(request)
        return redirect_to_login(request.get_full_path(), step)
