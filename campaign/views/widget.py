"""The embeddable widgets: small pages other sites put in an iframe.

They are the only pages any site may frame (CSP `frame-ancestors *`, no X-Frame-Options);
every other page keeps `DENY` and `frame-ancestors 'none'`. They load the site's own small
stylesheet and nothing else, and every link opens the agenda in a new tab through a tracked
link of channel "website". Cached like the agenda's pages (agenda.caching): rendered once per
content version and language, free places filled in when served.
"""

import datetime
from functools import wraps

from csp.decorators import csp_replace
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from agenda.caching import cache_public_page
from agenda.compression import do_not_keep
from agenda.filters import AgendaFilter
from agenda.fingerprint import PAGE_TIMEOUT
from agenda.models import Activity, Edition
from campaign import widgets
from providers.models import Provider


def frameable(view):
    """Any site may show this view's pages in a frame, whatever they answer (a 404 too)."""

    @wraps(view)
    @xframe_options_exempt
    @csp_replace({"frame-ancestors": ["*"]})
    def wrapper(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return wrapper


def friendly_not_found(view):
    """A 404 in the widget's own small page (framed, it cannot show the site's)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return render(request, "campaign/widget_not_found.html", status=404)

    return wrapper


def _sessions_shown(activities):
    for activity in activities:
        sessions = activity.matching_sessions
        activity.shown_sessions = sessions[: widgets.SHOWN_SESSIONS]
        activity.more_sessions = max(len(sessions) - widgets.SHOWN_SESSIONS, 0)
    return activities


def _linked(activities, links):
    for activity in activities:
        activity.widget_link = links[activity.pk]
    return _sessions_shown(activities)


def _all_href(link, query):
    """The tracked link to the whole selection, or the plain agenda when it has none."""
    if link is not None:
        return link.get_absolute_url()
    url = reverse("agenda:activity_list")
    return f"{url}?{query}" if query else url


@require_safe
@frameable
@cache_public_page
@friendly_not_found
def widget_provider(request, slug):
    """A provider's approved activities in the current edition with their next sessions."""
    edition = Edition.objects.current_or_404()
    provider = get_object_or_404(Provider.objects.approved(), slug=slug)
    activities = widgets.provider_activities(provider, edition)
    links = widgets.provider_links(provider, edition, activities)
    return render(
        request,
        "campaign/widget_provider.html",
        {
            "provider": provider,
            "activities": _linked(activities, links),
            "all_href": links[None].get_absolute_url(),
            "show_provider": False,
        },
    )


@require_safe
@frameable
@cache_public_page
@friendly_not_found
def widget_page(request, slug):
    """What a campaign page lists: its picked activities, then its agenda selection."""
    edition = Edition.objects.current_or_404()
    page = widgets.published_page(edition, slug)
    if page is None:
        raise Http404("No such campaign page")
    if page.publish_until and page.publish_until - timezone.now() < datetime.timedelta(
        seconds=PAGE_TIMEOUT
    ):
        do_not_keep(request)  # it goes offline sooner than a kept page would notice
    activities = widgets.page_activities(page, edition)
    links = widgets.city_links(edition, activities, page=page)
    return render(
        request,
        "campaign/widget_page.html",
        {
            "page": page,
            "activities": _linked(activities, links),
            "all_href": links[None].get_absolute_url(),
            "show_provider": True,
        },
    )


@require_safe
@frameable
@cache_public_page(query_params=list(AgendaFilter.base_filters))
@friendly_not_found
def widget_agenda(request):
    """The agenda with the filters in the address, as the agenda itself reads them."""
    edition = Edition.objects.current_or_404()
    activities = Activity.objects.public().in_edition(edition)
    filterset = AgendaFilter(request.GET, queryset=activities, edition=edition)
    query = filterset.canonical_query().urlencode()
    if filterset.ignored_filters() or query != request.GET.urlencode():
        do_not_keep(request)  # junk in the address makes no cache entry
    shown, total = widgets.agenda_activities(filterset)
    links = widgets.city_links(edition, shown, agenda_query=query)
    return render(
        request,
        "campaign/widget_agenda.html",
        {
            "activities": _linked(shown, links),
            "total": total,
            "all_href": _all_href(links[None], query),
            "active_filters": filterset.active_filters(),
            "show_provider": True,
        },
    )
