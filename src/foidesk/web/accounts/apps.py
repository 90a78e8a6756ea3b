from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "foidesk.web.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from foidesk.web.accounts.roles import ensure_roles

        # After the last app's migrations, when every permission exists.
        post_migrate.connect(ensure_roles, sender=self, dispatch_uid="foidesk.ensure_roles")
