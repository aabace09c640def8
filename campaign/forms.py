"""Forms of the campaign's portal screens: a provider's own tracked links."""

from django import forms
from django.utils.translation import gettext_lazy as _

from agenda.models import Activity
from campaign.models import LinkChannel, TrackedLink


class TargetChoice:
    PROVIDER = "provider"
    AGENDA = "agenda"
    ACTIVITY = "activity"


def own_link_targets(provider):
    """The activities a provider may point a link at: its own, not rejected or withdrawn."""
    return (
        Activity.objects.filter(provider=provider)
        .exclude(state__in=[Activity.State.REJECTED, Activity.State.WITHDRAWN])
        .order_by("title")
    )


class LinkLabelForm(forms.ModelForm):
    """What a provider may change on a link it made: the name and the channel. Where the link
    leads stays: it may already be printed."""

    class Meta:
        model = TrackedLink
        fields = ["label", "channel"]
        labels = {"label": _("Name (only you see it)"), "channel": _("Where you use the link")}
        widgets = {"channel": forms.RadioSelect}


class LinkCreateForm(LinkLabelForm):
    target = forms.ChoiceField(
        label=_("Where the link leads"),
        choices=[
            (TargetChoice.PROVIDER, _("Your organisation's page")),
            (TargetChoice.ACTIVITY, _("One of your activities (choose it below)")),
            (TargetChoice.AGENDA, _("The whole Week 3 agenda")),
        ],
        initial=TargetChoice.PROVIDER,
        widget=forms.RadioSelect,
    )
    activity = forms.ModelChoiceField(
        label=_("Activity"), queryset=Activity.objects.none(), required=False
    )

    class Meta(LinkLabelForm.Meta):
        fields = ["target", "activity", "label", "channel"]

    def __init__(self, *args, provider, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = own_link_targets(provider)
        self.fields["activity"].empty_label = _("Choose an activity")
        self.fields["channel"].initial = LinkChannel.POSTER

    def clean(self):
        data = super().clean()
        if data.get("target") == TargetChoice.ACTIVITY:
            if not data.get("activity"):
                self.add_error("activity", _("Choose the activity the link leads to."))
        else:
            data["activity"] = None
        return data
