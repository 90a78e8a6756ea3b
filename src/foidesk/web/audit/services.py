"""Writing to the audit trail: every event is chained to the one before it by a SHA-256 hash."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import models, transaction
from django.utils import timezone

from foidesk.web.audit.models import AuditEvent

GENESIS_HASH = "0" * 64


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
    action: str,
    obj: models.Model,
    details: dict[str, Any] | None = None,
    actor_label: str | None = None,
) -> AuditEvent:
    """Append one event to the trail. Call inside the transaction that made the change."""
    user = actor if isinstance(actor, User) else None
    label = actor_label or (user.get_username() if user is not None else "system")
    plain: dict[str, Any] = json.loads(json.dumps(details or {}, default=str))
    with transaction.atomic():
        last = AuditEvent.objects.select_for_update().order_by("-id").only("hash").first()
        previous = last.hash if last else GENESIS_HASH
        at = timezone.now()
        fields: dict[str, Any] = {
            "actor_label": label,
            "action": action,
            "object_type": obj._meta.label,
            "object_id": str(obj.pk),
            "details": plain,
        }
        digest = event_hash(previous_hash=previous, at_iso=at.isoformat(), **fields)
        return AuditEvent.objects.create(
            actor=user, object_repr=str(obj)[:300], at=at, previous_hash=previous, hash=digest, **fields
        )


def audit_verify() -> dict[str, Any]:
    """Walk the chain; report the first event whose hash or link does not hold."""
    previous = GENESIS_HASH
    count = 0
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
            return {"ok": False, "events": AuditEvent.objects.count(), "first_broken": event.pk}
        previous = event.hash
    return {"ok": True, "events": count, "first_broken": None}
