"""Staff screens for the campaign's landing pages (/beheer/)."""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from agenda.models import Edition
from campaign import selection
from campaign.models import CampaignPage, CampaignPick
from campaign.services.pages import campaign_page_save
from providers.admin_autocomplete import CheckedAutocomplete
from providers.images import prepare_image

IMAGE_ACCEPT = "image/jpeg,image/png,image/webp"


class CampaignPageForm(forms.ModelForm):
    """The page, with its hero image checked and cleaned by Pillow (providers.images) before
    anything is stored, and its agenda selection checked with the agenda's own filters."""

    hero_upload = forms.FileField(
        label=_("New hero image"),
        required=False,
        help_text=_("JPEG, PNG or WebP. It is stored without its metadata (place, camera)."),
        widget=forms.ClearableFileInput(attrs={"accept": IMAGE_ACCEPT}),
    )
    hero_remove = forms.BooleanField(label=_("Remove the hero image"), required=False)

    class Meta:
        model = CampaignPage
        fields = [
            "edition",
            "title",
            "slug",
            "intro",
            "hero_alt",
            "agenda_query",
            "title_en",
            "title_de",
            "intro_en",
            "intro_de",
            "hero_alt_en",
            "hero_alt_de",
            "is_published",
            "publish_from",
            "publish_until",
            "position",
        ]

    def clean_hero_upload(self):
        upload = self.cleaned_data.get("hero_upload")
        return prepare_image(upload) if upload else None

    def clean_agenda_query(self):
        text = self.cleaned_data.get("agenda_query", "")
        edition = self.cleaned_data.get("edition") or Edition.objects.current()
        problems = selection.problems(text, edition)
        if problems:
            raise forms.ValidationError(problems, code="agenda_query")
        return selection.canonical(text, edition)

    def clean(self):
        cleaned = super().clean()
        has_image = cleaned.get("hero_upload") or (
            self.instance.hero_image and not cleaned.get("hero_remove")
        )
        if has_image and not cleaned.get("hero_alt"):
            self.add_error("hero_alt", _("Describe the hero image for people who cannot see it."))
        return cleaned


class CampaignPickFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        edition = getattr(self.instance, "edition", None)
        for form in self.forms:
            activity = form.cleaned_data.get("activity") if hasattr(form, "cleaned_data") else None
            if activity and edition and activity.edition_id != edition.pk:
                form.add_error("activity", _("This activity is not in the page's edition."))


class CampaignPickInline(CheckedAutocomplete, admin.TabularInline):
    model = CampaignPick
    formset = CampaignPickFormSet
    extra = 1
    fields = ["position", "activity"]
    autocomplete_fields = ["activity"]


@admin.register(CampaignPage)
class CampaignPageAdmin(admin.ModelAdmin):
    form = CampaignPageForm
    list_display = [
        "title",
        "slug",
        "edition",
        "published_state",
        "publish_from",
        "publish_until",
        "position",
    ]
    list_filter = ["is_published", "edition"]
    list_select_related = ["edition"]
    search_fields = ["title", "slug", "intro"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["current_hero"]
    inlines = [CampaignPickInline]
    fieldsets = [
        (
            None,
            {"fields": ["edition", "title", "slug", "intro"]},
        ),
        (
            _("Hero image"),
            {"fields": ["current_hero", "hero_upload", "hero_remove", "hero_alt"]},
        ),
        (
            _("What the page lists"),
            {
                "fields": ["agenda_query"],
                "description": _(
                    "The picked activities below come first, in their order; then the "
                    "activities of this agenda selection, each once."
                ),
            },
        ),
        (
            _("Translations"),
            {
                "fields": [
                    "title_en",
                    "title_de",
                    "intro_en",
                    "intro_de",
                    "hero_alt_en",
                    "hero_alt_de",
                ],
                "description": _("Empty fields show the Dutch text."),
            },
        ),
        (
            _("Publication"),
            {"fields": ["is_published", "publish_from", "publish_until", "position"]},
        ),
    ]

    @admin.display(description=_("Current hero image"))
    def current_hero(self, page):
        if not page.hero_image:
            return _("None yet")
        return format_html(
            '<img src="{}" alt="{}" width="240">', page.hero_image.url, page.hero_alt
        )

    @admin.display(description=_("On the site"))
    def published_state(self, page):
        now = timezone.now()
        if not page.is_published:
            return _("Not published")
        if page.publish_from and page.publish_from > now:
            return _("From %(moment)s") % {
                "moment": date_format(
                    timezone.localtime(page.publish_from), "SHORT_DATETIME_FORMAT"
                )
            }
        if page.publish_until and page.publish_until <= now:
            return _("Ended")
        return _("Online")

    def save_model(self, request, obj, form, change):
        campaign_page_save(
            page=obj,
            hero=form.cleaned_data.get("hero_upload"),
            remove_hero=form.cleaned_data.get("hero_remove", False),
        )
