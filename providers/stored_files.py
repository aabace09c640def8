"""Files the site writes to its storage for itself, cleaned up by age."""

import datetime

from django.core.files.storage import default_storage


def files_older_than_remove(folder: str, cutoff: datetime.datetime) -> int:
    """Delete the files in `folder` last written before `cutoff`; how many were deleted. A file
    another worker deletes meanwhile is skipped."""
    try:
        _folders, names = default_storage.listdir(folder)
    except FileNotFoundError:
        return 0
    removed = 0
    for name in names:
        path = f"{folder}/{name}"
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                removed += 1
        except FileNotFoundError:
            continue
    return removed
