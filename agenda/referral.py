"""The tracked-link cookie, read and written by its one format (settings.REFERRAL_COOKIE).

A tracked link (/r/<code>, in the campaign app) leaves a small first-party cookie in the
browser: the day of the last visit through a link, that link's code, and the codes already
counted that day, e.g. `20270111.k7dm2q.k7dm2q-x4hb9p`. Nothing about the person: no
identifier, no address, no browser details. The campaign counts a visit only when its code is
not yet in today's list; a reservation made in this browser within REFERRAL_DAYS of that day
carries the last code. The agenda knows nothing about tracked links: a code is checked by its
format only.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

CODE = re.compile(r"^[a-z0-9]{4,16}$")
MAX_CODES = 20  # codes remembered per day: a cookie stays small whatever a visitor does


@dataclass
class Referral:
    day: datetime.date
    code: str
    seen: list[str] = field(default_factory=list)

    def value(self) -> str:
        return f"{self.day:%Y%m%d}.{self.code}.{'-'.join(self.seen[-MAX_CODES:])}"


def read_referral(request) -> Referral | None:
    """The cookie's content, or None when there is none or it is not in this format."""
    parts = request.COOKIES.get(settings.REFERRAL_COOKIE, "").split(".")
    if len(parts) != 3 or not CODE.match(parts[1]):
        return None
    try:
        day = datetime.datetime.strptime(parts[0], "%Y%m%d").date()
    except ValueError:
        return None
    seen = [code for code in parts[2].split("-") if CODE.match(code)][:MAX_CODES]
    return Referral(day=day, code=parts[1], seen=seen)


def referral_code(request, *, today: datetime.date | None = None) -> str:
    """The tracked link this browser came through within REFERRAL_DAYS, or ''."""
    referral = read_referral(request)
    if referral is None:
        return ""
    today = today or timezone.localdate()
    if not 0 <= (today - referral.day).days <= settings.REFERRAL_DAYS:
        return ""
    return referral.code


def remember_referral(response, referral: Referral, *, secure: bool) -> None:
    """Write the cookie for REFERRAL_DAYS: this site only, no script reads it, sent along when
    a visitor follows a link from elsewhere (SameSite=Lax)."""
    response.set_cookie(
        settings.REFERRAL_COOKIE,
        referral.value(),
        max_age=settings.REFERRAL_DAYS * 24 * 60 * 60,
        secure=secure,
        httponly=True,
        samesite="Lax",
    )
