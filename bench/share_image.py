"""Share images: how long the first request takes (draw the card, store it) and the next ones
(read from storage), per size, through the public view (campaign.views.share).

Run by bench/share_image.sh, which starts a throwaway database with the demo edition; against a
database of your own (with a published edition):

    DATABASE_URL=postgres://… MEDIA_ROOT=/tmp/kit-bench python bench/share_image.py --activities 40

Prints one line per size and kind (first, stored): requests, p50, p95 and the slowest, in ms.
The target (issue 12): the first one under 300 ms, then served from storage.
"""

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")

import django

django.setup()

from django.test import Client  # noqa: E402

from agenda.models import Activity, Edition  # noqa: E402
from campaign.kit.images import SIZES  # noqa: E402

TARGET_MS = 300


def timed(client: Client, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url, HTTP_HOST="127.0.0.1")
    body = b"".join(response.streaming_content)  # served means read to the end
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200 or not body.startswith(b"\x89PNG"):
        raise SystemExit(f"{url}: {response.status_code}")
    return elapsed


def summary(label: str, times: list[float]) -> str:
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return (
        f"{label:<20} n={len(times):<4} p50={statistics.median(times):6.1f} ms  "
        f"p95={p95:6.1f} ms  max={times[-1]:6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3, help="stored requests per image")
    args = parser.parse_args()
    edition = Edition.objects.current()
    slugs = list(
        Activity.objects.public()
        .in_edition(edition)
        .order_by("pk")
        .values_list("slug", flat=True)[: args.activities]
    )
    client = Client()
    timed(client, f"/deel/activiteit/{slugs[0]}-1200x630.png")  # fonts loaded, code imported
    slugs = slugs[1:]
    worst_first = 0.0
    for size in SIZES:
        urls = [f"/deel/activiteit/{slug}-{size}.png" for slug in slugs]
        first = [timed(client, url) for url in urls]
        stored = [timed(client, url) for _ in range(args.repeat) for url in urls]
        print(summary(f"{size} first", first))
        print(summary(f"{size} stored", stored))
        worst_first = max(worst_first, max(first))
    verdict = "met" if worst_first < TARGET_MS else "NOT met"
    print(f"target, every first image under {TARGET_MS} ms: {verdict} ({worst_first:.0f} ms)")


if __name__ == "__main__":
    main()
