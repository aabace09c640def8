"""The statements (privacy, accessibility, colophon) in the admin: staff edit their text in
Dutch, English and German; the public pages show the edit at once (content fingerprint)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from agenda.models import Statement

PAGES = {
    Statement.Kind.PRIVACY: "agenda:privacy",
    Statement.Kind.ACCESSIBILITY: "agenda:accessibility",
    Statement.Kind.COLOPHON: "agenda:colophon",
}


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    list_display = ["kind", "updated_at", "public_page"]
    fields = ["kind", "body", "body_en", "body_de", "updated_at"]
    readonly_fields = ["updated_at"]

    @admin.display(description=_("public page"))
    def public_page(self, obj):
        url = reverse(PAGES[obj.kind])
        return format_html('<a href="{}">{}</a>', url, url)

    def get_readonly_fields(self, request, obj=None):
        # One row per statement: its kind is fixed once it exists.
        return [*self.readonly_fields, "kind"] if obj else self.readonly_fields

    def has_add_permission(self, request):
        missing = Statement.objects.count() < len(Statement.Kind.values)
        return missing and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
