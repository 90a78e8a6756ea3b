"""factory_boy factories for the web layer's models."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth.models import Group, User

from foidesk.web.accounts.roles import Role
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
