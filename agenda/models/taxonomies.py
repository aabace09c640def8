"""The agenda's staff-editable vocabularies: audiences, languages spoken, channels."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from providers.models import TranslatedName


class Audience(TranslatedName):
    """A segment of the campaign: children, youth, families, seniors, newcomers …

    `includes`: the audiences an activity for this one also counts for (an activity for
    families is also for children and for their parents), in filters and search alike.
    """

    includes = models.ManyToManyField(
        "self",
        verbose_name=_("also counts for"),
        symmetrical=False,
        related_name="included_in",
        blank=True,
        help_text=_("An activity for this audience also shows under these audiences."),
    )

    # For audience fit (the impact dashboard): the residents' age brackets this audience
    # means (agenda.models.reservations.AgeBracket values); empty: any age fits.
    age_brackets = ArrayField(
        models.CharField(max_length=5),
        verbose_name=_("age brackets"),
        blank=True,
        default=list,
        help_text=_("The age brackets residents of this audience give; empty for any age."),
    )

    class Meta(TranslatedName.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class Language(models.Model):
    """A language an activity is given in; names come from Django's own translations."""

    code = models.CharField(_("code"), max_length=10, primary_key=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        try:
            return str(get_language_info(self.code)["name_translated"])
        except KeyError:
            return self.code

    @property
    def slug(self) -> str:
        return self.code


class Channel(TranslatedName):
    """How a resident heard about Week 3 (poster, social media, school …), for the campaign."""

    class Meta(TranslatedName.Meta):
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
