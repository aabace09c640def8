"""An activity with all its sessions on one page, and the walk-ins of a session."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from agenda.formatting import day_format
from agenda.models import Activity, Session
from portal.forms.organisation import IMAGE_ACCEPT, ImageUploadMixin
from providers.models import Venue

# Optional English and German title and summary (issue 14): one fieldset of their own.
TRANSLATION_FIELDS = ["title_en", "summary_en", "title_de", "summary_de"]
# How many people one reservation may bring (Activity.max_party_size).
MIN_PARTY_SIZE, MAX_PARTY_SIZE = 1, 10
# Times one activity form takes at most; more rows (or a made-up row count) are refused.
MAX_SESSION_ROWS = 50


def mark_required(form) -> None:
    """Required fields say so in their label, in words that screen readers read out too."""
    for field in form.fields.values():
        if field.required and field.label and not isinstance(field.widget, forms.HiddenInput):
            field.label = format_html(
                '{} <span class="required-mark">{}</span>', field.label, _("(required)")
            )


class ActivityForm(ImageUploadMixin, forms.ModelForm):
    upload_help = _(
        "JPEG, PNG or WebP, at most %(megabytes)s MB and %(megapixels)s megapixels. "
        "Landscape photos look best."
    )
    upload = forms.FileField(
        label=_("Photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT}),
    )

    class Meta:
        model = Activity
        fields = [
            "title",
            "description",
            "disciplines",
            "audiences",
            "min_age",
            "max_age",
            "languages",
            "no_dutch_needed",
            "registration",
            "max_party_size",
            "parents_stay",
            "what_to_bring",
            "follow_up",
            "image_alt",
            *TRANSLATION_FIELDS,
        ]
        widgets = {
            "summary_en": forms.Textarea(attrs={"rows": 3, "lang": "en"}),
            "summary_de": forms.Textarea(attrs={"rows": 3, "lang": "de"}),
            "title_en": forms.TextInput(attrs={"lang": "en"}),
            "title_de": forms.TextInput(attrs={"lang": "de"}),
            "disciplines": forms.CheckboxSelectMultiple,
            "audiences": forms.CheckboxSelectMultiple,
            "languages": forms.CheckboxSelectMultiple,
            "registration": forms.RadioSelect,
            "parents_stay": forms.RadioSelect,
            "min_age": forms.NumberInput(attrs={"min": 0, "max": 120}),
            "max_age": forms.NumberInput(attrs={"min": 0, "max": 120}),
            "max_party_size": forms.NumberInput(
                attrs={"min": MIN_PARTY_SIZE, "max": MAX_PARTY_SIZE}
            ),
        }
        labels = {
            "title_en": _("Title in English"),
            "summary_en": _("A few sentences in English"),
            "title_de": _("Title in German"),
            "summary_de": _("A few sentences in German"),
        }
        help_texts = {
            "max_party_size": _(
                "Only for activities with reservations: how many people one reservation may "
                "bring, the resident included. From 1 to 10."
            ),
        }

    def __init__(self, *args, image_name="", pending_image="", **kwargs):
        super().__init__(*args, **kwargs)
        self.image_name = image_name
        # A photo chosen earlier, kept while the form was shown again (providers.pending_images).
        self.pending_image = pending_image
        # Needed only with reservations; a walk-in activity keeps the value it has.
        self.fields["max_party_size"].required = False
        # Not asked before issue 14: a form without it keeps what the activity has.
        self.fields["parents_stay"].required = False
        mark_required(self)

    def visible_fields(self):
        # The translations have their own fieldset (portal/partials/_activity_translations.html).
        return [field for field in super().visible_fields() if field.name not in TRANSLATION_FIELDS]

    def translation_fields(self):
        return [self[name] for name in TRANSLATION_FIELDS]

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_age"), cleaned.get("max_age")
        if high is not None and high > 120:
            self.add_error("max_age", _("Write an age of 120 or lower."))
        elif low is not None and high is not None and low > high:
            self.add_error("max_age", _("The maximum age must be at least the minimum age."))
        self._clean_party_size(cleaned)
        if not cleaned.get("parents_stay"):
            cleaned["parents_stay"] = self.instance.parents_stay
        has_photo = cleaned.get("upload") or self.pending_image or self.image_name
        if has_photo and not cleaned.get("image_alt"):
            self.add_error(
                "image_alt", _("Describe the photo in a few words, for people who cannot see it.")
            )
        return cleaned

    def _clean_party_size(self, cleaned):
        size = cleaned.get("max_party_size")
        if size is None:
            if cleaned.get("registration") == Activity.Registration.RESERVE:
                self.add_error(
                    "max_party_size",
                    ValidationError(
                        _("Write how many people one reservation may bring."), code="required"
                    ),
                )
            elif "max_party_size" not in self.errors:
                cleaned["max_party_size"] = self.instance.max_party_size
        elif not MIN_PARTY_SIZE <= size <= MAX_PARTY_SIZE:
            self.add_error(
                "max_party_size",
                ValidationError(
                    _("Choose a number from %(min)s to %(max)s.")
                    % {"min": MIN_PARTY_SIZE, "max": MAX_PARTY_SIZE},
                    code="range",
                ),
            )

    def _post_clean(self):
        # The values go to agenda.services.activities, never straight into the instance: an approved
        # activity must stay as it is until the changes are approved.
        pass


class VenueChoices:
    """The venue list, read once for a whole formset: the choices, and the venues by key.

    A ModelChoiceField per row would read all venues again for every row it renders, and look
    the chosen one up with another query for every row it validates.

    The choices are grouped by district, after a "Your venues" group with the venues the
    provider added or has used for a session, so the usual place is at the top.
    """

    def __init__(self, provider=None):
        self.provider_id = getattr(provider, "pk", None)

    @cached_property
    def venues(self) -> list[Venue]:
        venues = Venue.objects.select_related("district").order_by("district__name", "name", "pk")
        if self.provider_id is None:
            return list(venues.annotate(mine=models.Value(False)))
        used = Session.objects.filter(venue=OuterRef("pk"), activity__provider_id=self.provider_id)
        mine = models.Q(added_by_id=self.provider_id) | models.Q(Exists(used))
        return list(
            venues.annotate(mine=models.ExpressionWrapper(mine, output_field=models.BooleanField()))
        )

    @cached_property
    def by_pk(self) -> dict[int, Venue]:
        return {venue.pk: venue for venue in self.venues}

    @staticmethod
    def label(venue: Venue) -> str:
        return f"{venue.name} – {venue.street}, {venue.city}"

    @cached_property
    def choices(self) -> list[tuple]:
        own = sorted((v for v in self.venues if v.mine), key=lambda v: (v.name.lower(), v.pk))
        districts: dict[str, list[tuple]] = {}
        for venue in self.venues:
            if not venue.mine:
                districts.setdefault(venue.district.name, []).append((venue.pk, self.label(venue)))
        groups = [(_("Your venues"), [(v.pk, self.label(v)) for v in own])] if own else []
        return [("", _("Choose a venue")), *groups, *districts.items()]


class SessionForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    day = forms.TypedChoiceField(label=_("Day"), coerce=datetime.date.fromisoformat)
    start = forms.TimeField(label=_("From"), widget=forms.TimeInput(attrs={"type": "time"}))
    end = forms.TimeField(label=_("Until"), widget=forms.TimeInput(attrs={"type": "time"}))
    venue = forms.TypedChoiceField(label=_("Venue"), coerce=int)
    capacity = forms.IntegerField(
        label=_("Spots"),
        required=False,
        min_value=1,
        help_text=_("Needed for activities with reservations. Walk-in: leave empty for no limit."),
        widget=forms.NumberInput(attrs={"min": 1}),
    )

    def __init__(self, *args, edition, venues: VenueChoices, **kwargs):
        super().__init__(*args, **kwargs)
        self.venues = venues
        self.fields["day"].choices = [("", _("Choose a day"))] + [
            (day.isoformat(), date_format(day, day_format())) for day in edition.days
        ]
        self.fields["venue"].choices = venues.choices
        mark_required(self)

    def clean_venue(self) -> Venue:
        return self.venues.by_pk[self.cleaned_data["venue"]]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end <= start:
            self.add_error("end", _("The end time must be after the start time."))
        return cleaned

    def row(self) -> dict:
        """The session in the JSON shape of agenda.services.drafts."""
        data = self.cleaned_data
        starts = timezone.make_aware(datetime.datetime.combine(data["day"], data["start"]))
        ends = timezone.make_aware(datetime.datetime.combine(data["day"], data["end"]))
        return {
            "id": data.get("id"),
            "starts_at": starts.isoformat(),
            "ends_at": ends.isoformat(),
            "venue": data["venue"].pk,
            "capacity": data.get("capacity"),
        }


class BaseSessionFormSet(forms.BaseFormSet):
    registration = None

    def filled_forms(self):
        return [
            form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def clean(self):
        if any(self.errors) or self.registration != Activity.Registration.RESERVE:
            return
        for form in self.filled_forms():
            if form.cleaned_data.get("capacity") is None:
                form.add_error("capacity", _("With reservations, write how many spots there are."))


def session_formset(*, edition, provider=None, data=None, initial=None, extra=1):
    formset_class = forms.formset_factory(
        SessionForm,
        formset=BaseSessionFormSet,
        extra=extra,
        can_delete=True,
        max_num=MAX_SESSION_ROWS,
        absolute_max=MAX_SESSION_ROWS,
        validate_max=True,
    )
    return formset_class(
        data=data,
        initial=initial,
        prefix="sessions",
        form_kwargs={"edition": edition, "venues": VenueChoices(provider)},
    )


def session_initial(rows: list[dict]) -> list[dict]:
    """Form rows from stored sessions (agenda.services.drafts.activity_data)."""
    initial = []
    for row in rows:
        starts = timezone.localtime(datetime.datetime.fromisoformat(row["starts_at"]))
        ends = timezone.localtime(datetime.datetime.fromisoformat(row["ends_at"]))
        initial.append(
            {
                "id": row["id"],
                "day": starts.date().isoformat(),
                "start": starts.time().strftime("%H:%M"),
                "end": ends.time().strftime("%H:%M"),
                "venue": row["venue"],
                "capacity": row["capacity"],
            }
        )
    return initial


class WalkInsForm(forms.Form):
    walk_ins = forms.IntegerField(
        label=_("Walk-ins"),
        min_value=0,
        max_value=10000,
        help_text=_("How many people came without a reservation."),
        widget=forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
    )
