"""QR codes for a tracked link (segno): SVG for print and the page, PNG for anything else."""

import io

import segno
from django.utils.safestring import mark_safe

# Medium error correction: survives a crease or a stain on a poster, still few modules.
ERROR = "m"


def _code(url: str):
    return segno.make(url, error=ERROR, micro=False)


def qr_svg(url: str, *, title: str = "") -> str:
    """A standalone SVG file (dark modules on white, a quiet zone of 4 modules)."""
    out = io.BytesIO()
    _code(url).save(out, kind="svg", scale=10, border=4, light="#fff", title=title or None)
    return out.getvalue().decode()


def qr_svg_inline(url: str, *, label: str) -> str:
    """The SVG for inside an HTML page: scales with its box, named for screen readers."""
    out = io.BytesIO()
    _code(url).save(
        out,
        kind="svg",
        scale=10,
        border=4,
        light="#fff",
        xmldecl=False,
        svgns=True,
        nl=False,
        svgclass="qr",
        lineclass=None,
        omitsize=True,
        title=label,
    )
    svg = out.getvalue().decode()
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # segno escapes the label


def qr_png(url: str, *, scale: int = 16) -> bytes:
    out = io.BytesIO()
    _code(url).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()
