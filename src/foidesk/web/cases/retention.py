"""Retention: a finished case's requester data erased once the authority no longer needs them.

UK GDPR Art. 5(1)(e), storage limitation: the requester's name, email and address, the personal data
in the request's text, the raw messages that brought it and the copies of what was sent to them are
kept only while a case may still need them. ``settings.FOIDESK_RETENTION_DAYS`` (default 730, two
years) after a case ended (``ended_on``, else ``responded_on``), ``retention_sweep`` erases them.
What stays is what the statistics and the disclosure log are made of: dates, regime, status, parts,
decisions and outcomes, published responses; the request text stays in its redacted form
(core/request_redaction.py) so the case can still be read. A case with an internal review or an
appeal still open is skipped and reported: the review or the regulator may need the originals.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from foidesk.core.workflow import Action, State
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.actors import Actor
from foidesk.web.audit.services import audit_record
from foidesk.web.cases.models import Appeal, InboundEmail, Request, Review, SentEmail
from foidesk.web.cases.permissions import action_check
from foidesk.web.cases.services import request_redacted

ERASED = "[erased]"
# A case in one of these states owes the requester nothing more (core/workflow.py).
FINISHED_STATES = frozenset(
    {State.CLOSED, State.WITHDRAWN, State.LAPSED, State.PUBLISHED, State.NOT_FOR_PUBLICATION}
)


class ErasureRefused(Exception):
    """The requester's data of this case may not be erased now; the message says why."""


@dataclass(frozen=True, slots=True)
class ErasurePlan:
    """What erasing one case removes: kinds and counts, never the data themselves (safe to audit)."""

    reference: str
    ended_on: dt.date | None
    fields: tuple[str, ...]
    text_removals: dict[str, int]
    inbound_emails: int
    sent_emails: int

    def as_dict(self) -> dict[str, object]:
        return {
            "reference": self.reference,
            "ended_on": self.ended_on,
            "fields": list(self.fields),
            "text_removals": dict(self.text_removals),
            "inbound_emails": self.inbound_emails,
            "sent_emails": self.sent_emails,
        }


@dataclass(frozen=True, slots=True)
class SkippedCase:
    reference: str
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {"reference": self.reference, "reason": self.reason}


@dataclass(slots=True)
class RetentionReport:
    """What a sweep erased (or, in a dry run, would erase) and what it skipped, with why."""

    today: dt.date
    cutoff: dt.date
    dry_run: bool
    erased: list[ErasurePlan] = field(default_factory=list)
    skipped: list[SkippedCase] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "today": self.today,
            "cutoff": self.cutoff,
            "retention_days": (self.today - self.cutoff).days,
            "dry_run": self.dry_run,
            "erased": [plan.as_dict() for plan in self.erased],
            "skipped": [case.as_dict() for case in self.skipped],
        }


def _redacted_text(request: Request) -> tuple[str, dict[str, int]]:
    result = request_redacted(request)
    return result.text, dict(Counter(removal.kind.value for removal in result.removals))


def _open_appeal_or_review(request: Request) -> str | None:
    if Review.objects.filter(request=request, outcome=Review.ReviewOutcome.PENDING).exists():
        return "an internal review is still open"
    if Appeal.objects.filter(request=request, decided_on__isnull=True).exists():
        return "an appeal is still open"
    return None


def erasure_refusal(request: Request) -> str | None:
    """Why the requester's data of ``request`` may not be erased now, or None when they may."""
    if request.requester_erased_at is not None:
        return "the requester's data were already erased"
    if State(request.status) not in FINISHED_STATES:
        return f"the case is {State(request.status).label.lower()}, not finished"
    return _open_appeal_or_review(request)


def erasure_plan(request: Request) -> ErasurePlan:
    """What ``requester_data_erase`` would remove from ``request`` (kinds and counts only)."""
    fields = [
        name
        for name, value in (
            ("requester_name", request.requester_name if request.requester_name != ERASED else ""),
            ("requester_email", request.requester_email),
            ("requester_address", request.requester_address),
        )
        if value.strip()
    ]
    _, removals = _redacted_text(request)
    if removals:
        fields.append("text")
    return ErasurePlan(
        reference=request.reference,
        ended_on=request.ended_on or request.responded_on,
        fields=tuple(fields),
        text_removals=removals,
        inbound_emails=InboundEmail.objects.filter(request=request).count(),
        sent_emails=SentEmail.objects.filter(request=request).count(),
    )


def requester_data_erase(*, request: Request, actor: Actor) -> None:
    """Erase the requester's personal data from a finished case (UK GDPR Art. 5(1)(e)), with an audit event.

    The name becomes "[erased]", email and address empty; the text its redacted form; the raw files,
    senders, headers and bodies of the messages received, and the recipients and bodies of those sent,
    are emptied (raw files are deleted from storage once the transaction commits). Raises
    ``ErasureRefused`` for a case that is not finished, already erased, or has a review or appeal open.
    """
    with transaction.atomic():
        request = Request.objects.select_for_update().get(pk=request.pk)
        action_check(request=request, action=Action.ERASE_REQUESTER_DATA, actor=actor)
        refusal = erasure_refusal(request)
        if refusal is not None:
            raise ErasureRefused(f"{request.reference}: {refusal}")
        plan = erasure_plan(request)
        request.text, _ = _redacted_text(request)
        request.requester_name = ERASED
        request.requester_email = ""
        request.requester_address = ""
        request.requester_erased_at = timezone.now()
        request.version += 1
        request.save(
            update_fields=[
                "text",
                "requester_name",
                "requester_email",
                "requester_address",
                "requester_erased_at",
                "version",
                "updated_at",
            ]
        )
        _erase_inbound_emails(request)
        SentEmail.objects.filter(request=request).update(to=ERASED, body="", message=b"")
        audit_record(
            actor=actor,
            action=AuditAction.REQUEST_ERASED,
            obj=request,
            details={
                "fields": list(plan.fields),
                "text_removals": plan.text_removals,
                "inbound_emails": plan.inbound_emails,
                "sent_emails": plan.sent_emails,
                "retention_days": settings.FOIDESK_RETENTION_DAYS,
            },
            actor_label=None if actor is not None else "retention",
        )


def _erase_inbound_emails(request: Request) -> None:
    for email in InboundEmail.objects.filter(request=request):
        if email.raw.name:
            transaction.on_commit(partial(email.raw.storage.delete, email.raw.name))
        email.raw.name = ""
        email.from_name = ""
        email.from_address = ""
        email.headers = {}
        email.body = ""
        email.save(update_fields=["raw", "from_name", "from_address", "headers", "body"])


def cases_due_for_erasure(*, today: dt.date) -> QuerySet[Request]:
    """Finished, not yet erased cases that ended more than the retention period before ``today``."""
    cutoff = today - dt.timedelta(days=settings.FOIDESK_RETENTION_DAYS)
    return Request.objects.filter(
        Q(ended_on__lt=cutoff) | Q(ended_on__isnull=True, responded_on__lt=cutoff),
        status__in=sorted(state.value for state in FINISHED_STATES),
        requester_erased_at__isnull=True,
    ).order_by("reference")


def retention_sweep(*, today: dt.date, actor: Actor = None, dry_run: bool = False) -> RetentionReport:
    """Erase the requester data of every case past its retention period; report what was (or would be) done.

    Each case is erased in its own transaction: one that fails leaves the others done. ``today`` is
    passed in (STYLE.md: time comes from a clock you pass in).
    """
    cutoff = today - dt.timedelta(days=settings.FOIDESK_RETENTION_DAYS)
    report = RetentionReport(today=today, cutoff=cutoff, dry_run=dry_run)
    for request in cases_due_for_erasure(today=today):
        reason = _open_appeal_or_review(request)
        if reason is not None:
            report.skipped.append(SkippedCase(request.reference, reason))
            continue
        plan = erasure_plan(request)
        if not dry_run:
            try:
                requester_data_erase(request=request, actor=actor)
            except ErasureRefused as refused:  # changed since it was selected (a review opened meanwhile)
                report.skipped.append(SkippedCase(request.reference, str(refused)))
                continue
        report.erased.append(plan)
    return report
