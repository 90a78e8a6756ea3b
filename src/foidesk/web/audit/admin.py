"""The audit trail in the admin, and the read-only admin that every audited model uses.

Every write to an audited model goes through a service that records it in the audit trail; the
admin may show these models but never add, change or delete them (../shared/DESIGN.md: "the admin
never bypasses them").
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.contrib import admin
from django.db import models
from django.http import HttpRequest

from foidesk.web.audit.models import AuditEvent, AuditHead

M = TypeVar("M", bound=models.Model)
P = TypeVar("P", bound=models.Model)


class ReadOnlyAdmin(admin.ModelAdmin[M]):
    """A model admin that can only look: no add, change or delete, and so no bulk actions either."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline[M, P]):
    """An inline of an audited model: shown, never edited."""

    extra = 0

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin[AuditEvent]):
    """The trail is append-only."""

    list_display = ("at", "actor_label", "action", "object_type", "object_repr")
    list_filter = ("action", "object_type")
    search_fields = ("object_repr", "actor_label", "object_id")


@admin.register(AuditHead)
class AuditHeadAdmin(ReadOnlyAdmin[AuditHead]):
    """The chain's head: the hash and count that `foidesk audit verify` checks the trail against."""

    list_display = ("id", "events", "hash", "last_event_id")
