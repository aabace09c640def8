"""A provider's own tracked links in the portal (/portaal/links/): list, make, rename, remove.

Every screen reads through `TrackedLink.objects.visible_to(user)`: another provider's link is
a 404, GET and POST alike.
"""

from django.conf import settings
from django.contrib import messages
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from agenda.models import Edition
from campaign import suppression
from campaign.forms import LinkCreateForm, LinkLabelForm
from campaign.models import TrackedLink
from campaign.services.link_changes import tracked_link_delete, tracked_link_update
from campaign.services.links import tracked_link_create
from providers.access import provider_required


def _own_link(request, pk) -> TrackedLink:
    # The kit's own links are on posters already: they are not renamed or removed here.
    links = TrackedLink.objects.visible_to(request.user).filter(
        provider_id=request.user.provider_id, standing=False
    )
    return get_object_or_404(links.select_related("activity", "target_provider", "page"), pk=pk)


@provider_required
def link_list(request):
    links = (
        TrackedLink.objects.visible_to(request.user)
        .filter(provider_id=request.user.provider_id)
        .select_related("activity", "target_provider", "page")
        .annotate(visits=Coalesce(Sum("visit_days__visits"), 0))
        .order_by("-created_at", "pk")
    )
    for link in links:
        link.visits_shown = suppression.count(link.visits)
    return render(
        request,
        "campaign/portal/link_list.html",
        {"links": links, "site_url": settings.SITE_URL},
    )


@provider_required
def link_create(request):
    provider = request.user.provider
    edition = Edition.objects.for_portal()
    if edition is None:
        raise Http404("No edition yet")
    form = LinkCreateForm(request.POST or None, provider=provider, edition=edition)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        activity = data["activity"]
        link = tracked_link_create(
            edition=activity.edition if activity else edition,
            channel=data["channel"],
            provider=provider,
            activity=activity,
            target_provider=provider if data["target"] == "provider" else None,
            page=data.get("campaign_page"),
            agenda_query=data.get("agenda", ""),
            label=data["label"],
            created_by=request.user,
        )
        messages.success(
            request,
            _("Your link is ready: %(url)s") % {"url": settings.SITE_URL + link.get_absolute_url()},
        )
        return redirect("campaign_portal:link_list")
    return render(request, "campaign/portal/link_form.html", {"form": form, "link": None})


@provider_required
def link_edit(request, pk):
    link = _own_link(request, pk)
    form = LinkLabelForm(request.POST or None, instance=link)
    if request.method == "POST" and form.is_valid():
        tracked_link_update(
            link=link, label=form.cleaned_data["label"], channel=form.cleaned_data["channel"]
        )
        messages.success(request, _("Your link has been saved."))
        return redirect("campaign_portal:link_list")
    return render(request, "campaign/portal/link_form.html", {"form": form, "link": link})


@provider_required
def link_delete(request, pk):
    """GET asks first; only the POST with `confirm` removes the link."""
    link = _own_link(request, pk)
    if request.method == "POST" and "confirm" in request.POST:
        tracked_link_delete(link=link)
        messages.success(request, _("The link has been removed."))
        return redirect("campaign_portal:link_list")
    return render(
        request,
        "campaign/portal/link_delete.html",
        {"link": link, "short_url": settings.SITE_URL + link.get_absolute_url()},
    )
