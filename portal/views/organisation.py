"""The dashboard, the organisation's profile and its preview, colleagues, and venues."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from agenda.models import Activity, ActivityRevision, ActivityState, Edition, Session
from portal.forms.accounts import InviteForm
from portal.forms.organisation import ProviderForm, VenueForm
from portal.views.base import portal_edition, portal_view
from providers.models import Provider, Venue
from providers.services import ProviderError, provider_update, user_invite, venue_save


@portal_view
def dashboard(request):
    sessions = Session.objects.select_related("venue__district")
    activities = (
        Activity.objects.editable_by(request.user)
        .select_related("edition")
        .prefetch_related(
            Prefetch("sessions", queryset=sessions),
            "decisions",
            Prefetch(
                "revisions", queryset=ActivityRevision.objects.open(), to_attr="open_revisions"
            ),
        )
        .order_by("-edition__starts_on", "title")
    )
    groups = {state: [] for state in ActivityState}
    for activity in activities:
        groups[ActivityState(activity.state)].append(activity)
    return render(
        request,
        "portal/dashboard.html",
        {
            "provider": request.user.provider,
            "edition": Edition.objects.for_portal(),
            "groups": [(state, groups[state]) for state in ActivityState if groups[state]],
            "has_activities": bool(activities),
        },
    )


@portal_view
def provider_edit(request):
    provider = get_object_or_404(Provider.objects.editable_by(request.user))
    form = ProviderForm(
        request.POST or None, request.FILES or None, instance=provider, provider=provider
    )
    if request.method == "POST" and form.is_valid():
        provider_update(form=form, logo=form.cleaned_data.get("upload"))
        messages.success(request, _("Your organisation's details are saved."))
        return redirect("portal:provider_edit")
    return render(request, "portal/provider_form.html", {"form": form, "provider": provider})


@portal_view
def provider_preview(request):
    provider = get_object_or_404(Provider.objects.editable_by(request.user))
    edition = portal_edition()
    # The public page's own queryset: the same cards, with their times, in a few queries.
    activities = Activity.objects.public().in_edition(edition).on_provider_page(provider)
    return render(
        request,
        "agenda/provider_detail.html",
        {"edition": edition, "provider": provider, "activities": activities, "preview": True},
    )


@portal_view
def colleagues(request):
    provider = request.user.provider
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user_invite(provider=provider, email=form.cleaned_data["email"], invited_by=request.user)
        messages.success(
            request,
            _("We sent an invitation to %(email)s. It works once.")
            % {"email": form.cleaned_data["email"]},
        )
        return redirect("portal:colleagues")
    return render(
        request,
        "portal/colleagues.html",
        {"form": form, "users": provider.users.order_by("email")},
    )


# --- venues ----------------------------------------------------------------------------


def _portal_next(request) -> str:
    """The `next` address to return to after the venue pages, or ''.

    Only a path on this site (no scheme, no host) that leads to a portal page: anything else,
    like another website, is ignored, so the link cannot send a volunteer elsewhere.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(target, None):
        return ""
    try:
        match = resolve(urlsplit(target).path)
    except Resolver404:
        return ""
    return target if match.namespace == "portal" else ""


@portal_view
def venue_list(request):
    query = request.GET.get("q", "")
    return render(
        request,
        "portal/venue_list.html",
        {
            "query": query,
            "results": Venue.objects.search(query).select_related("district")[:30],
            "own": Venue.objects.editable_by(request.user).select_related("district"),
            "next": _portal_next(request),
        },
    )


def _venue_form(request, venue):
    form = VenueForm(request.POST or None, instance=venue)
    back = _portal_next(request)
    if request.method == "POST" and form.is_valid():
        try:
            venue_save(form=form, provider=request.user.provider)
        except ProviderError as error:
            form.add_error("street", error.message)
        else:
            messages.success(request, _("The venue is saved. You can choose it for your times."))
            return redirect(back or "portal:venue_list")
    return render(request, "portal/venue_form.html", {"form": form, "venue": venue, "next": back})


@portal_view
def venue_create(request):
    return _venue_form(request, Venue())


@portal_view
def venue_edit(request, pk):
    return _venue_form(request, get_object_or_404(Venue.objects.editable_by(request.user), pk=pk))
