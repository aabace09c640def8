"""The outbox in the admin: to see whether e-mail goes out."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from outbox.models import JobRun, OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """The outbox, to see whether e-mail goes out; send_queued_mail sends, nobody edits."""

    list_display = [
        "to",
        "subject_or_writer",
        "created_at",
        "sent_at",
        "attempts",
        "next_attempt_at",
    ]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["to", "subject"]
    date_hierarchy = "created_at"
    exclude = ["attachments"]

    @admin.display(description=_("subject"), ordering="subject")
    def subject_or_writer(self, obj):
        # Not written yet: what it will be about (written when it goes out).
        return obj.subject or f"({obj.writer}: {obj.params.get('kind', '')})"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    """The scheduled jobs' runs (outbox.worker), to see that they run; nobody edits."""

    list_display = ["job", "period_start", "started_at", "finished_at", "worker", "error"]
    list_filter = ["job", ("finished_at", admin.EmptyFieldListFilter)]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
