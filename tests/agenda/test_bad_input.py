"""Odd query strings and unknown addresses give a normal page with a clear message, never a 500."""

import random
from urllib.parse import urlencode

import pytest

from agenda.models import Audience, Edition
from providers.models import Discipline, District

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("doelgroep=astronauten", "Voor wie"),
        ("discipline=bestaat-niet", "Discipline"),
        ("wijk=amsterdam", "Wijk"),
        ("leeftijd=-3", "Leeftijd"),
        ("leeftijd=drie", "Leeftijd"),
        ("leeftijd=99999999999999999999", "Leeftijd"),
        ("dag=2027-03-01", "Dag"),  # outside the edition
        ("dag=gisteren", "Dag"),
        ("soort=bank", "Soort aanbieder"),
        ("inschrijving=misschien", "Inschrijving"),
        ("taal=klingon", "Taal"),
        ("q=" + "x" * 2000, "Zoeken"),
    ],
)
def test_nonsense_filter_is_ignored_with_a_message(client, agenda, query, field):
    response = client.get(f"/agenda/?{query}")
    assert response.status_code == 200
    ignored = [item["label"] for item in response.context["ignored_filters"]]
    assert ignored == [field]
    # The filter is ignored: all public activities still show.
    assert response.context["page"].paginator.count == 3
    assert "We konden een deel van je zoekopdracht niet gebruiken" in response.content.decode()


def test_ignored_filter_leaves_the_valid_ones_working(client, agenda):
    response = client.get("/agenda/?leeftijd=-3&doelgroep=kinderen")
    assert [a.title for a in response.context["page"].object_list] == ["Kinderkoor De Merel zingt"]


@pytest.mark.parametrize(
    "query",
    [
        "page=99999",
        "page=-1",
        "page=abc",
        "page=" + "9" * 400,
        "q=" + "%F0%9F%8E%BB" * 10,
        "q=%27%3B+DROP+TABLE+agenda_activity%3B--",
        "q=!!!+%26%26+%7C%7C",
        "rolstoel=maybe&plek=",
        "unknown=1&dag=&doelgroep=",
        "q=" + "&q=".join(["koor"] * 50),
    ],
)
def test_odd_query_strings_never_fail(client, agenda, query):
    response = client.get(f"/agenda/?{query}")
    assert response.status_code == 200


def test_page_beyond_the_end_shows_the_last_page_and_says_so(client, agenda, settings):
    settings.AGENDA_PAGE_SIZE = 2
    response = client.get("/agenda/?page=99999")
    assert response.context["page"].number == 2
    assert "Deze pagina bestaat niet" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/activiteit/bestaat-niet/",
        "/aanbieder/bestaat-niet/",
        "/en/activiteit/bestaat-niet/",
        "/nergens/",
        "/activiteit/" + "a" * 3000 + "/",
    ],
)
def test_unknown_addresses_get_a_friendly_404(client, agenda, url):
    response = client.get(url)
    assert response.status_code == 404
    if url.startswith("/en/"):
        assert "We cannot find this page" in response.content.decode()
    else:
        assert "We kunnen deze pagina niet vinden" in response.content.decode()


def test_500_page_renders_without_a_database(client, settings):
    from django.template import loader

    html = loader.get_template("500.html").render()
    assert "Er ging iets mis" in html


def test_superscript_digits_are_no_page_number(client, agenda):
    """ "²".isdigit() is true, but int("²") fails: such values are ignored, never a 500."""
    url = agenda["choir"].get_absolute_url()
    assert client.get(f"{url}?page=%C2%B2").status_code == 200
    assert client.get("/agenda/?page=%C2%B2").status_code == 200


@pytest.mark.parametrize("prefix", ["/reservering/", "/mijn/", "/vraag/"])
def test_a_nul_byte_in_a_personal_link_is_no_such_link(client, agenda, prefix):
    """PostgreSQL refuses a NUL byte in a text: such a code must not reach the database."""
    assert client.get(f"{prefix}abc%00def/").status_code == 404


def test_any_combination_of_filters_never_fails(client, agenda):
    """Forty seeded mixes of valid, invalid, repeated and empty values over every filter, in the
    three languages, on the agenda and its feed (a choice in every counted filter at once
    once answered 500)."""
    days = [day.isoformat() for day in Edition.objects.current().days]
    values = {
        "dag": [*days, "2020-01-01", "morgen", ""],
        "doelgroep": [*Audience.objects.values_list("slug", flat=True), "nope"],
        "discipline": [*Discipline.objects.values_list("slug", flat=True), "nope"],
        "wijk": [*District.objects.values_list("slug", flat=True), "nope"],
        "taal": ["nl", "en", "de", "xx"],
        "soort": ["association", "music_school", "nope"],
        "q": ["koor", "muziek voor kinderen in blerick", "'", "%", ""],
        "leeftijd": ["8", "-1", "x"],
        "plek": ["on", ""],
        "rolstoel": ["on"],
        "page": ["2", "0", "999999"],
    }
    every_counted = "&".join(f"{name}={values[name][0]}" for name in values if name != "page")
    chance = random.Random(3)
    queries = [every_counted]
    for _ in range(40):
        names = chance.sample(sorted(values), chance.randint(1, len(values)))
        queries.append(
            urlencode(
                [(n, chance.choice(values[n])) for n in names for _ in range(chance.randint(1, 2))]
            )
        )
    for number, query in enumerate(queries):
        prefix = ("", "/en", "/de")[number % 3]
        path = "/agenda.ics" if number % 5 == 4 else "/agenda/"
        response = client.get(f"{prefix}{path}?{query}")
        assert response.status_code == 200, f"{prefix}{path}?{query}"


@pytest.mark.parametrize("path", ["activity", "/api/v1/agenda.json", "/agenda.ics"])
def test_a_page_number_of_thousands_of_digits_is_no_error(client, agenda, path):
    """int() refuses more than 4,300 digits: a page number is read without it, or not at all."""
    url = agenda["choir"].get_absolute_url() if path == "activity" else path
    response = client.get(f"{url}?page={'1' * 5000}")
    assert response.status_code == 200
