"""A per-process copy, in front of a shared cache, of entries whose value never changes.

A public page's entries are keyed by everything they show (agenda.caching: the content
fingerprint, the address, the signature of the places), so a key, once written, always holds
the same value: a change makes new keys, never new values. With Redis, each served page still
cost two round trips and two unpicklings for those unchanging entries. This keeps the most
recently used of them in the process, up to NEAR_CACHE_BYTES, each for at most
NEAR_CACHE_SECONDS, like a CDN keeps an immutable file. Without a shared cache (no REDIS_URL)
NEAR_CACHE_BYTES is 0 and this is off: the cache is in the process already.
"""

import pickle
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache


class NearCache:
    """Values by key, least recently used dropped first once they pass NEAR_CACHE_BYTES
    (each counted by its key and its length, or its pickled length when it is not bytes or
    text, plus `OVERHEAD` for the entry itself)."""

    OVERHEAD = 64

    def __init__(self):
        self._entries: OrderedDict[str, tuple[object, int, float]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str, *, keep: bool = True):
        """The value under `key`: from the process when it is there, else from the shared
        cache (kept here when found, unless `keep` is false: an answer to a junk address
        lives only seconds in the shared cache, and must not push pages out of this one).
        None when neither has it."""
        if settings.NEAR_CACHE_BYTES <= 0:
            return cache.get(key)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[2] > time.monotonic():
                self._entries.move_to_end(key)
                return entry[0]
        value = cache.get(key)
        if value is not None and keep:
            self.keep(key, value)
        return value

    def keep(self, key: str, value) -> None:
        """Keep `value` here too (the caller has written it to the shared cache)."""
        limit = settings.NEAR_CACHE_BYTES
        if isinstance(value, bytes | str):
            size = len(value)
        else:
            size = len(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        size += len(key) + self.OVERHEAD
        if size > limit:
            return
        expires = time.monotonic() + settings.NEAR_CACHE_SECONDS
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= old[1]
            self._entries[key] = (value, size, expires)
            self._size += size
            while self._size > limit:
                _key, (_value, dropped, _expires) = self._entries.popitem(last=False)
                self._size -= dropped

    def forget(self, key: str) -> None:
        with self._lock:
            entry = self._entries.pop(key, None)
            if entry is not None:
                self._size -= entry[1]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0


near_cache = NearCache()
