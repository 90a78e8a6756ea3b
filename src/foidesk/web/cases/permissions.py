"""The one permission check for work on a case: who the actor is, in the words of core/workflow.py.

Every service that writes to a case calls `action_check` (or fires an event through
`case_transition`, which asks `core.workflow.may_fire`). A refusal because of the actor's role is a
`NotPermitted` (a view answers 403 with its message); one because of the case's state is a
`WrongState` (409).
"""

from __future__ import annotations

from foidesk.core import workflow
from foidesk.core.workflow import Action, RefusalKind, Verdict
from foidesk.web.accounts.roles import roles_of
from foidesk.web.audit.actors import Actor
from foidesk.web.cases.errors import CaseError
from foidesk.web.cases.models import Request

__all__ = ["NotPermitted", "Refused", "WrongState", "action_allowed", "action_check", "roles_of"]


class Refused(CaseError):
    """The workflow refused: ``verdict`` says every reason."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.message)
        self.verdict = verdict


class NotPermitted(Refused):
    """The actor's role may never do this (HTTP 403)."""


class WrongState(Refused):
    """Not while the case is in this state (HTTP 409)."""


def raise_refusal(verdict: Verdict) -> None:
    """Raise the most telling refusal: the role first, then the state, then the guards."""
    if verdict.allowed:
        return
    kinds = {r.kind for r in verdict.refusals}
    if RefusalKind.ROLE in kinds:
        raise NotPermitted(verdict)
    if RefusalKind.STATE in kinds:
        raise WrongState(verdict)
    raise Refused(verdict)


def action_check(*, request: Request, action: Action, actor: Actor) -> None:
    """Raise unless ``actor`` may do ``action`` on ``request`` in its current state."""
    raise_refusal(workflow.may_do(action, request.state, roles_of(actor)))


def action_allowed(*, request: Request, action: Action, actor: Actor) -> bool:
    """For templates: whether to offer the action at all."""
    return workflow.may_do(action, request.state, roles_of(actor)).allowed
