from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Agenda")

    def ready(self):
        # Registers the writer of reservation e-mails, for every process that sends the outbox.
        from agenda import reservations  # noqa: F401
