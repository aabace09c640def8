"""The impact dashboard's URLs (staff) and a provider's results page."""

app_name = "impact"
urlpatterns: list = []
