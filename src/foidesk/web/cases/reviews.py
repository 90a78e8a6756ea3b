"""After the response: internal reviews and the regulator's stages (complaint, decision notice, appeal).

Writes are keyword-only services in one transaction with their audit event, as in services.py; the
deadlines come from core/escalation.py, the regulator's name from render/letters.py (its one home). The
reads their pages need (a review's clock, the timeline from the audit trail, who may decide) are at the end.

A refusal because of the actor's role is `NotPermitted` (403), because of the case's state `WrongState`
(409); input an officer can correct is `ReviewInputError`, which names the form field it belongs to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from foidesk.core import clock, escalation
from foidesk.core.regime import Regime
from foidesk.core.workflow import Action, Refusal, RefusalKind, Verdict
from foidesk.render.letters import regulator
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.actors import Actor, acting_user
from foidesk.web.audit.models import AuditEvent
from foidesk.web.audit.services import audit_record
from foidesk.web.cases.models import Appeal, Decision, Request, Review
from foidesk.web.cases.permissions import (
    NotPermitted,
    Refused,
    WrongState,
    action_allowed,
    action_check,
)
from foidesk.web.cases.services import CaseError

ReviewOutcome = Review.ReviewOutcome
Stage = Appeal.Stage

MIN_REASONS_CHARACTERS = 20  # a sentence: the reasons go to the requester (s.21(5) FOISA; ICO guidance)
_CHANGING_OUTCOMES = frozenset({ReviewOutcome.PARTLY_UPHELD, ReviewOutcome.OVERTURNED})


class ReviewInputError(CaseError):
    """Input the officer can correct; ``field`` is the form field it belongs to (None: the whole form)."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ReviewerNotIndependent(NotPermitted):
    """The would-be reviewer took part in the decision under review (HTTP 403)."""


class ReviewAlreadyDecided(WrongState):
    """The review has an outcome already (HTTP 409)."""


def _verdict(kind: RefusalKind, message: str) -> Verdict:
    return Verdict(allowed=False, refusals=(Refusal(kind, message),))


def _bump_version(request: Request) -> None:
    """Every change to a case bumps its version, so a form opened before it gets a conflict."""
    Request.objects.filter(pk=request.pk).update(version=F("version") + 1)


def _check_date(
    day: dt.date, *, today: dt.date, field: str, what: str, not_before: dt.date | None, since: str
) -> None:
    if day > today:
        raise ReviewInputError(f"{what} cannot be in the future.", field)
    if not_before is not None and day < not_before:
        raise ReviewInputError(f"{what} cannot be before {since} ({not_before:%-d %B %Y}).", field)


def _responded_on(request: Request) -> dt.date:
    if request.responded_on is None:
        raise WrongState(
            _verdict(RefusalKind.STATE, "The date the response was sent is not recorded on this case.")
        )
    return request.responded_on


# --- internal review ------------------------------------------------------------------------------------


def review_open(
    *, request: Request, requested_on: dt.date, grounds: str, actor: Actor, today: dt.date | None = None
) -> Review:
    """Open an internal review the requester asked for on ``requested_on``, with its own clock.

    Only once the response was sent (core/workflow.py: `Action.OPEN_REVIEW`). A review asked for after the
    window (40 working days: ICO guidance; reg 11(2) EIR; s.20(5) FOISA) is opened all the same and flagged
    in the audit trail and on its page: the authority may refuse it, and the officer decides.
    """
    action_check(request=request, action=Action.OPEN_REVIEW, actor=actor)
    today = today or timezone.localdate()
    responded = _responded_on(request)
    _check_date(
        requested_on,
        today=today,
        field="requested_on",
        what="The date the review was asked for",
        not_before=responded,
        since="the response was sent",
    )
    review_clock = review_clock_of(request, requested_on)
    with transaction.atomic():
        review = Review.objects.create(
            request=request,
            requested_on=requested_on,
            due_on=review_clock.due,
            latest_due_on=review_clock.latest_due,
            grounds=grounds.strip(),
            opened_by=acting_user(actor),
        )
        _bump_version(request)
        audit_record(
            actor=actor,
            action=AuditAction.REVIEW_OPENED,
            obj=review,
            details={
                "request": request.reference,
                "requested_on": requested_on,
                "due_on": review_clock.due,
                "latest_due_on": review_clock.latest_due,
                "window_ends": review_clock.window_ends,
                "late": review_clock.late,
                "calendar_version": review_clock.calendar_version,
            },
        )
        return review


def original_deciders(request: Request) -> set[int]:
    """Who made the decision under review: whoever decided a part, and whoever approved the response."""
    ids = {
        pk
        for pk in Decision.objects.filter(part__request=request).values_list("decided_by_id", flat=True)
        if pk is not None
    }
    if request.approved_by_id is not None:
        ids.add(request.approved_by_id)
    return ids


def independence_refusal(request: Request, actor: Actor) -> str | None:
    """Why ``actor`` may not review the response, having taken part in it; None when independent.

    A review is a fresh look by someone who was not party to the original decision (ICO guidance;
    s.45 Code of Practice, 2018; the Scottish s.60 Code) [S].
    """
    if actor is None or actor.pk is None or actor.pk not in original_deciders(request):
        return None
    return (
        "You took part in the original decision (you decided a part or approved the response): "
        "a decision maker who did not must carry out the review."
    )


def review_decide_check(*, review: Review, actor: Actor) -> None:
    """Raise unless ``actor`` may decide ``review`` now: a decision maker, independent, review pending."""
    if review.outcome != ReviewOutcome.PENDING:
        raise ReviewAlreadyDecided(
            _verdict(RefusalKind.STATE, f"This review was decided on {review.decided_on:%-d %B %Y}.")
        )
    action_check(request=review.request, action=Action.DECIDE_REVIEW, actor=actor)
    refusal = independence_refusal(review.request, actor)
    if refusal is not None:
        raise ReviewerNotIndependent(_verdict(RefusalKind.ROLE, refusal))


def review_decide(
    *,
    review: Review,
    outcome: str,
    reasons: str,
    changed_decision_ids: Iterable[int],
    actor: Actor,
    decided_on: dt.date | None = None,
) -> Review:
    """Record the outcome of a review: upheld, partly upheld or overturned, with reasons.

    The reviewer is a decision maker who is not one of the original deciders. Partly upheld and
    overturned name the decisions the review changes; upheld changes none. The new decisions themselves
    go to the requester in a fresh response (s.21(4)-(5) FOISA: confirm, modify or substitute, with a
    statement of reasons).
    """
    request = review.request
    review_decide_check(review=review, actor=actor)
    try:
        chosen = ReviewOutcome(outcome)
    except ValueError:
        chosen = ReviewOutcome.PENDING
    if chosen is ReviewOutcome.PENDING:
        raise ReviewInputError("Choose the outcome of the review.", "outcome")
    reasons = reasons.strip()
    if len(reasons) < MIN_REASONS_CHARACTERS:
        raise ReviewInputError("Give the reasons for the outcome: they go to the requester.", "reasons")
    decisions = _changed_decisions(request, chosen, set(changed_decision_ids))
    decided_on = decided_on or timezone.localdate()
    _check_date(
        decided_on,
        today=timezone.localdate(),
        field="decided_on",
        what="The date of the review's outcome",
        not_before=review.requested_on,
        since="the review was asked for",
    )
    with transaction.atomic():
        locked = Review.objects.select_for_update().get(pk=review.pk)
        if locked.outcome != ReviewOutcome.PENDING:
            raise ReviewAlreadyDecided(
                _verdict(RefusalKind.STATE, f"This review was decided on {locked.decided_on:%-d %B %Y}.")
            )
        locked.outcome = chosen.value
        locked.reasons = reasons
        locked.decided_on = decided_on
        locked.reviewer = acting_user(actor)
        locked.save(update_fields=["outcome", "reasons", "decided_on", "reviewer"])
        locked.decisions.set(decisions)
        _bump_version(request)
        audit_record(
            actor=actor,
            action=AuditAction.REVIEW_DECIDED,
            obj=locked,
            details={
                "request": request.reference,
                "outcome": chosen.value,
                "decisions_changed": [str(d.part.label) for d in decisions],
                "decided_on": decided_on,
                "in_time": decided_on <= locked.due_on,
            },
        )
        return locked


def _changed_decisions(request: Request, outcome: ReviewOutcome, ids: set[int]) -> list[Decision]:
    decisions = list(
        Decision.objects.filter(part__request=request, pk__in=ids).select_related("part").order_by("part")
    )
    if len(decisions) != len(ids):
        raise ReviewInputError("Choose decisions on this case only.", "decisions")
    if outcome in _CHANGING_OUTCOMES and not decisions:
        raise ReviewInputError(
            f"A review that is {outcome.label.lower()} must name the decisions it changes.", "decisions"
        )
    if outcome is ReviewOutcome.UPHELD and decisions:
        raise ReviewInputError(
            "An upheld review changes no decision: untick them, or choose partly upheld.", "decisions"
        )
    return decisions


# --- the regulator, its decision notice, and appeals -------------------------------------------------------


def appeal_record(
    *,
    request: Request,
    stage: str,
    received_on: dt.date,
    external_reference: str,
    review: Review | None,
    actor: Actor,
    today: dt.date | None = None,
) -> Appeal:
    """Record a complaint to the regulator, its decision notice, or a tribunal (court) appeal from it.

    The regulator is named by the regime (s.50 FOIA, reg 18 EIR: the Information Commissioner; s.47 FOISA,
    reg 17 EISR: the Scottish Information Commissioner). ``due_on`` is what must happen by when at this
    stage (core/escalation.py): the reply to the regulator; after a decision notice, the last day to appeal
    it; a tribunal appeal sets its own timetable. A tribunal appeal follows a decision notice only.
    For a decision notice, ``received_on`` is taken as the day it was sent (r.22(1)(b) GRC Rules 2009).
    """
    action_check(request=request, action=Action.RECORD_APPEAL, actor=actor)
    try:
        chosen = Stage(stage)
    except ValueError as error:
        raise ReviewInputError("Choose the stage.", "stage") from error
    today = today or timezone.localdate()
    _check_date(
        received_on,
        today=today,
        field="received_on",
        what="The date",
        not_before=_responded_on(request),
        since="the response was sent",
    )
    if review is not None and review.request_id != request.pk:
        raise ReviewInputError("That review is of another case.", "review")
    regime = Regime(request.regime)
    calendar = clock.default_calendar()
    details: dict[str, object] = {"request": request.reference, "stage": chosen.value}
    due_on: dt.date | None = None
    if chosen is Stage.ICO_COMPLAINT:
        due_on = escalation.regulator_submissions_due(regime, received_on, calendar)
    elif chosen is Stage.DECISION_NOTICE:
        due_on = escalation.appeal_last_day(regime, received_on, calendar)
    else:
        notice = latest_decision_notice(request)
        if notice is None:
            raise ReviewInputError(
                "A tribunal appeal can only follow a decision notice: record the decision notice first.",
                "stage",
            )
        if received_on < notice.received_on:
            raise ReviewInputError(
                f"An appeal cannot be before the decision notice ({notice.received_on:%-d %B %Y}).",
                "received_on",
            )
        details["out_of_time"] = notice.due_on is not None and received_on > notice.due_on
    with transaction.atomic():
        appeal = Appeal.objects.create(
            request=request,
            review=review,
            stage=chosen.value,
            regulator=regulator(regime).name,
            external_reference=external_reference.strip(),
            received_on=received_on,
            due_on=due_on,
            recorded_by=acting_user(actor),
        )
        _bump_version(request)
        audit_record(
            actor=actor,
            action=AuditAction.APPEAL_RECORDED,
            obj=appeal,
            details={**details, "received_on": received_on, "due_on": due_on, "regulator": appeal.regulator},
        )
        return appeal


def appeal_update(
    *, appeal: Appeal, outcome: str, decided_on: dt.date, actor: Actor, today: dt.date | None = None
) -> Appeal:
    """Record how a stage ended: the regulator's finding, the notice's outcome, the tribunal's decision."""
    request = appeal.request
    action_check(request=request, action=Action.RECORD_APPEAL, actor=actor)
    outcome = outcome.strip()
    if not outcome:
        raise ReviewInputError("Say what the outcome was.", "outcome")
    _check_date(
        decided_on,
        today=today or timezone.localdate(),
        field="decided_on",
        what="The date of the outcome",
        not_before=appeal.received_on,
        since="this stage began",
    )
    with transaction.atomic():
        appeal.outcome = outcome
        appeal.decided_on = decided_on
        appeal.save(update_fields=["outcome", "decided_on"])
        _bump_version(request)
        audit_record(
            actor=actor,
            action=AuditAction.APPEAL_UPDATED,
            obj=appeal,
            details={"request": request.reference, "outcome": outcome, "decided_on": decided_on},
        )
        return appeal


# --- reads for the pages -----------------------------------------------------------------------------------


def review_clock_of(request: Request, requested_on: dt.date) -> escalation.ReviewClock:
    """The clock of a review of ``request`` asked for on ``requested_on`` (core/escalation.py)."""
    try:
        return escalation.review_clock(
            Regime(request.regime),
            responded=_responded_on(request),
            requested=requested_on,
            calendar=clock.default_calendar(),
            response_due=request.due_on,  # s.20(5)(a) FOISA: the end of the time for the response
        )
    except escalation.EscalationError as error:
        raise ReviewInputError(str(error), "requested_on") from error


def latest_decision_notice(request: Request) -> Appeal | None:
    return (
        Appeal.objects.filter(request=request, stage=Stage.DECISION_NOTICE)
        .order_by("-received_on", "-id")
        .first()
    )


def decision_notice_deadlines(appeal: Appeal) -> escalation.DecisionNoticeDeadlines | None:
    """For a decision notice: the last day to appeal and the day to comply by (the default period)."""
    if appeal.stage != Stage.DECISION_NOTICE:
        return None
    return escalation.decision_notice_deadlines(
        Regime(appeal.request.regime), appeal.received_on, clock.default_calendar()
    )


@dataclass(frozen=True, slots=True)
class ReviewTimelineEntry:
    """One event of a review or appeal, in words, from the audit trail."""

    at: dt.datetime
    actor: str
    text: str


def timeline(obj: Review | Appeal) -> list[ReviewTimelineEntry]:
    """The events of one review or appeal, oldest first, in words, from the audit trail."""
    events = AuditEvent.objects.filter(object_type=obj._meta.label, object_id=str(obj.pk)).order_by(
        "at", "id"
    )
    return [ReviewTimelineEntry(at=e.at, actor=e.actor_label, text=_event_text(e)) for e in events]


def _event_text(event: AuditEvent) -> str:
    details = event.details
    if event.action == AuditAction.REVIEW_OPENED:
        return "Review opened" + (", asked for after the window closed" if details.get("late") else "")
    if event.action == AuditAction.REVIEW_DECIDED:
        outcome = ReviewOutcome(details.get("outcome", ReviewOutcome.PENDING)).label
        changed = details.get("decisions_changed") or []
        return f"Decided: {outcome}" + (f" (changes {', '.join(changed)})" if changed else "")
    if event.action == AuditAction.APPEAL_RECORDED:
        late = " (after the time to appeal)" if details.get("out_of_time") else ""
        return f"{Stage(details.get('stage', Stage.ICO_COMPLAINT)).label} recorded{late}"
    if event.action == AuditAction.APPEAL_UPDATED:
        return f"Outcome recorded: {details.get('outcome', '')}"
    return str(event.action)


def decide_refusal(review: Review, actor: Actor) -> str | None:
    """Why ``actor`` may not decide ``review`` now (None: offer the form)."""
    try:
        review_decide_check(review=review, actor=actor)
    except Refused as refused:
        return str(refused)
    return None


@dataclass(frozen=True, slots=True)
class ReviewsSummary:
    """What components/reviews_summary.html shows on the case page."""

    reviews: list[Review]
    appeals: list[Appeal]
    can_open_review: bool
    can_record_appeal: bool

    def as_context(self) -> dict[str, object]:
        return {
            "reviews": self.reviews,
            "appeals": self.appeals,
            "can_open_review": self.can_open_review,
            "can_record_appeal": self.can_record_appeal,
        }


def reviews_summary(request: Request, actor: Actor) -> ReviewsSummary:
    """The reviews and appeals of a case, and whether ``actor`` may open a review now."""
    return ReviewsSummary(
        reviews=list(Review.objects.filter(request=request).order_by("requested_on", "id")),
        appeals=list(Appeal.objects.filter(request=request).order_by("received_on", "id")),
        can_open_review=action_allowed(request=request, action=Action.OPEN_REVIEW, actor=actor),
        can_record_appeal=action_allowed(request=request, action=Action.RECORD_APPEAL, actor=actor),
    )
