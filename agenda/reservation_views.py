"""Reservation screens: the form and the personal page behind the e-mailed link.

None of these is cached: they carry a CSRF token or something about one resident.
"""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods, require_safe

from agenda import ratelimit
from agenda.forms import ReservationForm
from agenda.ical import session_ics
from agenda.models import Reservation, Session
from agenda.referral import referral_code
from agenda.services.bursts import client_code
from agenda.services.errors import ReservationError
from agenda.services.reservations import (
    reservation_cancel,
    reservation_create,
    reservation_reduce,
)
from providers.validators import small_number


def _bookable_session_or_404(slug: str, session_pk: int, *, for_page: bool = True) -> Session:
    """The session of a public activity of this edition, with its activity.

    `for_page`: with what the page shows as well (provider, venue, disciplines). A reservation
    needs none of that, and in a rush of them every query counts.
    """
    sessions = Session.objects.on_public_agenda().select_related("activity")
    if for_page:
        sessions = sessions.select_related(
            "activity__provider", "venue__district"
        ).prefetch_related("activity__disciplines")
    return get_object_or_404(sessions, pk=session_pk, activity__slug=slug)


def _rate_limited(request, email: str) -> bool:
    rate = settings.RESERVATION_RATE_LIMIT
    return ratelimit.hit_each(
        {"reserve-ip": ratelimit.client_key(request), "reserve-email": email}, rate
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@sensitive_post_parameters("name", "email", "postcode")
# Every local of this view and below it: the cleaned data, and a failing query's parameters.
@sensitive_variables()
def reservation_create_view(request, slug, session_pk):
    posted = request.method == "POST"
    session = _bookable_session_or_404(slug, session_pk, for_page=not posted)
    activity = session.activity
    closed = session.closed_for_reservations  # why not, or ""
    form = ReservationForm(request.POST if posted else None, session=session)
    status = 200
    if posted and not closed:
        if _rate_limited(request, request.POST.get("email", "").strip()):
            form.add_error(
                None,
                _(
                    "You tried to reserve many times in a short while. Wait a minute, then try "
                    "again. Nothing has been reserved yet."
                ),
            )
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                reservation = reservation_create(
                    session=session,
                    name=data["name"],
                    email=data["email"],
                    party_size=data["party_size"],
                    age_bracket=data["age_bracket"],
                    postcode=data["postcode"],
                    channel=data["channel"],
                    referral_code=referral_code(request),
                    consent_contact=data["consent_contact"],
                    consent_followup=data["consent_followup"],
                    language=get_language(),
                    client=client_code(ratelimit.client_key(request)),
                )
            except ReservationError as error:
                field = "email" if error.code == "duplicate" else None
                form.add_error(field, error.message)
            else:
                return redirect(reservation.personal_path() + "?nieuw=1")
        if form.errors and status == 200:
            status = 400
    if posted:
        session = _bookable_session_or_404(slug, session_pk)
        activity = session.activity
    return render(
        request,
        "agenda/reservation_form.html",
        {
            "form": form,
            "session": session,
            "activity": activity,
            "closed": closed,
            "retention_days": settings.RESERVATION_RETENTION_DAYS,
        },
        status=status,
    )


def _change_reservation(request, reservation) -> tuple[str, str]:
    """A POST on the personal page: (where to go next, or "" to show the page; an error).

    "Cancel" asks first: only a POST with `confirm` cancels, so one stray tap changes nothing.
    "Fewer" lowers the party size at once (the visitor chose the number).
    """
    action = request.POST.get("action", "cancel")
    try:
        if action == "fewer":
            size = request.POST.get("party_size", "")
            reservation_reduce(
                reservation=reservation,
                party_size=small_number(size) or 0,
            )
            return reservation.personal_path() + "?minder=1", ""
        if not reservation.is_active:
            # Cancelled meanwhile (another tab, the e-mail's link, the organiser): nothing to
            # ask or to do, and no e-mail goes out; the page shows it as it is.
            return "", ""
        if "confirm" not in request.POST and not reservation.session.has_started:
            return "", ""
        reservation_cancel(reservation=reservation)
    except ReservationError as refused:
        return "", refused.message
    return reservation.personal_path() + "?geannuleerd=1", ""


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def reservation_detail(request, token):
    reservation = get_object_or_404(
        Reservation.objects.select_related(
            "session__activity__provider", "session__venue__district"
        ),
        token=token,
    )
    error, confirming = "", False
    if request.method == "POST":
        next_url, error = _change_reservation(request, reservation)
        if next_url:
            return redirect(next_url)
        confirming = reservation.is_active and not error
    return render(
        request,
        "agenda/reservation_detail.html",
        {
            "reservation": reservation,
            "session": reservation.session,
            "activity": reservation.session.activity,
            "position": reservation.position_in_line(),
            "just_reserved": "nieuw" in request.GET,
            "just_cancelled": "geannuleerd" in request.GET,
            "just_reduced": "minder" in request.GET,
            "confirming": confirming,
            "fewer_choices": range(1, reservation.party_size),
            "cancel_error": error,
        },
        status=409 if error else 200,
    )


@never_cache
@require_safe
def reservation_calendar(request, token):
    reservation = get_object_or_404(
        Reservation.objects.select_related("session__activity__provider", "session__venue"),
        token=token,
    )
    # A cancelled place downloads as a cancelled event, so the calendar drops it.
    cancelled = reservation.state == Reservation.State.CANCELLED
    cancelled_at = reservation.updated_at if cancelled else None
    body = session_ics(reservation.session, cancelled_at=cancelled_at)
    response = HttpResponse(body, content_type="text/calendar")
    response["Content-Disposition"] = 'attachment; filename="week3.ics"'
    return response
