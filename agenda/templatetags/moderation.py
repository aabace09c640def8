"""Counts of the moderation queues for the admin's index page."""

from django import template

from agenda.models import Activity
from providers.models import Provider, ProviderRevision

register = template.Library()


@register.simple_tag(takes_context=True)
def moderation_queues(context) -> list[dict]:
    """Each queue the user may see, with how many items wait in it."""
    user = context["request"].user
    queues = []
    if user.has_perm("agenda.view_submittedactivity"):
        queues.append(
            {
                "url": "admin:agenda_submittedactivity_changelist",
                "count": Activity.objects.awaiting_moderation().count(),
                "kind": "activities",
            }
        )
    if user.has_perm("providers.view_pendingprovider"):
        queues.append(
            {
                "url": "admin:providers_pendingprovider_changelist",
                "count": Provider.objects.filter(status=Provider.Status.PENDING).count(),
                "kind": "providers",
            }
        )
    if user.has_perm("providers.view_providerrevision"):
        queues.append(
            {
                "url": "admin:providers_providerrevision_changelist",
                "count": ProviderRevision.objects.open().count(),
                "kind": "profiles",
            }
        )
    return queues
