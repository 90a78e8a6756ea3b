"""`foidesk audit head` and `foidesk audit verify --head`: the chain checked against an anchor kept elsewhere.

The head row lives in the database beside the events, so whoever deletes the last events (or all of
them) can move the head back too and the chain alone still verifies. An anchor written down outside
the database (the last backup's manifest, or a head the operator printed) cannot be moved.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import override_settings

from foidesk.cli import main
from foidesk.web.audit.actions import AuditAction
from foidesk.web.audit.models import AuditEvent, AuditHead
from foidesk.web.audit.services import GENESIS_HASH, audit_record, event_hash
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db

KEY = "a key the operator keeps out of the database"


def _events(n: int) -> list[AuditEvent]:
    entry = PublicationFactory()
    return [
        audit_record(actor=None, action=AuditAction.CLOCK_EVENT, obj=entry, details={"n": i})
        for i in range(n)
    ]


def _head_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    assert main(["audit", "head", "--json"]) == 0
    path = tmp_path / "head.json"
    path.write_text(capsys.readouterr().out)
    return path


def _cover_up_the_deletion() -> None:
    """What an intruder with database access does after deleting events: move the head row back too."""
    last = AuditEvent.objects.order_by("-id").first()
    AuditHead.objects.filter(pk=1).update(
        hash=last.hash if last else GENESIS_HASH,
        events=AuditEvent.objects.count(),
        last_event_id=last.pk if last else None,
    )


def _verify(anchor: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    code = main(["audit", "verify", "--head", anchor, "--json"])
    result: dict[str, object] = json.loads(capsys.readouterr().out)
    assert code == (0 if result["ok"] else 1)
    return result


def test_head_prints_events_and_hash_to_keep(capsys: pytest.CaptureFixture[str]) -> None:
    events = _events(3)
    assert main(["audit", "head"]) == 0
    assert capsys.readouterr().out == f"3:{events[-1].hash}\n"
    assert main(["audit", "head", "--json"]) == 0
    head = json.loads(capsys.readouterr().out)
    assert head["events"] == 3 and head["hash"] == events[-1].hash and head["signature"] is None


def test_deleting_the_chains_tail_is_found_against_the_anchor(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    events = _events(4)
    anchor = _head_json(capsys, tmp_path)
    AuditEvent.objects.filter(pk__in=[events[-1].pk, events[-2].pk]).delete()
    _cover_up_the_deletion()
    assert main(["audit", "verify"]) == 0  # the chain alone cannot tell
    capsys.readouterr()
    result = _verify(str(anchor), capsys)
    assert result["ok"] is False and result["reason"] == "anchor_missing"
    assert main(["audit", "verify", "--head", f"4:{events[-1].hash}"]) == 1
    assert "is not in the chain" in capsys.readouterr().out


def test_deleting_every_event_is_found_against_the_anchor(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    events = _events(2)
    AuditEvent.objects.all().delete()
    AuditHead.objects.all().delete()
    assert main(["audit", "verify"]) == 0
    capsys.readouterr()
    assert _verify(events[-1].hash, capsys)["reason"] == "anchor_missing"


def test_a_chain_rewritten_from_an_earlier_event_is_found(capsys: pytest.CaptureFixture[str]) -> None:
    """Edit an event and recompute every hash after it: the chain verifies, the anchor is gone."""
    events = _events(3)
    anchor = f"3:{events[-1].hash}"
    previous = GENESIS_HASH
    for event in AuditEvent.objects.order_by("id"):
        details = {"n": 99} if event.pk == events[1].pk else event.details
        digest = event_hash(
            previous_hash=previous,
            actor_label=event.actor_label,
            action=event.action,
            object_type=event.object_type,
            object_id=event.object_id,
            at_iso=event.at.isoformat(),
            details=details,
        )
        AuditEvent.objects.filter(pk=event.pk).update(details=details, previous_hash=previous, hash=digest)
        previous = digest
    _cover_up_the_deletion()
    assert main(["audit", "verify"]) == 0
    capsys.readouterr()
    assert _verify(anchor, capsys)["reason"] == "anchor_missing"


def test_events_after_the_anchor_are_the_chain_growing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _events(2)
    anchor = _head_json(capsys, tmp_path)
    _events(2)
    assert _verify(str(anchor), capsys)["ok"] is True


def test_an_anchor_at_the_wrong_place_is_found(capsys: pytest.CaptureFixture[str]) -> None:
    events = _events(3)
    assert _verify(f"2:{events[-1].hash}", capsys)["reason"] == "anchor_position"


def test_an_anchor_before_the_first_event(capsys: pytest.CaptureFixture[str]) -> None:
    assert _verify(f"0:{GENESIS_HASH}", capsys)["ok"] is True
    _events(1)
    assert _verify(f"0:{GENESIS_HASH}", capsys)["ok"] is True


@override_settings(FOIDESK_AUDIT_HEAD_KEY=KEY)
def test_a_keyed_head_is_signed_and_its_signature_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _events(2)
    anchor = _head_json(capsys, tmp_path)
    head = json.loads(anchor.read_text())
    assert len(head["signature"]) == 64
    assert _verify(str(anchor), capsys)["ok"] is True

    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps({**head, "events": 1}))
    assert main(["audit", "verify", "--head", str(forged)]) == 2
    assert "signature does not hold" in capsys.readouterr().err

    with override_settings(FOIDESK_AUDIT_HEAD_KEY="another key"):
        assert main(["audit", "verify", "--head", str(anchor)]) == 2
    with override_settings(FOIDESK_AUDIT_HEAD_KEY=""):
        assert main(["audit", "verify", "--head", str(anchor)]) == 2
    assert "FOIDESK_AUDIT_HEAD_KEY is not set" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("anchor", "message"),
    [
        ("not-a-hash", "is not a SHA-256 hash"),
        ("x:" + "a" * 64, "is not HASH or EVENTS:HASH"),
        ("A" * 64, "is not a SHA-256 hash"),
    ],
)
def test_an_unreadable_anchor_is_refused(
    anchor: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "verify", "--head", anchor]) == 2
    assert message in capsys.readouterr().err


def test_head_takes_no_anchor(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "head", "--head", "0" * 64]) == 2
    assert "--head goes with verify" in capsys.readouterr().err


@pytest.mark.django_db(transaction=True)
def test_the_last_backup_is_an_anchor(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    events = _events(3)
    archive = tmp_path / "backup.tar"
    assert main(["backup", "-o", str(archive), "--json"]) == 0
    capsys.readouterr()
    assert _verify(str(archive), capsys)["ok"] is True
    AuditEvent.objects.filter(pk=events[-1].pk).delete()
    _cover_up_the_deletion()
    assert _verify(str(archive), capsys)["reason"] == "anchor_missing"


def test_a_head_file_with_a_bad_count_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "head.json"
    bad.write_text(json.dumps({"hash": "a" * 64, "events": "three"}))
    assert main(["audit", "verify", "--head", str(bad)]) == 2
    assert "is not a count" in capsys.readouterr().err
    bad.write_text(json.dumps({"events": 3}))
    assert main(["audit", "verify", "--head", str(bad)]) == 2
    assert "no audit head" in capsys.readouterr().err
