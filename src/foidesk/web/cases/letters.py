"""A case's response letter: its decisions read into ``core.notice.Response``, rendered by render/letters."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from foidesk.core.decision import ClaimText, cost_estimate_for
from foidesk.core.exemptions import Exemption, exemptions_for
from foidesk.core.notice import ExemptionClaim, Finding, PartResponse, Response
from foidesk.core.outcome import Outcome
from foidesk.core.regime import Regime
from foidesk.datasets.registry import REGISTRY
from foidesk.datasets.schema import GENERIC_PERSONAL_DATA_PHRASE
from foidesk.render.letter_passages import Passage
from foidesk.render.letters import (
    AnswerTable,
    Letter,
    LetterFormat,
    SuppressedCells,
    letter_findings,
    regulator,
    render_letter,
)
from foidesk.web.cases.answers import SUPPRESSION_NOTE
from foidesk.web.cases.models import Decision, DecisionExemption, Document, LetterPassage, Part, Request
from foidesk.web.cases.services import authority_kind


def _absolute(path: str) -> str:
    """A path made absolute with the FOIDESK_BASE_URL setting, when there is one."""
    base = str(getattr(settings, "FOIDESK_BASE_URL", "") or "").rstrip("/")
    if not base or path.startswith(("http://", "https://")):
        return path
    return base + path


def _claim(row: DecisionExemption) -> ExemptionClaim:
    return ClaimText(
        code=row.code,
        reasons=row.reasons,
        public_interest_for=row.public_interest_for,
        public_interest_against=row.public_interest_against,
        public_interest_conclusion=row.public_interest_conclusion,
        reasons_would_disclose=row.reasons_would_disclose,
    ).claim()


# Why small counts are withheld (s.40(2) FOIA by virtue of s.40(3A)(a); FOISA s.38(1)(b); EIR reg 13): the
# motivated intruder test of the ICO's anonymisation guidance (DOMAIN.md C).
SUPPRESSION_REASONS = (
    "Some counts in the table are small. A count of fewer than {threshold}, put together with what "
    "colleagues, complainants and others already know (such as where and when, and who was involved), "
    "could let a motivated intruder identify the people counted. {about} is their personal data, "
    "and may be criminal offence data; they would not expect it to be made public, so disclosing it would "
    "not be fair or lawful and would contravene the data protection principles (Article 5(1)(a) UK GDPR). "
    "{code} therefore applies; under that first condition it is an absolute exemption and no public "
    "interest test is needed. Other cells are withheld only so that the small counts cannot be worked out "
    "from the totals."
)


def personal_data_exemption(regime: Regime) -> Exemption:
    """The regime's exemption for third-party personal data (s.40(2), reg 13, FOISA s.38(1)(b), EISR
    reg 11): the one absolute only under the first condition."""
    return next(e for e in exemptions_for(regime) if e.absolute_only_under_first_condition)


def _suppressions(part: Part, regime: Regime) -> tuple[SuppressedCells, ...]:
    code = personal_data_exemption(regime).code
    found = []
    for answer in (a for a in part.answers.order_by("id") if a.releasable):
        cells = tuple(
            (str(c["row"]), str(c["column"]), str(c.get("reason", "primary")))
            for c in (answer.report or {}).get("suppressed", [])
        )
        if cells:
            found.append(SuppressedCells(part.label, answer.description, code, answer.threshold, cells))
    return tuple(found)


def _personal_data_phrase(part: Part) -> str:
    """What the part's answers tell about the people counted, in their register's words (the first
    register answered from: a part is answered from one register in practice)."""
    dataset = part.answers.order_by("id").values_list("dataset", flat=True).first()
    if dataset is None or dataset not in REGISTRY.datasets:
        return GENERIC_PERSONAL_DATA_PHRASE
    return REGISTRY.datasets[dataset].personal_data_phrase


def _with_suppressions(
    outcome: Outcome,
    claims: tuple[ExemptionClaim, ...],
    suppressions: tuple[SuppressedCells, ...],
    regime: Regime,
    about: str,
) -> tuple[Outcome, tuple[ExemptionClaim, ...]]:
    """Cells withheld as [c] are a partial refusal: a disclosed part becomes partly disclosed, relying on
    the personal data exemption with its reasons, unless the decision already cites it."""
    if not suppressions:
        return outcome, claims
    e = personal_data_exemption(regime)
    if outcome is Outcome.DISCLOSED:
        outcome = Outcome.PARTLY_DISCLOSED
    if not any(c.exemption.code == e.code for c in claims):
        threshold = min(s.threshold for s in suppressions)
        reasons = SUPPRESSION_REASONS.format(threshold=threshold, code=e.code, about=about)
        claims = (*claims, ExemptionClaim(e, reasons))
    return outcome, claims


def _s21_pointer(decision: Decision) -> str:
    """Where the information already is, readable on paper: the entry's title, reference and address."""
    if decision.s21_url:
        return decision.s21_url
    earlier = decision.s21_publication
    if earlier is not None:
        return (
            f"our disclosure log, '{earlier.title}' (reference {earlier.reference}): "
            f"{_absolute(earlier.get_absolute_url())}"
        )
    return ""


def review_rights_text(request: Request) -> str:
    """Where to ask for an internal review (s.17(7)(a)); the letter states the 40-working-day window and
    the email and postal addresses. Empty when the authority has set no review contact."""
    contact = str(settings.FOIDESK_REVIEW_CONTACT).strip()
    if not contact:
        return ""
    return f"To ask for one, write to {contact} quoting reference {request.reference}."


def response_for_case(request: Request, issued: dt.date | None = None) -> Response:
    """The case's decisions as a ``Response``: parts in order, exemptions with reasons and public interest."""
    parts: list[PartResponse] = []
    regime = Regime(request.regime)
    open_test_dates: list[dt.date] = []
    for part in request.parts.order_by("position"):
        if not _has_decision(part):
            parts.append(PartResponse(label=part.label, outcome=Outcome.UNDECIDED))
            continue
        decision = part.decision
        outcome, claims = _with_suppressions(
            Outcome(decision.outcome),
            tuple(_claim(row) for row in decision.exemptions.order_by("id")),
            _suppressions(part, regime),
            regime,
            _personal_data_phrase(part),
        )
        if decision.public_interest_decision_due is not None:
            open_test_dates.append(decision.public_interest_decision_due)
        parts.append(
            PartResponse(
                label=part.label,
                outcome=outcome,
                claims=claims,
                s21_pointer=_s21_pointer(decision),
                advice=decision.advice,
                answer=decision.answer,
                cost_estimate=(
                    cost_estimate_for(decision.cost_items, regime=regime, authority=authority_kind())
                    if outcome is Outcome.COST_LIMIT
                    else None
                ),
            )
        )
    return Response(
        reference=request.reference,
        regime=regime,
        parts=tuple(parts),
        review_rights=review_rights_text(request),
        ico_rights=regulator(Regime(request.regime)).particulars,
        issued=issued or request.responded_on,
        due=request.extended_due_on or request.due_on,
        # s.17(2): the latest of the parts' estimated dates, so the letter promises one date it can keep
        public_interest_decision_due=max(open_test_dates, default=None),
    )


def _has_decision(part: object) -> bool:
    try:
        return getattr(part, "decision", None) is not None
    except Decision.DoesNotExist:
        return False


def _tables(request: Request) -> tuple[tuple[str, AnswerTable], ...]:
    tables: list[tuple[str, AnswerTable]] = []
    for part in request.parts.order_by("position"):
        for answer in (a for a in part.answers.all() if a.releasable):
            headers = (answer.row_dimension, *(str(c) for c in answer.column_labels))
            rows = tuple((str(label), *(str(c) for c in cells)) for label, cells in answer.rows)
            tables.append((part.label, AnswerTable(answer.description, headers, rows)))
    return tuple(tables)


def _letter(request: Request, issued: dt.date | None = None) -> Letter:
    on = issued or request.responded_on or timezone.localdate()
    response = response_for_case(request, issued=on)
    answers = []
    for part in request.parts.order_by("position"):
        if _has_decision(part) and part.decision.answer.strip():
            answers.append((part.label, part.decision.answer))
    attachments = tuple(
        doc.title for doc in request.documents.filter(kind=Document.Kind.ATTACHMENT).order_by("id")
    )
    approver = request.approved_by
    signatory = (approver.get_full_name() or approver.get_username()) if approver is not None else ""
    return Letter(
        signatory=signatory,
        sign_off=settings.FOIDESK_SIGNATORY_ROLE,
        suppression_note=SUPPRESSION_NOTE.format(threshold=settings.FOIDESK_SDC_THRESHOLD),
        authority=settings.FOIDESK_AUTHORITY_NAME,
        requester_name=request.requester_name,
        issued=on,
        received=request.received_on,
        response=response,
        questions=tuple((part.label, part.text) for part in request.parts.order_by("position")),
        answers=tuple(answers),
        tables=_tables(request),
        suppressions=tuple(
            cells
            for part in request.parts.order_by("position")
            for cells in _suppressions(part, Regime(request.regime))
        ),
        attachments=attachments,
        passages=tuple((Passage(row.passage), row.text) for row in LetterPassage.objects.order_by("passage")),
        review_email=settings.FOIDESK_REVIEW_EMAIL,
        review_address=tuple(
            line.strip() for line in str(settings.FOIDESK_REVIEW_ADDRESS).split(";") if line.strip()
        ),
    )


def letter_problems(request: Request) -> list[Finding]:
    """Every finding that would stop the case's letter being sent today (s.17 and the letter's own)."""
    return letter_findings(_letter(request))


def letter_for_case(request: Request, fmt: LetterFormat | str, issued: dt.date | None = None) -> bytes:
    """The case's response letter in ``fmt``; raises ``LetterRefused`` if the response fails s.17 or the
    letter lacks the authority's particulars (a review contact, absolute links)."""
    return render_letter(_letter(request, issued), LetterFormat(fmt))
