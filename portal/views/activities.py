"""An activity with all its sessions on one page: save, preview, send, withdraw, copy, and
cancelling one session."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.files.storage import default_storage
from django.forms.utils import ErrorDict
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from agenda.models import Activity, ActivityState, Session
from agenda.services.activities import activity_copy, activity_create, activity_save
from agenda.services.drafts import activity_data, activity_draft
from agenda.services.errors import ModerationError
from agenda.services.moderation import (
    activity_submit,
    activity_withdraw,
    activity_withdraw_affected,
)
from agenda.services.preview import activity_preview_context
from agenda.services.reservations import session_cancel
from portal.forms.activities import (
    MAX_SESSION_ROWS,
    ActivityForm,
    session_formset,
    session_initial,
)
from portal.views.base import portal_edition, portal_view, post_only
from providers.images import WIDTHS, delete_image, rendition_name
from providers.pending_images import pending_adopt, pending_name, pending_store
from providers.validators import is_plain_number, small_number

MORE_ROWS = 3
# The session key of a form kept while the volunteer adds a venue (see _keep_for_venue).
KEPT_FORM = "portal_activity_form_kept"


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


def _thumbnail(name: str) -> str:
    return default_storage.url(rendition_name(name, WIDTHS[0])) if name else ""


def _keep_for_venue(request, data) -> str:
    """Keep what was typed in the session while the volunteer looks for or adds a venue; the
    address of the venue search (with its "add a venue"), which leads back to this form with
    everything restored, and a new venue chosen in the first empty row."""
    request.session[KEPT_FORM] = {
        "path": request.path,
        "data": [(key, values) for key, values in data.lists() if key != "csrfmiddlewaretoken"],
    }
    back = request.path + "?" + urlencode({"restore": "1"}) + "#times"
    return reverse("portal:venue_list") + "?" + urlencode({"next": back})


def _kept_data(request, venue_pk: str):
    """The form kept by _keep_for_venue for this page (once), with the new venue chosen in the
    first row without one; None when nothing was kept."""
    kept = request.session.pop(KEPT_FORM, None)
    if not kept or kept.get("path") != request.path:
        return None
    data = QueryDict(mutable=True)
    for key, values in kept["data"]:
        data.setlist(key, values)
    rows = small_number(data.get("sessions-TOTAL_FORMS", ""))
    if is_plain_number(venue_pk) and rows is not None:
        for index in range(min(rows, MAX_SESSION_ROWS)):
            if not data.get(f"sessions-{index}-venue"):
                data[f"sessions-{index}-venue"] = venue_pk
                break
    return data


def _quiet(form, formset):
    """More rows, or back from a venue: the page shows no messages about fields that are not
    filled in yet (only one about a photo that could not be used)."""
    kept = form.errors.get("upload")
    form._errors = ErrorDict()
    if kept:
        form._errors["upload"] = kept
    for row in formset.forms:
        row._errors = ErrorDict()
    formset._errors = [row._errors for row in formset.forms]
    formset._non_form_errors = formset.error_class()


def _activity_form(request, activity):
    edition = activity.edition if activity else portal_edition()
    provider = request.user.provider
    if activity is None:
        base = {"sessions": []}
    else:
        revision = activity.open_revision()
        base = revision.data if revision else activity_data(activity)
    initial = {key: value for key, value in base.items() if key != "sessions"}
    read_only = activity is not None and not activity.is_editable_in_portal
    data = request.POST if request.method == "POST" and not read_only else None
    # Back from adding a venue: what was typed before, shown again (nothing is saved yet).
    restored = None
    if data is None and not read_only and request.GET.get("restore"):
        restored = _kept_data(request, request.GET.get("venue", ""))
    adding_rows = data is not None and "more_rows" in data
    adding_venue = data is not None and "add_venue" in data
    if adding_rows:
        data = _more_rows(data)
    data = data if data is not None else restored
    # A photo chosen before this page was shown again (a message, more rows, a venue).
    pending = pending_name(data.get("pending_photo", ""), owner=provider.pk) if data else ""
    form = ActivityForm(
        data,
        request.FILES or None,
        instance=activity or Activity(edition=edition),
        initial=initial,
        image_name=base.get("image", ""),
        pending_image=pending,
        provider=provider,
    )
    formset = session_formset(
        edition=edition,
        provider=provider,
        data=data,
        initial=session_initial(base["sessions"]),
        extra=1 if base["sessions"] else 3,
    )
    pending_token = data.get("pending_photo", "") if pending else ""
    if data is not None:
        form.is_valid()  # checks a new photo too
        upload = form.cleaned_data.get("upload")
        if upload:
            # Stored now, so the page can be shown again without asking for the file again;
            # saving takes it from there.
            pending_token = pending_store(upload, owner=provider.pk)
            pending = pending_name(pending_token, owner=provider.pk)
    if request.method == "POST" and data is not None and not (adding_rows or adding_venue):
        formset.registration = form.cleaned_data.get("registration")
        if form.is_valid() and formset.is_valid():
            try:
                return _save_activity(request, activity, edition, form, formset, base, pending)
            except ModerationError as error:
                messages.error(request, error.message)
    if adding_venue:
        data = data.copy()
        data["pending_photo"] = pending_token
        return redirect(_keep_for_venue(request, data))
    if adding_rows or restored is not None:
        _quiet(form, formset)
    context = {
        "form": form,
        "formset": formset,
        "activity": activity,
        "edition": edition,
        "read_only": read_only,
        "image_name": base.get("image", ""),
        "photo_url": _thumbnail(pending or base.get("image", "")),
        "photo_pending": bool(pending),
        "pending_token": pending_token,
        "cancelled": (
            activity.sessions.filter(is_cancelled=True).select_related("venue") if activity else []
        ),
        "submission_open": edition.accepts_submissions(timezone.now()),
    }
    return render(request, "portal/activity_form.html", context)


def _save_activity(request, activity, edition, form, formset, base, photo=""):
    """Save the form; `photo`: a pending photo chosen on this form (new or from before)."""
    stored = pending_adopt(photo, "activities") if photo else ""
    data = activity_draft(
        values=form.cleaned_data,
        sessions=[session.row() for session in formset.filled_forms()],
        image=stored or base.get("image", ""),
    )
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
    if photo:
        delete_image(photo)  # saved with the activity now: the pending copy is not needed
    if "submit" in request.POST and activity.can_submit:
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
    context = activity_preview_context(activity)
    return render(
        request,
        "agenda/activity_detail.html",
        {**context, "preview_back": "portal:activity_edit", "preview_submit": True},
    )


def _activity_action(request, pk, action, success):
    activity = get_object_or_404(Activity.objects.editable_by(request.user), pk=pk)
    post_only(request)
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
        "portal/activity_withdraw.html",
        {
            "activity": activity,
            "can_withdraw": activity.can_withdraw,
            "public": activity.state == ActivityState.APPROVED,
            "affected": activity_withdraw_affected(activity),
        },
    )


@portal_view
def activity_copy_view(request, pk):
    original = get_object_or_404(Activity.objects.editable_by(request.user), pk=pk)
    post_only(request)
    copy = activity_copy(activity=original, edition=portal_edition())
    messages.success(request, _("This is a copy. Check the times, then send it."))
    return redirect("portal:activity_edit", pk=copy.pk)


@portal_view
def session_cancel_view(request, pk):
    session = get_object_or_404(Session.objects.editable_by(request.user), pk=pk)
    post_only(request)
    told = session_cancel(session=session)
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
