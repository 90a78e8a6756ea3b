"""Staff sign-in (password, then a code), sign-out, setting up two-factor, and changing password."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice

from foidesk.web.accounts import services
from foidesk.web.accounts.forms import EnrolForm, SecondStepForm, SignInForm, StaffPasswordChangeForm
from foidesk.web.accounts.lockout import (
    client_address,
    locked_message,
    sign_in_failure_record,
    sign_in_lock_active,
)
from foidesk.web.accounts.middleware import ENROLMENT_URL, SECOND_STEP_URL, SIGN_IN_URL
from foidesk.web.accounts.two_factor import (
    enrolment_device,
    has_two_factor,
    qr_code_svg,
    recovery_codes_issue,
    recovery_codes_left,
    second_factor_check,
    secret_base32,
    session_verified,
    two_factor_enrol,
)


def _next_url(request: HttpRequest) -> str:
    """The page to go on to: ``next`` if it is on this site, else the staff overview."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return str(settings.LOGIN_REDIRECT_URL)


def _with_next(url: str, next_url: str) -> str:
    return f"{url}?{urlencode({'next': next_url})}"


def _user(request: HttpRequest) -> User:
    """The signed-in user (views behind login_required); the lazy user passes isinstance."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user


class SignInView(auth_views.LoginView):
    """The first step: username and password. Two-factor follows (middleware.TwoFactorMiddleware)."""

    template_name = "registration/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form: SignInForm) -> HttpResponse:  # type: ignore[override]
        user: User = form.get_user()
        next_url = self.get_success_url()
        if has_two_factor(user):
            services.sign_in_password_step(self.request, user=user)
            return redirect(_with_next(SECOND_STEP_URL, next_url))
        if settings.FOIDESK_REQUIRE_2FA:
            services.sign_in_password_step(self.request, user=user)
            return redirect(_with_next(ENROLMENT_URL, next_url))
        services.sign_in(self.request, user=user, device=None, method="password")
        return HttpResponseRedirect(next_url)


@require_http_methods(["GET", "POST"])
@login_required
def sign_in_code(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the app or a recovery code, counted against the lockout."""
    user = _user(request)
    next_url = _next_url(request)
    if session_verified(request):
        return redirect(next_url)
    if not has_two_factor(user):
        return redirect(_with_next(ENROLMENT_URL, next_url))
    form = SecondStepForm(request.POST or None)
    if request.method == "POST":
        address = client_address(request)
        if sign_in_lock_active(username=user.get_username(), address=address):
            return _locked_out(request)
        if form.is_valid():
            device = second_factor_check(user=user, code=form.cleaned_data["code"])
            if device is not None:
                return _second_step_passed(request, user, device, next_url)
            username = user.get_username()
            if sign_in_failure_record(username=username, address=address, reason="code", user=user):
                return _locked_out(request)
            form.add_error("code", "The security code is not right. Enter the code your app shows now.")
    return render(request, "registration/sign_in_code.html", {"form": form, "next": next_url})


def _second_step_passed(request: HttpRequest, user: User, device: Device, next_url: str) -> HttpResponse:
    recovery = isinstance(device, StaticDevice)
    services.sign_in(request, user=user, device=device, method="recovery code" if recovery else "app")
    if recovery:
        left = recovery_codes_left(user)
        messages.warning(
            request,
            f"You used a recovery code; {left} left. Each works once: get new ones from Two-factor sign-in.",
        )
    return redirect(next_url)


def _locked_out(request: HttpRequest) -> HttpResponse:
    services.sign_out(request, reason="locked")
    messages.error(request, locked_message())
    return redirect(SIGN_IN_URL)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    services.sign_out(request, reason="user")
    return redirect(settings.LOGOUT_REDIRECT_URL)


@require_http_methods(["GET", "POST"])
def admin_sign_in(request: HttpRequest) -> HttpResponse:
    """The admin's sign-in page is ours: the admin never takes a password (nor skips the second step).

    A signed-in, verified user lands here only when the admin refused them (not staff): refuse too,
    rather than bounce between the two sign-in pages.
    """
    if request.user.is_authenticated and session_verified(request):
        raise PermissionDenied
    return redirect(_with_next(SIGN_IN_URL, request.GET.get("next") or "/admin/"))


@require_http_methods(["GET", "POST"])
@login_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app (then recovery codes), or, once set up, get new recovery codes."""
    user = _user(request)
    if has_two_factor(user):
        if not session_verified(request):  # never re-enrol without the code
            return redirect(_with_next(SECOND_STEP_URL, request.get_full_path()))
        if request.method == "POST":
            return _recovery_codes_page(request, user, next_url=_next_url(request))
        status = {"codes_left": recovery_codes_left(user)}
        return render(request, "staff/account_two_factor_status.html", status)
    device = enrolment_device(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_factor_enrol(user=user, device=device, code=form.cleaned_data["code"]):
            services.sign_in(request, user=user, device=device, method="app (just set up)")
            return _recovery_codes_page(request, user, next_url=_next_url(request))
        form.add_error(
            "code", "The code is not right. Check that your phone's clock is set automatically and try again."
        )
    uri = device.config_url
    context: dict[str, object] = {
        "form": form,
        "secret": secret_base32(device),
        "otpauth_uri": uri,
        "qr_svg": qr_code_svg(uri),
        "next": _next_url(request),
    }
    return render(request, "staff/account_two_factor.html", context)


def _recovery_codes_page(request: HttpRequest, user: User, *, next_url: str) -> HttpResponse:
    """New recovery codes, shown on this one response (never stored in plain, never shown again)."""
    codes = recovery_codes_issue(user=user)
    return render(request, "staff/account_recovery_codes.html", {"codes": codes, "next": next_url})


class PasswordChangeView(auth_views.PasswordChangeView):
    """Change one's own password; Django's validators apply and other sessions end."""

    template_name = "staff/account_password.html"
    form_class = StaffPasswordChangeForm
    success_url = "/staff/"

    def form_valid(self, form: StaffPasswordChangeForm) -> HttpResponse:
        services.password_change(self.request, form=form)
        messages.success(self.request, "Your password has been changed.")
        return HttpResponseRedirect(self.get_success_url())
