"""Mijn Week 3: a resident's reservations behind one e-mailed link, without an account.

A resident asks for the link with their e-mail address. Every request takes the same path,
whether the address has reservations or not: one e-mail queued in the outbox, written when
it goes out (`write_my_week3_mail`), which sends nothing for an address without reservations.
The page answers the same either way, and nothing is sent in the request.

The link carries a signed, expiring code: the number of one of the address's reservations
(the anchor), never the address. It lists every reservation with that anchor's e-mail address.
"""

from django.conf import settings
from django.core import signing
from django.db.models import Value
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import translation

from agenda.models import Reservation
from outbox.services import WrittenMail, mail_enqueue_written_later, mail_render

SALT = "agenda.my-week3"
# The name these e-mails are queued under (week3.settings.OUTBOX_WRITERS).
MAIL_WRITER = "agenda.my_week3"


def my_week3_link_request(*, email: str, language: str) -> None:
    """Queue the e-mail with the link; the outbox decides when it goes out whether there is
    anything to send."""
    mail_enqueue_written_later(
        to=email.strip(),
        writer=MAIL_WRITER,
        params={"email": email.strip(), "language": language},
        send_now=False,
    )


def _for_address(email: str):
    return (
        Reservation.objects.exclude(email="")
        .annotate(email_lower=Lower("email"))
        .filter(email_lower=Lower(Value(email)))
    )


def my_week3_token(reservation: Reservation) -> str:
    return signing.dumps(reservation.pk, salt=SALT)


def my_week3_url(token: str, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("agenda:my_week3", kwargs={"token": token})


def my_week3_reservations(token: str):
    """The reservations of the link's address, soonest first; None when the link is forged,
    expired, or its anchor's personal data has been removed since."""
    try:
        pk = signing.loads(token, salt=SALT, max_age=settings.MY_WEEK3_LINK_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    anchor = Reservation.objects.exclude(email="").filter(pk=pk).only("email").first()
    if anchor is None:
        return None
    return (
        _for_address(anchor.email)
        .select_related("session__activity__provider", "session__venue__district")
        .prefetch_related("session__activity__disciplines")
        .order_by("session__starts_at", "pk")
    )


def write_my_week3_mail(params: dict) -> WrittenMail | None:
    """The e-mail with the link, or None when the address has no reservations."""
    anchor = _for_address(params["email"]).order_by("-pk").first()
    if anchor is None:
        return None
    language = params.get("language") or anchor.language
    with translation.override(language):
        privacy_url = settings.SITE_URL + reverse("agenda:privacy")
    return mail_render(
        template="agenda/email/my_week3_link",
        context={
            "url": my_week3_url(my_week3_token(anchor), language),
            "days": settings.MY_WEEK3_LINK_DAYS,
            "privacy_url": privacy_url,
        },
        language=language,
    )
