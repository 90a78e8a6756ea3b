"""`foidesk clean-files`: files a crash left in the store, with no row naming them, are removed; files a
row names, and files being written now, are kept."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from foidesk.cli import main
from foidesk.core.workflow import Role
from foidesk.web.cases.documents import document_attach
from tests.factories import decided_case, staff

pytestmark = pytest.mark.django_db


def _old(path: Path, hours: int = 2) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


@pytest.fixture
def store(settings: Any, tmp_path: Path) -> Path:  # pytest-django's settings wrapper
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


def test_only_old_files_no_row_names_are_removed(store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    officer: User = staff(Role.CASE_OFFICER)
    case = decided_case(officer=officer)
    document = document_attach(
        request=case, title="T", filename="a.csv", content=b"a,b\n1,2\n", actor=officer
    )
    kept = store / document.file.name
    _old(kept)
    orphan = store / "documents" / "left-by-a-crash.xlsx"
    orphan.parent.mkdir(parents=True, exist_ok=True)
    orphan.write_bytes(b"PK\x03\x04 truncated")
    _old(orphan)
    being_written = store / "documents" / "upload-in-progress.pdf"
    being_written.write_bytes(b"%PDF-1.7")

    assert main(["clean-files", "--dry-run", "--json"]) == 0
    planned = json.loads(capsys.readouterr().out)
    assert planned["removed"] == ["documents/left-by-a-crash.xlsx"] and planned["dry_run"] is True
    assert planned["kept_recent"] == 1 and orphan.exists()

    assert main(["clean-files", "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["removed"] == ["documents/left-by-a-crash.xlsx"]
    assert not orphan.exists() and kept.exists() and being_written.exists()


def test_a_grace_period_under_a_minute_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean-files", "--grace-minutes", "0"]) == 2
    assert "at least 1" in capsys.readouterr().err


def test_the_sweep_reads_every_file_field_of_every_model(store: Path) -> None:
    from foidesk.web.storage_sweep import referenced_names, unreferenced_files_sweep

    officer: User = staff(Role.CASE_OFFICER)
    case = decided_case(officer=officer)
    document = document_attach(request=case, title="T", filename="b.csv", content=b"x\n1\n", actor=officer)
    assert document.file.name in referenced_names()
    report = unreferenced_files_sweep(now=dt.datetime.now(dt.UTC) + dt.timedelta(days=1))
    assert report.removed == [] and (store / document.file.name).exists()
