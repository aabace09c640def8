"""The reservation benchmark's client: N residents fetch the form, then all post at once.

    python bench/reservation_rush.py BASE_URL FORM_PATH [CLIENTS [PID ...]]

One asyncio loop with a connection per resident, so the client spends next to no CPU of the
machine it shares with the server. A POST's latency runs from opening its connection to the
last byte of the answer. With PIDs (Linux), also the CPU time the POSTs cost those processes
and their children (gunicorn, PostgreSQL). Prints one line per measure; exits non-zero when
any request failed.
"""

import asyncio
import os
import re
import statistics
import sys
import time
from urllib.parse import urlencode, urlsplit

TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
COOKIE = re.compile(rb"^set-cookie: csrftoken=([^;]+)", re.IGNORECASE | re.MULTILINE)


async def exchange(host: str, port: int, request: bytes) -> tuple[int, bytes]:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(request)
        await writer.drain()
        answer = await reader.read()  # Connection: close, so the answer ends with the stream
    finally:
        writer.close()
    return int(answer.split(b" ", 2)[1]), answer


def request(method: str, host: str, path: str, cookie: str = "", body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: close"]
    if cookie:
        lines.append(f"Cookie: csrftoken={cookie}")
    if body:
        lines += [
            "Content-Type: application/x-www-form-urlencoded",
            f"Content-Length: {len(body)}",
        ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def cpu_seconds(roots: list[int]) -> float:
    """User plus system CPU time of these processes and all their descendants (Linux /proc)."""
    stats = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        stats[int(pid)] = (int(fields[1]), (int(fields[11]) + int(fields[12])))  # ppid, ticks
    total, todo = 0, list(roots)
    while todo:
        pid = todo.pop()
        total += stats.get(pid, (0, 0))[1]
        todo += [child for child, (parent, _) in stats.items() if parent == pid]
    return total / os.sysconf("SC_CLK_TCK")


async def rush(base: str, path: str, clients: int, pids: list[int]) -> int:
    url = urlsplit(base)
    host, port = url.hostname, url.port or 80
    netloc = url.netloc

    # Every resident opens the form first, one after the other, for a CSRF cookie and token.
    posts: list[bytes] = []
    for n in range(clients):
        _, answer = await exchange(host, port, request("GET", netloc, path))
        cookie = COOKIE.search(answer).group(1).decode()
        body = urlencode(
            {
                "csrfmiddlewaretoken": TOKEN.search(answer).group(1).decode(),
                "name": f"Bewoner {n}",
                "email": f"bewoner{n}@example.org",
                "party_size": "1",
            }
        ).encode()
        posts.append(request("POST", netloc, path, cookie, body))

    async def post(raw: bytes) -> tuple[int, float]:
        start = time.perf_counter()
        try:
            status, _ = await exchange(host, port, raw)
        except OSError:
            status = 0
        return status, time.perf_counter() - start

    cpu_before = [cpu_seconds([pid]) for pid in pids]
    began = time.perf_counter()
    results = await asyncio.gather(*(post(raw) for raw in posts))
    wall = time.perf_counter() - began
    cpu = [cpu_seconds([pid]) - before for pid, before in zip(pids, cpu_before, strict=True)]

    statuses = [status for status, _ in results]
    ms = sorted(latency * 1000 for _, latency in results)
    quantiles = statistics.quantiles(ms, n=100)
    counts = {status: statuses.count(status) for status in sorted(set(statuses))}
    print(f"clients {clients}, all POSTs done in {wall * 1000:.0f} ms")
    print("statuses " + ", ".join(f"{status}: {count}" for status, count in counts.items()))
    print(f"5xx {sum(c for s, c in counts.items() if s >= 500)}")
    print(f"latency ms: p50 {quantiles[49]:.0f}, p95 {quantiles[94]:.0f}, max {ms[-1]:.0f}")
    if pids:
        per_post = ", ".join(f"{seconds * 1000 / clients:.1f}" for seconds in cpu)
        print(f"CPU ms per POST (process trees {', '.join(map(str, pids))}): {per_post}")
    return 0 if 0 not in counts else 1


if __name__ == "__main__":
    clients = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    pids = [int(pid) for pid in sys.argv[4:]]
    sys.exit(asyncio.run(rush(sys.argv[1], sys.argv[2], clients, pids)))
