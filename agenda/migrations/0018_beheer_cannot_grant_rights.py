"""The "beheer" group loses the rights to change users, groups, permissions and staff login apps.

It got every permission in 0010, so a member could make itself superuser or enrol a second
factor for someone else. Accounts and rights are now for superusers only; beheer keeps its
moderation work and can still look at users and groups. Idempotent.
"""

from django.db import migrations
from django.db.models import Q


def strip(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    beheer = Group.objects.filter(name="beheer").first()
    if beheer is None:
        return
    accounts = (
        Q(content_type__app_label="auth")
        | Q(content_type__app_label="providers", content_type__model="user")
        | Q(content_type__app_label="admin", content_type__model="logentry")
    )
    rights = Permission.objects.filter(accounts).exclude(codename__startswith="view_")
    second_factor = Permission.objects.filter(content_type__app_label__startswith="otp_")
    beheer.permissions.remove(*rights, *second_factor)


class Migration(migrations.Migration):

    dependencies = [
        ("agenda", "0017_provider_revision_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(strip, migrations.RunPython.noop)]
