"""The misconduct register in the admin: read-only, since records change only through imports (audited)."""

from __future__ import annotations

from django.contrib import admin

from foidesk.web.audit.admin import ReadOnlyAdmin
from foidesk.web.records.models import MisconductAllegation


@admin.register(MisconductAllegation)
class MisconductAllegationAdmin(ReadOnlyAdmin[MisconductAllegation]):
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
