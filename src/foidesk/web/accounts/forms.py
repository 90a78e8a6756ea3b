"""Staff account forms: sign-in (password, then a code), setting up two-factor, changing password."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError

from foidesk.web.accounts.lockout import (
    client_address,
    locked_message,
    sign_in_failure_record,
    sign_in_lock_active,
)
from foidesk.web.forms import GovukFormMixin


class SignInForm(GovukFormMixin, AuthenticationForm):
    """Username and password, refused while the username or the client address is locked."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account is not active. Ask an administrator.",
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.update({"autocomplete": "username", "spellcheck": "false"})
        self.fields["password"].widget.attrs.update({"autocomplete": "current-password"})

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request) if self.request else None
        if username and sign_in_lock_active(username=username, address=address):
            raise ValidationError(locked_message(), code="locked")
        try:
            return super().clean()
        except ValidationError as error:
            if error.code != "invalid_login":
                raise
            if sign_in_failure_record(username=username, address=address, reason="password"):
                raise ValidationError(locked_message(), code="locked") from error
            raise


class CodeField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=20, strip=True, **kwargs)
        self.widget.attrs.update(
            {"autocomplete": "one-time-code", "spellcheck": "false", "class": "govuk-input--width-10"}
        )


class SecondStepForm(GovukFormMixin, forms.Form):
    """The second step of sign-in: a code from the authenticator app, or a recovery code."""

    code = CodeField(
        label="Security code",
        help_text="The 6-digit code from your authenticator app. Lost your phone? Enter one of your "
        "recovery codes instead.",
        error_messages={"required": "Enter the security code from your authenticator app"},
    )


class EnrolForm(GovukFormMixin, forms.Form):
    """Confirming a new authenticator app with the code it shows."""

    code = CodeField(
        label="Code from the app",
        help_text="The 6-digit code your authenticator app shows for FOI Desk.",
        error_messages={"required": "Enter the 6-digit code from your authenticator app"},
    )


class StaffPasswordChangeForm(GovukFormMixin, PasswordChangeForm):
    """Django's password change, checked by AUTH_PASSWORD_VALIDATORS, in GOV.UK dress."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields[
            "new_password1"
        ].help_text = "At least 12 characters; not a common or all-number password."
