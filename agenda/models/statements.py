"""The statements a Dutch public site publishes (privacy, accessibility, colophon), as staff
write them in the admin, in Dutch, English and German."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Statement(models.Model):
    """One statement's own text; the page adds what the site knows itself (the retention terms,
    the automated accessibility checks). Plain text: blank lines separate paragraphs."""

    class Kind(models.TextChoices):
        PRIVACY = "privacy", _("Privacy statement")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        COLOPHON = "colophon", _("Colophon")

    kind = models.CharField(_("statement"), max_length=20, choices=Kind.choices, unique=True)
    body = models.TextField(
        _("text (Dutch)"),
        blank=True,
        help_text=_("Plain text; an empty line starts a new paragraph."),
    )
    body_en = models.TextField(_("text (English)"), blank=True)
    body_de = models.TextField(_("text (German)"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self):
        return self.get_kind_display()

    def localized_body(self) -> str:
        """The text in the visitor's language; the Dutch one when staff wrote none for it."""
        language = (get_language() or "nl")[:2]
        text = self.body if language == "nl" else getattr(self, f"body_{language}", "")
        return text or self.body
