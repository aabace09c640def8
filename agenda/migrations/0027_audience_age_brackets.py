"""The reference audiences' age brackets, for the impact dashboard's audience fit: which ages
(agenda.models.reservations.AgeBracket) each audience means. Newcomers and people with a
disability come at any age: empty."""

from django.db import migrations

AGE_BRACKETS = {
    "kinderen": ["0-12"],
    "jongeren": ["13-17", "18-29"],
    "gezinnen": ["0-12", "18-29", "30-49"],
    "volwassenen": ["18-29", "30-49", "50-64", "65+"],
    "senioren": ["65+"],
}


def create(apps, schema_editor):
    Audience = apps.get_model("agenda", "Audience")
    for slug, brackets in AGE_BRACKETS.items():
        Audience.objects.filter(slug=slug, age_brackets=[]).update(age_brackets=brackets)


class Migration(migrations.Migration):
    dependencies = [("agenda", "0026_followup_permissions")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
