"""Load the demo data (`foidesk demo`); a second run adds nothing that is already there."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from importlib import resources

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from foidesk.core.outcome import Outcome
from foidesk.core.periods import DateRange, calendar_years
from foidesk.core.workflow import Event, State
from foidesk.datasets.query import CountQuery, build_query
from foidesk.web.accounts.roles import Role
from foidesk.web.accounts.two_factor import DEMO_TOTP_SECRET, demo_device_ensure
from foidesk.web.cases import services
from foidesk.web.cases.answers import answer_create, answers_workbook
from foidesk.web.cases.documents import document_approve, document_attach
from foidesk.web.cases.models import Request
from foidesk.web.cases.services import ExemptionSpec
from foidesk.web.cases.workflow import EventInput, PublicationSpec, case_transition
from foidesk.web.publication.models import Publication
from foidesk.web.publication.search import refresh_search_terms

REFERENCE = "01.FOI.22.024648"
EARLIER_REFERENCE = "01.FOI.22.023911"
EARLIER_TITLE = "Serving officers accused of alleged sexual harassment/assault from 2010 to 2021"
SEED = 24648
STOP_SEARCH = "stop_search"
STOP_SEARCH_SIZE = 8000
FINANCIAL_YEAR_START_MONTH = 4  # the force's year runs 1 April to 31 March
LOG_BATCH = 5000


@dataclass(frozen=True, slots=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: Role
    password: str


DEMO_USERS = (
    DemoUser("officer", "Olu", "Adebayo", Role.CASE_OFFICER, "officer-demo-password"),
    DemoUser("officer2", "Priya", "Shah", Role.CASE_OFFICER, "officer2-demo-password"),
    DemoUser("decider", "Dana", "Fletcher", Role.DECISION_MAKER, "decider-demo-password"),
    DemoUser("publisher", "Sam", "Okafor", Role.PUBLISHER, "publisher-demo-password"),
    DemoUser("admin", "Alex", "Morgan", Role.ADMINISTRATOR, "admin-demo-password"),
)


@dataclass
class DemoReport:
    created: list[str] = field(default_factory=list)
    users: tuple[DemoUser, ...] = DEMO_USERS

    def as_dict(self) -> dict[str, object]:
        return {
            "created": self.created,
            "logins": [
                {"username": u.username, "password": u.password, "role": u.role.value} for u in self.users
            ],
            "totp_secret": DEMO_TOTP_SECRET,
        }


# Settings that say this is a production deployment: the demo makes staff users with published
# passwords (one a superuser) and sends acknowledgements, so it never runs there (issue 18 item 5).
PRODUCTION_SIGNS = (
    ("FOIDESK_PRODUCTION", "production mode is on (FOIDESK_PRODUCTION)"),
    ("SECURE_SSL_REDIRECT", "HTTPS is enforced (FOIDESK_SSL_REDIRECT)"),
    ("SECURE_HSTS_SECONDS", "HSTS is on (FOIDESK_HSTS_SECONDS)"),
    ("EMAIL_HOST", "email goes out through a real mail server (EMAIL_HOST)"),
)


def demo_refusals() -> list[str]:
    """Why the demo must not load here: a production setting, or data that the demo did not make.

    The demo marks what it makes (``is_synthetic`` on cases and log entries; its users by name), so
    anything else is someone's real work. Empty: safe to load.
    """
    reasons = [why for name, why in PRODUCTION_SIGNS if getattr(settings, name, None)]
    real_cases = Request.objects.filter(is_synthetic=False).count()
    if real_cases:
        reasons.append(f"the database holds {real_cases} cases the demo did not create")
    real_entries = Publication.objects.filter(is_synthetic=False).count()
    if real_entries:
        reasons.append(f"the disclosure log holds {real_entries} entries the demo did not create")
    other_users = User.objects.exclude(username__in=[u.username for u in DEMO_USERS]).count()
    if other_users:
        reasons.append(f"the database holds {other_users} users the demo did not create")
    return reasons


def _text(name: str) -> str:
    return resources.files("foidesk.web.demo").joinpath(name).read_text(encoding="utf-8")


def load_demo(*, entries: int = 0, register_size: int = 3000, today: dt.date | None = None) -> DemoReport:
    today = today or timezone.localdate()
    report = DemoReport()
    users = _users(report)
    _register(report, register_size)
    _stop_search_register(report, today)
    if not Publication.objects.filter(reference=REFERENCE).exists():
        earlier = _earlier_publications(report)
        _reference_case(report, users, earlier)
    if not Request.objects.filter(is_synthetic=True, publication__isnull=True).exists():
        _other_cases(report, users, today)
        _answered_history(report, users, today)
    if entries:
        _log_entries(report, entries)
    refresh_search_terms()
    return report


def _users(report: DemoReport) -> dict[str, User]:
    users = {}
    for spec in DEMO_USERS:
        user = User.objects.filter(username=spec.username).first()
        if user is None:
            user = User(
                username=spec.username,
                first_name=spec.first_name,
                last_name=spec.last_name,
                email=f"{spec.username}@foidesk.invalid",
                is_staff=spec.role is Role.ADMINISTRATOR,
                is_superuser=spec.role is Role.ADMINISTRATOR,
            )
            user.set_password(spec.password)
            user.save()
            report.created.append(f"user {spec.username}")
        user.groups.add(Group.objects.get(name=spec.role.value))
        demo_device_ensure(user)
        users[spec.username] = user
    return users


def _register(report: DemoReport, size: int) -> None:
    from foidesk.web.records.services import register_generate

    created = register_generate(n=size, seed=SEED)
    if created:
        report.created.append(f"{created} synthetic misconduct allegations")


def _stop_search_register(report: DemoReport, today: dt.date) -> None:
    """Synthetic searches over the three financial years the Campbell case asks about, and the year before."""
    from foidesk.web.records.services import records_generate

    period = campbell_period(today)
    start = period.start.replace(year=period.start.year - 1)
    created = records_generate(
        dataset=STOP_SEARCH, n=STOP_SEARCH_SIZE, seed=SEED, start=start, end=period.end
    )
    if created:
        report.created.append(f"{created} synthetic stop and search records")


def _earlier_publications(report: DemoReport) -> Publication:
    """Hand-written earlier answers around the reference case (synthetic content), among them the one
    the reference case points to under s.21; returns that one."""
    from foidesk.datasets.disclosure_log import demo_entries

    for entry in demo_entries():
        row = entry.as_row()
        _, created = Publication.objects.get_or_create(reference=row.pop("reference"), defaults=row)
        if created:
            report.created.append(f"publication {entry.reference}")
    return Publication.objects.get(reference=EARLIER_REFERENCE)


def REFLECTIVE_PRACTICE_QUERY() -> CountQuery:
    """Request 2 Q1-Q2: allegations received in 2020 and 2021 where reflective practice was an outcome,
    by allegation category and the other outcome applied."""
    return build_query(
        "allegation category",
        "other outcome",
        period=calendar_years(2020, 2021),
        where={"outcome": "reflective practice"},
    )


S40_REASONS = (
    "To disclose the summaries could publicly reveal information about an individual or individuals. The "
    "summaries describe specific conduct; with rank, date and place known to colleagues there is a high "
    "likelihood of identification, and officers would reasonably expect allegations to be held in confidence. "
    "Disclosure would breach the data protection principles, so section 40(2) by virtue of section 40(3A)(a) "
    "applies; it is an absolute exemption."
)
S21_REASONS = (
    "The information is already published and reasonably accessible: our earlier response 'Serving officers "
    "accused of alleged sexual harassment/assault from 2010 to 2021' answers Request 1 together with data "
    "requested by other applicants on the same subject."
)


Q4_ANSWER = (
    "What each reflective practice involved is not recorded centrally: it is held in the local record of "
    "each case, kept by the officer's line manager."
)
# A synthetic estimate, worked from the 60 cases counted in the table for Request 2, Q1.
Q4_ESTIMATE = (
    {
        "activity": "locate",
        "hours": "10",
        "description": "finding the line manager and local record of each of the 60 cases, 10 minutes each",
    },
    {
        "activity": "retrieve",
        "hours": "5",
        "description": "obtaining each record from its borough, 5 minutes each",
    },
    {
        "activity": "extract",
        "hours": "15",
        "description": "reading each record for the sessions, their length and resources, 15 minutes each",
    },
)
Q4_ADVICE = (
    "A request for the reflective practice details of fewer cases, for example those in a particular "
    "allegation category or a particular year, may fall within the limit."
)


def _reference_case(report: DemoReport, users: dict[str, User], earlier: Publication) -> None:
    officer, decider = users["officer"], users["decider"]
    with transaction.atomic():
        case = services.request_open(
            text=_text("reference_request.txt"),
            requester_name="A. Requester (via WhatDoTheyKnow)",
            requester_email="request-024648@whatdotheyknow.invalid",
            received_on=dt.date(2022, 5, 16),
            title="Police misconduct in 2020 and 2021",
            reference=REFERENCE,
            actor=officer,
            is_synthetic=True,
        )
        services.request_assign(request=case, officer=officer, actor=decider)
        case.refresh_from_db()
        # The parts are the parser's own reading of the published request (core/parsing.py).
        parts = list(case.parts.all())
        labels = [part.label for part in parts]
        if labels != [f"Request {r}, Q{q}" for r in (1, 2) for q in (1, 2, 3, 4)]:
            raise AssertionError(f"the reference request parsed into {labels}")
        by_label = {part.label: part for part in parts}
        s21 = [ExemptionSpec(code="s.21", reasons=S21_REASONS)]
        s40 = [ExemptionSpec(code="s.40(2)", reasons=S40_REASONS)]
        decisions: dict[str, tuple[Outcome, list[ExemptionSpec], bool, str]] = {
            "Request 1, Q1": (Outcome.ALREADY_PUBLISHED, s21, True, "Already published: see the link."),
            "Request 1, Q2": (Outcome.ALREADY_PUBLISHED, s21, True, "Already published: see the link."),
            "Request 1, Q3": (
                Outcome.WITHHELD,
                s40,
                False,
                "Withheld: personal information (section 40(2)).",
            ),
            "Request 1, Q4": (Outcome.ALREADY_PUBLISHED, s21, True, "Already published: see the link."),
            "Request 2, Q1": (
                Outcome.DISCLOSED,
                [],
                False,
                "Please find attached spreadsheet titled ‘FOIA Response (24648) – Request 2’.",
            ),
            "Request 2, Q2": (
                Outcome.DISCLOSED,
                [],
                False,
                "Please find attached spreadsheet titled ‘FOIA Response (24648) – Request 2’.",
            ),
            "Request 2, Q3": (
                Outcome.WITHHELD,
                s40,
                False,
                "Withheld: personal information (section 40(2)).",
            ),
            # Not recorded centrally is not "not held" (s.1(1); DOMAIN.md H): the details are in each case's
            # local records, so the part is refused under s.12 with the estimate and s.16 advice.
            "Request 2, Q4": (Outcome.COST_LIMIT, [], False, Q4_ANSWER),
        }
        for label, (outcome, exemptions, points, text) in decisions.items():
            costly = outcome is Outcome.COST_LIMIT
            services.decision_record(
                part=by_label[label],
                outcome=outcome,
                exemptions=exemptions,
                answer=text,
                actor=decider,
                s21_publication_id=earlier.pk if points else None,
                s21_title=earlier.title if points else "",
                cost_items=Q4_ESTIMATE if costly else (),
                advice=Q4_ADVICE if costly else "",
            )
        answer = answer_create(
            part=by_label["Request 2, Q1"], query=REFLECTIVE_PRACTICE_QUERY(), actor=officer
        )
        title = "FOIA Response (24648) – Request 2"
        content = answers_workbook(title=title, reference=REFERENCE, answers=[answer], synthetic=True)
        document = document_attach(
            request=case,
            title=title,
            filename="FOIA Response (24648) - Request 2.xlsx",
            content=content,
            actor=officer,
        )
        document_approve(document=document, actor=decider)
        _respond_and_publish(
            case,
            users,
            sent_on=dt.date(2022, 6, 13),
            title="Police misconduct in 2020 and 2021",
            summary=(
                "Allegations of police officer misconduct in 2020 and 2021 where reflective practice was an "
                "outcome, with other outcomes; sexual misconduct allegations in 2021 (already published); "
                "summaries withheld under section 40(2)."
            ),
            response_text=_text("reference_response.txt"),
        )
    report.created.append(f"reference case {REFERENCE}, published")


def _respond_and_publish(
    case: Request, users: dict[str, User], *, sent_on: dt.date, title: str, summary: str, response_text: str
) -> None:
    """The road every response takes, through the services: submitted by the officer, approved by a
    decision maker who did not draft it, sent (the letter made and emailed), then the request text
    reviewed by the publisher with the requester's details removed, and published."""
    officer, decider, publisher = users["officer"], users["decider"], users["publisher"]
    case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=officer, today=sent_on)
    case_transition(request=case, event=Event.APPROVE, actor=decider, today=sent_on)
    case_transition(request=case, event=Event.SEND, actor=officer, today=sent_on)
    case.refresh_from_db()
    proposal = services.request_redacted(case)
    services.public_text_review(request=case, text=proposal.text, actor=publisher)
    case_transition(
        request=case,
        event=Event.PUBLISH,
        actor=publisher,
        data=EventInput(
            publication=PublicationSpec(
                title=title, summary=summary, response_text=response_text, published_on=sent_on
            )
        ),
        today=sent_on,
    )


CAMPBELL_REQUEST = (
    "Dear Metropolitan Police Service,\n\nPlease tell me how many stop and search encounters took place in the "
    "London Borough of Lambeth in each of the last three financial years, broken down by the ethnicity of the "
    "person searched and by the outcome of the search.\n\nYours faithfully,\nR. Campbell\n07700 900123"
)
CAMPBELL_ANSWER = (
    "Please find attached the spreadsheet ‘Stop and search in Lambeth’: the searches in the London Borough "
    "of Lambeth in the last three financial years, by the ethnicity recorded by the officer and by the "
    "outcome of the search. Figures under five are shown as [c] (synthetic figures for the demonstration)."
)
CAMPBELL_TITLE = "Stop and search in Lambeth"


def campbell_period(received: dt.date) -> DateRange:
    """The last three complete financial years (1 April to 31 March) before ``received``."""
    year = received.year if received.month >= FINANCIAL_YEAR_START_MONTH else received.year - 1
    end = dt.date(year, FINANCIAL_YEAR_START_MONTH, 1) - dt.timedelta(days=1)
    return DateRange(dt.date(year - 3, FINANCIAL_YEAR_START_MONTH, 1), end)


def CAMPBELL_QUERY(received: dt.date) -> CountQuery:
    """Searches in Lambeth in the three financial years, by officer-defined ethnicity and outcome."""
    return build_query(
        "ethnicity",
        "outcome",
        period=campbell_period(received),
        where={"borough": "Lambeth"},
        dataset=STOP_SEARCH,
    )


OTHER_REQUESTS = (
    (
        9,
        State.IN_PROGRESS,
        "officer",
        "I would like the following information:\n1. The number of officers dismissed following a gross "
        "misconduct hearing in 2023.\n2. The number of those dismissals which related to sexual misconduct.\n"
        "3. The number of officers placed on the barred list in 2023.",
    ),
    (
        17,
        State.IN_PROGRESS,
        "officer2",
        "Please provide the total amount spent on overtime for officers and staff in each month of 2024, and the "
        "ten roles with the highest overtime payments.",
    ),
    (
        19,
        State.AWAITING_APPROVAL,
        "officer",
        "How many Taser discharges were recorded in 2024, and in how many of them was the subject under 18?",
    ),
    (
        26,
        State.AWAITING_CLARIFICATION,
        "officer2",
        "Please send me copies of any policy documents on vetting, and the number of applicants who failed "
        "vetting.",
    ),
    (
        34,
        State.ACKNOWLEDGED,
        None,
        "Under the Freedom of Information Act, please provide the number of detainees held in custody for more "
        "than 24 hours without charge in each of the last five years.",
    ),
)
CALENDAR_DAYS_AGO = {3: 4, 9: 13, 17: 25, 19: 27, 26: 37, 34: 48}


def _other_cases(report: DemoReport, users: dict[str, User], today: dt.date) -> None:
    """Open cases in several states, each reached through the services as an officer would."""
    _campbell_case(report, users, today)
    for working_days_ago, state, officer, text in OTHER_REQUESTS:
        received = today - dt.timedelta(days=CALENDAR_DAYS_AGO[working_days_ago])
        case = services.request_open(
            text=text,
            requester_name="Demo requester",
            received_on=received,
            requester_email="requester@example.invalid",
            actor=users["officer"],
            is_synthetic=True,
        )
        if officer:
            services.request_assign(request=case, officer=users[officer], actor=users["decider"])
        if state is State.AWAITING_APPROVAL:
            for part in case.parts.all():
                services.decision_record(
                    part=part,
                    outcome=Outcome.DISCLOSED,
                    answer="Synthetic figure for the demonstration: 12.",
                    actor=users[officer or "officer"],
                )
            case_transition(request=case, event=Event.SUBMIT_FOR_APPROVAL, actor=users[officer or "officer"])
        elif state is State.AWAITING_CLARIFICATION:
            case_transition(
                request=case,
                event=Event.SEEK_CLARIFICATION,
                actor=users[officer or "officer"],
                data=EventInput(
                    message="Which policy documents do you mean (recruitment vetting, or vetting of serving "
                    "officers), and for which years would you like the numbers?",
                    on=received + dt.timedelta(days=2),
                ),
            )
        case.refresh_from_db()
        report.created.append(f"case {case.reference} ({case.state.label})")


def _campbell_case(report: DemoReport, users: dict[str, User], today: dt.date) -> None:
    """A signed request from a named requester, taken through the whole workflow by the services."""
    received = today - dt.timedelta(days=30)
    case = services.request_open(
        text=CAMPBELL_REQUEST,
        requester_name="R. Campbell",
        received_on=received,
        requester_email="r.campbell@example.invalid",
        actor=users["officer"],
        is_synthetic=True,
    )
    services.request_assign(request=case, officer=users["officer"], actor=users["decider"])
    parts = list(case.parts.all())
    for part in parts:
        services.decision_record(
            part=part, outcome=Outcome.DISCLOSED, answer=CAMPBELL_ANSWER, actor=users["officer"]
        )
    # Answered from the stop and search register: counted, protected, audited and, when sent, ledgered.
    answer = answer_create(part=parts[0], query=CAMPBELL_QUERY(received), actor=users["officer"])
    content = answers_workbook(
        title=CAMPBELL_TITLE, reference=case.reference, answers=[answer], synthetic=True
    )
    document = document_attach(
        request=case,
        title=CAMPBELL_TITLE,
        filename="Stop and search in Lambeth.xlsx",
        content=content,
        actor=users["officer"],
    )
    document_approve(document=document, actor=users["decider"])
    _respond_and_publish(
        case,
        users,
        sent_on=today - dt.timedelta(days=7),
        title="Stop and search in Lambeth, by ethnicity and outcome",
        summary="Stop and search encounters in the London Borough of Lambeth over three financial years.",
        response_text=CAMPBELL_ANSWER,
    )
    report.created.append(f"case {case.reference} (answered and published)")


def _answered_history(report: DemoReport, users: dict[str, User], today: dt.date) -> None:
    """A year of answered requests, mostly on time, so the statistics have something to show.

    They come in as history from a previous system (`request_import_answered`), not case by case
    through the workflow: each would otherwise need its own letter.
    """
    rng = random.Random(SEED)
    count = 0
    for days_ago in range(365, 40, -3):
        received = today - dt.timedelta(days=days_ago)
        lateness = rng.choices([-10, -4, -1, 0, 3, 12], weights=[30, 30, 15, 10, 10, 5])[0]
        services.request_import_answered(
            text=f"Synthetic historical request number {count + 1} for the statistics demonstration.",
            received_on=received,
            responded_after_due_days=lateness,
            today=today,
            actor=users["admin"],
        )
        count += 1
    report.created.append(f"{count} answered requests for the statistics")


def _log_entries(report: DemoReport, target: int) -> None:
    """Synthetic entries (2012 to 2021, so their references never meet the live cases') up to ``target``."""
    from foidesk.datasets.disclosure_log import synthetic_entries

    existing = Publication.objects.filter(is_synthetic=True).count()
    missing = target - existing
    if missing <= 0:
        return
    batch: list[Publication] = []
    created = 0
    entries = synthetic_entries(
        missing, seed=SEED + existing, first_day=dt.date(2012, 1, 1), last_day=dt.date(2021, 12, 31)
    )
    for entry in entries:
        batch.append(Publication(**entry.as_row()))
        if len(batch) == LOG_BATCH:
            created += len(Publication.objects.bulk_create(batch, ignore_conflicts=True))
            batch.clear()
    if batch:
        created += len(Publication.objects.bulk_create(batch, ignore_conflicts=True))
    report.created.append(f"{created} synthetic disclosure-log entries")
