# The redactie and beheer groups make and keep the city's tracked links in the admin.
from django.db import migrations

RIGHTS = [
    "view_trackedlink",
    "add_trackedlink",
    "change_trackedlink",
    "delete_trackedlink",
    "view_linkvisitday",
]


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; these are needed now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    rights = Permission.objects.filter(content_type__app_label="campaign", codename__in=RIGHTS)
    for group in Group.objects.filter(name__in=["redactie", "beheer"]):
        group.permissions.add(*rights)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    rights = Permission.objects.filter(content_type__app_label="campaign", codename__in=RIGHTS)
    for group in Group.objects.filter(name__in=["redactie", "beheer"]):
        group.permissions.remove(*rights)


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0002_campaign_page_permissions"),
        ("agenda", "0024_campaign_and_outcomes"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
