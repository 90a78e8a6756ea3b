"""Tests for reads of cases (src/foidesk/web/cases/selectors.py) not already driven through the pages."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from foidesk.core.workflow import Role
from foidesk.web.cases.selectors import case_by_reference, case_for
from tests.factories import case_with_parts, staff

pytestmark = pytest.mark.django_db


def test_the_command_line_finds_any_case_by_its_reference_where_a_member_of_staff_may_not() -> None:
    case = case_with_parts(officer=staff(Role.CASE_OFFICER))
    assert case_by_reference(case.reference) == case
    assert case_by_reference(case.reference + "9") is None
    # The workspace gates reads by who asks; the operator's command line answers for every case.
    assert case_for(AnonymousUser(), case.reference) is None
