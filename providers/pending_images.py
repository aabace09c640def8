"""A photo chosen in a form that is shown again (a message, "more rows", a new venue) is not
lost: it is stored at once under PENDING_FOLDER, and the form carries a signed token of its
name in a hidden field. Only a token this site signed for this organisation, less than
PENDING_MAX_AGE old, names a pending photo; a client never chooses a path. Saving the form
copies the photo to its own folder and removes the pending copy; the nightly purge removes
pending files of forms never saved after a day.
"""

import datetime
import uuid

from django.core import signing
from django.core.files.storage import default_storage
from django.utils import timezone

from providers.images import WIDTHS, rendition_name, store_image
from providers.stored_files import files_older_than_remove

PENDING_FOLDER = "pending"
PENDING_MAX_AGE = datetime.timedelta(days=1)
_SALT = "providers.pending_images"


def _names(name: str) -> list[str]:
    return [name, *(rendition_name(name, width) for width in WIDTHS)]


def pending_store(upload, *, owner: int) -> str:
    """Store a checked upload (or the CleanImage a form made of it) as pending; returns the
    token for the form's hidden field."""
    name = store_image(upload, PENDING_FOLDER)
    return signing.dumps({"name": name, "owner": owner}, salt=_SALT)


def pending_name(token: str, *, owner: int) -> str:
    """The pending photo's stored name a token stands for, or "" for a token that is forged,
    too old, another organisation's, or whose photo is gone."""
    if not token:
        return ""
    try:
        value = signing.loads(token, salt=_SALT, max_age=PENDING_MAX_AGE)
    except signing.BadSignature:
        return ""
    name = value.get("name", "") if isinstance(value, dict) else ""
    if value.get("owner") != owner or not name.startswith(f"{PENDING_FOLDER}/"):
        return ""
    if "/" in name.removeprefix(f"{PENDING_FOLDER}/") or ".." in name:
        return ""
    return name if default_storage.exists(name) else ""


def pending_adopt(name: str, folder: str) -> str:
    """Copy a pending photo and its renditions to `folder` under a new name; returns the name.
    The caller deletes the pending copy once the save succeeded (else the purge does)."""
    extension = name.rpartition(".")[2]
    adopted = f"{folder}/{uuid.uuid4().hex}.{extension}"
    for source, target in zip(_names(name), _names(adopted), strict=True):
        with default_storage.open(source) as content:
            default_storage.save(target, content)
    return adopted


def pending_images_purge(*, now: datetime.datetime | None = None) -> int:
    """Delete the pending files (photos and their renditions) stored more than
    PENDING_MAX_AGE ago; returns how many files."""
    return files_older_than_remove(PENDING_FOLDER, (now or timezone.now()) - PENDING_MAX_AGE)
