"""Cases in the admin: shown, never edited. Every change goes through cases/services.py, which audits it.

The one thing edited here is the wording of the letters' passages, and that too goes through a service
(``services.letter_passage_set``), which refuses a broken placeholder and audits the change."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html

from foidesk.render.letter_passages import (
    EXAMPLE_VALUES,
    PLACEHOLDERS,
    BrokenPlaceholder,
    Passage,
    fill,
    passage_problems,
)
from foidesk.web.audit.admin import ReadOnlyAdmin, ReadOnlyInline
from foidesk.web.cases import services
from foidesk.web.cases.models import (
    Answer,
    Appeal,
    ClockEvent,
    Decision,
    DecisionExemption,
    Document,
    InboundEmail,
    LedgerEntry,
    LetterPassage,
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
    list_display = ("sent_at", "kind", "to", "subject", "request", "status")
    list_filter = ("kind", "status")
    exclude = ("message",)  # the whole message with its files: the staff page "Sent mail" shows it


@admin.register(InboundEmail)
class InboundEmailAdmin(ReadOnlyAdmin[InboundEmail]):
    list_display = ("received_at", "source", "from_address", "subject", "status")
    list_filter = ("source", "status")
    exclude = ("raw",)


@admin.register(ReferenceCounter)
class ReferenceCounterAdmin(ReadOnlyAdmin[ReferenceCounter]):
    list_display = ("prefix", "last")


class LetterPassageForm(forms.ModelForm[LetterPassage]):
    class Meta:
        model = LetterPassage
        fields = ("passage", "text")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        which, text = (
            data.get("passage") or (self.instance.passage if self.instance.pk else ""),
            data.get("text"),
        )
        if which and text:
            for problem in passage_problems(Passage(which), text):
                self.add_error("text", problem)
        return data


@admin.register(LetterPassage)
class LetterPassageAdmin(admin.ModelAdmin[LetterPassage]):
    """The authority's wording of a letter passage, with the placeholders it may use and a preview."""

    form = LetterPassageForm
    list_display = ("passage", "changed_by", "changed_at")

    def get_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        if obj is None:
            return ("passage", "text")
        return ("passage", "text", "placeholders", "preview", "changed_by", "changed_at")

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        if obj is None:
            return ()
        return ("passage", "placeholders", "preview", "changed_by", "changed_at")

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # save it empty to go back to the default wording: the change is audited

    @admin.display(description="Placeholders it may use")
    def placeholders(self, obj: LetterPassage) -> str:
        return ", ".join(f"{{{name}}}" for name in sorted(PLACEHOLDERS[Passage(obj.passage)]))

    @admin.display(description="Preview")
    def preview(self, obj: LetterPassage) -> str:
        try:
            return fill(Passage(obj.passage), obj.text, EXAMPLE_VALUES)
        except BrokenPlaceholder as broken:
            return format_html("<strong>Cannot be used: {}</strong>", str(broken))

    def save_model(self, request: HttpRequest, obj: LetterPassage, form: Any, change: bool) -> None:
        actor = request.user if request.user.is_authenticated else None
        saved = services.letter_passage_set(passage=Passage(obj.passage), text=obj.text, actor=actor)
        obj.pk, obj.changed_by, obj.changed_at = saved.pk, saved.changed_by, saved.changed_at
        obj._state.adding = False
