"""The public pages: home, the agenda with its filters, an activity and a provider."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from agenda import facets
from agenda.caching import cache_public_page
from agenda.card_fields import CARD_FIELDS, CARD_SESSION_FIELDS
from agenda.compression import do_not_keep
from agenda.filters import SORT_BY_TIME, AgendaFilter
from agenda.models import Activity, Edition, Session
from agenda.models.activities import WELCOME
from providers.models import Provider
from providers.validators import small_number

# How many activities in their language (or needing no Dutch) /de/ and /en/ lead with.
WELCOMING_ON_HOME = 6
# What the agenda page reads from its query string (see cache_public_page).
AGENDA_QUERY_PARAMS = [*AgendaFilter.base_filters, "page"]
# The filters that choose sessions, not activities: on an activity page reached from a
# filtered agenda, the sessions they match come first and are marked.
SESSION_FILTERS = ("dag", "wijk", "rolstoel", "plek")


def agenda_query(filterset, page_number=None) -> str:
    """The agenda's filters as the agenda page itself spells them (and its page, past the
    first): what the cards pass on to the activity page, so its back link returns to exactly
    this agenda."""
    query = filterset.canonical_query().copy()
    if page_number and int(page_number) > 1:
        query["page"] = str(page_number)
    return query.urlencode()


def _sessions_prefetch(queryset=None, to_attr=None):
    queryset = Session.objects.all() if queryset is None else queryset
    return Prefetch(
        "sessions", queryset=queryset.select_related("venue__district"), to_attr=to_attr
    )


@require_safe
@cache_public_page
def home(request):
    edition = Edition.objects.current()
    context = {"edition": edition}
    if edition is not None:
        public = Activity.objects.public().in_edition(edition)
        provider_ids = public.values("provider_id")
        context.update(
            activity_count=public.count(),
            provider_count=Provider.objects.filter(pk__in=provider_ids).count(),
            # Ordered explicitly: an aggregate query leaves Meta.ordering out.
            audiences=facets.audiences_with_counts(public),
            days=edition.days,
            welcoming=_welcoming(public),
        )
    return render(request, "agenda/home.html", context)


def _welcoming(public):
    """On /de/ and /en/: activities given in that language or needing no Dutch, as cards."""
    language = (get_language() or "nl")[:2]
    if language not in WELCOME:
        return None
    upcoming = Session.objects.active().not_ended()
    activities = (
        public.welcoming(language)
        .filter(Exists(upcoming.filter(activity=OuterRef("pk"))))
        .select_related("provider")
        .only(*CARD_FIELDS, "provider__name", "provider__slug")
        .with_welcome()
        .prefetch_related(
            _sessions_prefetch(upcoming.only(*CARD_SESSION_FIELDS), to_attr="matching_sessions"),
            "audiences",
        )
        .order_by("title")
    )
    return {"language": language, "activities": list(activities[:WELCOMING_ON_HOME])}


@require_safe
@cache_public_page(query_params=AGENDA_QUERY_PARAMS)
def agenda(request):
    edition = Edition.objects.current_or_404()
    # What a card shows, no more: the results are sorted before the page is cut from them.
    activities = (
        Activity.objects.public()
        .in_edition(edition)
        .select_related("provider")
        .only(*CARD_FIELDS, "provider__name", "provider__slug")
        .with_welcome()
    )
    filterset = AgendaFilter(request.GET, queryset=activities, edition=edition)
    results = filterset.qs.prefetch_related(
        _sessions_prefetch(
            filterset.matching_sessions().only(*CARD_SESSION_FIELDS), to_attr="matching_sessions"
        ),
        "audiences",
    )
    requested_page = request.GET.get("page")
    total, counts = facets.option_counts(filterset)
    paginator = Paginator(results, settings.AGENDA_PAGE_SIZE)
    paginator.count = total  # counted with the options: no query of its own
    page = paginator.get_page(requested_page)
    page_query = request.GET.copy()
    page_query.pop("page", None)
    ignored_filters = filterset.ignored_filters()
    active_filters = filterset.active_filters()
    relaxations = (
        facets.relaxations(filterset, counts) if active_filters and not page.paginator.count else []
    )
    feed_query = filterset.canonical_query().copy()
    sort = feed_query.pop("sorteer", [SORT_BY_TIME])[-1]
    sort_links = []
    for value, label in filterset.form.fields["sorteer"].choices:
        query = feed_query.copy()
        if value != SORT_BY_TIME:
            query["sorteer"] = value
        sort_links.append({"label": label, "query": query.urlencode(), "current": value == sort})
    page_missing = requested_page not in (None, "", str(page.number))
    if (
        ignored_filters
        or page_missing
        or page_query.urlencode() != filterset.canonical_query().urlencode()
    ):
        do_not_keep(request)  # junk in the address makes no cache entry
    return render(
        request,
        "agenda/activity_list.html",
        {
            "edition": edition,
            "filter": filterset,
            "page": page,
            "active_filters": active_filters,
            "ignored_filters": ignored_filters,
            "counts": counts,
            "relaxations": relaxations,
            "shortcuts": facets.day_shortcuts(edition),
            "feed_query": feed_query.urlencode(),
            "sort_links": sort_links,
            "page_missing": page_missing,
            "page_query": page_query.urlencode(),
            "card_query": agenda_query(filterset, page.number),
        },
    )


@require_safe
@cache_public_page(query_params=AGENDA_QUERY_PARAMS)
def activity_detail(request, slug):
    """An activity with all its sessions. Reached from a filtered agenda (the cards pass its
    filters on), the back link returns to that agenda, and the sessions its day, district,
    access and free-spots filters match come first, marked."""
    edition = Edition.objects.current_or_404()
    activity = get_object_or_404(
        Activity.objects.public()
        .in_edition(edition)
        .select_related("provider", "edition")
        .prefetch_related(_sessions_prefetch(), "audiences", "disciplines", "languages"),
        slug=slug,
    )
    sessions = list(activity.sessions.all())
    back_query, matching = "", set()
    if request.GET:
        filterset = AgendaFilter(request.GET, queryset=Activity.objects.none(), edition=edition)
        page = request.GET.get("page", "")
        back_query = agenda_query(filterset, small_number(page))
        if back_query != request.GET.urlencode():
            do_not_keep(request)  # junk in the address makes no cache entry
        if any(name in filterset.canonical_query() for name in SESSION_FILTERS):
            matching = set(
                filterset.matching_sessions().filter(activity=activity).values_list("pk", flat=True)
            )
            # Stable: within each group the sessions stay in date order.
            sessions.sort(key=lambda session: session.pk not in matching)
    return render(
        request,
        "agenda/activity_detail.html",
        {
            "edition": edition,
            "activity": activity,
            "sessions": sessions,
            "matching": matching,
            "back_query": back_query,
        },
    )


@require_safe
@cache_public_page
def provider_detail(request, slug):
    edition = Edition.objects.current_or_404()
    provider = get_object_or_404(
        Provider.objects.approved().select_related("home_district").prefetch_related("disciplines"),
        slug=slug,
    )
    activities = Activity.objects.public().in_edition(edition).on_provider_page(provider)
    return render(
        request,
        "agenda/provider_detail.html",
        {"edition": edition, "provider": provider, "activities": activities},
    )
