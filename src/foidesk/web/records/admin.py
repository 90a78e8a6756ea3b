"""The registers in the admin: read-only, since records change only through imports."""

from __future__ import annotations

from django.contrib import admin

from foidesk.web.audit.admin import ReadOnlyAdmin
from foidesk.web.records.models import MisconductAllegation, Record


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


@admin.register(Record)
class RecordAdmin(ReadOnlyAdmin[Record]):
    """Any register held as data, read-only: records change only through audited imports."""

    list_display = ("register", "record_id", "date", "synthetic")
    list_filter = ("register", "synthetic")
    search_fields = ("record_id",)
    date_hierarchy = "date"
    show_full_result_count = False
