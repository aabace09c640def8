"""The provider portal's screens: `account`, `organisation` (dashboard, profile, colleagues,
venues), `activities` and `attendance`.

Every object is fetched through an `editable_by(user)` queryset, so another provider's object is
a 404 for GET and POST alike. No page here is cached: they show forms and the visitor's own data.
"""
