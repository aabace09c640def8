"""The nightly retention purge as one job (purge_personal_data, the worker's WORKER_JOBS).

Each purge is a function of the app that owns the data; the terms are settings (the privacy
page states them).
"""

from agenda.ratelimit import rate_counts_purge
from agenda.services.followups import followup_links_purge
from agenda.services.scheduled import reservations_purge
from providers.pending_images import pending_images_purge
from providers.retention import (
    login_records_purge,
    sessions_purge,
    users_purge_rejected,
    users_purge_unconfirmed,
)


def personal_data_purge() -> dict[str, int]:
    """Run every retention purge; how many rows each removed or blanked."""
    counts = {"reservations": reservations_purge()}
    counts["followup_links"] = followup_links_purge()
    sessions_purge()
    counts["login_records"] = login_records_purge()
    counts["unconfirmed_accounts"] = users_purge_unconfirmed()
    counts["rejected_accounts"] = users_purge_rejected()
    counts["rate_counts"] = rate_counts_purge()
    counts["pending_photo_files"] = pending_images_purge()
    return counts
