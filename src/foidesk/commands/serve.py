"""`foidesk serve`: the production server (gunicorn), static files served by WhiteNoise."""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from pathlib import Path

from foidesk.commands import CommandFailed, setup_django

NAME = "serve"
SERVER_UMASK = 0o027
STATIC_DIGEST = ".sources.sha256"  # in STATIC_ROOT: what the collected files were made from
HELP = "Serve FOI Desk with gunicorn (static files by WhiteNoise)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise CommandFailed(f"--port must be between 1 and 65535, not {args.port}")
    setup_django()
    static_files_collect()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foidesk.web.settings")
    print(
        f"FOI Desk on http://{args.host}:{args.port}/  (staff: /staff/, public log: /disclosure-log/)",
        flush=True,
    )
    argv = [
        "gunicorn",
        "foidesk.web.wsgi:application",
        "--bind",
        f"{args.host}:{args.port}",
        "--workers",
        str(args.workers),
        # No gunicorn access log: it prints query strings (personal data). FOI Desk logs one line a request
        # itself, with its id and without the query string (web/request_log.py).
        "--timeout",
        "120",
        # The application is imported once, before the workers fork: the first request is not the one that
        # pays for loading Django, the regime tables and the topic vocabulary, and the workers share it.
        "--preload",
    ]
    # Files the server writes (uploads, published copies, mail in the embedded mode) are not world-readable.
    os.umask(SERVER_UMASK)
    os.execvp(sys.executable, [sys.executable, "-m", "gunicorn", *argv[1:]])  # noqa: S606 - fixed argv, no shell
    return 0  # pragma: no cover (execvp does not return)


def static_files_collect() -> bool:
    """Collect, hash and compress the static files into STATIC_ROOT (``collectstatic``), unless they were
    collected from exactly the files there are now (their paths, sizes and modification times, and the
    storage): compressing them takes a minute of CPU, and most starts change none of them. Returns whether
    they were collected."""
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.core.management import call_command

    digest = hashlib.sha256(settings.STORAGES["staticfiles"]["BACKEND"].encode())
    sources = []
    for finder in get_finders():
        for path, storage in finder.list(["CVS", ".*", "*~"]):
            stat = os.stat(storage.path(path))
            sources.append(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}")
    for line in sorted(sources):
        digest.update(line.encode() + b"\n")
    marker = Path(settings.STATIC_ROOT) / STATIC_DIGEST
    manifest = getattr(staticfiles_storage, "manifest_name", None)
    collected = manifest is None or (Path(settings.STATIC_ROOT) / manifest).is_file()
    if collected and marker.is_file() and marker.read_text().strip() == digest.hexdigest():
        return False
    print("Preparing the static files (compressing them takes about a minute the first time) ...", flush=True)
    call_command("collectstatic", "--noinput", verbosity=0)
    marker.write_text(digest.hexdigest() + "\n")
    return True
