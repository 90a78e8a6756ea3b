"""Writing to the audit trail: every event is chained to the one before it by a SHA-256 hash."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import models, transaction
from django.utils import timezone

from foidesk.web.audit.actions import KNOWN_ACTIONS, AuditAction
from foidesk.web.audit.models import AuditEvent, AuditHead

GENESIS_HASH = "0" * 64


class UnknownAuditAction(ValueError):
    """An action that is not in the registry (web/audit/actions.py)."""


def event_hash(
    *,
    previous_hash: str,
    actor_label: str,
    action: str,
    object_type: str,
    object_id: str,
    at_iso: str,
    details: dict[str, Any],
) -> str:
    """The hash of one event: its content and the hash of the event before it."""
    canonical = json.dumps(
        [previous_hash, actor_label, action, object_type, object_id, at_iso, details],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def audit_record(
    *,
    actor: User | AnonymousUser | None,
    action: AuditAction | str,
    obj: models.Model,
    details: dict[str, Any] | None = None,
    actor_label: str | None = None,
) -> AuditEvent:
    """Append one event to the trail. Call inside the transaction that made the change.

    Writers are serialised by a lock on the chain's head row (`AuditHead`), so concurrent writers on
    PostgreSQL append one after another instead of forking the chain.
    """
    if str(action) not in KNOWN_ACTIONS:
        raise UnknownAuditAction(f"{action!r} is not a registered audit action")
    user = actor if isinstance(actor, User) else None
    label = actor_label or (user.get_username() if user is not None else "system")
    plain: dict[str, Any] = json.loads(json.dumps(details or {}, default=str))
    with transaction.atomic():
        head = _locked_head()
        previous = head.hash
        at = timezone.now()
        fields: dict[str, Any] = {
            "actor_label": label,
            "action": str(action),
            "object_type": obj._meta.label,
            "object_id": str(obj.pk),
            "details": plain,
        }
        digest = event_hash(previous_hash=previous, at_iso=at.isoformat(), **fields)
        event = AuditEvent.objects.create(
            actor=user, object_repr=str(obj)[:300], at=at, previous_hash=previous, hash=digest, **fields
        )
        head.hash, head.events, head.last_event_id = digest, head.events + 1, event.pk
        head.save(update_fields=["hash", "events", "last_event_id"])
        return event


def _locked_head() -> AuditHead:
    """The head row, locked until the surrounding transaction ends (created on first use)."""
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is not None:
        return head
    last = AuditEvent.objects.order_by("-id").only("hash").first()
    AuditHead.objects.get_or_create(
        pk=1,
        defaults={
            "hash": last.hash if last else GENESIS_HASH,
            "events": AuditEvent.objects.count(),
            "last_event_id": last.pk if last else None,
        },
    )
    return AuditHead.objects.select_for_update().get(pk=1)


def audit_verify() -> dict[str, Any]:
    """Walk the chain; report the first event whose hash or link does not hold.

    The head row must then agree with the chain's end: deleting the last events (or all of them)
    leaves every remaining link intact but the head ahead of the chain, and that is reported too.
    """
    previous = GENESIS_HASH
    count = 0
    last_id: int | None = None
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        count += 1
        expected = event_hash(
            previous_hash=previous,
            actor_label=event.actor_label,
            action=event.action,
            object_type=event.object_type,
            object_id=event.object_id,
            at_iso=event.at.isoformat(),
            details=event.details,
        )
        if event.previous_hash != previous or event.hash != expected:
            return {
                "ok": False,
                "events": AuditEvent.objects.count(),
                "first_broken": event.pk,
                "reason": "hash" if event.previous_hash == previous else "link",
            }
        previous = event.hash
        last_id = event.pk
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and (head.hash != previous or head.events != count):
        return {"ok": False, "events": count, "first_broken": last_id, "reason": "head"}
    return {"ok": True, "events": count, "first_broken": None}
