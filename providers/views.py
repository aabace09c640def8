"""The provider portal: sign-up, dashboard, organisation, colleagues, venues and activities.

Every object is fetched through an `editable_by(user)` queryset, so another provider's object is
a 404 for GET and POST alike. No page here is cached: they show forms and the visitor's own data.
"""

from functools import wraps
from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from agenda.models import (
    Activity,
    ActivityRevision,
    ActivityState,
    Decision,
    Edition,
    Reservation,
    ReservationState,
    Session,
)
from agenda.reservations import (
    ReservationError,
    reservation_mark_attendance,
    session_attendance_list,
    session_cancel,
    session_walk_ins_record,
)
from agenda.services import (
    DIRECTLY_EDITABLE,
    M2M_FIELDS,
    SCALAR_FIELDS,
    TRANSITIONS,
    ModerationError,
    activity_copy,
    activity_create,
    activity_data,
    activity_preview,
    activity_save,
    activity_submit,
    activity_withdraw,
    activity_withdraw_affected,
    open_revision,
)
from providers.forms import (
    MAX_SESSION_ROWS,
    ActivityForm,
    InviteForm,
    ProviderForm,
    SignUpForm,
    VenueForm,
    WalkInsForm,
    session_formset,
    session_initial,
)
from providers.images import delete_image, store_image
from providers.models import Provider, Venue
from providers.services import (
    ProviderError,
    provider_sign_up,
    provider_update,
    user_activate,
    user_from_token,
    user_invite,
    venue_save,
)

MORE_ROWS = 3


def portal_view(view):
    """Logged in, acting for a provider, never cached."""

    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.provider_id:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def portal_edition() -> Edition:
    """The edition providers work on now: the latest one, published or not yet."""
    edition = Edition.objects.order_by("-starts_on").first()
    if edition is None:
        raise Http404("No edition yet")
    return edition


# --- account ---------------------------------------------------------------------------


@sensitive_post_parameters("password", "email", "first_name", "last_name")
@never_cache
def sign_up(request):
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        provider_sign_up(**form.cleaned_data, language=request.LANGUAGE_CODE)
        return render(request, "providers/signup_done.html", {"email": form.cleaned_data["email"]})
    return render(request, "providers/signup.html", {"form": form})


@never_cache
def verify(request, uidb64, token):
    user = user_from_token(uidb64, token)
    if user is None:
        return render(request, "providers/link_invalid.html", status=400)
    user_activate(user=user)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Your e-mail address is confirmed. Welcome to Week 3!"))
    return redirect("portal:dashboard")


@sensitive_post_parameters("new_password1", "new_password2")
@never_cache
def accept_invitation(request, uidb64, token):
    user = user_from_token(uidb64, token)
    if user is None:
        return render(request, "providers/link_invalid.html", status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user_activate(
            user=user,
            password=form.cleaned_data["new_password1"],
            language=request.LANGUAGE_CODE,
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your password is set. Welcome to Week 3!"))
        return redirect("portal:dashboard")
    return render(request, "providers/invitation.html", {"form": form, "invitee": user})


# --- dashboard and organisation --------------------------------------------------------


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
                "revisions",
                queryset=ActivityRevision.objects.filter(
                    state__in=[ActivityState.SUBMITTED, ActivityState.CHANGES_REQUESTED]
                ),
                to_attr="open_revisions",
            ),
        )
        .order_by("-edition__starts_on", "title")
    )
    groups = {state: [] for state in ActivityState}
    for activity in activities:
        groups[ActivityState(activity.state)].append(activity)
    return render(
        request,
        "providers/dashboard.html",
        {
            "provider": request.user.provider,
            "edition": Edition.objects.order_by("-starts_on").first(),
            "groups": [(state, groups[state]) for state in ActivityState if groups[state]],
            "has_activities": bool(activities),
        },
    )


@portal_view
def provider_edit(request):
    provider = get_object_or_404(Provider.objects.editable_by(request.user))
    form = ProviderForm(request.POST or None, request.FILES or None, instance=provider)
    if request.method == "POST" and form.is_valid():
        provider_update(form=form, logo=form.cleaned_data.get("upload"))
        messages.success(request, _("Your organisation's details are saved."))
        return redirect("portal:provider_edit")
    return render(request, "providers/provider_form.html", {"form": form, "provider": provider})


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
        "providers/colleagues.html",
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
        "providers/venue_list.html",
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
    return render(
        request, "providers/venue_form.html", {"form": form, "venue": venue, "next": back}
    )


@portal_view
def venue_create(request):
    return _venue_form(request, Venue())


@portal_view
def venue_edit(request, pk):
    return _venue_form(request, get_object_or_404(Venue.objects.editable_by(request.user), pk=pk))


# --- activities ------------------------------------------------------------------------


def _more_rows(data):
    """The posted rows plus a few empty ones, never more than the form takes."""
    data = data.copy()
    try:
        rows = int(data.get("sessions-TOTAL_FORMS") or 0)
    except ValueError:  # not a number: someone edited the form by hand
        rows = 0
    rows = min(max(rows, 0), MAX_SESSION_ROWS)
    data["sessions-TOTAL_FORMS"] = str(min(rows + MORE_ROWS, MAX_SESSION_ROWS))
    return data


def _activity_form(request, activity):
    edition = activity.edition if activity else portal_edition()
    if activity is None:
        base = {"sessions": []}
    else:
        revision = open_revision(activity) if activity.state == ActivityState.APPROVED else None
        base = revision.data if revision else activity_data(activity)
    initial = {key: value for key, value in base.items() if key != "sessions"}
    read_only = activity is not None and activity.state not in {
        *DIRECTLY_EDITABLE,
        ActivityState.SUBMITTED,  # editing takes it back to draft (see activity_save)
        ActivityState.APPROVED,
    }
    data = request.POST if request.method == "POST" and not read_only else None
    adding_rows = data is not None and "more_rows" in data
    if adding_rows:
        data = _more_rows(data)
    form = ActivityForm(
        data,
        request.FILES or None,
        instance=activity or Activity(edition=edition),
        initial=initial,
        image_name=base.get("image", ""),
    )
    formset = session_formset(
        edition=edition,
        provider=request.user.provider,
        data=data,
        initial=session_initial(base["sessions"]),
        extra=1 if base["sessions"] else 3,
    )
    if data is not None and not adding_rows:
        form_ok = form.is_valid()
        formset.registration = form.cleaned_data.get("registration")
        if form_ok and formset.is_valid():
            try:
                return _save_activity(request, activity, edition, form, formset, base)
            except ModerationError as error:
                messages.error(request, error.message)
    context = {
        "form": form,
        "formset": formset,
        "activity": activity,
        "edition": edition,
        "read_only": read_only,
        "image_name": base.get("image", ""),
        "cancelled": (
            activity.sessions.filter(is_cancelled=True).select_related("venue") if activity else []
        ),
        "submission_open": edition.accepts_submissions(timezone.now()),
        # Back to this form's times after finding or adding a venue.
        "venue_search_url": reverse("portal:venue_list")
        + "?"
        + urlencode({"next": request.path + "#times"}),
    }
    return render(request, "providers/activity_form.html", context)


def _save_activity(request, activity, edition, form, formset, base):
    data = {name: form.cleaned_data[name] for name in SCALAR_FIELDS if name != "image"}
    for name in M2M_FIELDS:
        data[name] = sorted(item.pk for item in form.cleaned_data[name])
    data["sessions"] = [session.row() for session in formset.filled_forms()]
    upload = form.cleaned_data.get("upload")
    stored = store_image(upload, "activities") if upload else ""
    data["image"] = stored or base.get("image", "")
    was_submitted = activity is not None and activity.state == ActivityState.SUBMITTED
    try:
        if activity is None:
            activity = activity_create(provider=request.user.provider, edition=edition, data=data)
            pending = False
        else:
            pending = activity_save(activity=activity, data=data, by=request.user)
            activity.refresh_from_db(fields=["state"])
    except Exception:
        # The save was rolled back, so nothing refers to the new photo: remove its files.
        if stored:
            delete_image(stored)
        raise
    can_submit = activity.state in TRANSITIONS[Decision.SUBMIT][0]
    if "submit" in request.POST and can_submit:
        activity_submit(activity=activity, by=request.user)
        messages.success(
            request,
            _("Thank you! The municipality checks your activity. You get an e-mail about it."),
        )
        return redirect("portal:dashboard")
    if was_submitted and activity.state == ActivityState.DRAFT:
        messages.warning(
            request,
            _(
                "Your changes are saved. Your activity is a draft again: the municipality "
                "checks it only after you send it again."
            ),
        )
    elif activity.state == ActivityState.SUBMITTED:
        messages.success(
            request, _("Nothing changed. Your activity still waits for the municipality.")
        )
    elif pending:
        messages.success(
            request,
            _(
                "Your changes are sent to the municipality. The current version stays on the "
                "agenda until they approve the changes."
            ),
        )
    else:
        messages.success(request, _("Saved. Nobody else sees this draft yet."))
    if "preview" in request.POST:
        return redirect("portal:activity_preview", pk=activity.pk)
    return redirect("portal:activity_edit", pk=activity.pk)


@portal_view
def activity_create_view(request):
    return _activity_form(request, None)


@portal_view
def activity_edit(request, pk):
    activity = get_object_or_404(
        Activity.objects.editable_by(request.user).select_related("edition"), pk=pk
    )
    return _activity_form(request, activity)


@portal_view
def activity_preview_view(request, pk):
    activity = get_object_or_404(
        Activity.objects.editable_by(request.user).select_related("edition", "provider"), pk=pk
    )
    shown, sessions = activity_preview(activity)
    return render(
        request,
        "agenda/activity_detail.html",
        {
            "edition": activity.edition,
            "activity": shown,
            "sessions": sessions,
            "preview": True,
            "preview_back": "portal:activity_edit",
        },
    )


def _post_only(request):
    """Ownership is checked before the method, so another provider's object is a 404 always."""
    if request.method != "POST":
        raise Http404("POST only")


def _activity_action(request, pk, action, success):
    activity = get_object_or_404(Activity.objects.editable_by(request.user), pk=pk)
    _post_only(request)
    try:
        action(activity=activity, by=request.user)
    except ModerationError as error:
        messages.error(request, error.message)
        return redirect("portal:activity_edit", pk=activity.pk)
    messages.success(request, success)
    return redirect("portal:dashboard")


@portal_view
def activity_submit_view(request, pk):
    return _activity_action(
        request,
        pk,
        activity_submit,
        _("Thank you! The municipality checks your activity. You get an e-mail about it."),
    )


@portal_view
def activity_withdraw_view(request, pk):
    """A page that says what withdrawing does; only its own button (`confirm`) withdraws."""
    if request.method == "POST" and request.POST.get("confirm") == "1":
        return _activity_action(
            request,
            pk,
            activity_withdraw,
            _("The activity is withdrawn. It is not on the agenda."),
        )
    activity = get_object_or_404(Activity.objects.editable_by(request.user), pk=pk)
    return render(
        request,
        "providers/activity_withdraw.html",
        {
            "activity": activity,
            "can_withdraw": activity.state in TRANSITIONS[Decision.WITHDRAW][0],
            "public": activity.state == ActivityState.APPROVED,
            "affected": activity_withdraw_affected(activity),
        },
    )


@portal_view
def activity_copy_view(request, pk):
    original = get_object_or_404(Activity.objects.editable_by(request.user), pk=pk)
    _post_only(request)
    copy = activity_copy(activity=original, edition=portal_edition())
    messages.success(request, _("This is a copy. Check the times, then send it."))
    return redirect("portal:activity_edit", pk=copy.pk)


@portal_view
def session_cancel_view(request, pk):
    session = get_object_or_404(Session.objects.editable_by(request.user), pk=pk)
    _post_only(request)
    told = session_cancel(session=session, by=request.user)
    messages.success(request, _("This time is cancelled. The agenda shows it as cancelled."))
    if told:
        messages.success(
            request,
            ngettext(
                "We sent an e-mail to %(count)s resident who had a reservation.",
                "We sent an e-mail to %(count)s residents who had a reservation.",
                told,
            )
            % {"count": told},
        )
    return redirect("portal:activity_edit", pk=session.activity_id)


# --- reservations and attendance -------------------------------------------------------


@portal_view
def session_reservations(request, pk, walk_ins_form=None):
    session = get_object_or_404(
        Session.objects.editable_by(request.user).select_related("activity", "venue"), pk=pk
    )
    rows = list(session_attendance_list(session))
    came = sum(row.party_size for row in rows if row.state == ReservationState.ATTENDED)
    return render(
        request,
        "providers/session_reservations.html",
        {
            "session": session,
            "activity": session.activity,
            "rows": rows,
            "came": came,
            "came_total": came + session.walk_ins,
            "walk_ins_form": walk_ins_form or WalkInsForm(initial={"walk_ins": session.walk_ins}),
        },
    )


@portal_view
def session_walk_ins(request, pk):
    session = get_object_or_404(Session.objects.editable_by(request.user), pk=pk)
    _post_only(request)
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
    _post_only(request)
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
