"""Forms residents fill in on the public site: the reservation form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agenda.models import AgeBracket, Channel, FollowUpContinue
from providers.form_fields import EmailField


def largest_party(session) -> int:
    """The activity's limit per reservation, and never more than the whole session holds."""
    largest = session.activity.max_party_size
    if session.capacity is not None:
        largest = min(largest, session.capacity)
    return max(largest, 1)


# Folded away below the required fields (`<details>`), so the button stays near the top.
OPTIONAL_FIELDS = ("age_bracket", "postcode", "channel", "consent_contact", "consent_followup")


class ReservationForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Fill in your name, so the organiser knows who is coming.")},
    )
    email = EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send your reservation and a link to cancel to this address."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Fill in your e-mail address, so we can send you your reservation."),
            "invalid": _("This is not an e-mail address. Check for typos, e.g. name@example.nl."),
        },
    )
    party_size = forms.TypedChoiceField(
        label=_("How many people are coming, you included?"), coerce=int, initial=1
    )
    age_bracket = forms.ChoiceField(
        label=_("Your age (optional)"),
        required=False,
        choices=[("", _("I'd rather not say")), *AgeBracket.choices],
    )
    postcode = forms.CharField(
        label=_("Your postcode (optional)"),
        help_text=_(
            "Only to count where guests come from. Any postcode is fine: Dutch (5912 AB), "
            "German (41334) or Belgian (B-3000)."
        ),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    channel = forms.ModelChoiceField(
        label=_("How did you hear about Week 3? (optional)"),
        queryset=Channel.objects.all(),
        required=False,
        empty_label=_("Choose …"),
    )
    consent_contact = forms.BooleanField(
        label=_("The organiser may e-mail me about joining after the trial."), required=False
    )
    consent_followup = forms.BooleanField(
        label=_("Send me one short question afterwards about how it went."), required=False
    )
    # Honeypot: hidden from people (CSS, aria-hidden, no tab stop); bots fill in every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party_size"].choices = [
            (size, str(size)) for size in range(1, largest_party(session) + 1)
        ]
        # Who counts: a child left at a workshop takes one place, the parent who brings it none.
        if session.activity.parents_stay == session.activity.ParentsStay.DROP_OFF:
            self.fields["party_size"].label = _("How many children are you signing up?")
            self.fields["party_size"].help_text = _(
                "Parents drop their children off and pick them up again: do not count yourself."
            )
        else:
            self.fields["party_size"].help_text = _(
                "Count everyone who comes, children and adults who stay."
            )

    def add_error(self, field, error):
        super().add_error(field, error)
        # Screen readers announce a field's error with the field, not only in the summary.
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                described = [f"{bound.auto_id}_error"]
                if bound.help_text:
                    described.append(f"{bound.auto_id}_helptext")
                bound.field.widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": " ".join(described)}
                )

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(
                _("Leave this field empty: it is there to stop spam robots."), code="honeypot"
            )
        return ""

    @property
    def optional_errors(self) -> bool:
        """An optional question needs an answer fixed: its fold opens."""
        return any(name in self.errors for name in OPTIONAL_FIELDS)

    @property
    def is_honeypot(self) -> bool:
        return self.has_error("website", code="honeypot")


class MyWeek3Form(forms.Form):
    """Ask for the "Mijn Week 3" link."""

    email = EmailField(
        label=_("Your e-mail address"),
        help_text=_("The address you reserved with."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Fill in your e-mail address, so we can send you the link."),
            "invalid": _("This is not an e-mail address. Check for typos, e.g. name@example.nl."),
        },
    )


class FollowUpForm(forms.Form):
    """The one question after a session (agenda.followup_views): three choices and a comment."""

    rating = forms.TypedChoiceField(
        label=_("How was it?"),
        help_text=_("From 1 (not good) to 5 (very good)."),
        choices=[
            (1, _("1 – not good")),
            (2, "2"),
            (3, "3"),
            (4, "4"),
            (5, _("5 – very good")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how it was, from 1 to 5.")},
    )
    wants_to_continue = forms.ChoiceField(
        label=_("Do you want to go on with it?"),
        choices=FollowUpContinue.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes, maybe or no.")},
    )
    signed_up = forms.TypedChoiceField(
        label=_("Have you already signed up, as a member, student or for a course?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose yes or no.")},
    )
    comment = forms.CharField(
        label=_("Anything else you want to tell us? (optional)"),
        help_text=_(
            "The municipality reads this without your name or e-mail address. Please do not "
            "write your name or other personal details in it: e-mail addresses and phone "
            "numbers are removed."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        # The labels are questions: no colon after the question mark.
        super().__init__(*args, label_suffix="", **kwargs)
