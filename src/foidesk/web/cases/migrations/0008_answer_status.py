"""Answers are checked in the background: a status (queued, checking, passed, refused, timed out).

Answers made before were checked in the request, so they are finished: passed where their audit
passed, timed out where the joint audit ran out of time, refused otherwise.
"""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def finished_statuses(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    answer_model = apps.get_model("cases", "Answer")
    for answer in answer_model.objects.filter(audit_passed=False):
        joint = (answer.report or {}).get("joint_audit") or {}
        answer.status = "timed_out" if joint.get("timed_out") else "refused"
        answer.save(update_fields=["status"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0007_savedfilter")]

    operations = [
        migrations.AddField(
            model_name="answer",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "Queued"),
                    ("checking", "Checking"),
                    ("passed", "Passed"),
                    ("refused", "Refused"),
                    ("timed_out", "Timed out"),
                ],
                default="passed",
                max_length=12,
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="answer",
            name="task_id",
            field=models.CharField(
                blank=True,
                default="",
                help_text="The background task that checks it, if it ran in the background.",
                max_length=64,
            ),
        ),
        migrations.RunPython(finished_statuses, migrations.RunPython.noop),
    ]
