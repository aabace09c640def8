"""What the kit says about an activity, a provider or a campaign page, in one language: the
single source for the images, the poster, the flyer and the texts."""

import dataclasses
import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, override

from agenda.formatting import age_range, day_month, day_month_year, session_when

# Sessions named one by one on the poster and in the texts; more become "and N more times".
SHOWN_SESSIONS = 4


@dataclasses.dataclass(frozen=True)
class KitContent:
    language: str
    title: str
    provider: str
    when: tuple[str, ...]  # one line per session (or the week's dates), at most SHOWN_SESSIONS
    more: str  # "and 2 more times", or empty
    where: str
    ages: str
    summary: str
    url: str  # the absolute address the QR code and the texts carry
    walk_in: bool = False

    @property
    def short_url(self) -> str:
        """The address as it reads on paper: no scheme, no trailing slash."""
        parts = urlsplit(self.url)
        return f"{parts.netloc}{parts.path}".rstrip("/")

    @property
    def first_when(self) -> str:
        return self.when[0] if self.when else ""

    def version(self) -> str:
        """Changes exactly when something the kit shows changes."""
        text = repr(dataclasses.astuple(self))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _sessions(activity) -> list:
    """The times still to come (all times once the week is over), cancelled ones left out."""
    sessions = [s for s in activity.sessions.all() if not s.is_cancelled]
    sessions.sort(key=lambda s: s.starts_at)
    now = timezone.now()
    upcoming = [s for s in sessions if s.ends_at > now]
    return upcoming or sessions


def _week(edition) -> str:
    return f"Week 3 · {day_month(edition.starts_on)} – {day_month_year(edition.ends_on)}"


def for_activity(activity, link, language: str) -> KitContent:
    """`activity` with its sessions (and their venues) and provider; `link` the tracked link."""
    with override(language):
        sessions = _sessions(activity)
        extra = len(sessions) - SHOWN_SESSIONS
        venues = {(s.venue.name, s.venue.district.name) for s in sessions}
        where = ", ".join(next(iter(venues))) if len(venues) == 1 else _("Several places")
        return KitContent(
            language=language,
            title=activity.local_title,
            provider=activity.provider.name,
            when=tuple(session_when(s) for s in sessions[:SHOWN_SESSIONS])
            or (_week(activity.edition),),
            more=ngettext("and %(count)s more time", "and %(count)s more times", extra)
            % {"count": extra}
            if extra > 0
            else "",
            where=where if venues else "",
            ages=age_range(activity),
            summary=activity.local_summary,
            url=absolute_url(link.get_absolute_url()),
            walk_in=activity.is_walk_in,
        )


def for_provider(provider, edition, link, language: str) -> KitContent:
    with override(language):
        return KitContent(
            language=language,
            title=provider.name,
            provider=_("Open doors: try something new, for free"),
            when=(_week(edition),),
            more="",
            where="",
            ages="",
            summary="",
            url=absolute_url(link.get_absolute_url()),
        )


def for_page(page, language: str) -> KitContent:
    """A campaign page's sharing preview: shown beside the page's own address, which it
    carries (no tracked link: a share of the page is counted nowhere)."""
    with override(language):
        return KitContent(
            language=language,
            title=page.localized_title,
            provider=_("Try something new, for free"),
            when=(_week(page.edition),),
            more="",
            where="",
            ages="",
            summary="",
            url=absolute_url(page.get_absolute_url()),
        )
