"""Forms of the campaign's portal screens: a provider's own tracked links."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda.models import Activity
from campaign import selection
from campaign.models import CampaignPage, LinkChannel, TrackedLink

# Links one provider may make by hand per edition: plenty for every poster, flyer and channel,
# too few for a personal link per person on a mailing list (whose clicks would tell who came).
LINKS_PER_PROVIDER = 40


class TargetChoice:
    PROVIDER = "provider"
    AGENDA = "agenda"
    ACTIVITY = "activity"
    PAGE = "page"


class PageChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.localized_title


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
            (TargetChoice.PAGE, _("A campaign page of the municipality (choose it below)")),
            (TargetChoice.AGENDA, _("The Week 3 agenda, whole or filtered (below)")),
        ],
        initial=TargetChoice.PROVIDER,
        widget=forms.RadioSelect,
    )
    activity = forms.ModelChoiceField(
        label=_("Activity"), queryset=Activity.objects.none(), required=False
    )
    campaign_page = PageChoiceField(
        label=_("Campaign page"), queryset=CampaignPage.objects.none(), required=False
    )
    agenda = forms.CharField(
        label=_("Filtered agenda"),
        required=False,
        max_length=1000,
        help_text=_(
            "Choose filters in the agenda, then copy its address from your browser and paste "
            "it here. Empty: the whole agenda."
        ),
    )

    class Meta(LinkLabelForm.Meta):
        fields = ["target", "activity", "campaign_page", "agenda", "label", "channel"]

    def __init__(self, *args, provider, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.provider, self.edition = provider, edition
        self.fields["activity"].queryset = own_link_targets(provider)
        self.fields["activity"].empty_label = _("Choose an activity")
        self.fields["channel"].initial = LinkChannel.POSTER
        pages = CampaignPage.objects.published(timezone.now()).filter(edition=edition)
        if pages.exists():
            self.fields["campaign_page"].queryset = pages.order_by("position", "pk")
            self.fields["campaign_page"].empty_label = _("Choose a campaign page")
        else:  # no page to choose: no such choice
            del self.fields["campaign_page"]
            target = self.fields["target"]
            target.choices = [c for c in target.choices if c[0] != TargetChoice.PAGE]

    def clean_agenda(self):
        """The agenda's own filters in a pasted address, as the agenda spells them; a filter
        it does not know, or a value it would ignore, is refused with the reason."""
        text = self.cleaned_data.get("agenda") or ""
        if self.data.get(self.add_prefix("target")) != TargetChoice.AGENDA:
            return ""
        problems = selection.problems(text, self.edition)
        if problems:
            raise forms.ValidationError(problems, code="agenda")
        return selection.canonical(text, self.edition)

    def clean(self):
        data = super().clean()
        made = TrackedLink.objects.filter(
            provider=self.provider, edition=self.edition, standing=False
        ).count()
        if made >= LINKS_PER_PROVIDER:
            raise forms.ValidationError(
                _(
                    "You have %(count)d links, as many as one organisation can make. Remove "
                    "one you no longer use, then make the new one."
                )
                % {"count": made},
                code="too_many",
            )
        target = data.get("target")
        if target == TargetChoice.ACTIVITY:
            if not data.get("activity"):
                self.add_error("activity", _("Choose the activity the link leads to."))
        else:
            data["activity"] = None
        if target == TargetChoice.PAGE:
            if not data.get("campaign_page"):
                self.add_error("campaign_page", _("Choose the campaign page the link leads to."))
        else:
            data["campaign_page"] = None
        return data
