"""A provider's promotion screens in the portal (/portaal/…): links, kit, embedding, reach."""

from django.urls import path

from campaign.views import embed, portal_links, reach

app_name = "campaign_portal"
urlpatterns: list = [
    path("insluiten/", embed.embed, name="embed"),
    path("links/", portal_links.link_list, name="link_list"),
    path("links/nieuw/", portal_links.link_create, name="link_create"),
    path("links/<int:pk>/", portal_links.link_edit, name="link_edit"),
    path("links/<int:pk>/verwijderen/", portal_links.link_delete, name="link_delete"),
    path("bereik/", reach.reach, name="reach"),
]
