"""The provider portal's addresses, under /portaal/ in every language."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from providers import views

app_name = "portal"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("aanmelden/", views.sign_up, name="sign_up"),
    path("bevestigen/<uidb64>/<token>/", views.verify, name="verify"),
    path("uitnodiging/<uidb64>/<token>/", views.accept_invitation, name="accept_invitation"),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            template_name="providers/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(next_page="portal:login"), name="logout"),
    path(
        "wachtwoord-vergeten/",
        auth_views.PasswordResetView.as_view(
            template_name="providers/password_reset_form.html",
            email_template_name="providers/email/password_reset/body.txt",
            subject_template_name="providers/email/password_reset/subject.txt",
            success_url=reverse_lazy("portal:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="providers/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="providers/password_reset_confirm.html",
            success_url=reverse_lazy("portal:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-hersteld/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="providers/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path(
        "wachtwoord-wijzigen/",
        auth_views.PasswordChangeView.as_view(
            template_name="providers/password_change_form.html",
            success_url=reverse_lazy("portal:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "wachtwoord-gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="providers/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path("organisatie/", views.provider_edit, name="provider_edit"),
    path("organisatie/voorbeeld/", views.provider_preview, name="provider_preview"),
    path("collegas/", views.colleagues, name="colleagues"),
    path("locaties/", views.venue_list, name="venue_list"),
    path("locaties/nieuw/", views.venue_create, name="venue_create"),
    path("locaties/<int:pk>/", views.venue_edit, name="venue_edit"),
    path("activiteiten/nieuw/", views.activity_create_view, name="activity_create"),
    path("activiteiten/<int:pk>/", views.activity_edit, name="activity_edit"),
    path("activiteiten/<int:pk>/voorbeeld/", views.activity_preview_view, name="activity_preview"),
    path("activiteiten/<int:pk>/indienen/", views.activity_submit_view, name="activity_submit"),
    path(
        "activiteiten/<int:pk>/intrekken/", views.activity_withdraw_view, name="activity_withdraw"
    ),
    path("activiteiten/<int:pk>/kopieren/", views.activity_copy_view, name="activity_copy"),
    path("tijden/<int:pk>/annuleren/", views.session_cancel_view, name="session_cancel"),
    path("tijden/<int:pk>/aanmeldingen/", views.session_reservations, name="session_reservations"),
    path("tijden/<int:pk>/inloop/", views.session_walk_ins, name="session_walk_ins"),
    path(
        "aanmeldingen/<int:pk>/aanwezig/",
        views.reservation_attendance,
        name="reservation_attendance",
    ),
]
