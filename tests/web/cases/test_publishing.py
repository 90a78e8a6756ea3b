"""Publishing and withdrawing: a withdrawn entry leaves no public copy of its files, and publishing again
replaces the copies instead of piling them up."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django_tasks_db.models import DBTaskResult

from foidesk.core.workflow import Role
from foidesk.web.audit.models import AuditEvent
from foidesk.web.cases.documents import document_approve, document_attach
from foidesk.web.cases.publishing import publication_files_index, publication_withdraw, response_publish
from foidesk.web.cases.tasks import publication_files_index_task
from foidesk.web.publication.models import PublishedAttachment
from tests.factories import decided_case, published_case, sent_case, staff

pytestmark = pytest.mark.django_db

CaptureCallbacks = Callable[..., AbstractContextManager[Any]]


def _published(content: bytes = b"a,b\n1,2\n") -> tuple[Any, Any, Path]:
    officer, decider = staff(Role.CASE_OFFICER), staff(Role.DECISION_MAKER)
    case = decided_case(officer=officer)
    document = document_attach(request=case, title="T", filename="t.csv", content=content, actor=officer)
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


# ------------------------------------------------------------------ the published files' words, searched

FILE_ONLY_WORD = "zygomorphic"  # in the published file only, not in the entry's own text


def _found(client: Client, word: str) -> list[str]:
    """The references the log's search box lists for ``word``."""
    page = client.get("/disclosure-log/", {"q": word})
    assert page.status_code == 200
    return re.findall(r"Reference (\S+) ·", re.sub(r"<[^>]+>|\s+", " ", page.content.decode()))


def test_a_published_files_words_find_its_entry_in_the_log(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    assert not _found(client, FILE_ONLY_WORD)
    with django_capture_on_commit_callbacks(execute=True):
        _, publication, _ = _published(f"Outcome,Count\n{FILE_ONLY_WORD} flowers,2\n".encode())
    publication.refresh_from_db()
    assert FILE_ONLY_WORD in publication.attachments_text
    assert FILE_ONLY_WORD not in (publication.title + publication.request_text + publication.response_text)
    assert _found(client, FILE_ONLY_WORD) == [publication.reference]
    assert AuditEvent.objects.filter(
        action="publication.files_indexed", object_id=str(publication.pk)
    ).exists()


def test_a_withdrawn_entrys_files_are_not_found(
    client: Client, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _, publication, _ = _published(f"Outcome\n{FILE_ONLY_WORD}\n".encode())
    assert _found(client, FILE_ONLY_WORD) == [publication.reference]
    with django_capture_on_commit_callbacks(execute=True):
        publication_withdraw(publication=publication, reason="A witness named.", actor=staff(Role.PUBLISHER))
    assert not _found(client, FILE_ONLY_WORD)
    publication.refresh_from_db()
    assert publication.attachments_text == ""
    publication_files_index(publication_id=publication.pk)  # a late task changes nothing
    assert not _found(client, FILE_ONLY_WORD)


@override_settings(FOIDESK_RUN_TASKS_INLINE=False)
def test_with_a_worker_the_files_words_are_read_by_a_task_after_publication(
    django_capture_on_commit_callbacks: CaptureCallbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        _, publication, _ = _published(f"Outcome\n{FILE_ONLY_WORD}\n".encode())
    publication.refresh_from_db()
    assert publication.attachments_text == ""  # queued, not read in the request
    queued = DBTaskResult.objects.get(task_path__endswith="publication_files_index_task")
    assert queued.args_kwargs["args"] == [publication.pk]
    publication_files_index_task.call(publication.pk)  # what the worker runs, twice: the same text
    publication_files_index_task.call(publication.pk)
    publication.refresh_from_db()
    assert publication.attachments_text.split() == ["outcome", FILE_ONLY_WORD]
