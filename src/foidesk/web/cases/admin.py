"""Cases in the admin: shown, never edited. Every change goes through cases/services.py, which audits it."""

from __future__ import annotations

from django.contrib import admin

from foidesk.web.audit.admin import ReadOnlyAdmin, ReadOnlyInline
from foidesk.web.cases.models import (
    Answer,
    Appeal,
    ClockEvent,
    Decision,
    DecisionExemption,
    Document,
    InboundEmail,
    LedgerEntry,
    Part,
    ReferenceCounter,
    Request,
    RequestLink,
    Review,
    SentEmail,
)


class PartInline(ReadOnlyInline[Part, Request]):
    model = Part
    fields = ("position", "label", "text", "topics")


class ClockEventInline(ReadOnlyInline[ClockEvent, Request]):
    model = ClockEvent


@admin.register(Request)
class RequestAdmin(ReadOnlyAdmin[Request]):
    list_display = ("reference", "title", "received_on", "due_on", "status", "assigned_to")
    list_filter = ("status", "regime", "channel", "is_synthetic")
    search_fields = ("reference", "title", "requester_name")
    inlines = [PartInline, ClockEventInline]


@admin.register(Part)
class PartAdmin(ReadOnlyAdmin[Part]):
    list_display = ("request", "position", "label")
    search_fields = ("request__reference", "text")


class DecisionExemptionInline(ReadOnlyInline[DecisionExemption, Decision]):
    model = DecisionExemption


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin[Decision]):
    list_display = ("part", "outcome", "decided_by", "decided_at")
    list_filter = ("outcome",)
    inlines = [DecisionExemptionInline]


@admin.register(DecisionExemption)
class DecisionExemptionAdmin(ReadOnlyAdmin[DecisionExemption]):
    list_display = ("decision", "code")


@admin.register(Document)
class DocumentAdmin(ReadOnlyAdmin[Document]):
    list_display = ("title", "request", "kind", "check_status", "approved_by")
    list_filter = ("check_status", "kind")
    # The file itself is served only through the case pages, which check who may see it.
    exclude = ("file",)


@admin.register(Answer)
class AnswerAdmin(ReadOnlyAdmin[Answer]):
    list_display = ("part", "created_by")


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin[LedgerEntry]):
    list_display = ("dataset", "reference", "released_on")
    list_filter = ("dataset",)


@admin.register(ClockEvent)
class ClockEventAdmin(ReadOnlyAdmin[ClockEvent]):
    list_display = ("request", "kind", "on", "days", "recorded_by")


@admin.register(RequestLink)
class RequestLinkAdmin(ReadOnlyAdmin[RequestLink]):
    list_display = ("from_request", "to_request", "kind", "score", "confirmed")


@admin.register(Review)
class ReviewAdmin(ReadOnlyAdmin[Review]):
    list_display = ("request", "reviewer")


@admin.register(Appeal)
class AppealAdmin(ReadOnlyAdmin[Appeal]):
    list_display = ("request", "stage")


@admin.register(SentEmail)
class SentEmailAdmin(ReadOnlyAdmin[SentEmail]):
    list_display = ("sent_at", "kind", "to", "subject", "request")
    list_filter = ("kind",)


@admin.register(InboundEmail)
class InboundEmailAdmin(ReadOnlyAdmin[InboundEmail]):
    list_display = ("received_at", "source", "from_address", "subject", "status")
    list_filter = ("source", "status")
    exclude = ("raw",)


@admin.register(ReferenceCounter)
class ReferenceCounterAdmin(ReadOnlyAdmin[ReferenceCounter]):
    list_display = ("prefix", "last")
