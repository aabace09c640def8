"""The municipal dashboard under /beheer/impact/: behind the admin's login and second factor."""

from django.urls import path

from impact import views

app_name = "impact_staff"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("rapport/", views.report, name="report"),
    path("<slug:slug>.csv", views.table_csv, name="table_csv"),
]
