"""Share images in the Week 3 look (Pillow): title, day and time, provider and the short link on
the campaign's plum, at the sizes social media ask for."""

import io
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import override
from PIL import Image, ImageDraw, ImageFont

from campaign.kit.content import KitContent

# The palette of static/css/site.css.
PLUM = "#4b1d7a"
PLUM_DARK = "#35135a"
SUN = "#ffd23f"
PAPER = "#fffdf8"
INK = "#1b1530"

# name in the address -> (width, height): a square post, a story, a link preview.
SIZES = {
    "1080x1080": (1080, 1080),
    "1080x1920": (1080, 1920),
    "1200x630": (1200, 630),
}
FONT_DIR = settings.BASE_DIR / "static" / "fonts"


@lru_cache(maxsize=64)
def font(size: int, bold: bool = True) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(FONT_DIR / name), size)


def _wrap(draw, text: str, face, width: int) -> list[str]:
    """Greedy word wrap; a word longer than the line is cut where it must be."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=face) <= width:
            lines[-1] = candidate
            continue
        while draw.textlength(word, font=face) > width and len(word) > 1:
            cut = len(word)
            while cut > 1 and draw.textlength(word[:cut], font=face) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines


def _fit(draw, text: str, width: int, height: int, largest: int, smallest: int):
    """The largest bold size (down to `smallest`) at which `text` fits the box; the lines."""
    size = largest
    while True:
        face = font(size)
        lines = _wrap(draw, text, face, width)
        if len(lines) * size * 1.15 <= height or size <= smallest:
            return face, size, lines
        size = max(smallest, int(size * 0.9))


def _one_line(draw, text: str, width: int, size: int, bold: bool = True):
    """Shrink a line until it fits the width (an address, a long provider name)."""
    while size > 12 and draw.textlength(text, font=font(size, bold)) > width:
        size -= 2
    return font(size, bold)


def render(content: KitContent, size: str) -> bytes:
    """The PNG for `content` at one of SIZES."""
    width, height = SIZES[size]
    unit = min(width, height) / 1080
    margin = round(72 * unit) if width != 1200 else 60
    image = Image.new("RGB", (width, height), PLUM)
    draw = ImageDraw.Draw(image)
    inner = width - 2 * margin

    # The brand: the "3" in its sun square, then the name, as in the site's header.
    mark = round(96 * unit) if width != 1200 else 72
    draw.rounded_rectangle(
        (margin, margin, margin + mark, margin + mark), radius=mark // 4, fill=PLUM_DARK
    )
    draw.text(
        (margin + mark / 2, margin + mark / 2), "3", font=font(mark * 2 // 3), fill=SUN, anchor="mm"
    )
    draw.text(
        (margin + mark + mark // 3, margin + mark / 2),
        "Week 3 Venlo",
        font=font(mark // 2),
        fill=PAPER,
        anchor="lm",
    )
    with override(content.language):
        free = _("Free")
    free_face = font(mark // 2)
    free_width = draw.textlength(free, font=free_face) + mark // 2
    draw.rounded_rectangle(
        (width - margin - free_width, margin + mark // 6, width - margin, margin + mark * 5 // 6),
        radius=mark // 3,
        fill=SUN,
    )
    draw.text(
        (width - margin - free_width / 2, margin + mark / 2),
        free,
        font=free_face,
        fill=INK,
        anchor="mm",
    )

    # The short link on a sun band at the bottom: what people type in or tap.
    band = round(120 * unit) if width != 1200 else 96
    draw.rectangle((0, height - band, width, height), fill=SUN)
    draw.text(
        (width / 2, height - band / 2),
        content.short_url,
        font=_one_line(draw, content.short_url, inner, band * 2 // 5),
        fill=INK,
        anchor="mm",
    )

    # Title, then when and who, filling the space between the brand and the band.
    top = margin + mark + margin // 2
    bottom = height - band - margin // 2
    detail_size = round(40 * unit) if width != 1200 else 30
    details = [content.first_when + (f" ({content.more})" if content.more else "")]
    if len(content.when) > 1 and not content.more:
        details = [content.first_when, *content.when[1:2]]
    details = [line for line in details if line]
    detail_height = round(detail_size * 1.4) * (len(details) + 1)
    title_box = bottom - top - detail_height - margin // 2
    largest = round(120 * unit) if width != 1200 else 64
    face, title_size, lines = _fit(draw, content.title, inner, title_box, largest, 28)
    y = top + max(0, (title_box - len(lines) * title_size * 1.15) / 2)
    for line in lines:
        draw.text((margin, y), line, font=face, fill=PAPER)
        y += title_size * 1.15
    y = max(y + margin // 2, bottom - detail_height)
    for line in details:
        draw.text((margin, y), line, font=_one_line(draw, line, inner, detail_size), fill=SUN)
        y += round(detail_size * 1.4)
    draw.text(
        (margin, y),
        content.provider,
        font=_one_line(draw, content.provider, inner, detail_size, bold=False),
        fill=PAPER,
    )

    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=3)
    return out.getvalue()
