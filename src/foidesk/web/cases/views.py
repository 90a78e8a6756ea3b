"""The staff workspace: thin views over selectors (reads) and services (writes)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
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
    AnswerForm,
    ClockEventForm,
    DecisionForm,
    PartFormSet,
    RecordsFilterForm,
    StaffIntakeForm,
)
from foidesk.web.cases.free_text import summaries_report
from foidesk.web.cases.models import Part, Request
from foidesk.web.cases.permissions import NotPermitted, WrongState, action_allowed, action_check
from foidesk.web.cases.reviews import reviews_summary
from foidesk.web.cases.timeline import case_timeline
from foidesk.web.cases.workflow import available_events
from foidesk.web.publication.models import Publication
from foidesk.web.publication.search import Match, search_publications


@require_safe
@login_required
@permission_required("cases.view_request", raise_exception=True)
def case_detail(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.case_or_404(request.user, reference)
    today = timezone.localdate()
    parts = list(case.parts.all())
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
            "documents": list(case.documents.all()),
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


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.change_decision", raise_exception=True)
def decision_edit(request: HttpRequest, reference: str, position: int) -> HttpResponse:
    case = selectors.case_or_404(request.user, reference)
    part = selectors.part_or_404(case, position)
    if not action_allowed(request=case, action=Action.RECORD_DECISION, actor=request.user):
        try:
            action_check(request=case, action=Action.RECORD_DECISION, actor=request.user)
        except (NotPermitted, WrongState) as refused:
            return refusal_page(request, case, refused)
    form = DecisionForm(request.POST or None, initial=_decision_initial(part))
    if request.method == "POST" and form.is_valid():
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
                    exemptions=[
                        services.ExemptionSpec(
                            code=code,
                            reasons=data["reasons"],
                            public_interest_conclusion=data["public_interest"],
                        )
                        for code in data["exemption_codes"]
                    ],
                    s21_publication_id=s21.pk if s21 else None,
                    s21_title=s21.title if s21 else "",
                    advice=data["advice"],
                    expected_version=data["version"],
                )
            except (NotPermitted, WrongState, services.Conflict) as refused:
                return refusal_page(request, case, refused)
            except services.CaseError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"Decision on {part.label} recorded.")
                return HttpResponseRedirect(case.get_absolute_url())
    return render(request, "staff/decision_edit.html", {"case": case, "part": part, "form": form})


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
    exemptions = list(decision.exemptions.all())
    return {
        "version": decision.version,
        "outcome": decision.outcome,
        "answer": decision.answer,
        "exemption_codes": ", ".join(e.code for e in exemptions),
        "reasons": exemptions[0].reasons if exemptions else "",
        "public_interest": exemptions[0].public_interest_conclusion if exemptions else "",
        "s21_reference": decision.s21_publication.reference if decision.s21_publication else "",
        "advice": decision.advice,
    }


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
        initial={"start": period.get("start"), "end": period.get("end"), "rows": "category"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            query = build_query(
                data["rows"],
                data["columns"] or None,
                period=DateRange(data["start"], data["end"]),
                where=data["where"],
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
    return render(request, "staff/answer_new.html", {"case": case, "part": part, "form": form})


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
        request.POST or None, initial={"start": period.get("start"), "end": period.get("end")}
    )
    report = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            query = build_query("category", period=DateRange(data["start"], data["end"]), where=data["where"])
        except QueryError as error:
            form.add_error(None, str(error))
        else:
            report = summaries_report(query)
    return render(
        request, "staff/summaries_check.html", {"case": case, "part": part, "form": form, "report": report}
    )
