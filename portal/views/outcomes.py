"""Conversions: after the week, the provider enters per activity how many participants went
on (agenda.services.outcomes), beside what the portal counted of who came."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from agenda.models import Activity, Session
from agenda.services.outcomes import (
    OutcomeError,
    activity_outcome_save,
    asked_for_outcome,
    results_are_open,
    results_edition,
    with_participants,
)
from portal.forms.outcomes import OutcomeForm
from portal.views.base import portal_view


def _counted(activities):
    held = Session.objects.filter(is_cancelled=False).order_by("starts_at", "pk")
    return (
        with_participants(activities)
        .select_related("outcome")
        .prefetch_related(Prefetch("sessions", queryset=held, to_attr="held_sessions"))
        .order_by("title", "pk")
    )


@portal_view
def outcome_list(request):
    """Every activity of the edition that took place, each with its figures and its form."""
    edition = results_edition()
    is_open = edition is not None and results_are_open(edition)
    activities = []
    if is_open:
        mine = Activity.objects.editable_by(request.user)
        activities = list(_counted(asked_for_outcome(edition, mine)))
        for activity in activities:
            activity.form = OutcomeForm(activity=activity)
    return render(
        request,
        "portal/outcome_list.html",
        {
            "edition": edition,
            "is_open": is_open,
            "activities": activities,
            "missing": sum(1 for activity in activities if not hasattr(activity, "outcome")),
        },
    )


@portal_view
def activity_outcome(request, pk):
    """One activity's figures: the form, or why it cannot be filled in (yet)."""
    activity = get_object_or_404(
        Activity.objects.editable_by(request.user).select_related("edition"), pk=pk
    )
    edition = activity.edition
    counted = _counted(asked_for_outcome(edition).filter(pk=activity.pk)).first()
    context = {
        "activity": counted or activity,
        "edition": edition,
        "is_open": results_are_open(edition),
        "is_asked": counted is not None,
    }
    if not (context["is_open"] and counted):
        return render(request, "portal/activity_outcome.html", context)
    form = OutcomeForm(request.POST or None, activity=counted)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                activity_outcome_save(
                    activity=counted,
                    user=request.user,
                    joined=data["joined"],
                    course_signups=data["course_signups"],
                    still_there=data["still_there"],
                )
            except OutcomeError as error:
                form.add_error(error.field, error.message)
            else:
                messages.success(
                    request,
                    _("The figures of “%(title)s” are saved. Thank you!")
                    % {"title": counted.title},
                )
                return redirect(reverse("portal:outcome_list") + f"#activity-{counted.pk}")
        status = 400
    return render(request, "portal/activity_outcome.html", {**context, "form": form}, status=status)
