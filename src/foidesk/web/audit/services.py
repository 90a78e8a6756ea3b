"""Writing to the audit trail: every event is chained to the one before it by a SHA-256 hash."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from foidesk.web.audit.actions import KNOWN_ACTIONS, AuditAction
from foidesk.web.audit.actors import Actor, acting_user
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
    actor: Actor,
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
    user = acting_user(actor)
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


# An anchor is the chain's head written down outside the database (a backup's manifest, `foidesk audit
# head` kept by the operator). The head row lives in the database beside the events, so someone who can
# delete the last events can move the head back too; an anchor kept elsewhere cannot be moved.
HEAD_KEY_CONTEXT = "foidesk-audit-head-v1"


def _head_key() -> bytes:
    """The key that signs heads (setting FOIDESK_AUDIT_HEAD_KEY); empty: heads are not signed."""
    return str(getattr(settings, "FOIDESK_AUDIT_HEAD_KEY", "") or "").encode("utf-8")


def head_signature(*, events: int, head_hash: str) -> str | None:
    """HMAC-SHA256 of the head under FOIDESK_AUDIT_HEAD_KEY, or None when no key is set."""
    key = _head_key()
    if not key:
        return None
    message = f"{HEAD_KEY_CONTEXT}:{events}:{head_hash}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def audit_head() -> dict[str, Any]:
    """The chain's end as it is now, read from the events themselves (not the head row).

    ``events`` counts the events up to and including ``hash``; ``signature`` is the keyed head when
    FOIDESK_AUDIT_HEAD_KEY is set. Keep the output somewhere the database's users cannot write.
    """
    last = AuditEvent.objects.order_by("-id").only("id", "hash", "at").first()
    events = AuditEvent.objects.count()
    head_hash = last.hash if last else GENESIS_HASH
    return {
        "events": events,
        "hash": head_hash,
        "last_event_id": last.pk if last else None,
        "last_event_at": last.at.isoformat() if last else None,
        "signature": head_signature(events=events, head_hash=head_hash),
    }


class AnchorInvalid(ValueError):
    """An anchor that cannot be read, or whose signature does not hold."""


def anchor_parse(value: str | dict[str, Any]) -> dict[str, Any]:
    """An anchor from a bare hash, ``EVENTS:HASH``, or a mapping (`audit_head`'s output, a manifest's).

    A signature, when present, must hold under this deployment's key: a signed head whose signature
    fails was not produced here, or was altered.
    """
    if isinstance(value, dict):
        mapping = value.get("audit_head", value)
        if not isinstance(mapping, dict) or "hash" not in mapping:
            raise AnchorInvalid("no audit head (an object with a 'hash') in it")
        events = mapping.get("events")
        if events is not None and (not isinstance(events, int) or isinstance(events, bool) or events < 0):
            raise AnchorInvalid(f"its number of events {events!r} is not a count")
        anchor: dict[str, Any] = {
            "hash": str(mapping["hash"]),
            "events": events,
            "signature": mapping.get("signature"),
        }
    else:
        text = value.strip()
        count, _, digest = text.rpartition(":")
        if count and not count.isdigit():
            raise AnchorInvalid(f"{text!r} is not HASH or EVENTS:HASH")
        anchor = {"hash": digest, "events": int(count) if count else None, "signature": None}
    if not _is_sha256_hex(anchor["hash"]):
        raise AnchorInvalid(f"{anchor['hash']!r} is not a SHA-256 hash (64 hex digits)")
    if anchor["signature"] is not None:
        if anchor["events"] is None:
            raise AnchorInvalid("a signed head must give its number of events")
        expected = head_signature(events=anchor["events"], head_hash=anchor["hash"])
        if expected is None:
            raise AnchorInvalid("the head is signed but FOIDESK_AUDIT_HEAD_KEY is not set here")
        if not hmac.compare_digest(expected, str(anchor["signature"])):
            raise AnchorInvalid("the head's signature does not hold under FOIDESK_AUDIT_HEAD_KEY")
    return anchor


def _is_sha256_hex(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


def audit_verify_anchor(anchor: dict[str, Any]) -> dict[str, Any]:
    """Verify the chain, then that it still reaches the anchor: the anchored event is there, at its place.

    Catches what the chain alone cannot: the last events deleted and the head row moved back with them,
    every event deleted, or the chain rewritten from an earlier event (the anchored hash is then gone).
    Events added after the anchor are fine: the chain grows.
    """
    result = audit_verify()
    result["anchor"] = {"hash": anchor["hash"], "events": anchor["events"]}
    if not result["ok"]:
        return result
    if anchor["hash"] == GENESIS_HASH and not anchor["events"]:
        return result  # anchored before the first event: any intact chain extends it
    event = AuditEvent.objects.filter(hash=anchor["hash"]).only("id").first()
    if event is None:
        return {**result, "ok": False, "reason": "anchor_missing"}
    position = AuditEvent.objects.filter(id__lte=event.pk).count()
    if anchor["events"] is not None and position != anchor["events"]:
        return {**result, "ok": False, "first_broken": event.pk, "reason": "anchor_position"}
    return result
