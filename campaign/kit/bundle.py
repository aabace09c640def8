"""One provider's or one activity's kit: its standing tracked link per channel, and what the kit
says and draws with each of them, in each language."""

import dataclasses
from functools import cached_property

from django.conf import settings
from django.db.models import Prefetch

from agenda.models import Activity, Edition, Session
from campaign.kit import content as kit_content
from campaign.kit import images, qr
from campaign.kit.storage import stored, stored_name
from campaign.models import LinkChannel, TrackedLink
from campaign.services.links import tracked_link_for_kit
from providers.models import Provider

# The channels a kit hands out, each with its own link so the reach page can tell them apart.
CHANNELS = (LinkChannel.POSTER, LinkChannel.FLYER, LinkChannel.SOCIAL, LinkChannel.NEWSLETTER)
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
# Part of every stored file's name: raise it when the drawing changes, so no old file is served.
DESIGN = "1"


def activities_for_kit():
    """Activities with what the kit shows, in a fixed number of queries."""
    sessions = Session.objects.select_related("venue__district").order_by("starts_at")
    return Activity.objects.select_related("provider", "edition").prefetch_related(
        Prefetch("sessions", queryset=sessions)
    )


@dataclasses.dataclass
class Kit:
    provider: Provider
    edition: Edition
    activity: Activity | None = None
    _links: dict = dataclasses.field(default_factory=dict)

    @classmethod
    def for_activity(cls, activity: Activity) -> "Kit":
        return cls(provider=activity.provider, edition=activity.edition, activity=activity)

    def link(self, channel: str) -> TrackedLink:
        if channel not in self._links:
            self._links[channel] = tracked_link_for_kit(
                provider=self.provider,
                channel=channel,
                activity=self.activity,
                edition=self.edition,
            )
        return self._links[channel]

    def content(self, channel: str, language: str) -> kit_content.KitContent:
        link = self.link(channel)
        if self.activity is not None:
            return kit_content.for_activity(self.activity, link, language)
        return kit_content.for_provider(self.provider, self.edition, link, language)

    @cached_property
    def slug(self) -> str:
        return self.activity.slug if self.activity else self.provider.slug

    def image(self, size: str, language: str) -> str:
        """The stored share image (social link) at `size` in `language`: made on first use."""
        content = self.content(LinkChannel.SOCIAL, language)
        return image_for(content, size, "activity" if self.activity else "provider")

    def qr_png(self, channel: str) -> str:
        url = self.content(channel, LANGUAGES[0]).url
        name = stored_name("qr", DESIGN, url)
        return stored(name, lambda: qr.qr_png(url))

    def qr_svg(self, channel: str) -> str:
        return qr.qr_svg(self.content(channel, LANGUAGES[0]).url)


def image_for(content: kit_content.KitContent, size: str, kind: str) -> str:
    """The stored image for `content`: its name holds the content's version, so a changed title
    or time makes a new file and an unchanged one is read from storage."""
    if size not in images.SIZES:
        raise ValueError(f"Unknown size {size!r}")
    name = stored_name(kind, DESIGN, content.version(), size)
    return stored(name, lambda: images.render(content, size))
