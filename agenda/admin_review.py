"""The review pages of the moderation queues: one waiting activity (or organisation) per page,
what changes first, what approving does stated before the click, and the decision buttons.

Decisions go through the same services as the list actions; after one, the moderator lands on
the next waiting item in queue order.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agenda.admin_moderation import _seen_at
from agenda.models import Activity, ActivityState
from agenda.services.errors import ModerationError
from agenda.services.moderation import activity_approve, activity_reject, activity_request_changes
from agenda.services.preview import activity_preview
from agenda.services.review import review_context
from providers.admin import PendingProviderAdmin as ProvidersPendingProviderAdmin
from providers.models import PendingProvider
from providers.services import provider_approve, provider_reject


class ReviewForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the provider"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        help_text=_(
            "Needed to ask for changes or to reject. With an approval it is optional. The "
            "provider gets it by e-mail and sees it in the portal."
        ),
    )


DECISIONS = {
    "approve": (activity_approve, _("“%(title)s” is approved. The provider gets an e-mail.")),
    "request_changes": (
        activity_request_changes,
        _("You asked for changes to “%(title)s”. The provider gets your message by e-mail."),
    ),
    "reject": (
        activity_reject,
        _("“%(title)s” is rejected. The provider gets your reason by e-mail."),
    ),
}


def next_in_queue(pks: list[int], current: int, waiting=None) -> int | None:
    """The item after `current` in the queue `pks` (queue order), from the start again at the
    end, and among `waiting` if given (what still waits after a decision); None if none."""
    if current in pks:
        at = pks.index(current)
        pks = pks[at + 1 :] + pks[:at]
    return next((pk for pk in pks if waiting is None or pk in waiting), None)


def _people(counts: dict, about: str) -> str:
    places = ngettext("%(count)d place", "%(count)d places", counts["places"]) % {
        "count": counts["places"]
    }
    texts = {
        "moved": ngettext(
            "%(count)d person with %(places)s gets an e-mail about the new time or place.",
            "%(count)d people with %(places)s get an e-mail about the new time or place.",
            counts["people"],
        ),
        "removed": ngettext(
            "%(count)d person with %(places)s gets an e-mail that their session is cancelled.",
            "%(count)d people with %(places)s get an e-mail that their session is cancelled.",
            counts["people"],
        ),
    }
    return texts[about] % {"count": counts["people"], "places": places}


def consequences(activity: Activity, context: dict) -> list[str]:
    """What approving does, in sentences, for the moderator to read before the click."""
    if context["revision"] is None:
        return [
            _("The activity appears on the public agenda."),
            _("The provider gets an e-mail."),
        ]
    said = [_("The changes appear on the public agenda at once.")]
    for about in ("moved", "removed"):
        if context[about]["people"]:
            said.append(_people(context[about], about))
    if not (context["moved"]["people"] or context["removed"]["people"]):
        said.append(_("No resident gets an e-mail: no booked session moves or is removed."))
    said.append(_("The provider gets an e-mail."))
    return said


class ProviderStatusFilter(admin.ChoicesFieldListFilter):
    """The provider's status, named so: in a queue of activities a bare "status" with
    "Goedgekeurd" reads as the activity's."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("provider status")


class ReviewMixin:
    """For a queue's admin: a review page per item at `<pk>/review/`, named
    `<app>_<model>_review`, and the list's first column linking to it."""

    review_template: str

    class Media:
        css = {"all": ["css/admin-review.css"]}

    def review_url(self, pk) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_review", args=[pk])

    def get_urls(self):
        return [
            path(
                "<int:pk>/review/",
                self.admin_site.admin_view(self.review_view),
                name=f"{self.opts.app_label}_{self.opts.model_name}_review",
            ),
            *super().get_urls(),
        ]

    def get_list_display_links(self, request, list_display):
        return None

    @admin.display(description=_("review"))
    def review_link(self, obj):
        return format_html('<a href="{}">{}</a>', self.review_url(obj.pk), obj)

    def queue_pks(self, request) -> list[int]:
        return list(self.get_queryset(request).values_list("pk", flat=True))

    def after_decision(self, request, pk, order):
        """To the item after `pk` in the queue as it was (`order`) that still waits."""
        following = next_in_queue(order, pk, set(self.queue_pks(request)))
        if following is None:
            self.message_user(request, _("Nothing else is waiting. Well done!"), messages.INFO)
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
        return redirect(self.review_url(following))

    def review_response(self, request, obj, extra):
        following = next_in_queue(self.queue_pks(request), obj.pk)
        return TemplateResponse(
            request,
            self.review_template,
            {
                **self.admin_site.each_context(request),
                "title": _("Review: %(item)s") % {"item": obj},
                "opts": self.opts,
                "original": obj,
                "next_url": self.review_url(following) if following else None,
                **extra,
            },
        )


class ActivityReviewMixin(ReviewMixin):
    review_template = "admin/agenda/activity_review.html"

    @admin.display(description=_("status"))
    def status(self, obj):
        # Approved with a change waiting: the public version is approved, the change is not.
        status = _("Change waiting") if obj.state == ActivityState.APPROVED else _("New, waiting")
        # The moment the list showed goes along with an approval from it (see last_changed).
        return format_html(
            '{}<input type="hidden" name="seen_activity_{}" value="{}">',
            status,
            obj.pk,
            obj.updated_at.isoformat(),
        )

    def review_view(self, request, pk):
        activity = get_object_or_404(Activity.objects.select_related("provider", "edition"), pk=pk)
        if not self.has_change_permission(request, activity):
            raise PermissionDenied
        form = ReviewForm(request.POST or None)
        decision = request.POST.get("decision")
        if request.method == "POST" and decision in DECISIONS and form.is_valid():
            service, done = DECISIONS[decision]
            extra = {}
            if decision == "approve":
                extra = {
                    "seen_revision_at": _seen_at(request.POST.get("seen_revision")),
                    "seen_activity_at": _seen_at(request.POST.get("seen_activity")),
                }
            order = self.queue_pks(request)
            try:
                service(
                    activity=activity,
                    by=request.user,
                    message=form.cleaned_data["message"],
                    **extra,
                )
            except ModerationError as error:
                form.add_error("message" if decision != "approve" else None, error.message)
            else:
                self.message_user(request, done % {"title": activity.title}, messages.SUCCESS)
                return self.after_decision(request, activity.pk, order)
        context = review_context(activity)
        shown, sessions = activity_preview(activity)
        return self.review_response(
            request,
            activity,
            {
                **context,
                "activity": activity,
                "form": form,
                "waiting": Activity.objects.awaiting_moderation().filter(pk=activity.pk).exists(),
                "consequences": consequences(activity, context),
                "shown": shown,
                "shown_sessions": sessions,
                "change_url": reverse("admin:agenda_activity_change", args=[activity.pk]),
                "preview_url": reverse("admin:agenda_activity_preview", args=[activity.pk]),
            },
        )


class ProviderReviewMixin(ReviewMixin):
    review_template = "admin/providers/provider_review.html"

    def review_view(self, request, pk):
        provider = get_object_or_404(
            self.model.objects.select_related("home_district").prefetch_related("disciplines"),
            pk=pk,
        )
        if not self.has_change_permission(request, provider):
            raise PermissionDenied
        decision = request.POST.get("decision")
        if request.method == "POST" and decision in ("approve", "reject"):
            if provider.status != provider.Status.PENDING:
                self.message_user(
                    request, _("This organisation was already decided on."), messages.WARNING
                )
                return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist")
            order = self.queue_pks(request)
            if decision == "approve":
                provider_approve(provider=provider)
                done = _("%(name)s is approved and can publish. Its users get an e-mail.")
            else:
                provider_reject(provider=provider)
                done = _("%(name)s is rejected. Its users get an e-mail.")
            self.log_change(request, provider, [{"changed": {"fields": ["status"]}}])
            self.message_user(request, done % {"name": provider.name}, messages.SUCCESS)
            return self.after_decision(request, provider.pk, order)
        activities = (
            Activity.objects.filter(provider=provider)
            .select_related("edition")
            .prefetch_related("sessions__venue")
            .order_by("-edition__year", "title")
        )
        return self.review_response(
            request,
            provider,
            {
                "provider": provider,
                "users": provider.users.order_by("date_joined"),
                "activities": activities,
                "waiting": provider.status == provider.Status.PENDING,
                "change_url": reverse("admin:providers_provider_change", args=[provider.pk]),
            },
        )


# An organisation is judged by its prepared activities too (the agenda's data), so the agenda
# adds the review page to the providers app's queue.
admin.site.unregister(PendingProvider)


@admin.register(PendingProvider)
class PendingProviderAdmin(ProviderReviewMixin, ProvidersPendingProviderAdmin):
    # The contact person in one column, so the queue fits beside the menu at 1280 px.
    list_display = ["review_link", "kind", "contact", "created_at"]

    @admin.display(description=_("contact person"), ordering="contact_name")
    def contact(self, obj):
        return format_html(
            '<span class="review-contact">{}<br>{}</span>',
            obj.contact_name or "—",
            obj.contact_email or "—",
        )
