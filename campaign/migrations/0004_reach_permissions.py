"""The redactie and beheer groups may see the campaign's reach (the admin's reach pages need
the "view visits per day" right). Idempotent."""

from django.db import migrations


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; these are needed now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    rights = Permission.objects.filter(
        content_type__app_label="campaign",
        codename__in=["view_linkvisitday", "view_trackedlink"],
    )
    for group in Group.objects.filter(name__in=["redactie", "beheer"]):
        group.permissions.add(*rights)


class Migration(migrations.Migration):

    dependencies = [
        ("campaign", "0003_tracked_link_permissions"),
        ("agenda", "0010_moderation_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
