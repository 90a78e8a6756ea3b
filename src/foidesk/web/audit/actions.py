"""Every action the audit trail may record: a registry, not free strings (STYLE.md, froide's EventName).

`audit_record` refuses an action that is not listed here, so a typo cannot start a new kind of event
that nobody reads. Workflow events are recorded as ``case.<event>`` (core/workflow.py's `Event`).
"""

from __future__ import annotations

from enum import StrEnum

from foidesk.core.workflow import Event


class AuditAction(StrEnum):
    # Intake and the case's contents
    REQUEST_OPENED = "request.opened"
    REQUEST_IMPORTED = "request.imported"
    REQUEST_PARTS_SET = "request.parts_set"
    REQUEST_ASSIGNED = "request.assigned"
    REQUEST_PUBLIC_TEXT_REVIEWED = "request.public_text_reviewed"
    REQUEST_LINK_CONFIRMED = "request.link_confirmed"
    REQUEST_ERASED = "request.requester_erased"
    CLOCK_EVENT = "clock.event"
    DECISION_RECORDED = "decision.recorded"
    ANSWER_CREATED = "answer.created"
    ANSWER_CHECKED = "answer.checked"  # the background disclosure check finished
    RECORD_LIST_PRODUCED = "answer.record_list_produced"
    DOCUMENT_ATTACHED = "document.attached"
    DOCUMENT_CHECKED = "document.checked"
    DOCUMENT_WARNINGS_ACCEPTED = "document.warnings_accepted"
    DOCUMENT_APPROVED = "document.approved"
    EMAIL_RECEIVED = "email.received"
    EMAIL_QUEUED = "email.queued"  # recorded with its change, sent after the commit (web/cases/outbox.py)
    EMAIL_SENT = "email.sent"  # the mail server accepted it
    EMAIL_FAILED = "email.failed"  # the mail server refused it, or could not be reached: tried again later
    EMAIL_RETRIED = "email.retried"  # staff asked for a refused message to be sent again at once
    LETTER_PASSAGE_CHANGED = "letter.passage_changed"  # the authority's wording of a letter passage
    # The disclosure log
    RESPONSE_PUBLISHED = "response.published"
    RESPONSE_WITHDRAWN = "response.withdrawn"
    PUBLICATION_FILES_INDEXED = "publication.files_indexed"  # the published files' words, for search
    TASK_REQUEUED = "task.requeued"  # a background task a dead worker left running, queued again
    # After the response
    REVIEW_OPENED = "review.opened"
    REVIEW_DECIDED = "review.decided"
    APPEAL_RECORDED = "appeal.recorded"
    APPEAL_UPDATED = "appeal.updated"
    # Accounts
    SIGN_IN = "account.sign_in"
    SIGN_IN_FAILED = "account.sign_in_failed"
    SIGN_OUT = "account.sign_out"
    ACCOUNT_LOCKED = "account.locked"
    PASSWORD_CHANGED = "account.password_changed"  # noqa: S105 - an action name
    TWO_FACTOR_ENROLLED = "account.two_factor_enrolled"
    TWO_FACTOR_RESET = "account.two_factor_reset"
    RECOVERY_CODES_ISSUED = "account.recovery_codes_issued"
    USER_CHANGED = "account.user_changed"
    API_TOKEN_ISSUED = "account.api_token_issued"  # noqa: S105 - an action name
    API_TOKEN_REVOKED = "account.api_token_revoked"  # noqa: S105 - an action name
    # Records
    REGISTER_IMPORTED = "records.imported"


def workflow_action(event: Event) -> str:
    """The audit action of a workflow event: ``case.approve``, ``case.send``..."""
    return f"case.{event.value}"


KNOWN_ACTIONS = frozenset({a.value for a in AuditAction} | {workflow_action(e) for e in Event})
