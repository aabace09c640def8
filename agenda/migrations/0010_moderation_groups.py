"""The "redactie" (moderators) and "beheer" (administrators) groups with their permissions.

Idempotent: running it again sets the same permissions on the same groups.
"""

from django.db import migrations

REDACTIE = "redactie"
BEHEER = "beheer"

# app label → model → permission actions the moderators get.
REDACTIE_PERMISSIONS = {
    "agenda": {
        "activity": ["view", "change"],
        "submittedactivity": ["view", "change"],
        "activitydecision": ["view"],
        "activityrevision": ["view"],
        "session": ["view", "change"],
        "edition": ["view", "add", "change"],
        "audience": ["view", "add", "change", "delete"],
        "language": ["view"],
    },
    "providers": {
        "provider": ["view", "change"],
        "pendingprovider": ["view", "change"],
        # Once the model exists (providers 0012; granted then by 0015).
        "providerrevision": ["view", "change"],
        "discipline": ["view", "add", "change", "delete"],
        "district": ["view", "add", "change", "delete"],
        "postcoderange": ["view", "add", "change", "delete"],
        "venue": ["view", "add", "change", "delete"],
    },
}


def create(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; this one needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    redactie, _ = Group.objects.get_or_create(name=REDACTIE)
    wanted = [
        f"{action}_{model}"
        for models in REDACTIE_PERMISSIONS.values()
        for model, actions in models.items()
        for action in actions
    ]
    redactie.permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=REDACTIE_PERMISSIONS, codename__in=wanted
        )
    )
    beheer, _ = Group.objects.get_or_create(name=BEHEER)
    beheer.permissions.set(Permission.objects.all())


class Migration(migrations.Migration):

    dependencies = [
        ("agenda", "0009_moderation_queue"),
        ("providers", "0005_moderation_queue"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
