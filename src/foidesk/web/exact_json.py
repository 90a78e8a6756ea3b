"""Django's JSON serialization with datetimes kept to the microsecond (the backup's portable format).

Django's own JSON encoder cuts datetimes to milliseconds, and its XML deserializer strips the spaces
and newlines around every text value: either breaks a restored database (the audit chain hashes each
event's time to the microsecond; a letter's text ends with its newlines). This format writes datetimes
with `isoformat()` and reads them back with the field's own parser.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.serializers import json as django_json
from django.db import models

NAME = "foidesk-exact-json"


class Serializer(django_json.Serializer):
    def handle_field(self, obj: models.Model, field: models.Field[Any, Any]) -> None:
        value = field.value_from_object(obj)
        if isinstance(value, dt.datetime | dt.time):
            self._current[field.name] = value.isoformat()  # type: ignore[attr-defined]  # not in the stubs
        else:
            super().handle_field(obj, field)


Deserializer = django_json.Deserializer
