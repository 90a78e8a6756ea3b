"""Users and API tokens in the admin, within the boundary every other write keeps: audited, no escalation.

An Administrator who is not a superuser manages staff through roles (groups): they cannot make anyone a
superuser, cannot touch a superuser, cannot grant permissions directly, and cannot change their own
roles. Every change to a user made here is recorded in the audit trail.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from foidesk.web.accounts import services
from foidesk.web.accounts.models import ApiToken, SignInLock
from foidesk.web.accounts.two_factor import two_factor_reset
from foidesk.web.audit.admin import ReadOnlyAdmin


def _acting_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # the admin only serves signed-in staff
    return user


admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin[User]):
    """Django's user admin, with the Administrator role's limits and every change audited."""

    actions = ["reset_two_factor"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        fields = tuple(super().get_readonly_fields(request, obj))
        if request.user.is_superuser:
            return fields
        fields += ("is_superuser", "user_permissions")
        if obj is not None and obj.pk == request.user.pk:
            fields += ("groups", "is_staff", "is_active")
        return fields

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)

    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        services.user_change_record(
            actor=_acting_user(request), user=obj, change="added", details={"message": message}
        )
        return super().log_addition(request, obj, message)

    def log_change(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        services.user_change_record(
            actor=_acting_user(request), user=obj, change="changed", details={"message": message}
        )
        return super().log_change(request, obj, message)

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        for user in queryset:
            services.user_change_record(
                actor=_acting_user(request), user=user, change="deleted", details={"username": user.username}
            )
        return super().log_deletions(request, queryset)

    @admin.action(description="Reset two-factor sign-in (they set it up again at their next sign-in)")
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        actor = _acting_user(request)
        allowed = [user for user in queryset if self.has_change_permission(request, user)]
        for user in allowed:
            two_factor_reset(user=user, actor=actor)
        self.message_user(request, f"Two-factor sign-in reset for {len(allowed)} user(s).", messages.SUCCESS)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin[ApiToken]):
    """Tokens are issued here (the plain token shown once) and revoked, never edited or deleted."""

    list_display = ("name", "user", "created_at", "last_used_at", "revoked")
    list_filter = ("revoked",)
    actions = ["revoke"]

    def get_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        if obj is None:
            return ("user", "name")
        return ("user", "name", "created_at", "last_used_at", "revoked")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        return () if obj is None else self.get_fields(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # revoke instead: the audit trail refers to the token

    def save_model(self, request: HttpRequest, obj: ApiToken, form: Any, change: bool) -> None:
        if change:
            return  # every field is read-only once issued
        token, plain = services.api_token_issue(user=obj.user, name=obj.name, actor=_acting_user(request))
        obj.pk, obj.digest, obj.created_at = token.pk, token.digest, token.created_at
        obj._state.adding = False
        obj.plain_token = plain  # type: ignore[attr-defined]  # shown once by response_add

    def response_add(
        self, request: HttpRequest, obj: ApiToken, post_url_continue: Any = None
    ) -> HttpResponse:
        """Show the plain token on this response only: it is not stored and cannot be shown again."""
        context = {
            **self.admin_site.each_context(request),
            "title": "API token issued",
            "token": obj,
            "plain_token": getattr(obj, "plain_token", ""),
            "opts": self.opts,
        }
        return TemplateResponse(request, "staff/account_api_token_issued.html", context)

    @admin.action(description="Revoke the selected tokens")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        actor = _acting_user(request)
        for token in queryset:
            services.api_token_revoke(token=token, actor=actor)
        self.message_user(request, f"{queryset.count()} token(s) revoked.", messages.SUCCESS)


@admin.register(SignInLock)
class SignInLockAdmin(ReadOnlyAdmin[SignInLock]):
    """Current and past locks, to answer "why can I not sign in?"; they lift themselves."""

    list_display = ("scope", "key", "locked_until")
