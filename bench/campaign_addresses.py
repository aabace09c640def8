"""The campaign benchmark's addresses, from the seeded database: the public pages and feeds
wrk rotates over (one path a line in URLS), and the reservation forms to book in (FORMS).

    python bench/campaign_addresses.py URLS FORMS
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from agenda.models import Activity, Edition, Session  # noqa: E402


def main(urls_file: str, forms_file: str) -> None:
    edition = Edition.objects.current()
    public = Activity.objects.public().in_edition(edition).order_by("pk")
    day = edition.days[2].isoformat()
    queries = ["", "?doelgroep=kinderen&leeftijd=8", f"?dag={day}&wijk=blerick&plek=on"]
    queries += ["?q=koor", "?discipline=muziek&rolstoel=on", "?zonder_nederlands=on", "?page=2"]
    urls = [f"{prefix}/" for prefix in ("", "/en", "/de")]
    urls += [f"{prefix}/agenda/{query}" for prefix in ("", "/en", "/de") for query in queries]
    urls += [a.get_absolute_url() for a in public[:20]]
    urls += [p.get_absolute_url() for p in {a.provider for a in public[:40]}][:5]
    urls += ["/agenda.ics", "/agenda.ics?doelgroep=kinderen", "/api/v1/agenda.json"]
    urls += [
        reverse("agenda:provider_feed", kwargs={"slug": public[0].provider.slug}),
        reverse("agenda:activity_feed", kwargs={"slug": public[0].slug}),
    ]
    with open(urls_file, "w") as out:
        out.write("\n".join(urls) + "\n")
    sessions = (
        Session.objects.on_public_agenda()
        .filter(
            activity__registration="reserve",
            is_cancelled=False,
            starts_at__gt=timezone.now(),
            capacity__gte=10,
        )
        .order_by("activity_id", "pk")
        .distinct("activity_id")
        .select_related("activity")[:300]
    )
    forms = [
        reverse("agenda:reservation_create", kwargs={"slug": s.activity.slug, "session_pk": s.pk})
        for s in sessions
    ]
    with open(forms_file, "w") as out:
        out.write("\n".join(forms) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
