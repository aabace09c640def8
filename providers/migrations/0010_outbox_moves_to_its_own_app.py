"""The outbox moves to the outbox app (outbox/migrations/0001_initial.py): state only, the
table stays."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("providers", "0009_outgoingmail_written_later"),
        ("outbox", "0001_initial"),
        # Written when the outbox was providers.OutgoingMail, and reads it by that name.
        ("agenda", "0013_end_waits_that_cannot_fit"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OutgoingMail")],
            database_operations=[],
        ),
    ]
