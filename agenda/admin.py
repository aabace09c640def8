"""Staff screens for editions, activities and their sessions."""

from django.contrib import admin

from agenda.models import Activity, Audience, Edition, Language, Session


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "starts_on", "ends_on", "is_published"]
    list_filter = ["is_published"]


@admin.register(Audience)
class AudienceAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "name_de", "position"]
    list_editable = ["position"]
    search_fields = ["name", "name_en", "name_de"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "position"]
    list_editable = ["position"]


class SessionInline(admin.TabularInline):
    model = Session
    extra = 0
    autocomplete_fields = ["venue"]
    fields = ["starts_at", "ends_at", "venue", "capacity", "places_booked", "is_cancelled"]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "provider", "edition", "state", "registration", "updated_at"]
    list_filter = ["state", "edition", "registration", "disciplines", "audiences"]
    list_select_related = ["provider", "edition"]
    search_fields = ["title", "provider__name", "description"]
    autocomplete_fields = ["provider"]
    filter_horizontal = ["disciplines", "audiences", "languages"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SessionInline]
