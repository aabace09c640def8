"""Rate limits for public forms, counted where every process and app server shares them."""

import datetime
import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from agenda.models import RateCount

PERIODS = {"s": 1, "m": 60, "h": 60 * 60, "d": 24 * 60 * 60}


def parse_rate(rate: str) -> tuple[int, int] | None:
    """'5/m' → (5, 60); 'off' → None (no limit)."""
    if rate.strip().lower() in {"off", "0", "none", ""}:
        return None
    count, _, period = rate.strip().partition("/")
    return int(count), PERIODS[period.strip().lower()[:1] or "m"]


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the one our own proxies put in X-Forwarded-For.

    Each proxy appends the address it got the request from, so with TRUSTED_PROXY_COUNT
    proxies in front of the site the client is the Nth entry from the right. Entries further
    left come from the client itself and prove nothing (a rate limit keyed on the first entry
    is bypassed by sending a new one each time). With fewer entries than proxies the request
    did not come through them all: REMOTE_ADDR, which nobody can fake, is used instead.
    django-axes uses this function too (AXES_CLIENT_IP_CALLABLE), so logins agree.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.TRUST_X_FORWARDED_FOR:
        return remote
    count = max(settings.TRUSTED_PROXY_COUNT, 1)
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < count:
        return remote
    return hops[-count]


def client_key(request) -> str:
    """Who a rate limit counts as one client: its address, or for IPv6 the /64 network it is
    in. A home connection or phone gets a whole /64, so rotating addresses within it must not
    make a new client."""
    address = client_ip(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def hit(scope: str, value: str, rate: str) -> bool:
    """Count one attempt for `value`; True when it goes over the limit of this window.

    Counted in the shared cache (Redis) when there is one, else in the database
    (RATE_LIMIT_STORE): never in one process's memory, which each worker would count apart.
    """
    return hit_each({scope: value}, rate)


def hit_each(values: dict[str, str], rate: str) -> bool:
    """Count one attempt for each scope's value (several limits of one request, one round trip
    to the database); True when any of them goes over."""
    limit = parse_rate(rate)
    values = {scope: value for scope, value in values.items() if value}
    if limit is None or not values:
        return False
    count, period = limit
    window = int(time.time() // period)
    # Hashed: neither store holds an e-mail or IP address in the clear.
    keys = [
        f"ratelimit:{scope}:{hashlib.blake2b(value.lower().encode(), digest_size=12).hexdigest()}"
        f":{window}"
        for scope, value in values.items()
    ]
    if settings.RATE_LIMIT_STORE == "database":
        attempts = _count_in_database(keys, expires=(window + 1) * period)
    else:
        attempts = [_count_in_cache(key, period) for key in keys]
    # None: a shared cache that is down (its errors are logged); nobody is turned away for it.
    return any(n is not None and n > count for n in attempts)


def _count_in_cache(key: str, period: int) -> int | None:
    cache.add(key, 0, timeout=period + 1)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr: this is the first attempt of a window
        cache.set(key, 1, timeout=period + 1)
        return 1


def _count_in_database(keys: list[str], *, expires: int) -> list[int]:
    """One statement, atomic under concurrency: insert each window's row or add one to it."""
    table = RateCount._meta.db_table
    expires_at = datetime.datetime.fromtimestamp(expires, tz=datetime.UTC)
    rows = ", ".join(["(%s, 1, %s)"] * len(keys))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (key, count, expires_at) VALUES {rows} "
            f"ON CONFLICT (key) DO UPDATE SET count = {table}.count + 1 RETURNING count",
            [part for key in keys for part in (key, expires_at)],
        )
        return [row[0] for row in cursor.fetchall()]


def rate_counts_purge() -> int:
    """Delete the database's counters of windows that have ended (the nightly job)."""
    deleted, _ = RateCount.objects.filter(expires_at__lt=timezone.now()).delete()
    return deleted
