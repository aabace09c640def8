"""Staff ("redactie" and "beheer") read the follow-up answers and may remove a comment.

Idempotent, like 0017_provider_revision_permissions: adds the permissions, removes none.
"""

from django.db import migrations

ACTIONS = ["view", "change"]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; these are needed now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="agenda",
        codename__in=[f"{action}_followup" for action in ACTIONS],
    )
    for group in Group.objects.filter(name__in=["redactie", "beheer"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("agenda", "0025_outcome_reminders")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
