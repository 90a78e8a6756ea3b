"""Reading an email that may be a request (core/email_intake.py), from real .eml files in tests/data/email."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foidesk.core.email_intake import (
    AttachmentTooLarge,
    EmailLimits,
    EmailTooLarge,
    IncomingEmail,
    MalformedEmail,
    TooManyAttachments,
    html_to_text,
    name_from_sign_off,
    parse_email,
    safe_filename,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "email"
LIMITS = EmailLimits(max_message_bytes=25 * 1024 * 1024, max_attachment_bytes=20_000, max_attachments=20)


def _read(name: str, limits: EmailLimits = LIMITS) -> IncomingEmail:
    return parse_email((DATA / name).read_bytes(), limits)


def test_plain_message_gives_sender_reply_address_date_and_text() -> None:
    message = _read("plain.eml")
    assert message.from_name == "Jane Doe"
    assert message.requester_name == "Jane Doe"
    assert message.from_address == message.reply_address == "jane.doe@example.org"
    assert message.to == ("foi@police.example.uk",)
    assert message.subject == "Freedom of Information request - Taser discharges"
    assert message.message_id == "<20250303091358.plain.1@example.org>"
    assert message.date == dt.datetime(2025, 3, 3, 9, 13, 58, tzinfo=dt.UTC)
    assert message.body.startswith("Dear FOI Team,\n\nUnder the Freedom of Information Act 2000")
    assert "2. How many of those discharges were at children under 18?" in message.body
    assert message.attachments == ()
    assert not message.via_whatdotheyknow


def test_headers_keep_every_value_of_a_repeated_header() -> None:
    message = _read("plain.eml")
    assert message.headers["Received"][0].startswith("from mail.example.org")
    assert message.headers["From"] == ["Jane Doe <jane.doe@example.org>"]


def test_multipart_alternative_prefers_the_plain_text_and_attaches_nothing() -> None:
    message = _read("alternative.eml")
    assert message.body.startswith("Hello,\n\nPlease send me the number of stop and searches")
    assert "<b>" not in message.body
    assert message.attachments == ()
    assert message.from_name == "Sam O'Neill"


def test_html_only_message_is_read_as_text_without_scripts_styles_or_markup() -> None:
    message = _read("html_only.eml")
    assert "Please provide the following information for 2022 & 2023:" in message.body
    assert "• The number of officers dismissed for gross misconduct" in message.body
    assert "Thank you — I look forward to your reply." in message.body
    for unwanted in ("alert", "color: red", "Secret title", "<", "pixel.gif"):
        assert unwanted not in message.body


def test_quoted_printable_body_and_encoded_words_are_decoded() -> None:
    message = _read("quoted_printable.eml")
    assert message.from_name == "Siân Hughes"
    assert message.subject == "Cais Rhyddid Gwybodaeth – spending on overtime"
    assert "in the financial year 2023–24, in £, broken down by rank." in message.body


def test_base64_body_is_decoded_with_its_timezone() -> None:
    message = _read("base64.eml")
    assert "answered within 10 seconds" in message.body
    assert message.body.endswith("Tomasz Kowalczyk — Łódź")
    assert message.date is not None and message.date.utcoffset() == dt.timedelta(hours=1)


def test_iso_8859_1_body_and_raw_latin_1_header_are_read() -> None:
    message = _read("iso_8859_1.eml")
    assert "cafés and restaurants" in message.body and "in £." in message.body
    assert message.from_name == "Renée Dupont"
    assert message.subject == "Demande d'information été"


def test_windows_1252_curly_quotes_and_euro_are_read() -> None:
    message = _read("windows_1252.eml")
    assert "the force’s “body-worn video” policy" in message.body
    assert "(€ or £)" in message.body
    assert "\r" not in message.body


def test_iso_8859_1_label_on_windows_1252_bytes_reads_as_windows_1252() -> None:
    raw = (DATA / "windows_1252.eml").read_bytes().replace(b"charset=windows-1252", b"charset=iso-8859-1")
    assert "“body-worn video”" in parse_email(raw, LIMITS).body


def test_unknown_charset_is_decoded_with_replacement_not_refused() -> None:
    raw = (DATA / "plain.eml").read_bytes().replace(b'charset="utf-8"', b'charset="x-no-such-charset"')
    raw = raw.replace(b"Jane Doe\n", b"Jane Doe \xff\xfe\n")
    message = parse_email(raw, LIMITS)
    assert "How many times officers discharged a Taser" in message.body
    assert "\ufffd" in message.body


def test_attachments_are_kept_with_name_type_and_bytes() -> None:
    message = _read("attachment.eml")
    assert [(a.filename, a.content_type) for a in message.attachments] == [
        ("request-letter.pdf", "application/pdf"),
        ("figures.csv", "text/csv"),
    ]
    assert message.attachments[0].content.startswith(b"%PDF-1.4")
    assert message.attachments[1].content == b"year,count\n2023,12\n2024,15\n"
    assert message.attachments[1].sha256 == hashlib.sha256(b"year,count\n2023,12\n2024,15\n").hexdigest()
    assert "My request is in the attached letter" in message.body


def test_whatdotheyknow_request_replies_to_the_request_address() -> None:
    message = _read("whatdotheyknow.eml")
    assert message.via_whatdotheyknow
    assert message.requester_name == "Alex Rivera"
    assert message.reply_address == "request-912345-4f2a9c1e@whatdotheyknow.com"
    assert "arrests for domestic abuse offences" in message.body


def test_whatdotheyknow_reply_address_is_found_in_the_footer_when_not_in_the_headers() -> None:
    raw = (DATA / "whatdotheyknow.eml").read_bytes()
    raw = raw.replace(
        b"From: Alex Rivera <request-912345-4f2a9c1e@whatdotheyknow.com>",
        b"From: Alex Rivera <do-not-reply-to-this-address@whatdotheyknow.com>",
    )
    message = parse_email(raw, LIMITS)
    assert message.reply_address == "request-912345-4f2a9c1e@whatdotheyknow.com"


def test_no_display_name_and_a_sign_off_that_is_no_name_leaves_the_name_empty() -> None:
    message = _read("no_from_name.eml")
    assert message.from_name == ""
    assert message.requester_name == ""
    assert message.reply_address == "watcher2025@example.com"


def test_no_display_name_takes_the_name_under_the_sign_off_when_clearly_a_name() -> None:
    message = _read("signed_no_from_name.eml")
    assert message.from_name == ""
    assert message.requester_name == "Kelechi Okafor"


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Please send it.\n\nYours faithfully\n\nJohn Smith", "John Smith"),
        ("Please send it.\n\nKind regards,\nDr. Amara O'Connor-Bell", "Dr. Amara O'Connor-Bell"),
        ("Please send it.\n\nThanks\nJohn", ""),
        ("Please send it.\n\nRegards\nSent from my iPhone", ""),
        ("Please send it.\n\nRegards\nthe residents of Mill Lane", ""),
        ("Please send it.\n\nYours faithfully\nCall me on 07700 900123", ""),
        ("Please send it.\nJohn Smith", ""),
    ],
)
def test_a_sign_off_gives_a_name_only_if_it_is_clearly_one(body: str, name: str) -> None:
    assert name_from_sign_off(body) == name


def test_empty_body_with_no_attachment_is_malformed() -> None:
    with pytest.raises(MalformedEmail, match="no text and no attachment"):
        _read("no_body.eml")


def test_zero_byte_file_is_malformed() -> None:
    with pytest.raises(MalformedEmail, match="empty"):
        _read("empty.eml")


def test_random_bytes_are_not_a_message() -> None:
    with pytest.raises(MalformedEmail, match="not an email message"):
        _read("garbage.eml")


def test_a_message_cut_off_in_its_headers_is_malformed() -> None:
    with pytest.raises(MalformedEmail):
        _read("truncated.eml")


def test_an_attachment_over_the_limit_is_refused_by_name() -> None:
    with pytest.raises(
        AttachmentTooLarge, match=r"'scan-of-request\.tiff' is 29 KB; the most accepted is 20 KB"
    ):
        _read("huge_attachment.eml")


def test_the_same_attachment_within_the_limit_is_kept() -> None:
    message = _read("huge_attachment.eml", EmailLimits(25 * 1024 * 1024, 40_000, 20))
    assert message.attachments[0].size == 30_000


def test_a_message_over_the_limit_is_refused_before_it_is_read() -> None:
    with pytest.raises(EmailTooLarge, match="the most accepted is 1 KB"):
        _read("huge_attachment.eml", EmailLimits(1024, 40_000, 20))


def test_too_many_attachments_are_refused() -> None:
    with pytest.raises(TooManyAttachments, match="more than 1 attachments"):
        _read("attachment.eml", EmailLimits(25 * 1024 * 1024, 20_000, 1))


def test_header_values_cannot_carry_a_line_break_into_a_reply() -> None:
    message = _read("header_injection.eml")
    fields = [message.subject, message.from_name, message.from_address, message.reply_to, message.message_id]
    fields += [value for values in message.headers.values() for value in values]
    assert all("\r" not in value and "\n" not in value and "\x00" not in value for value in fields)
    assert message.subject == "Hello Bcc: victim@example.org injected body"
    assert message.from_address == "eve@example.com"
    assert message.reply_address == "eve@example.com"
    assert message.headers["X-Note"] == ["one two three"]


def test_attachment_names_are_made_safe_and_keep_their_letters() -> None:
    message = _read("non_ascii_filenames.eml")
    assert message.from_name == "Małgorzata Nowak"
    assert [a.filename for a in message.attachments] == [
        "résumé cais ŵyr.pdf",
        "запрос.txt",
        "passwd",
        "_CON.txt",
        "attachment-5.png",
    ]


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("..\\..\\windows\\system32\\evil.exe", "evil.exe"),
        ("report\x00.pdf\r\n", "report.pdf"),
        ('a<b>c:"d|e?f*.txt', "a_b_c__d_e_f_.txt"),
        ("...", "attachment-3.pdf"),
        ("nul", "_nul"),
        ("x" * 300 + ".xlsx", "x" * 175 + ".xlsx"),
    ],
)
def test_safe_filename(name: str, safe: str) -> None:
    assert safe_filename(name, "application/pdf", 3) == safe


def test_html_to_text_keeps_words_and_drops_markup() -> None:
    html = "<p>One &lt;two&gt;</p><script>bad()</script><div>Three<br>Four</div>"
    assert html_to_text(html) == "One <two>\n\nThree\nFour"


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_with_malformed_email(raw: bytes) -> None:
    try:
        parse_email(raw, LIMITS)
    except MalformedEmail as error:
        assert str(error) and "\n" not in str(error)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_any_headers_and_text_are_read_or_refused_with_malformed_email(header: str, body: str) -> None:
    raw = f"From: {header}\nSubject: {header}\nContent-Type: {header}\n\n{body}".encode(
        "utf-8", "surrogatepass"
    )
    try:
        message = parse_email(raw, LIMITS)
    except MalformedEmail:
        return
    assert "\n" not in message.subject and "\r" not in message.from_name
