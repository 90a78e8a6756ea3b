"""A large upload through the staff upload page: peak memory of the process that serves it.

A CSV of FOIDESK_BENCH_UPLOAD_MB (default 100) MB, made by this script, is posted as a multipart body
read from a file on disk (``wsgi.input``), through Django's own WSGI handler with every middleware, as a
signed-in case officer (SQLite in a scratch folder). The child process measures its own resident memory
before the request and its high-water mark after it (``/proc/self/status``; ``clear_refs`` resets the
mark first), so the figure is what the request itself added. Measured twice: with the check run in the
request (the embedded mode, no worker), and with ``FOIDESK_TASK_WORKER=1`` (the request only stores
the file; the check is then run by the real django-tasks worker, in the same child, measured apart).
FOIDESK_BENCH_UPLOAD_MB sets another size, FOIDESK_BENCH_UPLOAD_MODES one mode only.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from log_fixture import child_json  # noqa: E402 - benchmarks/ is not a package

MB = int(os.environ.get("FOIDESK_BENCH_UPLOAD_MB", "100"))
MODES = {"check in the request": "0", "check by the worker": "1"}
# FOIDESK_BENCH_UPLOAD_MODES=worker measures only the second (each check of 100 MB takes minutes).
CHOSEN = os.environ.get("FOIDESK_BENCH_UPLOAD_MODES", "request,worker").split(",")
BOUNDARY = "foideskbenchboundary7d1f"
CSRF_SECRET = "b" * 32  # the unmasked form of a CSRF token, accepted in the form as in the cookie
TARGET_SHARE = 0.25  # the upload request adds less than a quarter of the file's size: never held whole


def main() -> str:
    with tempfile.TemporaryDirectory() as folder:
        body = Path(folder) / "body"
        size = _write_body(body, MB * 1024 * 1024)
        results = {}
        for mode, worker in MODES.items():
            if mode.rsplit(" ", 1)[1] not in CHOSEN:
                continue
            with tempfile.TemporaryDirectory() as var:
                env = {
                    **os.environ,
                    "FOIDESK_VAR_DIR": var,
                    "FOIDESK_MEDIA_ROOT": str(Path(var) / "media"),
                    "FOIDESK_REQUIRE_2FA": "0",
                    "FOIDESK_TASK_WORKER": worker,
                    "DJANGO_SETTINGS_MODULE": "foidesk.web.settings",
                }
                env.pop("DATABASE_URL", None)
                results[mode] = child_json(__file__, ["--measure", str(body)], env)
    return _section(size, results)


def _write_body(path: Path, size: int) -> int:
    """A multipart form body holding a synthetic CSV of about ``size`` bytes, written in pieces."""
    row = "".join(f"E{n:07d},Borough {n % 32},{n % 97},{n % 13}\r\n" for n in range(1000)).encode()
    with path.open("wb") as body:
        body.write(_field("csrfmiddlewaretoken", CSRF_SECRET) + _field("title", "Figures"))
        body.write(_field("kind", "attachment"))
        body.write(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="figures.csv"\r\n'
            "Content-Type: text/csv\r\n\r\n".encode()
        )
        body.write(b"reference,borough,officers,complaints\r\n")
        written = 0
        while written < size:
            body.write(row)
            written += len(row)
        body.write(f"\r\n--{BOUNDARY}--\r\n".encode())
    return written


def _field(name: str, value: str) -> bytes:
    return f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()


def _measure(body: Path) -> dict[str, Any]:
    """In the child: set up a case and an officer, then post the body and read the memory it took."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from django.test import Client

    sys.path.insert(0, str(HERE.parent))
    from tests.factories import decided_case, staff

    from foidesk.web.accounts.roles import Role
    from foidesk.web.cases.models import Document

    call_command("migrate", verbosity=0)
    officer = staff(Role.CASE_OFFICER)
    case = decided_case(officer=officer)
    client = Client()
    client.force_login(officer)
    cookies = {
        settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value,
        settings.CSRF_COOKIE_NAME: CSRF_SECRET,
    }
    application = get_wsgi_application()
    path = f"/staff/cases/{case.reference}/documents/"
    _call(application, "GET", path, cookies)  # warm: templates, forms, middleware loaded
    baseline = _reset_peak()
    started = time.perf_counter()
    status, location = _call(application, "POST", path, cookies, body)
    seconds = time.perf_counter() - started
    request_peak = _status_kib("VmHWM")
    if status != "302 Found":
        raise RuntimeError(f"the upload answered {status}")
    result: dict[str, Any] = {
        "request_seconds": seconds,
        "request_added_mib": (request_peak - baseline) / 1024,
        "baseline_mib": baseline / 1024,
        "status": Document.objects.get().check_status,
    }
    if not settings.FOIDESK_RUN_TASKS_INLINE:
        baseline = _reset_peak()
        started = time.perf_counter()
        worker = ["--batch", "--no-startup-delay", "--no-reload", "--interval", "0"]
        call_command("db_worker", *worker, verbosity=0)
        result["task_seconds"] = time.perf_counter() - started
        result["task_added_mib"] = (_status_kib("VmHWM") - baseline) / 1024
        result["status"] = Document.objects.get().check_status
    result["location"] = location
    return result


def _call(
    application: Any, method: str, path: str, cookies: dict[str, str], body: Path | None = None
) -> tuple[str, str]:
    answer: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: object = None) -> None:
        answer["status"], answer["headers"] = status, dict(headers)

    with open(body or os.devnull, "rb") as stream:
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "HTTP_HOST": "127.0.0.1",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_COOKIE": "; ".join(f"{k}={v}" for k, v in cookies.items()),
            "wsgi.input": stream,
            "wsgi.url_scheme": "http",
            "wsgi.errors": sys.stderr,
            "wsgi.version": (1, 0),
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        if body is not None:
            environ["CONTENT_TYPE"] = f"multipart/form-data; boundary={BOUNDARY}"
            environ["CONTENT_LENGTH"] = str(body.stat().st_size)
        response = application(environ, start_response)
        for _ in response:
            pass
        response.close()
    return answer["status"], answer["headers"].get("Location", "")


def _reset_peak() -> int:
    """Reset this process's memory high-water mark; return its resident memory now (KiB)."""
    import gc

    gc.collect()
    Path("/proc/self/clear_refs").write_text("5")
    return _status_kib("VmRSS")


def _status_kib(key: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/self/status has no {key}")


def _section(size: int, results: dict[str, dict[str, Any]]) -> str:
    lines = [
        "## A large upload (memory of the process serving it)",
        "",
        f"A {size / 1024 / 1024:.0f} MB CSV posted to the staff upload page through Django's WSGI handler "
        "(every middleware, SQLite). Memory is what the request (or the check task) added to the "
        "process's resident memory at its peak. Target: the upload request adds under a quarter of the "
        "file's size (it never holds the file whole).",
        "",
        "| mode | upload request | added at peak | target | check task | task added at peak | verdict |",
        "|---|---|---|---|---|---|---|",
    ]
    for mode, r in results.items():
        task = f"{r['task_seconds']:.1f} s" if "task_seconds" in r else "(in the request)"
        task_mib = f"{r['task_added_mib']:.1f} MiB" if "task_added_mib" in r else ""
        ok = "met" if r["request_added_mib"] < TARGET_SHARE * size / 1024 / 1024 else "missed"
        lines.append(
            f"| {mode} | {r['request_seconds']:.1f} s | {r['request_added_mib']:.1f} MiB | {ok} | {task} "
            f"| {task_mib} | {r['status']} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(_measure(Path(sys.argv[2]))))
    else:
        print(main())
