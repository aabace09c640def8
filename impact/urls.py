"""A provider's results page (in the language prefix, under /portaal/)."""

from django.urls import path

from impact import views

app_name = "impact"
urlpatterns = [
    path("portaal/resultaten/", views.provider_results_page, name="provider_results"),
]
