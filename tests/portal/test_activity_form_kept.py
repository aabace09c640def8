"""The activity form loses nothing: the chosen photo survives every re-render (kept as a pending
upload, shown as a thumbnail), "more rows" keeps the place, required fields say so, the
dashboard has edit buttons and the preview can be sent in without dead links."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from agenda.models import ActivityState
from providers.images import WIDTHS, rendition_name
from providers.pending_images import pending_name
from tests.helpers import activity_post, jpeg_with_gps

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _upload():
    return SimpleUploadedFile("koor.jpg", jpeg_with_gps((400, 300)), content_type="image/jpeg")


def _edit_url(activity):
    with translation.override("en"):
        return reverse("portal:activity_edit", args=[activity.pk])


def _token(html):
    return re.search(r'name="pending_photo" value="([^"]*)"', html).group(1)


def test_a_validation_error_keeps_the_chosen_photo_until_it_is_saved(client_a, world_a):
    activity = world_a["activity"]
    url = _edit_url(activity)
    data = activity_post(world_a["venue"], title="", image_alt="Het koor zingt")
    response = client_a.post(url, {**data, "upload": _upload()})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Some fields need your attention" in html
    token = _token(html)
    name = pending_name(token, owner=world_a["provider"].pk)
    assert name.startswith("pending/")
    # The chosen photo shows as a thumbnail with its description, not as a file name.
    assert f'src="{default_storage.url(rendition_name(name, WIDTHS[0]))}"' in html
    assert 'alt="Het koor zingt"' in html
    assert "Your chosen photo" in html

    # Sent again without choosing the file again: the photo is saved with the activity.
    response = client_a.post(url, {**data, "title": "Open repetitie", "pending_photo": token})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.image.name.startswith("activities/")
    assert default_storage.exists(activity.image.name)
    assert not default_storage.exists(name)  # the pending copy went with the save
    # The saved photo shows as a thumbnail too.
    html = client_a.get(url).content.decode()
    assert default_storage.url(rendition_name(activity.image.name, WIDTHS[0])) in html
    assert activity.image.name not in re.sub(r"<img[^>]*>", "", html)


def test_more_rows_keep_the_photo_and_lead_to_the_new_rows(client_a, world_a):
    activity = world_a["activity"]
    url = _edit_url(activity)
    data = activity_post(world_a["venue"], title="Mijn titel", image_alt="Het koor")
    response = client_a.post(url, {**data, "upload": _upload(), "more_rows": "1"})
    html = response.content.decode()
    assert pending_name(_token(html), owner=world_a["provider"].pk)
    assert 'value="Mijn titel"' in html
    assert response.context["formset"].total_form_count() == 5
    # No messages about the rows not filled in yet; the button leads to the first new row.
    assert "Some fields need your attention" not in html
    assert 'id="time-3"' in html
    assert f'formaction="{url}#time-6"' in html
    activity.refresh_from_db()
    assert activity.title != "Mijn titel"


def test_a_forged_or_foreign_token_names_no_photo(client_a, world_a, world_b):
    url = _edit_url(world_a["activity"])
    data = activity_post(world_a["venue"], title="", image_alt="x")
    theirs = _token(client_a.post(url, {**data, "upload": _upload()}).content.decode())
    assert pending_name(theirs, owner=world_b["provider"].pk) == ""
    forged = signing.dumps({"name": "activities/someone-else.jpg", "owner": 1}, salt="x")
    assert pending_name(forged, owner=world_a["provider"].pk) == ""
    path = signing.dumps(
        {"name": "pending/../activities/a.jpg", "owner": world_a["provider"].pk},
        salt="providers.pending_images",
    )
    assert pending_name(path, owner=world_a["provider"].pk) == ""
    response = client_a.post(url, {**data, "title": "T", "pending_photo": forged})
    assert response.status_code == 302
    world_a["activity"].refresh_from_db()
    assert not world_a["activity"].image


def test_required_fields_are_marked_and_capacity_texts_agree(client_a, world_a):
    html = client_a.get(_edit_url(world_a["activity"])).content.decode()
    labels = dict(re.findall(r'<label for="id_([\w-]+)"[^>]*>(.*?)</label>', html, re.S))
    assert "(required)" in labels["title"] and "(required)" in labels["description"]
    assert "(required)" in labels["sessions-0-day"]
    assert "(required)" not in labels["what_to_bring"]
    assert "(required)" not in labels["max_party_size"]  # only with reservations: its text says
    assert "(required)" not in labels["sessions-0-capacity"]
    assert "Empty: no limit." not in html
    assert "Needed for activities with reservations" in html
    # The rule the text states: with reservations an empty number of spots is refused.
    data = activity_post(world_a["venue"], **{"sessions-0-capacity": ""})
    response = client_a.post(_edit_url(world_a["activity"]), data)
    assert "With reservations, write how many spots there are." in response.content.decode()


def test_the_dashboard_has_an_edit_button_per_activity(client_a, world_a):
    with translation.override("nl"):
        html = client_a.get(reverse("portal:dashboard")).content.decode()
        edit = reverse("portal:activity_edit", args=[world_a["activity"].pk])
    assert re.search(
        rf'<a class="button" href="{edit}">Bewerken<span class="visually-hidden">: '
        rf"{world_a['activity'].title}</span></a>",
        html,
    )


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.disabled_buttons = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "form" and attrs.get("action"):
            self.links.append(attrs["action"])
        if tag == "button" and "disabled" in attrs:
            self.disabled_buttons.append(attrs)


def test_the_preview_has_inert_reserve_buttons_no_dead_links_and_a_send_button(client_a, world_a):
    activity = world_a["activity"]
    with translation.override("en"):
        url = reverse("portal:activity_preview", args=[activity.pk])
    response = client_a.get(url)
    parser = _Links()
    parser.feed(response.content.decode())
    assert parser.disabled_buttons, "the reserve button is there, and does nothing"
    local = {link for link in parser.links if not urlsplit(link).netloc}
    assert local
    submit = reverse("portal:activity_submit", args=[activity.pk])
    for link in local - {submit}:
        assert client_a.get(link).status_code != 404, link
    # "Send in" from the preview.
    assert submit in local
    response = client_a.post(submit)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.state == ActivityState.SUBMITTED
