"""Intake by email over real HTTP: uploading an .eml, the inbox, one message and its files."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import timezone

from foidesk.web.accounts.roles import Role
from foidesk.web.audit.models import AuditEvent
from foidesk.web.cases.intake import inbound_email_receive, received_on
from foidesk.web.cases.models import Channel, InboundEmail, Request
from foidesk.web.cases.permissions import NotPermitted
from foidesk.web.cases.services import S8_NO_NAME
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "data" / "email"


def _eml(name: str) -> bytes:
    return (DATA / name).read_bytes()


def _upload(client: Client, name: str, content: bytes | None = None) -> object:
    raw = _eml(name) if content is None else content
    return client.post("/staff/inbox/upload/", {"file": SimpleUploadedFile(name, raw, "message/rfc822")})


@pytest.fixture
def officer_client(client: Client) -> Client:
    client.force_login(UserFactory(username="olu", role=Role.CASE_OFFICER))
    return client


def test_officer_uploads_an_email_and_a_case_opens_with_channel_email(officer_client: Client) -> None:
    response = officer_client.post(
        "/staff/inbox/upload/",
        {"file": SimpleUploadedFile("plain.eml", _eml("plain.eml"), "message/rfc822")},
        follow=True,
    )
    case = Request.objects.get()
    assert response.redirect_chain[-1][0] == case.get_absolute_url()
    assert f"Case {case.reference} opened from the email" in response.content.decode()
    assert case.channel == Channel.EMAIL
    assert case.requester_name == "Jane Doe"
    assert case.requester_email == "jane.doe@example.org"
    assert case.received_on == dt.date(2025, 3, 3)
    assert case.validity_flags == []
    assert case.parts.count() == 2
    inbound = InboundEmail.objects.get()
    assert inbound.status == InboundEmail.ParseStatus.OPENED and inbound.request == case
    assert inbound.source == InboundEmail.Source.UPLOAD
    assert inbound.uploaded_by is not None and inbound.uploaded_by.username == "olu"
    assert inbound.sha256 == hashlib.sha256(_eml("plain.eml")).hexdigest()
    with inbound.raw.open("rb") as handle:
        assert handle.read() == _eml("plain.eml")
    event = AuditEvent.objects.get(action="email.received")
    assert event.details["request"] == case.reference and event.details["status"] == "opened"


def test_whatdotheyknow_request_is_answered_at_its_request_address(officer_client: Client) -> None:
    _upload(officer_client, "whatdotheyknow.eml")
    case = Request.objects.get()
    assert case.requester_email == "request-912345-4f2a9c1e@whatdotheyknow.com"
    assert case.via_whatdotheyknow
    assert case.requester_name == "Alex Rivera"


def test_a_message_with_no_name_opens_a_case_flagged_s8_no_name(officer_client: Client) -> None:
    _upload(officer_client, "no_from_name.eml")
    case = Request.objects.get()
    assert case.requester_name == ""
    assert case.requester_email == "watcher2025@example.com"
    assert S8_NO_NAME in case.validity_flags


def test_a_publisher_may_not_upload_and_is_told_why(client: Client) -> None:
    client.force_login(UserFactory(role=Role.PUBLISHER))
    response = _upload(client, "plain.eml")
    assert response.status_code == 403  # type: ignore[attr-defined]
    assert "Only a case officer, decision maker or administrator" in response.content.decode()  # type: ignore[attr-defined]
    assert client.get("/staff/inbox/").status_code == 403
    assert not InboundEmail.objects.exists()


def test_the_inbox_needs_sign_in(client: Client) -> None:
    response = client.get("/staff/inbox/")
    assert response.status_code == 302 and "/staff/sign-in/" in response["Location"]


def test_a_malformed_email_is_kept_as_failed_and_the_page_says_so(officer_client: Client) -> None:
    response = _upload(officer_client, "garbage.eml")
    body = response.content.decode()  # type: ignore[attr-defined]
    assert "There is a problem" in body
    assert "This is not an email message" in body
    assert "The message has been kept" in body
    inbound = InboundEmail.objects.get()
    assert inbound.status == InboundEmail.ParseStatus.FAILED
    assert "not an email message" in inbound.error
    assert f'href="/staff/inbox/{inbound.pk}/"' in body
    with inbound.raw.open("rb") as handle:
        assert handle.read() == _eml("garbage.eml")
    assert not Request.objects.exists()
    page = officer_client.get(f"/staff/inbox/{inbound.pk}/").content.decode()
    assert "No case was opened from this message" in page


@override_settings(FOIDESK_MAX_ATTACHMENT_BYTES=20_000)
def test_an_email_with_an_oversized_attachment_is_kept_and_names_it(officer_client: Client) -> None:
    body = _upload(officer_client, "huge_attachment.eml").content.decode()  # type: ignore[attr-defined]
    assert "The attachment &#x27;scan-of-request.tiff&#x27; is 29 KB" in body
    assert InboundEmail.objects.get().status == InboundEmail.ParseStatus.FAILED
    assert not Request.objects.exists()


@override_settings(FOIDESK_MAX_EMAIL_BYTES=1024)
def test_a_file_over_the_email_limit_is_refused_with_an_error_summary(officer_client: Client) -> None:
    body = _upload(officer_client, "huge_attachment.eml").content.decode()  # type: ignore[attr-defined]
    assert "There is a problem" in body
    assert "The file is larger than 1.0\xa0KB" in body
    assert not InboundEmail.objects.exists()


def test_no_file_is_an_error_summary(officer_client: Client) -> None:
    body = officer_client.post("/staff/inbox/upload/", {}).content.decode()
    assert "There is a problem" in body and "Choose an .eml file to upload." in body


def test_a_zero_byte_file_is_an_error(officer_client: Client) -> None:
    body = _upload(officer_client, "empty.eml").content.decode()  # type: ignore[attr-defined]
    assert "The file is empty" in body
    assert not InboundEmail.objects.exists()


def test_the_same_email_twice_opens_one_case_and_says_so(officer_client: Client) -> None:
    _upload(officer_client, "plain.eml")
    response = officer_client.post(
        "/staff/inbox/upload/",
        {"file": SimpleUploadedFile("again.eml", _eml("plain.eml"), "message/rfc822")},
        follow=True,
    )
    case = Request.objects.get()
    duplicate = InboundEmail.objects.filter(status=InboundEmail.ParseStatus.IGNORED).get()
    assert duplicate.request == case
    assert response.redirect_chain[-1][0] == f"/staff/inbox/{duplicate.pk}/"
    assert "no second case was opened" in response.content.decode()
    assert case.reference in response.content.decode()


def test_a_resent_email_with_the_same_message_id_is_a_duplicate(officer_client: Client) -> None:
    _upload(officer_client, "plain.eml")
    resent = _eml("plain.eml").replace(b"Return-Path: <jane.doe@example.org>\n", b"")
    _upload(officer_client, "resent.eml", resent)
    assert Request.objects.count() == 1
    duplicate = InboundEmail.objects.get(status=InboundEmail.ParseStatus.IGNORED)
    assert "same Message-ID" in duplicate.error


def test_a_message_with_only_an_attachment_is_kept_with_it_and_no_case(officer_client: Client) -> None:
    raw = _eml("attachment.eml").replace(
        b"Dear FOI Unit,\n\nMy request is in the attached letter. For reference, the figures I already "
        b"have are in the CSV.\n\nYours sincerely\nMark Ellis\n",
        b"",
    )
    body = _upload(officer_client, "letter-only.eml", raw).content.decode()  # type: ignore[attr-defined]
    assert "No case was opened: The request has no text." in body
    inbound = InboundEmail.objects.get()
    assert [a["filename"] for a in inbound.attachments] == ["request-letter.pdf", "figures.csv"]


def test_inbox_lists_messages_newest_first_with_status_and_case(officer_client: Client) -> None:
    _upload(officer_client, "plain.eml")
    _upload(officer_client, "garbage.eml")
    body = officer_client.get("/staff/inbox/").content.decode()
    case = Request.objects.get()
    assert case.reference in body
    assert body.index("Could not be read") < body.index("Opened as a case")
    assert "Freedom of Information request - Taser discharges" in body


def test_message_page_offers_its_attachments_and_the_raw_email(officer_client: Client) -> None:
    _upload(officer_client, "attachment.eml")
    inbound = InboundEmail.objects.get()
    page = officer_client.get(f"/staff/inbox/{inbound.pk}/").content.decode()
    assert "request-letter.pdf" in page and "figures.csv" in page
    assert "My request is in the attached letter" in page
    download = officer_client.get(f"/staff/inbox/{inbound.pk}/attachments/2")
    assert download["Content-Disposition"].startswith("attachment;")
    assert 'filename="figures.csv"' in download["Content-Disposition"]
    assert download["Content-Type"] == "application/octet-stream"
    assert b"".join(download.streaming_content) == b"year,count\n2023,12\n2024,15\n"  # type: ignore[attr-defined]
    raw = officer_client.get(f"/staff/inbox/{inbound.pk}/raw")
    assert b"".join(raw.streaming_content) == _eml("attachment.eml")  # type: ignore[attr-defined]
    assert officer_client.get(f"/staff/inbox/{inbound.pk}/attachments/3").status_code == 404
    assert officer_client.get(f"/staff/inbox/{inbound.pk + 1}/").status_code == 404


def test_message_page_escapes_what_the_sender_wrote(officer_client: Client) -> None:
    _upload(officer_client, "html_only.eml")
    page = officer_client.get(f"/staff/inbox/{InboundEmail.objects.get().pk}/").content.decode()
    assert "<script>alert" not in page
    assert "Please provide the following information for 2022 &amp; 2023:" in page


def test_the_mailbox_task_may_receive_without_a_user() -> None:
    inbound = inbound_email_receive(raw=_eml("base64.eml"), source=InboundEmail.Source.IMAP, actor=None)
    assert inbound.status == InboundEmail.ParseStatus.OPENED
    assert inbound.uploaded_by is None
    assert AuditEvent.objects.get(action="email.received").actor_label == "system"


def test_the_service_refuses_a_publisher() -> None:
    with pytest.raises(NotPermitted):
        inbound_email_receive(
            raw=_eml("plain.eml"), source=InboundEmail.Source.UPLOAD, actor=UserFactory(role=Role.PUBLISHER)
        )
    assert not InboundEmail.objects.exists()


NOW = dt.datetime(2025, 6, 30, 23, 30, tzinfo=dt.UTC)  # 1 July 2025, 00:30 in London (BST)


@pytest.mark.parametrize(
    ("sent", "day"),
    [
        (dt.datetime(2025, 6, 30, 23, 10, tzinfo=dt.UTC), dt.date(2025, 7, 1)),  # after midnight in London
        (dt.datetime(2025, 6, 2, 9, 0, tzinfo=dt.UTC), dt.date(2025, 6, 2)),
        (dt.datetime(2025, 7, 2, 9, 0, tzinfo=dt.UTC), dt.date(2025, 7, 1)),  # in the future: not believed
        (dt.datetime(1999, 12, 31, 9, 0, tzinfo=dt.UTC), dt.date(2025, 7, 1)),  # before FOIA was in force
        (None, dt.date(2025, 7, 1)),
    ],
)
def test_received_on_is_the_date_header_in_london_if_believable(
    sent: dt.datetime | None, day: dt.date
) -> None:
    assert received_on(sent, NOW) == day


def test_a_message_dated_in_the_future_is_received_today(officer_client: Client) -> None:
    raw = _eml("plain.eml").replace(
        b"Date: Mon, 3 Mar 2025 09:13:58 +0000", b"Date: Mon, 3 Mar 2098 09:13:58 +0000"
    )
    _upload(officer_client, "future.eml", raw)
    assert Request.objects.get().received_on == timezone.localdate()
