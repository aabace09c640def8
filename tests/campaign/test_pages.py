"""Campaign landing pages: what they list, when they show, in which language, at what cost."""

import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from agenda.models import Activity
from campaign.models import CampaignPage, CampaignPick
from providers.images import WIDTHS, rendition_name
from tests.factories import NOW, EditionFactory, UserFactory
from tests.helpers import grow_agenda, jpeg_with_gps

pytestmark = pytest.mark.django_db

# The agenda page's budget (tests/agenda/test_query_budget.py).
AGENDA_BUDGET = 13


def make_page(edition, slug="kinderen", **fields):
    defaults = {"title": "Voor kinderen", "intro": "Kom proberen.", "is_published": True}
    return CampaignPage.objects.create(edition=edition, slug=slug, **{**defaults, **fields})


def titles(html):
    """The cards' titles, in the order of the page."""
    return re.findall(r'class="card-title"[^>]*><a href="[^"]*">([^<]+)</a>', html)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_picked_activities_come_first_in_their_order_then_the_selection(client, agenda):
    page = make_page(agenda["edition"], agenda_query="wijk=blerick&wijk=tegelen")
    # The studio (Thursday) first, then the choir; the choir also matches the selection.
    CampaignPick.objects.create(page=page, activity=agenda["studio"], position=1)
    CampaignPick.objects.create(page=page, activity=agenda["choir"], position=2)
    html = get(client, "/campagne/kinderen/")
    assert titles(html) == ["Open atelier", "Kinderkoor De Merel zingt", "Dansen voor senioren"]
    assert "<h1" in html and "Voor kinderen" in html and "Kom proberen." in html


def test_the_selection_is_the_agendas_own_filter(client, agenda):
    make_page(agenda["edition"], slug="nieuwkomers", agenda_query="zonder_nederlands=on")
    html = get(client, "/campagne/nieuwkomers/")
    assert titles(html) == ["Open atelier"]
    assert 'href="/agenda/?zonder_nederlands=on"' in html
    assert "Bekijk ze allemaal in de agenda" in html


def test_hidden_activities_never_show_even_when_picked(client, agenda):
    page = make_page(agenda["edition"], agenda_query="")
    for position, activity in enumerate([*agenda["hidden"].values(), agenda["dance"]]):
        CampaignPick.objects.create(page=page, activity=activity, position=position)
    assert titles(get(client, "/campagne/kinderen/")) == ["Dansen voor senioren"]


@pytest.mark.parametrize(
    "fields",
    [
        {"is_published": False},
        {"publish_from": NOW + datetime.timedelta(days=1)},
        {"publish_until": NOW - datetime.timedelta(minutes=1)},
    ],
    ids=["not published", "not yet", "ended"],
)
def test_a_page_outside_its_window_is_the_friendly_404(client, agenda, fields):
    make_page(agenda["edition"], **fields)
    response = client.get("/campagne/kinderen/")
    assert response.status_code == 404
    assert 'href="/agenda/"' in response.content.decode()
    assert "Voor kinderen" not in response.content.decode()


def test_unknown_slug_or_another_editions_page_is_the_friendly_404(client, agenda):
    old = EditionFactory(year=2026, starts_on=datetime.date(2026, 1, 12))
    make_page(old, slug="vorig-jaar")
    for url in ("/campagne/bestaat-niet/", "/campagne/vorig-jaar/"):
        response = client.get(url)
        assert response.status_code == 404
        assert 'href="/agenda/"' in response.content.decode()


def test_the_window_opening_shows_the_page_and_its_home_link(client, agenda, clock):
    opens = NOW + datetime.timedelta(minutes=20)  # well within the cache's hour
    make_page(agenda["edition"], publish_from=opens, title="Voor de kleintjes")
    assert "Voor de kleintjes" not in get(client, "/")  # cached now, without the link
    assert client.get("/campagne/kinderen/").status_code == 404
    clock.move_to(opens + datetime.timedelta(seconds=1))
    home = get(client, "/")
    assert 'href="/campagne/kinderen/"' in home and "Voor de kleintjes" in home
    assert "Voor de kleintjes" in get(client, "/campagne/kinderen/")


@pytest.mark.parametrize(
    ("prefix", "title", "intro"),
    [("/en", "For children", "Come and try."), ("/de", "Für Kinder", "Komm vorbei.")],
)
def test_translations(client, agenda, prefix, title, intro):
    make_page(
        agenda["edition"],
        title_en="For children",
        intro_en="Come and try.",
        title_de="Für Kinder",
        intro_de="Komm vorbei.",
    )
    html = get(client, f"{prefix}/campagne/kinderen/")
    assert f'id="campaign-title">{title}</h1>' in html
    assert intro in html
    assert f'<meta property="og:title" content="{title}">' in html
    assert "Voor kinderen" not in html
    home = get(client, f"{prefix}/")
    assert f'href="{prefix}/campagne/kinderen/"' in home and title in home


def test_an_untranslated_page_falls_back_to_dutch(client, agenda):
    make_page(agenda["edition"], title_de="Für Kinder")
    html = get(client, "/en/campagne/kinderen/")
    assert 'id="campaign-title">Voor kinderen</h1>' in html
    assert "Kom proberen." in html


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    return len(queries)


def test_queries_do_not_grow_with_the_activities(client, reference_data):
    first = grow_agenda(10)
    page = make_page(first.edition, agenda_query="wijk=venlo-centrum")
    for position, activity in enumerate(Activity.objects.order_by("-pk")[:3]):
        CampaignPick.objects.create(page=page, activity=activity, position=position)
    small = _queries(client, "/campagne/kinderen/")
    grow_agenda(30)
    for position, activity in enumerate(Activity.objects.order_by("-pk")[:10], start=3):
        CampaignPick.objects.create(page=page, activity=activity, position=position)
    html = get(client, "/campagne/kinderen/")  # rendered again (the content changed)
    assert len(titles(html)) == 40
    page.save()  # a new version: the next request renders it again
    large = _queries(client, "/campagne/kinderen/")
    assert small == large <= AGENDA_BUDGET


@pytest.mark.parametrize("count", [5, 40])
def test_query_budget(client, reference_data, django_assert_max_num_queries, count):
    first = grow_agenda(count)
    page = make_page(first.edition, agenda_query="wijk=venlo-centrum")
    CampaignPick.objects.create(page=page, activity=first, position=0)
    with django_assert_max_num_queries(AGENDA_BUDGET):
        html = get(client, "/campagne/kinderen/")
    assert len(titles(html)) == count


def test_edits_reach_the_cached_page(client, agenda):
    page = make_page(agenda["edition"], agenda_query="doelgroep=senioren")
    url = "/campagne/kinderen/"
    assert titles(get(client, url)) == ["Dansen voor senioren"]
    # Served from the cache: the fingerprint and the places only.
    assert _queries(client, url) == 2

    page.title = "Speciaal voor kinderen"
    page.save()
    assert "Speciaal voor kinderen" in get(client, url)
    assert "Speciaal voor kinderen" in get(client, "/")

    dance = agenda["dance"]
    dance.title = "Dansen op je eigen tempo"
    dance.save()
    assert titles(get(client, url)) == ["Dansen op je eigen tempo"]

    CampaignPick.objects.create(page=page, activity=agenda["choir"], position=0)
    assert titles(get(client, url)) == ["Kinderkoor De Merel zingt", "Dansen op je eigen tempo"]


def test_sitemap_lists_published_pages(client, agenda):
    make_page(agenda["edition"])
    make_page(agenda["edition"], slug="verborgen", is_published=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "https://week3.example.org/campagne/kinderen/" in xml
    assert "https://week3.example.org/en/campagne/kinderen/" in xml
    assert "verborgen" not in xml


# The admin.


@pytest.fixture
def staff(client, reference_data):
    user = UserFactory(email="redactie@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name="redactie"))
    client.force_login(user)
    return user


def _admin_post(edition, **extra):
    return {
        "edition": edition.pk,
        "title": "Voor kinderen",
        "slug": "kinderen",
        "intro": "",
        "hero_alt": "",
        "agenda_query": "",
        "title_en": "",
        "title_de": "",
        "intro_en": "",
        "intro_de": "",
        "hero_alt_en": "",
        "hero_alt_de": "",
        "is_published": "on",
        "publish_from_0": "",
        "publish_from_1": "",
        "publish_until_0": "",
        "publish_until_1": "",
        "position": "0",
        "picks-TOTAL_FORMS": "0",
        "picks-INITIAL_FORMS": "0",
        "picks-MIN_NUM_FORMS": "0",
        "picks-MAX_NUM_FORMS": "1000",
        **extra,
    }


def test_admin_refuses_a_bad_selection_and_keeps_what_staff_typed(client, agenda, staff):
    typed = "doelgroep=draken&kleur=rood&leeftijd=oud"
    response = client.post(
        reverse("admin:campaign_campaignpage_add"),
        _admin_post(agenda["edition"], agenda_query=typed),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "De agenda heeft geen filter “kleur”" in html
    assert "draken" in html and "(doelgroep)" in html and "(leeftijd)" in html
    assert 'value="doelgroep=draken&amp;kleur=rood&amp;leeftijd=oud"' in html
    assert not CampaignPage.objects.exists()


def test_admin_saves_the_selection_as_the_agenda_spells_it(client, agenda, staff):
    typed = "https://week3.example.org/agenda/?wijk=tegelen&doelgroep=kinderen&wijk=blerick"
    response = client.post(
        reverse("admin:campaign_campaignpage_add"),
        _admin_post(
            agenda["edition"],
            agenda_query=typed,
            **{
                "picks-TOTAL_FORMS": "1",
                "picks-0-position": "1",
                "picks-0-activity": agenda["studio"].pk,
            },
        ),
    )
    assert response.status_code == 302, response.content.decode()
    page = CampaignPage.objects.get()
    assert page.agenda_query == "doelgroep=kinderen&wijk=blerick&wijk=tegelen"
    assert titles(get(client, "/campagne/kinderen/")) == [
        "Open atelier",
        "Kinderkoor De Merel zingt",
    ]


def test_admin_list_shows_the_published_state(client, agenda, staff):
    make_page(agenda["edition"], slug="online", title="Online pagina")
    make_page(agenda["edition"], slug="later", publish_from=NOW + datetime.timedelta(days=2))
    make_page(agenda["edition"], slug="concept", is_published=False)
    html = client.get(reverse("admin:campaign_campaignpage_changelist")).content.decode()
    states = re.findall(r'field-published_state">([^<]*)<', html)
    assert sorted(states) == ["Niet gepubliceerd", "Online", "Vanaf 13-1-2027 10:00"]


def test_admin_stores_the_hero_image_without_metadata(client, agenda, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = SimpleUploadedFile("held.jpg", jpeg_with_gps(), content_type="image/jpeg")
    data = _admin_post(agenda["edition"], hero_upload=photo)
    response = client.post(reverse("admin:campaign_campaignpage_add"), data)
    assert response.status_code == 200
    assert "Beschrijf de grote afbeelding" in response.content.decode()

    photo.seek(0)
    data = _admin_post(agenda["edition"], hero_upload=photo, hero_alt="Kinderen zingen")
    response = client.post(reverse("admin:campaign_campaignpage_add"), data)
    assert response.status_code == 302
    name = CampaignPage.objects.get().hero_image.name
    assert name.startswith("campaign/")
    with default_storage.open(name) as stored, Image.open(stored) as image:
        assert not image.getexif() and "exif" not in image.info
        assert image.size == (900, 1600)  # turned upright
    assert all(default_storage.exists(rendition_name(name, width)) for width in WIDTHS)
    html = get(client, "/campagne/kinderen/")
    assert f'src="/media/{name}"' in html and 'alt="Kinderen zingen"' in html


def test_admin_refuses_a_pick_from_another_edition(client, agenda, staff):
    old = agenda["hidden"]["other_edition"]
    data = _admin_post(
        agenda["edition"],
        **{"picks-TOTAL_FORMS": "1", "picks-0-position": "0", "picks-0-activity": old.pk},
    )
    response = client.post(reverse("admin:campaign_campaignpage_add"), data)
    assert response.status_code == 200
    assert "Deze activiteit hoort niet bij de editie van de pagina." in response.content.decode()
    assert not CampaignPage.objects.exists()


def test_admin_refuses_a_file_that_is_no_image_and_keeps_the_rest(client, agenda, staff):
    junk = SimpleUploadedFile("held.jpg", b"not a photo at all", content_type="image/jpeg")
    data = _admin_post(agenda["edition"], hero_upload=junk, hero_alt="Kinderen", title="Zomaar")
    response = client.post(reverse("admin:campaign_campaignpage_add"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit bestand is geen volledige afbeelding." in html
    assert 'value="Zomaar"' in html and 'value="Kinderen"' in html
    assert not CampaignPage.objects.exists()


def test_the_page_is_shared_with_its_own_image(client, agenda):
    make_page(agenda["edition"], title="Voor kinderen", title_en="For children")
    html = get(client, "/en/campagne/kinderen/")
    image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert image.startswith("https://week3.example.org/en/deel/campagne/kinderen.png?v=")
    assert '<meta property="og:image:alt" content="For children · Week 3 Venlo">' in html
    response = client.get(image.removeprefix("https://week3.example.org"))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert Image.open(io.BytesIO(body)).size == (1200, 630)
