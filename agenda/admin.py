"""Staff screens for editions, activities and their sessions."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agenda.admin_moderation import ModerationAdminMixin, create_next_edition, publish_editions
from agenda.admin_review import ActivityReviewMixin, ProviderStatusFilter
from agenda.models import (
    Activity,
    ActivityDecision,
    Audience,
    Channel,
    Decision,
    Edition,
    Language,
    Reservation,
    Session,
    SubmittedActivity,
)
from agenda.services.bursts import reservations_cancel_burst
from agenda.services.errors import ReservationError
from agenda.services.reservations import reservation_cancel, session_cancel
from agenda.services.sessions import session_remove, session_save
from agenda.services.venues import venue_merge, venue_staff_save
from providers.admin import TranslatedNameAdmin
from providers.admin import VenueAdmin as ProvidersVenueAdmin
from providers.admin_autocomplete import CheckedAutocomplete
from providers.models import Venue


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "starts_on",
        "ends_on",
        "submissions_open_from",
        "submissions_open_until",
        "is_published",
    ]
    list_filter = ["is_published"]
    actions = [publish_editions, create_next_edition]


admin.site.register([Audience, Channel], TranslatedNameAdmin)


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "position"]
    list_editable = ["position"]


class SessionInline(CheckedAutocomplete, admin.TabularInline):
    model = Session
    extra = 0
    autocomplete_fields = ["venue"]
    fields = [
        "starts_at",
        "ends_at",
        "venue",
        "capacity",
        "places_booked",
        "places_waiting",
        "is_cancelled",
        "cancel_button",
    ]
    # Kept by agenda.services.reservations under a row lock; edited by hand they would drift, and a
    # tick on "cancelled" would tell nobody. The button cancels through the reservation service.
    readonly_fields = ["places_booked", "places_waiting", "is_cancelled", "cancel_button"]

    @admin.display(description=_("cancel"))
    def cancel_button(self, obj):
        if obj is None or obj.pk is None or obj.is_cancelled:
            return "—"
        return format_html(
            '<a class="button" href="{}">{}</a>',
            reverse("admin:agenda_activity_session_cancel", args=[obj.activity_id, obj.pk]),
            _("Cancel session"),
        )


@admin.register(Activity)
class ActivityAdmin(CheckedAutocomplete, ModerationAdminMixin, admin.ModelAdmin):
    list_display = ["title", "provider", "edition", "state", "registration", "last_changed"]
    list_filter = [
        "state",
        "edition",
        "registration",
        "provider__status",
        "provider__kind",
        "disciplines",
        "audiences",
        "sessions__venue__district",
    ]
    list_select_related = ["provider", "edition"]
    search_fields = ["title", "provider__name", "description"]
    autocomplete_fields = ["provider"]
    # Checkboxes: the JavaScript two-list widget speaks English (Django has no Dutch for it).
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SessionInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is not Session:
            return super().save_formset(request, form, formset, change)
        # Through agenda.services.sessions: only the editable fields are written (never the
        # counters), residents hear about a new time or place, more room goes to the waiting
        # list, and a deleted session with reservations is cancelled instead, telling them.
        changed = formset.save(commit=False)
        for session in formset.deleted_objects:
            session_remove(session=session)
        for session in changed:
            session_save(session=session)
        return None

    def get_urls(self):
        return [
            path(
                "<int:pk>/sessions/<int:session_pk>/cancel/",
                self.admin_site.admin_view(self.session_cancel_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_session_cancel",
            ),
            *super().get_urls(),
        ]

    def session_cancel_view(self, request, pk, session_pk):
        """Cancel one session after a confirmation, through the reservation service."""
        activity = get_object_or_404(Activity.objects.all(), pk=pk)
        allowed = self.has_change_permission(request, activity) and request.user.has_perm(
            "agenda.change_session"
        )
        if not allowed:
            raise PermissionDenied
        session = get_object_or_404(
            Session.objects.select_related("venue"), pk=session_pk, activity=activity
        )
        change_url = reverse("admin:agenda_activity_change", args=[activity.pk])
        if request.method == "POST":
            if session.is_cancelled:
                self.message_user(request, _("This session was already cancelled."))
                return redirect(change_url)
            told = session_cancel(session=session)
            self.log_change(
                request, activity, _("Cancelled the session %(session)s.") % {"session": session}
            )
            self.message_user(
                request,
                ngettext(
                    "The session is cancelled. %(count)d resident was told by e-mail.",
                    "The session is cancelled. %(count)d residents were told by e-mail.",
                    told,
                )
                % {"count": told},
                messages.SUCCESS,
            )
            return redirect(change_url)
        return TemplateResponse(
            request,
            "admin/agenda/session_cancel.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Cancel session"),
                "opts": self.opts,
                "activity": activity,
                "session": session,
                "affected": Reservation.objects.active().filter(session=session).count(),
                "change_url": change_url,
            },
        )


@admin.action(
    description=_("Cancel selected reservations (tells the residents)"), permissions=["cancel"]
)
def cancel_reservations(modeladmin, request, queryset):
    """Through the reservation service: the session's counters stay right, freed places go to
    the waiting list, and each resident gets the cancellation by e-mail."""
    cancelled = 0
    for reservation in queryset.active().select_related("session__activity"):
        try:
            reservation_cancel(reservation=reservation, by_organiser=True)
        except ReservationError as error:
            modeladmin.message_user(request, f"{reservation}: {error.message}", messages.ERROR)
            continue
        modeladmin.log_change(request, reservation, _("Cancelled the reservation."))
        cancelled += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d reservation cancelled.", "%(count)d reservations cancelled.", cancelled)
        % {"count": cancelled},
        messages.SUCCESS if cancelled else messages.WARNING,
    )


@admin.action(
    description=_("Cancel every reservation from the same connection as the selected ones"),
    permissions=["cancel"],
)
def cancel_same_connection(modeladmin, request, queryset):
    """A burst in one step (agenda.services.bursts): select one, cancel all of its kind."""
    cancelled = 0
    for session_id, client in set(queryset.exclude(client="").values_list("session", "client")):
        session = Session.objects.get(pk=session_id)
        try:
            cancelled += reservations_cancel_burst(session=session, client=client)
        except ReservationError as error:
            modeladmin.message_user(request, f"{session}: {error.message}", messages.ERROR)
    modeladmin.message_user(
        request,
        ngettext("%(count)d reservation cancelled.", "%(count)d reservations cancelled.", cancelled)
        % {"count": cancelled},
        messages.SUCCESS if cancelled else messages.WARNING,
    )


class BurstFilter(admin.SimpleListFilter):
    """Reservations that share their session and connection with RESERVATION_BURST_SIZE or
    more active ones (agenda.services.bursts)."""

    title = _("from one connection")
    parameter_name = "reeks"

    def lookups(self, request, model_admin):
        return [("ja", _("many reservations for one session"))]

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(same_connection__gte=settings.RESERVATION_BURST_SIZE)
        return queryset


@admin.register(Reservation)
class ReservationAdmin(admin.ModelAdmin):
    """Read-only: places change only through agenda.services.reservations, which keeps the
    counts. No delete: a row deleted raw would leave the session's counters wrong; the action
    cancels through the service instead."""

    list_display = [
        "__str__",
        "party_size",
        "state",
        "created_at",
        "channel",
        "district",
        "country",
        "same_connection",
    ]
    list_filter = [
        "state",
        BurstFilter,
        "session__activity__edition",
        "channel",
        "age_bracket",
        "district",
        "country",
    ]
    list_select_related = ["session__activity", "channel", "district"]
    search_fields = ["email", "name", "session__activity__title"]
    date_hierarchy = "created_at"
    exclude = ["token", "client"]
    actions = [cancel_reservations, cancel_same_connection]

    def get_queryset(self, request):
        same = (
            Reservation.objects.active()
            .filter(session=OuterRef("session"), client=OuterRef("client"))
            .exclude(client="")
            .values("session")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            super().get_queryset(request).annotate(same_connection=Coalesce(Subquery(same[:1]), 0))
        )

    @admin.display(description=_("active from this connection"), ordering="same_connection")
    def same_connection(self, obj):
        return obj.same_connection

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_cancel_permission(self, request):
        return request.user.has_perm("agenda.change_reservation")


@admin.register(SubmittedActivity)
class SubmittedActivityAdmin(ActivityReviewMixin, ActivityAdmin):
    """The queue: submitted activities and submitted changes, the longest waiting first; each
    opens on its review page (agenda.admin_review)."""

    # Narrow enough to fit beside the menu and the filters at 1280 px; the moment the list
    # was shown travels with an approval in the status column (see last_changed).
    list_display = ["review_link", "provider", "status", "submitted_at"]
    list_filter = ["edition", ("provider__status", ProviderStatusFilter)]

    def get_queryset(self, request):
        # Not super(): that orders before the annotation the ordering needs exists.
        last_submit = Max("decisions__created_at", filter=Q(decisions__action=Decision.SUBMIT))
        return (
            self.model._default_manager.awaiting_moderation()
            # Activities put in the queue without a logged submission (imports, demo data)
            # wait since their last change.
            .annotate(submitted_at=Coalesce(last_submit, "updated_at"))
            .order_by(*self.get_ordering(request))
        )

    def get_ordering(self, request):
        return ["submitted_at", "pk"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("waiting since"), ordering="submitted_at")
    def submitted_at(self, obj):
        return date_format(timezone.localtime(obj.submitted_at), "SHORT_DATETIME_FORMAT")


@admin.register(ActivityDecision)
class ActivityDecisionAdmin(admin.ModelAdmin):
    """The whole moderation log, read-only."""

    list_display = ["created_at", "activity", "action", "about_changes", "decided_by"]
    list_filter = ["action", "about_changes"]
    list_select_related = ["activity", "decided_by"]
    search_fields = ["activity__title", "message"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.action(
    description=_("Merge selected venues into the oldest one"), permissions=["change", "delete"]
)
def merge_venues(modeladmin, request, queryset):
    venues = list(queryset.order_by("pk"))
    if len(venues) < 2:
        modeladmin.message_user(request, _("Select at least two venues."), messages.WARNING)
        return
    keep = venues[0]
    merged = venue_merge(keep=keep, duplicates=venues[1:])
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d venue merged into %(venue)s.",
            "%(count)d venues merged into %(venue)s.",
            merged,
        )
        % {"count": merged, "venue": keep},
        messages.SUCCESS,
    )


# Merging venues moves sessions and proposed changes (the agenda's data), so the agenda adds it
# to the venue admin of the providers app.
admin.site.unregister(Venue)


@admin.register(Venue)
class VenueAdmin(ProvidersVenueAdmin):
    actions = [merge_venues]

    def save_model(self, request, obj, form, change):
        # Residents booked at the venue hear about a new address, as for a session moved.
        venue_staff_save(venue=obj)


# Register the statements' and the follow-up answers' admin.
from agenda import admin_followups, admin_statements  # noqa: E402, F401
