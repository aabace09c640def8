"""The portal's activity form: its times, their validation, the row count, queries, photos."""

import pytest
from django.urls import reverse
from django.utils import translation

from agenda.models import Activity, ActivityRevision, Session
from tests.factories import TUESDAY, WEDNESDAY, VenueFactory, local
from tests.helpers import activity_post

pytestmark = pytest.mark.django_db


def test_create_activity_with_sessions_and_submit(client_a, world_a):
    response = client_a.post(
        reverse("portal:activity_create"), activity_post(world_a["venue"], submit="1")
    )
    assert response.status_code == 302
    activity = Activity.objects.get(title="Open repetitie")
    assert activity.state == "submitted"
    assert activity.provider == world_a["provider"]
    assert activity.sessions.count() == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sessions-0-end": "18:00"}, "end"),
        ({"sessions-0-capacity": ""}, "capacity"),
        ({"sessions-0-day": "2027-03-01"}, "day"),
    ],
)
def test_session_validation_next_to_the_field(client_a, world_a, change, field):
    response = client_a.post(
        reverse("portal:activity_create"), activity_post(world_a["venue"], **change)
    )
    assert response.status_code == 200
    assert field in response.context["formset"].forms[0].errors
    assert not Activity.objects.filter(title="Open repetitie").exists()


def test_age_range_must_make_sense(client_a, world_a):
    response = client_a.post(
        reverse("portal:activity_create"), activity_post(world_a["venue"], min_age="90")
    )
    assert "max_age" in response.context["form"].errors


def test_more_rows_adds_empty_rows_without_saving(client_a, world_a):
    response = client_a.post(
        reverse("portal:activity_create"), activity_post(world_a["venue"], more_rows="1")
    )
    assert response.status_code == 200
    assert len(response.context["formset"].forms) == 5
    assert not Activity.objects.filter(title="Open repetitie").exists()


def test_delete_a_session_row(client_a, world_a):
    activity, session = world_a["activity"], world_a["session"]
    data = activity_post(
        world_a["venue"],
        **{
            "sessions-TOTAL_FORMS": "1",
            "sessions-INITIAL_FORMS": "1",
            "sessions-0-id": str(session.pk),
            "sessions-0-DELETE": "on",
        },
    )
    client_a.post(reverse("portal:activity_edit", args=[activity.pk]), data)
    assert not Session.objects.filter(pk=session.pk).exists()


@pytest.mark.parametrize(
    ("rows", "saved"),
    [
        ("abc", False),
        ("-5", True),  # no rows at all: saved as a draft without times, as with "0"
        ("99999999999999999999", False),
        ("1000", False),
        ("", False),
    ],
)
def test_made_up_row_counts_are_no_server_error(client_a, world_a, rows, saved):
    url = reverse("portal:activity_create")
    made_up = {"sessions-TOTAL_FORMS": rows}
    # Asking for more rows always shows the form again, never with more than fifty.
    response = client_a.post(url, activity_post(world_a["venue"], more_rows="1", **made_up))
    assert response.status_code == 200
    assert len(response.context["formset"].forms) <= 50
    response = client_a.post(url, activity_post(world_a["venue"], **made_up))
    if saved:
        assert response.status_code == 302
        assert not Activity.objects.get(title="Open repetitie").sessions.exists()
    else:
        assert response.status_code == 200  # the form again, with what is wrong
        assert len(response.context["formset"].forms) <= 50
        assert not Activity.objects.filter(title="Open repetitie").exists()


def test_more_than_fifty_rows_are_refused(client_a, world_a):
    data = {**activity_post(world_a["venue"]), **_session_rows(world_a["venue"], 2)}
    data["sessions-TOTAL_FORMS"] = "51"
    response = client_a.post(reverse("portal:activity_create"), data)
    assert response.status_code == 200
    assert response.context["formset"].non_form_errors()
    assert not Activity.objects.filter(title="Open repetitie").exists()


def test_more_rows_stops_at_fifty(client_a, world_a):
    response = client_a.post(
        reverse("portal:activity_create"),
        activity_post(world_a["venue"], more_rows="1", **{"sessions-TOTAL_FORMS": "49"}),
    )
    assert len(response.context["formset"].forms) == 50


def _session_rows(venue, count):
    data = {"sessions-TOTAL_FORMS": str(count), "sessions-INITIAL_FORMS": "0"}
    for n in range(count):
        data.update(
            {
                f"sessions-{n}-day": TUESDAY.isoformat(),
                f"sessions-{n}-start": f"{8 + n}:00",
                f"sessions-{n}-end": f"{8 + n}:30",
                f"sessions-{n}-venue": str(venue.pk),
                f"sessions-{n}-capacity": "15",
            }
        )
    return data


def test_activity_form_queries_do_not_grow_with_the_rows(client_a, world_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import SessionFactory

    for n in range(5):
        VenueFactory(name=f"Extra {n}")

    def count(status, method, *args):
        with CaptureQueriesContext(connection) as queries:
            response = method(*args)
        assert response.status_code == status
        return len(queries)

    create = reverse("portal:activity_create")
    post = activity_post(world_a["venue"])
    few = count(302, client_a.post, create, {**post, **_session_rows(world_a["venue"], 2)})
    many = count(302, client_a.post, create, {**post, **_session_rows(world_a["venue"], 12)})
    # Saving writes each row (an insert per session); reading venues stays one query.
    assert many - few == 10

    activity = world_a["activity"]
    edit = reverse("portal:activity_edit", args=[activity.pk])
    few = count(200, client_a.get, edit)
    for n in range(8):
        SessionFactory(activity=activity, venue=world_a["venue"], starts_at=local(TUESDAY, 8 + n))
        SessionFactory(
            activity=activity,
            venue=VenueFactory(),
            starts_at=local(WEDNESDAY, 8 + n),
            is_cancelled=True,
        )
    assert count(200, client_a.get, edit) == few


def test_a_refused_save_leaves_no_photo_behind(client_a, world_a, edition, settings, tmp_path):
    import datetime

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from tests.helpers import jpeg_with_gps

    settings.MEDIA_ROOT = tmp_path
    activity = world_a["activity"]
    activity.state = "approved"
    activity.save()
    # Changes to an approved activity are refused once submissions have closed.
    edition.submissions_open_until = timezone.now() - datetime.timedelta(hours=1)
    edition.save()
    data = activity_post(
        world_a["venue"],
        image_alt="Een foto",
        upload=SimpleUploadedFile("foto.jpg", jpeg_with_gps(), content_type="image/jpeg"),
    )
    response = client_a.post(reverse("portal:activity_edit", args=[activity.pk]), data)
    assert response.status_code == 200
    assert not ActivityRevision.objects.filter(activity=activity).exists()
    # Only the pending copy that keeps the chosen photo on the form (purged after a day).
    left = [path.relative_to(tmp_path) for path in tmp_path.rglob("*") if path.is_file()]
    assert left and all(path.parts[0] == "pending" for path in left)


def test_dates_in_the_portal_follow_the_language(client_a, world_a, edition):
    from agenda.services.moderation import activity_submit
    from tests.factories import SessionFactory

    activity = world_a["activity"]
    SessionFactory(
        activity=activity, venue=world_a["venue"], starts_at=local(WEDNESDAY, 10), is_cancelled=True
    )
    activity_submit(activity=activity, by=world_a["user"])
    edition.submissions_open_until = local(TUESDAY, 18)
    edition.save()
    with translation.override("de"):
        dashboard = client_a.get(reverse("portal:dashboard")).content.decode()
        form = client_a.get(reverse("portal:activity_edit", args=[activity.pk])).content.decode()
    # German puts a full stop after the day: "19. Januar", never "19 Januar".
    assert "19. Januar 2027, 18:00" in dashboard
    assert "18. Januar" in form and "24. Januar 2027" in form
    assert "20. Januar, 10:00–11:30" in form  # the cancelled time
    assert "Dienstag, 19. Januar" in form  # the day choices
    assert "19 Januar" not in dashboard + form


def test_editing_a_submitted_activity_says_it_goes_back_to_draft(client_a, world_a):
    from agenda.services.moderation import activity_submit

    activity = world_a["activity"]
    activity_submit(activity=activity, by=world_a["user"])
    with translation.override("en"):
        url = reverse("portal:activity_edit", args=[activity.pk])  # the English page, /en/…
        page = client_a.get(url).content.decode()
    assert "If you change it now, it becomes a draft again" in page
    data = activity_post(world_a["venue"], title="Nieuwe titel")
    with translation.override("en"):
        response = client_a.post(url, data, follow=True)
    activity.refresh_from_db()
    assert activity.state == "draft" and activity.title == "Nieuwe titel"
    assert "the municipality checks it only after you send it again" in response.content.decode()
    # In one go: change and send again.
    client_a.post(url, activity_post(world_a["venue"], title="Nog eens", submit="1"))
    activity.refresh_from_db()
    assert activity.state == "submitted" and activity.title == "Nog eens"
    assert [d.action for d in activity.decisions.all()] == ["submit", "retract", "submit"]
    # Changed while submitted and sent again in one click: taken back and sent, both logged.
    client_a.post(url, activity_post(world_a["venue"], title="Derde versie", submit="1"))
    activity.refresh_from_db()
    assert activity.state == "submitted" and activity.title == "Derde versie"
    actions = [d.action for d in activity.decisions.all()]
    assert actions == ["submit", "retract", "submit", "retract", "submit"]


@pytest.mark.parametrize(
    ("registration", "size", "error"),
    [
        ("reserve", "0", True),
        ("reserve", "11", True),
        ("reserve", "", True),
        ("reserve", "10", False),
        ("walk_in", "", False),
    ],
)
def test_max_party_size_is_1_to_10_with_reservations(client_a, world_a, registration, size, error):
    data = activity_post(world_a["venue"], registration=registration, max_party_size=size)
    response = client_a.post(reverse("portal:activity_create"), data)
    if error:
        assert response.status_code == 200
        assert response.context["form"].errors["max_party_size"]
    else:
        assert response.status_code == 302


def test_max_party_size_is_saved(client_a, world_a):
    data = activity_post(world_a["venue"], max_party_size="6")
    client_a.post(reverse("portal:activity_edit", args=[world_a["activity"].pk]), data)
    world_a["activity"].refresh_from_db()
    assert world_a["activity"].max_party_size == 6
