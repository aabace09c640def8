"""Activity pages for machines: schema.org JSON-LD, sharing previews, feed links, calendar links."""

import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

pytestmark = pytest.mark.django_db


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.scripts, self._in_ld = {}, [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta.setdefault(attrs.get("property") or attrs["name"], []).append(
                attrs["content"]
            )
        if tag == "link":
            self.links.append(attrs)
        self._in_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_data(self, data):
        if self._in_ld:
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._in_ld = False


def parse(client, url) -> tuple[Head, str]:
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    head = Head()
    head.feed(html)
    return head, html


def test_activity_page_has_one_event_per_session(client, agenda):
    studio = agenda["studio"]
    head, _ = parse(client, studio.get_absolute_url())
    (script,) = head.scripts
    events = json.loads(script)
    sessions = list(studio.sessions.order_by("starts_at"))
    assert len(events) == len(sessions) == 2
    for event, session in zip(events, sessions, strict=True):
        assert event["@context"] == "https://schema.org"
        assert event["@type"] == "Event"
        assert event["name"] == "Open atelier"
        assert event["description"] == studio.description
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+01:00", event["startDate"])
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+01:00", event["endDate"])
        assert event["location"]["@type"] == "Place"
        assert event["location"]["address"]["@type"] == "PostalAddress"
        assert event["location"]["address"]["streetAddress"] == session.venue.street
        assert event["location"]["address"]["addressCountry"] == "NL"
        assert event["image"] == ["https://week3.example.org/static/img/share.png"]
        assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
        assert event["organizer"] == {
            "@type": "Organization",
            "name": "Atelier Rood",
            "url": "https://week3.example.org/aanbieder/atelier-rood/",
        }
        assert event["offers"]["price"] == 0
        assert event["offers"]["priceCurrency"] == "EUR"
        assert event["offers"]["availability"] == "https://schema.org/InStock"
        assert event["url"] == "https://week3.example.org/activiteit/open-atelier/"
        expected = "EventCancelled" if session.is_cancelled else "EventScheduled"
        assert event["eventStatus"] == f"https://schema.org/{expected}"


def test_a_full_session_is_sold_out(client, agenda):
    head, _ = parse(client, agenda["dance"].get_absolute_url())
    (event,) = json.loads(head.scripts[0])
    assert event["offers"]["availability"] == "https://schema.org/SoldOut"


def test_script_end_tag_in_a_description_cannot_break_out(client, agenda):
    choir = agenda["choir"]
    choir.description = 'Zing mee </script><script>alert("x")</script> & <!-- kom'
    choir.save()
    head, html = parse(client, choir.get_absolute_url())
    (script,) = head.scripts
    assert json.loads(script)[0]["description"] == choir.description
    block = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in block and ">" not in block and "&" not in block
    assert '<script>alert("x")' not in html


def test_share_previews_on_every_public_page(client, agenda):
    pages = [
        "/",
        "/agenda/",
        "/en/agenda/?wijk=blerick",
        f"/activiteit/{agenda['choir'].slug}/",
        f"/aanbieder/{agenda['choir'].provider.slug}/",
    ]
    for url in pages:
        head, _ = parse(client, url)
        for name in ("og:title", "og:description", "og:url", "og:type", "og:image"):
            assert head.meta[name][0], (url, name)
        assert head.meta["og:url"] == [f"https://week3.example.org{url}"]
        assert head.meta["og:image:width"] == ["1200"]
        assert int(head.meta["og:image:height"][0]) >= 630
        assert head.meta["twitter:card"] == ["summary_large_image"]
        assert len(head.meta["og:locale:alternate"]) == 2
    head, _ = parse(client, "/de/agenda/")
    assert head.meta["og:locale"] == ["de_DE"]
    head, _ = parse(client, f"/activiteit/{agenda['choir'].slug}/")
    assert head.meta["og:title"] == ["Kinderkoor De Merel zingt"]


def test_the_default_share_image_is_1200_by_630(settings):
    from PIL import Image

    with Image.open(settings.BASE_DIR / "static/img/share.png") as image:
        assert image.size == (1200, 630)


def calendar_links(head):
    return [link["href"] for link in head.links if link.get("type") == "text/calendar"]


def test_each_page_advertises_the_feed_of_what_it_shows(client, agenda):
    choir = agenda["choir"]
    expected = {
        "/": "https://week3.example.org/agenda.ics",
        "/agenda/?wijk=blerick&page=1": "https://week3.example.org/agenda.ics?wijk=blerick",
        "/en/agenda/": "https://week3.example.org/en/agenda.ics",
        f"/activiteit/{choir.slug}/": f"https://week3.example.org/activiteit/{choir.slug}.ics",
        f"/aanbieder/{choir.provider.slug}/": (
            f"https://week3.example.org/aanbieder/{choir.provider.slug}.ics"
        ),
    }
    for page, feed in expected.items():
        head, _ = parse(client, page)
        assert calendar_links(head) == [feed], page
        path = urlsplit(feed)
        assert client.get(f"{path.path}?{path.query}").status_code == 200


def test_agenda_offers_to_subscribe_to_the_selection(client, agenda):
    _, html = parse(client, "/agenda/?doelgroep=kinderen&wijk=blerick")
    feed = "week3.example.org/agenda.ics?doelgroep=kinderen&amp;wijk=blerick"
    assert f'href="webcal://{feed}"' in html
    assert f'value="https://{feed}"' in html
    google = re.search(r'href="(https://calendar\.google\.com/calendar/render\?cid=[^"]+)"', html)
    cid = parse_qs(urlsplit(google.group(1).replace("&amp;", "&")).query)["cid"][0]
    assert cid == "webcal://week3.example.org/agenda.ics?doelgroep=kinderen&wijk=blerick"
    assert "Abonneer je op deze selectie" in html


def test_each_session_has_calendar_links(client, agenda):
    choir = agenda["choir"]
    session = choir.sessions.get()
    _, html = parse(client, choir.get_absolute_url())
    assert f'href="/activiteit/{choir.slug}/{session.pk}.ics" download' in html
    google = re.search(r'href="(https://calendar\.google\.com/calendar/render\?action[^"]+)"', html)
    query = parse_qs(urlsplit(google.group(1).replace("&amp;", "&")).query)
    assert query["text"] == ["Kinderkoor De Merel zingt"]
    start = session.starts_at.strftime("%Y%m%dT%H%M%SZ")
    end = session.ends_at.strftime("%Y%m%dT%H%M%SZ")
    assert query["dates"] == [f"{start}/{end}"]
    assert "Kloosterstraat 1" in query["location"][0]
    outlook = re.search(r'href="(https://outlook\.live\.com/[^"]+)"', html)
    query = parse_qs(urlsplit(outlook.group(1).replace("&amp;", "&")).query)
    assert query["subject"] == ["Kinderkoor De Merel zingt"]
    assert query["startdt"][0].startswith(session.starts_at.astimezone().date().isoformat())
    # Plain links only: nothing on the page loads from another host.
    assert not re.search(r'(src|href)="https?://(?!week3)[^"]+\.(js|css)"', html)
