"""Template filters of FOI Desk's pages."""

from __future__ import annotations

from django import template
from django.contrib.auth.models import AbstractBaseUser

register = template.Library()


@register.filter
def person(user: AbstractBaseUser | None, default: str = "Unassigned") -> str:
    """A member of staff by name: full name, else username, else ``default``."""
    if user is None:
        return default
    full_name: str = getattr(user, "get_full_name", lambda: "")()
    return full_name or user.get_username()
