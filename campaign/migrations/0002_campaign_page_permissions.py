"""The moderators ("redactie") run the campaign's landing pages; "beheer" may too.

Idempotent, like agenda 0017: adds the permissions, removes none.
"""

from django.db import migrations

MODELS = ["campaignpage", "campaignpick"]
ACTIONS = ["view", "add", "change", "delete"]


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
        content_type__app_label="campaign",
        codename__in=[f"{action}_{model}" for model in MODELS for action in ACTIONS],
    )
    for group in Group.objects.filter(name__in=["redactie", "beheer"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0001_pages_and_links"),
        ("agenda", "0010_moderation_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
