"""Score the release gate on an outside corpus: a folder of files with a manifest.json (see
tests/data/release_outside/generate.py, which writes one).

For each file, in a subprocess of its own with a time limit: ``check_file`` (is a leaky file blocked,
does a clean file pass with warnings at most), then ``sanitise_file`` (is the copy free of the secret in
every byte, decompressed: zip members, PDF streams, PNG chunks, the PDF text layer; for a secret in the
pixels, is the marked box uniform; does the copy keep the visible text, read back with openpyxl,
python-docx, the ODF content, pypdfium2). Any exception other than ``CannotSanitise`` is a traceback.
Reported per class and overall, as markdown, and in full with ``--json``.

    PYTHONPATH=src python benchmarks/eval_release_outside.py /work/outside-corpus [--json OUT] [--jobs 2]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve()
CORPUS_TOOLS = HERE.parents[1] / "tests/data/release_outside"
PIXEL_SPREAD = 8.0  # standard deviation of grey levels in the secret's box above which its text still shows


# ------------------------------------------------------------------ worker (one file)


def judge_file(entry: dict[str, object], folder: Path) -> dict[str, object]:
    """One file of the corpus judged: the check, the copy, the secret in the copy, the visible text kept."""
    sys.path.insert(0, str(CORPUS_TOOLS))
    from foidesk.core.release_check import CannotSanitise, check_file, sanitise_file

    path = folder / str(entry["file"])
    result: dict[str, object] = {"file": entry["file"]}
    started = time.perf_counter()
    try:
        report = check_file(str(path))
        result["blocked"] = report.blocked
        result["codes"] = sorted({finding.code for finding in report.findings})
        result["severities"] = sorted({finding.severity.value for finding in report.findings})
        result["findings"] = sorted({f"{f.code}:{f.severity.value}" for f in report.findings})
    except Exception:
        result["traceback"] = traceback.format_exc(limit=6)
    result["check_seconds"] = round(time.perf_counter() - started, 3)
    with tempfile.TemporaryDirectory(prefix="outside-copy-") as scratch:
        target = Path(scratch) / path.name
        started = time.perf_counter()
        try:
            sanitise_file(str(path), str(target))
            result["copy"] = True
        except CannotSanitise as error:
            result["copy"] = False
            result["refusal"] = str(error)[:200]
        except Exception:
            result["copy"] = False
            result["traceback"] = result.get("traceback", "") + traceback.format_exc(limit=6)
        result["sanitise_seconds"] = round(time.perf_counter() - started, 3)
        if result["copy"]:
            _judge_copy(entry, target, result)
    return result


def _judge_copy(entry: dict[str, object], copy: Path, result: dict[str, object]) -> None:
    from common import holds

    try:
        text = _normal(copy_text(copy))
    except Exception as error:
        text = ""
        result["copy_unreadable"] = f"{type(error).__name__}: {error}"[:200]
    secret = entry.get("secret")
    if secret:
        if entry.get("secret_in") == "pixels":
            result["secret_in_copy"] = _pixels_show(copy, entry.get("secret_box"))  # type: ignore[arg-type]
        else:
            result["secret_in_copy"] = holds(copy, str(secret)) or _normal(str(secret)) in text
    visible = [str(item) for item in entry.get("visible", [])]  # type: ignore[union-attr]
    result["visible_lost"] = [item for item in visible if _normal(item) not in text]


def _normal(text: str) -> str:
    return " ".join(text.split())


def _pixels_show(copy: Path, box: list[int] | None) -> bool:
    from PIL import Image, ImageStat

    with Image.open(copy) as image:
        image.seek(0)
        grey = image.convert("RGBA").convert("RGB").convert("L")  # colour channels only: alpha ignored
        if box is None:
            return False
        spread = ImageStat.Stat(grey.crop(tuple(box))).stddev[0]
    return spread > PIXEL_SPREAD


def copy_text(path: Path) -> str:
    """The text a reader gets from the file, by its kind (read by content, not by name)."""
    data = path.read_bytes()
    return _text_of(data, path.suffix.lower())


def _text_of(data: bytes, suffix: str) -> str:
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "xl/workbook.xml" in names:
                return _xlsx_text(data)
            if "word/document.xml" in names:
                return _docx_text(data)
            if "content.xml" in names:
                return _odf_text(archive.read("content.xml"))
            return "\n".join(
                _text_of(archive.read(name), os.path.splitext(name)[1].lower())
                for name in archive.namelist()
                if not name.endswith("/")
            )
    if b"%PDF-" in data[:1024]:
        return _pdf_text(data)
    if suffix in (".csv", ".txt", ".tsv"):
        for codec in ("utf-8-sig", "utf-16", "cp1252"):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue
    return ""


def _xlsx_text(data: bytes) -> str:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    return "\n".join(
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    )


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def _odf_text(content: bytes) -> str:
    from lxml import etree

    root = etree.fromstring(content)
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    return "\n".join("".join(p.itertext()) for p in root.iter(f"{{{text_ns}}}p", f"{{{text_ns}}}h"))


def _pdf_text(data: bytes) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


# ------------------------------------------------------------------ driver


def run_one(entry: dict[str, object], folder: Path, timeout: float) -> dict[str, object]:
    command = [sys.executable, str(HERE), "--worker", str(folder), json.dumps(entry)]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"file": entry["file"], "timeout": True, "seconds": timeout}
    seconds = round(time.perf_counter() - started, 2)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        return {"file": entry["file"], "traceback": done.stderr[-2000:], "seconds": seconds, "crashed": True}
    result: dict[str, object] = json.loads(lines[-1])
    result["seconds"] = round(float(result["check_seconds"]) + float(result["sanitise_seconds"]), 3)  # type: ignore[arg-type]
    return result


def summarise(
    entries: list[dict[str, object]], results: list[dict[str, object]]
) -> dict[str, dict[str, float]]:
    rows: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for entry, result in zip(entries, results, strict=True):
        for key in (str(entry["class"]), "ALL"):
            row = rows[key]
            leaky = entry["kind"] == "leaky"
            row["leaky" if leaky else "clean"] += 1
            if leaky:
                row["blocked"] += bool(result.get("blocked"))
                row["warned_only"] += bool(
                    "blocked" in result and not result["blocked"] and result.get("codes")
                )
                row["copies"] += bool(result.get("copy"))
                row["copy_leaks"] += bool(result.get("copy") and result.get("secret_in_copy"))
            else:
                row["passed"] += bool("blocked" in result and not result["blocked"])
                row["clean_copies"] += bool(result.get("copy"))
            row["visible_lost"] += bool(result.get("copy") and result.get("visible_lost"))
            row["tracebacks"] += bool(result.get("traceback"))
            row["timeouts"] += bool(result.get("timeout"))
            row["max_seconds"] = max(row["max_seconds"], float(result.get("seconds", 0.0)))  # type: ignore[arg-type]
    return {key: dict(value) for key, value in rows.items()}


def markdown(summary: dict[str, dict[str, float]], folder: Path) -> str:
    head = (
        "| class | leaky | blocked | warned only | copies made | copies with secret | clean | clean passed | "
        "copies losing visible text | tracebacks | timeouts | max s |"
    )
    lines = [f"Outside corpus {folder}", "", head, "|" + "---|" * 12]
    for key in sorted(summary, key=lambda k: (k == "ALL", k)):
        r = summary[key]
        lines.append(
            f"| {key} | {r.get('leaky', 0):.0f} | {r.get('blocked', 0):.0f} | "
            f"{r.get('warned_only', 0):.0f} | {r.get('copies', 0):.0f} | "
            f"{r.get('copy_leaks', 0):.0f} | {r.get('clean', 0):.0f} | {r.get('passed', 0):.0f} | "
            f"{r.get('visible_lost', 0):.0f} | {r.get('tracebacks', 0):.0f} | {r.get('timeouts', 0):.0f} | "
            f"{r.get('max_seconds', 0):.1f} |"
        )
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        print(json.dumps(judge_file(json.loads(sys.argv[3]), Path(sys.argv[2]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--json", type=Path, help="write every file's result and the summary here")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per file")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--only", help="score only files whose name contains this")
    args = parser.parse_args()
    entries = json.loads((args.folder / "manifest.json").read_text())
    if args.only:
        entries = [entry for entry in entries if args.only in entry["file"]]
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda entry: run_one(entry, args.folder, args.timeout), entries))
    summary = summarise(entries, results)
    print(markdown(summary, args.folder))
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "files": results}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
