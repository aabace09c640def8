"""Cold rendering of public pages, in-process: time, CPU, queries, and where the time goes.

Run by bench/profile.sh (a seeded database, the page cache off). For each address: the mean
wall and CPU milliseconds of a rendering and its query count over --runs renderings, then
cProfile's functions with the most cumulative and own time over as many renderings again (the
timed ones run without the profiler; --top 0 skips the profile).

    python bench/profile_pages.py --runs 20 /agenda/ "/agenda/?q=koor"
"""

import argparse
import cProfile
import io
import logging
import os
import pstats
import sys
import time

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def main():
    # bench/settings.py logs every rendering for bench/campaign.sh to count; here every
    # request renders, and the lines would bury the table.
    logging.getLogger("agenda.caching").setLevel(logging.INFO)
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("urls", nargs="+")
    args = parser.parse_args()
    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
    profiler = cProfile.Profile()
    print(f"{'URL':60} {'wall ms':>8} {'CPU ms':>8} {'queries':>8}")
    for url in args.urls:
        client.get(url)  # warm imports and template loading
        wall = cpu = 0.0
        for _ in range(args.runs):
            reset_queries()
            with CaptureQueriesContext(connection) as queries:
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                wall += time.perf_counter() - start
                cpu += time.process_time() - start_cpu
            assert response.status_code == 200, (url, response.status_code)
            # Counted now: every request, the profiled ones too, empties the query log.
            count = len(queries)
        # Timed without the profiler (it doubles the time of Python calls), profiled after.
        if args.top:
            profiler.enable()
            for _ in range(args.runs):
                client.get(url)
            profiler.disable()
        runs = args.runs
        print(f"{url:60} {wall / runs * 1000:8.1f} {cpu / runs * 1000:8.1f} {count:8d}")
    for sort in ("cumulative", "tottime") if args.top else ():
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(sort).print_stats(args.top)
        print(f"\n--- top {args.top} by {sort} ---")
        print("\n".join(out.getvalue().splitlines()[4:]))


if __name__ == "__main__":
    main()
