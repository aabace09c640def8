"""A session's reservations for its provider: who is coming, who came, and the walk-ins."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agenda.models import Reservation, ReservationState, Session
from agenda.services.attendance import (
    reservation_mark_attendance,
    session_attendance_list,
    session_walk_ins_record,
)
from agenda.services.bursts import reservations_cancel_burst, session_bursts
from agenda.services.errors import ReservationError
from portal.forms.activities import WalkInsForm
from portal.views.base import portal_view, post_only


@portal_view
def session_reservations(request, pk, walk_ins_form=None):
    session = get_object_or_404(
        Session.objects.editable_by(request.user).select_related("activity", "venue"), pk=pk
    )
    rows = list(session_attendance_list(session))
    came = sum(row.party_size for row in rows if row.state == ReservationState.ATTENDED)
    bursts = session_bursts(session)
    for burst in bursts:
        burst["names"] = [row.name for row in rows if row.client == burst["client"]]
    return render(
        request,
        "portal/session_reservations.html",
        {
            "session": session,
            "activity": session.activity,
            "rows": rows,
            "bursts": bursts,
            "came": came,
            "came_total": came + session.walk_ins,
            "walk_ins_form": walk_ins_form or WalkInsForm(initial={"walk_ins": session.walk_ins}),
        },
    )


@portal_view
def session_walk_ins(request, pk):
    session = get_object_or_404(Session.objects.editable_by(request.user), pk=pk)
    post_only(request)
    form = WalkInsForm(request.POST)
    if not form.is_valid():
        return session_reservations(request, pk, walk_ins_form=form)
    try:
        session_walk_ins_record(session=session, walk_ins=form.cleaned_data["walk_ins"])
    except ReservationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The number of walk-ins is saved."))
    return redirect("portal:session_reservations", pk=session.pk)


@portal_view
def reservation_attendance(request, pk):
    reservation = get_object_or_404(Reservation.objects.editable_by(request.user), pk=pk)
    post_only(request)
    try:
        reservation_mark_attendance(
            reservation=reservation, attended=request.POST.get("attended") == "1"
        )
    except ReservationError as error:
        messages.error(request, error.message)
    return redirect(
        reverse("portal:session_reservations", kwargs={"pk": reservation.session_id})
        + f"#reservation-{reservation.pk}"
    )


@portal_view
def session_burst_cancel(request, pk):
    """Cancel every reservation from one connection (see agenda.services.bursts)."""
    session = get_object_or_404(Session.objects.editable_by(request.user), pk=pk)
    post_only(request)
    try:
        count = reservations_cancel_burst(session=session, client=request.POST.get("client", ""))
    except ReservationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s reservation is cancelled; the resident gets an e-mail.",
                "%(count)s reservations are cancelled; the residents get an e-mail.",
                count,
            )
            % {"count": count},
        )
    return redirect("portal:session_reservations", pk=session.pk)
