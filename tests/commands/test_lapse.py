"""`foidesk lapse`: requests whose fee went unpaid for three months are closed, the others wait."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from foidesk.cli import main
from foidesk.core.workflow import Event, Role, State
from foidesk.web.cases.workflow import EventInput, case_transition
from tests.factories import decided_case, staff

pytestmark = pytest.mark.django_db(transaction=True)


def test_lapse_closes_only_the_request_past_its_fee_deadline(capsys: pytest.CaptureFixture[str]) -> None:
    officer, decider = staff(Role.CASE_OFFICER), staff(Role.DECISION_MAKER)
    early, late = (decided_case(officer=officer, received_on=dt.date(2025, 1, 6)) for _ in range(2))
    for case, on in ((early, dt.date(2025, 1, 8)), (late, dt.date(2025, 2, 3))):
        case_transition(
            request=case,
            event=Event.ISSUE_FEE_NOTICE,
            actor=decider,
            data=EventInput(amount="10", on=on),
            today=on,
        )
    assert main(["lapse", "--today", "2025-04-20", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"today": "2025-04-20", "lapsed": [early.reference]}
    early.refresh_from_db()
    late.refresh_from_db()
    assert (early.state, late.state) == (State.LAPSED, State.AWAITING_FEE)
    assert main(["lapse", "--today", "not-a-date"]) == 2
