"""Template filter for responsive images: the renditions providers.images stored."""

from django import template

from providers.images import srcset as image_srcset

register = template.Library()


@register.filter
def srcset(image) -> str:
    """`srcset` value for an uploaded image field; empty for images without renditions."""
    name = getattr(image, "name", "") or ""
    # Demo and older images were stored before renditions existed: their names have no uuid.
    if not name or len(name.rsplit("/", 1)[-1].split(".")[0]) != 32:
        return ""
    return image_srcset(name)
