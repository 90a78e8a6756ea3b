"""Every process of a deployment derives the same keys from its secret; other deployments cannot."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from foidesk import deployment_secret
from tests.core.release_check.corpus_pdf import VISIBLE_PDF, _box, _text, make_pdf

FOIDESK = Path(sys.executable).parent / "foidesk"


def test_a_derived_key_is_stable_and_differs_by_purpose_and_secret() -> None:
    assert deployment_secret.derived_key("pdf-seal", "s1") == deployment_secret.derived_key("pdf-seal", "s1")
    assert deployment_secret.derived_key("pdf-seal", "s1") != deployment_secret.derived_key("other", "s1")
    assert deployment_secret.derived_key("pdf-seal", "s1") != deployment_secret.derived_key("pdf-seal", "s2")
    assert "s1" not in deployment_secret.derived_key("pdf-seal", "s1")


def test_the_secret_is_generated_once_into_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("FOIDESK_VAR_DIR", str(tmp_path))
    first = deployment_secret.secret_key()
    assert deployment_secret.secret_key() == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def _foidesk(*argv: str, secret: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != deployment_secret.PDF_SEAL_ENV}
    env["SECRET_KEY"] = secret
    return subprocess.run([str(FOIDESK), *argv], capture_output=True, text=True, env=env, timeout=300)


@pytest.mark.skipif(not FOIDESK.exists(), reason="the foidesk command is installed by make install")
def test_a_pdf_copy_made_by_one_process_is_recognised_by_another_of_the_same_deployment_only(
    tmp_path: Path,
) -> None:
    leaky = tmp_path / "leaky.pdf"
    make_pdf(leaky, _text(72, 700, VISIBLE_PDF) + _text(72, 600, "SECRET-SEAL-1") + _box(60, 590, 200, 30))
    copy = tmp_path / "copy.pdf"
    made = _foidesk("sanitise", str(leaky), "-o", str(copy), "--json", secret="deployment-a")
    assert made.returncode == 0, made.stderr
    same = _foidesk("check-release", str(copy), "--json", secret="deployment-a")
    assert json.loads(same.stdout)["files"][0]["clean"], same.stdout
    other = _foidesk("check-release", str(copy), "--json", secret="deployment-b")
    codes = {f["code"] for f in json.loads(other.stdout)["files"][0]["findings"]}
    assert "pdf.invisible_text" in codes  # an unsealed invisible text layer is hidden text like any other
