from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "foidesk.web.publication"
    label = "publication"
    default_auto_field = "django.db.models.BigAutoField"
