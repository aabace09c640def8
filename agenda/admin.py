"""Staff screens for editions, activities and their sessions."""

from django.contrib import admin
from django.db.models import Max, Q
from django.utils.translation import gettext_lazy as _

from agenda.admin_moderation import ModerationAdminMixin, create_next_edition, publish_editions
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


@admin.register(Audience)
class AudienceAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "name_de", "position"]
    list_editable = ["position"]
    search_fields = ["name", "name_en", "name_de"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "position"]
    list_editable = ["position"]


class SessionInline(admin.TabularInline):
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
    ]
    # Kept by agenda/reservations.py under a row lock; edited by hand they would drift.
    readonly_fields = ["places_booked", "places_waiting"]


@admin.register(Activity)
class ActivityAdmin(ModerationAdminMixin, admin.ModelAdmin):
    list_display = ["title", "provider", "edition", "state", "registration", "updated_at"]
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
    filter_horizontal = ["disciplines", "audiences", "languages"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SessionInline]


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "name_de", "position"]
    list_editable = ["position"]
    search_fields = ["name", "name_en", "name_de"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Reservation)
class ReservationAdmin(admin.ModelAdmin):
    """Read-only: places change only through agenda/reservations.py, which keeps the counts."""

    list_display = ["__str__", "party_size", "state", "created_at", "channel", "district"]
    list_filter = ["state", "session__activity__edition", "channel", "age_bracket", "district"]
    list_select_related = ["session__activity", "channel", "district"]
    search_fields = ["email", "name", "session__activity__title"]
    date_hierarchy = "created_at"
    exclude = ["token"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SubmittedActivity)
class SubmittedActivityAdmin(ActivityAdmin):
    """The queue: submitted activities and submitted changes, the longest waiting first."""

    list_display = ["title", "provider", "state", "has_changes", "submitted_at"]
    list_filter = ["edition", "provider__status"]

    def get_queryset(self, request):
        # Not super(): that orders before the annotation the ordering needs exists.
        last_submit = Max("decisions__created_at", filter=Q(decisions__action=Decision.SUBMIT))
        return (
            self.model._default_manager.awaiting_moderation()
            .annotate(submitted_at=last_submit)
            .order_by(*self.get_ordering(request))
        )

    def get_ordering(self, request):
        return ["submitted_at", "pk"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("waiting since"), ordering="submitted_at")
    def submitted_at(self, obj):
        return obj.submitted_at

    @admin.display(description=_("changes to a public activity"), boolean=True)
    def has_changes(self, obj):
        return obj.state == Activity.State.APPROVED


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
