"""The embeddable widgets: a provider's approved activities, a campaign page's, a filtered
agenda's, framed from any site, linking through tracked "website" links, cached."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from agenda.models import Activity
from campaign.models import CampaignPage, CampaignPick, TrackedLink
from tests.factories import (
    THURSDAY,
    TUESDAY,
    ActivityFactory,
    SessionFactory,
    local,
    reserve,
)

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a href="([^"]*)"([^>]*)>')


def widget_url(provider, prefix=""):
    return f"{prefix}/widget/{provider.slug}/"


def links_in(html):
    """Every link's address and the rest of its tag."""
    return LINK.findall(html)


@pytest.fixture
def choir_provider(agenda):
    """The choir's provider with a second approved activity, and some it must never show."""
    choir = agenda["choir"]
    provider = choir.provider
    second = ActivityFactory(edition=agenda["edition"], provider=provider, title="Open repetitie")
    SessionFactory(activity=second, starts_at=local(THURSDAY, 19), ends_at=local(THURSDAY, 20))
    for state in (Activity.State.DRAFT, Activity.State.SUBMITTED, Activity.State.REJECTED):
        hidden = ActivityFactory(
            edition=agenda["edition"], provider=provider, title=f"Niet tonen {state}", state=state
        )
        SessionFactory(activity=hidden)
    return provider


def test_a_provider_widget_lists_only_its_approved_activities(client, agenda, choir_provider):
    html = client.get(widget_url(choir_provider)).content.decode()
    assert "Kinderkoor De Merel zingt" in html
    assert "Open repetitie" in html
    assert "Niet tonen" not in html  # no draft, submitted or rejected activity
    assert "Dansen voor senioren" not in html  # nor another provider's
    assert "Verborgen" not in html
    # Its next sessions: day, time and the places left.
    assert "di 19 januari, 15:00–16:00" in html
    assert "Nog 8 plekken" in html


def test_the_places_follow_bookings_and_a_full_session_says_so(client, agenda):
    dance = agenda["dance"]
    html = client.get(widget_url(dance.provider)).content.decode()
    assert "Vol – wachtlijst" in html
    choir = agenda["choir"]
    url = widget_url(choir.provider)
    assert "Nog 8 plekken" in client.get(url).content.decode()
    reserve(choir.sessions.get(), 3, party_size=3)
    assert "Nog 5 plekken" in client.get(url).content.decode()


def test_links_open_the_agenda_in_a_new_tab_through_a_website_link(client, agenda, choir_provider):
    html = client.get(widget_url(choir_provider)).content.decode()
    links = links_in(html)
    assert links
    for href, rest in links:
        assert re.fullmatch(r"/r/[a-z0-9]{6}", href), href
        assert 'target="_blank"' in rest
        assert 'rel="noopener"' in rest
    made = {link.code: link for link in TrackedLink.objects.all()}
    used = [made[href.removeprefix("/r/")] for href, _rest in links]
    assert {link.channel for link in used} == {"website"}
    assert {link.provider for link in used} == {choir_provider}
    choir = agenda["choir"]
    to_choir = [link for link in used if link.activity == choir]
    assert len(to_choir) == 1
    assert client.get(to_choir[0].get_absolute_url())["Location"] == choir.get_absolute_url()
    # One link per target, made once: rendering again makes no new ones.
    count = TrackedLink.objects.count()
    cache.clear()
    assert links_in(client.get(widget_url(choir_provider)).content.decode()) == links
    assert TrackedLink.objects.count() == count


def test_the_widget_reuses_the_providers_own_website_links(client, agenda):
    from campaign.services.links import tracked_link_for_kit

    choir = agenda["choir"]
    link = tracked_link_for_kit(provider=choir.provider, channel="website", activity=choir)
    html = client.get(widget_url(choir.provider)).content.decode()
    assert f'href="/r/{link.code}"' in html


def test_only_the_widget_may_be_framed(client, agenda):
    url = widget_url(agenda["choir"].provider)
    for _attempt in ("rendered", "from the cache"):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Frame-Options" not in response
        assert "frame-ancestors *" in response["Content-Security-Policy"]
    for other in ("/", "/agenda/", agenda["choir"].get_absolute_url(), "/portaal/inloggen/"):
        response = client.get(other)
        assert response["X-Frame-Options"] == "DENY", other
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], other


def test_the_widget_loads_nothing_from_elsewhere(client, agenda):
    html = client.get(widget_url(agenda["choir"].provider)).content.decode()
    addresses = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert addresses
    assert all(address.startswith("/") and not address.startswith("//") for address in addresses)
    assert "<script" not in html
    assert re.findall(r'<link rel="stylesheet" href="([^"]*)"', html) == ["/static/css/widget.css"]


def test_the_widget_speaks_the_visitors_language(client, agenda):
    provider = agenda["choir"].provider
    german = client.get(widget_url(provider, "/de")).content.decode()
    assert '<html lang="de">' in german
    assert "Muziekschool Venlo bei Week 3" in german
    assert "Di, 19. Januar, 15:00–16:00" in german
    english = client.get(widget_url(provider, "/en")).content.decode()
    assert '<html lang="en">' in english
    assert "Muziekschool Venlo at Week 3" in english
    assert "8 spots left" in english
    with translation.override("de"):
        url = reverse("campaign:widget_provider", kwargs={"slug": provider.slug})
    assert url == widget_url(provider, "/de")


def test_an_unknown_provider_gets_a_friendly_page_in_the_frame(client, agenda):
    pending = agenda["hidden"]["pending_provider"].provider
    for url in ("/widget/bestaat-niet/", widget_url(pending)):
        response = client.get(url)
        assert response.status_code == 404
        html = response.content.decode()
        assert "Naar de agenda" in html
        assert 'target="_blank"' in html
        assert "X-Frame-Options" not in response  # shown in the frame, not refused


def test_a_widget_costs_the_same_queries_however_many_activities(client, agenda):
    provider = agenda["choir"].provider
    url = widget_url(provider)

    def queries():
        client.get(url)  # makes the missing links
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    few = queries()
    for n in range(6):
        activity = ActivityFactory(edition=agenda["edition"], provider=provider, title=f"Les {n}")
        SessionFactory(activity=activity, starts_at=local(TUESDAY, 18), ends_at=local(TUESDAY, 19))
        SessionFactory(
            activity=activity, starts_at=local(THURSDAY, 18), ends_at=local(THURSDAY, 19)
        )
    assert queries() == few
    assert "Les 5" in client.get(url).content.decode()


def test_a_content_change_shows_in_the_cached_widget(client, agenda):
    choir = agenda["choir"]
    url = widget_url(choir.provider)
    assert "Kinderkoor De Merel zingt" in client.get(url).content.decode()
    choir.title = "Jeugdkoor De Merel"
    choir.save()
    html = client.get(url).content.decode()
    assert "Jeugdkoor De Merel" in html


# The campaign-page and agenda widgets.


@pytest.fixture
def children_page(agenda):
    page = CampaignPage.objects.create(
        edition=agenda["edition"],
        slug="kinderen",
        title="Voor kinderen",
        title_de="Für Kinder",
        agenda_query="doelgroep=volwassenen",
        is_published=True,
    )
    CampaignPick.objects.create(page=page, activity=agenda["dance"], position=1)
    CampaignPick.objects.create(page=page, activity=agenda["choir"], position=2)
    return page


def test_a_page_widget_lists_the_picks_then_the_selection(client, agenda, children_page):
    html = client.get("/widget/campagne/kinderen/").content.decode()
    assert "Voor kinderen" in html
    dance, choir, studio = (html.index(t) for t in ("Dansen", "Kinderkoor", "Open atelier"))
    assert dance < choir < studio
    assert "Verborgen" not in html
    links = links_in(html)
    for href, rest in links:
        assert href.startswith("/r/") and 'target="_blank"' in rest
    used = TrackedLink.objects.filter(code__in=[href[3:] for href, _rest in links])
    assert {(link.provider, link.channel) for link in used} == {(None, "website")}
    assert {link.activity for link in used} == {
        agenda["dance"],
        agenda["choir"],
        agenda["studio"],
        None,
    }
    assert used.get(activity=None).page == children_page
    german = client.get("/de/widget/campagne/kinderen/").content.decode()
    assert "Für Kinder" in german


def test_a_page_widget_follows_the_page(client, agenda, children_page):
    url = "/widget/campagne/kinderen/"
    assert "Dansen" in client.get(url).content.decode()
    children_page.picks.filter(activity=agenda["dance"]).delete()
    assert "Dansen" not in client.get(url).content.decode()
    children_page.is_published = False
    children_page.save()
    response = client.get(url)
    assert response.status_code == 404
    assert "X-Frame-Options" not in response


def test_a_page_widget_costs_the_same_queries_however_many_picks(client, agenda, children_page):
    url = "/widget/campagne/kinderen/"

    def queries():
        client.get(url)  # makes the missing links
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    few = queries()
    for n in range(6):
        activity = ActivityFactory(edition=agenda["edition"], title=f"Gekozen {n}")
        SessionFactory(activity=activity, starts_at=local(TUESDAY, 18), ends_at=local(TUESDAY, 19))
        CampaignPick.objects.create(page=children_page, activity=activity, position=10 + n)
    assert queries() == few
    assert "Gekozen 5" in client.get(url).content.decode()


def test_an_agenda_widget_uses_the_agendas_filters(client, agenda):
    response = client.get("/widget/agenda/?doelgroep=senioren&utm_source=x")
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert "Dansen voor senioren" in html
    assert "Kinderkoor" not in html
    assert "Open atelier" not in html
    whole = TrackedLink.objects.get(activity=None, provider=None)
    assert whole.agenda_query == "doelgroep=senioren"
    assert whole.channel == "website"
    assert f'href="/r/{whole.code}"' in html
    assert client.get(whole.get_absolute_url())["Location"] == "/agenda/?doelgroep=senioren"


def test_an_agenda_widget_costs_the_same_queries_however_many_activities(client, agenda):
    url = "/widget/agenda/?leeftijd=30"

    def queries():
        client.get(url)  # makes the missing links
        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    few = queries()
    for n in range(6):
        activity = ActivityFactory(edition=agenda["edition"], title=f"Les {n}")
        SessionFactory(activity=activity, starts_at=local(TUESDAY, 18), ends_at=local(TUESDAY, 19))
    assert queries() == few
    assert "Les 5" in client.get(url).content.decode()


def test_junk_selections_make_no_endless_links(client, agenda, monkeypatch):
    from campaign import widgets

    monkeypatch.setattr(widgets, "CITY_AGENDA_LINKS_MAX", 2)
    for word in ("koor", "dans"):
        client.get("/widget/agenda/", {"q": word})
    made = TrackedLink.objects.filter(activity=None).count()
    assert made == 2
    html = client.get("/widget/agenda/", {"q": "atelier"}).content.decode()
    assert "Open atelier" in html
    assert 'href="/agenda/?q=atelier" target="_blank"' in html  # untracked, but there
    assert TrackedLink.objects.filter(activity=None).count() == made


# The embed screen in the portal.


def test_the_embed_screen_shows_the_snippets_with_a_preview(client, agenda, children_page):
    from providers.models import User

    provider = agenda["choir"].provider
    user = User.objects.create_user(email="koor@example.org", password="x", provider=provider)
    client.force_login(user)
    url = reverse("campaign_portal:embed")
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"  # the portal itself is never framed
    html = response.content.decode()
    site = "https://week3.example.org"
    assert f"&lt;iframe src=&quot;{site}/widget/{provider.slug}/&quot;" in html
    assert f"{site}/widget/campagne/kinderen/" in html
    assert f"{site}/widget/agenda/&quot;" in html
    assert f'<iframe class="widget-preview" src="/widget/{provider.slug}/"' in html

    children_page.is_published = False
    children_page.save()
    html = client.get(url).content.decode()
    assert "/widget/campagne/" not in html  # no published page: no page snippet, no choice
    assert 'name="pagina"' not in html

    pasted = f"{site}/agenda/?wijk=blerick&doelgroep=kinderen&utm_source=nieuwsbrief"
    html = client.get(url, {"taal": "de", "agenda": pasted}).content.decode()
    assert f"{site}/de/widget/{provider.slug}/" in html
    assert f"{site}/de/widget/agenda/?doelgroep=kinderen&amp;amp;wijk=blerick" in html
