"""Rate limits for public forms, counted in Django's cache so every app server shares them."""

import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache

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
    """Count one attempt for `value`; True when it goes over the limit of this window."""
    limit = parse_rate(rate)
    if limit is None or not value:
        return False
    count, period = limit
    window = int(time.time() // period)
    # Hashed: the cache holds no e-mail or IP address in the clear.
    digest = hashlib.blake2b(value.lower().encode(), digest_size=12).hexdigest()
    key = f"ratelimit:{scope}:{digest}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr: this is the first attempt of a window
        cache.set(key, 1, timeout=period + 1)
        return False
    # None: a shared cache that is down (its errors are logged); nobody is turned away for it.
    return attempts is not None and attempts > count
