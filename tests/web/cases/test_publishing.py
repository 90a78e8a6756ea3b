"""Publishing and withdrawing: a withdrawn entry leaves no public copy of its files, and publishing again
replaces the copies instead of piling them up."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from foidesk.core.workflow import Role
from foidesk.web.cases.documents import document_approve, document_attach
from foidesk.web.cases.publishing import publication_withdraw, response_publish
from foidesk.web.publication.models import PublishedAttachment
from tests.factories import decided_case, published_case, sent_case, staff

pytestmark = pytest.mark.django_db

CaptureCallbacks = Callable[..., AbstractContextManager[Any]]


def _published() -> tuple[Any, Any, Path]:
    officer, decider = staff(Role.CASE_OFFICER), staff(Role.DECISION_MAKER)
    case = decided_case(officer=officer)
    document = document_attach(
        request=case, title="T", filename="t.csv", content=b"a,b\n1,2\n", actor=officer
    )
    document_approve(document=document, actor=decider)
    sent_case(case, officer=officer, decider=decider, on=dt.date(2024, 3, 1))
    publication = published_case(case, publisher=staff(Role.PUBLISHER), on=dt.date(2024, 3, 2))
    copy = Path(settings.MEDIA_ROOT) / publication.attachments.get().file.name
    return case, publication, copy


def test_withdrawing_removes_the_published_copies_once_committed(
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    _, publication, copy = _published()
    assert copy.exists()
    with django_capture_on_commit_callbacks(execute=True):
        publication_withdraw(
            publication=publication, reason="It named a witness.", actor=staff(Role.PUBLISHER)
        )
    assert not copy.exists()
    assert not PublishedAttachment.objects.filter(publication=publication).exists()


def test_publishing_again_replaces_the_copies(
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    request, publication, first = _published()
    with django_capture_on_commit_callbacks(execute=True):
        response_publish(
            request=request,
            title="Again",
            summary="S",
            response_text="R",
            published_on=dt.date(2024, 3, 3),
            actor=staff(Role.PUBLISHER),
        )
    second = Path(settings.MEDIA_ROOT) / publication.attachments.get().file.name
    assert second.exists()
    assert first != second and not first.exists()  # the old copy went once the new one was committed


def test_publishing_stores_the_related_entries_found_then() -> None:
    from tests.factories import PublicationFactory

    earlier = PublicationFactory(
        title="Officers in Camden in 2022", request_text="How many officers work in Camden?", topics=[]
    )
    _, publication, _ = _published()
    publication.refresh_from_db()
    assert publication.related == [earlier.reference]
