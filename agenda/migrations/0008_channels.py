"""The campaign's channels for "how did you hear about Week 3?"; staff edit them in the admin."""

from django.db import migrations

CHANNELS = [
    ("poster-of-flyer", "Poster of flyer", "Poster or flyer", "Plakat oder Flyer"),
    ("sociale-media", "Sociale media", "Social media", "Soziale Medien"),
    ("krant-of-huis-aan-huisblad", "Krant of huis-aan-huisblad", "Newspaper",
     "Zeitung"),
    ("school", "School", "School", "Schule"),
    ("de-aanbieder", "Via de aanbieder zelf", "From the provider", "Über den Anbieter"),
    ("familie-of-vrienden", "Familie of vrienden", "Family or friends", "Familie oder Freunde"),
    ("gemeente-venlo", "Website of nieuwsbrief van de gemeente", "The municipality's website or newsletter",
     "Website oder Newsletter der Gemeinde"),
    ("anders", "Anders", "Something else", "Etwas anderes"),
]


def create(apps, schema_editor):
    Channel = apps.get_model("agenda", "Channel")
    for position, (slug, name, name_en, name_de) in enumerate(CHANNELS):
        Channel.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "name_de": name_de, "position": position},
        )


class Migration(migrations.Migration):
    dependencies = [("agenda", "0007_reservations")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
