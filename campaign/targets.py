"""Where a tracked link leads, looked up once and then remembered for a short while.

/r/<code> is the campaign's busiest address (a poster in a school, a post shared widely), and
its answer depends only on the code and the language. So each process remembers, per code,
the link's id and its target in every language for TARGET_SECONDS (a code that does not exist
too): most redirects then ask the database nothing. The price: a link changed or removed in the
admin can lead to its old target for that long in another process (this process forgets it at
once). Only the fields the target needs are read.
"""

import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation

from agenda.models import Activity, Edition
from agenda.referral import CODE
from campaign.models import CampaignPage, TrackedLink
from providers.models import Provider

TARGET_SECONDS = 30.0
MAX_CODES = 5000  # whatever is asked for, the memory stays small

_lock = threading.Lock()
_known: dict[str, tuple[float, "Target | None"]] = {}


@dataclass(frozen=True)
class Target:
    link_id: int
    code: str
    urls: dict[str, str]  # language → path, with the language's prefix


def _look_up(code: str) -> Target | None:
    link = (
        TrackedLink.objects.select_related("activity", "target_provider", "page")
        .only(
            "id",
            "code",
            "agenda_query",
            "activity__slug",
            "target_provider__slug",
            "page__slug",
        )
        .filter(code=code)
        .first()
    )
    if link is None or not _leads_somewhere(link):
        return None
    urls = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            urls[language] = link.target_url()
    return Target(link_id=link.pk, code=link.code, urls=urls)


def _leads_somewhere(link: TrackedLink) -> bool:
    """The target is on the public site now: not an activity withdrawn or of an earlier
    edition, nor a page out of its window (those get the friendly "leads nowhere" page)."""
    if link.activity_id:
        edition = Edition.objects.current()
        return Activity.objects.public().filter(pk=link.activity_id, edition=edition).exists()
    if link.target_provider_id:
        return Provider.objects.approved().filter(pk=link.target_provider_id).exists()
    if link.page_id:
        published = CampaignPage.objects.published(timezone.now())
        return published.filter(pk=link.page_id, edition=Edition.objects.current()).exists()
    return True


def link_target(code: str) -> Target | None:
    """The target of the link with this code, or None when there is no such link (or it leads
    nowhere now). Only a well-formed code is looked up, so junk costs no query and no memory."""
    code = code.strip().lower()
    if not CODE.match(code):
        return None
    now = time.monotonic()
    with _lock:
        known = _known.get(code)
    if known and now - known[0] < TARGET_SECONDS:
        return known[1]
    target = _look_up(code)
    with _lock:
        if len(_known) >= MAX_CODES:
            _known.clear()
        _known[code] = (now, target)
    return target


def forget(code: str = "") -> None:
    """Look this code (or, without one, every code) up again next time, in this process."""
    with _lock:
        if code:
            _known.pop(code, None)
        else:
            _known.clear()
