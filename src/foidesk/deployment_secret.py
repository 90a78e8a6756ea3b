"""The deployment's secret, and keys derived from it for one purpose each, without Django.

The web settings, the task worker and the ``foidesk`` commands must agree on keys such as the one that
seals a clean PDF copy's text layer (``core/release_check/pdf_seal``): a copy made by ``foidesk
sanitise`` and checked again by the web app, a gunicorn worker or the task worker must be recognised as
the gate's own. All of them read the same secret: ``SECRET_KEY`` from the environment, else the one
generated once into the data folder (``FOIDESK_VAR_DIR``, default ``./var``).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

PDF_SEAL_ENV = "FOIDESK_PDF_SEAL_KEY"


def var_dir() -> Path:
    return Path(os.environ.get("FOIDESK_VAR_DIR", Path.cwd() / "var")).resolve()


def secret_key() -> str:
    """SECRET_KEY from the environment, else one generated once into the data folder (mode 0600)."""
    from_env = os.environ.get("SECRET_KEY")
    if from_env:
        return from_env
    key_file = var_dir() / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def derived_key(purpose: str, secret: str | None = None) -> str:
    """A key for one purpose only, so that knowing it reveals nothing of the secret or of other keys."""
    material = (secret if secret is not None else secret_key()).encode()
    return hmac.new(material, f"foidesk:{purpose}".encode(), hashlib.sha256).hexdigest()


def share_pdf_seal_key(secret: str | None = None) -> None:
    """Give this process the deployment's PDF seal key, unless one was set explicitly."""
    os.environ.setdefault(PDF_SEAL_ENV, derived_key("pdf-seal", secret))
