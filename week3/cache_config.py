"""The CACHES setting from one address (week3.settings): Redis, the database, none, or memory."""


def cache_from_url(url: str, *, key_prefix: str, max_entries: int) -> dict:
    """One cache's settings for `url`: redis://…, db://table, dummy://, or locmem://."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
            "OPTIONS": {
                # Redis down: pages are rendered for each request instead of failing.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if url.startswith("db://"):
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": url.removeprefix("db://") or "week3_cache",
        }
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": max_entries},
    }


def caches_from_url(url: str, *, key_prefix: str, max_entries: int, fragments: int) -> dict:
    """ "default" for pages, feed bodies and counters; "fragments" for the parts many feeds are
    made of (agenda.ical's events): shared like the default cache, or in a per-process store of
    their own so they never push pages out."""
    default = cache_from_url(url, key_prefix=key_prefix, max_entries=max_entries)
    caches = {"default": default, "fragments": default}
    if default["BACKEND"].endswith("LocMemCache"):
        caches["fragments"] = default | {
            "LOCATION": "fragments",
            "OPTIONS": {"MAX_ENTRIES": fragments},
        }
    return caches


def is_shared(cache: dict) -> bool:
    """Seen alike by every process and app server."""
    return cache["BACKEND"].endswith(("RedisCache", "DatabaseCache"))
