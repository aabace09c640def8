"""Reach in the portal (/portaal/bereik/): what the provider's own links brought, its channels,
"how did you hear about Week 3" for its activities, and its figures beside the average
provider's. Small counts show as "< 5" (campaign.reach, campaign.suppression)."""

from django.http import Http404
from django.shortcuts import render

from agenda.models import Edition
from campaign.reach import MIN_PROVIDERS_FOR_AVERAGE, provider_reach
from providers.access import provider_required


@provider_required
def reach(request):
    edition = Edition.objects.for_portal()
    if edition is None:
        raise Http404("No edition yet")
    provider = request.user.provider
    return render(
        request,
        "campaign/portal_reach.html",
        {
            "provider": provider,
            "edition": edition,
            "min_providers": MIN_PROVIDERS_FOR_AVERAGE,
            **provider_reach(edition, provider),
        },
    )
