"""Files in the store that no record refers to: what a crash leaves behind, found and removed.

A file is written to the store before the transaction that refers to it commits (Django's FileField
saves on ``Model.save``). If the process is killed, or the transaction rolls back, after the write and
before the commit, the file stays with no row pointing at it; a write cut off half-way leaves a
truncated file in the same state. No page or download can reach such a file, since every one goes
through a row, but it may hold personal data, so it must not linger: ``foidesk clean-files`` (cron,
daily) removes every file older than a grace period (a write in progress now is not touched) that no
``FileField`` of any model names.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db.models import FileField

DEFAULT_GRACE = dt.timedelta(hours=1)  # longer than the longest write: a 200 MB upload, a publication


@dataclass(slots=True)
class SweepReport:
    """What a sweep found (``removed`` holds store-relative names), and whether it removed them."""

    dry_run: bool
    referenced: int = 0
    kept_recent: int = 0
    removed: list[str] = field(default_factory=list)
    removed_bytes: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def referenced_names() -> set[str]:
    """Every file name a row of any model refers to, from every ``FileField`` (a new model's too)."""
    names: set[str] = set()
    for model in apps.get_models():
        for model_field in model._meta.get_fields():
            if isinstance(model_field, FileField):
                names.update(
                    name
                    for name in model._default_manager.exclude(**{model_field.name: ""})
                    .values_list(model_field.name, flat=True)
                    .iterator()
                    if name
                )
    return names


def unreferenced_files_sweep(
    *, now: dt.datetime, grace: dt.timedelta = DEFAULT_GRACE, dry_run: bool = False
) -> SweepReport:
    """Remove files under MEDIA_ROOT that no row names and that were last written before ``now - grace``.

    The referenced names are read first, then the store is walked: a file written and committed during
    the walk is newer than the grace period, so it is kept.
    """
    referenced = referenced_names()
    report = SweepReport(dry_run=dry_run, referenced=len(referenced))
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return report
    cutoff = (now - grace).timestamp()
    for folder, _, files in os.walk(root):
        for filename in files:
            path = Path(folder) / filename
            name = path.relative_to(root).as_posix()
            if name in referenced:
                continue
            stat = path.stat()
            if stat.st_mtime > cutoff:
                report.kept_recent += 1
                continue
            report.removed.append(name)
            report.removed_bytes += stat.st_size
            if not dry_run:
                path.unlink()
    report.removed.sort()
    return report
