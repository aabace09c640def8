"""A provider's promotion screens in the portal (/portaal/…): links, kit, embedding, reach."""

from django.urls import path

from campaign.views import embed, kit, portal_links, reach

app_name = "campaign_portal"
urlpatterns: list = [
    path("insluiten/", embed.embed, name="embed"),
    path("links/", portal_links.link_list, name="link_list"),
    path("links/nieuw/", portal_links.link_create, name="link_create"),
    path("links/<int:pk>/", portal_links.link_edit, name="link_edit"),
    path("links/<int:pk>/verwijderen/", portal_links.link_delete, name="link_delete"),
    path("bereik/", reach.reach, name="reach"),
    # The promotion kit: for the provider's own page, and for each of its activities.
    path("promotie/", kit.kit_page, name="kit"),
    path("promotie/poster/", kit.kit_poster, name="kit_poster"),
    path("promotie/flyer/", kit.kit_flyer, name="kit_flyer"),
    path("promotie/qr/", kit.kit_qr, name="kit_qr"),
    path("promotie/beeld/", kit.kit_image, name="kit_image"),
    path("activiteiten/<int:pk>/promotie/", kit.kit_page, name="kit_activity"),
    path("activiteiten/<int:pk>/promotie/poster/", kit.kit_poster, name="kit_activity_poster"),
    path("activiteiten/<int:pk>/promotie/flyer/", kit.kit_flyer, name="kit_activity_flyer"),
    path("activiteiten/<int:pk>/promotie/qr/", kit.kit_qr, name="kit_activity_qr"),
    path("activiteiten/<int:pk>/promotie/beeld/", kit.kit_image, name="kit_activity_image"),
]
