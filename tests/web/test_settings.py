"""Settings read from the environment: an empty variable is as if it were not set."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def _database_engine(env: dict[str, str]) -> str:
    code = (
        "import json; from foidesk.web import settings; "
        "print(json.dumps(settings.DATABASES['default']['ENGINE']))"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], env={**os.environ, **env}, capture_output=True, text=True, check=True
    )
    return str(json.loads(completed.stdout.strip().splitlines()[-1]))


def test_an_empty_database_url_means_the_embedded_sqlite() -> None:
    assert _database_engine({"DATABASE_URL": ""}) == "django.db.backends.sqlite3"


def test_a_database_url_selects_postgresql() -> None:
    url = "postgres://postgres@127.0.0.1:5432/foidesk"
    assert _database_engine({"DATABASE_URL": url}) == "django.db.backends.postgresql"
