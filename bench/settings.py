"""Benchmark-only settings: the real site plus one trivial view to compare against."""

from week3.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The page cache logs each rendering at DEBUG: the campaign benchmark counts them.
LOGGING["loggers"]["agenda.caching"] = {"level": "DEBUG"}  # noqa: F405
