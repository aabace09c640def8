"""The campaign's audiences and the languages activities are commonly given in."""

from django.db import migrations

AUDIENCES = [
    ("kinderen", "Kinderen", "Children", "Kinder"),
    ("jongeren", "Jongeren", "Young people", "Jugendliche"),
    ("gezinnen", "Gezinnen", "Families", "Familien"),
    ("volwassenen", "Volwassenen", "Adults", "Erwachsene"),
    ("senioren", "Senioren", "Seniors", "Senioren"),
    ("nieuwkomers", "Nieuwkomers", "Newcomers", "Neu in Venlo"),
    ("met-een-beperking", "Mensen met een beperking", "People with a disability",
     "Menschen mit Behinderung"),
]

LANGUAGES = ["nl", "en", "de", "fr", "es", "pl", "tr", "ar", "uk"]


def create(apps, schema_editor):
    Audience = apps.get_model("agenda", "Audience")
    Language = apps.get_model("agenda", "Language")
    for position, (slug, name, name_en, name_de) in enumerate(AUDIENCES):
        Audience.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "name_de": name_de, "position": position},
        )
    for position, code in enumerate(LANGUAGES):
        Language.objects.get_or_create(code=code, defaults={"position": position})


class Migration(migrations.Migration):
    dependencies = [("agenda", "0002_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
