"""The eight ad-hoc statuses become the workflow's states (core/workflow.py)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

FORWARD = {"new": "received", "closed": "closed"}
BACKWARD = {
    "received": "new",
    "acknowledged": "new",
    "approved": "awaiting_approval",
    "sent": "responded",
    "published": "responded",
    "not_for_publication": "responded",
    "lapsed": "closed",
}


def forward(apps: Any, schema_editor: Any) -> None:
    Request = apps.get_model("cases", "Request")
    for old, new in FORWARD.items():
        Request.objects.filter(status=old).update(status=new)
    Request.objects.filter(status="responded", publication__isnull=False).update(status="published")
    Request.objects.filter(status="responded").update(status="sent")


def backward(apps: Any, schema_editor: Any) -> None:
    Request = apps.get_model("cases", "Request")
    for new, old in BACKWARD.items():
        Request.objects.filter(status=new).update(status=old)


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_workflow")]
    operations = [migrations.RunPython(forward, backward)]
