"""The published agenda as open data for the JSON endpoint: public fields only."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from agenda.filters import AgendaFilter
from agenda.models import Activity
from providers.models import Discipline

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
LICENCE = "CC0-1.0"


def page_size_from(raw) -> int:
    """A page size from the query string; anything that makes no sense gives the default."""
    try:
        size = int(raw)
    except (TypeError, ValueError):
        return DEFAULT_PAGE_SIZE
    return min(max(size, 1), MAX_PAGE_SIZE)


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _urls(name: str, **kwargs) -> dict[str, str]:
    urls = {}
    for code, _label in settings.LANGUAGES:
        with override(code):
            urls[code] = _absolute(reverse(name, kwargs=kwargs))
    return urls


def _names(item) -> dict[str, str]:
    return {"nl": item.name, "en": item.name_en or item.name, "de": item.name_de or item.name}


def _taxonomy(items) -> list[dict]:
    return [{"slug": item.slug, "name": _names(item)} for item in items]


def venue_data(venue) -> dict:
    return {
        "id": venue.pk,
        "name": venue.name,
        "street": venue.street,
        "postcode": venue.postcode_display,
        "city": venue.city,
        "district": {"slug": venue.district.slug, "name": venue.district.name},
        "latitude": float(venue.latitude) if venue.latitude is not None else None,
        "longitude": float(venue.longitude) if venue.longitude is not None else None,
        "wheelchair_accessible": venue.wheelchair_accessible,
        "accessible_toilet": venue.accessible_toilet,
        "hearing_loop": venue.hearing_loop,
        "accessibility_notes": venue.accessibility_notes,
    }


def provider_data(provider) -> dict:
    # Contact person and contact e-mail are for the municipality only: never listed here.
    return {
        "slug": provider.slug,
        "name": provider.name,
        "kind": provider.kind,
        "description": provider.description,
        "website": provider.website,
        "facebook": provider.facebook,
        "instagram": provider.instagram,
        "other_link": provider.other_link,
        "email": provider.public_email,
        "phone": provider.public_phone,
        "url": _urls("agenda:provider_detail", slug=provider.slug),
    }


def session_data(session, activity) -> dict:
    return {
        "id": session.pk,
        "starts_at": timezone.localtime(session.starts_at).isoformat(),
        "ends_at": timezone.localtime(session.ends_at).isoformat(),
        "is_cancelled": session.is_cancelled,
        "capacity": session.capacity,
        "spots_left": session.spots_left,
        "venue": venue_data(session.venue),
        "ical": _absolute(
            reverse("agenda:session_ics", kwargs={"slug": activity.slug, "session_pk": session.pk})
        ),
    }


def activity_data(activity) -> dict:
    return {
        "id": activity.pk,
        "slug": activity.slug,
        "title": activity.title,
        "description": activity.description,
        # The provider's own English and German title and summary (issue 14), "" when none.
        "translations": {
            language: {
                "title": getattr(activity, f"title_{language}"),
                "summary": getattr(activity, f"summary_{language}"),
            }
            for language in ("en", "de")
        },
        "url": _urls("agenda:activity_detail", slug=activity.slug),
        "image": _absolute(activity.image.url) if activity.image else None,
        "image_alt": activity.image_alt,
        "min_age": activity.min_age,
        "max_age": activity.max_age,
        "registration": activity.registration,
        "no_dutch_needed": activity.no_dutch_needed,
        "what_to_bring": activity.what_to_bring,
        "follow_up": activity.follow_up,
        "disciplines": _taxonomy(activity.disciplines.all()),
        "audiences": _taxonomy(activity.audiences.all()),
        "languages": [language.code for language in activity.languages.all()],
        "provider": provider_data(activity.provider),
        "sessions": [session_data(session, activity) for session in activity.feed_sessions],
    }


def agenda_page(request, edition) -> dict:
    """One page of the filtered agenda, with links to the neighbouring pages."""
    activities = Activity.objects.public().in_edition(edition).select_related("provider")
    # Open data is a record of the edition, like the calendar feeds: ended sessions stay.
    filterset = AgendaFilter(request.GET, queryset=activities, edition=edition, include_past=True)
    sessions = filterset.matching_sessions(include_cancelled=True).select_related("venue__district")
    results = filterset.qs.prefetch_related(
        Prefetch(
            "sessions", queryset=sessions.order_by("starts_at", "pk"), to_attr="feed_sessions"
        ),
        Prefetch("disciplines", queryset=Discipline.objects.order_by("position", "name")),
        "audiences",
        "languages",
    )
    size = page_size_from(request.GET.get("page_size"))
    page = Paginator(results, size).get_page(request.GET.get("page"))

    def link(number):
        query = request.GET.copy()
        query["page"] = str(number)
        query["page_size"] = str(size)
        return _absolute(f"{request.path}?{query.urlencode()}")

    return {
        "licence": LICENCE,
        "edition": {
            "year": edition.year,
            "starts_on": edition.starts_on.isoformat(),
            "ends_on": edition.ends_on.isoformat(),
        },
        "ignored_filters": sorted(filterset.form.errors),
        "count": page.paginator.count,
        "page": page.number,
        "page_size": size,
        "next": link(page.next_page_number()) if page.has_next() else None,
        "previous": link(page.previous_page_number()) if page.has_previous() else None,
        "results": [activity_data(activity) for activity in page.object_list],
    }
