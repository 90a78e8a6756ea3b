"""The mailbox task and `foidesk poll-mailbox` against a real IMAP conversation over TCP.

The server below stands in for the authority's mail server: a small IMAP4rev1 implementation of
the commands imaplib sends (CAPABILITY, LOGIN, SELECT, SEARCH UNSEEN, FETCH BODY.PEEK[] and
RFC822, STORE +FLAGS, LOGOUT), with the \\Seen flag kept per message as a real server keeps it.
"""

from __future__ import annotations

import json
import re
import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.test import override_settings

from foidesk.cli import main
from foidesk.web.cases.models import Channel, InboundEmail, Request
from foidesk.web.cases.tasks import MailboxError, mailbox_poll, mailbox_poll_now

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[2] / "data" / "email"
USER, PASSWORD = "foi@police.example.uk", 'mailbox pass "word"'


@dataclass
class Mailbox:
    messages: list[bytes]
    seen: set[int] = field(default_factory=set)
    hang_up_on_fetch: int | None = None  # drop the connection when this message is fetched
    commands: list[str] = field(default_factory=list)


class _IMAPHandler(socketserver.StreamRequestHandler):
    server: _IMAPServer

    def send(self, line: str | bytes) -> None:
        self.wfile.write((line.encode() if isinstance(line, str) else line) + b"\r\n")

    def handle(self) -> None:
        box = self.server.mailbox
        self.send("* OK [CAPABILITY IMAP4rev1] test server ready")
        authenticated = False
        while line := self.rfile.readline():
            tag, _, rest = line.decode().rstrip("\r\n").partition(" ")
            command, _, argument = rest.partition(" ")
            command = command.upper()
            box.commands.append(command)
            if command == "CAPABILITY":
                self.send("* CAPABILITY IMAP4rev1")
            elif command == "LOGIN":
                user, password = _login_arguments(argument)
                if (user, password) != (USER, PASSWORD):
                    self.send(f"{tag} NO [AUTHENTICATIONFAILED] Invalid credentials")
                    continue
                authenticated = True
            elif not authenticated and command != "LOGOUT":
                self.send(f"{tag} BAD Sign in first")
                continue
            elif command == "SELECT":
                if argument.strip('"') != "INBOX":
                    self.send(f"{tag} NO Mailbox does not exist")
                    continue
                self.send(f"* {len(box.messages)} EXISTS")
                self.send("* FLAGS (\\Seen)")
                self.send(f"{tag} OK [READ-WRITE] SELECT completed")
                continue
            elif command == "SEARCH":
                assert argument == "UNSEEN"
                unseen = [str(n) for n in range(1, len(box.messages) + 1) if n not in box.seen]
                self.send(" ".join(["* SEARCH", *unseen]))
            elif command == "FETCH":
                number, _, what = argument.partition(" ")
                if int(number) == box.hang_up_on_fetch:
                    return
                raw = box.messages[int(number) - 1]
                if what.upper() == "(RFC822)":  # RFC 3501 s.6.4.5: RFC822 sets \Seen, BODY.PEEK[] does not
                    box.seen.add(int(number))
                self.send(f"* {number} FETCH (BODY[] {{{len(raw)}}}".encode() + b"\r\n" + raw + b")")
            elif command == "STORE":
                number, _, flags = argument.partition(" ")
                assert flags.upper() in {"+FLAGS \\SEEN", "+FLAGS (\\SEEN)"}
                box.seen.add(int(number))
                self.send(f"* {number} FETCH (FLAGS (\\Seen))")
            elif command == "LOGOUT":
                self.send("* BYE signing off")
                self.send(f"{tag} OK LOGOUT completed")
                return
            else:
                self.send(f"{tag} BAD Unknown command")
                continue
            self.send(f"{tag} OK {command} completed")


def _login_arguments(argument: str) -> tuple[str, str]:
    tokens = re.findall(r'"((?:[^"\\]|\\.)*)"|(\S+)', argument)
    user, password = (quoted or plain for quoted, plain in tokens)
    return re.sub(r"\\(.)", r"\1", user), re.sub(r"\\(.)", r"\1", password)


class _IMAPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, mailbox: Mailbox) -> None:
        super().__init__(("127.0.0.1", 0), _IMAPHandler)
        self.mailbox = mailbox


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    box = Mailbox(messages=[])
    server = _IMAPServer(box)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    with override_settings(
        FOIDESK_IMAP_HOST="127.0.0.1",
        FOIDESK_IMAP_PORT=port,
        FOIDESK_IMAP_SSL=False,
        FOIDESK_IMAP_USER=USER,
        FOIDESK_IMAP_PASSWORD=PASSWORD,
        FOIDESK_IMAP_FOLDER="INBOX",
        FOIDESK_IMAP_TIMEOUT_SECONDS=5,
    ):
        yield box
    server.shutdown()
    server.server_close()


def _eml(name: str) -> bytes:
    return (DATA / name).read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def test_unseen_messages_become_cases_and_are_marked_seen(mailbox: Mailbox) -> None:
    mailbox.messages = [_eml("plain.eml"), _eml("whatdotheyknow.eml"), _eml("garbage.eml")]
    report = mailbox_poll.call()
    assert (report["fetched"], report["opened"], report["failed"], report["left_unseen"]) == (3, 2, 1, 0)
    assert mailbox.seen == {1, 2, 3}
    assert "FETCH" in mailbox.commands and mailbox.commands[-1] == "LOGOUT"
    cases = {case.requester_email: case for case in Request.objects.all()}
    assert set(cases) == {"jane.doe@example.org", "request-912345-4f2a9c1e@whatdotheyknow.com"}
    assert all(case.channel == Channel.EMAIL for case in cases.values())
    stored = InboundEmail.objects.filter(source=InboundEmail.Source.IMAP)
    assert stored.count() == 3
    failed = stored.get(status=InboundEmail.ParseStatus.FAILED)
    with failed.raw.open("rb") as handle:
        assert handle.read() == _eml("garbage.eml")


def test_seen_messages_are_not_fetched_again(mailbox: Mailbox) -> None:
    mailbox.messages = [_eml("plain.eml"), _eml("base64.eml")]
    mailbox.seen = {1}
    report = mailbox_poll_now()
    assert report.fetched == 1
    assert Request.objects.get().requester_email == "tomasz.k@example.pl"
    assert mailbox_poll_now().fetched == 0


def test_a_message_that_cannot_be_stored_stays_unseen_and_is_taken_next_time(
    mailbox: Mailbox, tmp_path: Path
) -> None:
    mailbox.messages = [_eml("plain.eml")]
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("a file where the media folder should be")
    with override_settings(MEDIA_ROOT=not_a_folder / "media"):
        report = mailbox_poll_now()
    assert (report.fetched, report.left_unseen) == (1, 1)
    assert "left unseen" in report.errors[0]
    assert mailbox.seen == set()
    assert not InboundEmail.objects.exists()
    report = mailbox_poll_now()
    assert (report.fetched, report.opened, report.left_unseen) == (1, 1, 0)
    assert mailbox.seen == {1}


def test_a_connection_lost_part_way_keeps_what_was_stored(mailbox: Mailbox) -> None:
    mailbox.messages = [_eml("plain.eml"), _eml("base64.eml")]
    mailbox.hang_up_on_fetch = 2
    report = mailbox_poll_now()
    assert report.opened == 1 and report.errors
    assert mailbox.seen == {1}
    mailbox.hang_up_on_fetch = None
    assert mailbox_poll_now().opened == 1
    assert mailbox.seen == {1, 2}


def test_the_same_message_delivered_twice_opens_one_case(mailbox: Mailbox) -> None:
    mailbox.messages = [_eml("plain.eml"), _eml("plain.eml")]
    report = mailbox_poll_now()
    assert (report.opened, report.duplicates) == (1, 1)
    assert Request.objects.count() == 1


def test_wrong_password_is_a_mailbox_error(mailbox: Mailbox) -> None:
    with override_settings(FOIDESK_IMAP_PASSWORD="wrong"), pytest.raises(MailboxError, match="refused"):
        mailbox_poll_now()


def test_an_unreachable_mailbox_is_a_mailbox_error(mailbox: Mailbox) -> None:
    with override_settings(FOIDESK_IMAP_PORT=1), pytest.raises(MailboxError, match="Cannot reach"):
        mailbox_poll_now()


@override_settings(FOIDESK_IMAP_HOST="")
def test_no_mailbox_configured_polls_nothing() -> None:
    assert mailbox_poll_now().configured is False


def test_command_polls_and_prints_one_json_object(
    mailbox: Mailbox, capsys: pytest.CaptureFixture[str]
) -> None:
    mailbox.messages = [_eml("quoted_printable.eml")]
    code = main(["poll-mailbox", "--json"])
    out = capsys.readouterr().out
    assert code == 0 and out.count("\n") == 1
    payload = json.loads(out)
    assert (payload["fetched"], payload["opened"]) == (1, 1)
    assert Request.objects.get().requester_name == "Siân Hughes"


@override_settings(FOIDESK_IMAP_HOST="")
def test_command_without_a_mailbox_fails_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["poll-mailbox", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "FOIDESK_IMAP_HOST" in captured.err


def test_the_task_can_be_queued() -> None:
    result = mailbox_poll.enqueue()
    assert result.task.name == "mailbox_poll"
