"""The moderators ("redactie") decide on proposed profile changes; "beheer" may too.

Idempotent, like 0010_moderation_groups: adds the permissions, removes none.
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
        content_type__app_label="providers",
        codename__in=[f"{action}_providerrevision" for action in ACTIONS],
    )
    for group in Group.objects.filter(name__in=["redactie", "beheer"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0016_rate_counts"),
        ("agenda", "0010_moderation_groups"),
        ("providers", "0012_provider_revision"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
