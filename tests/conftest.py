"""Shared fixtures: PostgreSQL only, quick password hashing, and real Chromium for browser tests."""

import importlib
import os
import shutil

import pytest
from django.conf import settings

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def pytest_configure(config):
    if "postgresql" not in settings.DATABASES["default"]["ENGINE"]:
        pytest.exit("The tests run on PostgreSQL: start them with bin/test (see README).", 2)
    # The live server speaks plain HTTP and runs for the whole session, so these are set once
    # here, before its middleware reads them, rather than per test.
    settings.SECURE_SSL_REDIRECT = False
    settings.DATABASES["default"]["CONN_MAX_AGE"] = 0
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.SECURE_HSTS_SECONDS = 0
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or os.path.exists(CHROMIUM):
        return
    if os.environ.get("W3_REQUIRE_BROWSER"):
        raise pytest.UsageError(f"W3_REQUIRE_BROWSER is set but {CHROMIUM} is missing.")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _site_settings(settings):
    settings.SITE_URL = "https://week3.example.org"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture
def reference_data(db):
    """Districts, disciplines, audiences and languages as the data migrations create them.

    Transactional tests (browser tests) flush the database afterwards, taking the migrations'
    data with it; running the same migration code again restores it.
    """
    from django.apps import apps

    from providers.models import District

    if not District.objects.exists():
        for module in (
            "providers.migrations.0002_venlo_districts_and_disciplines",
            "agenda.migrations.0003_audiences_and_languages",
        ):
            importlib.import_module(module).create(apps, None)
