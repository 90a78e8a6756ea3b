"""Sub-commands of the `foidesk` command, one module each.

Each module defines ``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``.
The contract (../shared/DESIGN.md): with ``--json`` a command prints exactly one JSON object on
stdout; errors go to stderr with a non-zero exit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from typing import Any


class CommandFailed(Exception):
    """A command could not do what it was asked; the message is shown to the user as it is."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def emit_json(payload: dict[str, Any]) -> None:
    """Print one JSON object on stdout (the command-line contract)."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, default=str) + "\n")


def read_text_argument(path: str | None) -> str:
    """Read FILE, or standard input for ``-`` or no FILE; undecodable bytes become U+FFFD."""
    if path in (None, "-"):
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise CommandFailed(f"cannot read {path}: {error.strerror}") from error
    return data.decode("utf-8", errors="replace")


def setup_django() -> None:
    """Configure Django for commands that need the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foidesk.web.settings")
    import django

    django.setup()


def date_argument(text: str) -> dt.date:
    """An argparse ``type`` for a date option: YYYY-MM-DD, or a usage error that says so."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from error


def today_argument(value: str | None) -> dt.date:
    """``--today YYYY-MM-DD`` for commands run daily (tests and reruns fix the day); today otherwise.

    Call after `setup_django`: "today" is the authority's local day.
    """
    if not value:
        from django.utils import timezone

        return timezone.localdate()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandFailed(f"--today: {error}") from error
