"""The campaign benchmark's writes, beside the browsing: reservations through the real HTTP form
at a fixed rate, and a provider's edit every so many seconds.

    python bench/campaign_writes.py --rate 1 --edit-every 10 --duration 30 FORMS BASE [BASE …]
    python bench/campaign_writes.py --rush 60 FORMS BASE [BASE …]

FORMS is a file of reservation form paths (one a line). Each reservation goes to the next form
through the next server: GET the form (CSRF cookie and token), POST a resident, one party of
one, with an address of its own. They start on a fixed schedule, whatever the answers take
(an open loop, as residents do not wait for each other). An edit changes one provider's
description as a save in the portal would, through the ORM in this process: every page keyed by
content changes with it. Prints one line:

    WRITES <reservations> <p50 ms> <p95 ms> <not 302> <edits>
"""

import argparse
import asyncio
import os
import statistics
import sys
import time
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from asgiref.sync import sync_to_async  # noqa: E402
from django.db.models.functions import Now  # noqa: E402

from bench.reservation_rush import COOKIE, TOKEN, exchange, request  # noqa: E402
from providers.models import Provider  # noqa: E402


async def reserve(base: str, path: str, number: int) -> tuple[int, float]:
    url = urlsplit(base)
    host, port, netloc = url.hostname, url.port or 80, url.netloc
    start = time.perf_counter()
    try:
        _, form = await exchange(host, port, request("GET", netloc, path))
        body = urlencode(
            {
                "csrfmiddlewaretoken": TOKEN.search(form).group(1).decode(),
                "name": f"Campagne {number}",
                "email": f"campagne{number}-{os.getpid()}@example.org",
                "party_size": "1",
            }
        ).encode()
        cookie = COOKIE.search(form).group(1).decode()
        status, _ = await exchange(host, port, request("POST", netloc, path, cookie, body))
    except (OSError, AttributeError, IndexError):
        status = 0
    return status, time.perf_counter() - start


@sync_to_async
def edit(number: int) -> None:
    provider = Provider.objects.approved().order_by("pk").first()
    Provider.objects.filter(pk=provider.pk).update(
        description=f"{provider.description.split(' [')[0]} [{number}]", updated_at=Now()
    )


async def rush(args) -> int:
    """RUSH residents at once at one form, through the servers in turn (each GETs the form
    first): more than the session has room for, to see that exactly its capacity gets in."""
    with open(args.forms) as forms:
        path = forms.readline().strip()
    results = await asyncio.gather(
        *(reserve(args.bases[n % len(args.bases)], path, 100000 + n) for n in range(args.rush))
    )
    statuses = [status for status, _ in results]
    print(f"RUSH {len(statuses)} {statuses.count(302)} {sum(1 for s in statuses if s >= 500)}")
    return 0


async def run(args) -> int:
    with open(args.forms) as lines:
        forms = [line.strip() for line in lines if line.strip()]
    began = time.perf_counter()
    tasks, edits, number = [], 0, 0
    next_edit = began + args.edit_every if args.edit_every else None
    while (now := time.perf_counter()) - began < args.duration:
        if args.rate:
            base = args.bases[number % len(args.bases)]
            tasks.append(asyncio.create_task(reserve(base, forms[number % len(forms)], number)))
            number += 1
        if next_edit is not None and now >= next_edit:
            edits += 1
            await edit(edits)
            next_edit += args.edit_every
        await asyncio.sleep(1 / args.rate if args.rate else 0.5)
    results = await asyncio.gather(*tasks)
    if not results:
        print(f"WRITES 0 0 0 0 {edits}")
        return 0
    ms = sorted(latency * 1000 for _, latency in results)
    quantiles = statistics.quantiles(ms, n=100) if len(ms) > 1 else [ms[0]] * 99
    failed = sum(1 for status, _ in results if status != 302)
    print(f"WRITES {len(results)} {quantiles[49]:.0f} {quantiles[94]:.0f} {failed} {edits}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=1.0, help="reservations per second")
    parser.add_argument("--edit-every", type=float, default=0, help="seconds; 0: no edits")
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--rush", type=int, default=0, help="residents at once at the first form")
    parser.add_argument("forms")
    parser.add_argument("bases", nargs="+")
    arguments = parser.parse_args()
    sys.exit(asyncio.run((rush if arguments.rush else run)(arguments)))
