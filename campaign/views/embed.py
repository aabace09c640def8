"""The portal's embed screen: the widgets' iframe snippets, ready to copy, with a preview."""

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agenda.filters import AgendaFilter
from agenda.models import Activity, Edition
from campaign.embed_code import FRAME_HEIGHT, embed_code, provider_embed
from campaign.models import CampaignPage
from providers.access import provider_required


class EmbedForm(forms.Form):
    """Which widgets to show the snippets of: their language, a campaign page, an agenda."""

    taal = forms.ChoiceField(label=gettext_lazy("Language of the widget"), required=False)
    pagina = forms.ChoiceField(label=gettext_lazy("Campaign page"), required=False)
    agenda = forms.CharField(
        label=gettext_lazy("Filtered agenda"),
        required=False,
        max_length=1000,
        help_text=gettext_lazy(
            "Choose filters in the agenda, then copy its address from your browser and paste "
            "it here. Empty: the whole agenda."
        ),
    )

    def __init__(self, data, *, pages, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["taal"].choices = settings.LANGUAGES
        if pages:
            self.fields["pagina"].choices = [(page.slug, page.localized_title) for page in pages]
        else:
            del self.fields["pagina"]


def agenda_selection(text: str, edition: Edition | None) -> str:
    """The agenda filters in a pasted address (or query string), as the agenda spells them."""
    query = text.strip().partition("?")[2] if "?" in text else text.strip()
    if not query or edition is None:
        return ""
    query = query.partition("#")[0]
    filterset = AgendaFilter(QueryDict(query), queryset=Activity.objects.none(), edition=edition)
    return filterset.canonical_query().urlencode()


@provider_required
def embed(request):
    provider = request.user.provider
    edition = Edition.objects.current()
    pages = (
        list(CampaignPage.objects.published(timezone.now()).filter(edition=edition))
        if edition
        else []
    )
    current = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    form = EmbedForm(
        request.GET or None,
        pages=pages,
        initial={"taal": current, "pagina": pages[0].slug if pages else ""},
    )
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    language = data.get("taal") or current
    page = next((p for p in pages if p.slug == data.get("pagina")), pages[0] if pages else None)
    query = agenda_selection(data.get("agenda", ""), edition)
    with translation.override(language):
        provider_snippet = provider_embed(provider)
        page_snippet = (
            embed_code(
                reverse("campaign:widget_page", kwargs={"slug": page.slug}),
                _("%(title)s at Week 3 Venlo") % {"title": page.localized_title},
            )
            if page
            else None
        )
        agenda_path = reverse("campaign:widget_agenda")
        agenda_snippet = embed_code(
            f"{agenda_path}?{query}" if query else agenda_path,
            _("Activities at Week 3 Venlo"),
        )
    return render(
        request,
        "campaign/embed.html",
        {
            "provider": provider,
            "edition": edition,
            "form": form,
            "provider_snippet": provider_snippet,
            "page_snippet": page_snippet,
            "agenda_snippet": agenda_snippet,
            "frame_height": FRAME_HEIGHT,
        },
    )
