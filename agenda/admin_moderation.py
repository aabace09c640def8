"""Moderation in the admin: decisions as actions, the decision log, preview, diff, CSV export.

Every decision goes through agenda.services, so the admin obeys the same state machine as the
portal: approving a draft is refused here too, with a message.
"""

import csv
import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agenda.models import ActivityDecision, Session
from agenda.services.editions import edition_create_next, edition_publish
from agenda.services.errors import ModerationError
from agenda.services.moderation import activity_approve, activity_reject, activity_request_changes
from agenda.services.preview import activity_preview_context, revision_diff
from providers.admin_moderation import changes_table


class DecisionInline(admin.TabularInline):
    model = ActivityDecision
    extra = 0
    can_delete = False
    fields = ["created_at", "action", "about_changes", "decided_by", "message"]
    readonly_fields = fields
    verbose_name_plural = _("moderation log")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class DecisionMessageForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the provider"),
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=_("The provider gets this by e-mail and sees it in the portal."),
    )


def _decide(modeladmin, request, queryset, service, message="", seen=None):
    """`seen`, for approvals: per activity, the `updated_at` of the proposed change shown, and
    the activity's own `updated_at` as the moderator's list showed it (`last_changed`)."""
    done = 0
    for activity in queryset:
        extra = {}
        if seen is not None:
            extra = {
                "seen_revision_at": seen.get(activity.pk),
                "seen_activity_at": _seen_at(request.POST.get(f"seen_activity_{activity.pk}")),
            }
        try:
            service(activity=activity, by=request.user, message=message, **extra)
        except ModerationError as error:
            modeladmin.message_user(request, f"{activity}: {error.message}", messages.ERROR)
        else:
            done += 1
    if done:
        modeladmin.message_user(request, _done(service, done), messages.SUCCESS)


def _done(service, count: int) -> str:
    """What the decision did, said specifically."""
    if service is activity_approve:
        text = ngettext(
            "%(count)d activity approved: it is on the agenda. Its provider gets an e-mail.",
            "%(count)d activities approved: they are on the agenda. Their providers get an e-mail.",
            count,
        )
    elif service is activity_request_changes:
        text = ngettext(
            "Changes asked for %(count)d activity. Its provider gets your message by e-mail.",
            "Changes asked for %(count)d activities. Their providers get your message by e-mail.",
            count,
        )
    else:
        text = ngettext(
            "%(count)d activity rejected. Its provider gets your reason by e-mail.",
            "%(count)d activities rejected. Their providers get your reason by e-mail.",
            count,
        )
    return text % {"count": count}


def _decide_with_message(modeladmin, request, queryset, service, action_name, title):
    if "apply" in request.POST:
        form = DecisionMessageForm(request.POST)
        if form.is_valid():
            _decide(modeladmin, request, queryset, service, form.cleaned_data["message"])
            return None
    else:
        form = DecisionMessageForm()
    return TemplateResponse(
        request,
        "admin/agenda/decision_message.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": title,
            "form": form,
            "queryset": queryset,
            "action_name": action_name,
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


def _seen_at(value: str | None) -> datetime.datetime | None:
    """A moment the page carried; None when missing or unreadable (then nothing matches it)."""
    try:
        moment = datetime.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None


@admin.action(description=_("Approve selected activities"), permissions=["change"])
def approve(modeladmin, request, queryset):
    """Approve; proposed changes to public activities only after a step that shows them.

    That step carries each change's `updated_at`: if the provider edits it before the
    moderator confirms, activity_approve refuses, so what is published is what was shown.
    """
    activities = list(queryset.select_related("provider"))
    if "apply" in request.POST:
        seen = {a.pk: _seen_at(request.POST.get(f"seen_{a.pk}")) for a in activities}
        _decide(modeladmin, request, activities, activity_approve, seen=seen)
        return None
    items = []
    for activity in activities:
        revision = activity.open_revision()
        items.append(
            {
                "activity": activity,
                "seen": revision.updated_at.isoformat() if revision else "",
                "seen_activity": request.POST.get(f"seen_activity_{activity.pk}", ""),
                "diff": _diff_table(activity, revision) if revision else "",
            }
        )
    if not any(item["diff"] for item in items):
        # Nothing to show: approve now, refusing a proposed change that appeared meanwhile.
        _decide(modeladmin, request, activities, activity_approve, seen={})
        return None
    return TemplateResponse(
        request,
        "admin/agenda/approve_changes.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": _("Approve"),
            "items": items,
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


def _diff_table(activity, revision):
    return changes_table(revision_diff(activity, revision.data))


@admin.action(description=_("Ask for changes (with a message)"), permissions=["change"])
def request_changes(modeladmin, request, queryset):
    return _decide_with_message(
        modeladmin,
        request,
        queryset,
        activity_request_changes,
        "request_changes",
        _("Ask for changes"),
    )


@admin.action(description=_("Reject (with a reason)"), permissions=["change"])
def reject(modeladmin, request, queryset):
    return _decide_with_message(
        modeladmin, request, queryset, activity_reject, "reject", _("Reject")
    )


class _Echo:
    def write(self, value):
        return value


CSV_HEADER = [
    "activity_id",
    "title",
    "provider",
    "edition",
    "state",
    "registration",
    "min_age",
    "max_age",
    "session_id",
    "starts_at",
    "ends_at",
    "venue",
    "district",
    "capacity",
    "places_booked",
    "cancelled",
]


# A cell starting with one of these is read as a formula by Excel and LibreOffice
# (=HYPERLINK(…) sends data off, =cmd|… runs programs): such cells get a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """The cell as a spreadsheet shows it as text: a leading ' before a formula character."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv_rows(queryset):
    yield CSV_HEADER
    sessions = Session.objects.select_related("venue__district").order_by("starts_at")
    for activity in queryset.select_related("provider", "edition").prefetch_related(
        Prefetch("sessions", queryset=sessions)
    ):
        base = [
            activity.pk,
            activity.title,
            activity.provider.name,
            activity.edition.year,
            activity.state,
            activity.registration,
            activity.min_age,
            activity.max_age,
        ]
        for session in activity.sessions.all() or [None]:
            if session is None:
                yield [*base, "", "", "", "", "", "", "", ""]
                continue
            yield [
                *base,
                session.pk,
                timezone.localtime(session.starts_at).isoformat(),
                timezone.localtime(session.ends_at).isoformat(),
                session.venue.name,
                session.venue.district.name,
                session.capacity,
                session.places_booked,
                session.is_cancelled,
            ]


@admin.action(description=_("Export as CSV (with sessions)"), permissions=["view"])
def export_csv(modeladmin, request, queryset):
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow([csv_safe(cell) for cell in row]) for row in _csv_rows(queryset)),
        content_type="text/csv",
    )
    response["Content-Disposition"] = 'attachment; filename="week3-activities.csv"'
    return response


class ModerationAdminMixin:
    """For the activity admins: decisions, the log, and what changed, with a preview link."""

    actions = [approve, request_changes, reject, export_csv]
    inlines_moderation = [DecisionInline]

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), *self.inlines_moderation]

    @admin.display(description=_("last changed"), ordering="updated_at")
    def last_changed(self, obj):
        # The exact moment goes along with an approval from this list: an activity taken back,
        # changed and sent again since the list was shown is not approved unseen.
        return format_html(
            '{}<input type="hidden" name="seen_activity_{}" value="{}">',
            date_format(timezone.localtime(obj.updated_at), "SHORT_DATETIME_FORMAT"),
            obj.pk,
            obj.updated_at.isoformat(),
        )

    def get_readonly_fields(self, request, obj=None):
        # The state changes only through the decisions above, never by editing the field.
        return [*super().get_readonly_fields(request, obj), "state", "moderation_summary"]

    @admin.display(description=_("moderation"))
    def moderation_summary(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        preview = format_html(
            '<p><a href="{}" target="_blank">{}</a></p>',
            reverse("admin:agenda_activity_preview", args=[obj.pk]),
            _("Preview of the public page (with proposed changes)"),
        )
        if type(obj).objects.awaiting_moderation().filter(pk=obj.pk).exists():
            preview = format_html(
                '<p><a href="{}"><strong>{}</strong></a></p>{}',
                reverse("admin:agenda_submittedactivity_review", args=[obj.pk]),
                _("Review and decide on one page"),
                preview,
            )
        revision = obj.open_revision()
        if revision is None:
            return preview
        return format_html(
            "{}<p><strong>{}</strong> ({})</p>{}",
            preview,
            _("Proposed changes to the approved version"),
            revision.get_state_display(),
            _diff_table(obj, revision),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_preview",
            ),
            *super().get_urls(),
        ]

    def preview_view(self, request, pk):
        activity = get_object_or_404(self.get_queryset(request), pk=pk)
        if not self.has_view_permission(request, activity):
            raise PermissionDenied
        context = activity_preview_context(activity)
        return render(
            request,
            "agenda/activity_detail.html",
            {**context, "preview_back": "admin:agenda_activity_change"},
        )


@admin.action(description=_("Publish selected editions"), permissions=["change"])
def publish_editions(modeladmin, request, queryset):
    for edition in queryset:
        edition_publish(edition=edition)
    modeladmin.message_user(request, _("Published."), messages.SUCCESS)


@admin.action(description=_("Create the next edition from this one"), permissions=["add"])
def create_next_edition(modeladmin, request, queryset):
    for edition in queryset:
        try:
            created = edition_create_next(edition=edition)
        except ModerationError as error:
            modeladmin.message_user(request, f"{edition}: {error.message}", messages.ERROR)
            continue
        modeladmin.message_user(
            request,
            _("%(edition)s created; check its dates, then publish it.") % {"edition": created},
            messages.SUCCESS,
        )
