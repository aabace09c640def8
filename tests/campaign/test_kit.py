"""The promotion kit: QR codes that scan to the tracked link, share images of the promised
sizes that show the activity, kept in storage per version, texts in three languages."""

import datetime
import io
import os
import re
from html import unescape
from unittest import mock

import pytest
import zxingcpp
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from PIL import Image, ImageDraw

from agenda.formatting import session_when
from campaign.kit import images, storage
from campaign.kit.content import KitContent
from campaign.models import CampaignPage, TrackedLink
from tests.factories import SessionFactory, UserFactory

pytestmark = pytest.mark.django_db

SIZES = {"1080x1080": (1080, 1080), "1080x1920": (1080, 1920), "1200x630": (1200, 630)}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def choir(agenda):
    return agenda["choir"]


@pytest.fixture
def choir_client(client, choir):
    client.force_login(UserFactory(provider=choir.provider))
    return client


def kit_url(name, activity, **query):
    url = reverse(f"campaign_portal:{name}", args=[activity.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def decode(png: bytes) -> list[str]:
    with Image.open(io.BytesIO(png)) as image:
        return [result.text for result in zxingcpp.read_barcodes(image.convert("L"))]


def stored_files(tmp_path) -> set[str]:
    return {path.name for path in (tmp_path / "kit").glob("*")}


def textareas(html: str) -> dict[str, str]:
    return {
        name: unescape(text)
        for name, text in re.findall(r'<textarea id="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S)
    }


@pytest.mark.parametrize("channel", ["poster", "flyer", "social", "newsletter"])
def test_the_qr_code_scans_to_the_channels_tracked_link(choir_client, choir, channel):
    response = choir_client.get(kit_url("kit_activity_qr", choir, kanaal=channel, formaat="png"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    link = TrackedLink.objects.get(activity=choir, channel=channel)
    assert decode(b"".join(response.streaming_content)) == [
        f"https://week3.example.org/r/{link.code}"
    ]
    # …and that link leads to the activity.
    assert choir_client.get(f"/r/{link.code}").url == choir.get_absolute_url()


def test_the_svg_qr_code_is_the_same_link(choir_client, choir):
    response = choir_client.get(kit_url("kit_activity_qr", choir, kanaal="flyer", formaat="svg"))
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"].startswith("attachment;")
    svg = response.content.decode()
    assert svg.lstrip().startswith(("<?xml", "<svg"))
    # Rendered by Chromium and scanned: tests/browser/test_kit_print.py.


def test_each_channel_has_its_own_link_and_the_kit_makes_no_second_one(choir_client, choir):
    choir_client.get(kit_url("kit_activity", choir))
    choir_client.get(kit_url("kit_activity", choir))
    links = TrackedLink.objects.filter(activity=choir)
    assert sorted(links.values_list("channel", flat=True)) == sorted(
        ["poster", "flyer", "social", "newsletter"]
    )
    assert {link.provider for link in links} == {choir.provider}


@pytest.mark.parametrize("size", SIZES)
def test_share_images_have_the_promised_sizes(client, choir_client, choir, size):
    public = client.get(f"/deel/activiteit/{choir.slug}-{size}.png")
    portal = choir_client.get(kit_url("kit_activity_image", choir, formaat=size))
    for response in (public, portal):
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
            assert image.size == SIZES[size]
            assert len(image.getcolors(maxcolors=100_000) or []) > 2  # not a blank canvas


def content(**changes) -> KitContent:
    values = {
        "language": "nl",
        "title": "Kinderkoor De Merel zingt",
        "provider": "Muziekschool Venlo",
        "when": ("dinsdag 19 januari, 15:00–16:00",),
        "more": "",
        "where": "Huis van de Wijk Blerick, Blerick",
        "ages": "Voor 6–12 jaar",
        "summary": "",
        "url": "https://week3.example.org/r/abc234",
    }
    return KitContent(**{**values, **changes})


@pytest.mark.parametrize("size", SIZES)
def test_the_image_draws_the_title_day_provider_and_short_link(size):
    drawn = []
    real_text = ImageDraw.ImageDraw.text

    def spy(self, xy, text, *args, **kwargs):
        drawn.append(text)
        return real_text(self, xy, text, *args, **kwargs)

    with mock.patch.object(ImageDraw.ImageDraw, "text", spy):
        images.render(content(), size)
    # The title may wrap over several lines: all of it, in order.
    assert "Kinderkoor De Merel zingt" in " ".join(drawn)
    assert "dinsdag 19 januari, 15:00–16:00" in drawn
    assert "Muziekschool Venlo" in drawn
    assert "week3.example.org/r/abc234" in drawn


@pytest.mark.parametrize("size", SIZES)
def test_another_title_or_link_gives_another_image(size):
    first = images.render(content(), size)
    assert images.render(content(), size) == first
    assert images.render(content(title="Open atelier"), size) != first
    assert images.render(content(url="https://week3.example.org/r/xyz789"), size) != first


def test_the_second_request_is_served_from_storage(client, choir, tmp_path):
    url = f"/deel/activiteit/{choir.slug}-1080x1080.png"
    assert stored_files(tmp_path) == set()
    first = b"".join(client.get(url).streaming_content)
    assert len(stored_files(tmp_path)) == 1
    with mock.patch.object(images, "render", side_effect=AssertionError("drawn again")):
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == first
        # The kit in the portal reads the same file.
    assert len(stored_files(tmp_path)) == 1


def test_a_changed_activity_gets_a_new_image(client, choir, tmp_path):
    url = f"/deel/activiteit/{choir.slug}-1200x630.png"
    first = b"".join(client.get(url).streaming_content)
    choir.title = "Kinderkoor De Merel zingt met jou"
    choir.save()
    second = b"".join(client.get(url).streaming_content)
    assert second != first
    assert len(stored_files(tmp_path)) == 2


def test_each_language_has_its_own_image(client, choir, tmp_path):
    dutch = b"".join(client.get(f"/deel/activiteit/{choir.slug}-1200x630.png").streaming_content)
    german = b"".join(
        client.get(f"/de/deel/activiteit/{choir.slug}-1200x630.png").streaming_content
    )
    assert dutch != german  # "dinsdag" and "Gratis" against "Dienstag" and "Kostenlos"


def test_activities_off_the_agenda_have_no_public_image(client, agenda):
    for activity in agenda["hidden"].values():
        response = client.get(f"/deel/activiteit/{activity.slug}-1200x630.png")
        assert response.status_code == 404
    assert client.get(f"/deel/activiteit/{agenda['choir'].slug}-640x480.png").status_code == 404


def test_the_activity_page_shares_its_own_card(client, choir):
    html = client.get(choir.get_absolute_url()).content.decode()
    image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert image.startswith(
        f"https://week3.example.org/deel/activiteit/{choir.slug}-1200x630.png?v="
    )
    response = client.get(image.removeprefix("https://week3.example.org"))
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as card:
        assert card.size == (1200, 630)


@pytest.mark.parametrize("language", ["nl", "en", "de"])
def test_texts_carry_title_day_and_time_and_the_short_link(choir_client, choir, language):
    html = choir_client.get(kit_url("kit_activity", choir)).content.decode()
    texts = textareas(html)
    social = TrackedLink.objects.get(activity=choir, channel="social")
    newsletter = TrackedLink.objects.get(activity=choir, channel="newsletter")
    with override(language):
        when = session_when(choir.sessions.get())
    for kind, link in [("social", social), ("newsletter", newsletter), ("whatsapp", social)]:
        text = texts[f"text-{language}-{kind}"]
        assert "Kinderkoor De Merel zingt" in text, kind
        assert when in text, kind
        assert f"https://week3.example.org/r/{link.code}" in text, kind


def test_texts_use_the_translated_title(choir_client, choir):
    choir.title_en = "Children's choir The Blackbird sings"
    choir.save()
    texts = textareas(choir_client.get(kit_url("kit_activity", choir)).content.decode())
    assert "Children's choir The Blackbird sings" in texts["text-en-social"]
    assert "Kinderkoor De Merel zingt" in texts["text-nl-social"]


def test_the_kit_page_offers_everything(choir_client, choir):
    html = choir_client.get(kit_url("kit_activity", choir)).content.decode()
    for name in ("kit_activity_poster", "kit_activity_flyer"):
        assert kit_url(name, choir) in html
    for size in SIZES:
        assert f"formaat={size}" in html
    embed = textareas(html)["embed-code"]
    assert f'src="https://week3.example.org/widget/{choir.provider.slug}/"' in embed
    poster = TrackedLink.objects.get(activity=choir, channel="poster")
    assert f"https://week3.example.org/r/{poster.code}" in html


def test_the_poster_and_flyer_carry_their_own_link(choir_client, choir):
    for name, channel in [("kit_activity_poster", "poster"), ("kit_activity_flyer", "flyer")]:
        html = choir_client.get(kit_url(name, choir)).content.decode()
        link = TrackedLink.objects.get(activity=choir, channel=channel)
        assert f"week3.example.org/r/{link.code}" in html
        assert "Kinderkoor De Merel zingt" in html
        assert '<svg role="img"' in html


def test_printable_headings_mark_the_title_in_its_own_language(choir_client, choir):
    """On an English page a Dutch title is marked Dutch; one the provider translated is not."""
    with override("en"):
        url = kit_url("kit_activity_flyer", choir)
    heading = re.search(r"<h1>(.*?)</h1>", choir_client.get(url).content.decode()).group(1)
    assert heading == 'Flyer: <span lang="nl">Kinderkoor De Merel zingt</span>'
    choir.title_en = "Children's choir De Merel sings"
    choir.save()
    heading = re.search(r"<h1>(.*?)</h1>", choir_client.get(url).content.decode()).group(1)
    assert unescape(heading) == "Flyer: Children's choir De Merel sings"


def test_the_providers_own_kit_leads_to_its_page(choir_client, choir):
    response = choir_client.get(reverse("campaign_portal:kit_qr") + "?kanaal=poster")
    link = TrackedLink.objects.get(target_provider=choir.provider, channel="poster")
    assert link.activity is None
    assert decode(b"".join(response.streaming_content)) == [
        f"https://week3.example.org/r/{link.code}"
    ]
    assert choir_client.get(f"/r/{link.code}").url == choir.provider.get_absolute_url()
    html = choir_client.get(reverse("campaign_portal:kit")).content.decode()
    assert "Muziekschool Venlo" in textareas(html)["text-nl-social"]


def test_unknown_sizes_channels_and_languages_are_not_found(choir_client, choir):
    assert choir_client.get(kit_url("kit_activity_image", choir, formaat="9x9")).status_code == 404
    assert choir_client.get(kit_url("kit_activity_image", choir, taal="fr")).status_code == 404
    assert choir_client.get(kit_url("kit_activity_qr", choir, kanaal="radio")).status_code == 404


def test_campaign_pages_have_a_share_image(client, agenda):
    page = CampaignPage.objects.create(
        edition=agenda["edition"], slug="kinderen", title="Voor kinderen", is_published=True
    )
    response = client.get(reverse("campaign:page_share_image", kwargs={"slug": page.slug}))
    assert response.status_code == 200
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
        assert image.size == (1200, 630)
    CampaignPage.objects.filter(pk=page.pk).update(is_published=False)
    assert client.get(f"/deel/campagne/{page.slug}.png").status_code == 404


def test_the_dashboard_leads_to_the_kits(choir_client, choir):
    html = choir_client.get(reverse("portal:dashboard")).content.decode()
    assert reverse("campaign_portal:kit") in html
    assert kit_url("kit_activity", choir) in html


def test_many_times_are_summed_up_and_cancelled_ones_left_out(choir_client, choir):
    venue = choir.sessions.get().venue
    first = choir.sessions.get().starts_at
    for day in range(1, 6):
        start = first + datetime.timedelta(days=day)
        SessionFactory(activity=choir, venue=venue, starts_at=start, is_cancelled=day == 5)
    html = choir_client.get(kit_url("kit_activity_poster", choir)).content.decode()
    # Six times, one cancelled: four by name, then "and one more".
    when = re.search(r'<ul class="sheet-when">(.*?)</ul>', html, re.S).group(1)
    lines = re.findall(r"<li>(.*?)</li>", when)
    assert len(lines) == 5
    assert lines[-1] == "en nog 1 keer"
    cancelled = choir.sessions.get(is_cancelled=True)
    with override("nl"):
        assert session_when(cancelled) not in html
    texts = textareas(choir_client.get(kit_url("kit_activity", choir)).content.decode())
    assert "and 1 more time" in texts["text-en-newsletter"]


def test_old_kit_files_are_removed_and_made_again_when_asked(client, choir, tmp_path):
    url = f"/deel/activiteit/{choir.slug}-1200x630.png"
    first = b"".join(client.get(url).streaming_content)
    (old,) = stored_files(tmp_path)
    choir.title = "Kinderkoor De Merel zingt met jou"
    choir.save()
    current = b"".join(client.get(url).streaming_content)
    (new,) = stored_files(tmp_path) - {old}
    now = timezone.now().timestamp()
    os.utime(tmp_path / "kit" / old, (now - 40 * 86400,) * 2)  # the title before, 40 days ago
    os.utime(tmp_path / "kit" / new, (now - 86400,) * 2)

    assert storage.old_files_remove() == 1
    assert stored_files(tmp_path) == {new}
    assert storage.old_files_remove(days=0) == 1  # the current one too, once old enough
    assert stored_files(tmp_path) == set()
    again = b"".join(client.get(url).streaming_content)  # made again on its next request
    assert again == current != first
    assert stored_files(tmp_path) == {new}


def test_a_file_the_clean_up_deletes_before_it_is_opened_is_made_again(tmp_path):
    made = []

    def name_of():
        name = storage.stored(storage.stored_name("race"), lambda: made.append(1) or b"png")
        if len(made) == 1:
            default_storage.delete(name)  # the nightly clean-up, between the check and the open
        return name

    with storage.open_stored(name_of) as file:
        assert file.read() == b"png"
    assert len(made) == 2
