"""Pages for internal reviews and the regulator's stages: thin views over web/cases/reviews.py.

A refusal is translated once, here: `NotPermitted` (the role, or a reviewer who took part in the
decision) is a 403 page with its message; `WrongState` is a 409; `ReviewInputError` goes on the form, under
a GOV.UK error summary, and nothing is saved.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from foidesk.core import clock, escalation
from foidesk.core.regime import Regime
from foidesk.core.workflow import Action
from foidesk.render.letters import regulator
from foidesk.web.cases import reviews, selectors
from foidesk.web.cases.event_views import refusal_page
from foidesk.web.cases.models import Appeal, Decision, Request, Review
from foidesk.web.cases.permissions import Refused, action_allowed, action_check
from foidesk.web.forms import GovukFormMixin

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y", "%d-%m-%Y"]
DATE_HINT = "For example, 27 3 2026 or 2026-03-27."


class ReviewOpenForm(GovukFormMixin, forms.Form):
    requested_on = forms.DateField(
        label="Date the requester asked for a review", input_formats=DATE_FORMATS, help_text=DATE_HINT
    )
    grounds = forms.CharField(
        label="What the requester is unhappy with",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="In their words, or a summary: the reviewer reads it.",
    )


class ReviewDecideForm(GovukFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label="Outcome of the review",
        choices=[(o.value, o.label) for o in Review.ReviewOutcome if o is not Review.ReviewOutcome.PENDING],
        widget=forms.RadioSelect,
    )
    decisions = forms.TypedMultipleChoiceField(
        label="Decisions the review changes",
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text="For partly upheld or overturned: every decision the review changes.",
    )
    reasons = forms.CharField(
        label="Reasons", widget=forms.Textarea(attrs={"rows": 8}), help_text="They go to the requester."
    )
    decided_on = forms.DateField(label="Date of the outcome", input_formats=DATE_FORMATS, help_text=DATE_HINT)

    def __init__(self, *args: object, decisions: list[Decision], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["decisions"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(d.pk, f"{d.part.label}: {d.get_outcome_display()}") for d in decisions]


class AppealRecordForm(GovukFormMixin, forms.Form):
    stage = forms.ChoiceField(label="Stage", choices=Appeal.Stage.choices)
    received_on = forms.DateField(
        label="Date",
        input_formats=DATE_FORMATS,
        help_text="The day the regulator's letter arrived; for a decision notice, its date. " + DATE_HINT,
    )
    external_reference = forms.CharField(
        label="The regulator's or tribunal's reference", required=False, max_length=60
    )
    review = forms.TypedChoiceField(
        label="The internal review it follows", required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args: object, case_reviews: list[Review], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["review"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "None")] + [
            (r.pk, f"Asked for {r.requested_on:%-d %B %Y} ({r.get_outcome_display().lower()})")
            for r in case_reviews
        ]


class AppealUpdateForm(GovukFormMixin, forms.Form):
    outcome = forms.CharField(label="Outcome", widget=forms.Textarea(attrs={"rows": 5}))
    decided_on = forms.DateField(label="Date of the outcome", input_formats=DATE_FORMATS, help_text=DATE_HINT)


def _review_or_404(case: Request, review_id: int) -> Review:
    review = Review.objects.filter(request=case, pk=review_id).select_related("reviewer", "opened_by").first()
    if review is None:
        raise Http404("No such review on this case.")
    return review


def _appeal_or_404(case: Request, appeal_id: int) -> Appeal:
    appeal = Appeal.objects.filter(request=case, pk=appeal_id).select_related("review", "recorded_by").first()
    if appeal is None:
        raise Http404("No such appeal on this case.")
    return appeal


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.view_review", raise_exception=True)
def review_new(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.case_or_404(request.user, reference)
    try:
        action_check(request=case, action=Action.OPEN_REVIEW, actor=request.user)
    except Refused as refused:
        return refusal_page(request, case, refused)
    form = ReviewOpenForm(request.POST or None, initial={"requested_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            review = reviews.review_open(
                request=case,
                requested_on=form.cleaned_data["requested_on"],
                grounds=form.cleaned_data["grounds"],
                actor=request.user,
            )
        except Refused as refused:
            return refusal_page(request, case, refused)
        except reviews.ReviewInputError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, f"Internal review opened: due {review.due_on:%-d %B %Y}.")
            return HttpResponseRedirect(f"{case.get_absolute_url()}reviews/{review.pk}/")
    window_ends = None
    if case.responded_on is not None:
        window_ends = reviews.review_clock_of(case, case.responded_on).window_ends
    return render(request, "staff/review_new.html", {"case": case, "form": form, "window_ends": window_ends})


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.view_review", raise_exception=True)
def review_detail(request: HttpRequest, reference: str, review_id: int) -> HttpResponse:
    """The review with its own clock, the decisions under review, and the decide form for a reviewer."""
    case = selectors.case_or_404(request.user, reference)
    review = _review_or_404(case, review_id)
    decisions = list(
        Decision.objects.filter(part__request=case).select_related("part", "decided_by").order_by("part")
    )
    form = ReviewDecideForm(
        request.POST or None, decisions=decisions, initial={"decided_on": timezone.localdate()}
    )
    if request.method == "POST":
        try:
            reviews.review_decide_check(review=review, actor=request.user)
        except Refused as refused:
            return refusal_page(request, case, refused)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            reviews.review_decide(
                review=review,
                outcome=data["outcome"],
                reasons=data["reasons"],
                changed_decision_ids=data["decisions"],
                decided_on=data["decided_on"],
                actor=request.user,
            )
        except Refused as refused:
            return refusal_page(request, case, refused)
        except reviews.ReviewInputError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, "Review decided.")
            return HttpResponseRedirect(f"{case.get_absolute_url()}reviews/{review.pk}/")
    today = timezone.localdate()
    review_clock = reviews.review_clock_of(case, review.requested_on)
    return render(
        request,
        "staff/review_detail.html",
        {
            "case": case,
            "review": review,
            "clock": review_clock,
            "days_left": review_clock.days_left(today, clock.default_calendar()),
            "decisions": decisions,
            "changed": set(review.decisions.values_list("pk", flat=True)),
            "form": form,
            "decide_refusal": reviews.decide_refusal(review, request.user),
            "timeline": reviews.timeline(review),
            "regulator": regulator(Regime(case.regime)),
            "today": today,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.view_appeal", raise_exception=True)
def appeal_new(request: HttpRequest, reference: str) -> HttpResponse:
    case = selectors.case_or_404(request.user, reference)
    try:
        action_check(request=case, action=Action.RECORD_APPEAL, actor=request.user)
    except Refused as refused:
        return refusal_page(request, case, refused)
    case_reviews = list(Review.objects.filter(request=case).order_by("requested_on", "id"))
    form = AppealRecordForm(
        request.POST or None,
        case_reviews=case_reviews,
        initial={"received_on": timezone.localdate(), "review": case_reviews[-1].pk if case_reviews else ""},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        chosen = next((r for r in case_reviews if r.pk == data["review"]), None)
        try:
            appeal = reviews.appeal_record(
                request=case,
                stage=data["stage"],
                received_on=data["received_on"],
                external_reference=data["external_reference"],
                review=chosen,
                actor=request.user,
            )
        except Refused as refused:
            return refusal_page(request, case, refused)
        except reviews.ReviewInputError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, f"{appeal.get_stage_display()} recorded.")
            return HttpResponseRedirect(f"{case.get_absolute_url()}appeals/{appeal.pk}/")
    return render(
        request,
        "staff/appeal_new.html",
        {"case": case, "form": form, "regulator": regulator(Regime(case.regime))},
    )


@require_http_methods(["GET", "POST"])
@login_required
@permission_required("cases.view_appeal", raise_exception=True)
def appeal_detail(request: HttpRequest, reference: str, appeal_id: int) -> HttpResponse:
    """One stage: the regulator, its deadlines (after a decision notice: appeal, comply), the outcome."""
    case = selectors.case_or_404(request.user, reference)
    appeal = _appeal_or_404(case, appeal_id)
    form = AppealUpdateForm(
        request.POST or None,
        initial={"outcome": appeal.outcome, "decided_on": appeal.decided_on or timezone.localdate()},
    )
    if request.method == "POST":
        try:
            action_check(request=case, action=Action.RECORD_APPEAL, actor=request.user)
        except Refused as refused:
            return refusal_page(request, case, refused)
    if request.method == "POST" and form.is_valid():
        try:
            reviews.appeal_update(
                appeal=appeal,
                outcome=form.cleaned_data["outcome"],
                decided_on=form.cleaned_data["decided_on"],
                actor=request.user,
            )
        except Refused as refused:
            return refusal_page(request, case, refused)
        except reviews.ReviewInputError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(request, "Outcome recorded.")
            return HttpResponseRedirect(f"{case.get_absolute_url()}appeals/{appeal.pk}/")
    regime = Regime(case.regime)
    return render(
        request,
        "staff/appeal_detail.html",
        {
            "case": case,
            "appeal": appeal,
            "regulator": regulator(regime),
            "notice": reviews.decision_notice_deadlines(appeal),
            "forum": escalation.appeal_forum(regime),
            "submissions_working_days": escalation.REGULATOR_SUBMISSIONS_WORKING_DAYS,
            "form": form,
            "can_update": action_allowed(request=case, action=Action.RECORD_APPEAL, actor=request.user),
            "timeline": reviews.timeline(appeal),
        },
    )
