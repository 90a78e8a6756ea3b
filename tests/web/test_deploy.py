"""Production is a setting, not a guess: the documented production settings pass `check --deploy`.

The settings are read in a fresh interpreter for each environment (they are computed at import).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

from foidesk.web import settings as web_settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY_DOC = ROOT / "docs" / "deploy.md"
SETTINGS_FILE = Path(web_settings.__file__)
PROBED = (
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_PROXY_SSL_HEADER",
    "FOIDESK_RENDER_REQUIRED",
)


def documented_production_env() -> dict[str, str]:
    """The KEY=VALUE lines of the block after `<!-- production-env -->` in docs/deploy.md."""
    text = DEPLOY_DOC.read_text()
    block = re.search(r"<!-- production-env -->\s*```sh\n(.*?)```", text, re.S)
    assert block is not None, "docs/deploy.md has lost its production environment block"
    env = dict(line.split("=", 1) for line in block.group(1).splitlines() if line.strip())
    return env


def _clean_env(tmp_path: Path, env: dict[str, str]) -> dict[str, str]:
    base = {
        k: v
        for k, v in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE: set by the browser tests in this process, never in a deployment
        if not k.startswith("FOIDESK_") and k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    base.pop("DATABASE_URL", None)
    base.pop("SECRET_KEY", None)
    return {**base, "FOIDESK_VAR_DIR": str(tmp_path), **env}


def _settings(tmp_path: Path, env: dict[str, str]) -> dict[str, object]:
    code = (
        "import json; from foidesk.web import settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {PROBED!r}}}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=_clean_env(tmp_path, env),
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_documented_production_settings_pass_check_deploy_without_a_warning(tmp_path: Path) -> None:
    env = {**documented_production_env(), "SECRET_KEY": secrets.token_urlsafe(64)}
    env["FOIDESK_MEDIA_ROOT"] = str(tmp_path / "media")
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        env={**_clean_env(tmp_path, env), "DJANGO_SETTINGS_MODULE": "foidesk.web.settings"},
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout


def test_production_with_the_placeholder_secret_or_debug_refuses_to_start(tmp_path: Path) -> None:
    for env in (documented_production_env(), {"FOIDESK_PRODUCTION": "1", "FOIDESK_DEBUG": "1"}):
        with pytest.raises(subprocess.CalledProcessError) as failed:
            _settings(tmp_path, env)
        assert "ImproperlyConfigured" in failed.value.stderr


def test_production_mode_is_explicit_and_not_inferred_from_the_database(tmp_path: Path) -> None:
    local = _settings(tmp_path, {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/foidesk"})
    assert local["SESSION_COOKIE_SECURE"] is False and local["CSRF_COOKIE_SECURE"] is False
    assert local["SECURE_SSL_REDIRECT"] is False and local["SECURE_HSTS_SECONDS"] == 0
    assert local["SECURE_PROXY_SSL_HEADER"] is None
    production = _settings(tmp_path, {"FOIDESK_PRODUCTION": "1", "SECRET_KEY": secrets.token_urlsafe(64)})
    assert production["SESSION_COOKIE_SECURE"] is True and production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert production["FOIDESK_RENDER_REQUIRED"] is True
    assert production["SECURE_PROXY_SSL_HEADER"] is None  # a proxy is trusted only when configured
    behind = _settings(tmp_path, {"FOIDESK_TRUSTED_PROXY": "1"})
    assert behind["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


@pytest.mark.django_db
def test_a_client_cannot_claim_https_with_x_forwarded_proto_unless_a_proxy_is_trusted() -> None:
    with override_settings(SECURE_SSL_REDIRECT=True):
        claimed = Client().get("/cookies/", headers={"X-Forwarded-Proto": "https"})
        assert claimed.status_code == 301 and claimed["Location"].startswith("https://")
    with override_settings(
        SECURE_SSL_REDIRECT=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
    ):
        assert Client().get("/cookies/", headers={"X-Forwarded-Proto": "https"}).status_code == 200


@pytest.mark.django_db
def test_signing_in_works_over_plain_http_outside_production(client: Client) -> None:
    response = client.get("/staff/sign-in/")
    assert response.status_code == 200
    assert not response.cookies["csrftoken"]["secure"]


def test_every_foidesk_setting_is_documented_in_deploy_md() -> None:
    names = set(re.findall(r"\"(FOIDESK_[A-Z0-9_]+)\"", SETTINGS_FILE.read_text()))
    names |= {"FOIDESK_VAR_DIR", "FOIDESK_PDF_SEAL_KEY"}  # read outside the settings (deployment_secret.py)
    documented = set(re.findall(r"^\| `(FOIDESK_[A-Z0-9_]+)`", DEPLOY_DOC.read_text(), re.M))
    assert names - documented == set(), "add these to the table in docs/deploy.md"
    assert documented - names == set(), "the table in docs/deploy.md names settings that do not exist"
