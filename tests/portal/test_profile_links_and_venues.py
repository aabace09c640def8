"""Social links on the profile (the form, checks, public pages); choosing a venue for each time."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from agenda.models import Activity
from providers.models import District, Provider, SiteURLValidator, Venue
from tests.factories import SessionFactory, VenueFactory
from tests.helpers import activity_post

pytestmark = pytest.mark.django_db

FACEBOOK = "https://www.facebook.com/kinderkoordemerel"
INSTAGRAM = "https://www.instagram.com/demerel"
OTHER = "https://www.youtube.com/@demerel"
NEW_VENUE = {
    "name": "Zaal Nieuw",
    "street": "Kloosterstraat 9",
    "postcode": "5921 AA",
    "city": "Venlo",
}


# --- social links on the profile ----------------------------------------------------------


def _profile_post(provider, **links):
    return {
        "name": provider.name,
        "kind": provider.kind,
        "description": provider.description,
        "website": "",
        "facebook": "",
        "instagram": "",
        "other_link": "",
        "public_email": "",
        "public_phone": "",
        "contact_name": "",
        "contact_email": "",
        "home_district": "",
        **links,
    }


def test_social_links_are_saved(client_a, world_a):
    provider = world_a["provider"]
    # Before approval the profile changes at once (after, through moderation).
    Provider.objects.filter(pk=provider.pk).update(status=Provider.Status.PENDING)
    response = client_a.post(
        reverse("portal:provider_edit"),
        _profile_post(
            provider,
            facebook="www.facebook.com/kinderkoordemerel",  # typed without https://
            instagram=INSTAGRAM,
            other_link=OTHER,
        ),
    )
    assert response.status_code == 302
    provider.refresh_from_db()
    assert provider.facebook == FACEBOOK
    assert provider.instagram == INSTAGRAM
    assert provider.other_link == OTHER
    assert provider.other_link_label == "youtube.com"


def test_a_link_to_the_wrong_site_gets_a_message_next_to_the_field(client_a, world_a):
    provider = world_a["provider"]
    with translation.override("en"):
        url = reverse("portal:provider_edit")
    typed = {"facebook": INSTAGRAM, "instagram": "http://instagram.com/demerel"}
    response = client_a.post(url, _profile_post(provider, other_link=OTHER, **typed))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("facebook", "wrong_site")
    assert form.has_error("instagram", "wrong_site")  # http, not https
    html = response.content.decode()
    # The message sits in the field's own block, and the typed values stay in the form.
    field = html.split('name="facebook"')[0].rsplit('<div class="field', 1)[1]
    assert "This is not a link to Facebook" in field
    assert f'value="{INSTAGRAM}"' in html
    assert 'value="http://instagram.com/demerel"' in html
    assert f'value="{OTHER}"' in html
    provider.refresh_from_db()
    assert provider.facebook == provider.instagram == provider.other_link == ""


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.facebook.com/demerel", True),
        ("https://facebook.com/groups/123", True),
        ("https://m.facebook.com/demerel", True),
        ("http://www.facebook.com/demerel", False),
        ("https://notfacebook.com/demerel", False),
        ("https://facebook.com.evil.example/demerel", False),
        ("https://facebook.com@evil.example/", False),
        ("https://[broken/", False),
    ],
)
def test_facebook_links_must_be_https_on_facebook(url, ok):
    validate = SiteURLValidator("Facebook", "facebook.com")
    if ok:
        validate(url)
    else:
        with pytest.raises(ValidationError):
            validate(url)


@pytest.fixture
def choir_with_links(agenda):
    choir = agenda["choir"]
    Provider.objects.filter(pk=choir.provider_id).update(
        facebook=FACEBOOK, instagram=INSTAGRAM, other_link=OTHER
    )
    return choir


def _loads_nothing_from(html, *hosts):
    """No script, frame, image or style from these sites: links only."""
    for host in hosts:
        assert not re.search(rf'(?:src|srcset|data|action)="[^"]*{re.escape(host)}', html)
        assert not re.search(rf"<link[^>]*{re.escape(host)}", html)


def test_social_links_on_the_public_provider_page(client, choir_with_links):
    response = client.get(choir_with_links.provider.get_absolute_url())
    html = response.content.decode()
    contact = html.split('class="facts provider-contact"')[1].split("</dl>")[0]
    assert f'<a href="{FACEBOOK}" rel="noopener">Facebook</a>' in contact
    assert f'<a href="{INSTAGRAM}" rel="noopener">Instagram</a>' in contact
    assert f'<a href="{OTHER}" rel="noopener">youtube.com</a>' in contact
    _loads_nothing_from(html, "facebook.com", "instagram.com", "youtube.com")


def test_social_links_on_the_activity_page(client, choir_with_links):
    response = client.get(choir_with_links.get_absolute_url())
    html = response.content.decode()
    card = html.split('class="provider-card"')[1].split("</section>")[0]
    assert f'<a href="{FACEBOOK}" rel="noopener">Facebook<span class="visually-hidden">' in card
    assert f'<a href="{INSTAGRAM}" rel="noopener">Instagram<span class="visually-hidden">' in card
    assert f'<a href="{OTHER}" rel="noopener">youtube.com<span class="visually-hidden">' in card
    _loads_nothing_from(html, "facebook.com", "instagram.com", "youtube.com")


def test_a_provider_without_social_links_shows_none(client, agenda):
    html = client.get(agenda["dance"].provider.get_absolute_url()).content.decode()
    assert "instagram" not in html.lower()


def test_social_links_in_open_data(client, choir_with_links):
    data = client.get("/api/v1/agenda.json").json()
    choir = next(item for item in data["results"] if item["slug"] == choir_with_links.slug)
    assert choir["provider"]["facebook"] == FACEBOOK
    assert choir["provider"]["instagram"] == INSTAGRAM
    assert choir["provider"]["other_link"] == OTHER


# --- choosing a venue ---------------------------------------------------------------------


class _Options(HTMLParser):
    """The option groups of the first time row's venue list: [(label, [option text, …])]."""

    def __init__(self):
        super().__init__()
        self.groups, self.inside, self.option = [], False, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self.inside = attrs.get("name") == "sessions-0-venue"
        elif tag == "optgroup" and self.inside:
            self.groups.append((attrs["label"], []))
        elif tag == "option" and self.inside and self.groups:
            self.option = ""

    def handle_data(self, data):
        if self.option is not None:
            self.option += data

    def handle_endtag(self, tag):
        if tag == "option" and self.option is not None:
            self.groups[-1][1].append(self.option.strip())
            self.option = None
        elif tag == "select":
            self.inside = False


def _venue_groups(response):
    parser = _Options()
    parser.feed(response.content.decode())
    return parser.groups


def test_venue_list_is_grouped_by_district_with_own_venues_first(client_a, world_a, world_b):
    blerick = District.objects.get(slug="blerick")
    tegelen = District.objects.get(slug="tegelen")
    own = world_a["venue"]  # added by provider A, in Venlo-Centrum
    used = VenueFactory(name="Kerk", street="Markt 1", postcode="5931AA", district=tegelen)
    SessionFactory(activity=world_a["activity"], venue=used)  # used by A, added by nobody
    VenueFactory(name="Huis van de Wijk", street="Kloosterstraat 1", district=blerick)
    VenueFactory(name="Bibliotheek", street="Markt 2", postcode="5931AB", district=tegelen)
    with translation.override("en"):
        url = reverse("portal:activity_create")
    groups = _venue_groups(client_a.get(url))
    labels = [label for label, _ in groups]
    assert labels[0] == "Your venues"
    assert groups[0][1] == [
        "Kerk – Markt 1, Venlo",
        f"{own.name} – {own.street}, {own.city}",
    ]
    # Then the districts, alphabetically, each venue once.
    assert labels[1:] == sorted(labels[1:])
    assert set(labels[1:]) == {"Blerick", "Tegelen", world_b["venue"].district.name}
    tegelen_group = dict(groups)["Tegelen"]
    assert tegelen_group == ["Bibliotheek – Markt 2, Venlo"]
    everything = [text for _, options in groups for text in options]
    assert len(everything) == len(set(everything)) == Venue.objects.count()


def test_choosing_a_venue_from_a_group_saves(client_a, world_a, world_b):
    response = client_a.post(reverse("portal:activity_create"), activity_post(world_b["venue"]))
    assert response.status_code == 302
    activity = Activity.objects.get(title="Open repetitie", provider=world_a["provider"])
    assert {session.venue for session in activity.sessions.all()} == {world_b["venue"]}


def test_the_venue_list_is_read_once_however_many_rows(client_a, world_a):
    for n in range(6):
        SessionFactory(activity=world_a["activity"], venue=VenueFactory(name=f"Zaal extra {n}"))
    edit = reverse("portal:activity_edit", args=[world_a["activity"].pk])
    with CaptureQueriesContext(connection) as queries:
        response = client_a.get(edit)
    assert response.status_code == 200
    venue_reads = [q["sql"] for q in queries if 'FROM "providers_venue"' in q["sql"]]
    assert len(venue_reads) == 1


def _next_of(url):
    return parse_qs(urlsplit(url).query)["next"][0]


def test_search_or_add_a_venue_and_come_straight_back(client_a, world_a):
    activity = world_a["activity"]
    with translation.override("en"):  # an English page: the way back keeps the language
        edit = reverse("portal:activity_edit", args=[activity.pk])
        search = reverse("portal:venue_list")
        create = reverse("portal:venue_create")
    html = client_a.get(edit).content.decode()
    button = r'name="add_venue"[^>]*>Can(?:\'|&#x27;)t find the place\? Search or add'
    assert re.search(button, html)
    # The button keeps what was typed (nothing is saved) and opens the venue search.
    typed = activity_post(world_a["venue"], title="Nog niet bewaard", **{"sessions-1-venue": ""})
    response = client_a.post(edit, {**typed, "add_venue": "1"})
    assert response.status_code == 302
    search_url = response["Location"]
    assert urlsplit(search_url).path == search
    back = edit + "?restore=1#times"
    assert _next_of(search_url) == back
    activity.refresh_from_db()
    assert activity.title != "Nog niet bewaard"

    # The search page keeps the way back, in its search form and its "add" link.
    response = client_a.get(search_url + "&q=zaal")
    page = response.content.decode()
    assert f'<a href="{back.replace("&", "&amp;")}">' in page or f'<a href="{back}">' in page
    assert f'<input type="hidden" name="next" value="{back}">' in page
    add = re.search(rf'href="({create}[^"]*)"', page).group(1)
    assert _next_of(add.replace("&amp;", "&")) == back

    # Adding the venue leads back to the activity's times, with what was typed, the new venue
    # chosen in the empty row and among "your venues".
    response = client_a.post(add.replace("&amp;", "&"), NEW_VENUE)
    assert response.status_code == 302
    venue = Venue.objects.get(name="Zaal Nieuw")
    assert response["Location"] == f"{edit}?restore=1&venue={venue.pk}#times"
    page = client_a.get(response["Location"])
    html = page.content.decode()
    assert 'value="Nog niet bewaard"' in html
    assert "Some fields need your attention" not in html
    assert page.context["formset"].forms[1]["venue"].value() == str(venue.pk)
    groups = dict(_venue_groups(page))
    assert "Zaal Nieuw – Kloosterstraat 9, Venlo" in groups["Your venues"]
    assert venue.added_by == world_a["provider"]
    # Kept once: the page opened again later shows the saved activity.
    assert 'value="Nog niet bewaard"' not in client_a.get(edit + "?restore=1").content.decode()


def test_back_to_a_new_activity_also_works(client_a, world_a):
    create = reverse("portal:activity_create")
    response = client_a.post(
        reverse("portal:venue_create") + "?" + urlencode({"next": create}),
        NEW_VENUE,
    )
    assert response["Location"] == create


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/portaal/",
        "//evil.example/portaal/",
        "/\\evil.example/portaal/",
        "https://week3.example.org/portaal/",  # absolute, even to this site
        "http://testserver/portaal/",
        "javascript:alert(1)",
        "/agenda/",  # this site, but not the portal
        "/bestaat-niet/",
        "portaal/",
    ],
)
def test_a_foreign_or_absolute_next_is_ignored(client_a, world_a, target):
    response = client_a.get(reverse("portal:venue_list"), {"next": target, "q": "zaal"})
    assert response.context["next"] == ""
    html = response.content.decode()
    # No way back to the target: no hidden field, no back link, a plain "Add a venue".
    assert 'type="hidden" name="next"' not in html
    assert f'href="{reverse("portal:venue_create")}"' in html
    assert "Terug naar je activiteit" not in html
    assert "?next=" not in html.split('class="button" href="')[1].split('"')[0]
    response = client_a.post(
        reverse("portal:venue_create") + "?" + urlencode({"next": target}),
        NEW_VENUE,
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:venue_list")
    response = client_a.post(
        reverse("portal:venue_create"),
        {
            "name": "Zaal Twee",
            "street": "Kloosterstraat 11",
            "postcode": "5921 AA",
            "city": "Venlo",
            "next": target,
        },
    )
    assert response["Location"] == reverse("portal:venue_list")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("facebook", "https://evil.example\\@www.facebook.com/koor"),
        ("facebook", "https://user:pass@www.facebook.com/koor"),
        ("instagram", "https://evil.example\\@instagram.com/koor"),
        ("other_link", "https://evil.example\\@www.youtube.com/koor"),
        ("website", "https://evil.example\\@koor.example.org/"),
    ],
)
def test_links_that_read_one_host_and_go_to_another_are_refused(field, value):
    # Browsers treat the backslash as a slash and go to evil.example.
    provider = Provider(
        name="Koor", slug="koor-x", kind=Provider.Kind.ASSOCIATION, **{field: value}
    )
    with pytest.raises(ValidationError) as refused:
        provider.full_clean()
    assert field in refused.value.message_dict


def test_a_deceptive_other_link_gets_no_site_label():
    assert Provider(other_link="https://evil.example\\@www.youtube.com/x").other_link_label == ""
    assert Provider(other_link="https://www.youtube.com/x").other_link_label == "youtube.com"
