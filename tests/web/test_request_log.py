"""The request log over real HTTP: one line a request with its id, JSON or plain, and no personal data."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.test import Client, override_settings

from foidesk.web.accounts.models import ApiToken
from foidesk.web.accounts.roles import Role
from foidesk.web.cases.models import Request
from foidesk.web.request_log import JsonFormatter, PlainFormatter, logging_config
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db

NAME = "Zebedee Quixotica-Marchbanks"
EMAIL = "zebedee.marchbanks@example.org"


def _console() -> logging.Handler:
    """The handler settings.LOGGING configured on the root logger (its filter included)."""
    return next(h for h in logging.getLogger().handlers if h.name == "console")


@contextmanager
def _captured(formatter: logging.Formatter) -> Iterator[io.StringIO]:
    """Everything the configured console handler writes while the block runs, through ``formatter``.

    The stream is swapped by assignment: ``setStream`` would flush the old one, which pytest may
    already have closed (under xdist)."""
    handler = _console()
    assert isinstance(handler, logging.StreamHandler)
    stream = io.StringIO()
    old_stream, old_formatter = handler.stream, handler.formatter
    handler.stream = stream
    handler.setFormatter(formatter)
    try:
        yield stream
    finally:
        handler.stream = old_stream
        handler.setFormatter(old_formatter)


@pytest.fixture(params=[JsonFormatter, PlainFormatter], ids=["json", "plain"])
def captured(request: pytest.FixtureRequest) -> Iterator[io.StringIO]:
    """Everything the configured console handler writes, in each format."""
    with _captured(request.param()) as stream:
        yield stream


def _token(client: Client) -> str:
    match = re.search(r'name="submission" value="([^"]+)"', client.get("/make-a-request/").content.decode())
    assert match is not None
    return match.group(1)


def test_a_request_and_searches_with_a_name_leave_no_personal_data_in_the_log(
    client: Client, captured: io.StringIO
) -> None:
    PublicationFactory(title=f"About {NAME.split()[0]}")
    text = f"Please send every record about me, {NAME}, held since 2020."
    sent = client.post(
        "/make-a-request/", {"name": NAME, "email": EMAIL, "request": text, "submission": _token(client)}
    )
    assert sent.status_code == 302
    assert Request.objects.get().requester_name == NAME  # it was really kept
    assert client.get("/disclosure-log/", {"q": NAME}).status_code == 200
    assert client.get("/api/v1/disclosures", {"q": EMAIL}).status_code == 200
    # An error answer that names the sender: refused, logged, and still without the data.
    _, token = ApiToken.issue(user=UserFactory(role=Role.CASE_OFFICER), name="gateway")
    refused = client.post(
        "/api/v1/requests",
        json.dumps({"requester_name": NAME, "requester_email": f"{NAME}@", "text": text}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert refused.status_code == 422
    assert client.get(f"/disclosure-log/{NAME}/").status_code == 404  # a name in the path: logged as sent
    log = captured.getvalue()
    lines = log.splitlines()
    assert len([line for line in lines if "foidesk.request" in line]) == 6
    outside_the_path = log.replace(f"/disclosure-log/{NAME}/", "")
    for word in [*NAME.split(), EMAIL, "Zebedee", "marchbanks", "since 2020"]:
        assert word.lower() not in outside_the_path.lower(), f"{word!r} is in the log"
    assert "?q=" not in log and "q=" not in log


def test_every_request_is_one_json_line_with_its_id_echoed(client: Client) -> None:
    with _captured(JsonFormatter()) as stream:
        first = client.get("/disclosure-log/", {"q": "overtime"})
        second = client.get("/api/v1/disclosures/01.FOI.99.000001")
    records = [json.loads(line) for line in stream.getvalue().splitlines()]
    requests = [r for r in records if r["logger"] == "foidesk.request"]
    assert [(r["method"], r["path"], r["status"]) for r in requests] == [
        ("GET", "/disclosure-log/", 200),
        ("GET", "/api/v1/disclosures/01.FOI.99.000001", 404),
    ]
    assert all(r["duration_ms"] >= 0 for r in requests)
    assert [r["request_id"] for r in requests] == [first["X-Request-ID"], second["X-Request-ID"]]
    assert first["X-Request-ID"] != second["X-Request-ID"]
    # Django's own warning for the 404 carries the same id as the request's line.
    not_found = [r for r in records if r["logger"] == "django.request"]
    assert not_found and not_found[0]["request_id"] == second["X-Request-ID"]


def test_x_request_id_is_taken_only_from_a_trusted_proxy_and_only_as_a_plain_token(client: Client) -> None:
    proxy_id = "proxy-4f1c2a9e-0001"
    assert client.get("/", headers={"X-Request-ID": proxy_id})["X-Request-ID"] != proxy_id
    with override_settings(FOIDESK_TRUSTED_PROXY=True):
        assert client.get("/", headers={"X-Request-ID": proxy_id})["X-Request-ID"] == proxy_id
        for forged in ["a b c d e f g h", 'x"}\n{"level":"ERROR"', "short"]:
            assert client.get("/", headers={"X-Request-ID": forged})["X-Request-ID"] != forged


def test_exceptions_are_logged_by_type_and_place_without_their_text() -> None:
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "crash", None, None)
    try:
        raise ValueError(f'Invalid address "{EMAIL}"')
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    for formatter in (JsonFormatter(), PlainFormatter()):
        line = formatter.format(record)
        assert "ValueError" in line and "test_request_log.py" in line
        assert EMAIL not in line


def test_the_log_format_is_a_setting_json_or_plain() -> None:
    assert settings.LOGGING["handlers"]["console"]["formatter"] == settings.FOIDESK_LOG_FORMAT
    assert logging_config("json", "INFO")["handlers"]["console"]["formatter"] == "json"
    with pytest.raises(ValueError, match="json or plain"):
        logging_config("xml", "INFO")
