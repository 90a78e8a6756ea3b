"""The misconduct register in the admin: read-only, since records change only through imports."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from foidesk.web.records.models import MisconductAllegation


@admin.register(MisconductAllegation)
class MisconductAllegationAdmin(admin.ModelAdmin[MisconductAllegation]):
    list_display = (
        "allegation_id",
        "date_received",
        "category",
        "outcome",
        "second_outcome",
        "rank",
        "borough",
    )
    list_filter = ("category", "outcome", "forum", "finding", "rank", "synthetic")
    search_fields = ("allegation_id", "officer_id")
    date_hierarchy = "date_received"
    show_full_result_count = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
