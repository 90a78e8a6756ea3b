"""`foidesk backup` and `foidesk restore`, round trip: every row of every table and every file's bytes.

Runs on the database DATABASE_URL gives (SQLite by default: the backup API; PostgreSQL: pg_dump and
pg_restore), against real files under MEDIA_ROOT.
"""

from __future__ import annotations

import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from foidesk.cli import main
from foidesk.web.audit.models import AuditEvent
from foidesk.web.demo.loader import load_demo
from foidesk.web.publication.models import PublishedAttachment
from tests.commands.backup_data import a_case_with_a_file, every_file, every_row

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _no_files_from_earlier_tests() -> None:
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def _empty_everything() -> None:
    """The day the server died: a new, migrated, empty database and no stored files."""
    call_command("flush", interactive=False, verbosity=0)
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.mark.slow
def test_demo_data_and_published_files_come_back_row_for_row_and_byte_for_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    load_demo(register_size=20)
    assert PublishedAttachment.objects.exists()  # a published file is among the stored files
    rows, files = every_row(), every_file()
    assert any(name.startswith("published/") for name in files)
    archive = tmp_path / "foidesk.tar"

    assert main(["backup", "-o", str(archive), "--json"]) == 0
    made = json.loads(capsys.readouterr().out)
    assert made["files"] == len(files)
    assert made["audit_verified"] is True
    assert made["audit_head"]["events"] == AuditEvent.objects.count() > 0
    assert made["referenced_files_missing"] == []
    assert archive.stat().st_mode & 0o777 == 0o600  # it holds requesters' personal data

    _empty_everything()
    assert every_file() == {}
    assert not AuditEvent.objects.exists()

    assert main(["restore", str(archive), "--json"]) == 0
    restored = json.loads(capsys.readouterr().out)
    assert restored["ok"] is True
    assert restored["audit"]["ok"] is True and restored["audit"]["ends_at_backup_head"] is True
    assert restored["migrations_match_backup"] is True and restored["pending_migrations"] == []
    assert restored["moved_aside"] is None
    assert every_row() == rows
    assert every_file() == files
    a_case_with_a_file()  # the keys' sequences were restored too: new rows take new keys

    # The archive is also the audit anchor: the restored chain reaches the head it recorded.
    assert main(["audit", "verify", "--head", str(archive), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_the_portable_dumpdata_format_round_trips_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a_case_with_a_file()
    rows, files = every_row(), every_file()
    archive = tmp_path / "portable.tar"
    assert main(["backup", "-o", str(archive), "--database-format", "dumpdata", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["database"]["format"] == "dumpdata"
    _empty_everything()
    assert main(["restore", str(archive), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert _model_rows(every_row()) == _model_rows(rows)
    assert every_file() == files
    a_case_with_a_file()  # the keys' sequences were restored too: new rows take new keys


def _model_rows(rows: dict[str, list[tuple[object, ...]]]) -> dict[str, object]:
    """What dumpdata carries: every model's rows; many-to-many links by what they link, not their own id.

    The migration state is the code's own (the restore migrates before it loads).
    """
    links = {m._meta.db_table for m in apps.get_models(include_auto_created=True) if m._meta.auto_created}
    return {
        table: sorted((row[1:] for row in found), key=repr) if table in links else found
        for table, found in rows.items()
        if table != "django_migrations"
    }


def test_backup_says_what_it_carried_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a_case_with_a_file()
    archive = tmp_path / "words.tar"
    assert main(["backup", "-o", str(archive)]) == 0
    out = capsys.readouterr().out
    assert f"Backed up to {archive}" in out and "1 files" in out
    head = AuditEvent.objects.order_by("-id").first()
    assert head is not None and head.hash in out


def test_backup_never_overwrites_an_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "kept.tar"
    archive.write_bytes(b"an older backup")
    assert main(["backup", "-o", str(archive)]) == 2
    assert "exists" in capsys.readouterr().err
    assert archive.read_bytes() == b"an older backup"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.tar"]  # no partial file left behind


def test_the_manifest_checks_every_member(tmp_path: Path) -> None:
    a_case_with_a_file()
    archive = tmp_path / "b.tar"
    assert main(["backup", "-o", str(archive), "--json"]) == 0
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        handle = tar.extractfile("manifest.json")
        assert handle is not None
        manifest = json.load(handle)
    assert names[-1] == "manifest.json"
    assert sorted(manifest["members"]) == sorted(names[:-1])
    assert all(len(m["sha256"]) == 64 for m in manifest["members"].values())
    assert manifest["migrations"] and manifest["audit_head"]["hash"]


def test_an_archive_inside_the_folder_it_backs_up_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    media = Path(settings.MEDIA_ROOT)
    (media / "published").mkdir(parents=True)
    assert main(["backup", "-o", str(media / "published" / "b.tar")]) == 2
    assert "inside MEDIA_ROOT" in capsys.readouterr().err
    assert list(media.rglob("*")) == [media / "published"]
