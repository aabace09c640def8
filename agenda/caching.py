"""Whole-page caching of the public pages: rendered once per version, served compressed.

A page is rendered once for everyone who asks for the same address while nothing it shows
changes: its key holds the content fingerprint (agenda.fingerprint), how many sessions have
ended (pages leave them out), and the address: the language and only the query
parameters the page reads (`query_params`), normalised. Any other parameter (a typo,
`utm_source`, junk to flood the cache) makes no entry of its own, and the view sees the same
normalised query, so what it renders from the query string is exactly what the key says.

Free places are not rendered into the page. Where a session's places show, the page carries
a marker; when it is served, the markers are filled from agenda.rooms, and the filled,
gzip-compressed page is kept under the page's key plus a signature of the places it shows. A
booking therefore re-renders nothing: only pages that show that session are filled again
(cheap), and every other page is served as it was. A page whose very list depends on free
places (the "free spots" filter) also keys on which sessions have any.

When many ask at once for a page not in the cache, one renders it and the others wait for it.
"""

import logging
import re
from functools import wraps

from django.core.cache import cache
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from agenda import markup
from agenda.compression import JUNK_TIMEOUT, cached_response, do_not_keep, kept, single_flight
from agenda.fingerprint import PAGE_TIMEOUT, address_digest, page_version
from agenda.formatting import session_short, spots_status
from agenda.near_cache import near_cache
from agenda.rooms import FREE_SPOTS_PARAM, Rooms, rooms

logger = logging.getLogger(__name__)

# A query whose order depends on every session's places (see AgendaFilter.sorteer).
SORT_PARAM, SORT_BY_PLACES = "sorteer", "plekken"
# `<!--w3a 12 spots-->`, `<!--w3a 12 reserve-->` in HTML; `{"w3a": 12}` in JSON-LD. Visitors'
# text cannot contain either: it is escaped in HTML and quoted in JSON.
_MARKER = re.compile(r'<!--w3a (\d+) (spots|reserve)-->|\{"w3a": (\d+)\}')


def normalised_query(query: QueryDict, names) -> QueryDict:
    """Only the parameters in `names`, sorted by name, each one's values sorted and without
    repeats, without leading, trailing or repeated white space. (The filters treat repeated
    values as "any of", so their order says nothing.)"""
    if not query:
        return QueryDict()  # most addresses: a feed or page without a query, revalidated
    normalised = QueryDict(mutable=True)
    for name in sorted(set(names)):
        values = sorted({" ".join(value.split()) for value in query.getlist(name)} - {""})
        if values:
            normalised.setlist(name, values)
    normalised._mutable = False
    return normalised


def use_query(request, query: QueryDict) -> None:
    """From here on the request has `query` for its query string: the view reads only what
    the cache keys on. What was asked stays in `request.asked_query`."""
    request.asked_query = getattr(request, "asked_query", request.GET)
    request.GET = query
    request.META["QUERY_STRING"] = query.urlencode()


def render_room(session, part: str) -> str:
    """What a page shows of a session's places: "spots" (the label, never by colour alone),
    "reserve" (the button, while it takes reservations), or "ld" (schema.org availability,
    JSON). Python, not a template: a page of cards fills in dozens of these."""
    if part == "ld":
        state = "SoldOut" if session.is_full else "InStock"
        return f'"https://schema.org/{state}"'
    if part == "spots":
        status = spots_status(session)
        return markup.html(
            '<span class="spots spots-{}">{}</span>', status["kind"], status["label"]
        )
    if session.pk is None or not session.takes_reservations:
        return ""
    full = session.is_full
    url = reverse(
        "agenda:reservation_create",
        kwargs={"slug": session.activity.slug, "session_pk": session.pk},
    )
    return markup.html(
        '<a class="button{} reserve-link" href="{}">{}'
        '<span class="visually-hidden">: {}</span></a>',
        " button-secondary" if full else "",
        url,
        _("Full – join the waiting list") if full else _("Reserve for free"),
        session_short(session),
    )


def room_marker(request, session, part: str) -> str | None:
    """A marker instead of the places, when the page is rendered for the cache; else None."""
    shown = getattr(request, "_rooms_shown", None)
    if shown is None or session.pk is None:
        return None
    shown.add(session.pk)
    return f'{{"w3a": {session.pk}}}' if part == "ld" else f"<!--w3a {session.pk} {part}-->"


def _fill(html: str, current: Rooms) -> str:
    filled = {}

    def fill(match):
        pk = int(match.group(1) or match.group(3))
        part = match.group(2) or "ld"
        if (pk, part) not in filled:
            session = current.session(pk)
            # Gone from the agenda since the page was rendered (the page goes within a second).
            empty = "null" if part == "ld" else ""
            filled[pk, part] = empty if session is None else render_room(session, part)
        return filled[pk, part]

    return _MARKER.sub(fill, html)


def _rooms(request) -> Rooms:
    """The places as this request sees them: read once per request at the most."""
    if not hasattr(request, "_rooms"):
        request._rooms = rooms()
    return request._rooms


def _render(view, request, args, kwargs, base):
    """Render for the cache, one request at a time: (response, index, html), or None when
    another request rendered it meanwhile. A page not to keep (an error, a redirect, a query
    the view called `do_not_keep` for) comes back with index None."""
    lock = f"{base}:lock"
    if not single_flight(lock, lambda: cache.get(f"{base}:index") is not None):
        return None
    try:
        request._rooms_shown = set()
        response = view(request, *args, **kwargs)
        if response.status_code != 200 or response.streaming:
            return response, None, None
        html = response.content.decode(response.charset)
        keep = kept(request)
        index = (response["Content-Type"], tuple(sorted(request._rooms_shown)), keep)
        # A page for junk in the address stays only moments: enough for identical requests
        # arriving together to share this rendering, never an entry that lasts.
        timeout = PAGE_TIMEOUT if keep else JUNK_TIMEOUT
        cache.set_many({f"{base}:html": html, f"{base}:index": index}, timeout)
        logger.debug("rendered %s%s", request.path, "" if keep else " (not kept)")
        return response, index, html
    finally:
        cache.delete(lock)
        del request._rooms_shown  # a page rendered again without the cache shows the places


class _Lost(Exception):
    """The cache lost a page's HTML (evicted) between its index and its filled copy."""


def _serve(view, request, args, kwargs, base):
    """The page from the cache, rendered first if need be; None when the cache lost a part of
    it on the way (evicted, or a shared cache gone), to try again."""
    index, html = near_cache.get(f"{base}:index"), None
    if index is None:
        rendered = _render(view, request, args, kwargs, base)
        if rendered is None:
            return None
        response, index, html = rendered
        if index is None:
            return response
    content_type, shown, keep = index
    if not keep:
        do_not_keep(request)  # its filled, compressed copy is not kept either
        near_cache.forget(f"{base}:index")
    current = _rooms(request) if shown else None

    def fill():
        page = html if html is not None else cache.get(f"{base}:html")
        if page is None:
            raise _Lost
        return (_fill(page, current) if shown else page).encode()

    try:
        signature = current.signature(shown) if shown else "-"
        return cached_response(request, f"{base}:{signature}", fill, content_type)
    except _Lost:
        cache.delete(f"{base}:index")
        near_cache.forget(f"{base}:index")
        return None


def cache_public_page(view=None, *, query_params=()):
    """Serve a public GET page from the cache when nothing it shows has changed.

    Only anonymous-looking pages use this: they contain no CSRF token, no messages and nothing
    about the visitor, so one rendering serves everybody who asks for the same address.
    `query_params` names the query parameters the page reads; the view gets only those.
    Use as `@cache_public_page` or `@cache_public_page(query_params=[...])`.
    """
    if view is None:
        return lambda view: cache_public_page(view, query_params=query_params)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        use_query(request, normalised_query(request.GET, query_params))
        base = f"page:{page_version()}:{address_digest(request)}"
        if FREE_SPOTS_PARAM in request.GET:
            base += f":{_rooms(request).free_fingerprint}"
        if request.GET.get(SORT_PARAM) == SORT_BY_PLACES:
            base += f":{_rooms(request).fingerprint}"
        for _attempt in range(3):
            response = _serve(view, request, args, kwargs, base)
            if response is not None:
                return response
        # The cache keeps losing what it was given: answer without it.
        return view(request, *args, **kwargs)

    return wrapper
