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
    page = forms.IntegerField(required=False, min_value=1, max_value=1_000_000)

    def filters(self) -> LogFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return LogFilters(
            q=(data.get("q") or "").strip(),
            topic=(data.get("topic") or "").strip().lower(),
            outcome=data.get("outcome") or "",
            exemption=(data.get("exemption") or "").strip(),
            year=data.get("year"),
        )

    def page_number(self) -> int:
        return (self.cleaned_data.get("page") or 1) if self.is_valid() else 1
