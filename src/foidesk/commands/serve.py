"""`foidesk serve`: the production server (gunicorn), static files served by WhiteNoise."""

from __future__ import annotations

import argparse
import os
import sys

from foidesk.commands import CommandFailed, setup_django

NAME = "serve"
SERVER_UMASK = 0o027
HELP = "Serve FOI Desk with gunicorn (static files by WhiteNoise)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))


def run(args: argparse.Namespace) -> int:
    if not 0 < args.port < 65536:
        raise CommandFailed(f"--port must be between 1 and 65535, not {args.port}")
    setup_django()
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)
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
