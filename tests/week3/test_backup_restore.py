"""bin/backup and bin/restore: the demo edition with an uploaded image, backed up, restored into a
fresh database and media directory, serves the same agenda, activity pages and images."""

import os
import re
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from agenda.models import Activity
from providers.images import store_image
from tests.helpers import jpeg_with_gps
from tests.servers import ROOT, AppServer, database_url

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("pg_dump"), reason="pg_dump not installed"),
]


def environment(database: str, media: Path) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "week3.settings",
        "DATABASE_URL": database_url(database),
        "MEDIA_ROOT": str(media),
        "SERVE_MEDIA": "true",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_STORAGE_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
        "CACHE_URL": "locmem://",
    }
    for name in ("DEBUG", "REDIS_URL"):
        env.pop(name, None)
    return env


class Server(AppServer):
    """A server on a frozen clock, so both copies render the same moment."""

    def __init__(self, env: dict, moment: str, log: Path):
        super().__init__(env, log, moment=moment, tick=False)

    def get(self, path: str) -> tuple[int, bytes]:
        """Status and body; the server's own address (in absolute links) written as "SITE"."""
        try:
            with urllib.request.urlopen(f"{self.base}{path}", timeout=20) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        return status, body.replace(self.base.encode(), b"SITE")


def run(command: list[str], env: dict) -> str:
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def restored_database():
    name = f"{connection.settings_dict['NAME']}_restored"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_restored_backup_serves_the_same_pages_and_images(
    tmp_path, settings, restored_database, reference_data
):
    media = tmp_path / "media"
    settings.MEDIA_ROOT = media
    call_command("seed_demo", year=2027, verbosity=0)
    activity = Activity.objects.public().order_by("pk").first()
    upload = SimpleUploadedFile("foto.jpg", jpeg_with_gps((800, 450)), "image/jpeg")
    activity.image = store_image(upload, "activities")
    activity.image_alt = "Een foto van de activiteit"
    activity.updated_at = timezone.now()
    activity.save()
    original_env = environment(connection.settings_dict["NAME"], media)

    backup = run(["bin/backup", str(tmp_path / "backups")], original_env).strip()
    manifest = (Path(backup) / "manifest.json").read_text()
    assert '"outbox.0001_initial"' in manifest and '"sha256"' in manifest

    restored_media = tmp_path / "restored-media"
    restored_env = environment(restored_database, restored_media)
    run(["bin/restore", backup], restored_env)
    # Never over a site: a second restore into the now filled database is refused.
    again = subprocess.run(["bin/restore", backup], cwd=ROOT, env=restored_env)
    assert again.returncode != 0

    moment = timezone.now().isoformat()
    original = Server(original_env, moment, tmp_path / "original.log")
    copy = Server(restored_env, moment, tmp_path / "copy.log")
    try:
        paths = ["/", "/agenda/", "/en/agenda/", "/de/agenda/?pagina=2"]
        # Every tenth activity (all of them would take a minute), and the one with the image.
        slugs = list(Activity.objects.public().order_by("pk").values_list("slug", flat=True))
        paths += [f"/activiteit/{slug}/" for slug in slugs[::10]]
        paths += [f"/en/activiteit/{activity.slug}/", f"/aanbieder/{activity.provider.slug}/"]
        page = original.get(f"/activiteit/{activity.slug}/")[1].decode()
        images = set(re.findall(r'/media/[^"\s,]+', page))
        assert len(images) >= 2  # the image and its renditions
        for path in [*paths, *sorted(images)]:
            first, second = original.get(path), copy.get(path)
            assert first[0] == 200, path
            if first != second:  # pragma: no cover - shows where they differ
                import difflib

                diff = difflib.unified_diff(
                    first[1].decode(errors="replace").splitlines(),
                    second[1].decode(errors="replace").splitlines(),
                    lineterm="",
                )
                pytest.fail(f"{path} differs:\n" + "\n".join(list(diff)[:40]))
    finally:
        original.stop()
        copy.stop()
