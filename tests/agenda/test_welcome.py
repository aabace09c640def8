"""German and English visitors (issue 14): welcome badges, the provider's own English and
German title and summary, a notice on pages written in Dutch, and /de/ and /en/ leading with
the activities in their language."""

import re

import pytest

from agenda.models import Activity

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def card(page, title):
    """The card whose title is `title`, as HTML."""
    for article in re.findall(r'<article class="card".*?</article>', page, re.S):
        if f">{title}</a>" in article:
            return article
    raise AssertionError(f"no card for {title}")


@pytest.mark.parametrize(
    ("prefix", "german", "english", "no_dutch"),
    [
        ("", "ook in het Duits", "ook in het Engels", "geen Nederlands nodig"),
        ("/en", "also in German", "also in English", "no Dutch needed"),
        ("/de", "auch auf Deutsch", "auch auf Englisch", "kein Niederländisch nötig"),
    ],
)
def test_badges_mark_the_activities_for_visitors_without_dutch(
    client, agenda, prefix, german, english, no_dutch
):
    page = html(client, f"{prefix}/agenda/")
    studio = card(page, "Open atelier")
    assert german in studio and english in studio and no_dutch in studio
    choir = card(page, "Kinderkoor De Merel zingt")
    assert german not in choir and english not in choir and no_dutch not in choir
    detail = html(client, f"{prefix}/activiteit/open-atelier/")
    assert german in detail and no_dutch in detail
    provider = html(client, f"{prefix}/aanbieder/{agenda['studio'].provider.slug}/")
    assert german in card(provider, "Open atelier")


def test_the_english_title_and_summary_show_on_en_only(client, agenda):
    choir = agenda["choir"]
    Activity.objects.filter(pk=choir.pk).update(
        title_en="Children's choir", summary_en="We sing songs together. Join once for free."
    )
    page = html(client, "/en/agenda/")
    link = '<a href="/en/activiteit/kinderkoor-de-merel-zingt/">'
    assert f'lang="en">{link}Children&#x27;s choir' in page
    detail = html(client, "/en/activiteit/kinderkoor-de-merel-zingt/")
    assert '<h1 id="activity-title" lang="en">Children&#x27;s choir</h1>' in detail
    assert '<p lang="en">We sing songs together. Join once for free.</p>' in detail
    # German visitors and Dutch ones see the Dutch title, marked as Dutch.
    for prefix in ("", "/de"):
        page = html(client, f"{prefix}/agenda/")
        assert "Children" not in page
        assert 'lang="nl"><a href="' + prefix + '/activiteit/kinderkoor-de-merel-zingt/">' in page
    calendar = html(client, "/en/activiteit/kinderkoor-de-merel-zingt.ics")
    assert "SUMMARY;LANGUAGE=en:Children's choir" in calendar
    data = client.get("/api/v1/agenda.json").json()
    item = next(i for i in data["results"] if i["slug"] == choir.slug)
    assert item["translations"]["en"] == {
        "title": "Children's choir",
        "summary": "We sing songs together. Join once for free.",
    }
    assert item["translations"]["de"] == {"title": "", "summary": ""}


@pytest.mark.parametrize(
    ("prefix", "notice"),
    [
        ("/en", "This activity is described in Dutch."),
        ("/de", "Diese Aktivität ist auf Niederländisch beschrieben."),
    ],
)
def test_pages_written_in_dutch_say_so_in_the_visitors_language(client, agenda, prefix, notice):
    detail = html(client, f"{prefix}/activiteit/kinderkoor-de-merel-zingt/")
    assert notice in detail
    assert '<div class="prose" lang="nl">' in detail
    assert notice not in html(client, "/activiteit/kinderkoor-de-merel-zingt/")  # Dutch: no notice


@pytest.mark.parametrize(
    ("prefix", "heading"),
    [("/de", "Auf Deutsch oder ohne Niederländisch"), ("/en", "In English, or without Dutch")],
)
def test_de_and_en_home_pages_lead_with_their_activities(client, agenda, prefix, heading):
    page = html(client, f"{prefix}/")
    assert heading in page
    section = page.split(heading, 1)[1].split("</section>", 1)[0]
    assert "Open atelier" in section
    assert "Kinderkoor" not in section and "Dansen voor senioren" not in section
    assert page.index(heading) < page.index('id="for-whom"')
    assert "Auf Deutsch oder ohne" not in html(client, "/")
