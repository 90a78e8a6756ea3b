"""Moving a case: the event pages, publishing with the reviewed text, and the mail FOI Desk sent.

Thin views over `web/cases/workflow.case_transition`. A refusal because of the actor's role is a
403 with the reason; one because of the case's state or a stale form is a 409; a guard that does not
hold re-shows the form with its reasons in the error summary.
"""

from __future__ import annotations

from collections.abc import Mapping

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from foidesk.core import workflow as wf
from foidesk.core.workflow import Event
from foidesk.web.accounts.roles import roles_of
from foidesk.web.cases import outbox, selectors, services
from foidesk.web.cases.errors import CaseError, Conflict
from foidesk.web.cases.forms import CaseEventForm, PublicTextForm, PublishForm
from foidesk.web.cases.models import Delivery, Request, SentEmail
from foidesk.web.cases.permissions import NotPermitted, Refused, WrongState
from foidesk.web.cases.workflow import EventInput, PublicationSpec, case_facts, case_transition

# What each event asks of the officer: field name -> (label, hint).
EVENT_FIELDS: Mapping[Event, dict[str, tuple[str, str]]] = {
    Event.SEEK_CLARIFICATION: {
        "message": (
            "What the requester needs to clarify",
            "This is the body of the letter: say what you need to identify and locate the information, "
            "and offer advice (s.16).",
        ),
        "on": ("Date the letter is sent", "Leave blank for today."),
    },
    Event.RECEIVE_CLARIFICATION: {
        "message": ("The clarification, as received", ""),
        "on": ("Date the clarification arrived", "The time for the response starts again from this day."),
    },
    Event.ISSUE_FEE_NOTICE: {
        "amount": ("Fee (£)", "For example, 25.00."),
        "message": ("How the fee is made up and how to pay", ""),
        "on": ("Date the notice is given", "Leave blank for today."),
    },
    Event.RECORD_FEE_PAID: {"on": ("Date the fee was received", "Leave blank for today.")},
    Event.RETURN_FOR_CHANGES: {"reason": ("What needs to change", "")},
    Event.DECLINE_PUBLICATION: {"reason": ("Why it is not published", "")},
    Event.WITHDRAW_PUBLICATION: {"reason": ("Why the entry is withdrawn", "")},
    Event.WITHDRAW: {"reason": ("How and when the requester withdrew the request", "")},
}
PUBLISH_EVENTS = (Event.PUBLISH, Event.REPUBLISH)


def refusal_page(request: HttpRequest, case: Request, error: CaseError) -> HttpResponse:
    """403 for a role that may never do this, 409 for the wrong state or a stale form."""
    status = 403 if isinstance(error, NotPermitted) else 409
    title = "You cannot do this" if status == 403 else "This cannot be done now"
    return render(
        request, "staff/refused.html", {"case": case, "title": title, "message": str(error)}, status=status
    )


def show_on_form(form: forms.Form, error: CaseError) -> None:
    """A guard that does not hold, or the work refused: each reason in the form's error summary."""
    if isinstance(error, Refused):
        for refusal in error.verdict.refusals:
            form.add_error(None, refusal.message)
    else:
        form.add_error(None, str(error))


def _event_or_404(slug: str) -> Event:
    try:
        return Event(slug.replace("-", "_"))
    except ValueError:
        raise Http404("No such action.") from None


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.view_request", raise_exception=True)
def case_event(request: HttpRequest, reference: str, event_slug: str) -> HttpResponse:
    case = selectors.case_or_404(request.user, reference)
    event = _event_or_404(event_slug)
    if event in PUBLISH_EVENTS:
        return HttpResponseRedirect(f"{case.get_absolute_url()}publish/")
    today = timezone.localdate()
    verdict = wf.may_fire(
        event,
        case.state,
        roles_of(request.user),
        case_facts(case, event=event, actor=request.user, today=today),
    )
    blocking = {r.kind for r in verdict.refusals} - {wf.RefusalKind.GUARD}
    if request.method == "GET" and blocking:
        error: CaseError = NotPermitted(verdict) if wf.RefusalKind.ROLE in blocking else WrongState(verdict)
        return refusal_page(request, case, error)
    form = CaseEventForm(
        request.POST if request.method == "POST" else None,
        fields=EVENT_FIELDS.get(event, {}),
        initial={"version": case.version},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case_transition(
                request=case,
                event=event,
                actor=request.user,
                data=EventInput(
                    reason=data.get("reason") or "",
                    on=data.get("on"),
                    message=data.get("message") or "",
                    amount=data.get("amount") or "",
                ),
                expected_version=data.get("version"),
            )
        except (NotPermitted, WrongState, Conflict) as refused:
            return refusal_page(request, case, refused)
        except CaseError as failed:
            show_on_form(form, failed)
        else:
            case.refresh_from_db()
            messages.success(request, f"{event.label}: done. The case is now {case.state.label.lower()}.")
            return HttpResponseRedirect(case.get_absolute_url())
    return render(
        request,
        "staff/case_event.html",
        {"case": case, "event": event, "form": form, "verdict": verdict},
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.view_request", raise_exception=True)
def publish(request: HttpRequest, reference: str) -> HttpResponse:
    """The publisher reviews the request text as it will be published, then publishes (or publishes again)."""
    case = selectors.case_or_404(request.user, reference)
    event = Event.REPUBLISH if case.state is wf.State.NOT_FOR_PUBLICATION else Event.PUBLISH
    roles = roles_of(request.user)
    blocking = wf.may_do(wf.Action.REVIEW_PUBLIC_TEXT, case.state, roles)
    if not blocking.allowed:
        kinds = {r.kind for r in blocking.refusals}
        error: CaseError = NotPermitted(blocking) if wf.RefusalKind.ROLE in kinds else WrongState(blocking)
        return refusal_page(request, case, error)
    proposal = services.request_redacted(case)
    text_form = PublicTextForm(
        request.POST or None,
        prefix="text",
        initial={"public_text": case.public_text or proposal.text, "version": case.version},
    )
    entry_form = PublishForm(
        request.POST or None,
        prefix="entry",
        initial={
            "title": case.publication.title if case.publication else case.title,
            "summary": case.publication.summary if case.publication else "",
            "response_text": case.publication.response_text if case.publication else "",
            "published_on": timezone.localdate(),
        },
    )
    if request.method == "POST" and text_form.is_valid() and entry_form.is_valid():
        entry = entry_form.cleaned_data
        try:
            services.public_text_review(
                request=case,
                text=text_form.cleaned_data["public_text"],
                actor=request.user,
                expected_version=text_form.cleaned_data.get("version"),
            )
            case_transition(
                request=case,
                event=event,
                actor=request.user,
                data=EventInput(
                    reason=entry.get("reason") or "",
                    publication=PublicationSpec(
                        title=entry["title"],
                        summary=entry["summary"],
                        response_text=entry["response_text"],
                        published_on=entry["published_on"],
                    ),
                ),
            )
        except (NotPermitted, WrongState, Conflict) as refused:
            return refusal_page(request, case, refused)
        except CaseError as failed:
            show_on_form(entry_form, failed)
        else:
            case.refresh_from_db()
            url = case.publication.get_absolute_url() if case.publication else ""
            messages.success(request, f"Published at {url}.")
            return HttpResponseRedirect(case.get_absolute_url())
    return render(
        request,
        "staff/publish.html",
        {
            "case": case,
            "event": event,
            "text_form": text_form,
            "form": entry_form,
            "proposal": proposal,
        },
    )


@require_safe
@login_required
@permission_required("cases.view_request", raise_exception=True)
def sent_mail(request: HttpRequest) -> HttpResponse:
    """What FOI Desk has sent (in the demo, these are the files in var/mail/)."""
    visible = selectors.cases_visible_to(request.user)
    mine = SentEmail.objects.filter(request__in=visible)
    sent = mine.select_related("request", "sent_by")[:200]
    not_sent = mine.filter(status=Delivery.FAILED).count()
    return render(request, "staff/sent_mail.html", {"sent": sent, "not_sent": not_sent})


@require_safe
@login_required
@permission_required("cases.view_request", raise_exception=True)
def sent_mail_detail(request: HttpRequest, email_id: int) -> HttpResponse:
    visible = selectors.cases_visible_to(request.user)
    email = SentEmail.objects.filter(pk=email_id, request__in=visible).select_related("request").first()
    if email is None:
        raise Http404("No such message.")
    return render(
        request,
        "staff/sent_mail_detail.html",
        {"email": email, "max_attempts": settings.FOIDESK_MAIL_MAX_ATTEMPTS},
    )


@require_http_methods(["POST"])
@login_required
@permission_required("cases.view_request", raise_exception=True)
def sent_mail_retry(request: HttpRequest, email_id: int) -> HttpResponse:
    """ "Try again now" on a message the mail server refused."""
    visible = selectors.cases_visible_to(request.user)
    email = SentEmail.objects.filter(pk=email_id, request__in=visible).select_related("request").first()
    if email is None or email.request is None:
        raise Http404("No such message.")
    try:
        attempt = outbox.email_retry(sent=email, actor=request.user)
    except CaseError as error:
        return refusal_page(request, email.request, error)
    if attempt.outcome == "sent":
        messages.success(request, "The mail server accepted the message.")
    elif attempt.outcome == "failed":
        messages.error(request, f"The mail server refused the message again: {attempt.error}")
    else:
        messages.info(request, "The message is not waiting to be sent again: nothing was done.")
    return HttpResponseRedirect(f"/staff/mail/{email.pk}/")
