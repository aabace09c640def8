"""Tell a never-confirmed account from one staff deactivated, and remember when an organisation
was rejected (both for the retention purge)."""

import django.utils.timezone
from django.db import migrations, models
from django.db.models import F


def backfill(apps, schema_editor):
    User = apps.get_model("providers", "User")
    Provider = apps.get_model("providers", "Provider")
    # Every existing account got "now" from the default; one that is not active and never
    # logged in is a sign-up or invitation nobody confirmed.
    User.objects.filter(is_active=False, last_login__isnull=True).update(email_verified_at=None)
    User.objects.filter(email_verified_at__isnull=False).update(email_verified_at=F("date_joined"))
    Provider.objects.filter(status="rejected").update(rejected_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [("providers", "0012_provider_revision")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="email_verified_at",
            field=models.DateTimeField(
                blank=True,
                default=django.utils.timezone.now,
                help_text="Empty until the person confirms the address of a sign-up or invitation.",
                null=True,
                verbose_name="e-mail address confirmed",
            ),
        ),
        migrations.AddField(
            model_name="provider",
            name="rejected_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="rejected"
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
