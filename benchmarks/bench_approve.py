"""Approving a large document for release: the time the decision maker's request takes.

A CSV of FOIDESK_BENCH_APPROVE_MB (default 50) MB is attached to a case (its release check runs then, in
the embedded mode) and approved by a decision maker, in a child process on SQLite in a scratch folder.
The approval reads the stored bytes again in any case (their SHA-256 must be what was checked). Baseline:
the same approval with the recorded verdict made unusable (``checked_with`` emptied, as if the gate's
rules had changed since), so that the whole check runs again in the request, which is what every
approval did before verdicts were relied on. The two are alternated, three times each, in one process;
the median is reported.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from log_fixture import child_json  # noqa: E402 - benchmarks/ is not a package

MB = int(os.environ.get("FOIDESK_BENCH_APPROVE_MB", "50"))
ROUNDS = 3


def main() -> str:
    with tempfile.TemporaryDirectory() as var:
        env = {
            **os.environ,
            "FOIDESK_VAR_DIR": var,
            "FOIDESK_MEDIA_ROOT": str(Path(var) / "media"),
            "FOIDESK_TASK_WORKER": "0",
            "DJANGO_SETTINGS_MODULE": "foidesk.web.settings",
        }
        env.pop("DATABASE_URL", None)
        result = child_json(__file__, ["--measure"], env)
    relied, fresh = result["relied_on_s"], result["checked_again_s"]
    return (
        "## Approving a large document\n\n"
        f"A {result['mb']:.0f} MB CSV (`benchmarks/bench_approve.py`), checked when attached ("
        f"{result['attach_s']:.1f} s, verdict `{result['status']}`), then approved by a decision maker "
        f"({ROUNDS} approvals each way, alternated in one process, median). The approval hashes the stored "
        "bytes again either way.\n\n"
        "| approval | median | target |\n|---|---|---|\n"
        f"| relying on the recorded verdict (same bytes, same gate) | {relied:.2f} s | - |\n"
        f"| checking the whole file again (baseline: every approval before) | {fresh:.2f} s | - |\n\n"
        f"Relying on the verdict takes {relied / fresh:.1%} of the time of checking again, "
        f"{fresh / relied:.0f} times less (load average {result['load']:.1f}).\n"
    )


def _measure() -> dict[str, Any]:
    import django

    django.setup()
    from django.core.files import File
    from django.core.management import call_command

    sys.path.insert(0, str(HERE.parent))
    from tests.factories import decided_case, staff

    from foidesk.web.accounts.roles import Role
    from foidesk.web.cases.documents import document_approve, document_attach
    from foidesk.web.cases.models import Document

    call_command("migrate", verbosity=0)
    officer, decider = staff(Role.CASE_OFFICER), staff(Role.DECISION_MAKER)
    case = decided_case(officer=officer)
    row = "".join(f"E{n:07d},Borough {n % 32},{n % 97},{n % 13}\r\n" for n in range(1000)).encode()
    with tempfile.TemporaryFile() as source:
        source.write(b"reference,borough,officers,complaints\r\n")
        while source.tell() < MB * 1024 * 1024:
            source.write(row)
        size = source.tell()
        source.seek(0)
        started = time.perf_counter()
        document = document_attach(
            request=case, title="Figures", filename="figures.csv", content=File(source), actor=officer
        )
        attach_s = time.perf_counter() - started
    times: dict[str, list[float]] = {"relied_on_s": [], "checked_again_s": []}
    for _ in range(ROUNDS):
        for key in times:
            Document.objects.filter(pk=document.pk).update(approved_by=None, approved_at=None)
            if key == "checked_again_s":
                Document.objects.filter(pk=document.pk).update(checked_with="")
            document.refresh_from_db()
            started = time.perf_counter()
            document_approve(document=document, actor=decider)
            times[key].append(time.perf_counter() - started)
    return {
        "mb": size / 1024 / 1024,
        "attach_s": attach_s,
        "status": Document.objects.get(pk=document.pk).check_status,
        "load": os.getloadavg()[0],
        **{key: statistics.median(values) for key, values in times.items()},
    }


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        import json

        print(json.dumps(_measure()))
    else:
        print(main())
