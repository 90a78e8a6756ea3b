"""What the backup and restore tests share: a snapshot of every table and every stored file."""

from __future__ import annotations

import datetime as dt
import io
import tarfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection

from foidesk.web.cases import services
from foidesk.web.cases.models import Request


def every_row() -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table in the database (not only the models': Django's own tables too)."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - table names from introspection
            rows[table] = sorted(cursor.fetchall(), key=repr)
    return rows


def every_file() -> dict[str, bytes]:
    media = Path(settings.MEDIA_ROOT)
    if not media.exists():
        return {}
    return {p.relative_to(media).as_posix(): p.read_bytes() for p in sorted(media.rglob("*")) if p.is_file()}


def a_case_with_a_file() -> Request:
    """A case (with its audit events) and a stored file: enough data for the refusals' tests."""
    case = services.request_open(
        text="How many arrests in 2023?",
        requester_name="Jo Bloggs",
        requester_email="jo@example.org",
        received_on=dt.date(2026, 4, 1),
        actor=None,
        parse=False,
    )
    default_storage.save(f"cases/{case.reference}/note.txt", ContentFile(b"a stored file\n"))
    return case


def rewrite_archive(
    source: Path,
    target: Path,
    change: Callable[[tarfile.TarInfo, bytes], tuple[tarfile.TarInfo, bytes] | None],
) -> None:
    """Copy a tar member by member through CHANGE (None drops it), as an attacker or a bad disk would."""
    with tarfile.open(source) as tar_in, tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as tar_out:
        for member in tar_in:
            handle = tar_in.extractfile(member)
            data = handle.read() if handle else b""
            changed = change(member, data)
            if changed is None:
                continue
            info, new_data = changed
            info.size = len(new_data)
            tar_out.addfile(info, io.BytesIO(new_data))
