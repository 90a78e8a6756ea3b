"""Staff sign-in: password, and a one-time code for users who have set up two-factor sign-in."""

from __future__ import annotations

from typing import Any

from django_otp import user_has_device
from django_otp.forms import OTPAuthenticationForm

from foidesk.web.forms import GovukFormMixin


class SignInForm(GovukFormMixin, OTPAuthenticationForm):  # type: ignore[misc]  # django-otp is untyped
    error_messages = {
        **OTPAuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account is not active. Ask an administrator.",
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["otp_token"].label = "Security code"
        self.fields[
            "otp_token"
        ].help_text = "Only if you have set up two-factor sign-in: the 6-digit code from your app."
        self.fields["otp_token"].widget.attrs.update(
            {"autocomplete": "one-time-code", "inputmode": "numeric"}
        )
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "spellcheck": "false"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})

    def clean_otp(self, user: Any) -> None:
        """Ask for the one-time code only from users who have a confirmed two-factor device."""
        if user is None or not user_has_device(user):
            return
        super().clean_otp(user)
