"""Each agenda filter narrows the results correctly, alone and combined, through the real page."""

import pytest

from tests.factories import TUESDAY, WEDNESDAY

pytestmark = pytest.mark.django_db


def titles(client, query: str) -> set[str]:
    response = client.get(f"/agenda/?{query}")
    assert response.status_code == 200
    return {activity.title for activity in response.context["page"].object_list}


ALL_PUBLIC = {"Kinderkoor De Merel zingt", "Dansen voor senioren", "Open atelier"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL_PUBLIC),
        (f"dag={TUESDAY}", {"Kinderkoor De Merel zingt"}),
        # The studio's Wednesday session is cancelled: it does not count for that day.
        (f"dag={WEDNESDAY}", {"Dansen voor senioren"}),
        (f"dag={TUESDAY}&dag={WEDNESDAY}", {"Kinderkoor De Merel zingt", "Dansen voor senioren"}),
        ("doelgroep=kinderen", {"Kinderkoor De Merel zingt"}),
        (
            "doelgroep=kinderen&doelgroep=senioren",
            {"Kinderkoor De Merel zingt", "Dansen voor senioren"},
        ),
        ("leeftijd=8", {"Kinderkoor De Merel zingt", "Open atelier"}),
        ("leeftijd=70", {"Dansen voor senioren", "Open atelier"}),
        ("leeftijd=0", {"Open atelier"}),
        ("discipline=dans", {"Dansen voor senioren"}),
        ("wijk=blerick", {"Kinderkoor De Merel zingt"}),
        ("wijk=tegelen&wijk=venlo-centrum", {"Dansen voor senioren", "Open atelier"}),
        ("soort=artist", {"Open atelier"}),
        ("soort=music_school&soort=artist", {"Kinderkoor De Merel zingt", "Open atelier"}),
        ("rolstoel=on", {"Kinderkoor De Merel zingt", "Open atelier"}),
        ("inschrijving=walk_in", {"Open atelier"}),
        ("inschrijving=reserve", {"Kinderkoor De Merel zingt", "Dansen voor senioren"}),
        ("plek=on", {"Kinderkoor De Merel zingt", "Open atelier"}),
        ("taal=de", {"Open atelier"}),
        ("taal=nl", {"Kinderkoor De Merel zingt", "Dansen voor senioren"}),
        ("zonder_nederlands=on", {"Open atelier"}),
        ("q=zingen", {"Kinderkoor De Merel zingt"}),  # Dutch stemming: "zingen" finds "zingt"
        ("q=kinderkoor", {"Kinderkoor De Merel zingt"}),
        ("q=Tegelen", {"Dansen voor senioren"}),  # the provider's name
        ("q=schilderen", {"Open atelier"}),  # stems to the description's "schilder"
        ("q=koor", {"Kinderkoor De Merel zingt"}),  # part of a word still finds it
    ],
)
def test_each_filter_narrows_results(client, agenda, query, expected):
    assert titles(client, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("doelgroep=kinderen&wijk=blerick&rolstoel=on", {"Kinderkoor De Merel zingt"}),
        ("doelgroep=senioren&plek=on", set()),  # the seniors' class is full
        ("leeftijd=30&zonder_nederlands=on&soort=artist", {"Open atelier"}),
        # Day and place must hold for the same session: the Blerick session is on Tuesday.
        (f"wijk=blerick&dag={WEDNESDAY}", set()),
        (f"wijk=blerick&dag={TUESDAY}", {"Kinderkoor De Merel zingt"}),
        ("q=atelier&inschrijving=reserve", set()),
    ],
)
def test_filters_combine(client, agenda, query, expected):
    assert titles(client, query) == expected


def test_results_are_ordered_by_their_first_matching_session(client, agenda):
    response = client.get("/agenda/")
    order = [activity.title for activity in response.context["page"].object_list]
    assert order == ["Kinderkoor De Merel zingt", "Dansen voor senioren", "Open atelier"]


def test_active_filters_show_as_removable_chips(client, agenda):
    response = client.get("/agenda/?doelgroep=kinderen&doelgroep=senioren&leeftijd=8")
    chips = {chip["label"]: chip["query"] for chip in response.context["active_filters"]}
    assert chips["Kinderen"] == "doelgroep=senioren&leeftijd=8"
    assert chips["8 jaar"] == "doelgroep=kinderen&doelgroep=senioren"
    html = response.content.decode()
    assert 'href="?doelgroep=senioren&amp;leeftijd=8"' in html
    assert "Alles wissen" in html
    assert "1 gratis activiteit" in html
