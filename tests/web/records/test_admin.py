"""The register in the admin is read-only: records change only through imports."""

from __future__ import annotations

import pytest
from django.contrib import admin

import foidesk.web.records.admin  # noqa: F401 (registers the model admin)
from foidesk.web.records.models import MisconductAllegation, Record


@pytest.mark.parametrize("model", [MisconductAllegation, Record])
def test_the_register_admin_can_neither_add_change_nor_delete(rf, model) -> None:
    model_admin = admin.site._registry[model]
    request = rf.get(f"/admin/records/{model._meta.model_name}/")
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
