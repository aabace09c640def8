"""The agenda answers what a resident asks: day words, counts beside each option, suggestions
instead of an empty page, families counted for children and parents, a sort, a subscribe block
near the top and a feed named after the selection."""

import re

import icalendar
import pytest
from django.urls import reverse

from agenda.models import Audience
from providers.models import District
from tests.factories import (
    TUESDAY,
    WEDNESDAY,
    ActivityFactory,
    SessionFactory,
    VenueFactory,
    local,
    reserve,
)

pytestmark = pytest.mark.django_db


def page(client, path="/agenda/", **query) -> str:
    response = client.get(path, query)
    assert response.status_code == 200
    return response.content.decode()


def titles(html: str) -> list[str]:
    return re.findall(r'class="card-title"[^>]*><a [^>]*>([^<]+)</a>', html)


def option_count(html: str, name: str, value: str) -> int:
    match = re.search(
        rf'name="{name}" value="{re.escape(value)}" id="[^"]+"[^>]*><label [^>]*>[^<]*</label>'
        r' <span class="count" id="[^"]+">\((\d+)\)</span>',
        html,
    )
    assert match, (name, value)
    return int(match.group(1))


@pytest.mark.parametrize(
    ("path", "word"),
    [("/agenda/", "dinsdag"), ("/en/agenda/", "Tuesday"), ("/de/agenda/", "Dienstag")],
)
def test_a_day_word_becomes_the_day_filter(client, agenda, path, word):
    html = page(client, path, q=f"{word} koor")
    assert titles(html) == ["Kinderkoor De Merel zingt"]
    # The word left the search box and became a chosen day.
    assert f'value="{TUESDAY.isoformat()}" id="id_dag_1" checked' in html
    assert 'name="q" id="id_q" value="koor"' in html
    assert titles(page(client, path, q=word.replace("d", "D"))) == ["Kinderkoor De Merel zingt"]


def test_day_words_are_relative_to_today(client, agenda, clock):
    clock.move_to(local(TUESDAY, 9))
    assert titles(page(client, q="vandaag")) == ["Kinderkoor De Merel zingt"]
    assert titles(page(client, q="morgen")) == ["Dansen voor senioren"]
    clock.move_to(local(WEDNESDAY, 9))
    assert titles(page(client, q="today")) == ["Dansen voor senioren"]


def test_shortcuts_for_today_tomorrow_and_the_weekend_only_during_the_edition(
    client, agenda, clock
):
    assert "?q=vandaag" not in page(client)
    clock.move_to(local(TUESDAY, 9))
    html = page(client)
    assert '<a class="chip" href="?q=vandaag">Vandaag</a>' in html
    assert '<a class="chip" href="?q=morgen">Morgen</a>' in html
    assert '<a class="chip" href="?q=weekend">Dit weekend</a>' in html
    assert '<a class="chip" href="?q=heute">Heute</a>' in page(client, "/de/agenda/")


def test_each_option_shows_how_many_results_it_gives(client, agenda):
    html = page(client)
    assert option_count(html, "wijk", "blerick") == 1  # the studio's Blerick session is off
    assert option_count(html, "wijk", "tegelen") == 1
    assert option_count(html, "wijk", "boekend") == 0
    assert option_count(html, "doelgroep", "kinderen") == 1
    assert option_count(html, "dag", TUESDAY.isoformat()) == 1
    assert option_count(html, "soort", "artist") == 1
    assert option_count(html, "taal", "nl") == 2
    # Other filters narrow the counts; a filter's own choice does not.
    html = page(client, doelgroep="kinderen", wijk="blerick")
    assert option_count(html, "wijk", "tegelen") == 0
    assert option_count(html, "doelgroep", "senioren") == 0
    assert option_count(html, "doelgroep", "volwassenen") == 0
    assert option_count(html, "wijk", "blerick") == 1
    # Each count is what choosing the option shows.
    for value in ("blerick", "tegelen", "venlo-centrum"):
        assert len(titles(page(client, wijk=value))) == option_count(page(client), "wijk", value)


def test_an_activity_for_families_counts_for_children_and_parents(client, agenda):
    family = ActivityFactory(
        edition=agenda["edition"],
        title="Muziek voor het hele gezin",
        audiences=[Audience.objects.get(slug="gezinnen")],
    )
    SessionFactory(activity=family, starts_at=local(TUESDAY, 10), ends_at=local(TUESDAY, 11))
    assert family.title in titles(page(client, doelgroep="kinderen", leeftijd=8))
    assert family.title in titles(page(client, doelgroep="volwassenen"))
    assert family.title not in titles(page(client, doelgroep="senioren"))
    assert family.title in titles(page(client, q="children"))
    assert option_count(page(client), "doelgroep", "kinderen") == 2


def test_nothing_found_suggests_what_to_leave_out_with_its_count(client, agenda):
    html = page(client, doelgroep="kinderen", wijk="tegelen")
    assert titles(html) == []
    suggestion = re.search(r'<li><a href="\?([^"]+)">Zonder wijk: (\d+)</a></li>', html)
    assert suggestion and suggestion.group(2) == "1"
    followed = page(client, **dict(pair.split("=") for pair in suggestion.group(1).split("&amp;")))
    assert titles(followed) == ["Kinderkoor De Merel zingt"]


def test_nothing_found_in_a_district_suggests_its_neighbours(client, agenda):
    hout_blerick = District.objects.get(slug="hout-blerick")
    boekend = District.objects.get(slug="boekend")
    for district in (hout_blerick, boekend):
        activity = ActivityFactory(
            edition=agenda["edition"],
            title=f"Zingen in {district.name}",
            audiences=[Audience.objects.get(slug="senioren")],
        )
        SessionFactory(
            activity=activity,
            venue=VenueFactory(district=district),
            starts_at=local(TUESDAY, 10),
            ends_at=local(TUESDAY, 11),
        )
    html = page(client, doelgroep="senioren", wijk="blerick")
    assert titles(html) == []
    suggestion = re.search(
        r'<li><a href="\?([^"]+)">Ook in Boekend en Hout-Blerick: (\d+)</a></li>', html
    )
    assert suggestion and suggestion.group(2) == "2"
    query = suggestion.group(1).replace("&amp;", "&")
    assert sorted(titles(page(client, path=f"/agenda/?{query}"))) == [
        "Zingen in Boekend",
        "Zingen in Hout-Blerick",
    ]


def test_sorting_by_free_places_follows_bookings(client, agenda):
    big = ActivityFactory(edition=agenda["edition"], title="Groot orkest")
    session = SessionFactory(
        activity=big, starts_at=local(WEDNESDAY, 19), ends_at=local(WEDNESDAY, 20), capacity=12
    )
    # By time: the choir (Tuesday) first; by free places: 12 free before the choir's 8.
    assert titles(page(client))[0] == "Kinderkoor De Merel zingt"
    by_places = titles(page(client, sorteer="plekken"))
    assert by_places[:2] == ["Groot orkest", "Kinderkoor De Merel zingt"]
    for n in range(3):
        reserve(session, n, party_size=4)  # no content change: only the places
    assert titles(page(client, sorteer="plekken"))[:2] == [
        "Kinderkoor De Merel zingt",
        "Dansen voor senioren",  # full (0 free) before walk-in (no count)
    ]


def test_the_subscribe_block_comes_before_the_results(client, agenda):
    html = page(client, doelgroep="kinderen")
    assert 0 < html.index('class="subscribe"') < html.index('class="card-list"')
    assert "webcal://" in html[: html.index('class="card-list"')]


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/agenda.ics?doelgroep=kinderen&wijk=blerick", "Week 3 Venlo – Kinderen, Blerick"),
        ("/en/agenda.ics?doelgroep=kinderen&wijk=blerick", "Week 3 Venlo – Children, Blerick"),
        ("/de/agenda.ics?doelgroep=kinderen", "Week 3 Venlo – Kinder"),
        ("/agenda.ics", "Week 3 Venlo 2027"),
    ],
)
def test_a_feed_is_named_after_its_selection(client, agenda, path, name):
    calendar = icalendar.Calendar.from_ical(client.get(path).content)
    assert str(calendar["X-WR-CALNAME"]) == name
    assert str(calendar["NAME"]) == name


def test_the_subscribe_link_is_the_selection_not_the_day_word(client, agenda, clock):
    clock.move_to(local(TUESDAY, 9))
    html = page(client, q="vandaag koor")
    assert reverse("agenda:agenda_feed") + f"?dag={TUESDAY.isoformat()}&amp;q=koor" in html


def test_the_home_page_counts_families_under_children_as_the_agenda_does(client, agenda):
    family = ActivityFactory(
        edition=agenda["edition"], audiences=[Audience.objects.get(slug="gezinnen")]
    )
    SessionFactory(activity=family, starts_at=local(TUESDAY, 10), ends_at=local(TUESDAY, 11))
    html = page(client, "/")
    tile = re.search(r'href="[^"]*doelgroep=kinderen"[^>]*>.*?(\d+) activiteit', html, re.S)
    assert tile and int(tile.group(1)) == len(titles(page(client, doelgroep="kinderen"))) == 2


def test_the_little_word_before_a_day_word_goes_with_it(client, agenda):
    html = page(client, q="koor op dinsdag")
    assert 'name="q" id="id_q" value="koor"' in html
    assert titles(html) == ["Kinderkoor De Merel zingt"]


def test_a_day_word_that_means_no_edition_day_is_said_so(client, agenda):
    html = page(client, q="vandaag koor")  # a week before the edition
    assert "“vandaag” is geen dag van Week 3" in html
    assert titles(html) == ["Kinderkoor De Merel zingt"]
