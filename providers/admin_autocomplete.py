"""Django's admin autocomplete, safe against a posted value that is no key."""

from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import ValidationError


class KeyCheckedAutocompleteSelect(AutocompleteSelect):
    """Django's AutocompleteSelect looks the posted value up to show it again; a value that
    is no key (`provider=abc`) made that lookup fail with a server error. Such a value is
    left out, so the form shows its "choose a valid option" error instead."""

    def optgroups(self, name, value, attr=None):
        target = self.field.target_field
        keys = []
        for item in value:
            try:
                target.to_python(item)
            except ValidationError:
                continue
            keys.append(item)
        return super().optgroups(name, keys, attr)


class CheckedAutocomplete:
    """For a ModelAdmin or inline with `autocomplete_fields`: the key-checked widget."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = KeyCheckedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
