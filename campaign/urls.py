"""The campaign's public pages and a provider's promotion screens (under /portaal/)."""

app_name = "campaign"
urlpatterns: list = []
