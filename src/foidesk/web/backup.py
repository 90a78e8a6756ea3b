"""Backing up and restoring a deployment: the database and every stored file, in one checked archive.

The archive is a plain tar (``foidesk backup -o ARCHIVE``)::

    database/sqlite3.db          SQLite: an online, consistent copy (sqlite3's backup API)
    database/postgresql.dump     PostgreSQL: ``pg_dump -Fc``, restored with ``pg_restore``
    database/dumpdata.json       either, when pg_dump cannot dump this server: Django's dumpdata
    files/...                    every file under MEDIA_ROOT (uploads, inbound emails, published files)
    manifest.json                last: SHA-256 and size of every other member, the migration state, the
                                 audit chain's head (its anchor) and what the backup found

Restoring (``foidesk restore ARCHIVE``) reads and checks every member against the manifest before it
touches anything; a corrupted, truncated or padded archive is refused and nothing changes. It refuses a
database that holds data, or a MEDIA_ROOT that holds files, unless forced; then it loads the database,
puts the files in place (any files already there are moved aside, not deleted) and verifies the audit
chain against the head the manifest recorded.

The database is copied before the files, so every file the copy names was on disk when the files were
read (files are written once, under new names); a file uploaded in between is carried as an orphan.
The deployment's SECRET_KEY is not in the archive: keep it with the archive, separately.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.core import serializers
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, models, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from foidesk import __version__
from foidesk.web import exact_json
from foidesk.web.audit.models import AuditEvent
from foidesk.web.audit.services import (
    GENESIS_HASH,
    audit_head,
    audit_verify,
    audit_verify_anchor,
    head_signature,
)

FORMAT = "foidesk-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
FILES_PREFIX = "files/"
SQLITE_MEMBER = "database/sqlite3.db"
PG_DUMP_MEMBER = "database/postgresql.dump"
DUMPDATA_MEMBER = "database/dumpdata.json"  # web/exact_json.py: Django's JSON, datetimes kept whole
DATABASE_MEMBERS = (SQLITE_MEMBER, PG_DUMP_MEMBER, DUMPDATA_MEMBER)
CHUNK = 1024 * 1024
ARCHIVE_MODE = 0o600  # the archive holds requesters' personal data
# A manifest larger than this is not one of ours (a million files is about 150 MB of manifest).
MAX_MANIFEST_BYTES = 256 * 1024 * 1024
PG_TOOL_TIMEOUT_SECONDS = 6 * 60 * 60


class BackupError(Exception):
    """The backup or restore could not be done; the message says why, and what was (not) changed."""


# --- Backing up ----------------------------------------------------------------------------------------


def backup_create(archive: Path, *, database_format: str = "auto") -> dict[str, Any]:
    """Write ARCHIVE (refusing to overwrite one); returns the manifest.

    ``database_format``: ``auto`` (the engine's own tool), ``dumpdata`` (Django's, portable between
    engines and versions, slower).
    """
    if archive.exists():
        raise BackupError(f"{archive} exists; choose a new name (a backup never overwrites one)")
    media = Path(settings.MEDIA_ROOT).resolve()
    if archive.parent.resolve() == media or media in archive.parent.resolve().parents:
        raise BackupError(f"{archive} is inside MEDIA_ROOT ({media}), which it backs up: write it elsewhere")
    if not archive.parent.is_dir():
        raise BackupError(f"{archive.parent} is not a folder")
    partial = archive.with_name(f".{archive.name}.{secrets.token_hex(4)}.partial")
    work = Path(_mkdtemp(archive.parent, ".foidesk-backup-"))
    try:
        members: dict[str, dict[str, Any]] = {}
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, ARCHIVE_MODE)
        with (
            os.fdopen(fd, "wb") as raw,
            tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar,
        ):
            verified = audit_verify()
            database = _dump_database(work, database_format)
            head, migrations = database.pop("audit_head"), database.pop("migrations")
            _add_file(tar, members, database["member"], Path(database.pop("path")))
            missing = _referenced_files_missing()
            for path, relative in _media_files(media):
                _add_file(tar, members, FILES_PREFIX + relative, path)
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "foidesk_version": __version__,
                "created_at": dt.datetime.now(dt.UTC).isoformat(),
                "database": database,
                "migrations": migrations,
                "audit_head": head,
                "audit_verified": verified,
                "files": sum(1 for name in members if name.startswith(FILES_PREFIX)),
                "referenced_files_missing": missing,
                "members": members,
            }
            data = json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8")
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode, info.mtime = len(data), 0o600, int(dt.datetime.now(dt.UTC).timestamp())
            tar.addfile(info, _BytesReader(data))
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, archive)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return manifest


def _mkdtemp(parent: Path, prefix: str) -> str:
    import tempfile

    return tempfile.mkdtemp(prefix=prefix, dir=parent)


class _BytesReader:
    def __init__(self, data: bytes) -> None:
        self._data, self._at = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._data) if size < 0 else self._at + size
        chunk = self._data[self._at : end]
        self._at += len(chunk)
        return chunk


class _HashingReader:
    """Reads a file into the tar and hashes exactly the bytes that went in."""

    def __init__(self, handle: IO[bytes]) -> None:
        self._handle = handle
        self.sha256 = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self._handle.read(size)
        self.sha256.update(chunk)
        return chunk


def _add_file(tar: tarfile.TarFile, members: dict[str, dict[str, Any]], name: str, path: Path) -> None:
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        info = tarfile.TarInfo(name)
        info.size, info.mode, info.mtime = size, 0o600, int(os.fstat(handle.fileno()).st_mtime)
        reader = _HashingReader(handle)
        try:
            tar.addfile(info, reader)
        except OSError as error:  # the file shrank while it was read
            raise BackupError(
                f"{path} changed while it was backed up ({error}); run the backup again"
            ) from error
    members[name] = {"sha256": reader.sha256.hexdigest(), "size": size}


def _media_files(media: Path) -> Iterator[tuple[Path, str]]:
    """Every regular file under MEDIA_ROOT, in a stable order; links and special files are refused."""
    if not media.exists():
        return
    for root, dirs, names in os.walk(media):
        dirs.sort()
        for name in sorted(names):
            path = Path(root) / name
            if path.is_symlink() or not path.is_file():
                raise BackupError(f"{path} is not a regular file; a backup carries only regular files")
            yield path, path.relative_to(media).as_posix()


def _applied_migrations() -> list[list[str]]:
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return []
    return sorted([app, name] for app, name in recorder.applied_migrations())


def _referenced_files_missing() -> list[str]:
    """Files the database names that are not under MEDIA_ROOT (reported, never a reason to stop)."""
    media = Path(settings.MEDIA_ROOT)
    missing: list[str] = []
    for model in apps.get_models():
        for file_field in [f for f in model._meta.get_fields() if isinstance(f, models.FileField)]:
            names = model._base_manager.exclude(**{file_field.name: ""}).values_list(
                file_field.name, flat=True
            )
            missing.extend(name for name in names.iterator() if name and not (media / name).is_file())
    return sorted(missing)


def _dump_database(work: Path, database_format: str) -> dict[str, Any]:
    """The database's copy, with the audit head and migration state of that same copy.

    The head must be the copy's own: an event appended between reading the head and copying would
    otherwise be in the copy beyond its recorded head. SQLite: read from the copy; PostgreSQL: read in
    the snapshot that pg_dump (or dumpdata) then dumps.
    """
    vendor = connection.vendor
    if database_format not in {"auto", "dumpdata"}:
        raise BackupError(f"unknown database format {database_format!r} (auto or dumpdata)")
    if vendor == "sqlite":
        if database_format == "dumpdata":
            # Not a snapshot: events appended while it runs come after the recorded head (allowed).
            return _with_state(_dumpdata(work, note="dumpdata asked for"))
        target = work / "sqlite3.db"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
            state = _sqlite_state(copy)
        copy.close()
        return {
            "engine": "sqlite",
            "format": "sqlite-backup",
            "member": SQLITE_MEMBER,
            "path": str(target),
            **state,
        }
    if vendor != "postgresql":
        raise BackupError(f"no backup for a {vendor} database")
    tool = _pg_dump_major()
    server = _pg_server_major()
    note = "dumpdata asked for"
    if tool is None:
        note = "pg_dump is not installed: Django's dumpdata was used instead"
    elif tool < server:
        note = f"pg_dump {tool} cannot dump a PostgreSQL {server} server: Django's dumpdata was used"
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = str(cursor.fetchone()[0])
        if database_format == "dumpdata" or tool is None or tool < server:
            return _with_state(_dumpdata(work, note=note))
        target = work / "postgresql.dump"
        _run_pg(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                f"--file={target}",
            ]
        )
        return _with_state(
            {
                "engine": "postgresql",
                "format": "pg_dump-custom",
                "member": PG_DUMP_MEMBER,
                "path": str(target),
                "pg_dump_version": tool,
                "server_version": server,
            }
        )


def _with_state(database: dict[str, Any]) -> dict[str, Any]:
    """The audit head and migrations as this connection sees them (inside the dump's snapshot)."""
    return {**database, "audit_head": audit_head(), "migrations": _applied_migrations()}


def _sqlite_state(copy: sqlite3.Connection) -> dict[str, Any]:
    """The audit head and migrations of a SQLite copy, read from the copy itself."""
    table = AuditEvent._meta.db_table
    try:
        copy.execute(f"SELECT 1 FROM {table} LIMIT 1")  # noqa: S608 - the model's table
    except sqlite3.OperationalError as error:
        raise BackupError(f"the database is not migrated ({error}): nothing to back up") from error
    events = copy.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - the model's table
    last = copy.execute(f"SELECT id, hash FROM {table} ORDER BY id DESC LIMIT 1").fetchone()  # noqa: S608
    head_hash = last[1] if last else GENESIS_HASH
    migrations = sorted([app, name] for app, name in copy.execute("SELECT app, name FROM django_migrations"))
    return {
        "audit_head": {
            "events": events,
            "hash": head_hash,
            "last_event_id": last[0] if last else None,
            "signature": head_signature(events=events, head_hash=head_hash),
        },
        "migrations": migrations,
    }


def _dumpdata(work: Path, *, note: str) -> dict[str, Any]:
    serializers.register_serializer(exact_json.NAME, "foidesk.web.exact_json")
    target = work / "dumpdata.json"
    call_command(
        "dumpdata",
        "--all",  # every row, by primary key: loaded into a flushed database, keys stay as they were
        f"--format={exact_json.NAME}",
        f"--output={target}",
        verbosity=0,
    )
    return {
        "engine": connection.vendor,
        "format": "dumpdata",
        "member": DUMPDATA_MEMBER,
        "path": str(target),
        "note": note,
    }


def _pg_dump_major() -> int | None:
    if shutil.which("pg_dump") is None:
        return None
    out = subprocess.run(["pg_dump", "--version"], capture_output=True, text=True, check=True).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", out)
    return int(match.group(1)) if match else None


def _pg_server_major() -> int:
    connection.ensure_connection()
    return int(connection.pg_version) // 10000  # type: ignore[attr-defined]


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment for pg_dump/pg_restore, from Django's own settings."""
    db = connection.settings_dict
    args = [f"--dbname={db['NAME']}"]
    if db.get("HOST"):
        args.append(f"--host={db['HOST']}")
    if db.get("PORT"):
        args.append(f"--port={db['PORT']}")
    if db.get("USER"):
        args.append(f"--username={db['USER']}")
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    sslmode = (db.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = str(sslmode)
    return args, env


def _run_pg(command: list[str]) -> None:
    args, env = _pg_environment()
    done = subprocess.run(
        [*command, "--no-password", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=PG_TOOL_TIMEOUT_SECONDS,
        check=False,
    )
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed (exit {done.returncode}): {done.stderr.strip()[-2000:]}")


# Before the dump's own statements, in the same transaction: drop every table, sequence and function
# of the schema, so the database becomes exactly the archive's even where it held a newer schema
# (tables the archive's migrations do not have would otherwise stay, and `migrate` would then fail to
# create them; the dump creates its trigger functions, which must not be there already). Functions an
# extension owns are the extension's, and stay.
PG_EMPTY_SCHEMA = """
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
    EXECUTE format('DROP TABLE IF EXISTS public.%I CASCADE', t.tablename);
  END LOOP;
  FOR t IN SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public' LOOP
    EXECUTE format('DROP SEQUENCE IF EXISTS public.%I CASCADE', t.sequence_name);
  END LOOP;
  FOR t IN
    SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS args
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.prokind IN ('f', 'p')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('DROP ROUTINE IF EXISTS public.%I(%s) CASCADE', t.proname, t.args);
  END LOOP;
END $$;
"""


def _pg_restore(staged: _Staged) -> None:
    """Replace the database with the dump in one transaction: all of it, or nothing changed.

    pg_restore turns the dump into SQL; psql runs the schema's emptying and that SQL with
    ``--single-transaction`` and stops at the first error, so a failure rolls everything back.
    """
    script = staged.folder / "restore.sql"
    prelude = staged.folder / "empty-schema.sql"
    prelude.write_text(PG_EMPTY_SCHEMA)
    converted = subprocess.run(
        ["pg_restore", "--no-owner", "--no-privileges", f"--file={script}", str(staged.database)],
        capture_output=True,
        text=True,
        timeout=PG_TOOL_TIMEOUT_SECONDS,
        check=False,
    )
    if converted.returncode != 0:
        raise BackupError(
            f"pg_restore could not read the dump: {converted.stderr.strip()[-2000:]}; nothing was changed"
        )
    connection.close()
    try:
        _run_pg(
            [
                "psql",
                "--no-psqlrc",
                "--quiet",
                "--single-transaction",
                "--set=ON_ERROR_STOP=1",
                f"--file={prelude}",
                f"--file={script}",
            ]
        )
    except BackupError as error:
        raise BackupError(f"{error}; the transaction was rolled back, nothing was changed") from error
    finally:
        connection.close()


# --- Restoring -----------------------------------------------------------------------------------------


@dataclass
class _Staged:
    manifest: dict[str, Any]
    folder: Path
    database: Path
    files: Path
    members: int = 0
    bytes: int = 0
    warnings: list[str] = field(default_factory=list)


def restore(archive: Path, *, force: bool = False) -> dict[str, Any]:
    """Restore ARCHIVE into the configured database and MEDIA_ROOT; returns what was done and verified.

    Nothing is changed unless every member matches the manifest; the database must be empty and
    MEDIA_ROOT hold no files unless ``force``.
    """
    media = Path(settings.MEDIA_ROOT)
    media.parent.mkdir(parents=True, exist_ok=True)
    staged = _stage(archive, media.parent, prefix=staging_prefix(media))
    try:
        manifest = staged.manifest
        _check_migrations_known(manifest)
        _check_engine(manifest)
        holding = database_holdings()
        files_there = any(True for _ in _media_files(media)) if media.exists() else False
        if not force and (any(holding.values()) or files_there):
            what = [f"{count} {name}" for name, count in holding.items() if count]
            if files_there:
                what.append(f"files in {media}")
            raise BackupError(
                "the database is not empty (" + ", ".join(what) + "); restore into an empty database, "
                "or pass --force to replace it (existing files are moved aside, not deleted)"
            )
        _load_database(staged)
        _forget_cached_rows()
        moved_aside = _put_files_in_place(staged, media)
    finally:
        shutil.rmtree(staged.folder, ignore_errors=True)
    return _verify_restored(manifest, staged, moved_aside)


def database_holdings() -> dict[str, int]:
    """What makes a database "not empty" for a restore: users, cases, published entries, audit events."""
    from foidesk.web.cases.models import Request
    from foidesk.web.publication.models import Publication

    found: dict[str, int] = {}
    tables = set(connection.introspection.table_names())
    for name, model in (
        ("users", User),
        ("cases", Request),
        ("publications", Publication),
        ("audit events", AuditEvent),
    ):
        # An unmigrated database (no table yet) is empty.
        found[name] = model._base_manager.count() if model._meta.db_table in tables else 0
    return found


def staging_prefix(media: Path) -> str:
    """The staging folder's name, beside MEDIA_ROOT (same file system: the files are moved in, not copied)."""
    return f".{media.name}-restore-"


def _stage(archive: Path, beside: Path, *, prefix: str) -> _Staged:
    """Read the whole archive into a staging folder, checking every member; refuse at the first doubt."""
    if not archive.is_file():
        raise BackupError(f"{archive} is not a file")
    try:
        tar = tarfile.open(archive, mode="r:")  # noqa: SIM115 - closed by the `with tar` below
    except (tarfile.TarError, OSError) as error:
        raise BackupError(
            f"{archive} is not a FOI Desk backup (not a readable tar: {error}); nothing was changed"
        ) from error
    folder = Path(_mkdtemp(beside, prefix))
    try:
        with tar:
            manifest = _read_manifest(tar, archive)
            expected: dict[str, dict[str, Any]] = manifest["members"]
            staged = _Staged(manifest, folder, folder / "database", folder / "files")
            seen: set[str] = set()
            for member in tar:
                name = member.name
                if name == MANIFEST:
                    continue
                _check_member_name(name, member, expected, seen)
                seen.add(name)
                target = folder / "database" if name in DATABASE_MEMBERS else folder / name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = _extract(tar, member, target)
                want = expected[name]
                if member.size != want["size"] or digest != want["sha256"]:
                    raise BackupError(
                        f"{archive}: {name} does not match its checksum in the manifest: the archive is "
                        "corrupted; nothing was changed"
                    )
                staged.members += 1
                staged.bytes += member.size
            absent = sorted(set(expected) - seen)
            if absent:
                raise BackupError(
                    f"{archive}: {len(absent)} members missing (first: {absent[0]}); nothing was changed"
                )
            if manifest["database"]["member"] not in seen:
                raise BackupError(f"{archive}: no database in the archive; nothing was changed")
            staged.files.mkdir(exist_ok=True)
            return staged
    except (tarfile.TarError, EOFError, OSError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise BackupError(
            f"{archive}: the archive is corrupted or unreadable ({error}); nothing was changed"
        ) from error
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _read_manifest(tar: tarfile.TarFile, archive: Path) -> dict[str, Any]:
    try:
        member = tar.getmember(MANIFEST)
        if not member.isreg() or member.size > MAX_MANIFEST_BYTES:
            raise KeyError(MANIFEST)
        handle = tar.extractfile(member)
        manifest = json.loads(handle.read() if handle else b"")
    except KeyError as error:
        raise BackupError(f"{archive} has no manifest: not a FOI Desk backup; nothing was changed") from error
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        raise BackupError(f"{archive}: the archive is corrupted ({error}); nothing was changed") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{archive} is not a FOI Desk backup; nothing was changed")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"{archive} is backup format {manifest.get('format_version')}; this FOI Desk reads format "
            f"{FORMAT_VERSION}; nothing was changed"
        )
    members = manifest.get("members")
    database = manifest.get("database")
    if (
        not isinstance(members, dict)
        or not isinstance(database, dict)
        or database.get("member") not in DATABASE_MEMBERS
    ):
        raise BackupError(f"{archive}: the manifest is incomplete; nothing was changed")
    if not _manifest_well_formed(manifest):
        raise BackupError(f"{archive}: the manifest is malformed; nothing was changed")
    return manifest


def _manifest_well_formed(manifest: dict[str, Any]) -> bool:
    """Every field the restore reads after it has changed the database is there, of the right kind."""

    def sha256_hex(value: object) -> bool:
        return isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)

    def count(value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0

    members = manifest["members"]
    head = manifest.get("audit_head")
    migrations = manifest.get("migrations")
    return (
        all(
            isinstance(entry, dict) and sha256_hex(entry.get("sha256")) and count(entry.get("size"))
            for entry in members.values()
        )
        and isinstance(head, dict)
        and sha256_hex(head.get("hash"))
        and count(head.get("events"))
        and isinstance(migrations, list)
        and all(
            isinstance(m, list) and len(m) == 2 and all(isinstance(part, str) for part in m)
            for m in migrations
        )
        and isinstance(manifest["database"].get("format"), str)
        and isinstance(manifest["database"].get("engine"), str)
    )


def _check_member_name(name: str, member: tarfile.TarInfo, expected: dict[str, Any], seen: set[str]) -> None:
    if name in seen:
        raise BackupError(f"{name} appears twice in the archive; nothing was changed")
    if name not in expected:
        raise BackupError(f"{name} is in the archive but not in its manifest; nothing was changed")
    if not member.isreg():
        raise BackupError(f"{name} is not a regular file; nothing was changed")
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or "\\" in name or "\x00" in name:
        raise BackupError(f"{name!r} is not a safe name; nothing was changed")
    if name not in DATABASE_MEMBERS and not name.startswith(FILES_PREFIX):
        raise BackupError(f"{name} is neither the database nor a stored file; nothing was changed")


def _extract(tar: tarfile.TarFile, member: tarfile.TarInfo, target: Path) -> str:
    digest = hashlib.sha256()
    source = tar.extractfile(member)
    if source is None:  # pragma: no cover - regular files always have data
        raise BackupError(f"{member.name} has no data")
    written = 0
    with source, target.open("xb") as out:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
            written += len(chunk)
    if written != member.size:
        raise BackupError(f"{member.name} is truncated; nothing was changed")
    return digest.hexdigest()


def _check_migrations_known(manifest: dict[str, Any]) -> None:
    """Refuse an archive from a newer FOI Desk: its schema has migrations this code does not know."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = sorted(tuple(m) for m in manifest.get("migrations", []) if tuple(m) not in known)
    if unknown:
        app, name = unknown[0]
        raise BackupError(
            f"the archive's database has {len(unknown)} migrations this FOI Desk does not have (first: "
            f"{app}.{name}): restore it with the FOI Desk version that made it "
            f"({manifest.get('foidesk_version')}); nothing was changed"
        )


def _check_engine(manifest: dict[str, Any]) -> None:
    database = manifest["database"]
    if database["format"] != "dumpdata" and database["engine"] != connection.vendor:
        raise BackupError(
            f"the archive holds a {database['engine']} database and this deployment uses "
            f"{connection.vendor}; make the backup with --database-format dumpdata to move between them; "
            "nothing was changed"
        )
    if database["format"] == "dumpdata":
        known = sorted(
            [app, name] for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations
        )
        if sorted(manifest.get("migrations", [])) != known:
            raise BackupError(
                "a dumpdata backup loads only into the same schema: this FOI Desk's migrations differ from "
                "the archive's; nothing was changed"
            )


def _load_database(staged: _Staged) -> None:
    fmt = staged.manifest["database"]["format"]
    if fmt == "sqlite-backup":
        connection.ensure_connection()
        if connection.in_atomic_block:
            raise BackupError("cannot restore inside a transaction")
        with sqlite3.connect(staged.database) as source:
            source.backup(connection.connection)
        source.close()
        connection.close()
    elif fmt == "pg_dump-custom":
        _pg_restore(staged)
    elif fmt == "dumpdata":
        call_command("migrate", verbosity=0, interactive=False)
        with transaction.atomic():
            call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
            serializers.register_serializer(exact_json.NAME, "foidesk.web.exact_json")
            # loaddata reads the format from the name's last suffix.
            fixture = staged.database.rename(staged.database.with_name(f"dump.{exact_json.NAME}"))
            call_command("loaddata", str(fixture), verbosity=0)
    else:
        raise BackupError(f"unknown database format {fmt!r}")


def _forget_cached_rows() -> None:
    """Caches of rows that the restore replaced under Django's feet."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


def _put_files_in_place(staged: _Staged, media: Path) -> str | None:
    """Move the staged files into MEDIA_ROOT; files already there are moved aside, never deleted.

    The folders inside MEDIA_ROOT are moved, not MEDIA_ROOT itself: it may be a mount point.
    """
    moved_aside: str | None = None
    media.mkdir(parents=True, exist_ok=True)
    there = sorted(media.iterdir())
    if there:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = media.with_name(f"{media.name}.before-restore-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = media.with_name(f"{media.name}.before-restore-{stamp}-{n}")
        aside.mkdir()
        for entry in there:
            shutil.move(entry, aside / entry.name)
        moved_aside = str(aside)
    for entry in sorted(staged.files.iterdir()):
        shutil.move(entry, media / entry.name)
    return moved_aside


def _verify_restored(manifest: dict[str, Any], staged: _Staged, moved_aside: str | None) -> dict[str, Any]:
    applied = _applied_migrations()
    known = sorted(
        [app, name] for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations
    )
    pending = [m for m in known if m not in applied]
    anchor = manifest["audit_head"]
    # The chain must verify and reach the backup's head at its place; a copy of a live SQLite site by
    # dumpdata may hold events appended after the head was read, which is the chain growing.
    chain = audit_verify_anchor({"hash": anchor["hash"], "events": anchor["events"]})
    exact = chain["ok"] and chain["events"] == anchor["events"]
    ok = chain["ok"] and applied == sorted(manifest.get("migrations", []))
    return {
        "ok": ok,
        "database": manifest["database"]["format"],
        "members": staged.members,
        "bytes": staged.bytes,
        "files": manifest.get("files", 0),
        "backup_created_at": manifest.get("created_at"),
        "audit": {**chain, "ends_at_backup_head": exact},
        "migrations_match_backup": applied == sorted(manifest.get("migrations", [])),
        "pending_migrations": [f"{app}.{name}" for app, name in pending],
        "moved_aside": moved_aside,
        "holdings": database_holdings(),
        "database_alias": DEFAULT_DB_ALIAS,
    }
