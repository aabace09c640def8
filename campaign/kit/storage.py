"""Generated kit files kept in the default storage, named after what they show: a file is made
once per version and served from storage after that."""

from collections.abc import Callable

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.crypto import salted_hmac

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
