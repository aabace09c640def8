"""The reservation benchmark's client: N residents fetch the form, then all post at once.

    python bench/reservation_rush.py BASE_URL FORM_PATH [CLIENTS]

Prints one line per measure; exits non-zero when any request failed to connect.
"""

import http.cookiejar
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the 302 to the resident's page is the answer we time


def main(base: str, path: str, clients: int) -> int:
    barrier = threading.Barrier(clients + 1)
    statuses = [0] * clients
    latencies = [0.0] * clients

    def one(n: int) -> None:
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
        token = TOKEN.search(opener.open(base + path, timeout=60).read().decode()).group(1)
        data = urlencode(
            {
                "csrfmiddlewaretoken": token,
                "name": f"Bewoner {n}",
                "email": f"bewoner{n}@example.org",
                "party_size": "1",
            }
        ).encode()
        barrier.wait(timeout=120)
        start = time.perf_counter()
        try:
            with opener.open(base + path, data, timeout=60) as response:
                statuses[n] = response.status
        except urllib.error.HTTPError as error:
            statuses[n] = error.code
        latencies[n] = time.perf_counter() - start

    threads = [threading.Thread(target=one, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    barrier.wait(timeout=120)  # everyone holds a CSRF token: go
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began

    ms = sorted(latency * 1000 for latency in latencies)
    quantiles = statistics.quantiles(ms, n=100)
    counts = {status: statuses.count(status) for status in sorted(set(statuses))}
    print(f"clients {clients}, all POSTs done in {wall * 1000:.0f} ms")
    print("statuses " + ", ".join(f"{status}: {count}" for status, count in counts.items()))
    print(f"5xx {sum(c for s, c in counts.items() if s >= 500)}")
    print(f"latency ms: p50 {quantiles[49]:.0f}, p95 {quantiles[94]:.0f}, max {ms[-1]:.0f}")
    return 0 if 0 not in counts else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 200))
