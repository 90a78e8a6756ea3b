"""The disclosure log's search form: query-string input from anyone, validated here."""

from __future__ import annotations

from django import forms

from foidesk.core.outcome import Outcome
from foidesk.web.publication.selectors import LogFilters

OUTCOME_CHOICES = [("", "Any outcome")] + [(o.value, o.label) for o in Outcome if o is not Outcome.UNDECIDED]


class LogSearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Search the disclosure log")
    topic = forms.CharField(required=False, max_length=80)
    outcome = forms.ChoiceField(required=False, choices=OUTCOME_CHOICES)
    exemption = forms.CharField(required=False, max_length=40)
    year = forms.IntegerField(required=False, min_value=2000, max_value=2100)
    sort = forms.ChoiceField(
        required=False, choices=[("", "Best match"), ("relevance", "Best match"), ("newest", "Newest first")]
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=1_000_000)

    def filters(self) -> LogFilters:
        self.is_valid()
        data = self.cleaned_data  # the fields that are valid: one bad value drops that filter only
        return LogFilters(
            q=(data.get("q") or "").strip(),
            topic=(data.get("topic") or "").strip().lower(),
            outcome=data.get("outcome") or "",
            exemption=(data.get("exemption") or "").strip(),
            year=data.get("year"),
            sort=data.get("sort") or "",
        )

    def page_number(self) -> int:
        self.is_valid()
        return self.cleaned_data.get("page") or 1
