"""Tracked links in the admin: staff make the city's campaign-wide links (any target) and see
every link with its maker, channel and visits. Imported by campaign.apps (campaign/admin.py
belongs to the campaign pages)."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from agenda.models import Edition
from campaign import selection
from campaign.models import TrackedLink
from campaign.services.links import tracked_link_create
from campaign.targets import forget
from providers.admin_autocomplete import CheckedAutocomplete

TARGETS = ("activity", "target_provider", "page")


class TrackedLinkAdminForm(forms.ModelForm):
    class Meta:
        model = TrackedLink
        fields = ["edition", "channel", "label", *TARGETS, "agenda_query"]
        help_texts = {
            "agenda_query": _(
                "With no page chosen above: the agenda's own filters, as in its address after "
                "the question mark, e.g. doelgroep=kinderen&wijk=venlo-oost. Empty: the whole "
                "agenda."
            )
        }

    def clean_agenda_query(self):
        """Checked and spelled like a campaign page's selection (campaign.selection): a filter
        the agenda does not know, or a value it would ignore, is refused with the reason, and
        the form keeps what staff typed."""
        text = self.cleaned_data.get("agenda_query") or ""
        edition = self.cleaned_data.get("edition") or Edition.objects.current()
        problems = selection.problems(text, edition)
        if problems:
            raise forms.ValidationError(problems, code="agenda_query")
        return selection.canonical(text, edition)

    def clean(self):
        data = super().clean()
        chosen = [name for name in TARGETS if data.get(name)]
        if len(chosen) > 1:
            raise forms.ValidationError(_("Choose one page the link leads to."))
        if chosen and data.get("agenda_query"):
            self.add_error("agenda_query", _("An agenda selection only goes without a page."))
        data["agenda_query"] = data.get("agenda_query") or ""
        return data


@admin.register(TrackedLink)
class TrackedLinkAdmin(CheckedAutocomplete, admin.ModelAdmin):
    form = TrackedLinkAdminForm
    list_display = ["code", "maker", "channel", "label", "visits", "created_at"]
    list_filter = ["channel", "edition", ("provider", admin.EmptyFieldListFilter)]
    search_fields = ["code", "label", "provider__name", "activity__title"]
    autocomplete_fields = ["activity", "target_provider"]
    readonly_fields = ["short_url", "provider", "created_by"]
    list_select_related = ["provider"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(visit_total=Coalesce(Sum("visit_days__visits"), 0))
        )

    def get_changeform_initial_data(self, request):
        edition = Edition.objects.current() or Edition.objects.for_portal()
        return {
            "edition": edition.pk if edition else None,
            **super().get_changeform_initial_data(request),
        }

    @admin.display(description=_("made by"), ordering="provider__name")
    def maker(self, link):
        return link.provider.name if link.provider_id else _("the municipality")

    @admin.display(description=_("visits"), ordering="visit_total")
    def visits(self, link):
        return link.visit_total

    @admin.display(description=_("short link"))
    def short_url(self, link):
        return settings.SITE_URL + link.get_absolute_url() if link.pk else "—"

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        forget(obj.code)

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        forget()

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            forget(obj.code)
            return
        data = form.cleaned_data
        made = tracked_link_create(
            edition=data["edition"],
            channel=data["channel"],
            activity=data.get("activity"),
            target_provider=data.get("target_provider"),
            page=data.get("page"),
            agenda_query=data["agenda_query"],
            label=data["label"],
            created_by=request.user,
        )
        obj.pk, obj.code, obj.created_at, obj.created_by = (
            made.pk,
            made.code,
            made.created_at,
            made.created_by,
        )
        obj._state.adding = False
