"""Fuzzing every parser of outside data: each answers or refuses with its own error, never crashes.

Bounded for CI (tests/fuzz/strategies.py); `make fuzz` runs the same properties a hundred times longer.
Each crash found becomes a plain regression test beside the parser's own tests.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from hypothesis import example, given
from hypothesis import strategies as st

from foidesk.core.email_intake import EmailLimits, MalformedEmail, parse_email
from foidesk.core.notice_text import check_notice_text
from foidesk.core.parsing import InvalidRequestText, parse_request
from foidesk.core.regime import Regime
from foidesk.datasets.importer import RegisterImportError, csv_rows, parse_register
from foidesk.datasets.registry import REGISTRY
from tests.fuzz.strategies import ANY_TEXT, NOTICE_TEXT, REQUEST_TEXT, fuzz

RECEIVED = st.dates(min_value=dt.date(2005, 1, 1), max_value=dt.date(2060, 6, 30))
LIMITS = EmailLimits(max_message_bytes=64_000, max_attachment_bytes=16_000, max_attachments=3)
CONTROL = {chr(c) for c in range(32)} - {"\t"} | {"\x7f"}


@fuzz(300)
@given(text=REQUEST_TEXT, received=RECEIVED)
@example(text="1.\n2.\n3.", received=dt.date(2024, 1, 1))
@example(text="\x00" * 50, received=dt.date(2024, 1, 1))
def test_request_text_is_parsed_or_refused(text: str, received: dt.date) -> None:
    try:
        parsed = parse_request(text, received)
    except InvalidRequestText:
        return
    assert parsed.parts
    for part in parsed.parts:
        assert part.text.strip()
        for period in part.date_ranges:
            assert period.start <= period.end


HEADER_NAMES = st.sampled_from(
    [
        "From",
        "To",
        "Subject",
        "Date",
        "Reply-To",
        "Message-ID",
        "Content-Type",
        "Content-Transfer-Encoding",
        "X-A",
    ]
)
HEADER_VALUES = st.one_of(
    ANY_TEXT.map(lambda t: t[:200]),
    st.sampled_from(
        [
            '"Jo Bloggs" <jo@example.org>',
            "=?utf-8?b?Sm8gQmxvZ2dz?= <jo@example.org>",
            "=?x-unknown?q?=FF=FE?=",
            "request-123-abc@whatdotheyknow.com",
            "multipart/mixed; boundary=XYZ",
            "multipart/alternative; boundary=",
            "text/html; charset=x-bogus",
            "base64",
            "quoted-printable",
            "Mon, 32 Dec 1899 25:61:61 +9999",
            "Tue, 2 Jan 2024 10:00:00 +0000",
        ]
    ),
)
BODIES = st.one_of(
    st.binary(max_size=2000),
    st.sampled_from(
        [
            b"--XYZ\r\nContent-Type: text/plain\r\n\r\nPlease send the figures.\r\n--XYZ\r\n"
            b'Content-Disposition: attachment; filename="../../etc/passwd"\r\n\r\nAAAA\r\n--XYZ--',
            b"<html><body><p>Please send<script>x</script> the figures</p></body></html>",
            b"=E2=80=99 broken qp =ZZ",
            b"SGVsbG8gd29ybGQ=\r\n!!!notbase64",
        ]
    ),
)


@st.composite
def emails(draw: st.DrawFn) -> bytes:
    headers = draw(st.lists(st.tuples(HEADER_NAMES, HEADER_VALUES), max_size=10))
    head = "".join(f"{name}: {value}\r\n" for name, value in headers).encode("utf-8", "surrogateescape")
    return head + b"\r\n" + draw(BODIES)


@fuzz(300)
@given(raw=st.one_of(st.binary(max_size=3000), emails()))
def test_an_email_is_read_or_refused_and_its_headers_are_clean(raw: bytes) -> None:
    try:
        message = parse_email(raw, LIMITS)
    except MalformedEmail:
        return
    for value in (message.from_name, message.from_address, message.subject, message.requester_name):
        assert not CONTROL & set(value), repr(value)
    assert len(message.attachments) <= LIMITS.max_attachments
    for attachment in message.attachments:
        assert attachment.size <= LIMITS.max_attachment_bytes
        assert "/" not in attachment.filename and "\\" not in attachment.filename
        assert attachment.filename not in {"", ".", ".."}


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


@st.composite
def register_tables(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(REGISTRY.datasets)))
    dataset = REGISTRY.dataset(name)
    headings = [f.name for f in dataset.fields]
    header = draw(st.lists(st.one_of(st.sampled_from(headings), ANY_TEXT.map(lambda t: t[:20])), max_size=12))
    if draw(st.booleans()):
        header = headings
    cell = st.one_of(
        ANY_TEXT.map(lambda t: t[:30]),
        st.sampled_from(
            ["", "2024-01-01", "31/02/2024", "yes", "no", "unknown", "51.5", "-999", "1e309", "NaN"]
        ),
    )
    rows = draw(st.lists(st.lists(cell, max_size=len(headings) + 2), max_size=8))
    raw = draw(st.booleans())
    return name, draw(ANY_TEXT) if raw else _csv([header, *rows])


@fuzz(200)
@given(table=register_tables())
def test_a_register_csv_is_imported_whole_or_refused_with_row_errors(table: tuple[str, str]) -> None:
    name, text = table
    try:
        parse_register(csv_rows(text), REGISTRY.dataset(name))
    except RegisterImportError as error:
        assert error.errors  # every refusal says which row and why


@fuzz(300)
@given(
    text=NOTICE_TEXT,
    regime=st.one_of(st.none(), st.sampled_from(list(Regime))),
    dated=st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2060, 12, 31))),
)
def test_a_notice_text_is_always_checked(text: str, regime: Regime | None, dated: dt.date | None) -> None:
    check = check_notice_text(text, regime, dated)
    for finding in check.findings:
        assert finding.code and finding.message
