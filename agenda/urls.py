from django.urls import path

from agenda import views

app_name = "agenda"

urlpatterns = [
    path("", views.home, name="home"),
    path("agenda/", views.agenda, name="activity_list"),
    path("activiteit/<slug:slug>/", views.activity_detail, name="activity_detail"),
    path("aanbieder/<slug:slug>/", views.provider_detail, name="provider_detail"),
]
