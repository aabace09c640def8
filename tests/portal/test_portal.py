"""The portal's pages: sign-up, verification, invitations, venues, the activity form, copies."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from agenda.models import Activity, ActivityRevision, Session
from providers.models import Provider, User, Venue
from tests.factories import TUESDAY, WEDNESDAY, VenueFactory, local
from tests.helpers import activity_post, link_in

pytestmark = pytest.mark.django_db


def test_sign_up_verify_and_log_in(client, django_capture_on_commit_callbacks, reference_data):
    data = {
        "organisation": "Harmonie Blerick",
        "kind": "association",
        "first_name": "Anna",
        "email": "Anna@Example.org",
        "password": "a-long-enough-secret-42",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("portal:sign_up"), data)
    assert response.status_code == 200
    user = User.objects.get(email="anna@example.org")
    assert not user.is_active
    assert user.provider.status == Provider.Status.PENDING
    assert len(mail.outbox) == 1
    response = client.get(link_in(mail.outbox[0]))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_active
    assert client.get(reverse("portal:dashboard")).status_code == 200


def test_sign_up_refuses_weak_password_and_known_address(client, world_a):
    response = client.post(
        reverse("portal:sign_up"),
        {
            "organisation": "X",
            "kind": "artist",
            "first_name": "X",
            "email": world_a["user"].email,
            "password": "1234",
        },
    )
    form = response.context["form"]
    assert "email" in form.errors and "password" in form.errors


def test_invite_a_colleague(client_a, world_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client_a.post(reverse("portal:colleagues"), {"email": "bob@example.org"})
    bob = User.objects.get(email="bob@example.org")
    assert bob.provider == world_a["provider"] and not bob.is_active
    client_a.logout()
    link = link_in(mail.outbox[-1])
    response = client_a.post(
        link, {"new_password1": "another-long-secret-7", "new_password2": "another-long-secret-7"}
    )
    assert response.status_code == 302
    bob.refresh_from_db()
    assert bob.is_active and bob.check_password("another-long-secret-7")
    # The link works once.
    assert client_a.get(link).status_code == 400


def test_add_venue_finds_district_and_refuses_duplicates(client_a, world_a):
    data = {
        "name": "Zaal Nieuw",
        "street": "Kloosterstraat 9",
        "postcode": "5921 aa",
        "city": "Venlo",
    }
    response = client_a.post(reverse("portal:venue_create"), data)
    assert response.status_code == 302
    venue = Venue.objects.get(name="Zaal Nieuw")
    assert venue.district.slug == "blerick" and venue.added_by == world_a["provider"]
    response = client_a.post(reverse("portal:venue_create"), {**data, "street": "KLOOSTERSTRAAT 9"})
    assert response.status_code == 200
    with translation.override("en"):  # the message is lazy: read it in English
        assert "already in the list" in str(response.context["form"].errors["street"])
    response = client_a.get(reverse("portal:venue_list"), {"q": "kloosterstraat"})
    assert venue in response.context["results"]


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


def test_preview_uses_the_public_template_and_is_not_cached(client_a, world_a):
    response = client_a.get(reverse("portal:activity_preview", args=[world_a["activity"].pk]))
    assert response.status_code == 200
    assert "agenda/activity_detail.html" in [t.name for t in response.templates]
    assert response.context["preview"] is True
    assert "no-cache" in response["Cache-Control"]


def test_copy_moves_sessions_to_the_current_edition(client_a, world_a, edition):
    from tests.factories import EditionFactory

    EditionFactory(year=2028, starts_on=TUESDAY.replace(year=2028, day=17))
    response = client_a.post(reverse("portal:activity_copy", args=[world_a["activity"].pk]))
    copy = Activity.objects.exclude(pk=world_a["activity"].pk).get(provider=world_a["provider"])
    assert response.status_code == 302
    assert copy.edition.year == 2028 and copy.state == "draft"
    original = world_a["session"]
    moved = copy.sessions.get()
    assert moved.starts_at.date() != original.starts_at.date()
    assert moved.starts_at.astimezone(original.starts_at.tzinfo).weekday() == (
        original.starts_at.weekday()
    )
    assert moved.ends_at - moved.starts_at == original.ends_at - original.starts_at


def test_cancel_session_is_immediate(client_a, world_a):
    client_a.post(reverse("portal:session_cancel", args=[world_a["session"].pk]))
    world_a["session"].refresh_from_db()
    assert world_a["session"].is_cancelled


def test_every_portal_page_renders(client_a, world_a):
    VenueFactory(name="Extra")
    for name in (
        "dashboard",
        "provider_edit",
        "provider_preview",
        "colleagues",
        "venue_list",
        "venue_create",
        "activity_create",
        "password_change",
    ):
        assert client_a.get(reverse(f"portal:{name}")).status_code == 200, name
    for name in ("sign_up", "password_reset"):
        assert client_a.get(reverse(f"portal:{name}")).status_code == 200, name
    # Logged in already: the login page sends the user on to the dashboard.
    response = client_a.get(reverse("portal:login"))
    assert (response.status_code, response["Location"]) == (302, reverse("portal:dashboard"))


def test_login_is_locked_after_repeated_failures(client, world_a):
    url = reverse("portal:login")
    for _attempt in range(5):
        client.post(url, {"username": world_a["user"].email, "password": "wrong"})
    response = client.post(
        url, {"username": world_a["user"].email, "password": "week3-test-password"}
    )
    assert response.status_code == 429


# --- review findings ----------------------------------------------------------------------


def _reporter_post(view, path, data, **kwargs):
    """The POST data an error report would show for a request to `view`."""
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory
    from django.views.debug import SafeExceptionReporterFilter

    request = RequestFactory().post(path, data)
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    request.LANGUAGE_CODE = "nl"
    view(request, **kwargs)
    return SafeExceptionReporterFilter().get_post_parameters(request)


def test_error_reports_never_show_sign_up_passwords_or_names(reference_data):
    from portal.views.account import sign_up

    data = {
        "organisation": "Harmonie",
        "kind": "association",
        "first_name": "Anna",
        "last_name": "Jansen",
        "email": "anna@example.org",
        "password": "1234",  # too weak: the form comes back, as when a later error happens
    }
    shown = _reporter_post(sign_up, "/portaal/aanmelden/", data)
    for name in ("password", "email", "first_name", "last_name"):
        assert shown[name] != data[name] and "*" in shown[name], name
    assert shown["organisation"] == "Harmonie"


def test_error_reports_never_show_the_invited_password(world_a):
    from portal.views.account import accept_invitation
    from providers.services import token_link

    bob = User.objects.create_user(email="bob@example.org", provider=world_a["provider"])
    uidb64, token = token_link(bob, "portal:accept_invitation").rstrip("/").split("/")[-2:]
    data = {"new_password1": "zeer-geheim-42", "new_password2": "iets-anders-42"}
    shown = _reporter_post(
        accept_invitation, "/portaal/uitnodiging/", data, uidb64=uidb64, token=token
    )
    assert "zeer-geheim-42" not in shown.values() and "iets-anders-42" not in shown.values()


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


def test_provider_preview_shows_times_in_constant_queries(client_a, world_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ActivityFactory, SessionFactory, local

    activity = world_a["activity"]
    activity.state = "approved"
    activity.save()
    url = reverse("portal:provider_preview")

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client_a.get(url)
        assert response.status_code == 200
        return len(queries), response.content.decode()

    few, html = count()
    assert '<span class="when">di 19 januari, 19:30–21:00</span>' in html  # as on the public page
    for n in range(6):
        other = ActivityFactory(provider=world_a["provider"], edition=activity.edition)
        SessionFactory(activity=other, starts_at=local(WEDNESDAY, 10 + n))
    many, html = count()
    assert many == few
    assert html.count('class="when"') == 7


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
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


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


def test_withdrawing_asks_first_and_says_who_is_told(
    client_a, world_a, django_capture_on_commit_callbacks
):
    from agenda.services.moderation import activity_approve, activity_submit
    from tests.factories import ReservationFactory

    activity = world_a["activity"]
    activity_submit(activity=activity, by=world_a["user"])
    staff = User.objects.create_user(email="redactie@example.org", is_staff=True)
    activity_approve(activity=activity, by=staff)
    for email in ["a@example.org", "b@example.org"]:
        ReservationFactory(session=world_a["session"], email=email)
    with translation.override("en"):
        url = reverse("portal:activity_withdraw", args=[activity.pk])  # the English page, /en/…
        page = client_a.get(url).content.decode()
        # The old direct POST, without the page's own confirmation, only shows the page.
        posted = client_a.post(url)
    assert "2 residents with a place or on the waiting list get an e-mail" in page
    assert "This cannot be undone" in page
    assert 'name="confirm"' in page
    assert posted.status_code == 200 and "This cannot be undone" in posted.content.decode()
    activity.refresh_from_db()
    assert activity.state == "approved"
    assert not Session.objects.get(pk=world_a["session"].pk).is_cancelled

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_a.post(url, {"confirm": "1"})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.state == "withdrawn"
    assert Session.objects.get(pk=world_a["session"].pk).is_cancelled
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
