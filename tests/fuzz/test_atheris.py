"""The atheris targets (coverage-guided, libFuzzer) run a few thousand inputs without a crash."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fuzz.strategies import FUZZ_SCALE

# Found, not imported: the targets run in a child process, and importing atheris here costs collection a third
# of a second.
if importlib.util.find_spec("atheris") is None:
    pytest.skip("atheris is not installed (it has wheels for Linux x86-64 only)", allow_module_level=True)

ROOT = Path(__file__).resolve().parents[2]
RUNS = 4000


def test_the_atheris_targets_run_without_a_crash(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.fuzz.atheris_targets",
            "all",
            f"-runs={RUNS * FUZZ_SCALE}",
            "-max_len=2048",
            "-seed=1",
            f"-artifact_prefix={tmp_path}/",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert f"Done {RUNS * FUZZ_SCALE} runs" in done.stderr
