"""The staff workspace: thin views over selectors (reads) and services (writes)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.forms import BaseFormSet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from foidesk.core import clock
from foidesk.core.exemptions import exemption
from foidesk.core.outcome import Outcome
from foidesk.core.periods import DateRange
from foidesk.core.regime import Regime
from foidesk.core.workflow import Action
from foidesk.datasets.query import QueryError, build_query
from foidesk.web.cases import selectors, services
from foidesk.web.cases.answers import answer_create
from foidesk.web.cases.event_views import refusal_page
from foidesk.web.cases.forms import (
    MAX_EXEMPTION_ENTRIES,
    AnswerForm,
    ClockEventForm,
    DecisionForm,
    ExemptionForm,
    ExemptionFormSet,
    PartFormSet,
    RecordsFilterForm,
    StaffIntakeForm,
    chosen_register,
    register_chooser,
)
from foidesk.web.cases.free_text import summaries_report
from foidesk.web.cases.models import Part, Request
from foidesk.web.cases.permissions import NotPermitted, WrongState, action_allowed, action_check
from foidesk.web.cases.reviews import reviews_summary
from foidesk.web.cases.timeline import case_timeline
from foidesk.web.cases.workflow import available_events
from foidesk.web.publication.models import Publication
from foidesk.web.publication.search import Match, search_publications

ANSWER_FORMATS = [("xlsx", "Excel (XLSX)"), ("ods", "OpenDocument (ODS)"), ("csv", "CSV")]


@require_safe
@login_required
@permission_required("cases.view_request", raise_exception=True)
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.case_or_404(request.user, reference)
    today = timezone.localdate()
    parts = list(case.parts.all())
    documents = list(case.documents.all())
    pending = sum(1 for document in documents if document.check_pending)
    return render(
        request,
        "staff/case_detail.html",
        {
            "case": case,
            "row": selectors.case_row(case, today),
            "parts": parts,
            "decisions": {p.pk: getattr(p, "decision", None) for p in parts},
            "exemption_titles": _exemption_titles(parts),
            "events": list(case.clock_events.all()),
            "clock": services.request_deadlines(case, case.clock_events.all(), as_of=today),
            "documents": documents,
            "checks_pending": pending,
            "checks_done": len(documents) - pending,
            "has_answers": any(p.answers.exists() for p in parts),
            "answer_formats": ANSWER_FORMATS,
            "suggestions": _suggestions(case),
            "links": list(case.links.select_related("to_request")),
            "today": today,
            "can": {a.value: action_allowed(request=case, action=a, actor=request.user) for a in Action},
            "next_events": available_events(case, request.user, today),
            "sent_emails": list(case.sent_emails.all()),
            "validity_flags": [services.VALIDITY_FLAG_TEXT.get(f, f) for f in case.validity_flags],
            **reviews_summary(case, request.user).as_context(),
            "timeline": case_timeline(case),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.add_request", raise_exception=True)
def case_new(request: HttpRequest) -> HttpResponse:
    form = StaffIntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.request_open(
                text=data["text"],
                requester_name=data["requester_name"],
                requester_email=data["requester_email"],
                requester_address=data["requester_address"],
                received_on=data["received_on"],
                regime=Regime(data["regime"]),
                channel=data["channel"],
                actor=request.user,
            )
        except services.CaseError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Case {case.reference} opened. Check the parts FOI Desk found.")
            return HttpResponseRedirect(case.get_absolute_url())
    return render(request, "staff/case_new.html", {"form": form})


EXEMPTIONS_PREFIX = "ex"


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.change_decision", raise_exception=True)
def decision_edit(request: HttpRequest, reference: str, position: int) -> HttpResponse:
    """The decision on one part with its exemptions: "Add another exemption" works without JavaScript
    (the page comes back with what was typed and one more empty entry)."""
    case = selectors.case_or_404(request.user, reference)
    part = selectors.part_or_404(case, position)
    if not action_allowed(request=case, action=Action.RECORD_DECISION, actor=request.user):
        try:
            action_check(request=case, action=Action.RECORD_DECISION, actor=request.user)
        except (NotPermitted, WrongState) as refused:
            return refusal_page(request, case, refused)
    if request.method == "POST" and "add_exemption" in request.POST:
        form, formset = _decision_forms_with_one_more(request.POST, Regime(case.regime))
        return _decision_page(request, case, part, form, formset)
    posted = _with_management_form(request.POST) if request.method == "POST" else None
    form = DecisionForm(posted, initial=_decision_initial(part), regime=Regime(case.regime))
    formset = ExemptionFormSet(
        posted,
        initial=_exemptions_initial(part),
        prefix=EXEMPTIONS_PREFIX,
        form_kwargs={"regime": Regime(case.regime)},
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.cleaned_data
        s21 = None
        if data["s21_reference"]:
            s21 = Publication.objects.published().filter(reference=data["s21_reference"].strip()).first()
            if s21 is None:
                form.add_error("s21_reference", "No published disclosure-log entry has that reference.")
        if not form.errors:
            try:
                services.decision_record(
                    part=part,
                    outcome=Outcome(data["outcome"]),
                    actor=request.user,
                    answer=data["answer"],
                    exemptions=_exemption_specs(formset),
                    s21_publication_id=s21.pk if s21 else None,
                    s21_title=s21.title if s21 else "",
                    advice=data["advice"],
                    cost_items=form.cost_items(),
                    public_interest_decision_due=data["public_interest_decision_due"],
                    expected_version=data["version"],
                )
            except (NotPermitted, WrongState, services.Conflict) as refused:
                return refusal_page(request, case, refused)
            except services.CaseError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"Decision on {part.label} recorded.")
                return HttpResponseRedirect(case.get_absolute_url())
    return _decision_page(request, case, part, form, formset)


def _decision_page(
    request: HttpRequest, case: Request, part: Part, form: DecisionForm, formset: BaseFormSet[ExemptionForm]
) -> HttpResponse:
    formset_errors = form.is_bound and (
        bool(formset.non_form_errors()) or any(entry.errors for entry in formset.forms)
    )
    return render(
        request,
        "staff/decision_edit.html",
        {
            "case": case,
            "part": part,
            "form": form,
            "formset": formset,
            "formset_errors": formset_errors,
            "cost_fields": [form[name] for name in form.cost_field_names()],
        },
    )


def _with_management_form(posted: QueryDict) -> QueryDict:
    """A post without the exemption entries (a plain disclosure) reads as none."""
    if f"{EXEMPTIONS_PREFIX}-TOTAL_FORMS" in posted:
        return posted
    data = posted.copy()
    data[f"{EXEMPTIONS_PREFIX}-TOTAL_FORMS"] = "0"
    data[f"{EXEMPTIONS_PREFIX}-INITIAL_FORMS"] = "0"
    return data


def _decision_forms_with_one_more(
    posted: QueryDict, regime: Regime
) -> tuple[DecisionForm, BaseFormSet[ExemptionForm]]:
    """The forms as typed, unbound (no errors yet), with one more empty exemption entry."""
    names = list(ExemptionForm.base_fields)
    try:
        total = min(int(posted.get(f"{EXEMPTIONS_PREFIX}-TOTAL_FORMS", "0")), MAX_EXEMPTION_ENTRIES)
    except ValueError:
        total = 0
    entries: list[dict[str, object]] = []
    for i in range(total):
        key = f"{EXEMPTIONS_PREFIX}-{i}-"
        if posted.get(key + "DELETE"):
            continue
        entries.append({name: posted.get(key + name, "") for name in names})
    entries.append({})
    form = DecisionForm(
        initial={name: posted.get(name, "") for name in DecisionForm.base_fields}
        | {name: posted.get(name, "") for name in DecisionForm.cost_field_names()},
        regime=regime,
    )
    return form, ExemptionFormSet(initial=entries, prefix=EXEMPTIONS_PREFIX, form_kwargs={"regime": regime})


def _exemption_specs(formset: BaseFormSet[ExemptionForm]) -> list[services.ExemptionSpec]:
    specs = []
    for entry in formset.forms:
        data = entry.cleaned_data
        if not data or data.get("DELETE") or not data.get("code"):
            continue
        specs.append(
            services.ExemptionSpec(
                code=data["code"],
                reasons=data["reasons"],
                public_interest_for=data["public_interest_for"],
                public_interest_against=data["public_interest_against"],
                public_interest_conclusion=data["public_interest_conclusion"],
                reasons_would_disclose=bool(data.get("reasons_would_disclose")),
            )
        )
    return specs


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.add_clockevent", raise_exception=True)
def clock_event_new(request: HttpRequest, reference: str) -> HttpResponse:
    """Extensions of time (s.10(3) FOIA, reg 7 EIR); clarification and fees are workflow events."""
    case = selectors.case_or_404(request.user, reference)
    kinds = [(kind.value, kind.value.replace("_", " ").capitalize()) for kind in services.EXTENSION_KINDS]
    form = ClockEventForm(
        request.POST or None, kinds=kinds, initial={"on": timezone.localdate(), "version": case.version}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.clock_extension_record(
                request=case,
                kind=clock.EventKind(data["kind"]),
                on=data["on"],
                days=data["days"],
                note=data["note"],
                actor=request.user,
                expected_version=data["version"],
            )
        except (NotPermitted, WrongState, services.Conflict) as refused:
            return refusal_page(request, case, refused)
        except services.CaseError as error:
            form.add_error(None, str(error))
        else:
            case.refresh_from_db()
            messages.success(request, f"Clock updated: now due {case.due_on:%-d %B %Y}.")
            return HttpResponseRedirect(case.get_absolute_url())
    return render(request, "staff/clock_event_new.html", {"case": case, "form": form})


def _decision_initial(part: Part) -> dict[str, object]:
    decision = getattr(part, "decision", None)
    if decision is None:
        return {"version": 0}
    initial: dict[str, object] = {
        "version": decision.version,
        "outcome": decision.outcome,
        "answer": decision.answer,
        "s21_reference": decision.s21_publication.reference if decision.s21_publication else "",
        "advice": decision.advice,
        "public_interest_decision_due": decision.public_interest_decision_due,
    }
    for item in decision.cost_items:
        initial[f"hours_{item['activity']}"] = item["hours"]
        initial[f"basis_{item['activity']}"] = item.get("description", "")
    return initial


def _exemptions_initial(part: Part) -> list[dict[str, object]]:
    decision = getattr(part, "decision", None)
    rows = decision.exemptions.order_by("id") if decision is not None else []
    return [
        {
            "code": row.code,
            "reasons": row.reasons,
            "reasons_would_disclose": row.reasons_would_disclose,
            "public_interest_for": row.public_interest_for,
            "public_interest_against": row.public_interest_against,
            "public_interest_conclusion": row.public_interest_conclusion,
        }
        for row in rows
    ]


def _exemption_titles(parts: list[Part]) -> dict[str, str]:
    titles = {}
    for part in parts:
        decision = getattr(part, "decision", None)
        for entry in decision.exemptions.all() if decision else []:
            titles[entry.code] = exemption(entry.code).title
    return titles


def _suggestions(case: Request) -> list[Match]:
    """Earlier published answers that may already cover the request (s.21), best first."""
    parts = list(case.parts.all())
    topics = sorted({t for part in parts for t in part.topics})
    periods = [
        (dt.date.fromisoformat(r["start"]), dt.date.fromisoformat(r["end"]))
        for part in parts
        for r in part.date_ranges
    ]
    return [
        m
        for m in search_publications(case.text, topics=topics, date_ranges=periods, limit=5)
        if m.reference != case.reference
    ]


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.change_part", raise_exception=True)
def parts_edit(request: HttpRequest, reference: str) -> HttpResponse:
    """The officer corrects the parts FOI Desk found; the corrections replace them and are audited."""
    case = selectors.case_or_404(request.user, reference)
    initial = [
        {
            "label": p.label,
            "text": p.text,
            "topics": ", ".join(p.topics),
            "periods": ", ".join(f"{r['start']}..{r['end']}" for r in p.date_ranges),
        }
        for p in case.parts.all()
    ]
    formset = PartFormSet(request.POST or None, initial=initial, prefix="parts")
    if request.method == "POST" and formset.is_valid():
        specs: list[services.PartSpec] = []
        for form in formset:
            data = form.cleaned_data
            if not data or data.get("DELETE") or not data.get("text"):
                continue
            specs.append(
                services.PartSpec(
                    label=data["label"],
                    text=data["text"],
                    date_ranges=data["periods"],
                    topics=data["topics"],
                    question_number=len(specs) + 1,
                )
            )
        try:
            services.request_parts_set(request=case, parts=specs, actor=request.user)
        except (NotPermitted, WrongState) as refused:
            return refusal_page(request, case, refused)
        except services.CaseError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"{len(specs)} part{'s' if len(specs) != 1 else ''} saved.")
            return HttpResponseRedirect(case.get_absolute_url())
    return render(request, "staff/parts_edit.html", {"case": case, "formset": formset})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.change_decision", raise_exception=True)
def answer_new(request: HttpRequest, reference: str, position: int) -> HttpResponse:
    """Answer a part from the register: the answer is stored at once and checked (count, protect,
    audit with the ledger) in the background, or here in the embedded mode; its page shows how far."""
    case = selectors.case_or_404(request.user, reference)
    part = selectors.part_or_404(case, position)
    period = part.date_ranges[0] if part.date_ranges else {}
    form = AnswerForm(
        request.POST or None,
        register=chosen_register(request, part),
        initial={"start": period.get("start"), "end": period.get("end")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            query = build_query(
                data["rows"],
                data["columns"] or None,
                period=DateRange(data["start"], data["end"]),
                where=data["where"],
                dataset=data["register"],
            )
            answer = answer_create(
                part=part, query=query, actor=request.user, inline=settings.FOIDESK_RUN_TASKS_INLINE
            )
        except (NotPermitted, WrongState) as refused:
            return refusal_page(request, case, refused)
        except (QueryError, services.CaseError) as error:
            form.add_error(None, str(error))
        else:
            return HttpResponseRedirect(_answer_url(case, part, answer.pk))
    return render(
        request,
        "staff/answer_new.html",
        {"case": case, "part": part, "form": form, "chooser": register_chooser(request, form.dataset)},
    )


REFRESH_SECONDS = 3  # how often the answer's page reloads itself while its check runs


@require_safe
@login_required
@permission_required("cases.view_part", raise_exception=True)
def answer_detail(request: HttpRequest, reference: str, position: int, answer_id: int) -> HttpResponse:
    """One answer and its disclosure check: queued, checking (the page reloads itself, no JavaScript),
    passed with its protected table, or refused or timed out with the reason."""
    case = selectors.case_or_404(request.user, reference)
    part = selectors.part_or_404(case, position)
    answer = get_object_or_404(part.answers, pk=answer_id)
    return render(
        request,
        "staff/answer_detail.html",
        {
            "case": case,
            "part": part,
            "answer": answer,
            "refresh_seconds": None if answer.finished else REFRESH_SECONDS,
            "ledger_seconds": f"{settings.FOIDESK_LEDGER_AUDIT_SECONDS:g} seconds",
            "answer_new_url": f"{case.get_absolute_url()}parts/{part.position}/answers/new/",
        },
    )


def _answer_url(case: Request, part: Part, answer_id: int) -> str:
    return f"{case.get_absolute_url()}parts/{part.position}/answers/{answer_id}/"


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.view_part", raise_exception=True)
def summaries_check(request: HttpRequest, reference: str, position: int) -> HttpResponse:
    """Check the free-text summaries a part asks for: release, redact or withhold under s.40(2)."""
    case = selectors.case_or_404(request.user, reference)
    part = selectors.part_or_404(case, position)
    period = part.date_ranges[0] if part.date_ranges else {}
    form = RecordsFilterForm(
        request.POST or None,
        register=chosen_register(request, part),
        initial={"start": period.get("start"), "end": period.get("end")},
    )
    report = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            query = build_query(
                form.dataset.dimensions[0].name,
                period=DateRange(data["start"], data["end"]),
                where=data["where"],
                dataset=form.dataset.name,
            )
        except QueryError as error:
            form.add_error(None, str(error))
        else:
            report = summaries_report(query)
    return render(
        request,
        "staff/summaries_check.html",
        {
            "case": case,
            "part": part,
            "form": form,
            "report": report,
            "chooser": register_chooser(request, form.dataset),
        },
    )
