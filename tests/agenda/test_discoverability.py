"""sitemap.xml lists every public page in every language; robots.txt points to it."""

import xml.etree.ElementTree as ET

import pytest

from providers.models import Provider
from tests.factories import ProviderFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
SITE = "https://week3.example.org"


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("s:url", NS):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        entries[url.find("s:loc", NS).text] = alternates
    return entries


def test_sitemap_lists_every_public_page_in_every_language(client, agenda):
    lonely = ProviderFactory(name="Zonder activiteit")
    ProviderFactory(name="Afgewezen", status=Provider.Status.REJECTED)
    entries = sitemap(client)
    pages = ["/", "/agenda/"]
    pages += [f"/activiteit/{agenda[key].slug}/" for key in ("choir", "dance", "studio")]
    providers = Provider.objects.approved()
    pages += [f"/aanbieder/{provider.slug}/" for provider in providers]
    expected = set()
    for page in pages:
        for prefix in ("", "/en", "/de"):
            expected.add(f"{SITE}{prefix}{page}")
    assert set(entries) == expected
    assert f"{SITE}/aanbieder/{lonely.slug}/" in entries
    for page in pages:
        alternates = entries[f"{SITE}{page}"]
        assert alternates == {
            "nl": f"{SITE}{page}",
            "en": f"{SITE}/en{page}",
            "de": f"{SITE}/de{page}",
            "x-default": f"{SITE}{page}",
        }


def test_sitemap_leaves_out_hidden_pages(client, agenda):
    text = client.get("/sitemap.xml").content.decode()
    for activity in agenda["hidden"].values():
        assert f"/activiteit/{activity.slug}/" not in text
    assert "nog-niet-goedgekeurd" not in text


def test_robots_txt_allows_all_and_points_to_the_sitemap(client, agenda):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /beheer/" in lines
    assert "Disallow: /portaal/" in lines
    assert "Disallow: /en/portaal/" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    assert "Disallow: /" not in lines
