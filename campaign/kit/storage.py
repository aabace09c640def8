"""Generated kit files kept in the default storage, named after what they show: a file is made
once per version and served from storage after that."""

import datetime
from collections.abc import Callable

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.crypto import salted_hmac

from providers.stored_files import files_older_than_remove

FOLDER = "kit"


def stored_name(*parts: str, extension: str = "png") -> str:
    """A name no one can guess (the files of a draft activity sit in the media folder too)."""
    digest = salted_hmac("campaign.kit.storage", "|".join(parts)).hexdigest()[:32]
    return f"{FOLDER}/{digest}.{extension}"


def stored(name: str, build: Callable[[], bytes]) -> str:
    """`name` in storage, built first when it is not there yet."""
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(build()))
        if saved != name:  # another request wrote it meanwhile: keep theirs, drop ours
            default_storage.delete(saved)
    return name


def open_stored(name_of: Callable[[], str]):
    """The file `name_of()` names, open for reading; `name_of` makes it when it is missing
    (`stored`). The nightly clean-up may delete it between that check and the opening: then
    it is made once more."""
    try:
        return default_storage.open(name_of(), "rb")
    except FileNotFoundError:
        return default_storage.open(name_of(), "rb")


def old_files_remove(*, days: int | None = None) -> int:
    """Delete kit files made more than KIT_FILE_DAYS days ago; the number deleted.

    A file is named after what it shows, so every change to an activity leaves its old images
    behind. Nothing records which are still shown: the old ones go by age, and one still shown
    is simply made again on its next request (`stored`), a few dozen milliseconds once.
    """
    days = settings.KIT_FILE_DAYS if days is None else days
    return files_older_than_remove(FOLDER, timezone.now() - datetime.timedelta(days=days))
