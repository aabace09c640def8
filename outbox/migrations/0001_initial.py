"""The outbox moves here from the providers app: the model changes app, its table stays.

State only (SeparateDatabaseAndState): the table `providers_outgoingmail` with its rows and
index stays as it is. The content type moves along, so permissions granted on the outbox (and
admin log entries about it) keep working.
"""

import django.utils.timezone
from django.db import migrations, models


def move_content_type(apps, schema_editor, old="providers", new="outbox"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=new, model="outgoingmail").exists():
        ContentType.objects.filter(app_label=old, model="outgoingmail").update(app_label=new)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, old="outbox", new="providers")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("providers", "0009_outgoingmail_written_later"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OutgoingMail",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("to", models.EmailField(max_length=254, verbose_name="to")),
                        ("subject", models.CharField(blank=True, max_length=200, verbose_name="subject")),
                        ("body", models.TextField(blank=True, verbose_name="text")),
                        ("html", models.TextField(blank=True, verbose_name="HTML")),
                        ("attachments", models.JSONField(blank=True, default=list, verbose_name="attachments")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent")),
                        ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                        ("last_error", models.TextField(blank=True, verbose_name="last error")),
                        (
                            "next_attempt_at",
                            models.DateTimeField(default=django.utils.timezone.now, verbose_name="next attempt"),
                        ),
                        ("writer", models.CharField(blank=True, max_length=100, verbose_name="written by")),
                        ("params", models.JSONField(blank=True, default=dict, verbose_name="what to write")),
                    ],
                    options={
                        "verbose_name": "outgoing e-mail",
                        "verbose_name_plural": "outgoing e-mails",
                        "db_table": "providers_outgoingmail",
                        "ordering": ["created_at", "pk"],
                        "indexes": [
                            models.Index(
                                condition=models.Q(("sent_at__isnull", True)),
                                fields=["next_attempt_at"],
                                name="outgoingmail_due",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
