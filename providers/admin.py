"""Staff screens for providers, venues and the shared taxonomies."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from providers.admin_autocomplete import CheckedAutocomplete
from providers.admin_moderation import approve_providers, reject_providers
from providers.models import (
    Discipline,
    District,
    PendingProvider,
    PostcodeRange,
    Provider,
    User,
    Venue,
)


class RightsForSuperusersOnly:
    """Accounts, groups and their permissions change only at a superuser's hands: a staff
    group that could edit them could give itself every right (the beheer group included)."""

    def has_add_permission(self, request, *args):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(RightsForSuperusersOnly, DjangoGroupAdmin):
    pass


@admin.register(User)
class UserAdmin(CheckedAutocomplete, RightsForSuperusersOnly, DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "provider", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    readonly_fields = ["email_verified_at"]
    search_fields = ["email", "first_name", "last_name", "provider__name"]
    autocomplete_fields = ["provider"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "provider"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined", "email_verified_at"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2", "provider"]}),
    ]


class PostcodeRangeInline(admin.TabularInline):
    model = PostcodeRange
    extra = 1


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "is_priority"]
    list_filter = ["is_priority"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PostcodeRangeInline]


class TranslatedNameAdmin(admin.ModelAdmin):
    """The staff-editable labels in three languages (TranslatedName): disciplines here,
    audiences and channels in the agenda."""

    list_display = ["name", "name_en", "name_de", "position"]
    list_editable = ["position"]
    search_fields = ["name", "name_en", "name_de"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register(Discipline, TranslatedNameAdmin)


@admin.register(Provider)
class ProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "status", "home_district", "created_at"]
    # Moderators type "facebook.com/…" too: read it as https, as the portal form does.
    # Checkboxes: the JavaScript two-list widget speaks English (Django has no Dutch for it).
    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"},
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
    }
    list_filter = ["status", "kind", "home_district", "disciplines"]
    search_fields = ["name", "contact_name", "contact_email", "public_email"]
    prepopulated_fields = {"slug": ["name"]}
    date_hierarchy = "created_at"
    actions = [approve_providers, reject_providers]
    # Approval goes through the actions, which also tell the provider.
    readonly_fields = ["status"]


@admin.register(PendingProvider)
class PendingProviderAdmin(ProviderAdmin):
    """The queue: providers waiting for approval, the longest waiting first."""

    list_display = ["name", "kind", "contact_name", "contact_email", "created_at"]
    ordering = ["created_at", "pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(status=Provider.Status.PENDING)

    def has_add_permission(self, request):
        return False


@admin.register(Venue)
class VenueAdmin(CheckedAutocomplete, admin.ModelAdmin):
    list_display = ["name", "street", "postcode", "district", "wheelchair_accessible"]
    list_filter = ["district", "wheelchair_accessible", "accessible_toilet", "hearing_loop"]
    search_fields = ["name", "street", "postcode"]
    autocomplete_fields = ["added_by"]
