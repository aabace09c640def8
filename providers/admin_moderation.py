"""Admin actions for moderating providers and cleaning up venues.

Merging venues is agenda.services.venue_merge: it moves sessions and proposed changes along.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from agenda.services import venue_merge
from providers.services import provider_approve, provider_reject


@admin.action(description=_("Approve selected providers"), permissions=["change"])
def approve_providers(modeladmin, request, queryset):
    for provider in queryset:
        provider_approve(provider=provider)
        modeladmin.log_change(request, provider, [{"changed": {"fields": ["status"]}}])
    modeladmin.message_user(
        request,
        ngettext("%(count)d provider approved.", "%(count)d providers approved.", len(queryset))
        % {"count": len(queryset)},
        messages.SUCCESS,
    )


@admin.action(description=_("Reject selected providers"), permissions=["change"])
def reject_providers(modeladmin, request, queryset):
    for provider in queryset:
        provider_reject(provider=provider)
        modeladmin.log_change(request, provider, [{"changed": {"fields": ["status"]}}])
    modeladmin.message_user(request, _("Rejected."), messages.SUCCESS)


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
