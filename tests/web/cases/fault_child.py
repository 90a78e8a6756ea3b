"""A child process for tests/web/cases/test_faults.py: one workflow event on a case, as a worker would.

    python -m tests.web.cases.fault_child send|publish CASE_ID ACTOR_ID

Run against the test database (DATABASE_URL) and files (FOIDESK_MEDIA_ROOT); the test kills it, or
breaks its database connection, while it waits on a lock the test holds.
"""

from __future__ import annotations

import datetime as dt
import os
import sys


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foidesk.web.settings")
    import django

    django.setup()
    from django.contrib.auth.models import User

    from foidesk.core.workflow import Event
    from foidesk.web.cases.models import Request
    from foidesk.web.cases.workflow import EventInput, PublicationSpec, case_transition

    action, case_id, actor_id = argv
    case = Request.objects.get(pk=int(case_id))
    actor = User.objects.get(pk=int(actor_id))
    if action == "send":
        case_transition(request=case, event=Event.SEND, actor=actor, today=dt.date(2024, 3, 1))
    else:
        spec = PublicationSpec(
            title="Officers", summary="S", response_text="R", published_on=dt.date(2024, 3, 2)
        )
        case_transition(
            request=case,
            event=Event.PUBLISH,
            actor=actor,
            data=EventInput(publication=spec),
            today=dt.date(2024, 3, 2),
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
