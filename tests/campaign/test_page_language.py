"""On /en/ and /de/, a campaign page's text that falls back to Dutch says so: lang="nl"
(WCAG 3.1.2), on the page, its home tile and its widget."""

import re

import pytest
from django.utils import translation

from campaign.models import CampaignPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign_page(agenda):
    return CampaignPage.objects.create(
        edition=agenda["edition"],
        slug="kinderen",
        title="Voor kinderen",
        title_de="Für Kinder",
        intro="Kom proberen.",
        intro_de="Komm vorbei.",
        hero_alt="Kinderen met een trommel",
        is_published=True,
    )


def lang_of(html: str, text: str) -> str | None:
    """The lang attribute of the element whose text starts with `text`."""
    body = html.split("<body", 1)[1]
    match = re.search(r"<(\w+)([^>]*)>\s*(?:<p>)?" + re.escape(text), body)
    assert match, text
    found = re.search(r'lang="(\w+)"', match.group(2))
    return found.group(1) if found else None


@pytest.mark.parametrize("url", ["/en/campagne/kinderen/", "/en/", "/en/widget/campagne/kinderen/"])
def test_english_falls_back_to_dutch_marked_as_dutch(client, campaign_page, url):
    html = client.get(url).content.decode()
    assert lang_of(html, "Voor kinderen") == "nl"


@pytest.mark.parametrize("url", ["/de/campagne/kinderen/", "/de/", "/de/widget/campagne/kinderen/"])
def test_german_text_is_marked_as_german(client, campaign_page, url):
    html = client.get(url).content.decode()
    assert lang_of(html, "Für Kinder") == "de"
    assert "Voor kinderen" not in html


def test_the_intro_carries_its_language(client, campaign_page):
    assert lang_of(client.get("/en/campagne/kinderen/").content.decode(), "Kom proberen.") == "nl"
    assert lang_of(client.get("/de/campagne/kinderen/").content.decode(), "Komm vorbei.") == "de"


def test_the_hero_alt_text_carries_its_language(campaign_page):
    page = campaign_page
    with translation.override("en"):
        assert page.localized_hero_alt == "Kinderen met een trommel"
        assert page.localized_hero_alt_lang == "nl"
    page.hero_alt_en = "Children with a drum"
    with translation.override("en"):
        assert page.localized_hero_alt_lang == "en"
