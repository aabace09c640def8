"""Venlo's districts with their postcode ranges, and the disciplines, as a starting point.

Staff refine both in the admin; the postcode ranges map a resident's postcode to a district for
statistics only. A neighbourhood's range nests inside its district's range and wins.
"""

from django.db import migrations

DISTRICTS = [
    # name, slug, priority neighbourhood, [(first, last), …]
    ("Venlo-Centrum", "venlo-centrum", False, [("5911AA", "5911ZZ")]),
    ("Venlo-Zuid", "venlo-zuid", False, [("5912AA", "5913ZZ")]),
    ("Venlo-Oost", "venlo-oost", False, [("5914AA", "5914ZZ")]),
    ("Venlo-Noord", "venlo-noord", False, [("5915AA", "5917ZZ")]),
    ("Op de Heide", "op-de-heide", True, [("5915AA", "5915ZZ")]),
    ("Blerick", "blerick", False, [("5921AA", "5926ZZ")]),
    ("Vastenavondkamp", "vastenavondkamp", True, [("5925AA", "5925ZZ")]),
    ("Klingerberg", "klingerberg", True, [("5923AA", "5923ZZ")]),
    ("Hout-Blerick", "hout-blerick", False, [("5927AA", "5927ZZ")]),
    ("Boekend", "boekend", False, [("5928AA", "5928ZZ")]),
    ("Tegelen", "tegelen", False, [("5930AA", "5932ZZ")]),
    ("Steyl", "steyl", False, [("5935AA", "5935ZZ")]),
    ("Velden", "velden", False, [("5940AA", "5941ZZ")]),
    ("Lomm", "lomm", False, [("5943AA", "5943ZZ")]),
    ("Arcen", "arcen", False, [("5944AA", "5944ZZ")]),
    ("Belfeld", "belfeld", False, [("5950AA", "5951ZZ")]),
]

DISCIPLINES = [
    ("muziek", "Muziek", "Music", "Musik"),
    ("zang", "Zang en koor", "Singing and choir", "Gesang und Chor"),
    ("dans", "Dans", "Dance", "Tanz"),
    ("theater", "Theater", "Theatre", "Theater"),
    ("musical", "Musical", "Musical", "Musical"),
    ("beeldende-kunst", "Beeldende kunst", "Visual arts", "Bildende Kunst"),
    ("ambacht", "Ambacht en handwerk", "Crafts", "Handwerk"),
    ("literatuur", "Literatuur en verhalen", "Literature and stories", "Literatur und Geschichten"),
    ("film-en-media", "Film en media", "Film and media", "Film und Medien"),
    ("erfgoed", "Erfgoed", "Heritage", "Kulturerbe"),
    ("fotografie", "Fotografie", "Photography", "Fotografie"),
]


def create(apps, schema_editor):
    District = apps.get_model("providers", "District")
    PostcodeRange = apps.get_model("providers", "PostcodeRange")
    Discipline = apps.get_model("providers", "Discipline")
    for name, slug, priority, ranges in DISTRICTS:
        district, _ = District.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_priority": priority}
        )
        for first, last in ranges:
            PostcodeRange.objects.get_or_create(district=district, first=first, last=last)
    for position, (slug, name, name_en, name_de) in enumerate(DISCIPLINES):
        Discipline.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "name_en": name_en, "name_de": name_de, "position": position},
        )


class Migration(migrations.Migration):
    dependencies = [("providers", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
