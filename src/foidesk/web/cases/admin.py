from __future__ import annotations

from django.contrib import admin

from foidesk.web.cases.models import (
    Answer,
    ClockEvent,
    Decision,
    DecisionExemption,
    Document,
    Part,
    Request,
    Review,
)


class PartInline(admin.TabularInline[Part, Request]):
    model = Part
    extra = 0
    fields = ("position", "label", "text", "topics")


class ClockEventInline(admin.TabularInline[ClockEvent, Request]):
    model = ClockEvent
    extra = 0
    readonly_fields = ("recorded_by", "recorded_at")


@admin.register(Request)
class RequestAdmin(admin.ModelAdmin[Request]):
    list_display = ("reference", "title", "received_on", "due_on", "status", "assigned_to")
    list_filter = ("status", "regime", "channel", "is_synthetic")
    search_fields = ("reference", "title", "requester_name")
    readonly_fields = ("due_on", "extended_due_on", "calendar_version", "created_at", "updated_at")
    inlines = [PartInline, ClockEventInline]


class DecisionExemptionInline(admin.TabularInline[DecisionExemption, Decision]):
    model = DecisionExemption
    extra = 0


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin[Decision]):
    list_display = ("part", "outcome", "decided_by", "decided_at")
    list_filter = ("outcome",)
    inlines = [DecisionExemptionInline]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin[Document]):
    list_display = ("title", "request", "kind", "check_status", "approved_by")
    list_filter = ("check_status", "kind")
    readonly_fields = (
        "sha256",
        "size",
        "findings",
        "check_status",
        "checked_at",
        "approved_by",
        "approved_at",
    )


admin.site.register(Review)
admin.site.register(Answer)
