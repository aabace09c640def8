"""The organisation's profile and its venues."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from agenda.ratelimit import hit
from providers.images import prepare_image
from providers.models import PostcodeRange, Provider, Venue, normalise_postcode

IMAGE_ACCEPT = "image/jpeg,image/png,image/webp"


class ImageUploadMixin:
    """An upload field checked and cleaned by Pillow (see providers.images) before anything
    is stored: `cleaned_data["upload"]` is then a providers.images.CleanImage.

    Each provider may upload UPLOAD_RATE_LIMIT images: more, and the form says so (its other
    fields keep their values) before the file is even decoded.
    """

    upload_help = _("JPEG, PNG or WebP, at most %(megabytes)s MB and %(megapixels)s megapixels.")

    def __init__(self, *args, provider, **kwargs):
        super().__init__(*args, **kwargs)
        self.uploader = provider
        self.fields["upload"].help_text = self.upload_help % {
            "megabytes": settings.IMAGE_MAX_BYTES // (1024 * 1024),
            "megapixels": settings.IMAGE_MAX_PIXELS // 1_000_000,
        }

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return upload
        if hit("upload", str(self.uploader.pk), settings.UPLOAD_RATE_LIMIT):
            raise ValidationError(
                _(
                    "You have sent a lot of photos in a short time. Try again later, or save "
                    "your changes without a photo."
                ),
                code="throttled",
            )
        return prepare_image(upload)


def _https_by_default(field, **kwargs):
    """Model form fields, with a link typed without a scheme taken as https."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ProviderForm(ImageUploadMixin, forms.ModelForm):
    upload = forms.FileField(
        label=_("Logo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT}),
    )

    class Meta:
        model = Provider
        fields = [
            "name",
            "kind",
            "disciplines",
            "description",
            "website",
            "facebook",
            "instagram",
            "other_link",
            "public_email",
            "public_phone",
            "contact_name",
            "contact_email",
            "home_district",
        ]
        widgets = {"disciplines": forms.CheckboxSelectMultiple}
        formfield_callback = _https_by_default


class VenueForm(forms.ModelForm):
    class Meta:
        model = Venue
        fields = [
            "name",
            "street",
            "postcode",
            "city",
            "wheelchair_accessible",
            "accessible_toilet",
            "hearing_loop",
            "accessibility_notes",
        ]

    def clean_postcode(self):
        postcode = normalise_postcode(self.cleaned_data["postcode"])
        if len(postcode) != 6:
            raise ValidationError(_("Write a postcode like 5911 AB."), code="invalid")
        district = PostcodeRange.district_for(postcode)
        if district is None:
            raise ValidationError(
                _("This postcode is not in Venlo. Check it, or ask the municipality."),
                code="outside",
            )
        self.instance.district = district
        return postcode

    def clean(self):
        cleaned = super().clean()
        street, postcode = cleaned.get("street"), cleaned.get("postcode")
        duplicates = Venue.objects.filter(street__iexact=street, postcode__iexact=postcode)
        if street and postcode and duplicates.exclude(pk=self.instance.pk).exists():
            # An error on the street also keeps the database constraint check from adding
            # a second, technical message.
            self.add_error(
                "street",
                ValidationError(
                    _("This address is already in the list. Search for it and choose it."),
                    code="duplicate",
                ),
            )
        return cleaned
