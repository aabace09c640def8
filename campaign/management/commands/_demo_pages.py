"""Demo landing pages: children, seniors, newcomers, and one per priority neighbourhood."""

from agenda.models import Activity
from campaign.models import CampaignPage, CampaignPick
from campaign.selection import canonical
from providers.models import District

# slug, agenda selection, (title, intro) in nl, en, de.
SEGMENTS = [
    (
        "kinderen",
        "doelgroep=kinderen",
        (
            "Voor kinderen",
            "Zingen, dansen, toneel of tekenen: in Week 3 proberen kinderen "
            "gratis iets nieuws. Kies samen iets uit en doe een keer mee.",
        ),
        (
            "For children",
            "Singing, dancing, drama or drawing: during Week 3 children try "
            "something new for free. Choose something together and join in once.",
        ),
        (
            "Für Kinder",
            "Singen, Tanzen, Theater oder Zeichnen: In der Week 3 probieren Kinder "
            "kostenlos etwas Neues aus. Sucht euch gemeinsam etwas aus und macht einmal mit.",
        ),
    ),
    (
        "senioren",
        "doelgroep=senioren",
        (
            "Voor senioren",
            "Nooit te oud om iets nieuws te proberen. Zing mee in een koor, "
            "schilder in een atelier of dans op je eigen tempo. Gratis, een keer, "
            "zonder verplichtingen.",
        ),
        (
            "For seniors",
            "Never too old to try something new. Sing in a choir, paint in a studio "
            "or dance at your own pace. Free, once, with no strings attached.",
        ),
        (
            "Für Senioren",
            "Man ist nie zu alt, um etwas Neues auszuprobieren. Sing im Chor, "
            "mal im Atelier oder tanz in deinem Tempo. Kostenlos und unverbindlich.",
        ),
    ),
    (
        "nieuwkomers",
        "zonder_nederlands=on",
        (
            "Nieuw in Venlo",
            "Net in Venlo komen wonen? Bij deze activiteiten heb je geen "
            "Nederlands nodig. Een mooie manier om mensen te leren kennen.",
        ),
        (
            "New in Venlo",
            "Just moved to Venlo? You need no Dutch for these activities. "
            "A good way to meet people.",
        ),
        (
            "Neu in Venlo",
            "Gerade nach Venlo gezogen? Für diese Aktivitäten brauchst du kein "
            "Niederländisch. Eine schöne Art, Leute kennenzulernen.",
        ),
    ),
]
# How many of a segment's activities the demo picks by hand, to show the order.
PICKED = 2


def _neighbourhood(district):
    name = district.name
    return (
        f"wijk-{district.slug}",
        f"wijk={district.slug}",
        (
            f"Week 3 in {name}",
            f"Ook in {name} gaan de deuren open. Probeer iets dichtbij huis, "
            "gratis, en ontmoet je buren.",
        ),
        (
            f"Week 3 in {name}",
            f"Doors open in {name} too. Try something close to home, for "
            "free, and meet your neighbours.",
        ),
        (
            f"Week 3 in {name}",
            f"Auch in {name} öffnen sich die Türen. Probier etwas in "
            "deiner Nähe aus, kostenlos, und lerne deine Nachbarn kennen.",
        ),
    )


def seed(edition, stdout):
    districts = District.objects.filter(is_priority=True).order_by("name")
    specs = SEGMENTS + [_neighbourhood(district) for district in districts]
    for position, (slug, query, nl, en, de) in enumerate(specs):
        page, created = CampaignPage.objects.update_or_create(
            edition=edition,
            slug=slug,
            defaults={
                "title": nl[0],
                "intro": nl[1],
                "title_en": en[0],
                "intro_en": en[1],
                "title_de": de[0],
                "intro_de": de[1],
                "agenda_query": canonical(query, edition),
                "is_published": True,
                "position": position,
            },
        )
        if created and slug == "kinderen":
            # The last ones in time, picked to the top: the order is the page's own.
            chosen = Activity.objects.public().in_edition(edition).filter(audiences__slug=slug)
            for rank, activity in enumerate(chosen.order_by("-title")[:PICKED]):
                CampaignPick.objects.create(page=page, activity=activity, position=rank)
    stdout.write(f"Campaign pages: {len(specs)} ({', '.join(spec[0] for spec in specs)}).")
