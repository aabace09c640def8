"""Activity photos that nothing refers to any more are deleted, once the change commits.

A photo is referred to by an activity (`Activity.image`) or by a proposed change still under
way (`ActivityRevision.data["image"]`); a copied activity shares its original's file, so a
replaced photo is deleted only when no other row uses it either.
"""

from agenda.models import Activity, ActivityRevision
from providers.images import delete_images_later


def activity_images_release(*, names) -> None:
    """The photos of `names` were replaced or dropped in this transaction: after the commit,
    delete those still unused."""
    delete_images_later(names, in_use=_in_use)


def _in_use(name: str) -> bool:
    return (
        Activity.objects.filter(image=name).exists()
        or ActivityRevision.objects.open().filter(data__image=name).exists()
    )
