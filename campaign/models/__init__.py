"""The campaign's data: segment landing pages, tracked links and the visits they brought."""

from campaign.models.links import LinkChannel, LinkVisitDay, TrackedLink, TrackedLinkQuerySet
from campaign.models.pages import CampaignPage, CampaignPageQuerySet, CampaignPick

__all__ = [
    "CampaignPage",
    "CampaignPageQuerySet",
    "CampaignPick",
    "LinkChannel",
    "LinkVisitDay",
    "TrackedLink",
    "TrackedLinkQuerySet",
]
