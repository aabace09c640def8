"""The organisation's profile and its venues."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from providers.images import validate_image
from providers.models import PostcodeRange, Provider, Venue, normalise_postcode

IMAGE_ACCEPT = "image/jpeg,image/png,image/webp"


class ImageUploadMixin:
    """An upload field checked by Pillow (see providers.images) before anything is stored."""

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            validate_image(upload)
        return upload


def _https_by_default(field, **kwargs):
    """Model form fields, with a link typed without a scheme taken as https."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class ProviderForm(ImageUploadMixin, forms.ModelForm):
    upload = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 10 MB."),
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
