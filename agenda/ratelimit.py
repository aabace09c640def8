"""Rate limits for public forms, counted in Django's cache so every app server shares them."""

import hashlib
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
    """REMOTE_ADDR, or the first X-Forwarded-For hop when a trusted proxy sets that header."""
    if settings.TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[0].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")


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
        return cache.incr(key) > count
    except ValueError:  # expired between add and incr: this is the first attempt of a window
        cache.set(key, 1, timeout=period + 1)
        return False
