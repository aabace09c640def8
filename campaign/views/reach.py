"""Reach in the portal (/portaal/bereik/): what the provider's own links brought, its channels,
"how did you hear about Week 3" for its activities, and its figures beside the average
provider's. Small counts show as "< 5" (campaign.reach, campaign.suppression)."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from agenda.models import Edition
from campaign.reach import MIN_PROVIDERS_FOR_AVERAGE, provider_reach


def provider_view(view):
    """Logged in, acting for a provider, never cached (as portal.views.base.portal_view)."""

    @wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.provider_id:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@provider_view
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
