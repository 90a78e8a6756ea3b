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


@register.filter(is_safe=True)
def paragraphs(text: str) -> str:
    """Each non-empty line of plain text as its own paragraph, escaped."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    return mark_safe("".join(f"<p>{escape(line)}</p>" for line in lines))
