"""`foidesk restore` refuses what it cannot account for, before it changes anything."""

from __future__ import annotations

import json
import shutil
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from foidesk.cli import main
from foidesk.web.audit.models import AuditEvent
from foidesk.web.backup import staging_prefix
from foidesk.web.cases.models import Request
from tests.commands.backup_data import a_case_with_a_file, every_file, every_row, rewrite_archive

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_files_from_earlier_tests() -> None:
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    a_case_with_a_file()
    path = tmp_path / "backup.tar"
    assert main(["backup", "-o", str(path), "--json"]) == 0
    capsys.readouterr()
    return path


def _refused(archive: Path, capsys: pytest.CaptureFixture[str], *, force: bool = True) -> str:
    """Restore must fail with a message, leaving every row and file as it was."""
    rows, files = every_row(), every_file()
    assert main(["restore", str(archive), *(["--force"] if force else [])]) == 2
    assert every_row() == rows
    assert every_file() == files
    media = Path(settings.MEDIA_ROOT)
    assert not [p for p in media.parent.iterdir() if p.name.startswith(staging_prefix(media))]
    return capsys.readouterr().err


def _flip_a_byte(member: tarfile.TarInfo, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    if member.name.startswith("files/"):
        data = bytes([data[0] ^ 1]) + data[1:]
    return member, data


def test_a_corrupted_file_in_the_archive_is_refused_and_nothing_changes(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.tar"
    rewrite_archive(archive, bad, _flip_a_byte)
    assert "does not match its checksum" in _refused(bad, capsys)


def test_a_corrupted_database_dump_is_refused(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.tar"

    def change(member: tarfile.TarInfo, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
        if member.name.startswith("database/"):
            data = data[:-10] + b"0123456789"
        return member, data

    rewrite_archive(archive, bad, change)
    assert "does not match its checksum" in _refused(bad, capsys)


def test_a_truncated_archive_is_refused(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "truncated.tar"
    data = archive.read_bytes()
    bad.write_bytes(data[: len(data) // 2])
    err = _refused(bad, capsys)
    assert "nothing was changed" in err


def test_a_member_dropped_or_added_is_refused(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dropped = tmp_path / "dropped.tar"
    rewrite_archive(archive, dropped, lambda m, d: None if m.name.startswith("files/") else (m, d))
    assert "members missing" in _refused(dropped, capsys)

    added = tmp_path / "added.tar"

    def add(member: tarfile.TarInfo, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
        if member.name.startswith("files/"):
            member.name = "files/../../outside.txt"
        return member, data

    rewrite_archive(archive, added, add)
    assert "not in its manifest" in _refused(added, capsys)
    assert not (Path(settings.MEDIA_ROOT).parent.parent / "outside.txt").exists()


def test_a_manifest_of_another_format_is_refused(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.tar"

    def change(member: tarfile.TarInfo, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
        if member.name == "manifest.json":
            manifest = json.loads(data)
            manifest["format"] = "something else"
            data = json.dumps(manifest).encode()
        return member, data

    rewrite_archive(archive, bad, change)
    assert "not a FOI Desk backup" in _refused(bad, capsys)


def test_not_an_archive_at_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"this is not a tar file" * 100)
    assert "not a FOI Desk backup" in _refused(junk, capsys)
    assert "is not a file" in _refused(tmp_path / "absent.tar", capsys)


def test_an_archive_from_a_newer_foi_desk_is_refused(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = tmp_path / "newer.tar"

    def change(member: tarfile.TarInfo, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
        if member.name == "manifest.json":
            manifest = json.loads(data)
            manifest["migrations"].append(["cases", "9999_from_the_future"])
            data = json.dumps(manifest).encode()
        return member, data

    rewrite_archive(archive, newer, change)
    assert "cases.9999_from_the_future" in _refused(newer, capsys)


def test_a_database_holding_data_is_refused_without_force(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(archive, capsys, force=False)
    cases, events = Request.objects.count(), AuditEvent.objects.count()
    assert cases == 1 and f"the database is not empty ({cases} cases, {events} audit events" in err
    assert "--force" in err


def test_stored_files_alone_are_refused_without_force(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("flush", interactive=False, verbosity=0)
    assert "files in" in _refused(archive, capsys, force=False)


def test_force_replaces_the_database_and_moves_the_files_that_were_there_aside(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows, files = every_row(), every_file()
    a_case_with_a_file()  # a second case and its file, made after the backup
    assert Request.objects.count() == 2
    assert main(["restore", str(archive), "--force", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is True
    assert every_row() == rows and every_file() == files
    aside = Path(result["moved_aside"])
    assert sorted(p.name for p in aside.rglob("*.txt")) == ["note.txt", "note.txt"]
    shutil.rmtree(aside)


def test_restored_but_not_verified_when_the_chain_in_the_archive_is_broken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A backup of a tampered trail restores (it is the data there is) but says so and exits 1."""
    a_case_with_a_file()
    first = AuditEvent.objects.order_by("id")[0]
    AuditEvent.objects.filter(pk=first.pk).update(object_id="999")
    path = tmp_path / "tampered.tar"
    assert main(["backup", "-o", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["audit_verified"] is False
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT)
    assert main(["restore", str(path), "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is False and result["audit"]["reason"] == "hash"


def test_a_restore_leaves_nothing_of_a_newer_schema_behind(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An older archive into a database migrated by newer code: tables the archive lacks are dropped."""
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE cases_from_a_newer_version (id integer PRIMARY KEY)")
    assert main(["restore", str(archive), "--force", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert "cases_from_a_newer_version" not in connection.introspection.table_names()


@pytest.mark.parametrize(
    "damage",
    [
        lambda m: m.pop("audit_head"),
        lambda m: m["audit_head"].update(events="many"),
        lambda m: next(iter(m["members"].values())).update(sha256="not a hash"),
        lambda m: m.update(migrations=[["cases"]]),
    ],
    ids=["no audit head", "events not a number", "a member without its hash", "a malformed migration"],
)
def test_a_malformed_manifest_is_refused_before_anything_changes(
    damage: Callable[[dict[str, Any]], object],
    archive: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = tmp_path / "malformed.tar"

    def change(member: tarfile.TarInfo, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
        if member.name == "manifest.json":
            manifest = json.loads(data)
            damage(manifest)
            data = json.dumps(manifest).encode()
        return member, data

    rewrite_archive(archive, bad, change)
    assert "malformed" in _refused(bad, capsys)


def test_a_native_copy_of_the_other_engine_is_refused(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.tar"
    engine = "postgresql" if connection.vendor == "sqlite" else "sqlite"

    def change(member: tarfile.TarInfo, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
        if member.name == "manifest.json":
            manifest = json.loads(data)
            manifest["database"]["engine"] = engine
            data = json.dumps(manifest).encode()
        return member, data

    rewrite_archive(archive, other, change)
    assert "--database-format dumpdata" in _refused(other, capsys)
