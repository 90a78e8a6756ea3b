"""Forms of the staff workspace and the public request form."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from foidesk.core.costs import Activity
from foidesk.core.decision import ESTIMATE_ACTIVITIES, cost_limit_ground
from foidesk.core.exemptions import UnknownExemption, exemption
from foidesk.core.outcome import Outcome
from foidesk.core.regime import Regime
from foidesk.datasets.registry import REGISTRY, Dataset
from foidesk.web.cases.documents import MAX_DOCUMENT_MB
from foidesk.web.cases.models import Channel, Part
from foidesk.web.forms import GovukFormMixin

MAX_REQUEST_CHARACTERS = 100_000
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y", "%d-%m-%Y"]


class PublicRequestForm(GovukFormMixin, forms.Form):
    """The public's request form: what s.8 FOIA needs (a name, an address for reply, a description)."""

    name = forms.CharField(
        label="Your name",
        max_length=200,
        help_text="A request must give a real name (section 8 of the Freedom of Information Act).",
    )
    email = forms.EmailField(label="Email address", max_length=254, help_text="We will send our reply here.")
    request = forms.CharField(
        label="What information do you want?",
        max_length=MAX_REQUEST_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Be as specific as you can: the subject, the dates, and the form you would like it in.",
    )
    # A one-time token: sending the same form twice opens one case (services.public_request_submit).
    submission = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def clean_request(self) -> str:
        text: str = self.cleaned_data["request"].strip()
        if len(text) < 10:
            raise forms.ValidationError("Describe the information you want in a few words or more.")
        return text


class StaffIntakeForm(GovukFormMixin, forms.Form):
    """A request that arrived by email or post, logged by an officer."""

    requester_name = forms.CharField(label="Requester's name", max_length=200)
    requester_email = forms.EmailField(label="Requester's email address", required=False)
    requester_address = forms.CharField(
        label="Postal address", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    channel = forms.ChoiceField(label="How it arrived", choices=Channel.choices, initial=Channel.EMAIL)
    regime = forms.ChoiceField(
        label="Regime", choices=[(r.value, r.label) for r in Regime], initial=Regime.FOIA.value
    )
    received_on = forms.DateField(
        label="Date received",
        help_text="For example, 27 3 2026 or 2026-03-27.",
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y", "%d-%m-%Y"],
    )
    text = forms.CharField(
        label="The request as written",
        max_length=MAX_REQUEST_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 12}),
    )

    def clean_received_on(self) -> dt.date:
        received: dt.date = self.cleaned_data["received_on"]
        if received > timezone.localdate():
            raise forms.ValidationError("The date received cannot be in the future.")
        return received


class VersionField(forms.IntegerField):
    """The version a form was opened at, so a stale save gets a conflict instead of overwriting."""

    def __init__(self) -> None:
        super().__init__(widget=forms.HiddenInput, min_value=0, required=False)


HOURS_FIELD_PREFIX = "hours_"
BASIS_FIELD_PREFIX = "basis_"
MAX_ESTIMATE_HOURS = Decimal(10_000)  # far above any limit (40 hours at most): a typing error beyond it


class DecisionForm(GovukFormMixin, forms.Form):
    """The decision on one part; its exemptions are ``ExemptionFormSet`` beside it."""

    version = VersionField()
    outcome = forms.ChoiceField(
        label="Outcome", choices=[(o.value, o.label) for o in Outcome], widget=forms.RadioSelect
    )
    answer = forms.CharField(
        label="Answer for this part", required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    s21_reference = forms.CharField(
        label="Already published at (disclosure-log reference)", required=False, max_length=40
    )
    advice = forms.CharField(
        label="Advice and assistance (s.16)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For a cost-limit refusal: how the request could be narrowed to fit the limit.",
    )
    public_interest_decision_due = forms.DateField(
        label="Public interest test still open: estimated date of the decision (s.17(2))",
        required=False,
        input_formats=DATE_FORMATS,
        help_text="Only while the test of a qualified exemption is open; leave its factors empty until then. "
        "For example, 2026-03-27.",
    )

    def __init__(self, *args: Any, regime: Regime = Regime.FOIA, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.regime = regime
        for activity in ESTIMATE_ACTIVITIES:
            self.fields[HOURS_FIELD_PREFIX + activity.value] = forms.DecimalField(
                label=f"{activity.label} (hours)",
                required=False,
                min_value=Decimal(0),
                max_value=MAX_ESTIMATE_HOURS,
                decimal_places=2,
                widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-5"}),
            )
            self.fields[BASIS_FIELD_PREFIX + activity.value] = forms.CharField(
                label=f"{activity.label}: how the estimate was made",
                required=False,
                max_length=1000,
                help_text="For example, ‘600 paper files at 3 minutes each, timed on a sample of 20’.",
            )
        for name in self.cost_field_names():  # added after the mixin styled the declared fields
            widget = self.fields[name].widget
            widget.attrs["class"] = f"govuk-input {widget.attrs.get('class', '')}".strip()

    @staticmethod
    def cost_field_names() -> list[str]:
        return [
            prefix + activity.value
            for activity in ESTIMATE_ACTIVITIES
            for prefix in (HOURS_FIELD_PREFIX, BASIS_FIELD_PREFIX)
        ]

    def cost_items(self) -> list[dict[str, str]]:
        """The s.12 estimate as typed, one item per activity with hours."""
        items = []
        for activity in ESTIMATE_ACTIVITIES:
            hours = self.cleaned_data.get(HOURS_FIELD_PREFIX + activity.value)
            if hours is None:
                continue
            basis = self.cleaned_data.get(BASIS_FIELD_PREFIX + activity.value) or ""
            items.append({"activity": activity.value, "hours": str(hours), "description": basis})
        return items

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        has_limit = cost_limit_ground(self.regime) is not None  # the EIR have none: reg 12(4)(b)
        if data.get("outcome") == Outcome.COST_LIMIT.value and has_limit and not self.cost_items():
            self.add_error(
                HOURS_FIELD_PREFIX + Activity.LOCATE.value,
                "Give the estimate in hours for at least one activity (s.12).",
            )
        return data


class ExemptionForm(GovukFormMixin, forms.Form):
    """One exemption relied on: its subsection, why it applies, and for a qualified one the public
    interest factors and where the balance lies (s.17(1) and (3))."""

    code = forms.CharField(
        label="Exemption",
        required=False,
        max_length=40,
        help_text="As cited, with its subsection: for example ‘s.40(2)’, ‘s.31(1)(a)’, ‘s.30(1)(a)’.",
    )
    reasons = forms.CharField(
        label="Why it applies", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    reasons_would_disclose = forms.BooleanField(
        label="Stating the reasons would itself disclose exempt information", required=False
    )
    public_interest_for = forms.CharField(
        label="Factors favouring disclosure",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Qualified exemptions only. One factor to a line.",
    )
    public_interest_against = forms.CharField(
        label="Factors favouring withholding",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One factor to a line.",
    )
    public_interest_conclusion = forms.CharField(
        label="Where the balance lies",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For neither confirm nor deny: the public interest in confirming or denying.",
    )

    def __init__(self, *args: Any, regime: Regime = Regime.FOIA, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notice_rules = regime.rules.notice
        withheld = self.notice_rules.reasons_withheld_provision
        if withheld is None:  # the EIR and EISR: the reasons are always given (reg 14(3))
            del self.fields["reasons_would_disclose"]
        else:
            self.fields[
                "reasons_would_disclose"
            ].label = f"Stating the reasons would itself disclose exempt information ({withheld})"

    def clean_code(self) -> str:
        raw = (self.cleaned_data.get("code") or "").strip()
        if not raw:
            return ""
        try:
            return exemption(raw).code
        except UnknownExemption as error:
            raise forms.ValidationError(f"{raw} is not an exemption FOI Desk knows.") from error

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        code = data.get("code")
        if not code:
            return data
        found = exemption(str(code))
        if not (data.get("reasons") or "").strip() and not data.get("reasons_would_disclose"):
            self.add_error(
                "reasons", f"Say why {found.code} applies ({self.notice_rules.reasons_provision})."
            )
        for_, against = data.get("public_interest_for"), data.get("public_interest_against")
        if found.public_interest_test and (data.get("public_interest_conclusion") or for_ or against):
            if not (for_ or "").strip():
                self.add_error(
                    "public_interest_for", f"{found.code} is qualified: give the factors for disclosure."
                )
            if not (against or "").strip():
                self.add_error(
                    "public_interest_against", f"{found.code} is qualified: give the factors for withholding."
                )
        return data


class ExemptionEntries(forms.BaseFormSet[ExemptionForm]):
    def clean(self) -> None:
        codes = [
            f.cleaned_data.get("code")
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        named = [c for c in codes if c]
        if len(named) != len(set(named)):
            raise forms.ValidationError("Each exemption once: put all the reasons for it in one entry.")


MAX_EXEMPTION_ENTRIES = 20

ExemptionFormSet = forms.formset_factory(
    ExemptionForm,
    formset=ExemptionEntries,
    extra=0,
    min_num=1,
    can_delete=True,
    max_num=MAX_EXEMPTION_ENTRIES,
    validate_max=True,
)


class ClockEventForm(GovukFormMixin, forms.Form):
    version = VersionField()
    kind = forms.ChoiceField(label="What happened")
    on = forms.DateField(
        label="Date", input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y"], help_text="For example, 2026-03-27."
    )
    days = forms.IntegerField(
        label="Working days (extensions only)", required=False, min_value=1, max_value=60
    )
    note = forms.CharField(
        label="Note", required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args: object, kinds: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = kinds


class DocumentUploadForm(GovukFormMixin, forms.Form):
    title = forms.CharField(
        label="Title",
        max_length=300,
        help_text="As the requester will see it, e.g. ‘FOIA Response (24648) – Request 2’.",
    )
    file = forms.FileField(
        label="File", help_text=f"PDF, XLSX, ODS, CSV, DOCX, ODT or an image; {MAX_DOCUMENT_MB} MB at most."
    )
    kind = forms.ChoiceField(label="Kind", choices=[("attachment", "Attachment"), ("letter", "Letter")])


class AcceptWarningsForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why these warnings are acceptable",
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CaseEventForm(GovukFormMixin, forms.Form):
    """What a workflow event needs from the officer; fields not needed by the event are removed."""

    version = VersionField()
    message = forms.CharField(
        label="Message", required=False, max_length=20_000, widget=forms.Textarea(attrs={"rows": 6})
    )
    amount = forms.CharField(label="Fee (£)", required=False, max_length=20, help_text="For example, 25.00.")
    on = forms.DateField(
        label="Date", required=False, input_formats=DATE_FORMATS, help_text="For example, 2026-03-27."
    )
    reason = forms.CharField(
        label="Reason", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: object, fields: dict[str, tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for name in [n for n in self.fields if n != "version" and n not in fields]:
            del self.fields[name]
        for name, (label, help_text) in fields.items():
            self.fields[name].label = label
            if help_text:
                self.fields[name].help_text = help_text

    def clean_on(self) -> dt.date | None:
        on: dt.date | None = self.cleaned_data.get("on")
        if on is not None and on > timezone.localdate():
            raise forms.ValidationError("The date cannot be in the future.")
        return on


class PublicTextForm(GovukFormMixin, forms.Form):
    """The publisher's review of the request text as it will be published."""

    version = VersionField()
    public_text = forms.CharField(
        label="The request as it will be published",
        max_length=MAX_REQUEST_CHARACTERS,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="FOI Desk has removed the requester's name, contact details and signature, and the "
        "personal data of anyone else it found. Check it, and remove anything else that identifies a person.",
    )
    reviewed = forms.BooleanField(
        label="I have read the text as it will be published and it identifies no one", required=True
    )


class PublishForm(GovukFormMixin, forms.Form):
    title = forms.CharField(label="Title on the disclosure log", max_length=300)
    summary = forms.CharField(label="Summary", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))
    response_text = forms.CharField(
        label="The response as sent (without the requester's details)",
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    published_on = forms.DateField(label="Publication date", input_formats=DATE_FORMATS)
    reason = forms.CharField(
        label="Why it is published again",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Only for an entry that was withdrawn: the reason is kept in the audit trail.",
    )


class PartForm(GovukFormMixin, forms.Form):
    """One part as the officer corrects it: periods as ``2021-01-01..2021-12-31``, topics comma-separated."""

    label = forms.CharField(label="Label", max_length=60)
    # As long as a request: the last part of a capped request holds all the rest (services.parts_capped).
    text = forms.CharField(
        label="Question", widget=forms.Textarea(attrs={"rows": 3}), max_length=MAX_REQUEST_CHARACTERS
    )
    periods = forms.CharField(
        label="Periods",
        required=False,
        max_length=500,
        help_text="One or more, separated by commas: 2021-01-01..2021-12-31",
    )
    topics = forms.CharField(label="Topics", required=False, max_length=500, help_text="Separated by commas.")

    def clean_periods(self) -> list[dict[str, str]]:
        ranges = []
        for piece in (p.strip() for p in (self.cleaned_data.get("periods") or "").split(",")):
            if not piece:
                continue
            try:
                start_text, end_text = piece.split("..")
                start, end = (
                    dt.date.fromisoformat(start_text.strip()),
                    dt.date.fromisoformat(end_text.strip()),
                )
            except ValueError as error:
                raise forms.ValidationError(
                    f"‘{piece}’ is not a period like 2021-01-01..2021-12-31."
                ) from error
            if end < start:
                raise forms.ValidationError(f"‘{piece}’ ends before it starts.")
            ranges.append({"start": start.isoformat(), "end": end.isoformat()})
        return ranges

    def clean_topics(self) -> list[str]:
        raw = self.cleaned_data.get("topics") or ""
        return sorted({t.strip().lower() for t in raw.split(",") if t.strip()})


PartFormSet = forms.formset_factory(
    PartForm, extra=1, can_delete=True, max_num=settings.FOIDESK_MAX_PARTS, validate_max=True
)


class RegisterForm(GovukFormMixin, forms.Form):
    """Which register a part is answered from: any register the registry lists (ADR 0011).

    The register's own definition then gives the form its words: the period is labelled by what the
    register dates ("Received from", "Made from"), the example conditions are its own fields and
    values, and ``dimension_choices`` its dimensions. An unknown register is an error on the field,
    never a silent fall back to another register.
    """

    register = forms.ChoiceField(label="Register", choices=lambda: _register_choices())

    def __init__(self, *args: Any, register: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.dataset = _chosen_dataset(self.data.get("register") if self.is_bound else None, register)
        self.fields["register"].initial = self.dataset.name

    def dimension_choices(self) -> list[tuple[str, str]]:
        return [(d.name, d.label) for d in self.dataset.dimensions]


def chosen_register(request: HttpRequest, part: Part) -> str | None:
    """The register chosen on the page (``?register=``), else the one the part was last answered from;
    None leaves the choice to the form (the registry's first)."""
    chosen = request.GET.get("register")
    if chosen:
        return chosen
    last: str | None = part.answers.order_by("-created_at", "-pk").values_list("dataset", flat=True).first()
    return last


def register_chooser(request: HttpRequest, dataset: Dataset) -> RegisterForm:
    """The page's "answer from which register" form (GET): bound when the page was asked for one, so
    a register the registry does not know is shown as an error rather than quietly replaced."""
    if "register" in request.GET:
        return RegisterForm(request.GET, register=dataset.name, auto_id="chooser-%s")
    return RegisterForm(register=dataset.name, auto_id="chooser-%s")


def _register_choices() -> list[tuple[str, str]]:
    return [(d.name, d.label) for d in REGISTRY.datasets.values()]


def _chosen_dataset(posted: object, default: str | None) -> Dataset:
    """The register the form is for: the one posted if the registry knows it, else ``default``, else
    the registry's first. (A posted name the registry does not know fails the field's own check.)"""
    for name in (posted, default):
        if isinstance(name, str) and name in REGISTRY.datasets:
            return REGISTRY.datasets[name]
    return next(iter(REGISTRY.datasets.values()))


def _where_example(dataset: Dataset) -> str:
    """Two of the register's own closed fields with a value each, as the officer would type them."""
    pairs = [
        f"{field.label.lower()}: {field.values[0].label.lower()}"
        for field in dataset.fields
        if field.values and not field.identifies_person
    ][:2]
    return "; ".join(pairs)


WHERE_HELP = "Field and value pairs separated by semicolons, in the register's words"


class RecordsFilterForm(RegisterForm):
    """Which records of a register a part asks about: the register, a period and conditions."""

    start = forms.DateField(label="From", input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    end = forms.DateField(label="To", input_formats=["%Y-%m-%d", "%d/%m/%Y"])
    where = forms.CharField(
        label="Only where",
        required=False,
        max_length=500,
        help_text=f"{WHERE_HELP}.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        phrase = self.dataset.date_phrase.capitalize()
        self.fields["start"].label = f"{phrase} from"
        self.fields["end"].label = f"{phrase} to"
        example = _where_example(self.dataset)
        if example:
            self.fields["where"].help_text = f"{WHERE_HELP}, e.g. ‘{example}’."

    def clean_where(self) -> dict[str, list[str]]:
        conditions: dict[str, list[str]] = {}
        for piece in (p.strip() for p in (self.cleaned_data.get("where") or "").split(";")):
            if not piece:
                continue
            if ":" not in piece:
                raise forms.ValidationError(
                    f"‘{piece}’ needs a field and a value, like ‘outcome: dismissal’."
                )
            field, value = (s.strip() for s in piece.split(":", 1))
            conditions.setdefault(field, []).extend(v.strip() for v in value.split(",") if v.strip())
        return conditions

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", "The period ends before it starts.")
        return data


class AnswerForm(RecordsFilterForm):
    """A part's question as a count on a register, by the register's own dimensions."""

    rows = forms.ChoiceField(label="Count by")
    columns = forms.ChoiceField(label="and by (optional)", required=False)
    field_order = ["register", "rows", "columns", "start", "end", "where"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        dimensions = self.dimension_choices()
        rows = self.fields["rows"]
        columns = self.fields["columns"]
        assert isinstance(rows, forms.ChoiceField) and isinstance(columns, forms.ChoiceField)
        rows.choices = dimensions
        columns.choices = [("", "Nothing else"), *dimensions]
        if dimensions and not self.is_bound and not self.initial.get("rows"):
            rows.initial = dimensions[0][0]
