"""A visitor's shortlist of favourite activities, kept in a cookie in their own browser.

No account and nothing on the server: the cookie holds only the numbers of the activities
(`12.40.7`), newest first. The public pages are cached for everyone, so they never show it;
only the favourites page (not cached) reads it.
"""

from agenda.models import Activity
from providers.validators import small_number

COOKIE = "week3_favorieten"
MAX_FAVOURITES = 60
MAX_AGE = 180 * 24 * 60 * 60  # half a year: past the week, and the next edition's planning


def favourite_ids(request) -> list[int]:
    """The numbers in the visitor's cookie; anything else in it is ignored."""
    ids = []
    for part in request.COOKIES.get(COOKIE, "").split("."):
        number = small_number(part)
        if number is not None and number not in ids:
            ids.append(number)
    return ids[:MAX_FAVOURITES]


def with_favourite(ids: list[int], pk: int, *, keep: bool) -> list[int]:
    ids = [other for other in ids if other != pk]
    return ([pk, *ids] if keep else ids)[:MAX_FAVOURITES]


def remember(response, ids: list[int], *, secure: bool) -> None:
    """Write the list into the cookie (or remove it when empty). SameSite=Lax, HttpOnly: no
    other site and no script reads it."""
    if not ids:
        response.delete_cookie(COOKIE, samesite="Lax")
        return
    response.set_cookie(
        COOKIE,
        ".".join(map(str, ids)),
        max_age=MAX_AGE,
        secure=secure,
        httponly=True,
        samesite="Lax",
    )


def favourite_activities(ids: list[int], edition):
    """The public activities of this edition among `ids`, in the cookie's order."""
    activities = {
        activity.pk: activity
        for activity in Activity.objects.public()
        .in_edition(edition)
        .filter(pk__in=ids)
        .select_related("provider")
        .prefetch_related("sessions__venue__district", "audiences")
    }
    return [activities[pk] for pk in ids if pk in activities]
