"""A provider's promotion screens in the portal (/portaal/…): links, kit, embedding, reach."""

app_name = "campaign_portal"
urlpatterns: list = []
