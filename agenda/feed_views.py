"""Machine-readable answers: calendar feeds, a session's .ics download, open data, robots.txt."""

import json
from functools import wraps

from django.conf import settings
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_safe

from agenda import feeds
from agenda.caching import normalised_query, use_query
from agenda.compression import do_not_keep
from agenda.filters import AgendaFilter
from agenda.ical import session_ics
from agenda.models import Activity, Edition
from agenda.opendata import DEFAULT_PAGE_SIZE, agenda_page, page_size_from
from agenda.revalidation import allow_any_origin, revalidated, versioned_response
from providers.models import Provider
from providers.validators import is_plain_number

CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _public_activity(slug) -> Activity:
    edition = Edition.objects.current_or_404()
    return get_object_or_404(
        Activity.objects.public().in_edition(edition).select_related("provider"), slug=slug
    )


def canonical_filters(request, names=(), *, keep_ignored=False) -> QueryDict:
    """The agenda filters in the request that hold, spelt one way (see
    AgendaFilter.canonical_query), plus the raw `names`."""
    query = normalised_query(request.GET, [*AgendaFilter.base_filters, *names])
    filters = QueryDict(mutable=True)
    for name in AgendaFilter.base_filters:
        if name in query:
            filters.setlist(name, query.getlist(name))
    if filters:
        edition = Edition.objects.current_or_404()
        filterset = AgendaFilter(filters, queryset=Activity.objects.none(), edition=edition)
        filters = filterset.canonical_query(keep_ignored=keep_ignored).copy()
    for name in sorted(names):
        if name in query:
            filters.setlist(name, query.getlist(name))
    return filters


def with_query(canonical=None):
    """The view sees only the query `canonical(request)` makes of the address (by default no
    query at all). Feeds and open data key their bodies and ETags on it, so an unknown
    parameter or a value that is no filter costs no build and no cache entry."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            use_query(request, canonical(request) if canonical else QueryDict())
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def calendar_view(build=None, *, filename=None, query=None):
    """A calendar answer from `build(request, **kwargs)` (the iCalendar bytes): conditional GET
    (304 before anything is built), the body built once per address and content version, and
    `filename(**kwargs)` for a download. `query`: as `with_query`. Use as `@calendar_view` or
    `@calendar_view(filename=…, query=…)`.
    """
    if build is None:
        return lambda build: calendar_view(build, filename=filename, query=query)

    @require_safe
    @with_query(query)
    @revalidated
    @wraps(build)
    def view(request, **kwargs):
        response = versioned_response(request, lambda: build(request, **kwargs), CALENDAR_TYPE)
        if filename is not None:
            response["Content-Disposition"] = f'attachment; filename="{filename(**kwargs)}"'
        return response

    return view


@calendar_view(query=canonical_filters)
def agenda_feed(request):
    edition = Edition.objects.current_or_404()
    activities = Activity.objects.public().in_edition(edition)
    # Calendars keep the history: ended sessions stay in the feed.
    filterset = AgendaFilter(request.GET, queryset=activities, edition=edition, include_past=True)
    query = request.GET.urlencode()
    page_url = reverse("agenda:activity_list") + (f"?{query}" if query else "")
    return feeds.selection_calendar(filterset, page_url)


@calendar_view
def provider_feed(request, slug):
    edition = Edition.objects.current_or_404()
    provider = get_object_or_404(Provider.objects.approved(), slug=slug)
    return feeds.provider_calendar(provider, edition)


@calendar_view
def activity_feed(request, slug):
    return feeds.activity_calendar(_public_activity(slug))


@calendar_view(filename=lambda slug, session_pk: f"week3-{slug}-{session_pk}.ics")
def session_download(request, slug, session_pk):
    session = feeds.activity_session(_public_activity(slug), session_pk)
    if session is None:
        raise Http404("No such session")
    return session_ics(session)


def _open_data_query(request) -> QueryDict:
    query = canonical_filters(request, ["page", "page_size"], keep_ignored=True)
    size = page_size_from(query.get("page_size"))
    query.pop("page_size", None)
    if size != DEFAULT_PAGE_SIZE:
        query["page_size"] = str(size)
    # Canonical without int(): leading zeros go, and a page past the last is the paginator's.
    page = query.pop("page", [""])[-1].lstrip("0")
    if is_plain_number(page) and page != "1":
        query["page"] = page
    return query


@require_safe
@allow_any_origin
@with_query(_open_data_query)
@revalidated(with_rooms=True)
def open_data(request):
    def build():
        page = agenda_page(request, Edition.objects.current_or_404())
        if str(page["page"]) != request.GET.get("page", "1"):
            do_not_keep(request)  # a page beyond the last: the answer is the last page
        return json.dumps(page, ensure_ascii=False, separators=(",", ":")).encode()

    return versioned_response(request, build, "application/json", with_rooms=True)


@require_safe
def robots_txt(request):
    # The portal lives under each language's prefix too.
    portals = [f"Disallow: /{code}/portaal/" for code, _name in settings.LANGUAGES]
    lines = [
        "User-agent: *",
        "Disallow: /beheer/",
        "Disallow: /portaal/",
        *portals,
        "Allow: /",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
