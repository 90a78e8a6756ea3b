"""The disclosure log in the admin is read-only: a published attachment's file can never be replaced."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from foidesk.web.publication.models import PublishedAttachment
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client: Client) -> Client:
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_publications_cannot_be_added_changed_or_deleted_in_the_admin(superuser_client: Client) -> None:
    publication = PublicationFactory()
    assert superuser_client.get("/admin/publication/publication/add/").status_code == 403
    url = f"/admin/publication/publication/{publication.pk}/change/"
    assert superuser_client.get(url).status_code == 200
    assert superuser_client.post(url, {"title": "Rewritten"}).status_code == 403
    delete = f"/admin/publication/publication/{publication.pk}/delete/"
    assert superuser_client.post(delete, {"post": "yes"}).status_code == 403
    publication.refresh_from_db()
    assert publication.title != "Rewritten"


def test_a_published_attachments_file_cannot_be_replaced(superuser_client: Client) -> None:
    attachment = PublishedAttachment(
        publication=PublicationFactory(),
        title="Table",
        filename="table.csv",
        content_type="text/csv",
        size=4,
        sha256="0" * 64,
    )
    attachment.file.save("table.csv", ContentFile(b"a,b\n"), save=True)
    original = attachment.file.name
    assert superuser_client.get("/admin/publication/publishedattachment/add/").status_code == 403
    url = f"/admin/publication/publishedattachment/{attachment.pk}/change/"
    body = superuser_client.get(url).content.decode()
    assert 'type="file"' not in body
    replacement = SimpleUploadedFile("table.csv", b"x,y\n", content_type="text/csv")
    assert superuser_client.post(url, {"file": replacement, "title": "Table"}).status_code == 403
    attachment.refresh_from_db()
    assert attachment.file.name == original
    assert attachment.file.read() == b"a,b\n"
