"""Users, providers, districts and disciplines: the rows everything else builds on."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length, Lower
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from providers.validators import (
    SiteURLValidator,
    is_deceptive_url,
    is_plain_number,
    validate_plain_link,
    validate_provider_slug,
)


class TranslatedName(models.Model):
    """A staff-editable label in Dutch, with optional English and German versions."""

    name = models.CharField(_("name (Dutch)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80, blank=True)
    name_de = models.CharField(_("name (German)"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the visitor's language, falling back to Dutch."""
        language = (get_language() or "nl")[:2]
        return getattr(self, f"name_{language}", "") or self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who logs in: municipal staff, or a user acting for one provider."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    provider = models.ForeignKey(
        "providers.Provider",
        verbose_name=_("provider"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="users",
    )
    # No browser to ask when an e-mail is written later (a moderation decision): remembered here.
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default="nl",
        help_text=_("The language of the e-mails this user gets."),
    )
    # Empty from a sign-up or invitation until its confirmation (accounts staff make count as
    # confirmed): "never confirmed" (expires) is not "deactivated by staff" (stays so).
    email_verified_at = models.DateTimeField(
        _("e-mail address confirmed"),
        null=True,
        blank=True,
        default=timezone.now,
        help_text=_("Empty until the person confirms the address of a sign-up or invitation."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
        ]

    def __str__(self):
        return self.email

    @property
    def email_confirmed(self) -> bool:
        # Not `is_verified`: django-otp sets that on the user for the staff second factor.
        return self.email_verified_at is not None


class District(models.Model):
    """A district or village of Venlo ("wijk" / "kern"), used for filters and statistics."""

    name = models.CharField(_("name"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    is_priority = models.BooleanField(
        _("priority neighbourhood"),
        default=False,
        help_text=_("One of the city's priority neighbourhoods (aandachtswijk)."),
    )
    neighbours = models.ManyToManyField(
        "self",
        verbose_name=_("neighbouring districts"),
        blank=True,
        help_text=_("Districts next to this one: the agenda suggests them when nothing is found."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self):
        return self.name

    @property
    def label(self) -> str:
        return self.name


def normalise_postcode(postcode: str) -> str:
    """'5911 ab' → '5911AB'; anything that is not a Dutch postcode → ''."""
    compact = "".join(postcode.split()).upper()
    if len(compact) == 6 and compact[:4].isdigit() and compact[4:].isalpha() and compact.isascii():
        return compact
    if len(compact) == 4 and is_plain_number(compact):
        return compact
    return ""


class PostcodeRange(models.Model):
    """Postcodes from `first` to `last` (both six characters) belong to a district.

    Ranges may nest: a priority neighbourhood inside a larger district. The narrowest range
    that contains a postcode wins.
    """

    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="postcode_ranges")
    first = models.CharField(_("first postcode"), max_length=6, help_text=_("For example 5911AA."))
    last = models.CharField(_("last postcode"), max_length=6, help_text=_("For example 5911ZZ."))

    class Meta:
        ordering = ["first", "last"]
        verbose_name = _("postcode range")
        verbose_name_plural = _("postcode ranges")
        constraints = [
            models.CheckConstraint(
                condition=Q(Exact(Length("first"), 6), Exact(Length("last"), 6)),
                name="postcode_range_full_codes",
            ),
            models.CheckConstraint(condition=Q(first__lte=F("last")), name="postcode_range_order"),
        ]

    def __str__(self):
        return f"{self.first}–{self.last}"

    @classmethod
    def district_for(cls, postcode: str) -> District | None:
        code = normalise_postcode(postcode)
        if len(code) == 4:
            code += "AA"
        if not code:
            return None
        match = (
            cls.objects.filter(first__lte=code, last__gte=code)
            .select_related("district")
            .order_by("-first", "last")
            .first()
        )
        return match.district if match else None


class Discipline(TranslatedName):
    class Meta(TranslatedName.Meta):
        verbose_name = _("discipline")
        verbose_name_plural = _("disciplines")


class ProviderQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Provider.Status.APPROVED)

    def editable_by(self, user):
        """The one provider a portal user acts for."""
        if not getattr(user, "provider_id", None):
            return self.none()
        return self.filter(pk=user.provider_id)


class Provider(models.Model):
    """An organisation that opens its doors: an association, a school, an artist …"""

    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("Amateur association")
        INSTITUTION = "institution", _("Cultural institution")
        MUSIC_SCHOOL = "music_school", _("Music or arts school")
        ARTIST = "artist", _("Artist")
        ENTREPRENEUR = "entrepreneur", _("Cultural entrepreneur")
        COMMUNITY_CENTRE = "community_centre", _("Community centre")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, validators=[validate_provider_slug]
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    disciplines = models.ManyToManyField(
        Discipline, verbose_name=_("disciplines"), related_name="providers", blank=True
    )
    description = models.TextField(_("description"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    website = models.URLField(_("website"), blank=True, validators=[validate_plain_link])
    facebook = models.URLField(
        _("Facebook"),
        blank=True,
        validators=[SiteURLValidator("Facebook", "facebook.com")],
        help_text=_("For example https://www.facebook.com/yourchoir"),
    )
    instagram = models.URLField(
        _("Instagram"),
        blank=True,
        validators=[SiteURLValidator("Instagram", "instagram.com")],
        help_text=_("For example https://www.instagram.com/yourchoir"),
    )
    other_link = models.URLField(
        _("other link"),
        blank=True,
        validators=[validate_plain_link],
        help_text=_("One more page about your organisation, for example on YouTube or Mastodon."),
    )
    public_email = models.EmailField(_("public e-mail address"), blank=True)
    public_phone = models.CharField(_("public phone number"), max_length=30, blank=True)
    contact_name = models.CharField(
        _("contact person"), max_length=120, blank=True, help_text=_("Only for the municipality.")
    )
    contact_email = models.EmailField(
        _("contact e-mail address"), blank=True, help_text=_("Only for the municipality.")
    )
    home_district = models.ForeignKey(
        District,
        verbose_name=_("home district"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="providers",
    )
    # When staff rejected it: its accounts are removed PROVIDER_REJECTED_RETENTION_DAYS later.
    rejected_at = models.DateTimeField(_("rejected"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProviderQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("agenda:provider_detail", kwargs={"slug": self.slug})

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    def can_be_edited_by(self, user) -> bool:
        return bool(getattr(user, "provider_id", None)) and user.provider_id == self.pk

    @property
    def other_link_label(self) -> str:
        """The other link's site, as its visible text: 'youtube.com'."""
        if is_deceptive_url(self.other_link):
            return ""
        host = urlsplit(self.other_link).hostname or ""
        return host.removeprefix("www.")


class PendingProvider(Provider):
    """The moderators' queue in the admin: providers waiting for approval."""

    class Meta:
        proxy = True
        verbose_name = _("provider waiting for approval")
        verbose_name_plural = _("providers waiting for approval")
