"""The audit trail: append-only events, each chained to the one before by its hash."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    actor_label = models.CharField(max_length=200, help_text="Who acted, kept even if the user is deleted.")
    action = models.CharField(max_length=80, db_index=True)
    object_type = models.CharField(max_length=80)
    object_id = models.CharField(max_length=80)
    object_repr = models.CharField(max_length=300)
    at = models.DateTimeField(db_index=True)
    details = models.JSONField(default=dict, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"


class AuditHead(models.Model):
    """The chain's head: one row, locked by every writer, so events are appended one at a time.

    Locking the last event is not enough on PostgreSQL: two writers that both wait for it read the same
    "last" row once it is released, and the chain forks. Every writer locks this row instead, reads the
    head hash from it and moves it on, inside the transaction that records the event.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    hash = models.CharField(max_length=64)
    events = models.PositiveBigIntegerField(default=0)
    last_event_id = models.BigIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return f"audit head after {self.events} events"
