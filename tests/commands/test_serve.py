"""`foidesk serve` collects the static files only when they changed: compressing them takes a minute."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from foidesk.commands.serve import STATIC_DIGEST, static_files_collect


def _configure(settings: Any, tmp_path: Path) -> Path:
    own = tmp_path / "own"
    own.mkdir()
    (own / "note.css").write_text("p { margin: 0 }\n")
    settings.STATIC_ROOT = str(tmp_path / "collected")
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, str(own)]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    return own


def test_static_files_are_collected_once_then_again_only_when_a_source_changes(
    settings: Any, tmp_path: Path
) -> None:
    own = _configure(settings, tmp_path)
    collected = Path(settings.STATIC_ROOT)

    assert static_files_collect() is True
    assert (collected / "note.css").read_text() == "p { margin: 0 }\n"
    assert (collected / STATIC_DIGEST).is_file()

    (collected / "note.css").write_text("stale\n")  # left alone: nothing was collected
    assert static_files_collect() is False
    assert (collected / "note.css").read_text() == "stale\n"

    (own / "note.css").write_text("p { margin: 1em }\n")
    stat = (own / "note.css").stat()
    os.utime(own / "note.css", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert static_files_collect() is True
    assert (collected / "note.css").read_text() == "p { margin: 1em }\n"


def test_another_storage_or_a_lost_manifest_collects_again(settings: Any, tmp_path: Path) -> None:
    _configure(settings, tmp_path)
    assert static_files_collect() is True
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    assert static_files_collect() is True
    assert static_files_collect() is False
    (Path(settings.STATIC_ROOT) / "staticfiles.json").unlink()  # the hashed names' map is gone
    assert static_files_collect() is True
    assert (Path(settings.STATIC_ROOT) / "staticfiles.json").is_file()
