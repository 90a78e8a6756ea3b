"""factory_boy factories for the web layer's models."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth.models import Group, User

from foidesk.web.accounts.roles import Role
from foidesk.web.cases.models import Request
from foidesk.web.publication.models import Publication

PASSWORD = "a-long-test-password"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create: bool, extracted: Role | None, **kwargs: object) -> None:
        if create and extracted is not None:
            self.groups.add(Group.objects.get(name=extracted.value))
        if create:
            self.save()


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    reference = factory.Sequence(lambda n: f"01.FOI.23.{n:06d}")
    slug = factory.LazyAttribute(lambda o: o.reference.lower().replace(".", "-"))
    title = factory.Sequence(lambda n: f"Published response number {n}")
    summary = "A summary of the response."
    request_text = "Please tell me the number of officers in 2023."
    response_text = "We hold the information; see the table."
    published_on = dt.date(2023, 6, 1)
    topics = factory.LazyFunction(lambda: ["staffing"])
    outcomes = factory.LazyFunction(lambda: ["disclosed"])
    exemptions = factory.LazyFunction(list)


# --- cases taken along the workflow by its services, as staff would ---------------------------------


def staff(role: Role, **kwargs: object) -> User:
    """A member of staff holding ``role`` (a real user in the role's group)."""
    return UserFactory(role=role, **kwargs)  # type: ignore[no-any-return]


def case_with_parts(
    *,
    officer: User,
    texts: tuple[str, ...] = ("How many officers work in Camden?",),
    received_on: dt.date = dt.date(2024, 2, 1),
    requester_name: str = "A. Requester",
    requester_email: str = "requester@example.org",
    **kwargs: object,
) -> Request:
    """A case opened by ``officer`` with one part per text (labelled Q1, Q2...)."""
    from foidesk.web.cases import services

    request = services.request_open(
        text="\n".join(texts),
        requester_name=requester_name,
        requester_email=requester_email,
        received_on=received_on,
        actor=officer,
        parse=False,
        **kwargs,  # type: ignore[arg-type]
    )
    services.request_parts_set(
        request=request,
        actor=officer,
        parts=[services.PartSpec(label=f"Q{n}", text=t, question_number=n) for n, t in enumerate(texts, 1)],
    )
    request.refresh_from_db()
    return request


def decided_case(*, officer: User, answer: str = "There are 812 officers.", **kwargs: object) -> Request:
    """A case whose every part is disclosed, in progress with ``officer``."""
    from foidesk.core.outcome import Outcome
    from foidesk.web.cases import services

    request = case_with_parts(officer=officer, **kwargs)  # type: ignore[arg-type]
    services.request_assign(request=request, officer=officer, actor=officer)
    for part in request.parts.all():
        services.decision_record(part=part, outcome=Outcome.DISCLOSED, actor=officer, answer=answer)
    request.refresh_from_db()
    return request


def sent_case(request: Request, *, officer: User, decider: User, on: dt.date | None = None) -> Request:
    """Submit (officer), approve (decider) and send (officer) a decided case."""
    from foidesk.core.workflow import Event
    from foidesk.web.cases.workflow import case_transition

    case_transition(request=request, event=Event.SUBMIT_FOR_APPROVAL, actor=officer, today=on)
    case_transition(request=request, event=Event.APPROVE, actor=decider, today=on)
    case_transition(request=request, event=Event.SEND, actor=officer, today=on)
    request.refresh_from_db()
    return request


def published_case(
    request: Request, *, publisher: User, on: dt.date, title: str = "Officers in Camden"
) -> Publication:
    """Review the proposed public text and publish a sent case."""
    from foidesk.core.workflow import Event
    from foidesk.web.cases import services
    from foidesk.web.cases.workflow import EventInput, PublicationSpec, case_transition

    proposal = services.request_redacted(request)
    services.public_text_review(request=request, text=proposal.text, actor=publisher)
    case_transition(
        request=request,
        event=Event.PUBLISH,
        actor=publisher,
        data=EventInput(
            publication=PublicationSpec(title=title, summary="S", response_text="R", published_on=on)
        ),
        today=on,
    )
    request.refresh_from_db()
    assert request.publication is not None
    return request.publication


def a_decider() -> User:
    """One decision maker for test set-up that needs somebody allowed to decide (created once per test)."""
    found = User.objects.filter(username="set-up-decider").first()
    return found or staff(Role.DECISION_MAKER, username="set-up-decider")
