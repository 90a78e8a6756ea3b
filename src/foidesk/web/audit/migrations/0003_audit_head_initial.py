"""The chain's head starts where the chain ends, so existing trails keep verifying."""

from __future__ import annotations

from typing import Any

from django.db import migrations

GENESIS_HASH = "0" * 64


def forward(apps: Any, schema_editor: Any) -> None:
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditHead = apps.get_model("audit", "AuditHead")
    last = AuditEvent.objects.order_by("-id").first()
    AuditHead.objects.update_or_create(
        pk=1,
        defaults={
            "hash": last.hash if last else GENESIS_HASH,
            "events": AuditEvent.objects.count(),
            "last_event_id": last.pk if last else None,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_audithead")]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
