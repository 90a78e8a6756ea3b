"""Users and API tokens in the admin: no escalation by Administrators, every change audited."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from foidesk.web.accounts.models import ApiToken, token_digest
from foidesk.web.accounts.roles import Role
from foidesk.web.audit.models import AuditEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _change_data(user: User, **overrides: Any) -> dict[str, Any]:
    """The user change form as the admin would post it, unchanged unless overridden."""
    data: dict[str, Any] = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on" if user.is_active else "",
        "is_staff": "on" if user.is_staff else "",
        "groups": [g.pk for g in user.groups.all()],
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v != ""}


@pytest.fixture
def administrator(client: Client) -> User:
    user = UserFactory(username="admin1", role=Role.ADMINISTRATOR, is_staff=True)
    client.force_login(user)
    return user


def test_an_administrator_cannot_make_themself_a_superuser(client: Client, administrator: User) -> None:
    url = f"/admin/auth/user/{administrator.pk}/change/"
    response = client.post(url, _change_data(administrator, is_superuser="on", first_name="Ada"))
    assert response.status_code == 302
    administrator.refresh_from_db()
    assert administrator.first_name == "Ada"
    assert not administrator.is_superuser


def test_an_administrator_cannot_make_anyone_a_superuser(client: Client, administrator: User) -> None:
    other = UserFactory(username="olu", role=Role.CASE_OFFICER)
    client.post(f"/admin/auth/user/{other.pk}/change/", _change_data(other, is_superuser="on", is_staff="on"))
    other.refresh_from_db()
    assert other.is_staff and not other.is_superuser


def test_an_administrator_cannot_give_themself_permissions_or_roles(
    client: Client, administrator: User
) -> None:
    permission = Permission.objects.get(codename="delete_user")
    extra_group = Role.PUBLISHER
    data = _change_data(
        administrator,
        user_permissions=[permission.pk],
        groups=[g.pk for g in Group.objects.filter(name__in=[Role.ADMINISTRATOR.value, extra_group.value])],
    )
    client.post(f"/admin/auth/user/{administrator.pk}/change/", data)
    administrator.refresh_from_db()
    assert not administrator.user_permissions.exists()
    assert list(administrator.groups.values_list("name", flat=True)) == [Role.ADMINISTRATOR.value]
    assert not User.objects.get(pk=administrator.pk).has_perm("auth.delete_user")


def test_an_administrator_cannot_edit_a_superuser(client: Client, administrator: User) -> None:
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    url = f"/admin/auth/user/{root.pk}/change/"
    assert client.get(url).status_code == 200  # may look
    assert client.post(url, _change_data(root, is_active="")).status_code == 403
    assert client.post(f"/admin/auth/user/{root.pk}/password/", {}).status_code == 403
    root.refresh_from_db()
    assert root.is_active


def test_changes_to_users_in_the_admin_are_audited(client: Client, administrator: User) -> None:
    other = UserFactory(username="olu", role=Role.CASE_OFFICER)
    client.post(f"/admin/auth/user/{other.pk}/change/", _change_data(other, first_name="Olusegun"))
    event = AuditEvent.objects.get(action="account.user_changed")
    assert event.actor == administrator and event.object_id == str(other.pk)
    assert "First name" in str(event.details["message"])


def test_a_superuser_can_make_a_superuser_and_that_is_audited(client: Client) -> None:
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(root)
    other = UserFactory(username="olu")
    client.post(f"/admin/auth/user/{other.pk}/change/", _change_data(other, is_superuser="on", is_staff="on"))
    other.refresh_from_db()
    assert other.is_superuser
    assert AuditEvent.objects.filter(action="account.user_changed", object_id=str(other.pk)).exists()


def test_resetting_two_factor_removes_the_devices_and_is_audited(client: Client) -> None:
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    other = UserFactory(username="olu")
    TOTPDevice.objects.create(user=other, name="Phone", confirmed=True)
    client.post("/admin/auth/user/", {"action": "reset_two_factor", "_selected_action": [other.pk]})
    assert not TOTPDevice.objects.filter(user=other).exists()
    assert AuditEvent.objects.filter(action="account.two_factor_reset", object_id=str(other.pk)).exists()


@pytest.fixture
def root_client(client: Client) -> Client:
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def _issue(client: Client, user: User, name: str) -> str:
    response = client.post("/admin/accounts/apitoken/add/", {"user": user.pk, "name": name})
    assert response.status_code == 200
    match = re.search(r'id="api-token"[^>]*>(foid_[\w-]+)<', response.content.decode())
    assert match is not None
    return match.group(1)


def test_issuing_a_token_in_the_admin_shows_it_once_and_stores_only_its_digest(root_client: Client) -> None:
    gateway = UserFactory(username="gateway")
    first = _issue(root_client, gateway, "email gateway")
    second = _issue(root_client, gateway, "email gateway")  # twice: no clash, no 500
    assert first != second
    digests = set(ApiToken.objects.values_list("digest", flat=True))
    assert digests == {token_digest(first), token_digest(second)}
    assert "" not in digests
    assert AuditEvent.objects.filter(action="account.api_token_issued").count() == 2
    token = ApiToken.objects.first()
    assert token is not None
    assert first not in root_client.get(f"/admin/accounts/apitoken/{token.pk}/change/").content.decode()


def test_revoking_a_token_is_audited_and_tokens_are_never_deleted(root_client: Client) -> None:
    token, _plain = ApiToken.issue(user=UserFactory(), name="gateway")
    root_client.post("/admin/accounts/apitoken/", {"action": "revoke", "_selected_action": [token.pk]})
    token.refresh_from_db()
    assert token.revoked
    assert AuditEvent.objects.filter(action="account.api_token_revoked", object_id=str(token.pk)).count() == 1
    assert (
        root_client.post(f"/admin/accounts/apitoken/{token.pk}/delete/", {"post": "yes"}).status_code == 403
    )
