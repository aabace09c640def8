"""What an activity's card shows of it and of its sessions (agenda/templatetags/cards.py): the
listings that show cards (the agenda, campaign pages) load these fields and no more."""

CARD_FIELDS = [
    "slug",
    "title",
    "title_en",
    "title_de",
    "no_dutch_needed",
    "image",
    "image_alt",
    "min_age",
    "max_age",
    "provider",
]
CARD_SESSION_FIELDS = [
    "activity",
    "starts_at",
    "ends_at",
    "capacity",
    "places_booked",
    "places_waiting",
    "is_cancelled",
    "venue__name",
    "venue__district__name",
]
