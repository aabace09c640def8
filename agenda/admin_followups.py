"""The follow-up answers in the admin: staff read them (without any personal data) and may
remove a free comment; nothing else about an answer can be changed."""

from django.contrib import admin, messages
from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agenda.models import FollowUp
from agenda.services.followups import followup_comment_remove


@admin.action(description=_("Remove the comment of the selected answers"), permissions=["change"])
def remove_comment(modeladmin, request, queryset):
    removed = followup_comment_remove(followups=queryset)
    modeladmin.message_user(
        request,
        ngettext("%(count)d comment removed.", "%(count)d comments removed.", removed)
        % {"count": removed},
        messages.SUCCESS if removed else messages.WARNING,
    )


class AnsweredFilter(admin.SimpleListFilter):
    title = _("answered")
    parameter_name = "beantwoord"

    def lookups(self, request, model_admin):
        return [("1", _("Yes")), ("0", _("No"))]

    def queryset(self, request, queryset):
        if self.value() in ("0", "1"):
            return queryset.filter(answered_at__isnull=self.value() == "0")
        return queryset


class CommentFilter(admin.SimpleListFilter):
    title = _("comment")
    parameter_name = "opmerking"

    def lookups(self, request, model_admin):
        return [("1", _("With a comment"))]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(~Q(comment=""))
        return queryset


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = [
        "activity",
        "session_start",
        "answered",
        "rating",
        "wants_to_continue",
        "signed_up",
        "comment_start",
    ]
    list_filter = [
        AnsweredFilter,
        "rating",
        "wants_to_continue",
        CommentFilter,
        "session__activity__edition",
    ]
    list_select_related = ["session__activity"]
    search_fields = ["session__activity__title", "comment"]
    actions = [remove_comment]
    # The link code stays out of sight: it is the key to the question.
    fields = [
        "activity",
        "session",
        "language",
        "sent_at",
        "expires_at",
        "answered_at",
        "rating",
        "wants_to_continue",
        "signed_up",
        "comment",
    ]
    readonly_fields = fields

    @admin.display(description=_("activity"), ordering="session__activity__title")
    def activity(self, obj):
        return obj.session.activity

    @admin.display(description=_("session"), ordering="session__starts_at")
    def session_start(self, obj):
        return obj.session.starts_at

    @admin.display(description=_("answered"), boolean=True, ordering="answered_at")
    def answered(self, obj):
        return obj.is_answered

    @admin.display(description=_("comment"))
    def comment_start(self, obj):
        return Truncator(obj.comment).chars(80)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # One answer opens read-only; the list's action removes a comment.
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
