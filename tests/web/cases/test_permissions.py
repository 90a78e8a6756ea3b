"""Every staff address and API endpoint, asked by every role and by nobody, against docs/permissions.md.

The table in docs/permissions.md is the written permission table. This test walks every URL the
project serves under /staff/, /api/ and /admin/ (a new address fails the test until it is in the
table), asks it as each role over real HTTP and compares what comes back. To rewrite the table after
a deliberate change: ``FOIDESK_WRITE_PERMISSIONS=1 pytest tests/web/cases/test_permissions.py``, then
read the diff.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from foidesk.core.workflow import Role
from foidesk.datasets.query import build_query
from foidesk.web.accounts.models import ApiToken
from foidesk.web.cases import reviews
from foidesk.web.cases.answers import answer_begin
from foidesk.web.cases.documents import document_attach
from foidesk.web.cases.models import InboundEmail, SavedFilter
from tests.factories import PublicationFactory, decided_case, sent_case, staff

pytestmark = pytest.mark.django_db

TABLE = Path(__file__).resolve().parents[3] / "docs" / "permissions.md"
ROLES = ("nobody", Role.CASE_OFFICER, Role.DECISION_MAKER, Role.PUBLISHER, Role.ADMINISTRATOR)
SIGN_IN = "/staff/sign-in/"
# Addresses read on the case that has been sent; all other case addresses on the one being drafted.
AFTER_SENDING = {"publish", "review-new", "review", "appeal-new", "appeal"}


def _routes() -> Iterator[tuple[str, str]]:
    def walk(patterns: list[URLPattern | URLResolver], prefix: str) -> Iterator[tuple[str, str]]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern.name or ""

    for route, name in walk(get_resolver().url_patterns, ""):
        if route.startswith(("staff/", "api/")) or route == "admin/":
            yield route, name


def _concrete(route: str, name: str, ids: dict[str, str]) -> str:
    path = "/" + route
    replacements = {
        "<str:reference>": ids["sent"] if name in AFTER_SENDING else ids["drafting"],
        "<int:position>": "1",
        "<int:document_id>": ids["document"],
        "<slug:action>": "check",
        "<slug:event_slug>": "submit-for-approval",
        "<int:email_id>": ids["email"],
        "<slug:fmt>": "html",
        "<int:review_id>": ids["review"],
        "<int:appeal_id>": ids["appeal"],
        "<int:inbound_id>": ids["inbound"],
        "<int:filter_id>": ids["filter"],
        "<reference>": ids["published"],
        "<int:answer_id>": ids["answer"],
    }
    for placeholder, value in replacements.items():
        path = path.replace(placeholder, value)
    assert "<" not in path, f"no sample value for {path}"
    return path


def _outcome(client: Client, token: str | None, path: str) -> str:
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    response = client.get(path, **headers)  # type: ignore[arg-type]
    method = "GET"
    if response.status_code == 405:
        method = "POST"
        response = client.post(path, {}, **headers)  # type: ignore[arg-type]
    status = response.status_code
    if status == 302 and response["Location"].startswith(SIGN_IN):
        return f"{method} sign in"
    return f"{method} {status}"


@pytest.fixture
def sample() -> dict[str, str]:
    officer, decider = staff(Role.CASE_OFFICER), staff(Role.DECISION_MAKER)
    drafting = decided_case(officer=officer, received_on=dt.date(2024, 2, 1))
    document = document_attach(
        request=drafting, title="Notes", filename="notes.csv", content=b"a,b\n1,2\n", actor=officer
    )
    sent = sent_case(decided_case(officer=officer), officer=officer, decider=decider)
    review = reviews.review_open(
        request=sent, requested_on=timezone.localdate(), grounds="Unhappy.", actor=officer
    )
    appeal = reviews.appeal_record(
        request=sent,
        stage="ico_complaint",
        received_on=timezone.localdate(),
        external_reference="IC-1",
        review=None,
        actor=decider,
    )
    inbound = InboundEmail(
        source=InboundEmail.Source.UPLOAD,
        sha256="0" * 64,
        size=10,
        received_at=timezone.now(),
        status=InboundEmail.ParseStatus.FAILED,
        error="Not a message.",
    )
    inbound.raw.save("message.eml", ContentFile(b"not a mail"), save=False)
    inbound.save()
    saved = SavedFilter.objects.create(user=officer, name="Mine", query="show=mine")
    published = PublicationFactory()
    answer = answer_begin(
        part=drafting.parts.get(position=1), query=build_query("category"), actor=officer, background=False
    )
    return {
        "drafting": drafting.reference,
        "sent": sent.reference,
        "document": str(document.pk),
        "email": str(sent.sent_emails.first().pk),  # type: ignore[union-attr]
        "review": str(review.pk),
        "appeal": str(appeal.pk),
        "inbound": str(inbound.pk),
        "filter": str(saved.pk),
        "published": published.reference,
        "answer": str(answer.pk),
    }


def _observed(sample: dict[str, str]) -> dict[str, dict[str, str]]:
    clients: dict[str, tuple[Client, str | None]] = {"nobody": (Client(), None)}
    for role in ROLES[1:]:
        user: User = staff(Role(role))
        client = Client()
        client.force_login(user)
        _, token = ApiToken.issue(user=user, name=f"{role} token")
        clients[str(role)] = (client, token)
    table: dict[str, dict[str, str]] = {}
    # Signing out ends the session: asked last.
    for route, name in sorted(_routes(), key=lambda rn: (rn[1] == "sign-out", rn[0])):
        path = _concrete(route, name, sample)
        table[route] = {str(role): _outcome(*clients[str(role)], path) for role in ROLES}
    return table


def _markdown(table: dict[str, dict[str, str]]) -> str:
    header = "| address | " + " | ".join(str(r) for r in ROLES) + " |"
    lines = [
        "# Who may reach what",
        "",
        "Every address under /staff/, /api/ and /admin/ asked over HTTP by each role, and by nobody "
        "(signed out, no API token). Checked by `tests/web/cases/test_permissions.py`; a change here is a "
        "change of who may do what, so read its diff. The API's intake is asked with each role's API token.",
        "",
        "`sign in`: sent to the sign-in page. 403: refused for the role (the page says why). 404: not "
        "visible to the role. 409: not in the case's present state (the role may, the case may not). "
        "POST: the address takes no GET. Cases are one being drafted and one already sent.",
        "",
        header,
        "|" + "---|" * (len(ROLES) + 1),
    ]
    for route, row in table.items():
        lines.append(f"| `/{route}` | " + " | ".join(row[str(r)] for r in ROLES) + " |")
    return "\n".join(lines) + "\n"


def test_every_address_answers_every_role_as_the_written_table_says(sample: dict[str, str]) -> None:
    written = _markdown(_observed(sample))
    if os.environ.get("FOIDESK_WRITE_PERMISSIONS"):
        TABLE.write_text(written, encoding="utf-8")
    assert TABLE.read_text(encoding="utf-8") == written


def test_nobody_signed_out_reaches_a_staff_page(sample: dict[str, str]) -> None:
    client = Client()
    for route, name in _routes():
        if not route.startswith("staff/") or name in {"sign-in", "sign-in-code", "sign-out"}:
            continue
        outcome = _outcome(client, None, _concrete(route, name, sample))
        assert outcome.endswith("sign in"), (route, outcome)
