"""The provider portal's addresses, under /portaal/ in every language."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from portal.views import account, activities, attendance, organisation, outcomes

app_name = "portal"

urlpatterns = [
    path("", organisation.dashboard, name="dashboard"),
    path("aanmelden/", account.sign_up, name="sign_up"),
    path("bevestigen/<uidb64>/<token>/", account.verify, name="verify"),
    path("uitnodiging/<uidb64>/<token>/", account.accept_invitation, name="accept_invitation"),
    path("inloggen/", account.LoginView.as_view(), name="login"),
    path("bevestiging-opnieuw/", account.verify_resend, name="verify_resend"),
    path("uitloggen/", auth_views.LogoutView.as_view(next_page="portal:login"), name="logout"),
    path(
        "wachtwoord-vergeten/",
        account.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(template_name="portal/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        account.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-hersteld/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="portal/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path(
        "wachtwoord-wijzigen/",
        auth_views.PasswordChangeView.as_view(
            template_name="portal/password_change_form.html",
            success_url=reverse_lazy("portal:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "wachtwoord-gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(template_name="portal/password_change_done.html"),
        name="password_change_done",
    ),
    path("organisatie/", organisation.provider_edit, name="provider_edit"),
    path("organisatie/voorbeeld/", organisation.provider_preview, name="provider_preview"),
    path("collegas/", organisation.colleagues, name="colleagues"),
    path("locaties/", organisation.venue_list, name="venue_list"),
    path("locaties/nieuw/", organisation.venue_create, name="venue_create"),
    path("locaties/<int:pk>/", organisation.venue_edit, name="venue_edit"),
    path("activiteiten/nieuw/", activities.activity_create_view, name="activity_create"),
    path("activiteiten/<int:pk>/", activities.activity_edit, name="activity_edit"),
    path(
        "activiteiten/<int:pk>/voorbeeld/",
        activities.activity_preview_view,
        name="activity_preview",
    ),
    path(
        "activiteiten/<int:pk>/indienen/", activities.activity_submit_view, name="activity_submit"
    ),
    path(
        "activiteiten/<int:pk>/intrekken/",
        activities.activity_withdraw_view,
        name="activity_withdraw",
    ),
    path("activiteiten/<int:pk>/kopieren/", activities.activity_copy_view, name="activity_copy"),
    path("activiteiten/<int:pk>/doorstroom/", outcomes.activity_outcome, name="activity_outcome"),
    path("resultaten/invullen/", outcomes.outcome_list, name="outcome_list"),
    path("tijden/<int:pk>/annuleren/", activities.session_cancel_view, name="session_cancel"),
    path(
        "tijden/<int:pk>/aanmeldingen/",
        attendance.session_reservations,
        name="session_reservations",
    ),
    path("tijden/<int:pk>/inloop/", attendance.session_walk_ins, name="session_walk_ins"),
    path(
        "tijden/<int:pk>/reeks-annuleren/",
        attendance.session_burst_cancel,
        name="session_burst_cancel",
    ),
    path(
        "aanmeldingen/<int:pk>/aanwezig/",
        attendance.reservation_attendance,
        name="reservation_attendance",
    ),
]
