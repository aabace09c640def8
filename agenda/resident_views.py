"""Mijn Week 3 and the favourites: a resident's own pages, without an account.

None of these is cached: they show one visitor's reservations or favourites.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from agenda import feeds, ratelimit
from agenda.favourites import (
    favourite_activities,
    favourite_ids,
    remember,
    with_favourite,
)
from agenda.forms import MyWeek3Form
from agenda.models import Activity, Edition
from agenda.services.my_week3 import my_week3_link_request, my_week3_reservations


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@sensitive_post_parameters("email")
def my_week3_request(request):
    """Ask for the link. Known and unknown addresses get the same answer, by the same path."""
    form = MyWeek3Form(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        email = request.POST.get("email", "").strip()
        limited = ratelimit.hit_each(
            {"my-week3-ip": ratelimit.client_key(request), "my-week3-email": email},
            settings.MY_WEEK3_RATE_LIMIT,
        )
        if limited:
            form.add_error(
                None,
                _("You asked for a link many times in a short while. Try again in an hour."),
            )
            status = 429
        elif form.is_valid():
            my_week3_link_request(email=form.cleaned_data["email"], language=get_language())
            return redirect(reverse("agenda:my_week3_request") + "?verstuurd=1")
        else:
            status = 400
    return render(
        request,
        "agenda/my_week3_request.html",
        {
            "form": form,
            "sent": "verstuurd" in request.GET,
            "days": settings.MY_WEEK3_LINK_DAYS,
        },
        status=status,
    )


def _reservations_or_404(token):
    reservations = my_week3_reservations(token)
    return None if reservations is None else list(reservations)


@never_cache
@require_safe
def my_week3(request, token):
    reservations = _reservations_or_404(token)
    if reservations is None:
        return render(
            request,
            "agenda/my_week3_request.html",
            {"form": MyWeek3Form(), "expired": True, "days": settings.MY_WEEK3_LINK_DAYS},
            status=404,
        )
    now = timezone.now()
    current = [r for r in reservations if r.is_active and r.session.ends_at > now]
    return render(
        request,
        "agenda/my_week3.html",
        {
            "token": token,
            "current": current,
            "others": [r for r in reservations if r not in current],
        },
    )


@never_cache
@require_safe
def my_week3_calendar(request, token):
    reservations = _reservations_or_404(token)
    if reservations is None:
        return HttpResponse(status=404)
    body = feeds.reservations_calendar(reservations)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def _same_site(request) -> bool:
    """The "save" buttons sit on cached public pages, which carry no CSRF token; instead the
    browser must say the post comes from this site (Origin, or Sec-Fetch-Site)."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("Origin")
    if origin in (None, "null"):
        return origin is None
    return urlsplit(origin).netloc == request.get_host()


@csrf_exempt
@require_POST
def favourite_save(request):
    """Save (or with `remove`, drop) an activity in the visitor's favourites cookie, then show
    the favourites page. Works without JavaScript: a plain form on the activity page."""
    if not _same_site(request):
        return HttpResponseForbidden()
    edition = Edition.objects.current_or_404()
    activity = get_object_or_404(
        Activity.objects.public().in_edition(edition), slug=request.POST.get("activity", "")
    )
    keep = "remove" not in request.POST
    ids = with_favourite(favourite_ids(request), activity.pk, keep=keep)
    response = redirect(
        reverse("agenda:favourites") + ("?bewaard=" if keep else "?weg=") + activity.slug
    )
    remember(response, ids, secure=request.is_secure())
    return response


@never_cache
@require_safe
def favourites(request):
    edition = Edition.objects.current_or_404()
    activities = favourite_activities(favourite_ids(request), edition)
    slug = request.GET.get("bewaard") or request.GET.get("weg") or ""
    changed = next((a for a in activities if a.slug == slug), None)
    removed = None
    if "weg" in request.GET:
        removed = Activity.objects.public().in_edition(edition).filter(slug=slug).first()
    return render(
        request,
        "agenda/favourites.html",
        {
            "edition": edition,
            "activities": activities,
            "just_saved": changed if "bewaard" in request.GET else None,
            "just_removed": removed,
        },
    )


@never_cache
@require_safe
def favourites_calendar(request):
    edition = Edition.objects.current_or_404()
    activities = favourite_activities(favourite_ids(request), edition)
    body = feeds.favourites_calendar(activities, edition)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="week3-programma.ics"'
    return response
