"""The outbox (web/cases/outbox.py): a message is recorded with its change and sent after the commit.

Every message recorded before this migration was sent inside its change's transaction: it is ``sent``,
delivered when it was recorded.
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0013_document_check_in_the_background"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="sentemail",
            name="attempts",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="sentemail",
            name="delivered_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="sentemail",
            name="last_attempt_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="sentemail",
            name="last_error",
            field=models.CharField(blank=True, max_length=500),
        ),
        migrations.AddField(
            model_name="sentemail",
            name="message",
            field=models.BinaryField(
                blank=True,
                default=b"",
                help_text="The whole message (RFC 5322) until the mail server accepts it",
            ),
        ),
        migrations.AddField(
            model_name="sentemail",
            name="message_id",
            field=models.CharField(blank=True, db_index=True, max_length=250),
        ),
        migrations.AddField(
            model_name="sentemail",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "Waiting to be sent"),
                    ("sending", "Being sent"),
                    ("sent", "Sent"),
                    ("failed", "Not sent yet: the mail server refused it"),
                ],
                default="sent",
                max_length=10,
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="sentemail",
            name="status",
            field=models.CharField(
                choices=[
                    ("queued", "Waiting to be sent"),
                    ("sending", "Being sent"),
                    ("sent", "Sent"),
                    ("failed", "Not sent yet: the mail server refused it"),
                ],
                default="queued",
                max_length=10,
            ),
        ),
        migrations.RunSQL(
            "UPDATE cases_sentemail SET delivered_at = sent_at WHERE delivered_at IS NULL",
            reverse_sql=migrations.RunSQL.noop,
        ),
        migrations.AlterField(
            model_name="sentemail",
            name="sent_at",
            field=models.DateTimeField(auto_now_add=True, help_text="When the change it belongs to was made"),
        ),
        migrations.AddIndex(
            model_name="sentemail",
            index=models.Index(
                condition=models.Q(("status", "sent"), _negated=True),
                fields=["status"],
                name="sentemail_undelivered",
            ),
        ),
    ]
