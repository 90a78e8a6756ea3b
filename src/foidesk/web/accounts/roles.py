"""Staff roles as Django groups, each with the permissions its work needs.

Roles are kept in step with this table after every migrate, so a deployment never drifts.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, Group, Permission, User

from foidesk.core.workflow import Role

__all__ = ["ROLE_PERMISSIONS", "STAFF_ROLES", "Role", "ensure_roles", "roles_of"]

STAFF_ROLES = (Role.CASE_OFFICER, Role.DECISION_MAKER, Role.PUBLISHER, Role.ADMINISTRATOR)


def roles_of(user: User | AnonymousUser | None) -> frozenset[Role]:
    """The workflow roles of a user: their groups (a superuser acts as an administrator). None is FOI Desk."""
    if user is None:
        return frozenset({Role.SYSTEM})
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return frozenset({Role.ADMINISTRATOR})
    names = {group.name for group in user.groups.all()}
    return frozenset(role for role in STAFF_ROLES if role.value in names)


_CASE_WORK = [
    "cases.view_request",
    "cases.add_request",
    "cases.change_request",
    "cases.view_part",
    "cases.add_part",
    "cases.change_part",
    "cases.delete_part",
    "cases.view_decision",
    "cases.add_decision",
    "cases.change_decision",
    "cases.view_decisionexemption",
    "cases.add_decisionexemption",
    "cases.change_decisionexemption",
    "cases.delete_decisionexemption",
    "cases.view_document",
    "cases.add_document",
    "cases.change_document",
    "cases.view_clockevent",
    "cases.add_clockevent",
    "cases.view_review",
    "cases.view_appeal",
    "cases.view_requestlink",
    "cases.add_requestlink",
    "publication.view_publication",
]

ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.CASE_OFFICER: _CASE_WORK,
    Role.DECISION_MAKER: [
        *_CASE_WORK,
        "cases.record_decision",
        "cases.approve_release",
        "cases.view_statistics",
        "cases.add_review",
        "cases.change_review",
        "cases.add_appeal",
        "cases.change_appeal",
    ],
    Role.PUBLISHER: [
        "cases.view_request",
        "cases.view_part",
        "cases.view_decision",
        "cases.view_decisionexemption",
        "cases.view_document",
        "cases.view_clockevent",
        "publication.view_publication",
        "publication.change_publication",
        "publication.publish_response",
        "cases.view_statistics",
    ],
    Role.ADMINISTRATOR: [
        *_CASE_WORK,
        "cases.record_decision",
        "cases.approve_release",
        "cases.view_statistics",
        "publication.publish_response",
        "publication.change_publication",
        "auth.view_user",
        "auth.add_user",
        "auth.change_user",
        "audit.view_auditevent",
        # the wording of the letters' passages (cases/admin.py, through services.letter_passage_set)
        "cases.view_letterpassage",
        "cases.add_letterpassage",
        "cases.change_letterpassage",
    ],
}


def ensure_roles(**_: Any) -> None:
    """Create or update each role's group with exactly the permissions in ROLE_PERMISSIONS."""
    for role, codes in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role.value)
        permissions = []
        for code in codes:
            app_label, codename = code.split(".", 1)
            permissions.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(permissions)
