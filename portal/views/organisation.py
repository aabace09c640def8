"""The dashboard, the organisation's profile and its preview, colleagues, and venues."""

from urllib.parse import urlencode, urlsplit, urlunsplit

from django.contrib import messages
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from agenda.models import Activity, ActivityRevision, ActivityState, Edition, Session
from agenda.services.outcomes import outcomes_missing, results_are_open, results_edition
from agenda.services.venues import venue_change_request, venue_shared_publicly, venue_update
from portal.forms.accounts import InviteForm
from portal.forms.organisation import ProviderForm, VenueForm
from portal.views.account import TOO_MANY, throttled
from portal.views.base import portal_edition, portal_view
from providers.models import Provider, Venue
from providers.services import NOT_APPROVED_VENUE, ProviderError, provider_update, user_invite


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
    results = results_edition()
    results_open = results is not None and results_are_open(results)
    return render(
        request,
        "portal/dashboard.html",
        {
            "provider": request.user.provider,
            "edition": Edition.objects.for_portal(),
            "groups": [(state, groups[state]) for state in ActivityState if groups[state]],
            "has_activities": bool(activities),
            # After the week: how many activities still miss their conversions.
            "results_open": results_open,
            "outcomes_missing": outcomes_missing(results, request.user.provider_id)
            if results_open
            else 0,
        },
    )


@portal_view
def provider_edit(request):
    """The profile; once the organisation is approved, public changes wait for review and the
    form shows them (the approved version stays on the agenda meanwhile)."""
    provider = get_object_or_404(Provider.objects.editable_by(request.user))
    revision = provider.revisions.open().first()
    form = ProviderForm(
        request.POST or None,
        request.FILES or None,
        instance=provider,
        initial=revision.data if revision else None,
        provider=provider,
    )
    if request.method == "POST" and form.is_valid():
        if provider_update(form=form, logo=form.cleaned_data.get("upload")):
            messages.success(
                request,
                _(
                    "Your changes are saved and wait for review. Residents see them once the "
                    "municipality approves them."
                ),
            )
        else:
            messages.success(request, _("Your organisation's details are saved."))
        return redirect("portal:provider_edit")
    last = provider.revisions.first()
    logo = revision.data.get("logo") if revision else ""
    return render(
        request,
        "portal/provider_form.html",
        {
            "form": form,
            "provider": provider,
            "revision": revision,
            "rejected": last if last and last.state == last.State.REJECTED else None,
            "proposed_logo": default_storage.url(logo)
            if logo and logo != provider.logo.name
            else "",
        },
    )


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
    status = 200
    if request.method == "POST" and form.is_valid():
        if throttled(request, "invite", form.cleaned_data["email"]):
            form.add_error(None, TOO_MANY)
            status = 429
        else:
            user_invite(
                provider=provider, email=form.cleaned_data["email"], invited_by=request.user
            )
            messages.success(
                request,
                _("We sent an invitation to %(email)s. It works once.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("portal:colleagues")
    # Only colleagues who accepted: an open invitation would show whether the address had an
    # account elsewhere (then nobody new is listed).
    users = provider.users.filter(email_verified_at__isnull=False).order_by("email")
    return render(request, "portal/colleagues.html", {"form": form, "users": users}, status=status)


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


def _with_new_venue(back: str, venue) -> str:
    """Back to an activity form that was kept while the venue was added (`restore`): with the
    new venue, which the form then chooses in its first empty row."""
    parts = urlsplit(back)
    if "restore=" not in parts.query:
        return back
    query = f"{parts.query}&{urlencode({'venue': venue.pk})}"
    return urlunsplit(("", "", parts.path, query, parts.fragment))


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
    """Add a venue, or change one the provider added. A venue other providers' public
    activities use is changed by staff only: the form then sends the change to them."""
    provider = request.user.provider
    back = _portal_next(request)
    if not provider.is_approved:
        # A real address is not claimed by an organisation nobody has checked yet.
        return render(
            request,
            "portal/venue_form.html",
            {"venue": venue, "next": back, "refused": NOT_APPROVED_VENUE},
            status=403 if request.method == "POST" else 200,
        )
    shared = venue.pk is not None and venue_shared_publicly(venue, provider)
    form = VenueForm(request.POST or None, instance=venue)
    if request.method == "POST" and form.is_valid():
        if shared:
            venue_change_request(venue=venue, form=form, by=request.user)
            messages.success(
                request,
                _(
                    "We sent your change to the municipality. The venue stays as it is until "
                    "they make the change."
                ),
            )
            return redirect(back or "portal:venue_list")
        try:
            saved = venue_update(form=form, provider=provider)
        except ProviderError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The venue is saved. You can choose it for your times."))
            return redirect(_with_new_venue(back, saved) if back else "portal:venue_list")
    return render(
        request,
        "portal/venue_form.html",
        {"form": form, "venue": venue, "next": back, "shared": shared},
    )


@portal_view
def venue_create(request):
    return _venue_form(request, Venue())


@portal_view
def venue_edit(request, pk):
    return _venue_form(request, get_object_or_404(Venue.objects.editable_by(request.user), pk=pk))
