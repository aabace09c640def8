"""The promotion kit in the portal: a provider's links with their QR codes, share images,
poster, flyer, texts to copy and the embed code, for its own page and for each activity.

Every activity comes from `editable_by(user)`, so another provider's activity is a 404."""

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from agenda.models import Edition
from campaign.embed_code import provider_embed
from campaign.kit import images, qr, storage
from campaign.kit.bundle import CHANNELS, LANGUAGES, Kit, activities_for_kit
from campaign.kit.texts import KINDS, kit_text
from campaign.models import LinkChannel
from providers.access import provider_required


def _kit(request, pk=None) -> Kit:
    """The kit asked for; another provider's activity is a 404 before the method is looked at.
    Every kit screen only reads (its links are made on first sight), so GET alone."""
    if pk is not None:
        activity = get_object_or_404(activities_for_kit().editable_by(request.user), pk=pk)
        kit = Kit.for_activity(activity)
    else:
        edition = Edition.objects.for_portal()
        if edition is None:
            raise Http404("No edition yet")
        kit = Kit(provider=request.user.provider, edition=edition)
    if request.method not in ("GET", "HEAD"):
        raise Http404("GET only")
    return kit


def _urls(kit: Kit) -> dict:
    """The kit's own addresses, for the provider's page or for the activity."""
    prefix = "kit_activity" if kit.activity else "kit"
    args = [kit.activity.pk] if kit.activity else []
    return {
        part: reverse(f"campaign_portal:{prefix}{suffix}", args=args)
        for part, suffix in [
            ("page", ""),
            ("poster", "_poster"),
            ("flyer", "_flyer"),
            ("qr", "_qr"),
            ("image", "_image"),
        ]
    }


@provider_required
def kit_page(request, pk=None):
    kit = _kit(request, pk)
    urls = _urls(kit)
    links = [
        {
            "channel": channel,
            "label": LinkChannel(channel).label,
            "link": kit.link(channel),
            "url": kit.content(channel, LANGUAGES[0]).url,
        }
        for channel in CHANNELS
    ]
    channel_of = {"newsletter": LinkChannel.NEWSLETTER}
    texts = []
    for language, name in settings.LANGUAGES:
        texts.append(
            {
                "language": language,
                "name": name,
                "texts": [
                    {
                        "kind": kind,
                        "text": kit_text(
                            kind,
                            kit.content(channel_of.get(kind, LinkChannel.SOCIAL), language),
                            activity=kit.activity is not None,
                        ),
                    }
                    for kind in KINDS
                ],
            }
        )
    sizes = [
        {"name": size, "width": width, "height": height}
        for size, (width, height) in images.SIZES.items()
    ]
    return render(
        request,
        "campaign/kit/kit.html",
        {
            "kit": kit,
            "activity": kit.activity,
            "provider": kit.provider,
            "is_public": _is_public(kit),
            "urls": urls,
            "links": links,
            "sizes": sizes,
            "languages": settings.LANGUAGES,
            "texts": texts,
            "embed": provider_embed(kit.provider)["code"],
        },
    )


def _is_public(kit: Kit) -> bool:
    if kit.activity is None:
        return kit.provider.is_approved
    return type(kit.activity).objects.public().filter(pk=kit.activity.pk).exists()


def _printable(request, pk, channel: str, template: str):
    kit = _kit(request, pk)
    content = kit.content(channel, request.LANGUAGE_CODE)
    label = _("QR code to %(address)s") % {"address": content.short_url}
    return render(
        request,
        template,
        {
            "kit": kit,
            "activity": kit.activity,
            "c": content,
            "qr": qr.qr_svg_inline(content.url, label=label),
            "urls": _urls(kit),
        },
    )


@provider_required
def kit_poster(request, pk=None):
    return _printable(request, pk, LinkChannel.POSTER, "campaign/kit/poster.html")


@provider_required
def kit_flyer(request, pk=None):
    return _printable(request, pk, LinkChannel.FLYER, "campaign/kit/flyer.html")


@provider_required
def kit_qr(request, pk=None):
    """?kanaal=poster|flyer|social|newsletter and ?formaat=png|svg (PNG for the poster link by
    default)."""
    kit = _kit(request, pk)
    channel = request.GET.get("kanaal", LinkChannel.POSTER)
    kind = request.GET.get("formaat", "png")
    if channel not in CHANNELS or kind not in ("png", "svg"):
        raise Http404("Unknown channel or format")
    filename = f"week3-{kit.slug}-{channel}-qr.{kind}"
    if kind == "svg":
        response = HttpResponse(kit.qr_svg(channel), content_type="image/svg+xml")
    else:
        response = stored_file(lambda: kit.qr_png(channel), "image/png")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@provider_required
def kit_image(request, pk=None):
    """?formaat=1080x1080|1080x1920|1200x630 and ?taal=nl|en|de (the page's language by
    default); ?download=1 to save it."""
    kit = _kit(request, pk)
    size = request.GET.get("formaat", "1080x1080")
    language = request.GET.get("taal", request.LANGUAGE_CODE)
    if size not in images.SIZES or language not in LANGUAGES:
        raise Http404("Unknown size or language")
    response = stored_file(lambda: kit.image(size, language), "image/png")
    if request.GET.get("download"):
        filename = f"week3-{kit.slug}-{language}-{size}.png"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def stored_file(name_of, content_type: str) -> FileResponse:
    """The kit file `name_of()` makes or finds (see campaign.kit.storage.open_stored)."""
    return FileResponse(storage.open_stored(name_of), content_type=content_type)
